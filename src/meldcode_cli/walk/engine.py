"""The engine: a protocol, a role and answers in; the next item and the decision out.

Pure: no I/O, no prompts, no clock (the caller passes ``today`` and timestamps). The
interactive walk drives a :class:`Walk` through a ``Prompter``; scenario tests and the
path analysis drive the same code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from meldcode_cli.errors import InputError
from meldcode_cli.protocol import conditions as cond
from meldcode_cli.protocol.afwegingskader import (
    AFWEGING_IDS,
    EVALUATIE_ID,
    OPEN_WITH_VT,
    Decision,
    decide,
)
from meldcode_cli.protocol.compiled import CCheck, CItem, CompiledProtocol
from meldcode_cli.protocol.model import (
    DateItem,
    GuidanceItem,
    MultiChoiceItem,
    SingleChoiceItem,
    TextItem,
    YesNoItem,
)
from meldcode_cli.protocol.verstrekking import Verstrekking, decide_verstrekking

__all__ = [
    "AcuteEvent",
    "AnswerError",
    "Evaluation",
    "Justification",
    "Note",
    "Refutation",
    "Superseded",
    "Walk",
    "decision_env",
    "normalize_answer",
    "parse_date",
    "relevant_items",
    "triggers",
]

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


def normalize_answer(
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


@dataclass
class Walk:
    """The state of one walk through a protocol. Mutable; every change goes through methods."""

    compiled: CompiledProtocol
    role: str
    today: dt.date | None = None
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    superseded: list[Superseded] = field(default_factory=list)
    acute_events: list[AcuteEvent] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    evaluation: Evaluation | None = None
    justifications: dict[str, Justification] = field(default_factory=dict)
    refutations: list[Refutation] = field(default_factory=list)
    consultations: list[SignedConsultation] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.role not in self.compiled.roles:
            raise AnswerError(
                "role",
                f"rol '{self.role}' hoort niet bij dit protocol; mogelijk: "
                f"{', '.join(self.compiled.roles)}",
            )
        # the texts as this role reads them (role_text/role_help); ids and logic unchanged
        self.compiled = self.compiled.for_role(self.role)

    # --- queries --------------------------------------------------------------------
    @property
    def acute_declared(self) -> bool:
        return any(e.source == "declared" for e in self.acute_events)

    def relevant(self) -> list[CItem]:
        return relevant_items(
            self.compiled,
            self.role,
            self.answers,
            acute_declared=self.acute_declared,
            refuted=self.refuted(),
        )

    def refuted(self) -> dict[str, frozenset[str]]:
        """Per item, the answer values (options, or ja/nee) a later finding refuted."""
        out: dict[str, set[str]] = {}
        for r in self.refutations:
            out.setdefault(r.item_id, set()).add(r.value)
        return {k: frozenset(v) for k, v in out.items()}

    def flags(self) -> tuple[bool, bool]:
        """(acute, structureel) over the relevant answers and declarations."""
        acute = self.acute_declared
        structural = False
        refuted = self.refuted()
        for ci in self.relevant():
            value = without_refuted(self.answers.get(ci.id), refuted.get(ci.id))
            a, s = triggers(ci, value)
            acute, structural = acute or a, structural or s
        return acute, structural

    def refute(
        self, item_id: str, value: str, text: str, source: str, *, at: str | None = None
    ) -> Refutation:
        """Record that a later finding refutes a signal. The original answer stays in the
        dossier; the signal no longer counts as acute or structurele onveiligheid."""
        ci = self._item(item_id)
        current = self.answers.get(item_id)
        chosen = current if isinstance(current, frozenset) else {current}
        if value not in chosen:
            raise AnswerError(
                item_id, f"'{value}' is hier niet vastgelegd; er is niets te weerleggen"
            )
        if not text.strip():
            raise AnswerError(item_id, "beschrijf de bevinding die het signaal weerlegt")
        if source not in PROVENANCES:
            raise AnswerError(item_id, f"herkomst: kies uit {', '.join(PROVENANCES)}")
        r = Refutation(ci.id, value, text.strip(), source, at)
        self.refutations.append(r)
        self._reconcile(at)
        return r

    def onveilig(self) -> bool:
        acute, structural = self.flags()
        return acute or structural

    def next_item(self) -> CItem | None:
        """The first relevant item that still needs an answer (or, for guidance, showing)."""
        for ci in self.relevant():
            if ci.answerable:
                if ci.id not in self.answers:
                    if ci.deferrable and self.evaluation is None:
                        continue  # afweging 5: only at the evaluation
                    return ci
            elif ci.id not in self.shown:
                return ci
        return None

    def is_complete(self) -> bool:
        return self.next_item() is None

    def decision(self) -> Decision | None:
        relevant = {ci.id for ci in self.relevant()}
        answers = {k: v for k, v in self.answers.items() if k in relevant}
        return decide(_afweging_bools(answers), onveilig=self.onveilig())

    def path_key(self) -> str:
        """The decision path as in :data:`afwegingskader.ORACLE`, prefixed with the role.

        For an information request it is the verstrekkingsbesluit (``huisarts:deels``).
        """
        if self.compiled.protocol.kind == "informatieverzoek":
            v = self.verstrekking()
            return f"{self.role}:{v.besluit if v else '?'}"
        return f"{self.role}:{path_code(self.decision())}"

    def check_env(self) -> dict[str, cond.Value]:
        """What check conditions see: the relevant answers, role, flags and decision."""
        env: dict[str, cond.Value] = {"role": self.role}
        relevant = self.relevant()
        answers = {ci.id: self.answers[ci.id] for ci in relevant if ci.id in self.answers}
        env.update(answers)
        acute, structural = self.flags()
        env["acute"] = acute
        env["structureel"] = structural
        decision_env(env, answers, acute or structural)
        return env

    def fired_checks(self) -> list[CCheck]:
        """The checks whose condition holds now, in definition order."""
        if not self.compiled.checks:
            return []
        env = self.check_env()
        signed = bool(self.consultations)
        return [
            c
            for c in self.compiled.checks
            if not (signed and c.id in CONSULT_CHECKS) and cond.evaluate(c.cond, env)
        ]

    def unjustified(self) -> list[CCheck]:
        """Fired ``justify`` checks without a written justification."""
        return [
            c
            for c in self.fired_checks()
            if c.severity == "justify" and c.id not in self.justifications
        ]

    def blocking(self) -> list[CCheck]:
        """Fired ``block`` checks: signing is refused until the answers change."""
        return [c for c in self.fired_checks() if c.severity == "block"]

    def justify(self, check_id: str, text: str, *, at: str | None = None) -> Justification:
        """Record the written justification for a ``justify`` check."""
        known = {c.id: c for c in self.compiled.checks}
        check = known.get(check_id)
        if check is None:
            raise AnswerError(check_id, "onbekende controle in dit protocol")
        if check.severity != "justify":
            raise AnswerError(check_id, "deze controle vraagt geen verantwoording")
        if not text or not text.strip():
            raise AnswerError(check_id, "een verantwoording mag niet leeg zijn")
        j = Justification(check_id, text.strip(), at)
        self.justifications[check_id] = j
        return j

    def afweging_2_ja(self) -> bool:
        """Afweging 2 is "ja" (answered, or forced by recorded onveiligheid)."""
        return self.answers.get("afweging_2") == "ja" or self.onveilig()

    def may_leave_open(self, ci: CItem) -> bool:
        """Whether this item may stay without an answer now.

        Afwegingen 3 and 4 after afweging 2 "ja" ("nog te bepalen met Veilig Thuis"),
        afweging 5 until the evaluation, and optional items."""
        if ci.id in OPEN_WITH_VT:
            return self.afweging_2_ja()
        if ci.deferrable:
            return True
        return not getattr(ci.item, "required", True)

    def evaluation_due(self) -> str | None:
        """The evaluation date while afweging 5 is still open."""
        d = self.decision()
        if d is None or not d.evaluatie_nodig:
            return None
        value = self.answers.get(EVALUATIE_ID)
        return value if isinstance(value, str) else None

    def open_evaluation(
        self, reason: str | None = None, *, day: dt.date | None = None, at: str | None = None
    ) -> Evaluation:
        """Open the follow-up evaluation (afweging 5). Before the evaluation date only with a
        reason (for example escalation)."""
        d = self.decision()
        if d is None or not d.evaluatie_nodig:
            raise AnswerError(
                "afweging_5",
                "er is geen lopende hulp om te evalueren (afweging 5 is niet aan de orde)",
            )
        today = day or self.today
        due = self.answers.get(EVALUATIE_ID)
        reason = reason.strip() if reason and reason.strip() else None
        early = bool(today and isinstance(due, str) and today.isoformat() < due)
        if early and reason is None:
            raise AnswerError(
                "afweging_5",
                f"de evaluatiedatum is {due}; eerder evalueren kan alleen met een reden "
                "(bijvoorbeeld escalatie of nieuwe signalen)",
            )
        self.evaluation = Evaluation((today.isoformat() if today else ""), reason, early, at)
        return self.evaluation

    def verstrekking(self) -> Verstrekking | None:
        """The verstrekkingsbesluit of an information request (``None`` for a meldcode)."""
        if self.compiled.protocol.kind != "informatieverzoek":
            return None
        relevant = {ci.id for ci in self.relevant()}
        return decide_verstrekking({k: v for k, v in self.answers.items() if k in relevant})

    def concluded(self) -> bool:
        """The walk has its outcome: a decision, or for an information request a besluit."""
        if self.compiled.protocol.kind == "informatieverzoek":
            return self.verstrekking() is not None
        return self.decision() is not None

    def current_step(self) -> int:
        nxt = self.next_item()
        return nxt.step if nxt else 5

    # --- changes --------------------------------------------------------------------
    def mark_shown(self, item_id: str) -> None:
        ci = self._item(item_id)
        if ci.answerable:
            raise AnswerError(item_id, "dit is een vraag; geef een antwoord")
        if item_id not in self.shown:
            self.shown.append(item_id)

    def answer(self, item_id: str, raw: Any, *, at: str | None = None) -> AnswerValue:
        """Give (or change) an answer. Raises :class:`AnswerError` when it is not accepted."""
        ci = self._item(item_id)
        if ci not in self.relevant():
            raise AnswerError(item_id, "deze vraag is bij de huidige antwoorden niet aan de orde")
        if item_id in OPEN_WITH_VT and _blank(raw) and self.afweging_2_ja():
            value: AnswerValue = None  # "nog te bepalen met Veilig Thuis"
        else:
            value = normalize_answer(ci, raw, today=self.today, role=self.role)
        if ci.deferrable and value is not None and self.evaluation is None:
            raise AnswerError(
                item_id,
                "afweging 5 hoort bij de evaluatie: beantwoord haar op of na de "
                "evaluatiedatum met 'meldcode evaluate' (eerder alleen met een reden)",
            )
        if item_id in FORCED_BY_ONVEILIG and value == "nee" and self._onveilig_without(item_id):
            raise AnswerError(
                item_id,
                "u heeft acute of structurele onveiligheid vastgelegd; deze afweging is "
                "daarom 'ja'. Klopt dat niet, ga dan terug naar dat antwoord.",
            )
        previous = self.answers.get(item_id, _MISSING)
        if previous is not _MISSING and previous != value:
            self.superseded.append(Superseded(item_id, previous, "gewijzigd", at))
        self.answers[item_id] = value
        if item_id in self.order:
            self.order.remove(item_id)
        self.order.append(item_id)
        a, _ = triggers(ci, value)
        if a:
            self.acute_events.append(AcuteEvent(ci.step, item_id, "signal", at))
        self._reconcile(at)
        return value

    def add_note(
        self, item_id: str, text: str, provenance: str, nature: str, *, at: str | None = None
    ) -> Note:
        """Attach a note to an item (kept even when the item later loses relevance)."""
        self._item(item_id)
        if not text.strip():
            raise AnswerError(item_id, "een notitie mag niet leeg zijn")
        if provenance not in PROVENANCES:
            raise AnswerError(item_id, f"herkomst: kies uit {', '.join(PROVENANCES)}")
        if nature not in NATURES:
            raise AnswerError(item_id, "kies feit of interpretatie")
        note = Note(item_id, text.strip(), provenance, nature, at)
        self.notes.append(note)
        return note

    def answered_in_order(self) -> list[CItem]:
        """The relevant items that have an answer, in walk order (for going back)."""
        return [ci for ci in self.relevant() if ci.answerable and ci.id in self.answers]

    def declare_acute(self, step: int, *, at: str | None = None) -> None:
        """The professional declares acute danger (the acute route), at any step."""
        self.acute_events.append(AcuteEvent(step, None, "declared", at))
        self._reconcile(at)

    def _onveilig_without(self, item_id: str) -> bool:
        answers = {k: v for k, v in self.answers.items() if k != item_id}
        acute = self.acute_declared
        structural = False
        refuted = self.refuted()
        for ci in relevant_items(
            self.compiled, self.role, answers, acute_declared=acute, refuted=refuted
        ):
            a, s = triggers(ci, without_refuted(answers.get(ci.id), refuted.get(ci.id)))
            acute, structural = acute or a, structural or s
        return acute or structural

    def _reconcile(self, at: str | None) -> None:
        """Keep answers that lost relevance as superseded, never silently dropped."""
        changed = True
        while changed:
            changed = False
            relevant = {ci.id for ci in self.relevant()}
            for iid in list(self.answers):
                if iid not in relevant:
                    self.superseded.append(
                        Superseded(iid, self.answers.pop(iid), "niet meer van toepassing", at)
                    )
                    self.order.remove(iid)
                    changed = True
            for forced in FORCED_BY_ONVEILIG:
                if self.answers.get(forced) == "nee" and self.onveilig():
                    self.superseded.append(
                        Superseded(
                            forced,
                            self.answers.pop(forced),
                            "onveiligheid vastgelegd; afweging opnieuw",
                            at,
                        )
                    )
                    self.order.remove(forced)
                    changed = True
            self.shown = [s for s in self.shown if s in relevant]

    def _item(self, item_id: str) -> CItem:
        ci = self.compiled.by_id.get(item_id)
        if ci is None:
            raise AnswerError(item_id, "onbekend item in dit protocol")
        return ci

    def replay(self, answers: Mapping[str, Any], acute_steps: Sequence[int] = ()) -> list[str]:
        """Answer in walk order from a mapping (scenario files, ``--answers``).

        Returns the ids of relevant items that the mapping does not answer (all of them,
        not just the first). Raises :class:`AnswerError` on the first invalid answer, or
        when the answers keep reopening each other.
        """
        from meldcode_cli.walk.driver import BareTarget, replay

        return replay(BareTarget(self), answers, acute_steps)


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def path_code(decision: Decision | None) -> str:
    if decision is None:
        return "?????"
    code = ""
    for n in ("1", "2", "3", "4", "5"):
        v = decision.afwegingen[n]
        if v is None and n in decision.open_met_veilig_thuis:
            code += "?"
        else:
            code += "-" if v is None else ("J" if v else "N")
    if decision.evaluatie_nodig:
        code = code[:4] + "?"
    return code


class _Missing:
    pass


_MISSING: Any = _Missing()
