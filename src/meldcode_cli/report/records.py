"""Which record a report is made from, and whether it may be: a record file, a case folder
or a case label gives the newest record; it is used only when its signature verifies (or it
is an intact training record) and its case's chain is whole. Else :class:`ReportRefused`."""

from __future__ import annotations

from pathlib import Path

from meldcode_cli.errors import CheckFailed
from meldcode_cli.i18n.messages import t
from meldcode_cli.record.model import Record
from meldcode_cli.walk.casestore import CaseError

__all__ = ["UNCHECKED_KEY", "ReportRefused", "load_verified_record", "resolve_record"]


class ReportRefused(CheckFailed):
    """No report: the record does not verify, or ``--advies`` would show an identifying
    value (exit 1). The message says why and what to do."""


def resolve_record(arg: str) -> Path:
    """A record file; a folder (a case folder or its ``records``): its newest record; or a
    case label: that case's newest record."""
    from meldcode_cli.record.store import is_consultation_file
    from meldcode_cli.walk.casestore import CASE_LABEL_PATTERN, CaseStore

    def newest(folder: Path) -> Path | None:
        files = sorted(
            p for p in folder.glob("[0-9][0-9][0-9][0-9]-*.json") if not is_consultation_file(p)
        )
        return files[-1] if files else None

    path = Path(arg).expanduser()
    if path.is_file():
        return path
    if path.is_dir():
        found = newest(path / "records") or newest(path)
        if found is None:
            raise CaseError(t("report.no_records", path=path))
        return found
    if CASE_LABEL_PATTERN.match(arg):
        store = CaseStore()
        if store.exists(arg):
            found = newest(store.folder(arg) / "records")
            if found is None:
                raise CaseError(t("report.case_unsigned", label=arg))
            return found
    raise CaseError(t("report.not_found", path=arg))


UNCHECKED_KEY: list[str] = []
"""Set by :func:`load_verified_record` when the key could not be checked (no keyring)."""


def load_verified_record(path: Path) -> Record:
    """The record in ``path`` if its signature verifies, or if it is an intact training
    record. Raises ReportRefused (exit 1) otherwise, CaseError for unreadable input."""
    from meldcode_cli.record.canonical import integrity_map
    from meldcode_cli.record.profile import ProfileStore
    from meldcode_cli.record.store import Unreadable
    from meldcode_cli.record.verify import Problem, verify_file
    from meldcode_cli.report.verifyview import finding_text

    store = ProfileStore()
    keyring = store.keyring() if store.keyring_path.exists() else None
    try:
        result = verify_file(path, keyring=keyring)
    except Unreadable as e:
        raise CaseError(str(e)) from None
    record = result.record
    if result.valid and record is not None:
        from meldcode_cli.record.signing import case_chain_problems

        problems = case_chain_problems(path)
        if problems:  # a removed, replaced or reordered record of this case
            reasons = "; ".join(finding_text(p) for p in problems)
            raise ReportRefused(t("report.refused", path=path, reasons=reasons))
        if not result.key_checked and keyring is not None:
            # a signature by a key nobody vouched for proves nothing about the melder
            raise ReportRefused(t("report.refused.unchecked", path=path, fp=result.fingerprint))
        if not result.key_checked:
            UNCHECKED_KEY.append(t("report.unchecked_warning", fp=result.fingerprint))
        return record
    only = result.reasons[0].problem if len(result.reasons) == 1 else None
    if record is not None and record.training and only is Problem.UNSIGNED_TRAINING:
        if integrity_map(record) == record.integrity:
            return record
        raise ReportRefused(t("report.refused.training_changed", path=path))
    if only is Problem.UNSIGNED:
        label = record.case if record is not None else "CASUS"
        raise ReportRefused(t("report.refused.unsigned", path=path, label=label))
    reasons = "; ".join(finding_text(f) for f in result.reasons)
    raise ReportRefused(t("report.refused", path=path, reasons=reasons))
