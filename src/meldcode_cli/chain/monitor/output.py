"""The combined counts as a CSV table, JSON, or a self-contained HTML page (tables and bar
charts as inline SVG: no scripts, no external resources); every file written owner-only
and atomically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from meldcode_cli.chain.monitor.combine import Combined, rounded
from meldcode_cli.chain.monitor.counts import MIN_CELL
from meldcode_cli.errors import UsageError

__all__ = ["to_csv", "to_html", "to_json", "write_combined", "write_output"]


def table_rows(combined: Combined) -> list[dict[str, Any]]:
    return [
        {"quarter": q, "protocol": p, "dimension": d, "value": v, "count": n}
        for (q, p, d, v), n in sorted(combined.cells.items())
    ]


def to_csv(combined: Combined) -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["quarter", "protocol", "dimension", "value", "count"])
    for row in table_rows(combined):
        w.writerow([row["quarter"], row["protocol"], row["dimension"], row["value"], row["count"]])
    return buf.getvalue()


def to_json(combined: Combined) -> str:
    return (
        json.dumps(
            {
                "exports": combined.exports,
                "signers": combined.signers,
                "cases": combined.records,
                "suppressed_cells": combined.suppressed,
                "min_cell": MIN_CELL,
                "rounded_to_5": combined.rounded,
                "rows": table_rows(combined),
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n"
    )


CHART_DIMENSIONS = (
    "beslissing",
    "meldnorm",
    "dagen_tot_beslissing",
    "verantwoord",
    "afwijking",
    "acute_route",
)


def to_html(combined: Combined) -> str:
    """Self-contained HTML: tables and bar charts as inline SVG computed here (no scripts,
    no external resources)."""
    from meldcode_cli.i18n.messages import get_lang, t
    from meldcode_cli.report.htmlout import environment

    groups: dict[tuple[str, str], dict[str, list[tuple[str, int]]]] = {}
    for (q, p, d, v), n in sorted(combined.cells.items()):
        groups.setdefault((q, p), {}).setdefault(d, []).append((v, n))
    charts = []
    for (q, p), dims in groups.items():
        total = dict(dims.get("totaal", [])).get("casussen", 0)
        bars = []
        for d in CHART_DIMENSIONS:
            rows = dims.get(d, [])
            if not rows:
                continue
            top = max(n for _, n in rows)
            bars.append(
                {
                    "dimension": d,
                    "rows": [
                        {"value": v, "count": n, "width": round(300 * n / top) if top else 0}
                        for v, n in rows
                    ],
                }
            )
        other = {d: rows for d, rows in dims.items() if d not in (*CHART_DIMENSIONS, "totaal")}
        charts.append({"quarter": q, "protocol": p, "total": total, "bars": bars, "other": other})
    return (
        environment()
        .get_template("monitor.html.j2")
        .render(
            lang=get_lang(),
            title=t("monitor.title"),
            combined=combined,
            charts=charts,
            min_cell=MIN_CELL,
        )
    )


def write_output(path: Path, text: str) -> None:
    """Write one output file (owner-only, atomic)."""
    from meldcode_cli.walk.casestore import CaseError, atomic_write

    try:
        atomic_write(path, text.encode("utf-8"))
    except CaseError as e:  # said as a usage error (the path given on the command line)
        raise UsageError(e.key, **e.params) from None


def write_combined(
    combined: Combined,
    html: Path | None,
    csv_out: Path | None,
    json_out: Path | None,
    *,
    round_to_5: bool = False,
) -> str:
    """Write the requested outputs; with none requested, the CSV table is returned."""
    if round_to_5:
        combined = rounded(combined)
    if html is not None:
        write_output(html, to_html(combined))
    if csv_out is not None:
        write_output(csv_out, to_csv(combined))
    if json_out is not None:
        write_output(json_out, to_json(combined))
    if html is None and csv_out is None and json_out is None:
        return to_csv(combined)
    return ""
