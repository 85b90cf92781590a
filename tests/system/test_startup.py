"""Start-up is a feature: what ``meldcode --help`` and friends import, checked in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import VOORBEELD

HEAVY = ("questionary", "prompt_toolkit", "yaml", "cryptography", "jinja2")

PROBE = """
import json, sys
sys.argv = ["meldcode", *json.loads(sys.argv[1])]
from meldcode_cli.cli.entry import main
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
sys.__stderr__.write("\\nMODULES=" + json.dumps(sorted(sys.modules)) + "\\n")
"""


def loaded_modules(*args: str) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(args))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    marker = [line for line in proc.stderr.splitlines() if line.startswith("MODULES=")]
    assert marker, proc.stderr
    return set(json.loads(marker[-1][len("MODULES=") :]))


def top_level(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("--version",),
        ("validate", "--help"),
        ("-h",),
        ("start", "--help"),
        ("cases", "--help"),
        ("verify", "--help"),
        ("key", "--help"),
        ("init", "--help"),
        ("train", "--help"),
        ("debrief", "--help"),
        ("casus", "--help"),
        ("casus", "validate", "--help"),
        ("report", "--help"),
    ],
)
def test_help_and_version_import_nothing_heavy(args: tuple[str, ...]) -> None:
    mods = top_level(loaded_modules(*args))
    assert not (mods & set(HEAVY)), mods & set(HEAVY)


def test_version_imports_not_even_typer() -> None:
    mods = top_level(loaded_modules("--version"))
    assert "typer" not in mods
    assert "rich" not in mods
    assert "pydantic" not in mods


def test_validate_does_not_import_prompts_or_markdown() -> None:
    mods = loaded_modules("validate", str(VOORBEELD))
    assert "yaml" in mods  # it does load YAML
    assert not ({"questionary", "prompt_toolkit", "cryptography", "jinja2"} & top_level(mods))
    assert "rich.markdown" not in mods
    assert "rich.syntax" not in mods


def test_start_imports_neither_the_cli_framework_nor_prompts_nor_crypto() -> None:
    """``start`` runs without typer (cli/fastpath); a replayed walk needs no prompts, an
    unsigned one no cryptography; pydantic's plugin loader (importlib.metadata) is skipped."""
    answers = Path(__file__).resolve().parents[2] / "examples" / "casus-partnergeweld.yaml"
    assert answers.is_file()
    mods = loaded_modules("start", "partnergeweld", "--answers", str(answers), "--no-save")
    assert "meldcode_cli.walk.flow" in mods  # it did walk
    heavy = {"typer", "click", "questionary", "prompt_toolkit", "cryptography", "jinja2"}
    assert not (top_level(mods) & heavy), top_level(mods) & heavy
    assert "importlib.metadata" not in mods


def test_python_dash_m_works() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "meldcode_cli", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("meldcode ")
