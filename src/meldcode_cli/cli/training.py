"""Trainer mode: ``casus validate|list``, ``train``, ``debrief``.

One function per command; ``cli.app`` registers them. Each turns its options into one
core call, run through the one exception mapper (``cli.common.run_core`` / ``run_walk``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from meldcode_cli.cli import options as o
from meldcode_cli.cli.common import EXIT_FAILED, EXIT_OK, run_core, run_walk
from meldcode_cli.cli.options import CheckFormat, DebriefFormat, FeedbackMode, ListFormat
from meldcode_cli.i18n.messages import t

__all__ = ["casus_list", "casus_validate", "debrief", "train"]


def casus_validate(
    paths: Annotated[
        list[str] | None, typer.Argument(help=t("cmd.casus.paths"), show_default=False)
    ] = None,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = CheckFormat.text,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.authoring import output
    from meldcode_cli.training.casus import as_file_results, check_casus_paths

    results = as_file_results(run_core(lambda: check_casus_paths(paths or [])))
    if fmt is CheckFormat.json:
        console.print_text(output.format_json(results))
        console.print_error(output.summary(results))
    elif fmt is CheckFormat.github:
        console.print_text(output.format_github(results))
        console.print_error(output.summary(results))
    elif fmt is CheckFormat.sarif:
        from meldcode_cli.authoring.sarif import format_sarif

        console.print_text(format_sarif(results))
        console.print_error(output.summary(results))
    else:
        console.print_text(output.format_text(results))
        console.print_text(output.summary(results))
    raise typer.Exit(EXIT_OK if all(r.ok for r in results) else EXIT_FAILED)


def casus_list(
    paths: Annotated[
        list[str] | None, typer.Argument(help=t("cmd.casus.paths"), show_default=False)
    ] = None,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = ListFormat.text,
    key: Annotated[bool, typer.Option("--key", help=t("cmd.casus.list.key"))] = False,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.training.casus import check_casus_paths, format_list

    checks = run_core(lambda: check_casus_paths(paths or []))
    console.print_text(format_list(checks, fmt.value, key=key))


def train(
    casus: Annotated[str, typer.Argument(help=t("cmd.train.casus"), show_default=False)],
    feedback: Annotated[
        FeedbackMode, typer.Option("--feedback", help=t("cmd.train.feedback"))
    ] = FeedbackMode.step,
    plain: Annotated[bool | None, o.plain()] = None,
    participant: Annotated[
        str | None, typer.Option("--participant", "-p", help=t("cmd.train.participant"))
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("cmd.train.output"))
    ] = None,
) -> None:
    from meldcode_cli.training.train import TrainRequest, start_training

    req = TrainRequest(casus, feedback.value, plain, participant, output)
    run_walk(lambda: start_training(req))


def debrief(
    records: Annotated[
        list[Path], typer.Argument(help=t("cmd.debrief.records"), show_default=False)
    ],
    fmt: Annotated[
        DebriefFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = DebriefFormat.text,
    output_file: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("cmd.debrief.output"))
    ] = None,
    names: Annotated[bool, typer.Option("--names", help=t("cmd.debrief.names"))] = False,
    casus: Annotated[str | None, typer.Option("--casus", help=t("cmd.debrief.casus"))] = None,
) -> None:
    from meldcode_cli.training.debrief import build_debrief, collect_records
    from meldcode_cli.training.debriefview import write_debrief

    summary = run_core(lambda: build_debrief(collect_records(records), casus))
    run_core(lambda: write_debrief(summary, fmt.value, output_file, names=names))
