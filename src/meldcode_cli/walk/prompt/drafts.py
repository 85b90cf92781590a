"""The parts of the interactive prompter that need neither questionary nor prompt_toolkit:
the ways-out key names, the :class:`Draft` a question leaves behind, option labels wrapped to
the terminal, and the answered lines in the chosen language.

Kept apart from :mod:`meldcode_cli.walk.prompt.interactive_widgets` so that importing the
prompter does not import prompt_toolkit: the first question's text is printed before the
widget library is loaded (docs/architecture.md, "Start-up").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from meldcode_cli.i18n.messages import t, tn
from meldcode_cli.walk.driver import ACUTE, BACK, NOTE, PAUSE, WHY

KEYS: tuple[tuple[str, Any], ...] = (
    ("c-b", BACK),
    ("f1", WHY),
    ("c-n", NOTE),
    ("c-g", ACUTE),
    ("c-p", PAUSE),
)
"""prompt_toolkit key names and the way out each one takes."""

ESC_KEYS: tuple[tuple[tuple[str, str], Any], ...] = (
    (("escape", "t"), BACK),
    (("escape", "w"), WHY),
    (("escape", "n"), NOTE),
    (("escape", "a"), ACUTE),
    (("escape", "p"), PAUSE),
)
"""Esc then a letter: the same ways out where Ctrl-B (tmux) or F1 (terminal help) are taken."""

TYPED: dict[str, Any] = {":t": BACK, ":?": WHY, ":n": NOTE, ":a": ACUTE, ":p": PAUSE}
"""Typed commands accepted on their own in text and date questions."""

SIGNALS = tuple(signal for _, signal in KEYS)

LONG_LIST = 8
"""Above this many options a list gets a type-to-filter search (and loses j/k)."""

SKIP = ""
"""Choice value for "skip" in an optional select; never an option id (ids match [a-z]...)."""

UNCHOSEN = "-"
"""Choice value of the "choose an answer" line that a question without answer starts on."""


def plain(text: str) -> str:
    return " ".join(text.split())


INDENT = 5
"""Columns before an option's text: the pointer (3) and the tick mark (2)."""


def wrap_label(text: str, columns: int, indent: int = INDENT) -> str:
    """``text`` broken at word boundaries to fit behind ``indent`` columns; the lines after
    the first are indented as far, so a long option reads as one block."""
    import textwrap

    lines = textwrap.wrap(
        plain(text),
        width=max(20, columns - indent - 1),
        break_long_words=False,
        break_on_hyphens=False,
    )
    return ("\n" + " " * indent).join(lines) or text


@dataclass
class Draft:
    """What a question held when the person left it: given back when it is asked again."""

    ticks: list[str] | None = None
    pointed: str | None = None
    search: str | None = None
    text: str | None = None
    cursor: int | None = None


def yes_no_said(answer: bool) -> str:
    """The answered confirm as questionary would show it, in the chosen language."""
    return "› " + t("walk.ja" if answer else "walk.nee").capitalize()


def checklist_done(labels: list[str]) -> str:
    """The answered checklist line in the chosen language: the one label ticked (as
    questionary shows it), else "klaar (3 gekozen)" / "klaar (niets gekozen)"."""
    if len(labels) == 1:
        return f"› [{plain(labels[0])}]"
    if not labels:
        return "› " + t("walk.checkbox.none")
    return "› " + tn("walk.checkbox.done", len(labels))
