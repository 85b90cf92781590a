"""What ``verify`` and ``diff`` say, in words: the findings of :mod:`meldcode_cli.record.verify`
through the catalogue, who signed a valid record (name, role, registration), when, with
which key and which protocol version, how the summary was confirmed, and for an amendment
what it changed against the record before it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from meldcode_cli.i18n.messages import t, tn
from meldcode_cli.record.diff import Change, diff_records
from meldcode_cli.record.model import Record
from meldcode_cli.record.verify import Finding, Problem, VerifyResult

if TYPE_CHECKING:
    from meldcode_cli.record.signing import Pending

__all__ = [
    "amendment_lines",
    "diff_files",
    "finding_text",
    "format_diff",
    "format_verify",
    "pending_lines",
    "signer_lines",
]

_KEYS = {
    Problem.JOURNAL_MISSING: "verify.journal_missing",
    Problem.JOURNAL_REPLACED: "verify.journal_replaced",
}


def finding_text(finding: Finding) -> str:
    """A finding of ``verify`` as a sentence in the current language."""
    if finding.problem is Problem.JOURNAL_UNREADABLE:
        return finding.params["message"]  # already said by the journal reader
    key = _KEYS.get(finding.problem, f"verify.reason.{finding.problem.value}")
    return t(key, **finding.params)


def signer_lines(record: Record, fingerprint: str | None) -> list[str]:
    prov = record.provenance
    who = prov.professional
    lines = []
    if who is not None:
        extra = [who.role or prov.role or "?"]
        if who.registration:
            extra.append(t("verify.registration", registration=who.registration))
        lines.append(
            t(
                "verify.signed_by",
                name=who.name,
                extra=", ".join(extra),
                organisation=who.organisation,
            )
        )
    lines.append(t("verify.when", at=record.created_at, fp=fingerprint or "-"))
    lines.append(
        t(
            "verify.protocol",
            id=prov.protocol.id,
            version=prov.protocol.version,
            role=prov.role,
        )
    )
    how = record.confirmation
    lines.append(t("verify.confirmation." + (how if how is not None else "none")))
    return ["    " + line for line in lines]


def _previous(record: Record, path: Path, known: dict[str, Record]) -> Record | None:
    if record.previous is None:
        return None
    rid = record.previous.record_id
    if rid in known:
        return known[rid]
    for sibling in sorted(path.parent.glob("[0-9][0-9][0-9][0-9]-*.json")):
        try:
            data = json.loads(sibling.read_text(encoding="utf-8")).get("record")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(data, dict) and data.get("record_id") == rid:
            try:
                return Record.from_dict(data)
            except ValidationError:
                return None
    return None


def amendment_lines(record: Record, path: Path, known: dict[str, Record]) -> list[str]:
    """For an amendment: the difference with the record it amends (found among the records
    given, or next to the file)."""
    if record.kind != "amendment":
        return []
    previous = _previous(record, path, known)
    if previous is None:
        return ["    " + t("verify.amends_missing")]
    return ["    " + line for line in format_diff(previous, record, diff_records(previous, record))]


def format_diff(old: Record, new: Record, changes: list[Change]) -> list[str]:
    """The changes as lines a person reads: "label: from → to", with the reason."""

    def ref(r: Record) -> str:
        return f"{r.kind} {r.sequence} ({r.created_at})"

    lines = [t("diff.title", old=ref(old), new=ref(new))]
    reason = new.amendment_reason
    if reason:
        lines.append("  " + t("diff.reason", reason=reason))
    if not changes:
        lines.append("  " + t("diff.none"))
    for c in changes:
        label = c.label or t("diff." + c.field)
        if c.field.startswith("note:"):
            lines.append(f"  + {label}: {t('diff.note_added', text=c.after)}")
        elif c.before is None:
            lines.append(f"  + {label}: {c.after}")
        elif c.after is None:
            lines.append(f"  - {label}: {c.before} ({t('diff.removed')})")
        else:
            lines.append(f"  ~ {label}: {c.before} → {c.after}")
    return lines


def diff_files(paths: list[Any]) -> str:
    """``meldcode diff A B``: the two records (schema-checked), older first by sequence."""
    from meldcode_cli.record.store import Unreadable, load_record

    if len(paths) != 2:
        raise Unreadable(t("diff.two"))
    a, b = (load_record(p) for p in paths)
    if a.case != b.case:
        raise Unreadable(t("diff.other_case", a=a.case, b=b.case))
    if a.sequence > b.sequence:
        a, b = b, a
    return "\n".join(format_diff(a, b, diff_records(a, b)))


def pending_lines(pending: Pending | None) -> list[str]:
    """What an amendment would change (:func:`meldcode_cli.record.signing.pending_changes`)
    as lines; none without a record before it."""
    if pending is None:
        return []
    return format_diff(pending.previous, pending.draft, pending.changes)


def format_verify(results: list[VerifyResult], problems: list[Finding], fmt: str = "text") -> str:
    """The outcome of ``verify`` as text, or as JSON with ``--format json``."""
    if fmt == "json":
        return json.dumps(
            {
                "valid": all(r.valid for r in results) and not problems,
                "records": [
                    {
                        "path": r.path,
                        "valid": r.valid,
                        "reasons": [finding_text(f) for f in r.reasons],
                        "notes": [finding_text(f) for f in r.notes],
                        "hash": r.hash,
                        "key_fingerprint": r.fingerprint,
                        "key_checked": r.key_checked,
                        "kind": r.record.kind if r.record else None,
                        "sequence": r.record.sequence if r.record else None,
                        "case": r.record.case if r.record else None,
                    }
                    for r in results
                ],
                "chain_problems": [finding_text(p) for p in problems],
            },
            ensure_ascii=False,
            indent=2,
        )
    known = {r.record.record_id: r.record for r in results if r.record}
    lines = []
    for r in results:
        rec = r.record
        what = t(
            "verify.what",
            kind=rec.kind if rec else "?",
            seq=rec.sequence if rec else "?",
            case=rec.case if rec else "?",
        )
        if r.valid and rec is not None:
            head = t("verify.valid") if r.key_checked else t("verify.unchecked")
            lines.append(f"{r.path}: {head} ({what}; {r.fingerprint})")
            if not r.key_checked:  # the signer below is who the file claims, not proven
                lines.append("    - " + t("verify.unchecked.hint", fp=r.fingerprint))
            lines += signer_lines(rec, r.fingerprint)
            lines += amendment_lines(rec, Path(r.path), known)
        else:
            lines.append(f"{r.path}: {t('verify.invalid')} ({what})")
            lines.extend(f"    - {finding_text(f)}" for f in r.reasons)
        lines.extend(f"    {finding_text(note)}" for note in r.notes)
    lines.extend(f"{t('verify.chain')}: {finding_text(p)}" for p in problems)
    ok = sum(1 for r in results if r.valid and r.key_checked)
    unchecked = sum(1 for r in results if r.valid and not r.key_checked)
    lines.append(
        tn(
            "verify.summary",
            len(results),
            ok=ok,
            bad=len(results) - ok - unchecked,
            chain=tn("count.chain_problems", len(problems)),
        )
    )
    if unchecked:
        lines.append(tn("verify.summary_unchecked", unchecked))
    return "\n".join(lines)
