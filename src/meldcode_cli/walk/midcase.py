"""A case as it stands, at any step: what ``journaal``, ``report --advies`` and the acute
phone summary are built from.

A signed (or training) record is used when the case has one and nothing was answered after
it; otherwise the record is built in memory from the journal, exactly as ``sign`` would
build it, and never written: a *concept*. Nothing here writes to the case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meldcode_cli.walk.casestore import CaseError, CaseStore

if TYPE_CHECKING:
    from meldcode_cli.record.model import Record

__all__ = ["CaseView", "case_view", "live_record"]

# journal entries that change what a record would hold
_CHANGES = frozenset(("answer", "note", "acute", "shown"))


@dataclass
class CaseView:
    label: str
    record: Record
    concept: bool  # True: built from the journal, not (yet) signed
    training: bool
    step: int  # the step the case is in (5 when complete)
    complete: bool
    record_path: Path | None
    session: Any


def live_record(session: Any) -> Record:
    """The record ``sign`` would write now (unsigned, in memory only)."""
    from meldcode_cli.record.build import build_record
    from meldcode_cli.walk.view import record_texts

    return build_record(
        session, profile=None, key_fingerprint=None, training=False, texts=record_texts()
    )


def case_view(
    label: str, *, store: CaseStore | None = None, today: dt.date | None = None
) -> CaseView:
    """The case ``label`` as it stands. CaseError for an unknown or unreadable case."""
    from meldcode_cli.walk.session import Session

    store = store or CaseStore()
    case = store.open(label, repair=False)  # CaseError 'geen casus', with the known labels
    session = Session(
        case,
        _compiled(case),
        today=(lambda: today) if today is not None else dt.date.today,
    )
    walk = session.walk
    complete = walk.is_complete()
    step = walk.current_step()
    from meldcode_cli.record.store import is_consultation_file

    records = sorted(
        p
        for p in (case.folder / "records").glob("[0-9][0-9][0-9][0-9]-*.json")
        if not is_consultation_file(p)
    )
    last_signed = max(
        (e.seq for e in case.entries if e.type in ("signed", "training_record")), default=-1
    )
    changed_after = any(e.type in _CHANGES and e.seq > last_signed for e in case.entries)
    if records and not changed_after:
        from meldcode_cli.report.records import ReportRefused, load_verified_record

        try:
            record = load_verified_record(records[-1])
        except ReportRefused:
            record = None
        if record is not None:
            return CaseView(
                label,
                record,
                concept=False,
                training=record.training,
                step=step,
                complete=complete,
                record_path=records[-1],
                session=session,
            )
    return CaseView(
        label,
        live_record(session),
        concept=True,
        training=False,
        step=step,
        complete=complete,
        record_path=None,
        session=session,
    )


def _compiled(case: Any) -> Any:
    from meldcode_cli.walk.session import compile_text, pinned_organisatie

    try:
        text = case.pinned_protocol.read_text(encoding="utf-8")
    except OSError as e:
        raise CaseError(
            "error.midcase.het_vastgelegde_protocol_van", label=case.label, e=e
        ) from None
    return compile_text(text, str(case.pinned_protocol), organisatie=pinned_organisatie(case))
