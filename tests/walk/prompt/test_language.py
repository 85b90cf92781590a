"""The walk speaks one language: an answer the engine refuses is explained in the chosen
language (the engine carries a catalogue key, the prompter translates), and questionary's
own chrome (the confirm hint, the answered confirm and checklist lines) follows it too.

Prompts run through a prompt_toolkit pipe; the screen prompt_toolkit draws is captured with
a Vt100 output, what the prompter prints with a rich console on a StringIO."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output
from rich.console import Console

from meldcode_cli.i18n.messages import set_lang, translation
from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.walk.driver import drive, replay_walk
from meldcode_cli.walk.engine import Walk
from meldcode_cli.walk.prompt.interactive import QuestionaryPrompter
from meldcode_cli.walk.prompt.plain import PlainPrompter
from tests.conftest import compile_text, minimal
from tests.walk.prompt.test_interactive import STEP1

TODAY = dt.date(2026, 1, 15)
ENTER = "\r"
DOWN = "\x1b[B"
SPACE = " "
CTRL_U = "\x15"

BEFORE_DATE = {
    "jn": "ja",
    "jn_optioneel": None,
    "keuze": "alfa",
    "lang": "rood",
    "vink": ["een"],
    "lange_vink": ["rood"],
    "regel": "x",
    "regels": "y",
    "optioneel": None,
}

WRONG = {  # item -> (typed in the plain prompter, the reason key the engine gives)
    "jn": ("misschien", "answer.yes_no"),
    "keuze": ("delta", "answer.choice.one_of"),
    "vink": ("1 1", "answer.choice.twice"),
    "lang": ("paarsig", "answer.choice.one_of"),
    "datum": ("31-02-2026", "answer.date.not_a_day"),
}


@pytest.fixture(scope="module")
def kinds() -> CompiledProtocol:
    return compile_text(minimal(step1=STEP1))


def _fragments(keys: list[str]) -> list[str]:
    """The Dutch words of these catalogue texts (the parts between placeholders) that
    English does not share: one of them in the English output is Dutch that leaked."""
    nl, en = translation("nl"), translation("en")
    out: list[str] = []
    for key in keys:
        english = en.gettext(key)
        parts = (p.strip(" ,;:()'") for p in re.split(r"\{[^}]*\}", nl.gettext(key)))
        out += [p for p in parts if len(p) >= 5 and p not in english]
    return out


ANSWER_KEYS = [
    "answer.yes_no",
    "answer.choice.one_of",
    "answer.choice.twice",
    "answer.choice.unknown",
    "answer.date.not_a_day",
    "answer.date.format",
    "answer.date.hint",
    "answer.required",
    "walk.problem",
]
DUTCH = [*_fragments(ANSWER_KEYS), "Niet aangenomen", " niet ", "kies één"]


def _plain_walk(compiled: CompiledProtocol, lines: list[str]) -> str:
    walk = Walk(compiled, "huisarts", today=TODAY)
    out = io.StringIO()
    prompter = PlainPrompter(io.StringIO("".join(line + "\n" for line in lines)), out)
    with pytest.raises(EOFError):
        drive(walk, prompter)
    return out.getvalue()


def _wrong_then_right() -> list[str]:
    # jn, jn_optioneel, keuze, lang, vink, then to the date: every wrong answer once
    lines = [WRONG["jn"][0], "1", "skip", WRONG["keuze"][0], "1", WRONG["lang"][0], "1"]
    lines += [WRONG["vink"][0], "1", "1", "x", "y", ".", ""]
    lines += [WRONG["datum"][0], "gisteren"]
    return lines


def test_plain_prompter_explains_wrong_answers_in_english(kinds: CompiledProtocol) -> None:
    set_lang("en")
    out = _plain_walk(kinds, _wrong_then_right())
    assert "Not accepted: answer 'yes' or 'no', not 'misschien'" in out
    assert "Not accepted: choose one of: alfa, gamma (not 'delta')" in out
    assert "Not accepted: option 'een' is there twice" in out
    assert "Not accepted: 31-02-2026 does not exist (day 31, month 2)" in out
    assert "give a date as DD-MM-YYYY (1-12-2026) or YYYY-MM-DD (2026-12-01), not 'gisteren'" in out
    leaked = [d for d in DUTCH if d in out]
    assert not leaked, f"Dutch in the English walk: {leaked}"


def test_plain_prompter_explains_wrong_answers_in_dutch_by_default(
    kinds: CompiledProtocol,
) -> None:
    out = _plain_walk(kinds, _wrong_then_right())
    assert "Niet aangenomen: antwoord 'ja' of 'nee', niet 'misschien'" in out
    assert "Niet aangenomen: 31-02-2026 bestaat niet (dag 31, maand 2)" in out
    assert "Not accepted" not in out


def _screen() -> tuple[io.StringIO, Vt100_Output]:
    screen = io.StringIO()
    return screen, Vt100_Output(screen, lambda: Size(rows=40, columns=100))


def _console() -> Console:
    return Console(file=io.StringIO(), markup=False, highlight=False, width=100)


def _printed(console: Console) -> str:
    file = console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", ["Not accepted: 31-02-2026 does not exist (day 31, month 2)", "not 'gisteren'"]),
        ("nl", ["Niet aangenomen: 31-02-2026 bestaat niet (dag 31, maand 2)", "niet 'gisteren'"]),
    ],
)
def test_interactive_prompter_explains_a_wrong_date_in_the_language(
    kinds: CompiledProtocol, lang: str, said: list[str]
) -> None:
    set_lang(lang)
    walk = Walk(kinds, "huisarts", today=TODAY)
    assert replay_walk(walk, BEFORE_DATE)[0] == "datum"
    console = _console()
    screen, output = _screen()
    with create_pipe_input() as inp, create_app_session(input=inp, output=output):
        # the refused answer comes back to be corrected: Ctrl-U clears it
        inp.send_text("31-02-2026" + ENTER + CTRL_U + "gisteren" + ENTER)
        inp.close()
        with pytest.raises(EOFError):
            drive(walk, QuestionaryPrompter(console))
    out = " ".join(_printed(console).split())  # as one line, however rich wrapped it
    for text in said:
        assert text in out
    if lang == "en":
        leaked = [d for d in DUTCH if d in out + screen.getvalue()]
        assert not leaked, f"Dutch in the English walk: {leaked}"


@pytest.mark.parametrize(
    ("lang", "key", "hint", "answer", "foreign"),
    [
        ("nl", "j", "(J/n)", "› Ja", ["(Y/n)", "Yes", "No"]),
        ("nl", "n", "(J/n)", "› Nee", ["(Y/n)", "Yes", "No"]),
        ("en", "y", "(Y/n)", "› Yes", ["(J/n)", "Ja", "Nee"]),
        ("en", "n", "(Y/n)", "› No", ["(J/n)", "Ja", "Nee"]),
    ],
)
def test_confirm_hint_and_answer_follow_the_language(
    kinds: CompiledProtocol, lang: str, key: str, hint: str, answer: str, foreign: list[str]
) -> None:
    set_lang(lang)
    console = _console()
    screen, output = _screen()
    with create_pipe_input() as inp, create_app_session(input=inp, output=output):
        inp.send_text(key)
        inp.close()
        result = QuestionaryPrompter(console).acute(Walk(kinds, "huisarts", today=TODAY))
    assert result is (key in "jy")
    drawn = screen.getvalue()
    assert hint in drawn
    assert answer in _printed(console)
    for text in foreign:
        assert text not in drawn
        assert f"› {text}" not in _printed(console)


@pytest.mark.parametrize(
    ("lang", "keys", "said"),
    [
        ("nl", SPACE + DOWN + SPACE + ENTER, "› klaar (2 gekozen)"),
        ("nl", SPACE + ENTER, "› [Een]"),
        ("nl", ENTER, "› klaar (niets gekozen)"),
        ("en", SPACE + DOWN + SPACE + ENTER, "› done (2 selections)"),
        ("en", DOWN + SPACE + ENTER, "› [Twee]"),
        ("en", ENTER, "› done (nothing selected)"),
    ],
)
def test_answered_checklist_line_follows_the_language(
    kinds: CompiledProtocol, lang: str, keys: str, said: str
) -> None:
    set_lang(lang)
    console = _console()
    screen, output = _screen()
    with create_pipe_input() as inp, create_app_session(input=inp, output=output):
        inp.send_text(keys)
        inp.close()
        walk = Walk(kinds, "huisarts", today=TODAY)
        QuestionaryPrompter(console).ask(kinds.by_id["vink"], walk, None, None)
    assert said in _printed(console)
    drawn = screen.getvalue()
    if lang == "nl":  # questionary's own English answered line is never drawn
        assert "selections" not in drawn
        assert "done" not in drawn
        assert "Use arrow keys" not in drawn
