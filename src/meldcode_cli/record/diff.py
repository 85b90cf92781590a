"""The field-level difference between two decision records of one chain.

Used by ``meldcode diff``, by ``verify`` of an amendment, and by the screen shown before an
amendment is signed: which answers changed (from what to what), which notes were added,
how the decision changed, and the reason given for the amendment. Pure: records in, lines
out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from meldcode_cli.i18n.messages import t

__all__ = ["Change", "diff_files", "diff_records", "format_diff"]


@dataclass(frozen=True)
class Change:
    """One difference. ``field``: an item id, ``decision.<part>`` or ``note:<item>``."""

    field: str
    label: str
    before: str | None
    after: str | None


def _items(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for step in record.get("steps") or []:
        for item in step.get("items") or []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                out[item["id"]] = item
    return out


def _notes(item: dict[str, Any]) -> list[str]:
    return [str(n.get("text")) for n in item.get("notes") or [] if isinstance(n, dict)]


def _decision_text(decision: dict[str, Any] | None) -> dict[str, str]:
    if not decision:
        return {}
    parts = [p for p in ("melden", "hulp", "afsluiten") if decision.get(p)]
    normen = ", ".join(str(n) for n in decision.get("meldnormen") or []) or "-"
    return {
        "decision.outcome": " + ".join(parts) or "-",
        "decision.meldnormen": normen,
        "decision.evaluatiedatum": str(decision.get("evaluatiedatum") or "-"),
    }


def diff_records(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """What changed from ``old`` to ``new``, in walk order (the new record's order first)."""
    changes: list[Change] = []
    before, after = _items(old), _items(new)
    for iid in [*after, *(i for i in before if i not in after)]:
        a, b = before.get(iid), after.get(iid)
        label = str((b or a or {}).get("text") or iid)
        was = None if a is None else str(a.get("answer_text"))
        now = None if b is None else str(b.get("answer_text"))
        if (a or {}).get("answer") != (b or {}).get("answer") or (a is None) != (b is None):
            changes.append(Change(iid, label, was, now))
        added = [n for n in _notes(b or {}) if n not in _notes(a or {})]
        changes.extend(Change(f"note:{iid}", label, None, n) for n in added)
    d_old, d_new = _decision_text(old.get("decision")), _decision_text(new.get("decision"))
    for key in ("decision.outcome", "decision.meldnormen", "decision.evaluatiedatum"):
        if d_old.get(key) != d_new.get(key):
            changes.append(Change(key, t("diff." + key), d_old.get(key), d_new.get(key)))
    ov_old, ov_new = old.get("override"), new.get("override")
    if ov_old != ov_new:
        changes.append(
            Change(
                "override",
                t("diff.override"),
                None if not ov_old else str(ov_old.get("reason")),
                None if not ov_new else str(ov_new.get("reason")),
            )
        )
    return changes


def format_diff(old: dict[str, Any], new: dict[str, Any], changes: list[Change]) -> list[str]:
    """The changes as lines a person reads: "label: from → to", with the reason."""

    def ref(r: dict[str, Any]) -> str:
        return f"{r.get('kind')} {r.get('sequence')} ({r.get('created_at')})"

    lines = [t("diff.title", old=ref(old), new=ref(new))]
    reason = new.get("amendment_reason")
    if reason:
        lines.append("  " + t("diff.reason", reason=reason))
    if not changes:
        lines.append("  " + t("diff.none"))
    for c in changes:
        if c.field.startswith("note:"):
            lines.append(f"  + {c.label}: {t('diff.note_added', text=c.after)}")
        elif c.before is None:
            lines.append(f"  + {c.label}: {c.after}")
        elif c.after is None:
            lines.append(f"  - {c.label}: {c.before} ({t('diff.removed')})")
        else:
            lines.append(f"  ~ {c.label}: {c.before} → {c.after}")
    return lines


def diff_files(paths: list[Any]) -> str:
    """``meldcode diff A B``: the two records (schema-checked), older first by sequence."""
    from meldcode_cli.record.core import Unreadable, load_record

    if len(paths) != 2:
        raise Unreadable(t("diff.two"))
    a, b = (load_record(p) for p in paths)
    case_a = (a.get("provenance") or {}).get("case")
    case_b = (b.get("provenance") or {}).get("case")
    if case_a != case_b:
        raise Unreadable(t("diff.other_case", a=case_a, b=case_b))
    if int(a.get("sequence", 0)) > int(b.get("sequence", 0)):
        a, b = b, a
    return "\n".join(format_diff(a, b, diff_records(a, b)))
