"""What a walk command ends with (:class:`WalkOutcome`, and the :class:`FinishedWalk` the
signed record is made from), shared by the interactive walk (:mod:`meldcode_cli.walk.flow`)
and the replay of an answers file (:mod:`meldcode_cli.walk.answersfile`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TextIO

from meldcode_cli.protocol.afwegingskader import Decision
from meldcode_cli.walk.engine import Walk
from meldcode_cli.walk.session import Session

__all__ = ["FinishedWalk", "WalkOutcome", "completed", "finish", "say"]


@dataclass
class FinishedWalk:
    """The hand-over point to the signed decision record: everything it needs."""

    label: str | None
    walk: Walk
    decision: Decision | None
    protocol_hash: str | None


@dataclass
class WalkOutcome:
    label: str | None
    status: str  # completed | paused | incomplete
    decision: Decision | None = None
    missing: list[str] = field(default_factory=list)
    finished: FinishedWalk | None = None


def say(stdout: TextIO, *lines: str) -> None:
    """Lines for the person, wrapped at word boundaries on a terminal."""
    from meldcode_cli.walk.prompt.lines import write_lines

    write_lines(stdout, *lines)


def finish(target: Any) -> Decision | None:
    """Mark the walk completed (a saved case journals it) and give its decision."""
    if isinstance(target, Session):
        return target.complete()
    decision: Decision | None = target.walk.decision()
    return decision


def completed(target: Any, label: str | None, decision: Decision | None) -> WalkOutcome:
    phash = target.case.protocol_hash if isinstance(target, Session) else None
    return WalkOutcome(
        label, "completed", decision, [], FinishedWalk(label, target.walk, decision, phash)
    )
