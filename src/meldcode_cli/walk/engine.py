"""The engine: a protocol, a role and answers in; the next item and the decision out.

Pure: no I/O, no prompts, no clock (the caller passes ``today`` and timestamps). The
interactive walk drives a :class:`Walk` through a ``Prompter``; scenario tests and the
path analysis drive the same code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from meldcode_cli.protocol import conditions as cond
from meldcode_cli.protocol.afwegingskader import (
    EVALUATIE_ID,
    OPEN_WITH_VT,
    Decision,
    decide,
)
from meldcode_cli.protocol.compiled import CCheck, CItem, CompiledProtocol
from meldcode_cli.protocol.verstrekking import Verstrekking, decide_verstrekking

__all__ = [
    "NATURES",
    "PROVENANCES",
    "AcuteEvent",
    "AnswerError",
    "AnswerValue",
    "Evaluation",
    "Justification",
    "Note",
    "Refutation",
    "SignedConsultation",
    "Superseded",
    "Walk",
    "decision_env",
    "normalize_answer",
    "parse_date",
    "relevant_items",
    "triggers",
]

from meldcode_cli.walk.answers import (
    CONSULT_CHECKS,
    FORCED_BY_ONVEILIG,
    NATURES,
    PROVENANCES,
    AcuteEvent,
    AnswerError,
    AnswerValue,
    Evaluation,
    Justification,
    Note,
    Refutation,
    SignedConsultation,
    Superseded,
    _afweging_bools,
    decision_env,
    normalize_answer,
    parse_date,
    relevant_items,
    triggers,
    without_refuted,
)


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
                "answer.role",
                role=self.role,
                roles=", ".join(self.compiled.roles),
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
            raise AnswerError(item_id, "answer.refute.not_recorded", value=value)
        if not text.strip():
            raise AnswerError(item_id, "answer.refute.text")
        if source not in PROVENANCES:
            raise AnswerError(item_id, "answer.provenance", choices=", ".join(PROVENANCES))
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
            raise AnswerError(check_id, "answer.check.unknown")
        if check.severity != "justify":
            raise AnswerError(check_id, "answer.check.no_justify")
        if not text or not text.strip():
            raise AnswerError(check_id, "answer.check.empty")
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
                "answer.evaluation.none",
            )
        today = day or self.today
        due = self.answers.get(EVALUATIE_ID)
        reason = reason.strip() if reason and reason.strip() else None
        early = bool(today and isinstance(due, str) and today.isoformat() < due)
        if early and reason is None:
            raise AnswerError(
                "afweging_5",
                "answer.evaluation.early",
                due=due,
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
            raise AnswerError(item_id, "answer.is_question")
        if item_id not in self.shown:
            self.shown.append(item_id)

    def answer(self, item_id: str, raw: Any, *, at: str | None = None) -> AnswerValue:
        """Give (or change) an answer. Raises :class:`AnswerError` when it is not accepted."""
        ci = self._item(item_id)
        if ci not in self.relevant():
            raise AnswerError(item_id, "answer.not_relevant")
        if item_id in OPEN_WITH_VT and _blank(raw) and self.afweging_2_ja():
            value: AnswerValue = None  # "nog te bepalen met Veilig Thuis"
        else:
            value = normalize_answer(ci, raw, today=self.today, role=self.role)
        if ci.deferrable and value is not None and self.evaluation is None:
            raise AnswerError(
                item_id,
                "answer.evaluation.deferred",
            )
        if item_id in FORCED_BY_ONVEILIG and value == "nee" and self._onveilig_without(item_id):
            raise AnswerError(
                item_id,
                "answer.forced_yes",
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
            raise AnswerError(item_id, "answer.note.empty")
        if provenance not in PROVENANCES:
            raise AnswerError(item_id, "answer.provenance", choices=", ".join(PROVENANCES))
        if nature not in NATURES:
            raise AnswerError(item_id, "answer.note.nature")
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
            raise AnswerError(item_id, "answer.unknown_item")
        return ci


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
