"""The interactive prompter: the walk in a terminal, through questionary.

With :mod:`meldcode_cli.walk.prompt.interactive_widgets` the only modules that use
questionary and prompt_toolkit (ruff TID253 keeps them out of every other module; the CLI
imports this module only when a walk is interactive). Both are imported inside the methods
that build a widget, after the question's text is printed: the first question shows before
prompt_toolkit is loaded (about 50 ms), and keys typed meanwhile wait in the terminal.

Every question offers the ways out of :mod:`meldcode_cli.walk.driver` as key bindings: Esc
then t terug, w waarom, n notitie, a acuut gevaar, p pauzeren (they work in every terminal,
tmux and screen included), with Ctrl-B, F1, Ctrl-N, Ctrl-G and Ctrl-P as alternatives. Text
and date questions also take the typed commands ``:t``, ``:?``, ``:n``, ``:a`` and ``:p`` on
their own, for screen readers and terminals that swallow control keys.

Input is never lost or invented: a way out keeps the question's state (a :class:`Draft`)
and the question comes back in it; typing in a checklist filter never ticks (Tab and
Ctrl-Space toggle); a question without an answer starts on "choose", so Enter alone never
picks one. Question texts and hints are printed by rich, which wraps at word boundaries;
option labels are wrapped before questionary draws them.

Questions are asked with ``unsafe_ask``: KeyboardInterrupt (Ctrl-C) and EOFError (input
closed) reach the caller, which saves and says how to resume. Protocol text is printed as
rich ``Text`` objects, so rich never reads it as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any

from rich.text import Text

from meldcode_cli.i18n.messages import get_lang, t
from meldcode_cli.protocol.afwegingskader import OPEN_WITH_VT
from meldcode_cli.protocol.compiled import CCheck
from meldcode_cli.protocol.model import (
    DateItem,
    MultiChoiceItem,
    SingleChoiceItem,
    TextItem,
    YesNoItem,
)
from meldcode_cli.walk import view as walkview
from meldcode_cli.walk.engine import NATURES, PROVENANCES, AnswerValue, Walk
from meldcode_cli.walk.phone import acute_block
from meldcode_cli.walk.prompt.drafts import (
    INDENT,
    KEYS,
    LONG_LIST,
    SIGNALS,
    SKIP,
    TYPED,
    UNCHOSEN,
    Draft,
    checklist_done,
    plain,
    wrap_label,
    yes_no_said,
)

if TYPE_CHECKING:
    from questionary import Choice
    from rich.console import Console

    from meldcode_cli.protocol.afwegingskader import Decision
    from meldcode_cli.protocol.compiled import CItem

__all__ = [
    "INDENT",
    "KEYS",
    "LONG_LIST",
    "TYPED",
    "Draft",
    "QuestionaryPrompter",
    "wrap_label",
]


class QuestionaryPrompter:
    """A :class:`meldcode_cli.walk.driver.Prompter` for a person at a terminal.

    A way out (waarom, notitie, acuut, pauzeren, terug) keeps the question's state as a
    :class:`Draft`; the next time that question is asked it starts from the draft, with the
    same ticks, filter, pointer, typed text and cursor. An answer the walk refused is given
    back the same way.
    """

    def __init__(self, console: Console | None = None) -> None:
        if console is None:
            from meldcode_cli.console import out

            console = out()
        self.console = console
        self.saving = True  # False with --no-save: say so, never claim a save
        self.drafts: dict[str, Draft] = {}
        self._leaving: Draft | None = None
        self._submitted: tuple[str, Draft] | None = None

    def saved_drafts(self) -> dict[str, dict[str, Any]]:
        """The drafts as plain data, for the journal's pause mark."""
        return {iid: asdict(d) for iid, d in self.drafts.items()}

    def load_drafts(self, data: dict[str, Any]) -> None:
        """Drafts from the journal's last pause mark (unknown fields are ignored)."""
        names = {f.name for f in fields(Draft)}
        for iid, raw in data.items():
            if isinstance(raw, dict):
                self.drafts[str(iid)] = Draft(**{k: v for k, v in raw.items() if k in names})

    # --- output -------------------------------------------------------------------------
    def _print(self, text: str | Text = "", style: str = "") -> None:
        if isinstance(text, str) and text[:1] == " " and len(text) >= self.console.width:
            # an indented line (a contact, a listed point) keeps its indent when it wraps,
            # as in --plain: the continuation is indented two more, so it reads as one
            from meldcode_cli.walk.prompt.lines import wrap_lines

            for part in wrap_lines([text], self.console.width - 1):
                self._print_one(Text(part, style=style))
            return
        self._print_one(text if isinstance(text, Text) else Text(text, style=style))

    def _print_one(self, line: Text) -> None:
        if " " not in line.plain.strip() and len(line.plain) >= self.console.width:
            # one long word (a source's URL): rich would cut it at the edge, and a copied
            # URL would break; the terminal wraps it instead, and copies it whole
            self.console.print(line, markup=False, highlight=False, emoji=False, soft_wrap=True)
            return
        # soft_wrap off: rich breaks lines at word boundaries to the terminal's width
        self.console.print(line, markup=False, highlight=False, emoji=False, soft_wrap=False)

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
        draft = self.drafts.pop(item.id, None)
        submitted, self._submitted = self._submitted, None
        if draft is None and problem and submitted is not None and submitted[0] == item.id:
            draft = submitted[1]  # the refused answer comes back to be corrected
        while True:
            self._leaving = None
            try:
                result = self._ask_once(item, walk, problem, default, draft)
            except KeyboardInterrupt:
                if self._leaving is not None:  # kept for the pause mark of the journal
                    self.drafts[item.id] = self._leaving
                raise
            if result is UNCHOSEN:
                problem, draft = t("walk.choose_first"), None
                continue
            break
        if result in SIGNALS:
            if self._leaving is not None:
                self.drafts[item.id] = self._leaving
        elif self._leaving is not None:
            self._submitted = (item.id, self._leaving)
        return result

    def _ask_once(
        self,
        item: CItem,
        walk: Walk,
        problem: str | None,
        default: AnswerValue,
        draft: Draft | None,
    ) -> Any:
        if problem:
            self._print(t("walk.problem", reason=problem), "bold red")
        spec = item.item
        optional = walk.may_leave_open(item)
        self._print("? " + walkview.question_text(item), "bold")
        help_text = walkview.help_text(item)
        if help_text:
            self._print(help_text, "italic")
        # the question is on screen: now load the widget library (keys typed meanwhile wait)
        from questionary import Choice

        from meldcode_cli.walk.prompt.interactive_widgets import option_choice, terminal_columns

        if isinstance(spec, YesNoItem):
            choices = [
                Choice(t("walk.ja").capitalize(), value="ja"),
                Choice(t("walk.nee").capitalize(), value="nee"),
            ]
            skip = t("walk.open_met_vt") if item.id in OPEN_WITH_VT else None
            return self._select(choices, default, optional, draft, skip)
        if isinstance(spec, SingleChoiceItem):
            columns = terminal_columns()
            choices = [option_choice(o, columns) for o in spec.options if o.for_role(walk.role)]
            return self._select(choices, default, optional, draft)
        if isinstance(spec, MultiChoiceItem):
            return self._checkbox(spec, walk.role, default, draft)
        if isinstance(spec, TextItem):
            return self._text(default, draft, multiline=spec.multiline, optional=optional)
        if isinstance(spec, DateItem):
            return self._text(
                default, draft, multiline=False, optional=optional, hint=t("walk.date_format")
            )
        raise TypeError(f"{item.id}: {type(spec).__name__} is niet te beantwoorden")

    def accepted(self, item: CItem, value: AnswerValue) -> None:
        """The walk took the answer: say a date back in words, so a slip shows."""
        if isinstance(item.item, DateItem) and isinstance(value, str):
            self._print(walkview.date_in_words(value), "italic")

    def why(self, item: CItem, walk: Walk) -> None:
        self._print_block(walkview.why_block(item, walk))

    def note(self, item: CItem, walk: Walk) -> tuple[str, str, str] | None:
        import questionary
        from questionary import Choice

        self._print("? " + t("walk.note.text"), "bold")
        self._print(f"{t('walk.multiline')} {t('walk.note.cancel')}", "italic")
        text = questionary.text("›", multiline=True, instruction="").unsafe_ask()
        if not isinstance(text, str) or not text.strip():
            return None
        self._print("? " + t("walk.note.provenance"), "bold")
        provenance = questionary.select(
            "›",
            [Choice(t("walk.provenance." + p), value=p) for p in PROVENANCES],
            instruction=t("walk.instruction.select"),
        ).unsafe_ask()
        self._print("? " + t("walk.note.nature"), "bold")
        nature = questionary.select(
            "›",
            [Choice(t("walk.nature." + n), value=n) for n in NATURES],
            instruction=t("walk.instruction.select"),
        ).unsafe_ask()
        return text.strip(), str(provenance), str(nature)

    def choose_back(self, walk: Walk) -> str | None:
        import questionary
        from questionary import Choice

        from meldcode_cli.walk.prompt.interactive_widgets import (
            select_style,
            terminal_columns,
            use_word_filter,
        )

        answered = walk.answered_in_order()
        if not answered:
            self._print(t("walk.back.none"))
            return None
        columns = terminal_columns()
        choices = [
            Choice(
                wrap_label(
                    f"{plain(ci.item.text.get(get_lang()))}: "
                    f"{plain(walkview.answer_text(ci, walk.answers.get(ci.id)))}",
                    columns,
                ),
                value=ci.id,
            )
            for ci in answered
        ]
        choices.append(Choice(t("walk.back.cancel"), value=SKIP))
        self._print("? " + t("walk.back.choose"), "bold")
        self._print(
            t(
                "walk.instruction.select_filter"
                if len(choices) > LONG_LIST
                else "walk.instruction.select"
            ),
            "italic",
        )
        question = questionary.select(
            "›",
            choices,
            default=answered[-1].id,
            instruction=" ",
            **select_style(len(choices)),
        )
        use_word_filter(question)
        chosen = question.unsafe_ask()
        return str(chosen) if chosen else None

    def acute(self, walk: Walk) -> bool:
        from rich.panel import Panel  # rich's layout modules: not needed for the first question

        from meldcode_cli.walk.prompt.interactive_widgets import confirm

        lines = acute_block(walk)
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
            soft_wrap=False,
        )
        step = walk.acute_events[-1].step if walk.acute_events else walk.current_step()
        self._print(
            t("walk.acute.recorded" if self.saving else "walk.acute.not_saved", step=step), "bold"
        )
        self._print(
            "? " + t("walk.acute.continue" if self.saving else "walk.acute.continue_not_saved"),
            "bold",
        )  # wrapped by rich, not cropped
        answer = bool(confirm("›").unsafe_ask())
        self._print(yes_no_said(answer), "bold")
        return answer

    def check(self, check: CCheck, walk: Walk, *, again: bool) -> None:
        lines = walkview.check_lines(check, walk, again=again)
        style = "bold red" if check.severity == "block" else "bold yellow"
        self._print()
        self._print_block(lines, style)

    def justify(self, check: CCheck, walk: Walk) -> str | None:
        import questionary

        result = questionary.text(t("check.justify.ask"), multiline=False).unsafe_ask()
        text = str(result or "").strip()
        return text or None

    def finished(self, walk: Walk, decision: Decision | None) -> None:
        self._print()
        self._print_block(walkview.decision_lines(decision, walk))
        self._print()
        self._print_block(walkview.dossier_lines(walk))

    # --- questions ----------------------------------------------------------------------
    def _keep_list(self, app: Any) -> None:
        from questionary.prompts.common import InquirerControl

        control = next(
            (
                w.content
                for w in app.layout.find_all_windows()
                if isinstance(w.content, InquirerControl)
            ),
            None,
        )
        if control is None:  # pragma: no cover - every list question has one
            return
        pointed = control.get_pointed_at().value if control.choice_count else None
        self._leaving = Draft(
            ticks=list(control.selected_options),
            pointed=pointed if isinstance(pointed, str) else None,
            search=control.search_filter,
        )

    def _keep_text(self, app: Any) -> None:
        buffer = app.current_buffer
        self._leaving = Draft(text=buffer.text, cursor=buffer.cursor_position)

    def _select(
        self,
        choices: list[Choice],
        default: AnswerValue,
        optional: bool,
        draft: Draft | None,
        skip_label: str | None = None,
    ) -> Any:
        import questionary
        from questionary import Choice

        from meldcode_cli.walk.prompt.interactive_widgets import (
            restore_list,
            select_style,
            use_word_filter,
            with_ways_out,
        )

        if optional:
            choices = [*choices, Choice(skip_label or t("walk.skip_choice"), value=SKIP)]
        values = [c.value for c in choices]
        start = default if isinstance(default, str) and default in values else None
        if draft is not None and draft.pointed in values:
            start = draft.pointed
        if start is None and default is None:
            # no answer yet: nothing is chosen for the person; Enter alone asks again
            choices = [Choice(t("walk.choose_placeholder"), value=UNCHOSEN), *choices]
        long_list = len(choices) > LONG_LIST
        self._print(
            t("walk.instruction.select_filter" if long_list else "walk.instruction.select"),
            "italic",
        )
        question = questionary.select(
            "›",
            choices,
            default=start,
            use_emacs_keys=False,  # Ctrl-N and Ctrl-P are ways out here
            instruction=" ",
            **select_style(len(choices)),
        )
        control = use_word_filter(question)
        if draft is not None and control is not None:
            restore_list(control, Draft(pointed=draft.pointed, search=draft.search))
        result = with_ways_out(question, self._keep_list).unsafe_ask()
        if result not in SIGNALS and isinstance(result, str):
            self._leaving = Draft(pointed=result)
        return None if result == SKIP else result

    def _checkbox(
        self, spec: MultiChoiceItem, role: str, default: AnswerValue, draft: Draft | None
    ) -> Any:
        import questionary
        from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

        from meldcode_cli.walk.prompt.interactive_widgets import (
            checkbox_keys,
            option_choice,
            restore_list,
            said_back,
            select_style,
            terminal_columns,
            use_word_filter,
            with_ways_out,
        )

        current = default if isinstance(default, frozenset) else frozenset()
        options = [o for o in spec.options if o.for_role(role)]
        columns = terminal_columns()
        choices = [option_choice(o, columns, checked=o.id in current) for o in options]
        long_list = len(choices) > LONG_LIST
        self._print(
            t("walk.instruction.checkbox_filter" if long_list else "walk.instruction.checkbox"),
            "italic",
        )
        question = said_back(
            questionary.checkbox(
                "›",
                choices,
                use_emacs_keys=False,
                instruction=" ",
                **select_style(len(choices)),
            )
        )
        control = use_word_filter(question)
        assert control is not None
        app = question.application
        own = app.key_bindings
        assert isinstance(own, KeyBindings)
        # questionary toggles on the space bar (also while filtering) and ticks all or
        # inverts on a letter or Tab: none of that may change a tick by accident
        for key in (" ", "a", "i", "c-a", "c-i"):
            if any(b.keys == (key,) for b in own.bindings):
                own.remove(key)
        if long_list:
            for letter in ("a", "i"):  # the filter's own letters, removed above
                own.add(letter, eager=True)(
                    lambda event: control.add_search_character(event.key_sequence[0].key)
                )
        app.key_bindings = merge_key_bindings([own, checkbox_keys(control, filtering=long_list)])
        if draft is not None:
            restore_list(control, draft)
        result = with_ways_out(question, self._keep_list).unsafe_ask()
        if result in SIGNALS:
            return result
        self._leaving = Draft(ticks=list(result))
        labels = {o.id: walkview.option_label(o) for o in options}
        self._print(checklist_done([labels.get(v, str(v)) for v in result]), "bold")
        return list(result)

    def _text(
        self,
        default: AnswerValue,
        draft: Draft | None,
        *,
        multiline: bool,
        optional: bool,
        hint: str | None = None,
    ) -> Any:
        import questionary

        from meldcode_cli.walk.prompt.interactive_widgets import with_ways_out

        hints = [hint] if hint else []
        if multiline:
            hints.append(t("walk.multiline"))
        if optional:
            hints.append(t("walk.skip"))
        if hints:
            self._print(" ".join(hints), "italic")
        # the question and hints are printed above (rich wraps them at word boundaries);
        # prompt_toolkit would break them mid-word and indent a multiline answer as far as
        # the prompt is wide.
        text = default if isinstance(default, str) else ""
        if draft is not None and draft.text is not None:
            text = draft.text
        # instruction "": none at all (None would show questionary's English one)
        question = questionary.text("›", default=text, multiline=multiline, instruction="")
        if draft is not None and draft.cursor is not None:
            buffer = question.application.layout.current_buffer
            if buffer is not None:
                buffer.cursor_position = min(draft.cursor, len(buffer.text))
        result = with_ways_out(question, self._keep_text).unsafe_ask()
        if result in SIGNALS:
            return result
        typed = str(result).strip()
        if typed.lower() in TYPED:
            self._leaving = None  # the typed command replaced the text; nothing to keep
            return TYPED[typed.lower()]
        self._leaving = Draft(text=str(result))
        return typed or None
