"""Workshops: the casus list without the key, participants training into one folder, debrief DIR."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meldcode_cli.authoring.validate import UsageError
from meldcode_cli.cli.app import make_app
from meldcode_cli.training.debrief import build_debrief, collect_records
from meldcode_cli.training.debriefview import format_html
from meldcode_cli.training.train import TrainRequest, start_training
from tests.training_helpers import TODAY, AutoPrompter, key_answers

CASUS = "km-huisarts-val"


def train_as(alias: str, folder: Path, answers: dict[str, object]) -> Path:
    out = io.StringIO()
    outcome = start_training(
        TrainRequest(CASUS, "end", None, alias, folder),
        prompter=AutoPrompter(answers=dict(answers)),
        stdout=out,
        today=lambda: TODAY,
    )
    assert outcome.record is not None
    text = out.getvalue()
    assert "Inleveren bij de trainer: " in text
    assert "De trainer draait: meldcode debrief " in text
    return outcome.record


def test_three_participants_into_one_folder_and_debrief_counts_them(tmp_path: Path) -> None:
    group = tmp_path / "groep"
    key = key_answers(CASUS)
    files = [train_as(alias, group, key) for alias in ("tafel1-anna", "tafel2-bram", "tafel3-cem")]
    assert sorted(p.name for p in files) == [
        f"{CASUS}-tafel1-anna.json",
        f"{CASUS}-tafel2-bram.json",
        f"{CASUS}-tafel3-cem.json",
    ]
    assert all(p.parent == group for p in files)
    d = build_debrief(collect_records([group]))
    assert d.n == 3
    # no profile: the alias is the name debrief --names shows
    assert sorted(str(p.name) for p in d.participants) == [
        "tafel1-anna",
        "tafel2-bram",
        "tafel3-cem",
    ]
    result = CliRunner().invoke(make_app(), ["debrief", str(group)])
    assert result.exit_code == 0, result.stderr
    assert "· 3 deelnemers" in result.stdout
    assert "volgens de sleutel: 3 van 3" in result.stdout
    assert "tafel2-bram" not in result.stdout  # no names without --names
    named = CliRunner().invoke(make_app(), ["debrief", str(group), "--names"])
    assert "tafel2-bram" in named.stdout


def test_same_alias_twice_keeps_both(tmp_path: Path) -> None:
    group = tmp_path / "groep"
    a = train_as("anna", group, key_answers(CASUS))
    b = train_as("anna", group, key_answers(CASUS))
    assert a != b
    assert b.name == f"{CASUS}-anna-2.json"


def test_alias_must_be_a_plain_word(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--participant"):
        start_training(
            TrainRequest(CASUS, "end", None, "Anna de Vries", tmp_path),
            prompter=AutoPrompter(answers={}),
            stdout=io.StringIO(),
        )


def test_casus_list_hides_the_key_unless_asked() -> None:
    runner = CliRunner()
    plain = runner.invoke(make_app(), ["casus", "list"])
    assert plain.exit_code == 0
    assert "beslissing" not in plain.stdout.splitlines()[0]
    assert "melden" not in plain.stdout.split("\n\n")[0].split("\n", 1)[1].split("  ")[:4]
    assert "--key" in plain.stdout
    data = json.loads(runner.invoke(make_app(), ["casus", "list", "--format", "json"]).stdout)
    assert all("decision" not in row and "path" not in row for row in data)
    keyed = runner.invoke(make_app(), ["casus", "list", "--key"])
    assert "beslissing" in keyed.stdout.splitlines()[0]
    data = json.loads(
        runner.invoke(make_app(), ["casus", "list", "--key", "--format", "json"]).stdout
    )
    assert all("decision" in row for row in data)


def test_debrief_html_is_readable_on_a_projector(tmp_path: Path) -> None:
    group = tmp_path / "groep"
    train_as("anna", group, key_answers(CASUS))
    html = format_html(build_debrief(collect_records([group])))
    assert "font-size: 24px" in html
    assert ".85rem" not in html  # no tiny waarom/bron text
