"""Monitoring without dossiers: counts from signed records, signed, combinable.

``export``: the signed, verified decision records in this user's home become counts per
quarter, protocol and one dimension at a time (role, decision, meldnorm, acute route,
consultation, Veilig Thuis advice, gesprek, exception ground, fired checks, evaluations,
days to decision). Only identifiers the protocol defines (option ids, item ids, numbers)
become values, never text anyone typed; no date finer than a quarter; cells under
:data:`MIN_CELL` are suppressed. The export is signed (RFC 8785 + Ed25519) with the
professional's key. ``combine``: verifies each export, refuses duplicates and tampered
files, adds up, suppresses again. See ``docs/monitoring.md``.

One module per concern (this package re-exports what the commands use):

- :mod:`.counts` records -> counts (the typed record, identifiers only), suppression;
- :mod:`.export` the signed export: make, format, load, verify; the home's records;
- :mod:`.combine` verify many exports, refuse double counting, add up, round;
- :mod:`.output` CSV, JSON and the HTML page; writing them.
"""

from __future__ import annotations

from meldcode_cli.chain.monitor.combine import (
    PARALLEL_FROM,
    Combined,
    combine_exports,
    combine_paths,
    read_signers,
    rounded,
)
from meldcode_cli.chain.monitor.counts import DIMENSIONS, MIN_CELL, count_records, suppress
from meldcode_cli.chain.monitor.export import (
    ExportBody,
    ExportRefused,
    check_periode,
    export_home,
    home_records,
    make_export,
    verify_export,
)
from meldcode_cli.chain.monitor.output import (
    to_csv,
    to_html,
    to_json,
    write_combined,
    write_output,
)

__all__ = [
    "DIMENSIONS",
    "MIN_CELL",
    "PARALLEL_FROM",
    "Combined",
    "ExportBody",
    "ExportRefused",
    "check_periode",
    "combine_exports",
    "combine_paths",
    "count_records",
    "export_home",
    "home_records",
    "make_export",
    "read_signers",
    "rounded",
    "suppress",
    "to_csv",
    "to_html",
    "to_json",
    "verify_export",
    "write_combined",
    "write_output",
]
