"""Keys typed while the first question's widget is still loading are neither lost nor invented.

The rich prompter prints a question's text before it imports questionary and prompt_toolkit
(walk/prompt/interactive.py), so the question shows some 50 ms before the widget reads keys.
Keys a fast typist sends in that window wait in the terminal's input queue (prompt_toolkit
switches to raw mode with ``TCSANOW``, which keeps them) and reach the widget in order.
Enter is not typed ahead here: before raw mode the line discipline turns ``\\r`` into ``\\n``,
as for any program that has not yet started reading.
"""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from tests.conftest import terminal_env
from tests.pty.test_e2e_pty import (
    COLS,
    CPR_REQUEST,
    DOWN,
    ENTER,
    MELDCODE,
    ROWS,
    SPACE,
    Terminal,
    stored_answers,
)

pytestmark = pytest.mark.skipif(not MELDCODE.exists(), reason="console script not installed")


def test_arrows_and_space_typed_before_the_widget_is_ready(tmp_path: Path) -> None:
    term = Terminal(tmp_path, "start", "voorbeeld", "--role", "huisarts", "--case", "vooruit")
    try:
        # the question's text is on screen: type at once, before the widget asks for the
        # cursor position (the first thing questionary does once prompt_toolkit runs)
        term.child.expect_exact("Welke signalen heeft u waargenomen?")
        term.send(DOWN * 3 + SPACE)
        term.question("Ander signaal")  # the widget runs and has drawn its options
        term.send(ENTER)
        term.expect("[Cliënt is bang voor een huisgenoot]")  # the answered question
        term.question("Beschrijf wat u zag en hoorde, met datum en bron.")
        term.send("\x03")  # Ctrl-C: saved up to the last answer
        term.expect("meldcode resume vooruit")
        assert term.finish() == 130
    finally:
        term.kill()
    answers = stored_answers(tmp_path, "vooruit")
    assert answers == {"signalen": frozenset({"angst"})}, answers


def test_the_question_text_is_printed_before_prompt_toolkit_is_imported(tmp_path: Path) -> None:
    """Seen from outside: with PYTHONPROFILEIMPORTTIME each finished import is written to
    stderr, here merged into the terminal's stream in the order things happened."""
    env = {**terminal_env(tmp_path, COLS), "PYTHONPROFILEIMPORTTIME": "1"}
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", f"exec 2>&1; exec '{MELDCODE}' start voorbeeld --role huisarts --no-save"],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(ROWS, COLS),
    )
    try:
        before = ""
        child.expect_exact("Welke signalen heeft u waargenomen?")
        before = child.before
        child.expect_exact(CPR_REQUEST)  # the widget runs: prompt_toolkit was imported
        after = child.before
    finally:
        child.terminate(force=True)
    assert "| meldcode_cli.walk.flow" in before  # the start path was traced
    assert "prompt_toolkit" not in before
    assert "questionary" not in before
    assert "| prompt_toolkit" in after
    assert "| questionary" in after
    for late in (
        "meldcode_cli.record.build",
        "meldcode_cli.record.model",
        "meldcode_cli.protocol.organisatie",
    ):
        assert f"| {late}" not in before, late  # needed after the walk, or for an overlay
