"""Driving a :class:`~meldcode_cli.engine.Walk` through a ``Prompter``.

The engine decides *what* comes next; a prompter decides *how* to ask. The interactive
walk plugs in a questionary-based prompter (one module owns questionary); tests and
``--answers`` replay use scripted ones. This module does no I/O itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from meldcode_cli.afwegingskader import Decision
from meldcode_cli.compiled import CItem
from meldcode_cli.engine import AnswerError, Walk

__all__ = ["ACUTE", "PAUSE", "Prompter", "ScriptedPrompter", "WalkPaused", "drive"]


class _Signal:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


ACUTE: Any = _Signal("ACUTE")
"""Returned by a prompter when the user takes the acute route at this prompt."""
PAUSE: Any = _Signal("PAUSE")
"""Returned by a prompter when the user pauses (save and leave)."""


class WalkPaused(Exception):
    """The user paused; everything answered so far is in the walk."""


class Prompter(Protocol):
    """How a walk talks to a person. Implementations may raise KeyboardInterrupt/EOFError."""

    def step_started(self, step: int, walk: Walk) -> None: ...

    def show(self, item: CItem, walk: Walk) -> None: ...

    def ask(self, item: CItem, walk: Walk, problem: str | None) -> Any:
        """The raw answer, ``ACUTE`` or ``PAUSE``. ``problem``: why the last answer was refused."""
        ...

    def acute(self, walk: Walk) -> bool:
        """Show the acute route (112, Veilig Thuis). True: continue the walk; False: pause."""
        ...

    def finished(self, walk: Walk, decision: Decision | None) -> None: ...


def drive(walk: Walk, prompter: Prompter, *, max_retries: int = 20) -> Decision | None:
    """Ask until the walk is complete (or paused). Returns the decision."""
    current_step = 0
    while (item := walk.next_item()) is not None:
        if item.step != current_step:
            current_step = item.step
            prompter.step_started(current_step, walk)
        if not item.answerable:
            prompter.show(item, walk)
            walk.mark_shown(item.id)
            continue
        problem: str | None = None
        for _ in range(max_retries):
            raw = prompter.ask(item, walk, problem)
            if raw is PAUSE:
                raise WalkPaused
            if raw is ACUTE:
                walk.declare_acute(item.step)
                if not prompter.acute(walk):
                    raise WalkPaused
                problem = None
                continue
            try:
                walk.answer(item.id, raw)
            except AnswerError as e:
                problem = e.reason
                continue
            break
        else:
            raise AnswerError(item.id, "te veel ongeldige antwoorden")
    decision = walk.decision()
    prompter.finished(walk, decision)
    return decision


@dataclass
class ScriptedPrompter:
    """Answers from a mapping (or a list of raw answers in order). For tests and replay."""

    answers: Mapping[str, Any] | None = None
    sequence: Iterator[Any] | None = None
    problems: list[tuple[str, str]] | None = None
    continue_after_acute: bool = True

    def __post_init__(self) -> None:
        self.problems = []
        self.steps: list[int] = []
        self.shown: list[str] = []
        self.asked: list[str] = []

    def step_started(self, step: int, walk: Walk) -> None:
        self.steps.append(step)

    def show(self, item: CItem, walk: Walk) -> None:
        self.shown.append(item.id)

    def ask(self, item: CItem, walk: Walk, problem: str | None) -> Any:
        self.asked.append(item.id)
        if problem is not None and self.problems is not None:
            self.problems.append((item.id, problem))
        if self.sequence is not None:
            return next(self.sequence)
        if self.answers is not None and item.id in self.answers:
            return self.answers[item.id]
        if item.deferrable or not getattr(item.item, "required", True):
            return None
        raise EOFError(f"no scripted answer for {item.id}")

    def acute(self, walk: Walk) -> bool:
        return self.continue_after_acute

    def finished(self, walk: Walk, decision: Decision | None) -> None:
        pass
