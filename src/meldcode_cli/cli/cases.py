"""Case management: ``cases``, ``rename``, ``archive``, ``purge``.

One function per command; ``cli.app`` registers them. Each turns its options into one
core call, run through the one exception mapper (``cli.common.run_core`` / ``run_walk``).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from meldcode_cli.cli.common import EXIT_FAILED, fail, run_walk, short_path
from meldcode_cli.cli.options import ListFormat
from meldcode_cli.i18n.messages import t

__all__ = ["archive", "cases", "purge", "rename"]


def cases(
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = ListFormat.text,
    due: Annotated[bool, typer.Option("--due", help=t("cmd.cases.due"))] = False,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help=t("cmd.cases.search"))
    ] = None,
    archived: Annotated[bool, typer.Option("--archived", help=t("cmd.cases.archived"))] = False,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.walk.casemgmt import archive_store, case_rows, format_rows

    store = archive_store() if archived else None
    rows = run_walk(lambda: case_rows(store=store, search=search, due_only=due))
    console.print_text(format_rows(rows, fmt.value))


# ---- issue 16: new commands below this line ----


def rename(
    case: Annotated[str, typer.Argument(help=t("cmd.journaal.case"), show_default=False)],
    new: Annotated[str, typer.Argument(help=t("cmd.rename.new"), show_default=False)],
) -> None:
    from meldcode_cli import console
    from meldcode_cli.walk.casemgmt import rename_case

    run_walk(lambda: rename_case(case, new))
    console.print_text(t("cases.renamed", old=case, new=new))


def archive(
    case: Annotated[str, typer.Argument(help=t("cmd.journaal.case"), show_default=False)],
    undo: Annotated[bool, typer.Option("--undo", help=t("cmd.archive.undo"))] = False,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.walk.casemgmt import archive_case

    run_walk(lambda: archive_case(case, undo=undo))
    console.print_text(t("cases.unarchived" if undo else "cases.archived", label=case))


def purge(
    case: Annotated[str, typer.Argument(help=t("cmd.journaal.case"), show_default=False)],
    keep_records: Annotated[bool, typer.Option("--keep-records", help=t("cmd.purge.keep"))] = False,
    yes: Annotated[bool, typer.Option("--yes", help=t("cmd.purge.yes"))] = False,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.walk.casemgmt import purge_case

    if not yes:
        if not sys.stdin.isatty():
            fail(t("purge.no_tty"))
        keep = t("purge.confirm.keep") if keep_records else ""
        sys.stderr.write(t("purge.confirm", label=case, keep=keep) + " ")
        sys.stderr.flush()
        if sys.stdin.readline().strip() != case:
            fail(t("purge.cancelled"), EXIT_FAILED)
    tomb = run_walk(lambda: purge_case(case, keep_records=keep_records))
    console.print_text(t("purge.done", label=case))
    if tomb is not None:
        console.print_text(t("purge.tomb", path=short_path(tomb)))


# ---- end of issue 16 ----
