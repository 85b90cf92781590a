"""Documents from a case: ``report``, ``journaal``.

One function per command; ``cli.app`` registers them. Each turns its options into one
core call, run through the one exception mapper (``cli.common.run_core`` / ``run_walk``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from meldcode_cli.cli.common import EXIT_FAILED, fail, run_walk
from meldcode_cli.cli.options import ReportFormat
from meldcode_cli.i18n.messages import t

__all__ = ["journaal", "report"]


def report(
    record: Annotated[str, typer.Argument(help=t("cmd.report.record"), show_default=False)],
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = ReportFormat.md,
    output_file: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("cmd.report.output"))
    ] = None,
    betrokkenen: Annotated[
        Path | None, typer.Option("--betrokkenen", help=t("cmd.report.betrokkenen"))
    ] = None,
    advies: Annotated[bool, typer.Option("--advies", help=t("cmd.report.advies"))] = False,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.report.command import (
        ReportOutcome,
        ReportRefused,
        ReportRequest,
        make_report,
    )

    req = ReportRequest(record, fmt.value, output_file, betrokkenen, advies)

    def call() -> ReportOutcome:
        try:
            return make_report(req)
        except ReportRefused as e:  # unsigned, tampered, or --advies would leak
            fail(str(e), EXIT_FAILED)

    outcome = run_walk(call)
    for warning in outcome.warnings:
        console.print_error(f"meldcode: {warning}")
    if outcome.path is None:
        console.print_text(outcome.text)
    else:
        console.print_error(t("report.written", path=outcome.path))


# ---- issue 16: new commands below this line ----


def journaal(
    case: Annotated[str, typer.Argument(help=t("cmd.journaal.case"), show_default=False)],
    copy: Annotated[bool, typer.Option("--copy", help=t("cmd.journaal.copy"))] = False,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.report.journaal import make_journaal

    outcome = run_walk(lambda: make_journaal(case, copy=copy))
    console.print_text(outcome.text.rstrip("\n"))
    for line in outcome.warnings:
        console.print_error(line)
    if outcome.copied_with:
        console.print_error(t("journaal.copied", tool=outcome.copied_with))
    if outcome.copy_error:
        fail(outcome.copy_error, EXIT_FAILED)


# ---- end of issue 16 ----
