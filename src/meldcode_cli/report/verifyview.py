"""What ``verify`` says about a valid record beyond "valid": who signed it (name, role,
registration), when, with which key and which protocol version, how the summary was
confirmed, and for an amendment what it changed against the record before it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from meldcode_cli.i18n.messages import t

__all__ = ["amendment_lines", "signer_lines"]


def signer_lines(record: dict[str, Any], fingerprint: str | None) -> list[str]:
    prov = record.get("provenance") or {}
    who = prov.get("professional") or {}
    lines = []
    if who:
        extra = [str(who.get("role") or prov.get("role") or "?")]
        if who.get("registration"):
            extra.append(t("verify.registration", registration=who["registration"]))
        lines.append(
            t(
                "verify.signed_by",
                name=who.get("name", "?"),
                extra=", ".join(extra),
                organisation=who.get("organisation", "?"),
            )
        )
    lines.append(t("verify.when", at=record.get("created_at", "?"), fp=fingerprint or "-"))
    proto = prov.get("protocol") or {}
    lines.append(
        t(
            "verify.protocol",
            id=proto.get("id", "?"),
            version=proto.get("version", "?"),
            role=prov.get("role", "?"),
        )
    )
    how = record.get("confirmation")
    lines.append(t("verify.confirmation." + (how if how in ("screen", "yes-flag") else "none")))
    return ["    " + line for line in lines]


def _previous(record: dict[str, Any], path: Path, known: dict[str, dict[str, Any]]) -> Any:
    prev = record.get("previous") or {}
    rid = prev.get("record_id")
    if not isinstance(rid, str):
        return None
    if rid in known:
        return known[rid]
    for sibling in sorted(path.parent.glob("[0-9][0-9][0-9][0-9]-*.json")):
        try:
            data = json.loads(sibling.read_text(encoding="utf-8")).get("record")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(data, dict) and data.get("record_id") == rid:
            return data
    return None


def amendment_lines(
    record: dict[str, Any], path: Path, known: dict[str, dict[str, Any]]
) -> list[str]:
    """For an amendment: the difference with the record it amends (found among the records
    given, or next to the file)."""
    if record.get("kind") != "amendment":
        return []
    from meldcode_cli.record.diff import diff_records, format_diff

    previous = _previous(record, path, known)
    if previous is None:
        return ["    " + t("verify.amends_missing")]
    return ["    " + line for line in format_diff(previous, record, diff_records(previous, record))]
