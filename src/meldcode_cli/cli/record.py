"""Keys and records: ``init``, ``key export|rotate``, ``sign``, ``evaluate``, ``verify``,
``diff``.

One function per command; ``cli.app`` registers them. Each turns its options into one
core call, run through the one exception mapper (``cli.common.run_core`` / ``run_walk``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from meldcode_cli.cli import options as o
from meldcode_cli.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, fail, run_walk
from meldcode_cli.cli.options import ListFormat, ProfileRoleOpt
from meldcode_cli.i18n.messages import t

__all__ = ["diff", "evaluate", "init", "key_export", "key_rotate", "sign_cmd", "verify"]


def init(
    name: Annotated[str | None, typer.Option("--name", help=t("cmd.init.name"))] = None,
    role: Annotated[
        ProfileRoleOpt | None,
        typer.Option("--role", help=t("cmd.init.role"), case_sensitive=False),
    ] = None,
    organisation: Annotated[
        str | None, typer.Option("--organisation", help=t("cmd.init.organisation"))
    ] = None,
    registration: Annotated[
        str | None, typer.Option("--registration", help=t("cmd.init.registration"))
    ] = None,
    contact: Annotated[str | None, typer.Option("--contact", help=t("cmd.init.contact"))] = None,
    passphrase_file: Annotated[Path | None, o.passphrase_file()] = None,
    force: Annotated[bool, typer.Option("--force", help=t("cmd.init.force"))] = False,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.cli.signflow import init_profile
    from meldcode_cli.walk.prompt.passphrase import passphrase_source

    fp, _public = run_walk(
        lambda: init_profile(
            name=name,
            role=role.value if role else None,
            organisation=organisation,
            registration=registration,
            contact=contact,
            passphrase=passphrase_source(passphrase_file, confirm=True),
            force=force,
        )
    )
    console.print_text(t("key.init.done", fp=fp))


def key_export() -> None:
    from meldcode_cli import console
    from meldcode_cli.cli.signflow import export_key

    console.print_text(run_walk(export_key))


def key_rotate(
    passphrase_file: Annotated[Path | None, o.passphrase_file()] = None,
    new_passphrase_file: Annotated[
        Path | None, typer.Option("--new-passphrase-file", help=t("opt.passphrase_file"))
    ] = None,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.cli.signflow import rotate_key
    from meldcode_cli.walk.prompt.passphrase import passphrase_source

    new = None
    if new_passphrase_file is not None or passphrase_file is None:
        new = passphrase_source(new_passphrase_file, confirm=True, prompt_key="key.passphrase.new")
    old, fresh = run_walk(lambda: rotate_key(passphrase_source(passphrase_file), new))
    console.print_text(t("key.rotated", old=old, new=fresh))


def sign_cmd(
    case: Annotated[str, typer.Argument(help=t("cmd.resume.case"), show_default=False)],
    passphrase_file: Annotated[Path | None, o.passphrase_file()] = None,
    training: Annotated[bool, o.no_sign()] = False,
    override: Annotated[str | None, typer.Option("--override", help=t("cmd.sign.override"))] = None,
    reason: Annotated[str | None, typer.Option("--reason", help=t("cmd.sign.reason"))] = None,
    consulted: Annotated[
        str | None, typer.Option("--consulted", help=t("cmd.sign.consulted"))
    ] = None,
    yes: Annotated[bool, o.yes()] = False,
) -> None:
    from meldcode_cli.cli.signflow import sign_existing
    from meldcode_cli.walk.prompt.passphrase import passphrase_source

    run_walk(
        lambda: sign_existing(
            case,
            passphrase=passphrase_source(passphrase_file),
            training=training,
            override=override,
            reason=reason,
            consulted=consulted,
            yes=yes,
        )
    )


def evaluate(
    case: Annotated[str, typer.Argument(help=t("cmd.resume.case"), show_default=False)],
    plain: Annotated[bool | None, o.plain()] = None,
    passphrase_file: Annotated[Path | None, o.passphrase_file()] = None,
    training: Annotated[bool, o.no_sign()] = False,
    reason: Annotated[str | None, typer.Option("--reason", help=t("cmd.evaluate.reason"))] = None,
    yes: Annotated[bool, o.yes()] = False,
) -> None:
    from meldcode_cli.cli.signflow import evaluate_case
    from meldcode_cli.walk.prompt.passphrase import passphrase_source

    run_walk(
        lambda: evaluate_case(
            case,
            passphrase=passphrase_source(passphrase_file),
            training=training,
            plain=plain,
            reason=reason,
            yes=yes,
        )
    )


def verify(
    paths: Annotated[list[Path], typer.Argument(help=t("cmd.verify.paths"), show_default=False)],
    key: Annotated[Path | None, typer.Option("--key", help=t("cmd.verify.key"))] = None,
    keyring: Annotated[bool, typer.Option("--keyring", help=t("cmd.verify.keyring"))] = False,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help=t("opt.format"))
    ] = ListFormat.text,
) -> None:
    from meldcode_cli import console
    from meldcode_cli.record.signing import resolve_records, verify_paths
    from meldcode_cli.record.store import Unreadable
    from meldcode_cli.report.verifyview import format_verify

    def call() -> tuple[list, list]:  # type: ignore[type-arg]
        try:
            return verify_paths(resolve_records(paths), key_file=key, use_keyring=keyring)
        except Unreadable as e:
            fail(str(e), EXIT_USAGE)

    results, problems = run_walk(call)
    text = format_verify(results, problems, fmt.value)
    if fmt is ListFormat.text:  # on a terminal wrapped at word boundaries, never mid-word
        from meldcode_cli.walk.prompt.lines import write_lines

        write_lines(sys.stdout, *text.rstrip("\n").split("\n"))
    else:
        console.print_text(text)
    ok = all(r.valid and r.key_checked for r in results) and not problems
    raise typer.Exit(EXIT_OK if ok else EXIT_FAILED)


# ---- issue 10: new commands below this line ----


def diff(
    records: Annotated[list[Path], typer.Argument(help=t("cmd.diff.records"), show_default=False)],
) -> None:
    from meldcode_cli import console
    from meldcode_cli.record.store import Unreadable
    from meldcode_cli.report.verifyview import diff_files

    def call() -> str:
        try:
            return diff_files(records)
        except Unreadable as e:
            fail(str(e), EXIT_USAGE)

    console.print_text(run_walk(call))


# ---- end of issue 10 ----
