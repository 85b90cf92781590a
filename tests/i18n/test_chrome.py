"""click/typer's own words follow the language: no English chrome in Dutch, English in en."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ENGLISH_CHROME = (
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Show this message and exit.",
    "[required]",
    "Missing argument",
    "No such option",
    "No such command",
    "Possible options",
    "Try '",
    "for help",
    "Error:",
    "Invalid value",
    "is not one of",
    "unexpected extra",
    "[OPTIONS]",
)

CASES = [
    ["start"],  # missing argument
    ["validate", "--bogus"],  # bad option
    ["list", "--format", "xml"],  # bad choice
    ["schema", "nope"],  # extra argument
    ["nonsense"],  # unknown command
    ["key"],  # group without a command: its help
    ["start", "--help"],
    ["validate", "--help"],
    ["key", "export", "--help"],
]


def _run(args: list[str], tmp_path: Path) -> str:
    env = {**os.environ, "MELDCODE_HOME": str(tmp_path), "COLUMNS": "100", "NO_COLOR": "1"}
    env.pop("MELDCODE_LANG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "meldcode_cli", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    return proc.stdout + proc.stderr


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_no_english_chrome_in_dutch(args: list[str], tmp_path: Path) -> None:
    out = _run(args, tmp_path)
    found = [w for w in ENGLISH_CHROME if w in out]
    assert not found, f"{found} in:\n{out}"


@pytest.mark.parametrize("args", CASES[:5], ids=" ".join)
def test_english_chrome_under_lang_en(args: list[str], tmp_path: Path) -> None:
    out = _run(["--lang", "en", *args], tmp_path)
    assert "Usage:" in out
    assert "Error:" in out
    assert "Fout:" not in out
    assert "Gebruik:" not in out


def test_typer_value_error_prefix_is_dropped_in_english() -> None:
    from meldcode_cli.cli.chrome import tr
    from meldcode_cli.i18n.messages import set_lang

    set_lang("en")
    assert tr("Value error, 'x' is not one of 'a', 'b'.") == "'x' is not one of 'a', 'b'."


def test_a_click_error_is_wrapped_at_words_on_a_terminal(tmp_path: Path) -> None:
    import pexpect

    from tests.conftest import terminal_env

    child = pexpect.spawn(
        sys.executable,
        ["-m", "meldcode_cli", "--lang", "en", "init", "--role", "bogus"],
        env={**terminal_env(tmp_path, columns=60), "COLUMNS": "60"},
        dimensions=(24, 60),
        encoding="utf-8",
        timeout=60,
    )
    child.expect(pexpect.EOF)
    text = child.before.replace("\r", "")
    assert "Value error" not in text
    lines = [line for line in text.splitlines() if line.strip()]
    assert all(len(line) < 60 for line in lines), lines
    assert "'bogus' is not one of" in " ".join(lines)
