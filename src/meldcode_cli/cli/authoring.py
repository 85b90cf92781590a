"""Protocol authoring: ``validate``, ``schema``, ``test``, ``list``, ``show``, ``new``.

One function per command; ``cli.app`` registers them. Each turns its options into one
core call, run through the one exception mapper (``cli.common.run_core`` / ``run_walk``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from meldcode_cli.cli import options as o
from meldcode_cli.cli.common import EXIT_FAILED, EXIT_OK, run_core
from meldcode_cli.cli.options import CheckFormat, ListFormat, SchemaDraft, SchemaKind, ShowFormat
from meldcode_cli.i18n.messages import t

__all__ = ["list_", "new", "scenario_tests", "schema", "show", "validate"]


def validate(
    paths: Annotated[
        list[str] | None, typer.Argument(help=t("cmd.validate.paths"), show_default=False)
    ] = None,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = CheckFormat.text,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=t("opt.verbose"))] = False,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.authoring import output
    from meldcode_cli.authoring.validate import (
        expand_paths,
        shipped_protocols_dir,
        validate_paths,
    )

    raw = paths or [str(shipped_protocols_dir())]
    total = run_core(lambda: len(expand_paths(raw)))
    with console.progress(total, t("validate.progress")) as step:
        results = run_core(lambda: validate_paths(raw, on_result=lambda _r: step()))
    text, summary = output.render_validate(results, fmt.value, verbose=verbose)
    console.print_text(text)
    if summary:
        console.print_error(summary)
    raise typer.Exit(EXIT_OK if all(r.ok for r in results) else EXIT_FAILED)


def schema(
    kind: Annotated[
        SchemaKind, typer.Option("--kind", help=t("cmd.schema.kind"))
    ] = SchemaKind.protocol,
    output_file: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("cmd.schema.output"))
    ] = None,
    draft: Annotated[
        SchemaDraft, typer.Option("--draft", help=t("cmd.schema.draft"))
    ] = SchemaDraft.d2020,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.authoring.schema import schema_json

    text = run_core(lambda: schema_json(kind.value, draft.value))
    if output_file is None:
        console.print_text(text)
        return
    from meldcode_cli.walk.casestore import atomic_write

    run_core(lambda: atomic_write(output_file, (text + "\n").encode("utf-8")))
    console.print_error(t("schema.written", path=output_file))


def scenario_tests(
    paths: Annotated[
        list[str] | None, typer.Argument(help=t("cmd.test.paths"), show_default=False)
    ] = None,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = ListFormat.text,
    require_coverage: Annotated[
        bool, typer.Option("--require-full-coverage", help=t("cmd.test.require"))
    ] = False,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.authoring.testrun import format_report, format_report_json, run_tests

    report = run_core(lambda: run_tests(paths or []))
    if fmt is ListFormat.json:
        console.print_text(format_report_json(report))
    else:
        console.print_text(format_report(report))
    failed = not report.ok or (require_coverage and report.uncovered_total > 0)
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


def list_(
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = ListFormat.text,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.authoring.catalog import list_protocols
    from meldcode_cli.authoring.output import format_list, format_list_json

    entries = run_core(list_protocols)
    console.print_text(
        format_list_json(entries) if fmt is ListFormat.json else format_list(entries)
    )


def show(
    protocol: Annotated[str, typer.Argument(help=t("cmd.show.protocol"), show_default=False)],
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = ShowFormat.text,
    role: Annotated[str | None, typer.Option("--role", help=t("cmd.show.role"))] = None,
    record: Annotated[Path | None, typer.Option("--record", help=t("cmd.show.record"))] = None,
    organisatie: Annotated[Path | None, o.organisatie()] = None,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.report.diagram import render_show

    console.print_text(
        run_core(lambda: render_show(protocol, fmt.value, role, record, organisatie))
    )


# ---- issue 19: new commands below this line ----


def new(
    protocol_id: Annotated[str, typer.Argument(help=t("cmd.new.id"), show_default=False)],
    title: Annotated[str | None, typer.Option("--title", help=t("cmd.new.title"))] = None,
    output_file: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("cmd.new.output"))
    ] = None,
    schema_ref: Annotated[
        str, typer.Option("--schema", help=t("cmd.new.schema"))
    ] = "protocol.schema.json",
) -> None:
    from meldcode_cli import console
    from meldcode_cli.authoring.scaffold import new_protocol

    outcome = run_core(
        lambda: new_protocol(protocol_id, title=title, output=output_file, schema=schema_ref)
    )
    if outcome.schema_path is not None:
        console.print_error(t("new.schema_written", path=outcome.schema_path))
    console.print_error(t("new.written", path=outcome.path))


# ---- end of issue 19 ----
