"""The Prompter seam: the engine driven by a scripted prompter."""

from __future__ import annotations

import datetime as dt

import pytest

from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.walk.driver import ACUTE, PAUSE, ScriptedPrompter, WalkPaused, drive
from meldcode_cli.walk.engine import Walk
from tests.walk.test_engine import BASE

ANSWERS = {
    **BASE,
    "afweging_1": "ja",
    "afweging_2": "nee",
    "afweging_3": "ja",
    "afweging_4": "nee",
    "geinformeerd": "Cliënt geïnformeerd.",
}


def test_drive_to_decision(voorbeeld: CompiledProtocol) -> None:
    walk = Walk(voorbeeld, "huisarts", today=dt.date(2026, 1, 15))
    prompter = ScriptedPrompter(answers=ANSWERS)
    decision = drive(walk, prompter)
    assert decision is not None
    assert decision.melden
    assert decision.meldnormen == (2,)
    assert prompter.steps == [1, 2, 3, 4, 5]
    assert prompter.shown == ["twijfel"]


def test_invalid_answer_is_asked_again_with_reason(voorbeeld: CompiledProtocol) -> None:
    walk = Walk(voorbeeld, "huisarts")
    seq = iter([["angst"], "Feiten.", "", "misschien", "nee", PAUSE])
    prompter = ScriptedPrompter(sequence=seq)
    with pytest.raises(WalkPaused):
        drive(walk, prompter)
    assert prompter.problems == [("kinderen", "antwoord 'ja' of 'nee', niet 'misschien'")]
    assert walk.answers["kinderen"] == "nee"


def test_acute_route_at_any_prompt(voorbeeld: CompiledProtocol) -> None:
    walk = Walk(voorbeeld, "wijkagent")
    seq = iter([["angst"], ACUTE, "Feiten.", "", PAUSE])
    drive_prompter = ScriptedPrompter(sequence=seq)
    with pytest.raises(WalkPaused):
        drive(walk, drive_prompter)
    assert walk.acute_declared
    assert walk.acute_events[0].step == 1
    assert walk.answers["signalen_feiten"] == "Feiten."


def test_acute_route_then_stop(voorbeeld: CompiledProtocol) -> None:
    walk = Walk(voorbeeld, "wijkagent")
    prompter = ScriptedPrompter(sequence=iter([ACUTE]), continue_after_acute=False)
    with pytest.raises(WalkPaused):
        drive(walk, prompter)
    assert walk.acute_declared


def test_interrupt_propagates_with_answers_kept(voorbeeld: CompiledProtocol) -> None:
    walk = Walk(voorbeeld, "huisarts")

    def gen() -> object:
        yield ["angst"]
        raise KeyboardInterrupt

    prompter = ScriptedPrompter(sequence=iter(gen()))  # type: ignore[call-overload]
    with pytest.raises(KeyboardInterrupt):
        drive(walk, prompter)
    assert walk.answers == {"signalen": frozenset({"angst"})}


def test_why_note_and_back_at_a_prompt(voorbeeld: CompiledProtocol) -> None:
    from meldcode_cli.walk.driver import BACK, NOTE, WHY

    walk = Walk(voorbeeld, "huisarts")
    seq = iter(
        [
            ["angst"],  # signalen
            WHY,  # signalen_feiten: why?
            NOTE,  # a note on signalen_feiten
            "Feiten.",
            "",  # signalen_duiding (optional)
            "ja",  # kinderen
            BACK,  # at kinderen_aantal: go back (to kinderen)
            "nee",  # kinderen again: now nee, so kinderen_aantal is not asked
            PAUSE,
        ]
    )
    prompter = ScriptedPrompter(
        sequence=seq,
        notes=[("Moeder vertelt dit op 12-01.", "client", "feit")],
        back_to=["kinderen"],
    )
    with pytest.raises(WalkPaused):
        drive(walk, prompter)
    assert prompter.whys == ["signalen_feiten"]
    assert [(n.item_id, n.provenance, n.nature) for n in walk.notes] == [
        ("signalen_feiten", "client", "feit")
    ]
    assert walk.answers["kinderen"] == "nee"
    assert prompter.asked[-1] == "advies_vt"
    assert ("kinderen", "ja", "gewijzigd") in {
        (s.item_id, s.value, s.reason) for s in walk.superseded
    }
