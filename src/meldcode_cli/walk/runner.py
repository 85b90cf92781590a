"""The one interactive runner: drive a walk with a prompter, and end it the same way for
every command that asks questions (``start``, ``resume``, review, ``evaluate``, ``train``).

- the user pauses (Esc-p and the like): the pause is journalled, ``run.paused`` is True and
  the caller says how to continue;
- Ctrl-C, a closed terminal (SIGHUP/SIGTERM arrive as KeyboardInterrupt) or end of input:
  every answer was saved already; the pause mark is written too (if it can be) and
  :class:`WalkInterrupted` carries the case label to the edge (exit 130).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from meldcode_cli.errors import Interrupted

__all__ = ["Run", "WalkInterrupted", "interactive"]


class WalkInterrupted(Interrupted):
    """Ctrl-C or a closed terminal during the walk; the case (``label``) is saved."""


@dataclass
class Run:
    paused: bool = False


def _pause(target: Any, prompter: Any) -> None:
    from meldcode_cli.walk.session import Session

    if isinstance(target, Session):
        target.pause(getattr(prompter, "saved_drafts", lambda: None)())


@contextlib.contextmanager
def interactive(target: Any, prompter: Any, label: str | None) -> Iterator[Run]:
    """``with interactive(session, prompter, label) as run: drive(session, prompter)``;
    afterwards ``run.paused`` says whether the user paused. ``target``: a journalled
    :class:`~meldcode_cli.walk.session.Session`, or a bare walk (nothing to save)."""
    from meldcode_cli.walk.casestore import CaseError
    from meldcode_cli.walk.driver import WalkPaused

    run = Run()
    try:
        yield run
    except WalkPaused:
        _pause(target, prompter)
        run.paused = True
    except (KeyboardInterrupt, EOFError):
        # every answer was already saved; at worst only the pause mark is missing
        with contextlib.suppress(CaseError):
            _pause(target, prompter)
        raise WalkInterrupted(label) from None
