"""The chain map and the monitor: ``kaart [validate]``, ``monitor export|combine``.

One function per command; ``cli.app`` registers them. Each turns its options into one
core call, run through the one exception mapper (``cli.common.run_core`` / ``run_walk``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from meldcode_cli.cli import options as o
from meldcode_cli.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, fail, run_core, run_walk
from meldcode_cli.cli.options import CheckFormat, DebriefFormat
from meldcode_cli.i18n.messages import t, tn

__all__ = ["kaart", "kaart_validate", "monitor_combine", "monitor_export"]


# ---- issue 17: new commands below this line ----


def kaart(
    ctx: typer.Context,
    pijler: Annotated[str | None, typer.Option("--pijler", help=t("opt.pijler"))] = None,
    vorm: Annotated[str | None, typer.Option("--vorm", help=t("opt.vorm"))] = None,
    rol: Annotated[str | None, typer.Option("--rol", help=t("opt.rol"))] = None,
    gemeente: Annotated[str | None, typer.Option("--gemeente", help=t("opt.gemeente"))] = None,
    regio: Annotated[str | None, typer.Option("--regio", help=t("opt.regio"))] = None,
    fmt: Annotated[
        DebriefFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = DebriefFormat.text,
    output_file: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("opt.output_file"))
    ] = None,
    ketenkaart: Annotated[
        list[Path] | None, typer.Option("--ketenkaart", help=t("opt.ketenkaart"))
    ] = None,
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from meldcode_cli import console
    from meldcode_cli.chain.kaart import KaartRequest, render_kaart
    from meldcode_cli.chain.monitor import write_output

    req = KaartRequest(pijler, vorm, rol, gemeente, regio, fmt.value, ketenkaart or [])
    text = run_core(lambda: render_kaart(req))
    if output_file is None:
        console.print_text(text)
        return
    run_core(lambda: write_output(output_file, text))
    console.print_error(t("written", path=output_file))


def kaart_validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help=t("cmd.kaart.paths"), show_default=False)
    ] = None,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = CheckFormat.text,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.authoring import output
    from meldcode_cli.authoring.validate import FileResult
    from meldcode_cli.chain.ketenkaart import check_kaart_paths

    loaded = run_core(lambda: check_kaart_paths(paths or []))
    results = [FileResult(lk.path, list(lk.diagnostics)) for lk in loaded]
    for r, lk in zip(results, loaded, strict=True):
        if lk.kaart is not None:
            r.protocol_id, r.title = lk.kaart.id, lk.kaart.title
    if fmt is CheckFormat.json:
        console.print_text(output.format_json(results))
        console.print_error(output.summary(results))
    elif fmt is CheckFormat.github:
        console.print_text(output.format_github(results))
        console.print_error(output.summary(results))
    else:
        console.print_text(output.format_text(results))
        console.print_text(output.summary(results))
    raise typer.Exit(EXIT_OK if all(r.ok for r in results) else EXIT_FAILED)


def monitor_export(
    periode: Annotated[str | None, typer.Option("--periode", help=t("opt.periode"))] = None,
    output_file: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("opt.output_file"))
    ] = None,
    passphrase_file: Annotated[Path | None, o.passphrase_file()] = None,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.chain.monitor import ExportRefused, export_home, write_output
    from meldcode_cli.walk.prompt.passphrase import passphrase_source

    def call() -> tuple[str, dict[str, Any]]:
        try:
            return export_home(periode, passphrase_source(passphrase_file))
        except ExportRefused as e:
            fail(str(e), EXIT_USAGE)

    text, stats = run_walk(call)
    if output_file is None:
        console.print_text(text)
    else:
        run_core(lambda: write_output(output_file, text))
        console.print_error(t("written", path=output_file))
    console.print_error(
        t(
            "monitor.export_done",
            records=tn("count.records", stats["records"]),
            cells=tn("count.cells", stats["cells"]),
            suppressed=tn("count.cells", stats["suppressed"]),
            fp=stats["fp"],
        )
    )


def monitor_combine(
    exports: Annotated[
        list[Path], typer.Argument(help=t("cmd.monitor.exports"), show_default=False)
    ],
    html: Annotated[Path | None, typer.Option("--html", help=t("opt.html"))] = None,
    csv_out: Annotated[Path | None, typer.Option("--csv", help=t("opt.csv"))] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help=t("opt.json_out"))] = None,
    signers: Annotated[Path | None, typer.Option("--signers", help=t("opt.signers"))] = None,
    round_to_5: Annotated[bool, typer.Option("--round-to-5", help=t("opt.round5"))] = False,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.chain.monitor import (
        ExportRefused,
        combine_paths,
        read_signers,
        write_combined,
    )

    def call() -> Any:
        try:
            allowed = read_signers(signers) if signers is not None else None
            return combine_paths(exports, signers=allowed)
        except ExportRefused as e:
            fail(str(e), EXIT_FAILED)

    combined = run_core(call)
    text = run_core(
        lambda: write_combined(combined, html, csv_out, json_out, round_to_5=round_to_5)
    )
    if text:
        console.print_text(text)
    console.print_error(
        t(
            "monitor.combine_done",
            exports=tn("count.exports", combined.exports),
            records=tn("count.records", combined.records),
            cells=tn("count.cells", len(combined.cells)),
            suppressed=tn("count.cells", combined.suppressed),
        )
    )


# ---- end of issue 17 ----
