"""Building the decision record of a case: from its journal, pinned protocol and the
profile to a validated :class:`~meldcode_cli.record.model.Record`."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from meldcode_cli.record.canonical import integrity_map
from meldcode_cli.record.model import (
    RECORD_SCHEMA_VERSION,
    AcuteRecord,
    Answer,
    ChecksRecord,
    DecisionRecord,
    EvaluationRecord,
    FiredCheck,
    Informed,
    ItemRecord,
    NoteRecord,
    OrganisatieRef,
    Override,
    Professional,
    ProtocolRef,
    Provenance,
    Record,
    RefutationRecord,
    StepRecord,
    SupersededRecord,
    VerstrekkingRecord,
)
from meldcode_cli.record.texts import Texts, default_texts, set_default_texts

__all__ = ["Texts", "build_record", "default_texts", "set_default_texts"]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _times(case: Any, compiled: Any) -> tuple[dict[str, str], dict[int, list[str]]]:
    """From the journal: when each item was answered, and the times seen in each step."""
    answered_at: dict[str, str] = {}
    step_times: dict[int, list[str]] = {}
    for e in case.entries:
        item_id = e.data.get("item")
        if e.type in ("answer", "shown", "note") and isinstance(item_id, str):
            if e.type == "answer":
                answered_at[item_id] = e.at
            ci = compiled.by_id.get(item_id)
            if ci is not None:
                step_times.setdefault(ci.step, []).append(e.at)
    return answered_at, step_times


def _steps(
    walk: Any, lang: str, answer_text: Callable[[Any, object], str], case: Any
) -> list[StepRecord]:
    """Every step of the protocol with the relevant answered items, their notes and times."""
    compiled = walk.compiled
    answered_at, step_times = _times(case, compiled)
    notes_by_item: dict[str, list[NoteRecord]] = {}
    for n in walk.notes:
        notes_by_item.setdefault(n.item_id, []).append(
            NoteRecord(text=n.text, provenance=n.provenance, nature=n.nature, at=n.at)
        )
    relevant = walk.relevant()
    steps: list[StepRecord] = []
    for s in compiled.protocol.steps:
        items = []
        for ci in relevant:
            if ci.step != s.step or not ci.answerable:
                continue
            value = walk.answers.get(ci.id)
            answer: Answer = sorted(value) if isinstance(value, frozenset) else value
            items.append(
                ItemRecord(
                    id=ci.id,
                    kind=ci.item.kind,
                    text=" ".join(ci.item.text.get(lang).split()),
                    answer=answer,
                    answer_text=answer_text(ci, value),
                    answered_at=answered_at.get(ci.id),
                    nature=getattr(ci.item, "nature", None),
                    notes=notes_by_item.get(ci.id, []),
                )
            )
        times = sorted(step_times.get(s.step, []))
        steps.append(
            StepRecord(
                step=s.step,
                title=s.title_for(walk.role).get(lang),
                started_at=times[0] if times else None,
                finished_at=times[-1] if times else None,
                items=items,
            )
        )
    return steps


def _verstrekking_record(walk: Any) -> VerstrekkingRecord | None:
    verstrekking = walk.verstrekking()
    if verstrekking is None:
        return None
    datum = walk.answers.get("verstrekking_vervolgdatum")
    return VerstrekkingRecord(
        besluit=verstrekking.besluit,
        verstrekt=verstrekking.verstrekt,
        deels=verstrekking.deels,
        open=verstrekking.open,
        grondslag=verstrekking.grondslag,
        vervolgdatum=str(datum) if verstrekking.open and datum else None,
        outcome=verstrekking.outcome,
    )


def _decision_record(
    walk: Any, answer_text: Callable[[Any, object], str]
) -> DecisionRecord | VerstrekkingRecord | None:
    """The decision of the afwegingskader (with how the client was informed and the
    evaluation), or the verstrekkingsbesluit of an information request."""
    decision = walk.decision()
    if decision is None:
        return _verstrekking_record(walk)
    compiled = walk.compiled
    relevant_ids = {ci.id for ci in walk.relevant()}

    def shown_answer(iid: str) -> str | None:
        v = walk.answers.get(iid) if iid in relevant_ids else None
        ci = compiled.by_id.get(iid)
        if v is None or ci is None:
            return None
        return answer_text(ci, v)

    evaluatiedatum = walk.answers.get("afweging_evaluatiedatum")
    evaluation = walk.evaluation
    return DecisionRecord(
        melden=decision.melden,
        hulp=decision.hulp,
        afsluiten=decision.afsluiten,
        afwegingen=dict(decision.afwegingen),
        meldnormen=list(decision.meldnormen),
        evaluatiedatum=str(evaluatiedatum) if evaluatiedatum else None,
        samen_met_veilig_thuis=decision.samen_met_veilig_thuis,
        onveiligheid_vastgesteld=decision.onveiligheid_vastgesteld,
        informed=Informed(
            geinformeerd=shown_answer("melding_geinformeerd"),
            reactie=shown_answer("melding_reactie"),
            uitzondering=shown_answer("melding_uitzondering"),
            pogingen=shown_answer("melding_pogingen"),
            anoniem=shown_answer("melding_anoniem"),
        ),
        outcome=decision.outcome,
        open_met_veilig_thuis=[f"afweging_{n}" for n in decision.open_met_veilig_thuis],
        eerder_gemeld=decision.eerder_gemeld,
        evaluatie=(
            EvaluationRecord(
                day=evaluation.day,
                reason=evaluation.reason,
                early=evaluation.early,
                at=evaluation.at,
            )
            if evaluation is not None
            else None
        ),
    )


def _provenance(
    session: Any, lang: str, profile: Any | None, key_fingerprint: str | None
) -> dict[str, Any]:
    """Which tool, protocol (and organisation overlay), role, case and professional."""
    from meldcode_cli import __version__

    compiled = session.walk.compiled
    proto = compiled.protocol
    case = session.case
    professional = None
    if profile is not None:
        professional = Professional(
            name=profile.name,
            role=profile.role,
            organisation=profile.organisation,
            registration=profile.registration,
            contact=profile.contact,
        )
    overlay = compiled.organisatie
    provenance = Provenance(
        tool_version=__version__,
        protocol=ProtocolRef(
            id=proto.id,
            version=proto.version,
            title=proto.title.get(lang),
            hash=case.protocol_hash,
        ),
        role=case.role,
        case=case.label,
        lang=lang,
        professional=professional,
        key_fingerprint=key_fingerprint,
        organisatie=(
            OrganisatieRef(id=overlay.model.id, name=overlay.model.name, hash=overlay.hash)
            if overlay is not None
            else None
        ),
    ).model_dump()
    if provenance["organisatie"] is None:  # records without an overlay: as before
        del provenance["organisatie"]
    return provenance


def build_record(
    session: Any,
    *,
    profile: Any | None,
    key_fingerprint: str | None,
    kind: str = "decision",
    previous: dict[str, Any] | None = None,
    sequence: int = 1,
    training: bool = False,
    override: Override | None = None,
    amendment_reason: str | None = None,
    confirmation: str | None = None,
    texts: Texts | None = None,
) -> Record:
    """The record of a case (validated: a bug here must never produce a signed record).

    ``texts`` gives the words the record keeps beside each answer (the walk's view of it)
    and the language when the case names none: the record layer shows nothing itself.
    """
    walk = session.walk
    case = session.case
    texts = texts or default_texts()
    lang = str(case.header.get("lang") or texts.lang)
    decision_record = _decision_record(walk, texts.answer_text)
    body: dict[str, Any] = {
        "schema": "meldcode-record",
        "schema_version": RECORD_SCHEMA_VERSION,
        "record_id": str(uuid.uuid4()),
        "kind": kind,
        "sequence": sequence,
        "previous": previous,
        "training": training,
        "created_at": _now(),
        "provenance": _provenance(session, lang, profile, key_fingerprint),
        "steps": [s.model_dump() for s in _steps(walk, lang, texts.answer_text, case)],
        "superseded": [
            SupersededRecord(
                item=x.item_id,
                value=sorted(x.value) if isinstance(x.value, frozenset) else x.value,
                reason=x.reason,
                at=x.at,
            ).model_dump()
            for x in walk.superseded
        ],
        "acute": [
            AcuteRecord(step=a.step, item=a.item_id, source=a.source, at=a.at).model_dump()
            for a in walk.acute_events
        ],
        "decision": decision_record.model_dump() if decision_record else None,
        "override": override.model_dump() if override else None,
        "amendment_reason": amendment_reason,
        "checks": _checks_record(walk, lang),
        "refutations": [
            RefutationRecord(
                item=r.item_id, value=r.value, text=r.text, source=r.source, at=r.at
            ).model_dump()
            for r in walk.refutations
        ],
    }
    if confirmation is not None:  # absent, not null, when nobody was asked (training)
        body["confirmation"] = confirmation
    body["integrity"] = integrity_map(body)
    return Record.from_dict(body)  # raises on a bug: it must never produce a signed record


def _checks_record(walk: Any, lang: str) -> dict[str, Any]:
    """The fired checks with their justifications, and the hash of the check definitions."""
    fired: list[FiredCheck] = []
    for c in walk.fired_checks():
        j = walk.justifications.get(c.id)
        fired.append(
            FiredCheck(
                id=c.id,
                severity=c.severity,
                message=" ".join(c.check.message.get(lang).split()),
                shared=c.shared,
                justification=j.text if j else None,
                justified_at=j.at if j else None,
            )
        )
    return ChecksRecord(definitions_hash=walk.compiled.checks_hash, fired=fired).model_dump()
