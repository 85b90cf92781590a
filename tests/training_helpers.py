"""Helpers for trainer tests: answer a casus walk from a mapping, filling the rest."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meldcode_cli.protocol.compiled import CItem
from meldcode_cli.protocol.model import (
    DateItem,
    MultiChoiceItem,
    SingleChoiceItem,
    TextItem,
    YesNoItem,
)
from meldcode_cli.training.casus import load_casus
from meldcode_cli.training.train import TrainOutcome, TrainRequest, start_training
from meldcode_cli.walk.driver import ScriptedPrompter
from meldcode_cli.walk.engine import AnswerValue, Walk

TODAY = dt.date(2026, 1, 15)


def filler(ci: CItem, role: str, problem: str | None = None) -> Any:
    """A plausible answer for an item the test does not care about."""
    item = ci.item
    if isinstance(item, YesNoItem):
        return "ja" if problem else "nee"
    if isinstance(item, SingleChoiceItem):
        return next(o.id for o in item.options if o.for_role(role))
    if isinstance(item, MultiChoiceItem):
        return [next(o.id for o in item.options if o.for_role(role))]
    if isinstance(item, DateItem):
        return "2026-03-01" if item.range == "future" else "2026-01-10"
    if isinstance(item, TextItem):
        return "Oefentekst."
    return None


@dataclass
class AutoPrompter(ScriptedPrompter):
    """Answers from ``answers``; other required items get :func:`filler`."""

    def ask(
        self,
        item: CItem,
        walk: Walk,
        problem: str | None,
        default: AnswerValue,  # noqa: ARG002
    ) -> Any:
        self.asked.append(item.id)
        if problem is not None:
            self.problems.append((item.id, problem))
        if self.answers is not None and item.id in self.answers:
            return self.answers[item.id]
        if item.deferrable or not getattr(item.item, "required", True):
            return None
        return filler(item, walk.role, problem)


def key_answers(casus_id: str, **changes: Any) -> dict[str, Any]:
    """The key's answers, changed: a value replaces, None removes."""
    check = load_casus(casus_id)
    assert check.casus is not None
    answers: dict[str, Any] = {k: v.answer for k, v in check.casus.key.items.items()}
    for k, v in changes.items():
        if v is None:
            answers.pop(k, None)
        else:
            answers[k] = v
    return answers


def train(
    casus_id: str, answers: Mapping[str, Any], *, feedback: str = "step", name: str | None = None
) -> tuple[TrainOutcome, AutoPrompter]:
    """One training run with scripted answers; optionally put a participant name in the record."""
    prompter = AutoPrompter(answers=dict(answers))
    outcome = start_training(
        TrainRequest(casus_id, feedback),  # type: ignore[arg-type]
        prompter=prompter,
        stdout=io.StringIO(),
        today=lambda: TODAY,
    )
    if name is not None and outcome.record is not None:
        set_name(outcome.record, name)
    return outcome, prompter


def set_name(record: Path, name: str) -> None:
    """Put a professional in an (unsigned) training record, as a profile would."""
    env = json.loads(record.read_text(encoding="utf-8"))
    env["record"]["provenance"]["professional"] = {
        "name": name,
        "role": "professional",
        "organisation": "Oefenschool",
        "registration": None,
        "contact": None,
    }
    record.write_text(json.dumps(env, ensure_ascii=False), encoding="utf-8")
