"""Options shared by several commands, and the choice types of the command line.

Each shared option is a function returning a fresh ``typer.Option``: the command modules use
postponed annotations, so typer evaluates ``Annotated[bool, o.yes()]`` when it builds the
command, and the help text is in the language chosen for this run (``--lang``), not the
language of the first import.
"""

from __future__ import annotations

import enum
from typing import Any

import typer

from meldcode_cli.i18n.messages import t
from meldcode_cli.roles import PROFILE_ROLES

__all__ = [
    "CheckFormat",
    "DebriefFormat",
    "FeedbackMode",
    "ListFormat",
    "OnChange",
    "ProfileRoleOpt",
    "ReportFormat",
    "SchemaDraft",
    "SchemaKind",
    "ShowFormat",
    "case_arg",
    "no_sign",
    "passphrase_file",
    "plain",
    "yes",
]


class CheckFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class ListFormat(enum.StrEnum):
    text = "text"
    json = "json"


class ShowFormat(enum.StrEnum):
    text = "text"
    mermaid = "mermaid"
    dot = "dot"
    svg = "svg"


class FeedbackMode(enum.StrEnum):
    step = "step"
    end = "end"


class DebriefFormat(enum.StrEnum):
    text = "text"
    html = "html"


class ReportFormat(enum.StrEnum):
    md = "md"
    txt = "txt"
    html = "html"


class OnChange(enum.StrEnum):
    pinned = "pinned"
    restart = "restart"


class SchemaKind(enum.StrEnum):
    protocol = "protocol"
    scenarios = "scenarios"
    record = "record"
    ketenkaart = "ketenkaart"
    monitor = "monitor"
    organisatie = "organisatie"


class SchemaDraft(enum.StrEnum):
    d2020 = "2020-12"
    d07 = "07"


# the profile roles of ``init --role``: from the one list in ``meldcode_cli.roles``
ProfileRoleOpt = enum.StrEnum("ProfileRoleOpt", {r: r for r in PROFILE_ROLES})  # type: ignore[misc]


def plain() -> Any:
    """``--plain/--rich``: numbered line prompts or the full-screen ones."""
    return typer.Option("--plain/--rich", help=t("cmd.start.plain"), show_default=False)


def passphrase_file() -> Any:
    """``--passphrase-file``: read the passphrase from a file (scripts, tests)."""
    return typer.Option("--passphrase-file", help=t("opt.passphrase_file"))


def no_sign() -> Any:
    """``--no-sign``, the same everywhere: do not sign, write a TRAINING record instead."""
    return typer.Option("--no-sign", help=t("cmd.sign.training"))


def yes() -> Any:
    """``--yes``: sign without the confirmation question (recorded as such)."""
    return typer.Option("--yes", help=t("opt.yes"))


def organisatie() -> Any:
    """``--organisatie``: the organisation's own meldcode (an overlay file)."""
    return typer.Option("--organisatie", help=t("opt.organisatie"))


def case_arg(key: str = "cmd.journaal.case") -> Any:
    """The case label argument."""
    return typer.Argument(help=t(key), show_default=False)
