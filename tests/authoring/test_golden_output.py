"""Golden test: the text output of ``meldcode validate`` for a few invalid fixtures.

Regenerate after an intended change with ``MELDCODE_UPDATE_GOLDEN=1 pytest
tests/authoring/test_golden_output.py`` and review the diff of ``tests/golden/validate_text.txt``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from meldcode_cli.authoring.output import format_text
from meldcode_cli.authoring.validate import check_file

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "validate_text.txt"

# one YAML-level error, one schema error, one condition error with a did-you-mean hint
# (plus the file-name warning), and a file with only a warning
FIXTURES = [
    "tests/fixtures/invalid/mc003_duplicate_key_in_item.yaml",
    "tests/fixtures/invalid/mc105_kind_yes_dash_no.yaml",
    "tests/fixtures/invalid/mc202_unknown_ref_mid_condition.yaml",
    "tests/fixtures/invalid/mc213_unused_source.yaml",
]


def render() -> str:
    return format_text([check_file(Path(p)) for p in FIXTURES]) + "\n"


def test_validate_text_output_matches_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths are shown relative to the working directory
    got = render()
    if os.environ.get("MELDCODE_UPDATE_GOLDEN"):
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8")


def test_golden_lines_have_the_documented_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    """``path:line:col: CODE message``, each followed by an indented hint line."""
    monkeypatch.chdir(ROOT)
    lines = render().splitlines()
    assert lines
    diag_lines = [ln for ln in lines if not ln.startswith("    ")]
    hint_lines = [ln for ln in lines if ln.startswith("    ")]
    assert len(diag_lines) == len(hint_lines)
    for ln in diag_lines:
        path, line, col, rest = ln.split(":", 3)
        assert path in FIXTURES
        assert int(line) >= 1
        assert int(col) >= 1
        assert rest[:7].startswith(" MC")
