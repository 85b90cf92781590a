"""A walk bound to a case: every change goes to the journal before the next question.

The engine stays pure; this module adds the durable record. A session can always be
rebuilt from its journal, and that is exactly what ``meldcode resume`` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from meldcode_cli.protocol.afwegingskader import Decision
from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.walk.casestore import Case, CaseError, CaseStore, JournalEntry, protocol_hash
from meldcode_cli.walk.engine import AnswerError, AnswerValue, Note, Walk

__all__ = ["ResumeInfo", "Session", "compile_text"]


def compile_text(
    text: str, display: str, *, organisatie: tuple[str, str] | None = None
) -> CompiledProtocol:
    """Load and compile protocol text; a CaseError with the first problems if it is invalid.

    ``organisatie``: (overlay text, its display path): the organisation's layer is applied
    (docs/organisatie.md); an anchor the protocol does not have is a CaseError."""
    from meldcode_cli.protocol.compiled import compile_protocol
    from meldcode_cli.protocol.loading import load_protocol_text

    loaded = load_protocol_text(text, display)
    compiled = None
    diags = loaded.diagnostics
    protocol = loaded.protocol
    applied = None
    if protocol is not None and organisatie is not None:
        from meldcode_cli.protocol import organisatie as org

        try:
            model = org.parse_pinned(organisatie[0], organisatie[1])
            protocol = org.apply_overlay(protocol, model)
        except ValueError as e:
            raise CaseError("error.session.overlay", problem=e, path=organisatie[1]) from None
        applied = org.Applied(
            model, org.overlay_hash(organisatie[0]), frozenset(org.overlay_ids(model, protocol.id))
        )
    if protocol is not None:
        compiled, diags = compile_protocol(protocol)
    if compiled is None:
        first = "; ".join(f"{d.code} {d.message}" for d in diags[:3])
        raise CaseError("error.session.is_geen_geldig_protocol", display=display, first=first)
    if applied is not None:
        import dataclasses

        compiled = dataclasses.replace(compiled, organisatie=applied)
    return compiled


PINNED_ORGANISATIE = "organisatie.yaml"


def pinned_organisatie(case: Case) -> tuple[str, str] | None:
    """The overlay pinned in a case folder at its start: (text, path), or None."""
    path = case.folder / PINNED_ORGANISATIE
    if not path.is_file():
        return None
    from meldcode_cli.protocol.yamlio import read_text

    try:
        return read_text(path), str(path)
    except (OSError, ValueError) as e:
        from meldcode_cli.files.jsonio import os_error_reason

        reason = os_error_reason(e) if isinstance(e, OSError) else str(e)
        raise CaseError(
            "error.session.pinned_org_unreadable", label=case.label, path=path, reason=reason
        ) from None


def _jsonable(value: AnswerValue) -> Any:
    if isinstance(value, frozenset):
        return sorted(value)
    return value


def _date_of(at: str) -> dt.date:
    try:
        return dt.datetime.fromisoformat(at).date()
    except ValueError:
        return dt.date.today()


@dataclass
class ResumeInfo:
    lost_lines: int = 0
    problem: str | None = None
    protocol_changed: bool = False
    current_hash: str | None = None


class Session:
    """A :class:`Walk` whose every answer, note, acute event and pause is journalled."""

    def __init__(
        self,
        case: Case,
        compiled: CompiledProtocol,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.case = case
        self.compiled = compiled
        self._today = today
        self.walk = self._rebuild()

    # --- construction -------------------------------------------------------------------
    @classmethod
    def start(
        cls,
        store: CaseStore,
        label: str,
        *,
        protocol_text: str,
        compiled: CompiledProtocol,
        role: str,
        lang: str,
        today: Callable[[], dt.date] = dt.date.today,
        organisatie_text: str | None = None,
        fresh: bool = False,
    ) -> Session:
        """A new case and its session; ``fresh``: see :meth:`CaseStore.create`."""
        if role not in compiled.roles:
            raise CaseError(
                "error.flow.rol_hoort_niet_bij",
                role=role,
                id=compiled.id,
                join_compiled_roles=", ".join(compiled.roles),
            )
        case = store.create(
            label,
            protocol_text=protocol_text,
            protocol_id=compiled.id,
            role=role,
            lang=lang,
            fresh=fresh,
        )
        if organisatie_text is not None and compiled.organisatie is not None:
            from meldcode_cli.walk.casestore import atomic_write

            atomic_write(case.folder / PINNED_ORGANISATIE, organisatie_text.encode("utf-8"))
            applied = compiled.organisatie
            case.append(
                "organisatie",
                id=applied.model.id,
                name=applied.model.name,
                hash=applied.hash,
            )
        session = cls(case, compiled, today=today)
        session.save_summary()
        return session

    @classmethod
    def resume(
        cls,
        store: CaseStore,
        label: str,
        *,
        current_text: str | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> tuple[Session, ResumeInfo]:
        case = store.open(label)
        info = ResumeInfo()
        if case.recovered is not None:
            info.lost_lines = case.recovered.lost_lines
            info.problem = case.recovered.problem
        from meldcode_cli.protocol.yamlio import read_text

        try:
            pinned = read_text(case.pinned_protocol)
        except (OSError, ValueError) as e:
            raise CaseError(
                "error.midcase.het_vastgelegde_protocol_van", label=label, e=e
            ) from None
        if protocol_hash(pinned) != case.protocol_hash:
            raise CaseError("error.session.het_vastgelegde_protocol_van", label=label)
        if current_text is not None and protocol_hash(current_text) != case.protocol_hash:
            info.protocol_changed = True
            info.current_hash = protocol_hash(current_text)
        overlay = pinned_organisatie(case)
        compiled = (
            compile_text(pinned, str(case.pinned_protocol), organisatie=overlay)
            if overlay is not None
            else compile_text(pinned, str(case.pinned_protocol))
        )
        session = cls(case, compiled, today=today)
        if info.lost_lines:
            session.case.append("recovered", lost_lines=info.lost_lines, problem=info.problem or "")
        return session, info

    def _rebuild(self) -> Walk:
        walk = Walk(self.compiled, self.case.role, today=self._today())
        for entry in self.case.entries:
            try:
                self._apply(walk, entry)
            except AnswerError as e:
                raise CaseError(
                    "error.session.journaal_van_past_niet",
                    label=self.case.label,
                    entry_seq_1=entry.seq + 1,
                    item_id=e.item_id,
                    reason=e.reason,
                ) from None
        walk.today = self._today()
        return walk

    @staticmethod
    def _apply(walk: Walk, entry: JournalEntry) -> None:
        d = entry.data
        if entry.type == "answer":
            # validate as on the day it was given (a follow-up date was in the future then)
            day = d.get("day")
            walk.today = dt.date.fromisoformat(day) if isinstance(day, str) else _date_of(entry.at)
            if d["item"] == "afweging_5" and d["value"] is not None and walk.evaluation is None:
                # journals from before the evaluation was a separate event
                walk.open_evaluation(
                    "vastgelegd vóór meldcode de evaluatie apart opende", at=entry.at
                )
            walk.answer(d["item"], d["value"], at=entry.at)
        elif entry.type == "shown":
            walk.mark_shown(d["item"])
        elif entry.type == "note":
            walk.add_note(d["item"], d["text"], d["provenance"], d["nature"], at=entry.at)
        elif entry.type == "acute":
            walk.declare_acute(int(d["step"]), at=entry.at)
        elif entry.type == "refutation":
            walk.refute(d["item"], d["value"], d["text"], d["source"], at=entry.at)
        elif entry.type == "justification":
            walk.justify(d["check"], d["text"], at=entry.at)
        elif entry.type == "consultation":
            from meldcode_cli.walk.engine import SignedConsultation

            walk.consultations.append(
                SignedConsultation(
                    request_id=str(d.get("request_id")),
                    consultant=str(d.get("consultant")),
                    consultant_role=str(d.get("consultant_role")),
                    fingerprint=str(d.get("fingerprint")),
                    answered_at=str(d.get("answered_at")),
                    record=str(d.get("record")),
                )
            )
        elif entry.type == "evaluation":
            day = d.get("day")
            walk.today = dt.date.fromisoformat(day) if isinstance(day, str) else _date_of(entry.at)
            walk.open_evaluation(d.get("reason"), at=entry.at)

    # --- changes (journal first-class) ---------------------------------------------------
    def _durably(self, type_: str, **data: Any) -> None:
        try:
            self.case.append(type_, **data)
        except CaseError:
            # the walk may hold a change the journal does not: go back to what is saved
            self.walk = self._rebuild()
            raise

    def answer(self, item_id: str, raw: Any) -> AnswerValue:
        day = self._today()
        self.walk.today = day
        value = self.walk.answer(item_id, raw)  # raises AnswerError: nothing saved
        self._durably("answer", item=item_id, value=_jsonable(value), day=day.isoformat())
        return value

    def mark_shown(self, item_id: str) -> None:
        self.walk.mark_shown(item_id)
        self._durably("shown", item=item_id)

    def add_note(self, item_id: str, text: str, provenance: str, nature: str) -> Note:
        note = self.walk.add_note(item_id, text, provenance, nature)
        self._durably("note", item=item_id, text=note.text, provenance=provenance, nature=nature)
        return note

    def declare_acute(self, step: int) -> None:
        self.walk.declare_acute(step)
        self._durably("acute", step=step)

    def refute(self, item_id: str, value: str, text: str, source: str) -> None:
        r = self.walk.refute(item_id, value, text, source)
        self._durably("refutation", item=item_id, value=value, text=r.text, source=source)
        self.save_summary()

    def justify(self, check_id: str, text: str) -> None:
        j = self.walk.justify(check_id, text)
        self._durably("justification", check=check_id, text=j.text)

    def open_evaluation(self, reason: str | None, day: dt.date | None = None) -> None:
        """Open the afweging-5 evaluation (journalled); before the date only with a reason."""
        if day is not None:
            self._today = lambda: day
        today = self._today()
        self.walk.today = today
        ev = self.walk.open_evaluation(reason, day=today)
        self._durably("evaluation", reason=ev.reason, day=today.isoformat(), early=ev.early)

    def pause(self, drafts: dict[str, dict[str, Any]] | None = None) -> None:
        """Mark the pause; ``drafts``: what open questions held (ticks, typed text), so the
        walk resumes at the same question in the same state."""
        data: dict[str, Any] = {"step": self.walk.current_step()}
        if drafts:
            data["drafts"] = drafts
        self._durably("paused", **data)
        self.save_summary()

    def drafts(self) -> dict[str, dict[str, Any]]:
        """The drafts of the last pause, when nothing was answered since."""
        for entry in reversed(self.case.entries):
            if entry.type == "paused":
                found = entry.data.get("drafts")
                return dict(found) if isinstance(found, dict) else {}
            if entry.type in ("answer", "note", "acute", "completed"):
                return {}
        return {}

    def complete(self) -> Decision | None:
        decision = self.walk.decision()
        self._durably("completed", outcome=self._outcome(), path=self.walk.path_key())
        self.save_summary()
        return decision

    def _outcome(self) -> str | None:
        """The outcome code: the decision's, or an information request's besluit."""
        result = self.walk.decision() or self.walk.verstrekking()
        return result.outcome if result else None

    # --- queries ------------------------------------------------------------------------
    def follow_up_due(self) -> str | None:
        """The afweging-5 evaluation date, while the evaluation is still open."""
        decision = self.walk.decision()
        verstrekking = self.walk.verstrekking()
        if verstrekking is not None and verstrekking.open:
            value = self.walk.answers.get("verstrekking_vervolgdatum")
            return value if isinstance(value, str) else None
        if decision is None or not decision.evaluatie_nodig:
            return None
        value = self.walk.answers.get("afweging_evaluatiedatum")
        return value if isinstance(value, str) else None

    def summary(self) -> dict[str, Any]:
        last = self.case.entries[-1].at if self.case.entries else None
        completed = any(e.type == "completed" for e in self.case.entries)
        return {
            "label": self.case.label,
            "protocol": self.case.protocol_id,
            "protocol_hash": self.case.protocol_hash,
            "role": self.case.role,
            "step": self.walk.current_step(),
            "complete": self.walk.is_complete(),
            "finished": completed,
            "outcome": self._outcome(),
            "last_activity": last,
            "follow_up_due": self.follow_up_due(),
            "acute": self.walk.flags()[0],
            "answers": len(self.walk.answers),
        }

    def save_summary(self) -> None:
        self.case.write_summary(self.summary())
