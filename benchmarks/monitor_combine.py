"""Combine 10,000 signed monitor exports of a full year; prints the time and the rate.

Each synthetic export is what one professional's machine would send for a year: four
quarters, three protocols, every dimension filled (about 240 cells), signed with its own
Ed25519 key. The files are written to a temporary folder and combined from disk with
verification, the same path as ``meldcode monitor combine``. Goal: well under a minute.

    python benchmarks/monitor_combine.py [--exports 10000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

DIMS = {
    "totaal": ["casussen"],
    "rol": ["huisarts"],
    "beslissing": ["melden", "hulp", "afsluiten"],
    "meldnorm": ["1", "2", "3", "geen"],
    "acute_route": ["ja", "nee"],
    "consultatie": ["ja", "nee"],
    "advies_veilig_thuis": ["ja", "nee", "onbekend"],
    "gesprek": ["gevoerd", "niet_veilig"],
    "afwijking": ["nee"],
    "dagen_tot_beslissing": ["1-7", "8-28", "29-90"],
}
PROTOCOLS = ["partnergeweld", "kindermishandeling", "ouderenmishandeling"]


def make_exports(folder: Path, n: int) -> int:
    from meldcode_cli.chain.monitor import suppress
    from meldcode_cli.record import crypto
    from meldcode_cli.record.canonical import canonical

    rng = random.Random(1)
    total_cells = 0
    for i in range(n):
        counts: Counter[tuple[str, str, str, str]] = Counter()
        for q in ("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"):
            for p in PROTOCOLS:
                for dim, values in DIMS.items():
                    for v in values:
                        counts[(q, p, dim, v)] = rng.randint(5, 40)
        cells, suppressed = suppress(counts)
        pair = crypto.generate()
        body = {
            "schema": "meldcode-monitor-export",
            "schema_version": 1,
            "export_id": f"00000000-0000-4000-8000-{i:012d}",
            "made_in": "2027-Q1",
            "periode": "2026",
            "quarters": ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"],
            "tool_version": "bench",
            "min_cell": 5,
            "suppressed": suppressed,
            "columns": ["quarter", "protocol", "dimension", "value", "count"],
            "cells": [list(c) for c in cells],
        }
        export = {
            "meldcode_monitor_export": 1,
            "body": body,
            "signature": {
                "algorithm": crypto.ALGORITHM,
                "canonicalization": "RFC8785",
                "key_fingerprint": pair.fingerprint,
                "public_key": crypto.b64(pair.public_bytes),
                "signature": crypto.b64(pair.sign(canonical(body))),
            },
        }
        (folder / f"export-{i:05d}.json").write_text(json.dumps(export), encoding="utf-8")
        total_cells += len(cells)
    return total_cells


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exports", type=int, default=10_000)
    parser.add_argument(
        "--workers", type=int, default=None, help="processes (default: cores, at most 8)"
    )
    args = parser.parse_args()
    from meldcode_cli.chain.monitor import combine_paths, to_csv, to_html

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        cells = make_exports(folder, args.exports)
        made = time.perf_counter() - t0
        t0 = time.perf_counter()
        combined = combine_paths([folder], workers=args.workers)
        took = time.perf_counter() - t0
        t0 = time.perf_counter()
        to_html(combined)
        to_csv(combined)
        rendered = time.perf_counter() - t0
    print(f"made {args.exports} exports ({cells} cells) in {made:.1f} s (setup, not measured)")
    print(
        f"combine (read, verify signature, schema-check, add up): {took:.2f} s for "
        f"{args.exports} exports = {args.exports / took:.0f} exports/s, "
        f"{cells / took / 1e6:.2f} M cells/s; {combined.records} cases in "
        f"{len(combined.cells)} cells"
    )
    print(f"HTML + CSV of the result: {rendered:.2f} s")
    import os

    print(f"workers: {args.workers or min(os.cpu_count() or 1, 8)} (cores: {os.cpu_count()})")
    print(f"ratio to the 60 s goal: {took / 60:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
