"""Collegiale consultatie: ``consult [request] CASE``, ``consult answer FILE``,
``consult import CASE FILE``, and ``key trust FILE`` for a colleague's public key.

One function per command; ``cli.app`` registers them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from meldcode_cli.cli import options as o
from meldcode_cli.cli.common import EXIT_FAILED, fail, run_walk
from meldcode_cli.i18n.messages import t

__all__ = ["ConsultGroup", "consult_answer", "consult_import", "consult_request", "key_trust"]


def _say(text: str) -> None:
    """A message on stdout; on a terminal wrapped at word boundaries (never mid-word)."""
    from meldcode_cli.walk.prompt.lines import write_lines

    write_lines(sys.stdout, *text.rstrip("\n").split("\n"))


class ConsultGroup(TyperGroup):
    """``meldcode consult CASE`` is ``meldcode consult request CASE``; ``answer`` and
    ``import`` are the other two steps."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            args = ["request", *args]
        return super().parse_args(ctx, args)


def consult_request(
    case: Annotated[str, typer.Argument(help=t("cmd.resume.case"), show_default=False)],
    vraag: Annotated[str, typer.Option("--vraag", help=t("cmd.consult.vraag"))] = "",
    output_file: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("cmd.consult.output"))
    ] = None,
    betrokkenen: Annotated[
        Path | None, typer.Option("--betrokkenen", help=t("cmd.report.betrokkenen"))
    ] = None,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.cli.consultflow import make_request
    from meldcode_cli.report.records import ReportRefused

    def call() -> Any:
        try:
            return make_request(
                case, vraag, output=output_file, betrokkenen=betrokkenen, stdin=sys.stdin
            )
        except ReportRefused as e:  # the summary or the question would leak
            fail(str(e), EXIT_FAILED)

    outcome = run_walk(call)
    for warning in outcome.warnings:
        console.print_error(f"meldcode: {warning}")
    _say(
        t(
            "consult.request.written",
            path=outcome.path,
            id=outcome.request_id[:8],
            name=outcome.path.name,
        )
    )


def consult_answer(
    file: Annotated[Path, typer.Argument(help=t("cmd.consult.answer.file"), show_default=False)],
    advies: Annotated[str | None, typer.Option("--advies", help=t("cmd.consult.advies"))] = None,
    output_file: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("cmd.consult.output"))
    ] = None,
    passphrase_file: Annotated[Path | None, o.passphrase_file()] = None,
    yes: Annotated[bool, o.yes()] = False,
) -> None:
    from meldcode_cli.cli.consultflow import answer_request
    from meldcode_cli.walk.prompt.passphrase import passphrase_source

    path = run_walk(
        lambda: answer_request(
            file,
            advice=advies,
            passphrase=passphrase_source(passphrase_file),
            output=output_file,
            yes=yes,
        )
    )
    if path is None:
        raise typer.Exit(EXIT_FAILED)
    from meldcode_cli.record.profile import ProfileStore

    fp = run_walk(lambda: ProfileStore().current_fingerprint())
    _say(t("consult.answer.written", path=path, fp=fp, name=path.name))


def consult_import(
    case: Annotated[str, typer.Argument(help=t("cmd.resume.case"), show_default=False)],
    file: Annotated[Path, typer.Argument(help=t("cmd.consult.import.file"), show_default=False)],
    passphrase_file: Annotated[Path | None, o.passphrase_file()] = None,
    yes: Annotated[bool, o.yes()] = False,
) -> None:
    from meldcode_cli.cli.consultflow import import_answer
    from meldcode_cli.record.consult import ConsultRefused
    from meldcode_cli.walk.prompt.passphrase import passphrase_source

    def call() -> Any:
        try:
            return import_answer(case, file, passphrase=passphrase_source(passphrase_file), yes=yes)
        except ConsultRefused as e:
            fail(e.message, EXIT_FAILED)

    outcome = run_walk(call)
    if outcome is None:
        raise typer.Exit(EXIT_FAILED)
    _say(
        t(
            "consult.import.done",
            name=outcome.consultant,
            path=outcome.path,
            fp=outcome.fingerprint,
            label=case,
        )
    )


def key_trust(
    file: Annotated[Path, typer.Argument(help=t("cmd.key.trust.file"), show_default=False)],
) -> None:
    from meldcode_cli.record.consult import trust_key

    fp, owner = run_walk(lambda: trust_key(file))
    _say(t("consult.trust.done", owner=owner, fp=fp))
