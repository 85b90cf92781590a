"""``--plain`` on a real terminal: guidance and questions are wrapped at word boundaries by
the tool itself, so the terminal never has to break a line in the middle of a word."""

from __future__ import annotations

import re
from pathlib import Path

import pexpect
import pytest

from tests.pty.test_e2e_pty import MELDCODE, TIMEOUT, _env

pytestmark = pytest.mark.skipif(not MELDCODE.exists(), reason="console script not installed")

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.mark.parametrize("columns", [60, 120])
def test_plain_guidance_is_wrapped_at_word_boundaries(tmp_path: Path, columns: int) -> None:
    child = pexpect.spawn(
        str(MELDCODE),
        ["start", "partnergeweld", "--role", "huisarts", "--plain", "--no-save"],
        env={**_env(tmp_path / "home"), "COLUMNS": str(columns)},
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(50, columns),
    )
    try:
        child.expect_exact("> ")
        child.sendline("1,3")  # acute signals: the acute guidance and the strangulation text
        child.expect_exact("48 uur")
        child.expect_exact("> ")
        shown = ANSI.sub("", child.before or "")
    finally:
        child.close(force=True)
    lines = shown.replace("\r", "").split("\n")
    too_long = [line for line in lines if len(line) > columns]
    assert not too_long, too_long
    # the long strangulation guidance came out whole: its words, in order, unbroken
    words = " ".join(shown.split())
    assert "binnen ongeveer 48 uur" in words
    assert "forensisch" in words.lower()
