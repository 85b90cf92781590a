"""Driving a walk through a ``Prompter``: the seam between the engine and a person.

The engine decides *what* comes next; a prompter decides *how* to ask. The interactive walk
plugs in :mod:`meldcode_cli.walk.prompt.interactive` (the one module that owns questionary);
tests and ``--answers`` replay use scripted prompters. At every question the person can answer,
or take a way out: terug (edit an earlier answer), waarom? (the rule and its source), notitie (a
note with provenance), acuut gevaar (the acute route), pauzeren (save and leave). This module
does no I/O itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from meldcode_cli.protocol.afwegingskader import Decision
from meldcode_cli.protocol.compiled import CCheck, CItem
from meldcode_cli.walk.engine import AnswerError, AnswerValue, Note, Walk

__all__ = [
    "ACUTE",
    "BACK",
    "NOTE",
    "PAUSE",
    "WHY",
    "Prompter",
    "ScriptedPrompter",
    "Target",
    "WalkPaused",
    "drive",
    "replay",
    "replay_phases",
]


class _Signal:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


ACUTE: Any = _Signal("ACUTE")
"""The person takes the acute route at this prompt."""
PAUSE: Any = _Signal("PAUSE")
"""The person pauses: save and leave."""
BACK: Any = _Signal("BACK")
"""The person wants to change an earlier answer."""
WHY: Any = _Signal("WHY")
"""The person asks why this question is here."""
NOTE: Any = _Signal("NOTE")
"""The person adds a note to this question."""


class WalkPaused(Exception):
    """The person paused; everything answered so far is saved in the target."""


class Target(Protocol):
    """What :func:`drive` changes: a bare :class:`Walk`, or a journalled session."""

    @property
    def walk(self) -> Walk: ...

    def answer(self, item_id: str, raw: Any) -> AnswerValue: ...

    def mark_shown(self, item_id: str) -> None: ...

    def add_note(self, item_id: str, text: str, provenance: str, nature: str) -> Note: ...

    def declare_acute(self, step: int) -> None: ...

    def open_evaluation(self, reason: str | None, day: dt.date | None = None) -> None: ...

    def justify(self, check_id: str, text: str) -> None: ...


@dataclass
class BareTarget:
    """A :class:`Walk` without a journal (tests, training without a case)."""

    walk: Walk

    def answer(self, item_id: str, raw: Any) -> AnswerValue:
        return self.walk.answer(item_id, raw)

    def mark_shown(self, item_id: str) -> None:
        self.walk.mark_shown(item_id)

    def add_note(self, item_id: str, text: str, provenance: str, nature: str) -> Note:
        return self.walk.add_note(item_id, text, provenance, nature)

    def declare_acute(self, step: int) -> None:
        self.walk.declare_acute(step)

    def open_evaluation(self, reason: str | None, day: dt.date | None = None) -> None:
        if day is not None:
            self.walk.today = day
        self.walk.open_evaluation(reason, day=day)

    def justify(self, check_id: str, text: str) -> None:
        self.walk.justify(check_id, text)


class Prompter(Protocol):
    """How a walk talks to a person. Implementations may raise KeyboardInterrupt/EOFError."""

    def step_started(self, step: int, walk: Walk) -> None: ...

    def show(self, item: CItem, walk: Walk) -> None:
        """Show a guidance block (text and contacts); nothing is asked."""
        ...

    def ask(self, item: CItem, walk: Walk, problem: str | None, default: AnswerValue) -> Any:
        """The raw answer, or one of ``BACK``, ``WHY``, ``NOTE``, ``ACUTE``, ``PAUSE``.

        ``problem``: why the previous answer was refused. ``default``: the current answer
        when the person came back to change it.
        """
        ...

    def why(self, item: CItem, walk: Walk) -> None:
        """Show why the item is asked: its rule (``why``), condition and sources."""
        ...

    def note(self, item: CItem, walk: Walk) -> tuple[str, str, str] | None:
        """Ask for a note: (text, provenance, nature), or None to cancel."""
        ...

    def choose_back(self, walk: Walk) -> str | None:
        """Which earlier answer to change (an item id), or None to cancel."""
        ...

    def acute(self, walk: Walk) -> bool:
        """Show the acute route (112, Veilig Thuis). True: continue the walk; False: pause."""
        ...

    def check(self, check: CCheck, walk: Walk, *, again: bool) -> None:
        """Show a fired check's message (``again``: the reminder before signing)."""
        ...

    def justify(self, check: CCheck, walk: Walk) -> str | None:
        """Ask the written justification for a ``justify`` check; None: later."""
        ...

    def finished(self, walk: Walk, decision: Decision | None) -> None: ...


def _announce(tgt: Target, prompter: Prompter, announced: set[str]) -> None:
    """Show checks that became true since the last answer; ask their justification."""
    walk = tgt.walk
    for c in walk.fired_checks():
        if c.id in announced:
            continue
        announced.add(c.id)
        prompter.check(c, walk, again=False)
        if c.severity == "justify" and c.id not in walk.justifications:
            _ask_justification(tgt, prompter, c)


def _ask_justification(tgt: Target, prompter: Prompter, c: CCheck) -> None:
    for _ in range(3):
        text = prompter.justify(c, tgt.walk)
        if text is None:
            return
        try:
            tgt.justify(c.id, text)
            return
        except AnswerError:
            continue


def _before_signing(tgt: Target, prompter: Prompter) -> None:
    """Every fired check again before signing; missing justifications are asked now."""
    walk = tgt.walk
    for c in walk.fired_checks():
        prompter.check(c, walk, again=True)
        if c.severity == "justify" and c.id not in walk.justifications:
            _ask_justification(tgt, prompter, c)


@dataclass
class _Turn:
    """What a way out leaves: a problem to show when the item is asked again, or (``done``)
    the earlier item the person went back to."""

    problem: str | None = None
    revisit: str | None = None
    done: bool = False


def _way_out(tgt: Target, prompter: Prompter, item: CItem, raw: Any) -> _Turn | None:
    """Take the way out ``raw`` stands for; None when ``raw`` is an answer."""
    walk = tgt.walk
    if raw is PAUSE:
        raise WalkPaused
    if raw is ACUTE:
        tgt.declare_acute(item.step)
        if not prompter.acute(tgt.walk):
            raise WalkPaused
        return _Turn()
    if raw is WHY:
        prompter.why(item, walk)
        return _Turn()
    if raw is NOTE:
        note = prompter.note(item, walk)
        if note is not None:
            try:
                tgt.add_note(item.id, *note)
            except AnswerError as e:
                return _Turn(problem=str(e.reason))
        return _Turn()
    if raw is BACK:
        chosen = prompter.choose_back(walk)
        return _Turn(revisit=chosen, done=chosen is not None)
    return None


def _ask_item(
    tgt: Target,
    prompter: Prompter,
    item: CItem,
    announced: set[str],
    max_retries: int | None,
) -> str | None:
    """Ask one item until the walk takes an answer; the earlier item to go back to, if the
    person chose one instead."""
    problem: str | None = None
    tries = 0
    while True:
        walk = tgt.walk
        raw = prompter.ask(item, walk, problem, walk.answers.get(item.id))
        turn = _way_out(tgt, prompter, item, raw)
        if turn is not None:
            if turn.done:
                return turn.revisit
            problem = turn.problem
            continue
        try:
            value = tgt.answer(item.id, raw)
        except AnswerError as e:
            problem = str(e.reason)
            tries += 1
            if max_retries is not None and tries >= max_retries:
                raise AnswerError(item.id, "answer.too_many_tries") from None
            continue
        accepted = getattr(prompter, "accepted", None)  # optional: echo what was taken
        if accepted is not None:
            accepted(item, value)
        _announce(tgt, prompter, announced)
        return None


def drive(
    target: Target | Walk,
    prompter: Prompter,
    *,
    max_retries: int | None = None,
    start_with: str | None = None,
) -> Decision | None:
    """Ask until the walk is complete. Raises :class:`WalkPaused` when the person pauses.

    Every change goes through ``target`` (so a session journals it before the next
    question). KeyboardInterrupt and EOFError from the prompter propagate unchanged.
    A question stays askable however often it is asked: actions (waarom, a note, acute,
    back) are not tries, and invalid answers only end the walk when ``max_retries`` says so
    (tests); a person is never thrown out of a walk.
    """
    tgt: Target = BareTarget(target) if isinstance(target, Walk) else target
    announced: set[str] = {c.id for c in tgt.walk.fired_checks()} if start_with else set()
    current_step = 0
    revisit: str | None = start_with  # e.g. afweging_5 at the evaluation
    while True:
        walk = tgt.walk
        item = walk.compiled.by_id[revisit] if revisit else walk.next_item()
        revisit = None
        if item is None:
            break
        if item.step != current_step:
            current_step = item.step
            prompter.step_started(current_step, walk)
        if not item.answerable:
            prompter.show(item, walk)
            tgt.mark_shown(item.id)
            continue
        revisit = _ask_item(tgt, prompter, item, announced, max_retries)
    _before_signing(tgt, prompter)
    decision = tgt.walk.decision()
    prompter.finished(tgt.walk, decision)
    return decision


MAX_REASKS = 3
"""How often replay may meet the same item before the answers are called contradictory."""


def replay(
    target: Target, answers: Mapping[str, Any], acute_steps: Sequence[int] = ()
) -> list[str]:
    """Answer in walk order from a mapping; every change goes through ``target``.

    Guidance is marked shown, optional and deferrable items without an answer are left
    open, and every required item without an answer is collected: the return value lists
    them all. Raises :class:`AnswerError` on the first invalid answer, or when the answers
    keep reopening each other (a later answer invalidates an earlier one, again and again).
    """
    for step in acute_steps:
        target.declare_acute(step)
    missing: list[str] = []
    skipped: set[str] = set()
    asked: dict[str, int] = {}
    while True:
        walk = target.walk
        nxt = None
        for ci in walk.relevant():
            if ci.id in skipped:
                continue
            if (ci.answerable and ci.id not in walk.answers) or (
                not ci.answerable and ci.id not in walk.shown
            ):
                nxt = ci
                break
        if nxt is None:
            return missing
        asked[nxt.id] = asked.get(nxt.id, 0) + 1
        if asked[nxt.id] > MAX_REASKS:
            raise AnswerError(
                nxt.id,
                "answer.contradictory",
            )
        if not nxt.answerable:
            target.mark_shown(nxt.id)
        elif nxt.id in answers:
            target.answer(nxt.id, answers[nxt.id])
        elif walk.may_leave_open(nxt):
            target.answer(nxt.id, None)
        else:
            missing.append(nxt.id)
            skipped.add(nxt.id)


def replay_walk(
    walk: Walk, answers: Mapping[str, Any], acute_steps: Sequence[int] = ()
) -> list[str]:
    """Answer a bare :class:`Walk` in walk order from a mapping (scenario files, ``--answers``).

    Returns the ids of relevant items that the mapping does not answer (all of them, not just
    the first). Raises :class:`AnswerError` on the first invalid answer, or when the answers
    keep reopening each other.
    """
    return replay(BareTarget(walk), answers, acute_steps)


def replay_phases(
    target: Target,
    answers: Mapping[str, Any],
    acute_steps: Sequence[int] = (),
    evaluation: Any | None = None,
) -> list[str]:
    """Replay the first walk, then (when ``evaluation`` is given) the follow-up evaluation.

    ``evaluation`` has ``today``, ``reason`` and ``answers`` (afweging 5 and what follows);
    it is opened as ``meldcode evaluate`` would, and refused before the evaluation date
    without a reason. Returns the missing items of the phase that stopped.
    """
    first = {k: v for k, v in answers.items() if k != "afweging_5"}
    if "afweging_5" in answers:
        raise AnswerError(
            "afweging_5",
            "answer.evaluation.in_answers",
        )
    missing = replay(target, first, acute_steps)
    if missing or evaluation is None:
        return missing
    day = evaluation.day()
    target.open_evaluation(evaluation.reason, day)
    later = dict(evaluation.answers)
    if "afweging_5" not in later:
        return ["afweging_5"]
    target.answer("afweging_5", later["afweging_5"])
    return replay(target, {**first, **later})


@dataclass
class ScriptedPrompter:
    """Answers from a mapping, or raw answers and actions in order. For tests and replay."""

    answers: Mapping[str, Any] | None = None
    sequence: Iterator[Any] | None = None
    continue_after_acute: bool = True
    back_to: list[str] = field(default_factory=list)
    notes: list[tuple[str, str, str]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    steps: list[int] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    whys: list[str] = field(default_factory=list)
    finished_with: list[Decision | None] = field(default_factory=list)
    justifications: Mapping[str, str] = field(default_factory=dict)
    checks_shown: list[tuple[str, bool]] = field(default_factory=list)

    def step_started(self, step: int, walk: Walk) -> None:
        self.steps.append(step)

    def show(self, item: CItem, walk: Walk) -> None:
        self.shown.append(item.id)

    def ask(self, item: CItem, walk: Walk, problem: str | None, default: AnswerValue) -> Any:
        self.asked.append(item.id)
        if problem is not None:
            self.problems.append((item.id, problem))
        if self.sequence is not None:
            return next(self.sequence)
        if self.answers is not None and item.id in self.answers:
            return self.answers[item.id]
        if item.deferrable or not getattr(item.item, "required", True):
            return None
        raise EOFError(f"no scripted answer for {item.id}")

    def why(self, item: CItem, walk: Walk) -> None:
        self.whys.append(item.id)

    def note(self, item: CItem, walk: Walk) -> tuple[str, str, str] | None:
        return self.notes.pop(0) if self.notes else None

    def choose_back(self, walk: Walk) -> str | None:
        return self.back_to.pop(0) if self.back_to else None

    def acute(self, walk: Walk) -> bool:
        return self.continue_after_acute

    def check(self, check: CCheck, walk: Walk, *, again: bool) -> None:
        self.checks_shown.append((check.id, again))

    def justify(self, check: CCheck, walk: Walk) -> str | None:
        return self.justifications.get(check.id)

    def finished(self, walk: Walk, decision: Decision | None) -> None:
        self.finished_with.append(decision)
