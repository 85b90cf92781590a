"""The one module that owns terminal output (rich), created lazily.

Protocol text and diagnostics are user content: rich never interprets it
(``markup=False``, ``highlight=False``, ``emoji=False``). ``NO_COLOR`` is honoured by rich.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["err", "out", "print_error", "print_text", "progress"]

_out: Console | None = None
_err: Console | None = None


def _make(stderr: bool) -> Console:
    from rich.console import Console

    return Console(
        stderr=stderr,
        markup=False,
        highlight=False,
        emoji=False,
        soft_wrap=True,
    )


def out() -> Console:
    global _out  # noqa: PLW0603 - lazily created singleton
    if _out is None:
        _out = _make(False)
    return _out


def err() -> Console:
    global _err  # noqa: PLW0603 - lazily created singleton
    if _err is None:
        _err = _make(True)
    return _err


def print_text(text: str) -> None:
    """Plain text to stdout, exactly as given (no wrapping, no styling)."""
    if text:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()


def print_error(message: str) -> None:
    """A message on stderr; on a terminal wrapped at word boundaries (never mid-word)."""
    from meldcode_cli.walk.prompt.lines import write_lines

    write_lines(sys.stderr, *message.rstrip("\n").split("\n"))


def is_interactive_stderr() -> bool:
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stderr.isatty()


@contextmanager
def progress(total: int, label: str, *, min_items: int = 20) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when it is a terminal and the work is long; else silent.

    Yields a function to call after each unit of work.
    """
    if total < min_items or not is_interactive_stderr():
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err(),
        transient=True,
        auto_refresh=False,  # no refresh thread: batch validation may fork workers
    ) as bar:
        task = bar.add_task(label, total=total)

        def step() -> None:
            bar.advance(task)
            bar.refresh()

        yield step
