"""Answer values and what the engine keeps beside them (notes, evaluations, refutations,
justifications, acute events); raw input turned into an answer; relevance and the decision
inputs. Pure: no I/O. :class:`meldcode_cli.walk.engine.Walk` uses these; import them from
there or from here."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from meldcode_cli.errors import InputError
from meldcode_cli.protocol import conditions as cond
from meldcode_cli.protocol.afwegingskader import (
    AFWEGING_IDS,
    decide,
)
from meldcode_cli.protocol.compiled import CItem, CompiledProtocol
from meldcode_cli.protocol.model import (
    DateItem,
    GuidanceItem,
    MultiChoiceItem,
    SingleChoiceItem,
    TextItem,
    YesNoItem,
)

AnswerValue = str | frozenset[str] | None
"""Normalised answers: "ja"/"nee", an option id, a frozenset of option ids, text, ISO date,
or None for an optional item that was skipped."""

FORCED_BY_ONVEILIG = ("afweging_1", "afweging_2")
"""Afwegingen that must be "ja" once acute or structurele onveiligheid is recorded."""

YES = {"ja", "yes", "j", "y", "true"}
NO = {"nee", "no", "n", "false"}


class AnswerError(InputError, ValueError):
    """An answer the item does not accept. ``reason`` is user-facing (Dutch)."""

    def __init__(self, item_id: str, reason: str) -> None:
        super().__init__(f"{item_id}: {reason}")
        self.item_id = item_id
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Superseded:
    item_id: str
    value: AnswerValue
    reason: str
    at: str | None = None


PROVENANCES = ("eigen_waarneming", "client", "derde", "dossier")
"""Where a note comes from: own observation, told by the client, by a third party, the file."""
NATURES = ("feit", "interpretatie")


@dataclass(frozen=True, slots=True)
class Note:
    """A note on an item, with its provenance and whether it is a fact or an interpretation."""

    item_id: str
    text: str
    provenance: str
    nature: str
    at: str | None = None


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The follow-up evaluation was opened (``meldcode evaluate``): afweging 5 may be answered.

    ``reason`` is required when it is opened before the evaluation date (``early``)."""

    day: str
    reason: str | None
    early: bool
    at: str | None = None


@dataclass(frozen=True, slots=True)
class Refutation:
    """A later finding that refutes a step-1 signal (what, when, source)."""

    item_id: str
    value: str
    """The refuted option id (or ja/nee of a yes/no signal)."""
    text: str
    source: str
    at: str | None = None


@dataclass(frozen=True, slots=True)
class Justification:
    """The professional's written justification for a fired ``justify`` check."""

    check_id: str
    text: str
    at: str | None = None


@dataclass(frozen=True, slots=True)
class SignedConsultation:
    """A collegiale consultatie the colleague signed, imported into the case's chain."""

    request_id: str
    consultant: str
    consultant_role: str
    fingerprint: str
    answered_at: str
    record: str


CONSULT_CHECKS = frozenset({"geen_consultatie", "verstrekken_zonder_overleg"})
"""Checks ('handel nooit alleen') that a signed consultation in the case answers."""


@dataclass(frozen=True, slots=True)
class AcuteEvent:
    step: int
    item_id: str | None
    source: str  # "declared" or "signal"
    at: str | None = None


def normalize_answer(  # noqa: C901, PLR0912, PLR0915 - issue 14: to split
    ci: CItem, raw: Any, *, today: dt.date | None = None, role: str | None = None
) -> AnswerValue:
    """Validate and normalise one raw answer; raises :class:`AnswerError` with the reason."""
    item = ci.item
    iid = item.id
    if isinstance(item, GuidanceItem):
        raise AnswerError(iid, "dit is een informatieblok; het heeft geen antwoord")
    empty_list = isinstance(raw, list | tuple) and not raw and not isinstance(item, MultiChoiceItem)
    if raw is None or (isinstance(raw, str) and not raw.strip()) or empty_list:
        if item.required and not ci.deferrable:
            raise AnswerError(iid, "een antwoord is verplicht")
        return None
    if isinstance(item, YesNoItem):
        if isinstance(raw, bool):
            return "ja" if raw else "nee"
        if isinstance(raw, str) and raw.strip().lower() in YES:
            return "ja"
        if isinstance(raw, str) and raw.strip().lower() in NO:
            return "nee"
        raise AnswerError(iid, f"antwoord 'ja' of 'nee', niet {raw!r}")
    if isinstance(item, SingleChoiceItem):
        ids = [o.id for o in item.options if o.for_role(role)]
        if not isinstance(raw, str) or raw not in ids:
            raise AnswerError(iid, f"kies één van: {', '.join(ids)} (niet {raw!r})")
        return raw
    if isinstance(item, MultiChoiceItem):
        ids = [o.id for o in item.options if o.for_role(role)]
        values = [raw] if isinstance(raw, str) else raw
        if not isinstance(values, list | tuple | set | frozenset):
            raise AnswerError(iid, "geef een lijst van opties")
        chosen: list[str] = []
        for v in values:
            if not isinstance(v, str) or v not in ids:
                raise AnswerError(iid, f"onbekende optie {v!r}; mogelijk: {', '.join(ids)}")
            if v in chosen:
                raise AnswerError(iid, f"optie '{v}' staat er twee keer")
            chosen.append(v)
        if len(chosen) < item.min_selected:
            raise AnswerError(iid, f"kies minstens {item.min_selected} optie(s)")
        return frozenset(chosen)
    if isinstance(item, TextItem):
        if not isinstance(raw, str):
            raise AnswerError(iid, "geef tekst")
        text = raw.strip()
        if not item.multiline and "\n" in text:
            raise AnswerError(iid, "één regel tekst")
        if item.format == "kenmerk" and text:
            from meldcode_cli.privacy.kenmerk import kenmerk_problem

            problem = kenmerk_problem(text)
            if problem is not None:
                raise AnswerError(iid, problem)
        return text
    if isinstance(item, DateItem):
        if isinstance(raw, dt.datetime):
            value = raw.date()
        elif isinstance(raw, dt.date):
            value = raw
        elif isinstance(raw, str):
            value = parse_date(raw, iid)
        else:
            raise AnswerError(iid, DATE_HINT)
        if today is not None:
            if item.range == "future" and value <= today:
                raise AnswerError(iid, f"de datum moet na vandaag ({today.isoformat()}) liggen")
            if item.range == "past" and value > today:
                raise AnswerError(iid, f"de datum mag niet na vandaag ({today.isoformat()}) liggen")
        return value.isoformat()
    raise AnswerError(iid, "onbekend soort item")  # pragma: no cover


DATE_HINT = "geef een datum als DD-MM-JJJJ (1-12-2026) of JJJJ-MM-DD (2026-12-01)"

_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(raw: str, item_id: str = "datum") -> dt.date:
    """A date as a professional writes it: ``DD-MM-JJJJ``, ``D-M-JJJJ`` (also with / or .)
    or ISO ``JJJJ-MM-DD``. Raises :class:`AnswerError` with a hint for anything else, and
    for dates that do not exist (31-02-2026)."""
    text = raw.strip()
    dmy = _DMY.fullmatch(text)
    ymd = _YMD.fullmatch(text)
    if dmy:
        day, month, year = (int(x) for x in dmy.groups())
    elif ymd:
        year, month, day = (int(x) for x in ymd.groups())
    else:
        raise AnswerError(item_id, f"{DATE_HINT}, niet {raw!r}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise AnswerError(
            item_id, f"{text} bestaat niet (dag {day}, maand {month}); {DATE_HINT}"
        ) from None


def triggers(ci: CItem, value: AnswerValue) -> tuple[bool, bool]:
    """(acute, structureel) raised by this answer."""
    if value is None or not (ci.acute_values or ci.structural_values):
        return False, False
    if isinstance(value, frozenset):
        return bool(value & ci.acute_values), bool(value & ci.structural_values)
    return value in ci.acute_values, value in ci.structural_values


def _afweging_bools(answers: Mapping[str, AnswerValue]) -> dict[str, bool | None]:
    out: dict[str, bool | None] = {}
    for aid in AFWEGING_IDS:
        v = answers.get(aid)
        out[aid] = None if v is None else v == "ja"
    return out


def without_refuted(value: AnswerValue, refuted: frozenset[str] | None) -> AnswerValue:
    """The answer as far as onveiligheid goes: refuted signals no longer count."""
    if not refuted or value is None:
        return value
    if isinstance(value, frozenset):
        return value - refuted
    return None if value in refuted else value


def relevant_items(
    compiled: CompiledProtocol,
    role: str,
    answers: Mapping[str, AnswerValue],
    *,
    acute_declared: bool = False,
    refuted: Mapping[str, frozenset[str]] | None = None,
) -> list[CItem]:
    """The items relevant for this role and these answers, in walk order.

    Answers to items that are not relevant are ignored, so a stale answer on an
    abandoned branch can never make a later item relevant.
    """
    env: dict[str, cond.Value] = {"role": role}
    acute = acute_declared
    structural = False
    out: list[CItem] = []
    for ci in compiled.items:
        if ci.index == compiled.decision_index:
            decision_env(env, answers, acute or structural)
        env["acute"] = acute
        env["structureel"] = structural
        if ci.cond is not None and not cond.evaluate(ci.cond, env):
            continue
        out.append(ci)
        if ci.id in answers:
            value = answers[ci.id]
            env[ci.id] = value
            a, s = triggers(ci, without_refuted(value, (refuted or {}).get(ci.id)))
            acute = acute or a
            structural = structural or s
    return out


def decision_env(
    env: dict[str, cond.Value], answers: Mapping[str, AnswerValue], unsafe: bool
) -> None:
    d = decide(_afweging_bools(answers), onveilig=unsafe)
    # a melding belongs to the case once decided, also after a follow-up that closes the help
    env["decision.melden"] = bool(d and d.melding_in_case)
    env["decision.hulp"] = bool(d and d.hulp)
    env["decision.afsluiten"] = bool(d and d.afsluiten)
