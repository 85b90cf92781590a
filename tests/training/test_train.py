"""Trainer mode without a terminal: the key, the feedback, where training cases live."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from meldcode_cli.record.verify import Problem, verify_file
from meldcode_cli.training.casus import load_casus
from meldcode_cli.training.train import (
    Expect,
    TrainingPrompter,
    casus_of_label,
    expectations,
    finding_lines,
    judge,
    training_store,
)
from meldcode_cli.walk.casestore import CaseStore, data_dir
from meldcode_cli.walk.driver import drive
from meldcode_cli.walk.engine import Walk
from tests.training_helpers import AutoPrompter, key_answers, train


def _expect(casus_id: str, item_id: str) -> Expect:
    check = load_casus(casus_id)
    assert check.casus is not None
    assert check.compiled is not None
    return next(e for e in expectations(check.casus, check.compiled) if e.id == item_id)


def test_judge_multiple_choice_contains_and_avoid() -> None:
    e = _expect("km-professional-getuige", "signalen")
    assert judge(
        e, frozenset({"getuige_stelselmatig", "gedrag_kind", "angst"}) - {"angst"}, asked=True
    ).ok
    extra = judge(e, frozenset({"getuige_stelselmatig", "gedrag_kind", "apneu"}), asked=True)
    assert extra.ok  # 'contains': other signals may be ticked too
    missing = judge(e, frozenset({"gedrag_kind", "getuige_incident"}), asked=True)
    assert not missing.ok
    assert missing.missing == {"getuige_stelselmatig"}
    assert missing.avoided == {"getuige_incident"}


def test_judge_single_choice_also_accept_and_not_asked() -> None:
    e = _expect("egg-professional-deskundige", "gesprek_familie")
    assert judge(e, "niet_op_advies", asked=True).ok
    assert judge(e, "later", asked=True).ok
    assert judge(e, "gevoerd", asked=True).status == "anders"
    assert judge(e, None, asked=False).status == "niet_gevraagd"
    assert judge(e, None, asked=True).status == "open"


def test_feedback_lines_name_the_answer_key_reason_and_source() -> None:
    compiled = load_casus("egg-professional-deskundige").compiled
    assert compiled is not None
    e = _expect("egg-professional-deskundige", "deskundige_geraadpleegd")
    text = "\n".join(line for line, _ in finding_lines(judge(e, "nee", asked=True), compiled))
    assert "✗ Heeft u een deskundige" in text
    assert "uw antwoord: nee" in text
    assert "sleutel: ja" in text
    assert "collectief karakter" in text
    assert "https://www.movisie.nl/publicatie/meldcode-vermoedens-eergerelateerd-geweld-0" in text


def test_step_feedback_comes_when_the_walk_moves_on() -> None:
    check = load_casus("egg-professional-deskundige")
    assert check.casus is not None
    assert check.compiled is not None
    answers = key_answers("egg-professional-deskundige", deskundige_geraadpleegd="nee")
    wrapper = TrainingPrompter(AutoPrompter(answers=answers), check.casus, check.compiled)
    drive(Walk(check.compiled, check.casus.role), wrapper)
    log = wrapper.log
    fb2 = next(i for i, line in enumerate(log) if line.startswith("Terugkoppeling stap 2"))
    story3 = next(i for i, line in enumerate(log) if "Sara wil na schooltijd" in line)
    story2 = next(i for i, line in enumerate(log) if "Uw teamleider stelt voor" in line)
    assert story2 < fb2 < story3
    assert any("✗ Heeft u een deskundige" in line for line in log[fb2:story3])
    decision = next(i for i, line in enumerate(log) if line.startswith("Beslissing (OEFENING)"))
    assert decision > story3
    assert wrapper.decision is not None
    assert wrapper.decision.ok


def test_end_feedback_only_after_the_walk() -> None:
    check = load_casus("pg-huisarts-verwurging")
    assert check.casus is not None
    assert check.compiled is not None
    answers = key_answers(
        "pg-huisarts-verwurging",
        signalen=["lichamelijk_geweld"],
        kinderen_getuige="nee",
        afweging_2="nee",
    )
    wrapper = TrainingPrompter(AutoPrompter(answers=answers), check.casus, check.compiled, "end")
    drive(Walk(check.compiled, check.casus.role), wrapper)
    log = wrapper.log
    last_story = max(i for i, line in enumerate(log) if line == "Casus (OEFENING):")
    feedback = [i for i, line in enumerate(log) if line.startswith("Terugkoppeling stap")]
    assert feedback
    assert min(feedback) > last_story
    assert wrapper.decision is not None
    assert not wrapper.decision.ok
    assert wrapper.decision.given == "hulp"  # missed the acute signal: no melding
    wrong = {f.expect.id for f in wrapper.results if not f.ok}
    assert {"signalen", "kinderen_getuige", "afweging_2"} <= wrong


def test_training_is_stored_apart_and_unsigned() -> None:
    outcome, _ = train("km-huisarts-val", key_answers("km-huisarts-val"))
    assert outcome.record is not None
    assert CaseStore().labels() == []  # no real case
    store = training_store()
    assert store.root == data_dir() / "training" / "cases"
    assert store.labels() == [outcome.label]
    assert casus_of_label(outcome.label) == "km-huisarts-val"
    assert outcome.record.is_relative_to(data_dir() / "training")
    env = json.loads(outcome.record.read_text(encoding="utf-8"))
    assert env["signature"] is None
    assert env["record"]["training"] is True
    assert env["record"]["provenance"]["key_fingerprint"] is None
    assert env["record"]["decision"]["outcome"] == "afsluiten"
    result = verify_file(outcome.record)
    assert not result.valid
    assert result.problems == {Problem.UNSIGNED_TRAINING}


def test_two_runs_get_two_labels() -> None:
    a, _ = train("km-huisarts-val", key_answers("km-huisarts-val"))
    b, _ = train("km-huisarts-val", key_answers("km-huisarts-val"))
    assert a.label != b.label
    assert casus_of_label(a.label) == casus_of_label(b.label) == "km-huisarts-val"


def test_train_without_terminal_is_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(make_app(), ["train", "km-huisarts-val", "--plain"])
    assert result.exit_code == 2
    assert "interactief" in result.output


@pytest.mark.parametrize("name", ["bestaat-niet", "tests/fixtures/casus/verkeerd-pad.casus.yaml"])
def test_train_on_unknown_or_invalid_casus(runner: CliRunner, name: str) -> None:
    result = runner.invoke(make_app(), ["train", name])
    assert result.exit_code == 2
    if name.endswith(".yaml"):
        assert "MC408" in result.output


def test_train_help_lists_feedback_modes(runner: CliRunner) -> None:
    result = runner.invoke(make_app(), ["train", "--help"])
    assert result.exit_code == 0
    assert "--feedback" in result.output
    assert "step" in result.output


def test_a_run_as_in_the_key_is_all_right() -> None:
    outcome, _ = train("om-huisarts-mantelzorg", key_answers("om-huisarts-mantelzorg"))
    assert outcome.record is not None
    assert "training" in outcome.record.parts
    assert outcome.decision is not None
    assert outcome.decision.ok
    assert all(f.ok for f in outcome.results)
