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

from meldcode_cli.errors import InputError, Text
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
    """An answer the item does not accept. ``reason`` is a catalogue text (:class:`Text`:
    key + params) that the edge shows in the chosen language; this module imports no
    catalogue. ``str(error)`` is ``item: reason``."""

    def __init__(self, item_id: str, reason_key: str, /, **params: object) -> None:
        self.item_id = item_id
        self.reason = Text(reason_key, **params)
        super().__init__("error.answer", item_id=item_id, reason=self.reason)


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


def _yes_no(iid: str, raw: Any) -> AnswerValue:
    if isinstance(raw, bool):
        return "ja" if raw else "nee"
    if isinstance(raw, str) and raw.strip().lower() in YES:
        return "ja"
    if isinstance(raw, str) and raw.strip().lower() in NO:
        return "nee"
    raise AnswerError(iid, "answer.yes_no", raw=repr(raw))


def _single(item: SingleChoiceItem, raw: Any, role: str | None) -> AnswerValue:
    ids = [o.id for o in item.options if o.for_role(role)]
    if not isinstance(raw, str) or raw not in ids:
        raise AnswerError(item.id, "answer.choice.one_of", ids=", ".join(ids), raw=repr(raw))
    return raw


def _multi(item: MultiChoiceItem, raw: Any, role: str | None) -> AnswerValue:
    ids = [o.id for o in item.options if o.for_role(role)]
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list | tuple | set | frozenset):
        raise AnswerError(item.id, "answer.choice.list")
    chosen: list[str] = []
    for v in values:
        if not isinstance(v, str) or v not in ids:
            raise AnswerError(item.id, "answer.choice.unknown", raw=repr(v), ids=", ".join(ids))
        if v in chosen:
            raise AnswerError(item.id, "answer.choice.twice", option=v)
        chosen.append(v)
    if len(chosen) < item.min_selected:
        raise AnswerError(item.id, "answer.choice.at_least", n=item.min_selected)
    return frozenset(chosen)


def _text(item: TextItem, raw: Any) -> AnswerValue:
    if not isinstance(raw, str):
        raise AnswerError(item.id, "answer.text.not_text")
    text = raw.strip()
    if not item.multiline and "\n" in text:
        raise AnswerError(item.id, "answer.text.one_line")
    if item.format == "kenmerk" and text:
        from meldcode_cli.privacy.kenmerk import kenmerk_problem

        problem = kenmerk_problem(text)
        if problem is not None:
            raise AnswerError(item.id, problem.key, **problem.params)
    return text


def _date(item: DateItem, raw: Any, today: dt.date | None) -> AnswerValue:
    if isinstance(raw, dt.datetime):
        value = raw.date()
    elif isinstance(raw, dt.date):
        value = raw
    elif isinstance(raw, str):
        value = parse_date(raw, item.id)
    else:
        raise AnswerError(item.id, "answer.date.hint")
    if today is not None:
        if item.range == "future" and value <= today:
            raise AnswerError(item.id, "answer.date.future", today=today.isoformat())
        if item.range == "past" and value > today:
            raise AnswerError(item.id, "answer.date.past", today=today.isoformat())
    return value.isoformat()


def normalize_answer(
    ci: CItem, raw: Any, *, today: dt.date | None = None, role: str | None = None
) -> AnswerValue:
    """Validate and normalise one raw answer; raises :class:`AnswerError` with the reason."""
    item = ci.item
    if isinstance(item, GuidanceItem):
        raise AnswerError(item.id, "answer.guidance")
    empty_list = isinstance(raw, list | tuple) and not raw and not isinstance(item, MultiChoiceItem)
    if raw is None or (isinstance(raw, str) and not raw.strip()) or empty_list:
        if item.required and not ci.deferrable:
            raise AnswerError(item.id, "answer.required")
        return None
    if isinstance(item, YesNoItem):
        return _yes_no(item.id, raw)
    if isinstance(item, SingleChoiceItem):
        return _single(item, raw, role)
    if isinstance(item, MultiChoiceItem):
        return _multi(item, raw, role)
    if isinstance(item, TextItem):
        return _text(item, raw)
    if isinstance(item, DateItem):
        return _date(item, raw, today)
    raise AnswerError(item.id, "answer.unknown_kind")  # pragma: no cover


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
        raise AnswerError(
            item_id, "answer.date.format", hint=Text("answer.date.hint"), raw=repr(raw)
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise AnswerError(
            item_id,
            "answer.date.not_a_day",
            text=text,
            day=day,
            month=month,
            hint=Text("answer.date.hint"),
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
