"""SIGTERM and SIGHUP end a walk the way Ctrl-C does: saved, resume hint, exit 130."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.walk.casestore import CaseStore
from tests.pty.test_e2e_pty import MELDCODE, TIMEOUT, _env

pytestmark = pytest.mark.skipif(not MELDCODE.exists(), reason="console script not installed")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_during_a_walk_saves_and_says_how_to_resume(
    tmp_path: Path, sig: signal.Signals
) -> None:
    home = tmp_path / "home"
    child = pexpect.spawn(
        str(MELDCODE),
        ["start", "voorbeeld", "--role", "huisarts", "--case", "sig1", "--plain", "--no-sign"],
        env=_env(home),
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 100),
    )
    try:
        child.expect_exact("Welke signalen heeft u waargenomen?")
        child.sendline("4")
        child.expect_exact("Beschrijf wat u zag en hoorde")
        child.kill(sig)
        child.expect_exact("meldcode resume sig1")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 130, (child.exitstatus, child.signalstatus)
    case = CaseStore(home).open("sig1")
    answers = [e.data.get("item") for e in case.entries if e.type == "answer"]
    assert answers == ["signalen"]


def test_a_question_asked_many_times_stays_askable(voorbeeld: CompiledProtocol) -> None:
    """Actions are not tries, and many invalid answers do not end the walk either."""
    from meldcode_cli.walk.driver import WHY, ScriptedPrompter, drive
    from meldcode_cli.walk.engine import Walk

    walk = Walk(voorbeeld, "huisarts")
    first = walk.next_item()
    assert first is not None
    script: list[object] = [WHY] * 40 + ["geen geldig antwoord"] * 40 + [["angst"]]

    def stop() -> Iterator[object]:
        yield from script
        raise EOFError  # the end of the script: the first question was answered by then

    prompter = ScriptedPrompter(sequence=iter(stop()))
    with pytest.raises((EOFError, RuntimeError)):
        drive(walk, prompter)
    assert len(prompter.whys) == 40
    assert walk.answers.get(first.id) is not None
