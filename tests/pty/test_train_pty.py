"""End to end: ``meldcode train CASUS --plain`` on a pseudo-terminal, with one wrong answer.

The installed console script runs with its own ``MELDCODE_HOME``. The questions and their
order are worked out beforehand by driving the same engine with the same answers, so the
test types exactly what a participant would type at each ``> `` prompt.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest

from meldcode_cli.protocol.compiled import CItem
from meldcode_cli.protocol.model import (
    DateItem,
    MultiChoiceItem,
    SingleChoiceItem,
    TextItem,
    YesNoItem,
)
from meldcode_cli.training.casus import load_casus
from meldcode_cli.walk import view as walkview
from meldcode_cli.walk.driver import drive
from meldcode_cli.walk.engine import AnswerValue, Walk
from tests.conftest import terminal_env
from tests.training_helpers import AutoPrompter, key_answers

MELDCODE = Path(sys.executable).with_name("meldcode")
CASUS = "egg-professional-deskundige"
TIMEOUT = 30

pytestmark = pytest.mark.skipif(not MELDCODE.exists(), reason="console script not installed")


JUSTIFY_PROMPT = "Uw schriftelijke verantwoording"
JUSTIFICATION = "Oefening: de mentor sprak eerst met de school."


class Recorder(AutoPrompter):
    """Remembers which answer went to which question, and the justifications typed."""

    plan: list[tuple[str, list[str]]]

    def ask(self, item: CItem, walk: Walk, problem: str | None, default: AnswerValue) -> Any:
        value = super().ask(item, walk, problem, default)
        if not hasattr(self, "plan"):
            self.plan = []
        self.plan.append((walkview.question_text(item), _typed(item, value, walk.role)))
        return value

    def justify(self, check: Any, walk: Walk) -> str | None:  # noqa: ARG002
        self.plan.append((JUSTIFY_PROMPT, [JUSTIFICATION]))
        return JUSTIFICATION


def _typed(ci: CItem, value: Any, role: str) -> list[str]:
    """What a participant types in the plain prompter for ``value``."""
    item = ci.item
    if value is None:  # a choice is skipped by a word; Enter alone never skips one
        return ["overslaan" if isinstance(item, YesNoItem | SingleChoiceItem) else ""]
    if isinstance(item, YesNoItem):
        return ["1" if value == "ja" else "2"]
    if isinstance(item, SingleChoiceItem | MultiChoiceItem):
        ids = [o.id for o in item.options if o.for_role(role)]
        values = value if isinstance(value, list) else [value]
        return [" ".join(str(ids.index(v) + 1) for v in values) or "-"]
    if isinstance(item, TextItem) and item.multiline:
        return [str(value), "."]
    return [str(value)]


def _plan(answers: dict[str, Any], today: dt.date) -> list[tuple[str, list[str]]]:
    check = load_casus(CASUS)
    assert check.casus is not None
    assert check.compiled is not None
    role = check.casus.role
    for ci in check.compiled.items:  # dates relative to the day the test runs
        if isinstance(ci.item, DateItem) and ci.item.required and ci.id not in answers:
            days = 45 if ci.item.range == "future" else -5
            answers[ci.id] = (today + dt.timedelta(days=days)).isoformat()
    prompter = Recorder(answers=answers)
    drive(Walk(check.compiled, role, today=today), prompter)
    return prompter.plan


def test_train_plain_shows_feedback_for_a_wrong_answer(tmp_path: Path) -> None:
    # the mentor talks to nobody before... but skips the specialist: the one wrong answer
    answers = key_answers(CASUS, deskundige_geraadpleegd="nee", gesprek_familie=None)
    plan = _plan(answers, dt.date.today())
    log = io.StringIO()
    child = pexpect.spawn(
        str(MELDCODE),
        ["train", CASUS, "--plain"],
        env=terminal_env(tmp_path),
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 100),
    )
    child.logfile_read = log
    try:
        child.expect_exact("OEFENING: geen echte casus, geen dossierstuk, niet ondertekend")
        child.expect_exact("Stap 1 van 5")
        child.expect_exact("Casus (OEFENING):")
        for question, lines in plan:
            # the plain prompter wraps long questions at word boundaries on a terminal:
            # the start of the question is on its first line
            child.expect_exact(question.split("\n")[0][:40])
            child.expect_exact("> ")
            for line in lines:
                child.sendline(line)
        child.expect_exact("OEFENING-record (niet ondertekend, geen dossierstuk):")
        child.expect(pexpect.EOF)
        child.close()
    finally:
        if child.isalive():
            child.terminate(force=True)
    assert child.exitstatus == 0, log.getvalue()[-3000:]
    out = log.getvalue().replace("\r\n", "\n")

    # the feedback for the wrong answer, after step 2 and before step 3
    feedback = out.index("Terugkoppeling stap 2 (OEFENING): 1 van 2 volgens de sleutel")
    assert out.index("Stap 2 van 5") < feedback < out.index("Stap 3 van 5")
    block = out[feedback : out.index("Stap 3 van 5")]
    assert "✗ Heeft u een deskundige op het gebied van eergerelateerd geweld of VGV" in block
    assert "uw antwoord: nee" in block
    assert "sleutel: ja" in block
    assert "collectief karakter" in block
    assert "Movisie, De Meldcode bij (vermoedens van) eergerelateerd geweld" in block
    assert "https://www.movisie.nl/publicatie/meldcode-vermoedens-eergerelateerd-geweld-0" in block
    assert "✓ Heeft u advies gevraagd aan Veilig Thuis" in block
    # the consequence shows up in step 3: the talk with the family was never asked
    assert "uw antwoord: niet gevraagd (door een eerder antwoord)" in out
    # the right decision, and the whole score
    assert "✓ uw antwoord: melden bij Veilig Thuis (pad JNN--)" in out
    assert (
        "OEFENING afgerond: 8 van 10 sleutelvragen volgens de sleutel; de beslissing klopt." in out
    )

    # stored apart from real cases, as an unsigned training record
    assert not (tmp_path / "cases").exists()
    records = list((tmp_path / "training" / "cases").glob(f"{CASUS}.*/records/0001-decision.json"))
    assert len(records) == 1
    env = json.loads(records[0].read_text(encoding="utf-8"))
    assert env["signature"] is None
    assert env["record"]["training"] is True
    assert env["record"]["decision"]["outcome"] == "melden"
