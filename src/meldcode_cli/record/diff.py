"""The field-level difference between two decision records of one chain.

Used by ``meldcode diff``, by ``verify`` of an amendment, and by the screen shown before an
amendment is signed: which answers changed (from what to what), which notes were added,
how the decision changed, and the reason given for the amendment. Pure: records in,
:class:`Change` values out; the words are :func:`meldcode_cli.report.verifyview.format_diff`.
"""

from __future__ import annotations

from dataclasses import dataclass

from meldcode_cli.record.model import DecisionRecord, ItemRecord, Record, VerstrekkingRecord

__all__ = ["DECISION_FIELDS", "Change", "diff_records"]

DECISION_FIELDS = ("decision.outcome", "decision.meldnormen", "decision.evaluatiedatum")


@dataclass(frozen=True)
class Change:
    """One difference. ``field``: an item id, ``decision.<part>``, ``override`` or
    ``note:<item>``; ``label``: the item's text ("" for the decision and the override,
    which the edge names)."""

    field: str
    label: str
    before: str | None
    after: str | None


def _items(record: Record) -> dict[str, ItemRecord]:
    return {item.id: item for step in record.steps for item in step.items}


def _notes(item: ItemRecord | None) -> list[str]:
    return [n.text for n in item.notes] if item is not None else []


def _decision_text(decision: DecisionRecord | VerstrekkingRecord | None) -> dict[str, str]:
    if decision is None:
        return {}
    if isinstance(decision, VerstrekkingRecord):  # an information request: no melding
        return dict.fromkeys(DECISION_FIELDS, "-")
    parts = [p for p in ("melden", "hulp", "afsluiten") if getattr(decision, p)]
    normen = ", ".join(str(n) for n in decision.meldnormen) or "-"
    return {
        "decision.outcome": " + ".join(parts) or "-",
        "decision.meldnormen": normen,
        "decision.evaluatiedatum": decision.evaluatiedatum or "-",
    }


def diff_records(old: Record, new: Record) -> list[Change]:
    """What changed from ``old`` to ``new``, in walk order (the new record's order first)."""
    changes: list[Change] = []
    before, after = _items(old), _items(new)
    for iid in [*after, *(i for i in before if i not in after)]:
        a, b = before.get(iid), after.get(iid)
        either = b or a
        label = either.text if either is not None and either.text else iid
        was = None if a is None else a.answer_text
        now = None if b is None else b.answer_text
        if (a.answer if a else None) != (b.answer if b else None) or (a is None) != (b is None):
            changes.append(Change(iid, label, was, now))
        added = [n for n in _notes(b) if n not in _notes(a)]
        changes.extend(Change(f"note:{iid}", label, None, n) for n in added)
    d_old, d_new = _decision_text(old.decision), _decision_text(new.decision)
    for key in DECISION_FIELDS:
        if d_old.get(key) != d_new.get(key):
            changes.append(Change(key, "", d_old.get(key), d_new.get(key)))
    ov_old, ov_new = old.override, new.override
    if ov_old != ov_new:
        changes.append(
            Change(
                "override",
                "",
                None if ov_old is None else ov_old.reason,
                None if ov_new is None else ov_new.reason,
            )
        )
    return changes
