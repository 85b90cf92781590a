"""The interactive prompter: the walk in a terminal, through questionary.

The one module that imports questionary and prompt_toolkit (ruff TID253 keeps them out
of every other module; the CLI imports this module only when a walk is interactive).

Every question offers the ways out of :mod:`meldcode_cli.walker` as key bindings:
Ctrl-B terug, F1 waarom, Ctrl-N notitie, Ctrl-G acuut gevaar, Ctrl-P pauzeren. Text and
date questions also take the typed commands ``:t``, ``:?``, ``:n``, ``:a`` and ``:p``
on their own, for screen readers and terminals that swallow control keys.

Questions are asked with ``unsafe_ask``: KeyboardInterrupt (Ctrl-C) and EOFError (input
closed) reach the caller, which saves and says how to resume. Protocol text is printed as
rich ``Text`` objects, so rich never reads it as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, KeyBindingsBase, merge_key_bindings
from questionary import Choice, Question
from rich.panel import Panel
from rich.text import Text

from meldcode_cli import walkview
from meldcode_cli.afwegingskader import OPEN_WITH_VT
from meldcode_cli.compiled import CCheck
from meldcode_cli.engine import NATURES, PROVENANCES, AnswerValue, Walk
from meldcode_cli.messages import get_lang, t
from meldcode_cli.protocol import (
    DateItem,
    MultiChoiceItem,
    Option,
    SingleChoiceItem,
    TextItem,
    YesNoItem,
)
from meldcode_cli.walker import ACUTE, BACK, NOTE, PAUSE, WHY

if TYPE_CHECKING:
    from prompt_toolkit.key_binding import KeyPressEvent
    from rich.console import Console

    from meldcode_cli.afwegingskader import Decision
    from meldcode_cli.compiled import CItem

__all__ = ["KEYS", "LONG_LIST", "TYPED", "QuestionaryPrompter", "with_ways_out"]

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

_SKIP = ""
"""Choice value for "skip" in an optional select; never an option id (ids match [a-z]...)."""


def _ways_out_bindings() -> KeyBindings:
    kb = KeyBindings()
    for key, signal in KEYS:

        def leave(event: KeyPressEvent, signal: Any = signal) -> None:
            event.app.exit(result=signal)

        # eager: questionary's own list bindings are eager and would otherwise win; merged
        # last, ours come last among the eager matches, and prompt_toolkit runs the last.
        kb.add(key, eager=True)(leave)
    for keys, signal in ESC_KEYS:

        def leave_esc(event: KeyPressEvent, signal: Any = signal) -> None:
            event.app.exit(result=signal)

        kb.add(*keys, eager=True)(leave_esc)
    return kb


def with_ways_out(question: Question) -> Question:
    """Add the ways-out key bindings to a question; they beat questionary's own."""
    app = question.application
    parts: list[KeyBindingsBase] = [kb for kb in (app.key_bindings, _ways_out_bindings()) if kb]
    app.key_bindings = merge_key_bindings(parts)
    return question


def _plain(text: str) -> str:
    return " ".join(text.split())


def _short(text: str, width: int) -> str:
    text = _plain(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _option_choice(option: Option, *, checked: bool = False) -> Choice:
    lang = get_lang()
    return Choice(
        walkview.option_label(option),
        value=option.id,
        checked=checked,
        description=_plain(option.help.get(lang)) if option.help else None,
    )


def _select_style(n: int) -> dict[str, Any]:
    """Search filter for long lists; questionary refuses it together with j/k."""
    if n > LONG_LIST:
        return {"use_search_filter": True, "use_jk_keys": False}
    return {}


class QuestionaryPrompter:
    """A :class:`meldcode_cli.walker.Prompter` for a person at a terminal."""

    def __init__(self, console: Console | None = None) -> None:
        if console is None:
            from meldcode_cli.console import out

            console = out()
        self.console = console

    # --- output -------------------------------------------------------------------------
    def _print(self, text: str | Text = "", style: str = "") -> None:
        line = text if isinstance(text, Text) else Text(text, style=style)
        self.console.print(line, markup=False, highlight=False, emoji=False)

    def _print_block(self, lines: Sequence[str], first_style: str = "bold") -> None:
        for i, line in enumerate(lines):
            self._print(line, first_style if i == 0 else "")

    # --- the Prompter protocol ----------------------------------------------------------
    def step_started(self, step: int, walk: Walk) -> None:
        self._print()
        self._print_block(walkview.step_header(step, walk))
        self._print(t("walk.ways_out.keys"), "dim")
        self._print(t("walk.ways_out.typed"), "dim")

    def show(self, item: CItem, walk: Walk) -> None:
        self._print_block(walkview.guidance_block(item))

    def ask(self, item: CItem, walk: Walk, problem: str | None, default: AnswerValue) -> Any:
        if problem:
            self._print(t("walk.problem", reason=problem), "bold red")
        help_text = walkview.help_text(item)
        if help_text:
            self._print(help_text, "italic")
        message = walkview.question_text(item)
        spec = item.item
        optional = walk.may_leave_open(item)
        if isinstance(spec, YesNoItem):
            choices = [
                Choice(t("walk.ja").capitalize(), value="ja"),
                Choice(t("walk.nee").capitalize(), value="nee"),
            ]
            skip = t("walk.open_met_vt") if item.id in OPEN_WITH_VT else None
            return self._select(message, choices, default, optional, skip)
        if isinstance(spec, SingleChoiceItem):
            choices = [_option_choice(o) for o in spec.options if o.for_role(walk.role)]
            return self._select(message, choices, default, optional)
        if isinstance(spec, MultiChoiceItem):
            return self._checkbox(message, spec, walk.role, default)
        if isinstance(spec, TextItem):
            return self._text(message, default, multiline=spec.multiline, optional=optional)
        if isinstance(spec, DateItem):
            return self._text(
                message, default, multiline=False, optional=optional, hint=t("walk.date_format")
            )
        raise TypeError(f"{item.id}: {type(spec).__name__} is niet te beantwoorden")

    def why(self, item: CItem, walk: Walk) -> None:
        self._print_block(walkview.why_block(item, walk))

    def note(self, item: CItem, walk: Walk) -> tuple[str, str, str] | None:
        text = questionary.text(
            t("walk.note.text"),
            multiline=True,
            instruction=f"{t('walk.multiline')} {t('walk.note.cancel')}",
        ).unsafe_ask()
        if not isinstance(text, str) or not text.strip():
            return None
        provenance = questionary.select(
            t("walk.note.provenance"),
            [Choice(t("walk.provenance." + p), value=p) for p in PROVENANCES],
            instruction=t("walk.instruction.select"),
        ).unsafe_ask()
        nature = questionary.select(
            t("walk.note.nature"),
            [Choice(t("walk.nature." + n), value=n) for n in NATURES],
            instruction=t("walk.instruction.select"),
        ).unsafe_ask()
        return text.strip(), str(provenance), str(nature)

    def choose_back(self, walk: Walk) -> str | None:
        answered = walk.answered_in_order()
        if not answered:
            self._print(t("walk.back.none"))
            return None
        choices = [
            Choice(
                f"{_short(ci.item.text.get(get_lang()), 60)}: "
                f"{_short(walkview.answer_text(ci, walk.answers.get(ci.id)), 40)}",
                value=ci.id,
            )
            for ci in answered
        ]
        choices.append(Choice(t("walk.back.cancel"), value=_SKIP))
        chosen = questionary.select(
            t("walk.back.choose"),
            choices,
            default=answered[-1].id,
            instruction=t(
                "walk.instruction.select_filter"
                if len(choices) > LONG_LIST
                else "walk.instruction.select"
            ),
            **_select_style(len(choices)),
        ).unsafe_ask()
        return str(chosen) if chosen else None

    def acute(self, walk: Walk) -> bool:
        lines = walkview.acute_block(walk)
        self._print()
        self.console.print(
            Panel(
                Text("\n".join(lines[1:])),
                title=Text(lines[0], style="bold"),
                border_style="red",
            ),
            markup=False,
            highlight=False,
            emoji=False,
        )
        step = walk.acute_events[-1].step if walk.acute_events else walk.current_step()
        self._print(t("walk.acute.recorded", step=step), "bold")
        question = questionary.confirm(
            t("walk.acute.continue"), default=True, instruction=t("walk.confirm.instruction")
        )
        if get_lang() == "nl":  # questionary only knows y/n; Dutch is j/n
            kb = KeyBindings()

            def yes(event: KeyPressEvent) -> None:
                event.app.exit(result=True)

            kb.add("j")(yes)
            kb.add("J")(yes)
            app = question.application
            app.key_bindings = merge_key_bindings([b for b in (app.key_bindings, kb) if b])
        return bool(question.unsafe_ask())

    def check(self, check: CCheck, walk: Walk, *, again: bool) -> None:
        lines = walkview.check_lines(check, walk, again=again)
        style = "bold red" if check.severity == "block" else "bold yellow"
        self._print()
        self._print_block(lines, style)

    def justify(self, check: CCheck, walk: Walk) -> str | None:
        result = questionary.text(t("check.justify.ask"), multiline=False).unsafe_ask()
        text = str(result or "").strip()
        return text or None

    def finished(self, walk: Walk, decision: Decision | None) -> None:
        self._print()
        self._print_block(walkview.decision_lines(decision, walk))
        self._print()
        self._print_block(walkview.dossier_lines(walk))

    # --- questions ----------------------------------------------------------------------
    def _select(
        self,
        message: str,
        choices: list[Choice],
        default: AnswerValue,
        optional: bool,
        skip_label: str | None = None,
    ) -> Any:
        if optional:
            choices = [*choices, Choice(skip_label or t("walk.skip_choice"), value=_SKIP)]
        values = [c.value for c in choices]
        long_list = len(choices) > LONG_LIST
        question = questionary.select(
            message,
            choices,
            default=default if isinstance(default, str) and default in values else None,
            use_emacs_keys=False,  # Ctrl-N and Ctrl-P are ways out here
            instruction=t(
                "walk.instruction.select_filter" if long_list else "walk.instruction.select"
            ),
            **_select_style(len(choices)),
        )
        result = with_ways_out(question).unsafe_ask()
        return None if result == _SKIP else result

    def _checkbox(
        self, message: str, spec: MultiChoiceItem, role: str, default: AnswerValue
    ) -> Any:
        current = default if isinstance(default, frozenset) else frozenset()
        options = [o for o in spec.options if o.for_role(role)]
        choices = [_option_choice(o, checked=o.id in current) for o in options]
        long_list = len(choices) > LONG_LIST
        question = questionary.checkbox(
            message,
            choices,
            use_emacs_keys=False,
            instruction=t(
                "walk.instruction.checkbox_filter" if long_list else "walk.instruction.checkbox"
            ),
            **_select_style(len(choices)),
        )
        result = with_ways_out(question).unsafe_ask()
        return result if result in SIGNALS else list(result)

    def _text(
        self,
        message: str,
        default: AnswerValue,
        *,
        multiline: bool,
        optional: bool,
        hint: str | None = None,
    ) -> Any:
        hints = [hint] if hint else []
        if multiline:
            hints.append(t("walk.multiline"))
        if optional:
            hints.append(t("walk.skip"))
        instruction = " ".join(hints)
        if multiline:
            # prompt_toolkit indents wrapped lines of a multiline answer as far as the prompt
            # is wide; a long question would leave no room at all. Print the question (rich
            # wraps it) and ask behind a short prompt.
            self._print("? " + message, "bold")
            if instruction:
                self._print(instruction, "italic")
            # a single space: an empty instruction makes questionary show its own English one
            message, instruction = "›", " "
        question = questionary.text(
            message,
            default=default if isinstance(default, str) else "",
            multiline=multiline,
            instruction=instruction or None,
        )
        result = with_ways_out(question).unsafe_ask()
        if result in SIGNALS:
            return result
        text = str(result).strip()
        if text.lower() in TYPED:
            return TYPED[text.lower()]
        return text or None
