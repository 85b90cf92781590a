"""The plain prompter (``--plain``): a re-asked question shows its answer and Enter keeps it;
nothing is chosen for the person; "geen" is a word, never an empty line (issue 10)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.walk.driver import WalkPaused, drive, replay_walk
from meldcode_cli.walk.engine import Walk
from meldcode_cli.walk.prompt.plain import PlainPrompter
from tests.conftest import compile_text, minimal
from tests.walk.prompt.test_interactive import COLOURS, LIST_ONLY, STEP1

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def kinds() -> CompiledProtocol:
    return compile_text(minimal(step1=STEP1))


@pytest.fixture(scope="module")
def list_only() -> CompiledProtocol:
    return compile_text(LIST_ONLY)


def run(compiled: CompiledProtocol, lines: list[str], walk: Walk | None = None) -> tuple[Walk, str]:
    """Drive with these lines until they run out (a pause is resumed at once)."""
    walk = walk or Walk(compiled, "huisarts", today=TODAY)
    out = io.StringIO()
    prompter = PlainPrompter(io.StringIO("".join(line + "\n" for line in lines)), out)
    while True:
        try:
            drive(walk, prompter)
        except WalkPaused:
            continue
        except EOFError:
            pass
        return walk, out.getvalue()


def ask_one(
    compiled: CompiledProtocol, item: str, lines: list[str], default: object = None
) -> tuple[object, str]:
    walk = Walk(compiled, "huisarts", today=TODAY)
    out = io.StringIO()
    prompter = PlainPrompter(io.StringIO("".join(line + "\n" for line in lines)), out)
    ci = compiled.by_id[item]
    return prompter.ask(ci, walk, None, default), out.getvalue()  # type: ignore[arg-type]


def test_enter_alone_on_a_yes_no_asks_again(kinds: CompiledProtocol) -> None:
    value, out = ask_one(kinds, "jn", ["", "", "2"])
    assert value == "nee"
    assert out.count("Niet aangenomen: er is niets ingevuld") == 2


def test_an_optional_choice_is_skipped_by_a_word_not_by_enter(kinds: CompiledProtocol) -> None:
    value, out = ask_one(kinds, "jn_optioneel", ["", "overslaan"])
    assert value is None
    assert "typ overslaan" in out
    assert "er is niets ingevuld" in out


def test_enter_alone_on_a_checklist_is_not_none(kinds: CompiledProtocol) -> None:
    value, out = ask_one(kinds, "vink", ["", "geen"])
    assert value == []
    assert "typ geen als niets van toepassing is" in out
    assert "er is niets ingevuld" in out


@pytest.mark.parametrize("word", ["geen", "none", "GEEN", "-"])
def test_none_is_an_explicit_word(kinds: CompiledProtocol, word: str) -> None:
    assert ask_one(kinds, "vink", [word])[0] == []


@pytest.mark.parametrize(
    ("item", "default", "shown"),
    [
        ("vink", frozenset({"een", "drie"}), "Drie; Een"),
        ("jn", "nee", "nee"),
        ("keuze", "gamma", "Gamma"),
        ("regel", "Eerder", "Eerder"),
        ("regels", "Regel een\nregel twee", "Regel een\nregel twee"),
        ("datum", "2026-01-10", "2026-01-10"),
    ],
)
def test_a_re_asked_question_shows_its_answer_and_enter_keeps_it(
    kinds: CompiledProtocol, item: str, default: object, shown: str
) -> None:
    value, out = ask_one(kinds, item, [""], default)
    expected = sorted(default) if isinstance(default, frozenset) else default
    assert value == expected
    assert f"[huidig antwoord: {shown}]" in out
    assert "Enter houdt dit antwoord" in out


def test_changing_a_checklist_takes_an_explicit_entry(kinds: CompiledProtocol) -> None:
    assert ask_one(kinds, "vink", ["2"], frozenset({"een"}))[0] == ["twee"]
    assert ask_one(kinds, "vink", ["geen"], frozenset({"een"}))[0] == []


def test_back_to_a_checklist_keeps_its_ticks(kinds: CompiledProtocol) -> None:
    walk = Walk(kinds, "huisarts", today=TODAY)
    for iid, value in [("jn", "ja"), ("jn_optioneel", None), ("keuze", "alfa"), ("lang", "rood")]:
        walk.answer(iid, value)
    lines = ["1 3", "terug", "5", "", "regel"]  # vink: een, drie; back to vink; Enter
    walk, out = run(kinds, lines, walk)
    assert walk.answers["vink"] == frozenset({"een", "drie"})
    assert walk.superseded == []
    assert "[huidig antwoord: Drie; Een]" in out


def test_a_date_is_said_back_in_words(kinds: CompiledProtocol) -> None:
    walk = Walk(kinds, "huisarts", today=TODAY)
    replay_walk(
        walk,
        {"jn": "ja", "keuze": "alfa", "lang": "rood", "vink": [], "lange_vink": []}
        | {"regel": "r", "regels": "r"},
    )
    walk, out = run(kinds, ["31-02-2026", "1-12-2025"], walk)
    assert walk.answers["datum"] == "2025-12-01"
    assert "31-02-2026 bestaat niet" in out
    assert "= maandag 1 december 2025" in out


ACTIONS = {
    "why": ["waarom"],
    "note": ["notitie", "Gezien.", "1", "1"],
    "note_cancelled": ["notitie", ""],
    "acute": ["acuut", "1"],
    "pause": ["pauze"],
    "back_cancelled": ["terug", "0"],
}


@settings(max_examples=40, deadline=None)
@given(
    before=st.lists(st.sampled_from(sorted(ACTIONS)), max_size=5),
    ticks=st.sets(st.sampled_from(COLOURS)),
    after=st.lists(st.sampled_from(sorted(ACTIONS)), max_size=5),
)
def test_any_ways_out_then_enter_give_exactly_the_ticks_set(
    list_only: CompiledProtocol, before: list[str], ticks: set[str], after: list[str]
) -> None:
    numbers = " ".join(str(COLOURS.index(c) + 1) for c in sorted(ticks)) or "geen"
    lines = [line for a in before for line in ACTIONS[a]]
    lines.append(numbers)  # the ticks, set once
    lines += ["terug", "1"]  # from the next question back to the checklist
    lines += [line for a in after for line in ACTIONS[a]]
    lines.append("")  # Enter: keep
    walk, _ = run(list_only, lines)
    assert walk.answers.get("lange_vink") == frozenset(ticks)
    assert [s.item_id for s in walk.superseded] == []
    notes = [a for a in [*before, *after] if a == "note"]
    assert len(walk.notes) == len(notes)


@pytest.mark.parametrize("word", ["overslaan", "skip", " Overslaan "])
def test_an_optional_text_given_earlier_can_be_cleared(kinds: CompiledProtocol, word: str) -> None:
    # Enter keeps the current answer; once given, an optional text could not be taken back
    # in --plain (the rich prompter clears it by emptying the field)
    value, out = ask_one(kinds, "optioneel", [word], default="eerder getypt")
    assert value is None
    assert "typ overslaan om dit antwoord te wissen" in out


def test_clearing_is_offered_only_where_it_means_something(kinds: CompiledProtocol) -> None:
    # a required text keeps the word as text (the engine judges it); an optional text
    # without an answer yet is skipped by Enter, as before
    value, out = ask_one(kinds, "regel", ["overslaan"], default="eerder")
    assert value == "overslaan"
    assert "wissen" not in out
    value, out = ask_one(kinds, "optioneel", [""])
    assert value is None
    assert "wissen" not in out
    value, _ = ask_one(kinds, "optioneel", [""], default="eerder")
    assert value == "eerder"


def test_a_cleared_optional_text_is_journalled_as_changed(kinds: CompiledProtocol) -> None:
    walk = Walk(kinds, "huisarts", today=TODAY)
    walk.answer("optioneel", "eerder getypt")
    assert walk.answer("optioneel", None) is None
    assert walk.answers["optioneel"] is None
    assert [s.item_id for s in walk.superseded] == ["optioneel"]


def test_an_optional_multiline_text_can_be_cleared_too() -> None:
    from tests.conftest import VOORBEELD

    compiled = compile_text(VOORBEELD.read_text("utf-8"))
    value, out = ask_one(compiled, "signalen_duiding", ["overslaan"], default="eerder\ngetypt")
    assert value is None
    assert "wissen" in out
    value, _ = ask_one(compiled, "signalen_duiding", ["", "."], default="eerder")
    assert value == "eerder"
