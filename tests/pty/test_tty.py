"""Behaviour on a real terminal (pexpect pty) versus piped output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from tests.conftest import VOORBEELD, terminal_env

MELDCODE = str(Path(sys.executable).with_name("meldcode"))


@pytest.fixture
def many(tmp_path: Path) -> Path:
    text = VOORBEELD.read_text(encoding="utf-8")
    for i in range(45):
        name = f"p{i:02}"
        (tmp_path / f"{name}.yaml").write_text(text.replace("id: voorbeeld", f"id: {name}", 1))
    return tmp_path


@pytest.mark.skipif(not Path(MELDCODE).exists(), reason="console script not installed")
def test_progress_bar_on_terminal(many: Path) -> None:
    child = pexpect.spawn(
        MELDCODE, ["validate", str(many)], env=terminal_env(), encoding="utf-8", timeout=60
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    out = child.before or ""
    assert "Controleren" in out
    assert "45 bestanden gecontroleerd: 45 in orde" in out


@pytest.mark.skipif(not Path(MELDCODE).exists(), reason="console script not installed")
def test_silent_when_piped(many: Path) -> None:
    proc = subprocess.run(
        [MELDCODE, "validate", str(many)],
        capture_output=True,
        text=True,
        env=terminal_env(),
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0
    assert "Controleren" not in proc.stdout + proc.stderr
    expected = "45 bestanden gecontroleerd: 45 in orde, 0 met fouten (0 fouten, 0 waarschuwingen)."
    assert proc.stdout.strip() == expected
