"""The questionary prompter, driven through a prompt_toolkit pipe (no real terminal).

Every test sends its complete input and then closes the pipe: a prompt that was not
expected then raises EOFError instead of waiting forever.
"""

from __future__ import annotations

import datetime as dt
import io
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output
from rich.console import Console

from meldcode_cli.i18n.messages import set_lang
from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.walk.driver import ACUTE, BACK, NOTE, PAUSE, WHY, WalkPaused, drive, replay_walk
from meldcode_cli.walk.engine import AnswerValue, Note, Walk
from meldcode_cli.walk.prompt.interactive import QuestionaryPrompter
from meldcode_cli.walk.session import compile_text as compile_protocol_text
from tests.conftest import VOORBEELD, compile_text, minimal

# Key sequences as a terminal sends them (tmbo/questionary tests/utils.py).
DOWN = "\x1b[B"
UP = "\x1b[A"
LEFT = "\x1b[D"
ENTER = "\r"
SPACE = " "
TAB = "\t"
CTRL_SPACE = "\x00"
BACKSPACE = "\x7f"
ESC_ENTER = "\x1b\r"  # finishes a multiline text
CTRL_C = "\x03"
CTRL_B = "\x02"
F1 = "\x1bOP"
CTRL_N = "\x0e"
CTRL_G = "\x07"
CTRL_P = "\x10"

TODAY = dt.date(2026, 1, 15)

COLOURS = ("rood", "groen", "blauw", "geel", "oranje", "paars", "roze", "bruin", "zwart", "wit")
LONG_OPTIONS = "\n".join(f"          - id: {c}\n            text: Kleur {c}" for c in COLOURS)

STEP1 = f"""\
      - id: jn
        kind: yes_no
        text: Signaal gezien?
        help: "Let op [bold]niet vet[/bold] en [red]geen kleur[/red]"
      - id: jn_optioneel
        kind: yes_no
        required: false
        text: Nog iets?
      - id: keuze
        kind: single_choice
        text: Welke keuze?
        options:
          - id: alfa
            text: Alfa
          - id: beta
            text: Beta (alleen wijkagent)
            roles: [wijkagent]
          - id: gamma
            text: Gamma
      - id: lang
        kind: single_choice
        text: Welke kleur?
        options:
{LONG_OPTIONS}
      - id: vink
        kind: multi_choice
        text: Wat is er gezien?
        options:
          - id: een
            text: Een
          - id: twee
            text: Twee
          - id: drie
            text: Drie
      - id: lange_vink
        kind: multi_choice
        text: Welke kleuren?
        options:
{LONG_OPTIONS}
      - id: regel
        kind: text
        nature: feit
        multiline: false
        text: Eén regel
      - id: regels
        kind: text
        nature: feit
        text: Meerdere regels
      - id: optioneel
        kind: text
        nature: interpretatie
        required: false
        multiline: false
        text: Optioneel
      - id: datum
        kind: date
        text: Datum van het signaal"""


@pytest.fixture(scope="module")
def kinds() -> CompiledProtocol:
    return compile_text(minimal(step1=STEP1))


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        yield inp


@pytest.fixture
def console() -> Console:
    return Console(file=io.StringIO(), markup=False, highlight=False, width=100)


@pytest.fixture
def prompter(console: Console) -> QuestionaryPrompter:
    return QuestionaryPrompter(console)


def printed(console: Console) -> str:
    file = console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


def feed(pipe: PipeInput, *keys: str) -> None:
    """Send the complete input, then close: a further prompt raises EOFError."""
    pipe.send_text("".join(keys))
    pipe.close()


def ask(
    prompter: QuestionaryPrompter,
    compiled: CompiledProtocol,
    item_id: str,
    *,
    role: str = "huisarts",
    default: AnswerValue = None,
    problem: str | None = None,
) -> object:
    walk = Walk(compiled, role, today=TODAY)
    return prompter.ask(compiled.by_id[item_id], walk, problem, default)


# --- prompt kinds ------------------------------------------------------------------------


@pytest.mark.parametrize(("keys", "expected"), [(DOWN + ENTER, "ja"), (DOWN + DOWN + ENTER, "nee")])
def test_yes_no(
    pipe: PipeInput,
    prompter: QuestionaryPrompter,
    kinds: CompiledProtocol,
    keys: str,
    expected: str,
) -> None:
    feed(pipe, keys)
    assert ask(prompter, kinds, "jn") == expected


def test_yes_no_starts_at_current_answer(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, ENTER)
    assert ask(prompter, kinds, "jn", default="nee") == "nee"


def test_optional_yes_no_can_be_skipped(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, UP, ENTER)  # from "choose" up to the last line: skip
    assert ask(prompter, kinds, "jn_optioneel") is None


def test_yes_no_labels_follow_the_language(kinds: CompiledProtocol, console: Console) -> None:
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=30, columns=100))
    set_lang("en")
    with create_pipe_input() as inp, create_app_session(input=inp, output=output):
        feed(inp, DOWN, DOWN, ENTER)
        assert ask(QuestionaryPrompter(console), kinds, "jn") == "nee"
    shown = screen.getvalue()
    assert "Yes" in shown
    assert "No" in shown
    assert "Ja" not in shown


def test_help_and_problem_are_printed_literally(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol, console: Console
) -> None:
    feed(pipe, DOWN, ENTER)
    assert ask(prompter, kinds, "jn", problem="antwoord 'ja' of 'nee' [x]") == "ja"
    out = printed(console)
    assert "Niet aangenomen: antwoord 'ja' of 'nee' [x]" in out
    assert "Let op [bold]niet vet[/bold] en [red]geen kleur[/red]" in out


def test_single_choice_offers_only_the_options_for_the_role(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, DOWN, DOWN, ENTER)  # huisarts: alfa, gamma (beta is for wijkagent only)
    assert ask(prompter, kinds, "keuze") == "gamma"


def test_single_choice_for_another_role(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, DOWN, DOWN, ENTER)
    assert ask(prompter, kinds, "keuze", role="wijkagent") == "beta"


def test_single_choice_starts_at_current_answer(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, ENTER)
    assert ask(prompter, kinds, "keuze", default="gamma") == "gamma"


def test_long_single_choice_filters_as_you_type(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, "zwa", ENTER)
    assert ask(prompter, kinds, "lang") == "zwart"


def test_long_single_choice_filter_then_arrows(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, "xy", BACKSPACE, BACKSPACE, "ro", DOWN, ENTER)  # "ro": rood, groen, roze
    assert ask(prompter, kinds, "lang") == "groen"


def test_long_single_choice_j_filters_instead_of_moving(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, "j", ENTER)  # only "oranje" holds a j; as a move key it would give "groen"
    assert ask(prompter, kinds, "lang") == "oranje"


@pytest.mark.parametrize(
    ("keys", "default", "expected"),
    [
        (SPACE + DOWN + DOWN + SPACE + ENTER, None, ["een", "drie"]),
        (ENTER, None, []),
        (ENTER, frozenset({"twee"}), ["twee"]),
        (DOWN + SPACE + ENTER, frozenset({"twee"}), []),
        (SPACE + ENTER, frozenset({"twee", "drie"}), ["een", "twee", "drie"]),
    ],
    ids=["two", "none", "pre-checked", "uncheck", "add-to-pre-checked"],
)
def test_multi_choice(
    pipe: PipeInput,
    prompter: QuestionaryPrompter,
    kinds: CompiledProtocol,
    keys: str,
    default: frozenset[str] | None,
    expected: list[str],
) -> None:
    feed(pipe, keys)
    assert ask(prompter, kinds, "vink", default=default) == expected


def test_long_multi_choice_filters_as_you_type(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, "zwa", TAB, BACKSPACE * 3, "wit", CTRL_SPACE, ENTER)
    result = ask(prompter, kinds, "lange_vink", default=frozenset({"rood"}))
    assert isinstance(result, list)
    assert sorted(result) == ["rood", "wit", "zwart"]


def test_single_line_text(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, "  Blauwe plek gezien  ", ENTER)
    assert ask(prompter, kinds, "regel") == "Blauwe plek gezien"


def test_text_starts_with_current_answer(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, " erbij", ENTER)
    assert ask(prompter, kinds, "regel", default="Eerder") == "Eerder erbij"


def test_multiline_text(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, "regel een", ENTER, "regel twee", ESC_ENTER)
    assert ask(prompter, kinds, "regels") == "regel een\nregel twee"


def test_optional_text_left_empty_is_skipped(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, "   ", ENTER)
    assert ask(prompter, kinds, "optioneel") is None


def test_date(pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol) -> None:
    feed(pipe, "2026-02-01", ENTER)
    assert ask(prompter, kinds, "datum") == "2026-02-01"


# --- ways out ----------------------------------------------------------------------------

WAYS_OUT = [(CTRL_B, BACK), (F1, WHY), (CTRL_N, NOTE), (CTRL_G, ACUTE), (CTRL_P, PAUSE)]
KINDS = ["jn", "keuze", "lang", "vink", "lange_vink", "regel", "regels", "optioneel", "datum"]


@pytest.mark.parametrize("item_id", KINDS)
@pytest.mark.parametrize(
    ("key", "signal"), WAYS_OUT, ids=["ctrl-b", "f1", "ctrl-n", "ctrl-g", "ctrl-p"]
)
def test_key_bindings_take_a_way_out(
    pipe: PipeInput,
    prompter: QuestionaryPrompter,
    kinds: CompiledProtocol,
    item_id: str,
    key: str,
    signal: object,
) -> None:
    feed(pipe, key)
    assert ask(prompter, kinds, item_id) is signal


def test_key_binding_after_typing_and_filtering(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, "zw", CTRL_G)
    assert ask(prompter, kinds, "lange_vink") is ACUTE


@pytest.mark.parametrize("item_id", ["regel", "regels", "datum"])
@pytest.mark.parametrize(
    ("typed", "signal"), [(":t", BACK), (":?", WHY), (":n", NOTE), (":a", ACUTE), (":p", PAUSE)]
)
def test_typed_commands_in_text_questions(
    pipe: PipeInput,
    prompter: QuestionaryPrompter,
    kinds: CompiledProtocol,
    item_id: str,
    typed: str,
    signal: object,
) -> None:
    finish = ESC_ENTER if item_id == "regels" else ENTER
    feed(pipe, f" {typed} ", finish)
    assert ask(prompter, kinds, item_id) is signal


def test_typed_command_inside_text_is_just_text(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, "zie :t", ENTER)
    assert ask(prompter, kinds, "regel") == "zie :t"


@pytest.mark.parametrize("item_id", KINDS)
def test_ctrl_c_raises_keyboard_interrupt(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol, item_id: str
) -> None:
    feed(pipe, CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        ask(prompter, kinds, item_id)


@pytest.mark.parametrize("item_id", ["jn", "vink", "regel", "regels"])
def test_exhausted_input_raises_eof(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol, item_id: str
) -> None:
    feed(pipe, "onaf")
    with pytest.raises(EOFError):
        ask(prompter, kinds, item_id)


# --- note, back, acute, output -----------------------------------------------------------


def voorbeeld_walk(voorbeeld: CompiledProtocol) -> Walk:
    walk = Walk(voorbeeld, "huisarts", today=TODAY)
    walk.answer("signalen", ["angst"])
    walk.answer("signalen_feiten", "Feiten.")
    walk.answer("signalen_duiding", None)
    walk.answer("kinderen", "nee")
    return walk


def test_note_triple(
    pipe: PipeInput, prompter: QuestionaryPrompter, voorbeeld: CompiledProtocol
) -> None:
    walk = voorbeeld_walk(voorbeeld)
    feed(
        pipe, "Buurvrouw belde", ENTER, "over geschreeuw", ESC_ENTER, DOWN, DOWN, ENTER, DOWN, ENTER
    )
    note = prompter.note(voorbeeld.by_id["kinderen"], walk)
    assert note == ("Buurvrouw belde\nover geschreeuw", "derde", "interpretatie")


def test_empty_note_is_cancelled_without_further_questions(
    pipe: PipeInput, prompter: QuestionaryPrompter, voorbeeld: CompiledProtocol
) -> None:
    feed(pipe, "  ", ESC_ENTER)  # a provenance question would meet the closed pipe
    assert prompter.note(voorbeeld.by_id["kinderen"], voorbeeld_walk(voorbeeld)) is None


@pytest.mark.parametrize(
    ("keys", "expected"),
    [(ENTER, "kinderen"), (UP + UP + UP + ENTER, "signalen"), (DOWN + ENTER, None)],
    ids=["latest", "first", "cancel"],
)
def test_choose_back(
    pipe: PipeInput,
    prompter: QuestionaryPrompter,
    voorbeeld: CompiledProtocol,
    keys: str,
    expected: str | None,
) -> None:
    feed(pipe, keys)
    assert prompter.choose_back(voorbeeld_walk(voorbeeld)) == expected


def test_choose_back_with_nothing_answered(
    pipe: PipeInput, prompter: QuestionaryPrompter, voorbeeld: CompiledProtocol, console: Console
) -> None:
    feed(pipe)
    assert prompter.choose_back(Walk(voorbeeld, "huisarts")) is None
    assert "nog geen antwoorden" in printed(console)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [(ENTER, True), ("n", False), ("j", True), ("y", True)],
    ids=["enter", "nee", "ja", "yes"],
)
def test_acute_route(
    pipe: PipeInput,
    prompter: QuestionaryPrompter,
    voorbeeld: CompiledProtocol,
    console: Console,
    keys: str,
    expected: bool,
) -> None:
    walk = voorbeeld_walk(voorbeeld)
    walk.declare_acute(2)
    feed(pipe, keys)
    assert prompter.acute(walk) is expected
    out = printed(console)
    assert "ACUUT GEVAAR" in out
    assert "112" in out
    assert "0800-2000" in out
    assert "Vastgelegd: de acute route is genomen in stap 2." in out


def test_step_header_guidance_why_and_summary(
    prompter: QuestionaryPrompter, voorbeeld: CompiledProtocol, console: Console
) -> None:
    walk = voorbeeld_walk(voorbeeld)
    prompter.step_started(1, walk)
    prompter.show(voorbeeld.by_id["twijfel"], walk)
    prompter.why(voorbeeld.by_id["kinderen"], walk)
    prompter.finished(walk, None)
    out = printed(console)
    assert "Stap 1 van 5: Signalen in kaart brengen" in out
    assert "Esc t terug · Esc w waarom" in out
    assert ":t terug" in out
    assert "Bij twijfel altijd Veilig Thuis raadplegen (0800-2000)." in out
    assert "☎ Veilig Thuis  0800-2000" in out
    assert "De kindcheck is een wettelijk onderdeel van stap 1." in out
    assert "Nog geen beslissing." in out
    assert "Wat het dossier moet bevatten:" in out


# --- whole walks -------------------------------------------------------------------------


@pytest.fixture
def voorbeeld_text() -> CompiledProtocol:
    return compile_protocol_text(VOORBEELD.read_text(encoding="utf-8"), str(VOORBEELD))


def test_full_walk_through_the_pipe(
    pipe: PipeInput,
    prompter: QuestionaryPrompter,
    voorbeeld_text: CompiledProtocol,
    console: Console,
) -> None:
    walk = Walk(voorbeeld_text, "huisarts", today=TODAY)
    feed(
        pipe,
        # stap 1
        DOWN * 3, SPACE, ENTER,                          # signalen: angst
        "Blauwe plek op de arm.", ESC_ENTER,             # signalen_feiten
        ESC_ENTER,                                       # signalen_duiding: overgeslagen
        F1,                                              # kinderen: waarom?
        CTRL_N, "Buurvrouw belde.", ESC_ENTER, DOWN, DOWN, ENTER, ENTER,  # notitie: derde, feit
        DOWN, DOWN, ENTER,                               # kinderen: nee
        # stap 2
        CTRL_B, DOWN, ENTER,                             # advies_vt: terug, dan annuleren
        CTRL_B, ENTER,                                   # terug naar kinderen
        UP, ENTER,                                       # kinderen: ja (was nee)
        "Twee, 4 en 7 jaar.", ESC_ENTER,                 # kinderen_aantal, nu relevant
        DOWN, ENTER,                                     # advies_vt: ja
        "12 januari: hulp organiseren.", ESC_ENTER,      # advies_vt_uitkomst
        # stap 3
        DOWN, ENTER,                                     # gesprek: gevoerd
        ":?", ESC_ENTER,                                 # gesprek_verslag: waarom? (getypt)
        "Cliënt bevestigt de zorgen.", ESC_ENTER,        # gesprek_verslag
        # stap 4
        "Matig risico; hulp is mogelijk.", ESC_ENTER,    # weging (twijfel: alleen tonen)
        # stap 5
        ENTER,                                           # afweging_1: nothing chosen
        DOWN, ENTER,                                     # afweging_1: ja
        DOWN, DOWN, ENTER,                               # afweging_2: nee
        DOWN, ENTER,                                     # afweging_3: ja
        DOWN, ENTER,                                     # afweging_4: ja
        "2026-01-01", ENTER,                             # evaluatiedatum: te vroeg
        BACKSPACE * 4, "3-1", ENTER,                      # the refused date comes back: 1-3-2026
        # afweging 5 is not asked: it belongs to the evaluation
    )  # fmt: skip
    try:
        decision = drive(walk, prompter)
    except EOFError:
        print(printed(console))
        raise
    assert decision is not None
    assert decision.hulp
    assert not decision.melden
    assert decision.evaluatie_nodig
    assert walk.answers == {
        "signalen": frozenset({"angst"}),
        "signalen_feiten": "Blauwe plek op de arm.",
        "signalen_duiding": None,
        "kinderen": "ja",
        "kinderen_aantal": "Twee, 4 en 7 jaar.",
        "advies_vt": "ja",
        "advies_vt_uitkomst": "12 januari: hulp organiseren.",
        "gesprek": "gevoerd",
        "gesprek_verslag": "Cliënt bevestigt de zorgen.",
        "weging": "Matig risico; hulp is mogelijk.",
        "afweging_1": "ja",
        "afweging_2": "nee",
        "afweging_3": "ja",
        "afweging_4": "ja",
        "afweging_evaluatiedatum": "2026-03-01",
    }
    assert "bij de evaluatie" in printed(console)  # afweging 5 in the dossier
    assert walk.notes == [Note("kinderen", "Buurvrouw belde.", "derde", "feit")]
    assert [(s.item_id, s.value) for s in walk.superseded] == [("kinderen", "nee")]
    assert walk.shown == ["twijfel"]
    out = printed(console)
    for step in range(1, 6):
        assert f"Stap {step} van 5" in out
    assert "De kindcheck is een wettelijk onderdeel van stap 1." in out  # F1
    assert "Waarom deze vraag (gesprek_verslag)?" in out  # typed :?
    assert "Bij twijfel altijd Veilig Thuis raadplegen (0800-2000)." in out
    assert "Niet aangenomen: de datum moet na vandaag (2026-01-15) liggen" in out
    assert "Niet aangenomen: er is nog niets gekozen" in out
    assert "zondag 1 maart 2026" in out  # the date, said back in words
    assert "Beslissing (afwegingskader):" in out
    assert "evaluatie van de hulp (afweging 5) op 2026-03-01" in out
    assert "notitie (verteld door derde, feit): Buurvrouw belde." in out


def test_walk_with_acute_route_then_pause(
    pipe: PipeInput,
    prompter: QuestionaryPrompter,
    voorbeeld_text: CompiledProtocol,
    console: Console,
) -> None:
    walk = Walk(voorbeeld_text, "wijkagent", today=TODAY)
    feed(
        pipe,
        DOWN * 3, SPACE, ENTER,     # signalen: angst
        CTRL_G, ENTER,              # signalen_feiten: acuut gevaar, dan verder
        "Feiten.", ESC_ENTER,       # signalen_feiten
        CTRL_P,                     # signalen_duiding: pauzeren
    )  # fmt: skip
    with pytest.raises(WalkPaused):
        drive(walk, prompter)
    assert walk.acute_declared
    assert walk.acute_events[0].step == 1
    assert walk.answers["signalen_feiten"] == "Feiten."
    assert "signalen_duiding" not in walk.answers
    out = printed(console)
    assert "ACUUT GEVAAR" in out
    assert "112" in out
    assert "0800-2000" in out


def test_walk_stops_after_acute_route_when_asked(
    pipe: PipeInput, prompter: QuestionaryPrompter, voorbeeld_text: CompiledProtocol
) -> None:
    walk = Walk(voorbeeld_text, "wijkagent", today=TODAY)
    feed(pipe, CTRL_G, "n")
    with pytest.raises(WalkPaused):
        drive(walk, prompter)
    assert walk.acute_declared
    assert walk.answers == {}


def test_ctrl_c_during_a_walk_propagates(
    pipe: PipeInput, prompter: QuestionaryPrompter, voorbeeld_text: CompiledProtocol
) -> None:
    walk = Walk(voorbeeld_text, "huisarts", today=TODAY)
    feed(pipe, DOWN * 3, SPACE, ENTER, "Feiten", CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        drive(walk, prompter)
    assert walk.answers == {"signalen": frozenset({"angst"})}


ESC_WAYS_OUT = [
    ("\x1bt", BACK),
    ("\x1bw", WHY),
    ("\x1bn", NOTE),
    ("\x1ba", ACUTE),
    ("\x1bp", PAUSE),
]


@pytest.mark.parametrize("item_id", KINDS)
@pytest.mark.parametrize(
    ("key", "signal"), ESC_WAYS_OUT, ids=["esc-t", "esc-w", "esc-n", "esc-a", "esc-p"]
)
def test_escape_letter_takes_a_way_out(
    pipe: PipeInput,
    prompter: QuestionaryPrompter,
    kinds: CompiledProtocol,
    item_id: str,
    key: str,
    signal: object,
) -> None:
    feed(pipe, key)
    assert ask(prompter, kinds, item_id) is signal


# --- typing never ticks, ways out keep the state (issue 10) ------------------------------

PRINTABLE = [c for c in string.printable if c not in "\t\n\r\x0b\x0c"]
"""Every character a person can type into a filter (the space included; Tab toggles)."""


def test_typing_every_printable_character_into_the_filter_ticks_nothing(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    # each character on its own (so the filter matches something and the pointer sits on
    # an option), then all of them at once
    keys = "".join(c + BACKSPACE for c in PRINTABLE) + "".join(PRINTABLE) + BACKSPACE * 200
    feed(pipe, keys, ENTER)
    result = ask(prompter, kinds, "lange_vink", default=frozenset({"rood", "wit"}))
    assert isinstance(result, list)
    assert sorted(result) == ["rood", "wit"]


@pytest.mark.parametrize("word", ["Kleur rood", "kleur ", " ", "verklaring past"])
def test_a_space_in_the_filter_is_part_of_the_search(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol, word: str
) -> None:
    feed(pipe, word, ENTER)
    assert ask(prompter, kinds, "lange_vink") == []


def test_tab_and_ctrl_space_toggle_in_a_filtered_list(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    feed(pipe, "Kleur wit", TAB, BACKSPACE * 9, "Kleur rood", CTRL_SPACE, ENTER)
    result = ask(prompter, kinds, "lange_vink")
    assert isinstance(result, list)
    assert sorted(result) == ["rood", "wit"]


def test_letters_in_a_short_checklist_tick_nothing(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol
) -> None:
    # questionary ticks all on "a" and inverts on "i"; here no letter changes a tick
    feed(pipe, "".join(c for c in PRINTABLE if c != " "), ENTER)
    assert ask(prompter, kinds, "vink", default=frozenset({"twee"})) == ["twee"]


def test_the_instruction_names_the_toggle_keys(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol, console: Console
) -> None:
    feed(pipe, ENTER)
    ask(prompter, kinds, "lange_vink")
    out = printed(console)
    assert "Tab of Ctrl-spatie zet aan of uit" in out
    assert "typen vinkt nooit iets aan" in out


LIST_ONLY = minimal(
    step1=f"""\
      - id: lange_vink
        kind: multi_choice
        text: Welke kleuren?
        options:
{LONG_OPTIONS}
      - id: regels
        kind: text
        nature: feit
        text: Meerdere regels"""
)


@pytest.fixture(scope="module")
def list_only() -> CompiledProtocol:
    return compile_text(LIST_ONLY)


def _drive_until_eof(walk: Walk, prompter: QuestionaryPrompter) -> None:
    """Drive the walk until the input is used up; a pause is resumed at once."""
    while True:
        try:
            drive(walk, prompter)
        except WalkPaused:
            continue
        except EOFError:
            return
        return


ESC = "\x1b"
ACTIONS = {
    "why": ESC + "w",
    "why_f1": F1,
    "note": ESC + "n" + "Gezien op de gang." + ESC_ENTER + ENTER + ENTER,
    "note_ctrl": CTRL_N + "Een\nnotitie" + ESC_ENTER + DOWN + ENTER + DOWN + ENTER,
    "note_cancelled": ESC + "n" + ESC_ENTER,
    "acute": ESC + "a" + ENTER,
    "acute_ctrl": CTRL_G + "j",
    "pause": ESC + "p",
    "back_nothing": ESC + "t",  # nothing answered yet: back says so and returns
}

ops = st.lists(
    st.one_of(
        st.tuples(st.just("tick"), st.sampled_from(COLOURS)),
        st.tuples(
            st.just("filter"),
            st.text(alphabet=string.ascii_letters + string.digits + " .,-'", max_size=6),
        ),
        st.tuples(st.just("action"), st.sampled_from(sorted(ACTIONS))),
    ),
    max_size=10,
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(sequence=ops)
def test_any_ticks_filters_and_ways_out_then_enter_give_exactly_the_ticks_set(
    list_only: CompiledProtocol, sequence: list[tuple[str, str]]
) -> None:
    keys: list[str] = []
    ticked: set[str] = set()
    search = ""
    notes = 0
    for op, arg in sequence:
        if op == "tick":  # find the option by its label (spaces and all), toggle, clear
            keys += [BACKSPACE * len(search), f"Kleur {arg}", TAB, BACKSPACE * len(arg + "Kleur ")]
            search = ""
            ticked ^= {arg}
        elif op == "filter":
            keys.append(arg)
            search += arg
        else:
            keys.append(ACTIONS[arg])
            notes += arg in ("note", "note_ctrl")
    console = Console(file=io.StringIO(), markup=False, highlight=False, width=100)
    prompter = QuestionaryPrompter(console)
    walk = Walk(list_only, "huisarts", today=TODAY)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        feed(inp, *keys, ENTER)
        _drive_until_eof(walk, prompter)
    assert walk.answers.get("lange_vink") == frozenset(ticked)
    assert len(walk.notes) == notes


def test_a_note_keeps_the_text_typed_so_far(
    pipe: PipeInput, prompter: QuestionaryPrompter, list_only: CompiledProtocol
) -> None:
    walk = Walk(list_only, "huisarts", today=TODAY)
    walk.answer("lange_vink", [])
    feed(
        pipe,
        "Eerste regel", ENTER, "tweede", LEFT * 3,      # cursor inside the second line
        CTRL_N, "Notitie.", ESC_ENTER, ENTER, ENTER,    # a note in between
        "X", ESC_ENTER,                                 # typed where the cursor was
    )  # fmt: skip
    _drive_until_eof(walk, prompter)
    assert walk.answers["regels"] == "Eerste regel\ntweXede"
    assert [n.text for n in walk.notes] == ["Notitie."]


@pytest.mark.parametrize("way_out", ["\x1bw", "\x1ba\r", "\x1bt" + DOWN + ENTER, "\x1bp"])
def test_every_way_out_keeps_typed_text(
    pipe: PipeInput, prompter: QuestionaryPrompter, list_only: CompiledProtocol, way_out: str
) -> None:
    walk = Walk(list_only, "huisarts", today=TODAY)
    walk.answer("lange_vink", [])
    feed(pipe, "Half af", way_out, "gemaakt", ESC_ENTER)
    _drive_until_eof(walk, prompter)
    assert walk.answers["regels"] == "Half afgemaakt"


def test_a_refused_date_comes_back_to_be_corrected(
    pipe: PipeInput, prompter: QuestionaryPrompter, kinds: CompiledProtocol, console: Console
) -> None:
    walk = Walk(kinds, "huisarts", today=TODAY)
    replay_walk(
        walk,
        {"jn": "ja", "keuze": "alfa", "lang": "rood", "vink": [], "lange_vink": []}
        | {"regel": "r", "regels": "r"},
    )
    feed(pipe, "31-02-2026", ENTER, BACKSPACE * 10, "1-2-2026", ENTER)
    _drive_until_eof(walk, prompter)
    assert walk.answers["datum"] == "2026-02-01"
    out = printed(console)
    assert "31-02-2026 bestaat niet" in out
    assert "zondag 1 februari 2026" in out


@pytest.mark.parametrize("way_out", ["\x1bw", F1, "\x1ba\r", "\x1bn\x1b\r", "\x1bp"])
def test_a_way_out_keeps_the_pointer_of_a_choice(
    pipe: PipeInput, prompter: QuestionaryPrompter, list_only: CompiledProtocol, way_out: str
) -> None:
    compiled = compile_text(minimal(step1=STEP1))
    walk = Walk(compiled, "huisarts", today=TODAY)
    feed(pipe, DOWN, DOWN, way_out, ENTER)  # pointer on "Nee", a way out, then Enter
    _drive_until_eof(walk, prompter)
    assert walk.answers["jn"] == "nee"


def test_a_pause_keeps_the_ticks_in_the_journal_for_resume(
    tmp_path: Path, console: Console
) -> None:
    from meldcode_cli.walk.casestore import CaseStore
    from meldcode_cli.walk.session import Session

    store = CaseStore(tmp_path)
    session = Session.start(
        store, "p", protocol_text=LIST_ONLY, compiled=compile_text(LIST_ONLY), role="huisarts",
        lang="nl", today=lambda: TODAY,
    )  # fmt: skip
    first = QuestionaryPrompter(console)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        feed(inp, "Kleur rood", TAB, BACKSPACE * 10, "Kleur wi", TAB, "\x1bp")
        with pytest.raises(WalkPaused):
            drive(session, first)
    session.pause(first.saved_drafts())
    resumed, _ = Session.resume(store, "p", today=lambda: TODAY)
    second = QuestionaryPrompter(console)
    second.load_drafts(resumed.drafts())
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        feed(inp, ENTER)
        _drive_until_eof(resumed.walk, second)
    assert resumed.walk.answers["lange_vink"] == frozenset({"rood", "wit"})


def test_ctrl_c_keeps_the_state_for_the_pause_mark(
    pipe: PipeInput, prompter: QuestionaryPrompter, list_only: CompiledProtocol
) -> None:
    walk = Walk(list_only, "huisarts", today=TODAY)
    feed(pipe, "Kleur geel", TAB, CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        drive(walk, prompter)
    assert prompter.saved_drafts()["lange_vink"]["ticks"] == ["geel"]


@pytest.mark.parametrize("width", [60, 80, 120])
def test_a_wrapped_contact_keeps_its_indent(width: int) -> None:
    # at 60 columns "☎ Veilig Thuis 0800-2000 (consult and report straight away, 24/7)"
    # wrapped to the left margin, so the hours read as a new paragraph; as in --plain,
    # the continuation is indented under the contact
    from tests.conftest import PROTOCOLS, compile_text

    compiled = compile_text((PROTOCOLS / "partnergeweld.yaml").read_text("utf-8"))
    console = Console(file=io.StringIO(), markup=False, highlight=False, width=width)
    walk = Walk(compiled, "huisarts", today=TODAY)
    walk.answer("signalen", ["verwurging"])
    QuestionaryPrompter(console).show(compiled.by_id["verwurging_forensisch"], walk)
    lines = printed(console).splitlines()
    contact = [i for i, line in enumerate(lines) if line.startswith("  ☎ ")]
    assert len(contact) == 2
    for i, line in enumerate(lines):
        assert len(line) <= width
        if i > contact[0] and not line.startswith("  ☎ "):
            assert line.startswith("    "), lines  # a continuation of a contact


def test_a_long_url_is_printed_whole() -> None:
    # at 60 columns rich cut a source's URL at the edge ("...meldcode-stap" / "penplan/"),
    # so a URL copied from the screen was broken; the terminal wraps it instead
    from tests.conftest import PROTOCOLS, compile_text

    compiled = compile_text((PROTOCOLS / "partnergeweld.yaml").read_text("utf-8"))
    console = Console(file=io.StringIO(), markup=False, highlight=False, width=60)
    walk = Walk(compiled, "huisarts", today=TODAY)
    QuestionaryPrompter(console).why(compiled.by_id["signalen"], walk)
    out = printed(console)
    assert "https://www.augeo.nl/nl-nl/themas/meldcode/meldcode-stappenplan/" in out
