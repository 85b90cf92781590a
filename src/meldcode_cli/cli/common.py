"""What every command module uses: run one core call through the exception mapper
(``exits``), fail with a message, and two small formatters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import typer

from meldcode_cli.cli.exits import (
    EXIT_FAILED,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
)

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "fail",
    "nl_date",
    "run_core",
    "run_walk",
    "short_path",
]

T = TypeVar("T")


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    from meldcode_cli.console import print_error

    print_error(f"meldcode: {message}")
    raise typer.Exit(code)


def run_core(call: Callable[[], T]) -> T:
    """Run one core call; map our exceptions to exit codes and never show a traceback
    (the mapping lives in ``exits``, shared with the fast paths)."""
    from meldcode_cli.cli.exits import Exited, guard_core

    try:
        return guard_core(call, (typer.Exit, typer.Abort))
    except Exited as e:
        raise typer.Exit(e.code) from None


def run_walk(call: Callable[[], T]) -> T:
    """Like :func:`run_core`, plus the walk's own ends: a saved interruption is exit 130."""
    from meldcode_cli.cli.exits import Exited, guard_walk

    try:
        return guard_walk(call, (typer.Exit, typer.Abort))
    except Exited as e:
        raise typer.Exit(e.code) from None


def nl_date(iso: str) -> str:
    """JJJJ-MM-DD as DD-MM-JJJJ."""
    y, m, d = iso[:10].split("-")
    return f"{d}-{m}-{y}"


def short_path(path: Path) -> str:
    """A path as short as it can be said: relative to here, or from ~."""
    from meldcode_cli.walk.casemgmt import short_path as short

    return short(path)
