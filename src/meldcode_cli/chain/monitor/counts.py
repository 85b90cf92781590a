"""Counting: signed decision records become counts per quarter, protocol and one dimension
at a time, read from the typed :class:`~meldcode_cli.record.model.Record`.

Only identifiers the protocol defines (option ids, item ids, numbers) become values, never
text anyone typed; no date finer than a quarter. :func:`suppress` drops the cells under
:data:`MIN_CELL` (and counts them).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any, Literal, get_args

from meldcode_cli.record.model import ItemRecord, Record, VerstrekkingRecord

__all__ = [
    "DIMENSIONS",
    "MIN_CELL",
    "Dimension",
    "Key",
    "count_records",
    "quarter_of",
    "suppress",
]

MIN_CELL = 5
TOKEN = re.compile(r"^[a-z0-9][a-z0-9_.+-]{0,63}$")
DAY_BUCKETS = ((0, "0"), (7, "1-7"), (28, "8-28"), (90, "29-90"), (365, "91-365"))

Dimension = Literal[
    "totaal",
    "rol",
    "beslissing",
    "meldnorm",
    "acute_route",
    "consultatie",
    "advies_veilig_thuis",
    "gesprek",
    "uitzondering",
    "afwijking",
    "check",
    "verantwoord",
    "dagen_tot_beslissing",
    "evaluatie_gepland",
    "evaluatie_gehouden",
    "evaluatie_uitkomst",
]
DIMENSIONS: tuple[str, ...] = get_args(Dimension)  # one list, in this order

Key = tuple[str, str, str, str]
"""(quarter, protocol, dimension, value)."""
Fact = tuple[str, str]
"""(dimension, value) of one case."""

_CHOICE_KINDS = ("yes_no", "single_choice", "multi_choice")
_ADVIES_IDS = ("advies_veilig_thuis", "advies_vt", "overleg_veilig_thuis")


def quarter_of(timestamp: str) -> str | None:
    try:
        d = dt.date.fromisoformat(str(timestamp)[:10])
    except ValueError:
        return None
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def _in_periode(quarter: str, periode: str | None) -> bool:
    return periode is None or quarter == periode or quarter.startswith(periode + "-")


def _token(value: Any) -> str | None:
    """Only identifiers a protocol defines: lower-case ids, never typed text."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and TOKEN.match(value):
        return value
    return None


def _bucket(days: int) -> str:
    for limit, name in DAY_BUCKETS:
        if days <= limit:
            return name
    return "meer-dan-365"


def _items(record: Record, step: int | None = None) -> Iterable[ItemRecord]:
    for s in record.steps:
        if step is None or s.step == step:
            yield from s.items


def _choice(item: ItemRecord) -> list[str]:
    """The option ids of a choice or yes/no answer (never a text answer)."""
    if item.kind not in _CHOICE_KINDS:
        return []
    values = item.answer if isinstance(item.answer, list) else [item.answer]
    return [tok for v in values if v is not None and (tok := _token(v)) is not None]


def _first_signal(record: Record) -> dt.date | None:
    """The earliest date answered in step 1, else the day step 1 was started."""
    dates: list[dt.date] = []
    for item in _items(record, 1):
        if item.kind == "date" and isinstance(item.answer, str):
            with contextlib.suppress(ValueError):
                dates.append(dt.date.fromisoformat(item.answer))
    if not dates:
        for s in record.steps:
            if s.step == 1 and s.started_at:
                with contextlib.suppress(ValueError):
                    dates.append(dt.date.fromisoformat(s.started_at[:10]))
    return min(dates) if dates else None


def _check_facts(record: Record) -> list[Fact]:
    """Guardrail checks that fired (#11), and those with a written justification (a step
    skipped or weakened, issue 17): only the check id is counted, never the text."""
    fired = record.checks.fired if record.checks is not None else []
    ids = sorted({tok for c in fired if (tok := _token(c.id)) is not None})
    justified = sorted(
        {
            tok
            for c in fired
            if (c.justification or "").strip() and (tok := _token(c.id)) is not None
        }
    )
    facts = [("check", c) for c in ids] + [("verantwoord", c) for c in justified]
    if justified:
        facts.append(("verantwoord", "casussen"))
    return facts


def _decision_kind_facts(record: Record) -> list[Fact]:
    """What was decided: a verstrekkingsbesluit, or melden/hulp/afsluiten, the meldnormen
    and the quarter of the planned evaluation."""
    decision = record.decision
    if isinstance(decision, VerstrekkingRecord):
        tok = _token(decision.besluit)
        return [("beslissing", "verstrekking")] + (
            [("beslissing", f"verstrekking.{tok}")] if tok else []
        )
    if decision is None:
        return [("meldnorm", "geen")]
    facts: list[Fact] = [
        ("beslissing", n) for n in ("melden", "hulp", "afsluiten") if getattr(decision, n)
    ]
    norms = sorted(set(decision.meldnormen))
    facts += [("meldnorm", str(n)) for n in norms] or [("meldnorm", "geen")]
    q = quarter_of(decision.evaluatiedatum) if decision.evaluatiedatum else None
    if q:
        facts.append(("evaluatie_gepland", q.lower()))
    return facts


def _step_facts(record: Record) -> list[Fact]:
    """Consultation and Veilig Thuis advice (step 2), the gesprek (step 3), exception
    grounds (any step): option ids only."""
    consult = advies = None
    for item in _items(record, 2):
        vals = _choice(item)
        if item.kind != "yes_no" or not vals:
            continue
        if item.id.startswith("consultatie") and consult is None:
            consult = vals[0]
        elif item.id in _ADVIES_IDS and not advies:
            advies = vals[0]
    facts = [("consultatie", consult or "onbekend"), ("advies_veilig_thuis", advies or "onbekend")]
    for item in _items(record, 3):
        if item.id == "gesprek":
            facts += [("gesprek", v) for v in _choice(item)]
    for item in _items(record):
        if "uitzondering" in item.id:
            facts += [("uitzondering", v) for v in _choice(item) if v != "nee"]
    return facts


def _days_to_decision(first: Record) -> str:
    signal = _first_signal(first)
    try:
        decided = dt.date.fromisoformat(first.created_at[:10])
    except ValueError:
        return "onbekend"
    return "onbekend" if signal is None else _bucket(max(0, (decided - signal).days))


def _decision_facts(first: Record, last: Record) -> list[Fact]:
    """(dimension, value) pairs of one case's decision (last = the latest amendment)."""
    facts: list[Fact] = [("totaal", "casussen")]
    role = _token(last.provenance.role)
    if role:
        facts.append(("rol", role))
    facts += _decision_kind_facts(last)
    facts.append(("acute_route", "ja" if last.acute else "nee"))
    facts.append(("afwijking", "ja" if last.override is not None else "nee"))
    facts += _step_facts(last)
    facts += _check_facts(last)
    facts.append(("dagen_tot_beslissing", _days_to_decision(first)))
    return facts


def _evaluation_outcome(ev: Record) -> list[str]:
    """Afweging 5 at the evaluation (does the help give the results needed: ja/nee) and
    whether the evaluation led to a melding."""
    decision = ev.melding
    a5 = decision.afwegingen.get("5") if decision is not None else None
    out = ["afweging5." + ("ja" if a5 is True else "nee" if a5 is False else "onbekend")]
    if decision is not None and decision.melden:
        out.append("melden")
    return out


def _by_case(records: Iterable[Record]) -> list[list[Record]]:
    """The records of each case (signer and case label), in sequence order; no training."""
    by_case: dict[str, list[Record]] = {}
    for r in records:
        if r.training:
            continue
        key = f"{r.provenance.key_fingerprint}/{r.provenance.case}"
        by_case.setdefault(key, []).append(r)
    for rs in by_case.values():
        rs.sort(key=lambda r: r.sequence)
    return list(by_case.values())


def count_records(records: Iterable[Record], periode: str | None = None) -> Counter[Key]:
    """Raw counts (before suppression) from verified, signed records of any number of cases."""
    counts: Counter[Key] = Counter()
    for rs in _by_case(records):
        protocol = _token(rs[0].provenance.protocol.id)
        if protocol is None:
            continue
        decisions = [r for r in rs if r.kind in ("decision", "amendment")]
        if decisions:
            first, last = decisions[0], decisions[-1]
            q = quarter_of(first.created_at)
            if q and _in_periode(q, periode):
                for dim, value in _decision_facts(first, last):
                    counts[(q, protocol, dim, value)] += 1
        for ev in (r for r in rs if r.kind == "evaluation"):
            q = quarter_of(ev.created_at)
            if q and _in_periode(q, periode):
                counts[(q, protocol, "evaluatie_gehouden", "ja")] += 1
                for value in _evaluation_outcome(ev):
                    counts[(q, protocol, "evaluatie_uitkomst", value)] += 1
    return counts


def suppress(counts: Counter[Key]) -> tuple[list[Any], int]:
    """The cells of ``counts`` with at least :data:`MIN_CELL`, sorted, and how many were
    left out."""
    cells: list[Any] = []
    suppressed = 0
    for (q, p, dim, value), n in sorted(counts.items()):
        if n < MIN_CELL:
            suppressed += 1
            continue
        cells.append((q, p, dim, value, n))
    return cells, suppressed
