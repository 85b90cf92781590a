"""Asking the passphrase on a real pseudo-terminal (issue 14e): a wrong one is said and
asked again, the right one signs; Ctrl-C at the prompt ends with 130 on a line of its own
and nothing signed. In Dutch and under ``--lang en``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.pty.test_e2e_pty import MELDCODE, Terminal
from tests.pty.test_pty_integrity import meldcode, profile

pytestmark = pytest.mark.skipif(not MELDCODE.exists(), reason="console script not installed")
EXAMPLE = str(ROOT / "examples" / "casus-partnergeweld.yaml")


def finished_case(home: Path, label: str) -> None:
    """A finished case that is not signed yet (no profile when it was walked)."""
    done = meldcode(home, "start", "partnergeweld", "--answers", EXAMPLE, "--case", label)
    assert done.returncode == 0, done.stderr


def test_a_wrong_passphrase_is_said_and_asked_again(tmp_path: Path) -> None:
    finished_case(tmp_path, "c1")
    profile(tmp_path)
    term = Terminal(tmp_path, "sign", "c1", "--yes")
    try:
        term.expect("Wachtzin van uw sleutel:")
        term.child.sendline("niet de wachtzin")
        term.expect("Onjuiste wachtzin. Probeer het opnieuw.")
        term.expect("Wachtzin van uw sleutel:")
        term.child.sendline("een lange wachtzin")
        term.expect("Ondertekend (decision)")
        assert term.finish() == 0
    finally:
        term.kill()
    assert (tmp_path / "cases" / "c1" / "records" / "0001-decision.json").exists()


def test_ctrl_c_at_the_passphrase_signs_nothing(tmp_path: Path) -> None:
    finished_case(tmp_path, "c1")
    profile(tmp_path)
    term = Terminal(tmp_path, "--lang", "en", "sign", "c1", "--yes")
    try:
        term.expect("Passphrase of your key:")
        term.child.sendintr()
        term.expect("meldcode: Interrupted")
        assert term.finish() == 130
    finally:
        term.kill()
    assert "Passphrase of your key: meldcode" not in term.output  # on a line of its own
    assert not (tmp_path / "cases" / "c1" / "records").exists()
