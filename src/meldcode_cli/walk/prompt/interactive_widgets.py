"""The questionary pieces the interactive prompter builds its questions from: the ways-out
key bindings, option choices wrapped to the terminal, the word filter of long lists, and
questionary's chrome (the confirm question, the answered checklist line) in the chosen
language. What needs no widget library (the key names, the :class:`Draft`, label wrapping) is
in :mod:`meldcode_cli.walk.prompt.drafts`.

The one module that imports questionary and prompt_toolkit. The prompter imports it at the
first question, after that question's text is printed, so the question shows while
prompt_toolkit loads; keys typed meanwhile wait in the terminal and reach the widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from prompt_toolkit.key_binding import KeyBindings, KeyBindingsBase, merge_key_bindings
from questionary import Choice, Question
from questionary.prompts.common import InquirerControl

from meldcode_cli.i18n.messages import get_lang, t
from meldcode_cli.protocol.model import Option
from meldcode_cli.walk import view as walkview
from meldcode_cli.walk.prompt.drafts import (
    ESC_KEYS,
    KEYS,
    LONG_LIST,
    UNCHOSEN,
    Draft,
    plain,
    wrap_label,
)

if TYPE_CHECKING:
    from prompt_toolkit.key_binding import KeyPressEvent

OnLeave = Callable[[Any], None]
"""Called with the running Application just before a way out leaves the question."""


def _ways_out_bindings(on_leave: OnLeave | None = None) -> KeyBindings:
    kb = KeyBindings()

    def make(signal: Any) -> Callable[[KeyPressEvent], None]:
        def leave(event: KeyPressEvent) -> None:
            if on_leave is not None:
                on_leave(event.app)
            event.app.exit(result=signal)

        return leave

    # eager: questionary's own list bindings are eager and would otherwise win; merged
    # last, ours come last among the eager matches, and prompt_toolkit runs the last.
    for key, signal in KEYS:
        kb.add(key, eager=True)(make(signal))
    for keys, signal in ESC_KEYS:
        kb.add(*keys, eager=True)(make(signal))

    def interrupt(event: KeyPressEvent) -> None:  # Ctrl-C: keep the state, then stop
        if on_leave is not None:
            on_leave(event.app)
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    kb.add("c-c", eager=True)(interrupt)
    return kb


def with_ways_out(question: Question, on_leave: OnLeave | None = None) -> Question:
    """Add the ways-out key bindings to a question; they beat questionary's own.

    ``on_leave`` sees the application before it exits, so the state of the question (ticks,
    filter, typed text) can be kept and given back when the question is asked again.
    """
    app = question.application
    parts: list[KeyBindingsBase] = [
        kb for kb in (app.key_bindings, _ways_out_bindings(on_leave)) if kb
    ]
    app.key_bindings = merge_key_bindings(parts)
    return question


def terminal_columns(question: Question | None = None) -> int:
    try:
        if question is not None:
            return max(40, question.application.output.get_size().columns)
        from prompt_toolkit.application.current import get_app_session

        return max(40, get_app_session().output.get_size().columns)
    except Exception:  # an unknown terminal: assume the common width
        return 80


def option_choice(option: Option, columns: int, *, checked: bool = False) -> Choice:
    lang = get_lang()
    description = None
    if option.help:
        description = wrap_label(option.help.get(lang), columns, indent=2)
    return Choice(
        wrap_label(walkview.option_label(option), columns),
        value=option.id,
        checked=checked,
        description=description,
    )


def select_style(n: int) -> dict[str, Any]:
    """Search filter for long lists; questionary refuses it together with j/k."""
    if n > LONG_LIST:
        return {"use_search_filter": True, "use_jk_keys": False}
    return {}


class WordFilterControl(InquirerControl):
    """questionary's list control, filtering on the words of a label however it is wrapped."""

    @property
    def filtered_choices(self) -> list[Any]:
        if not self.search_filter:
            return list(self.choices)
        needle = plain(self.search_filter).lower()
        if not needle:
            return list(self.choices)
        found = [
            c for c in self.choices if c.value != UNCHOSEN and needle in plain(str(c.title)).lower()
        ]
        self.found_in_search = bool(found)
        return found if found else list(self.choices)


def list_control(question: Question) -> InquirerControl | None:
    for window in question.application.layout.find_all_windows():
        if isinstance(window.content, InquirerControl):
            return window.content
    return None


def restore_list(control: InquirerControl, draft: Draft) -> None:
    if draft.ticks is not None:
        control.selected_options = list(draft.ticks)
    control.search_filter = draft.search or None
    if draft.pointed is not None:
        values = [c.value for c in control.filtered_choices]
        if draft.pointed in values:
            control.pointed_at = values.index(draft.pointed)


def checkbox_keys(control: InquirerControl, *, filtering: bool) -> KeyBindings:
    """Toggling is Tab or Ctrl-Space, keys no search word holds; in a short list (no filter)
    also the space bar. In a filtered list every printable character, the space included,
    goes to the filter and never changes a tick."""
    kb = KeyBindings()

    def toggle(_event: KeyPressEvent) -> None:
        pointed = control.get_pointed_at().value
        if pointed in control.selected_options:
            control.selected_options.remove(pointed)
        else:
            control.selected_options.append(pointed)

    kb.add("tab", eager=True)(toggle)
    kb.add("c-space", eager=True)(toggle)
    if filtering:

        def search(_event: KeyPressEvent) -> None:
            control.add_search_character(" ")  # type: ignore[arg-type]  # a str, as typed

        kb.add(" ", eager=True)(search)
    else:
        kb.add(" ", eager=True)(toggle)
    return kb


def use_word_filter(question: Question) -> InquirerControl | None:
    control = list_control(question)
    if control is not None:
        control.__class__ = WordFilterControl
    return control


# --- questionary's chrome in the chosen language ---------------------------------------
def said_back(question: Question) -> Question:
    """Erase the question once it is done (prompt_toolkit's ``erase_when_done``).

    questionary writes the answered line itself, in English and with no parameter to change
    it ("done (3 selections)", "Yes"/"No" after a confirm); the prompter says the answer
    back in the chosen language instead (:func:`checklist_done`, :func:`yes_no_said`)."""
    question.application.erase_when_done = True
    return question


def confirm(message: str) -> Question:
    """A yes/no confirm (default yes) with the hint in the chosen language, "(J/n)" or
    "(Y/n)"; in Dutch j/J answer yes beside questionary's y/Y."""
    import questionary

    question = said_back(
        questionary.confirm(message, default=True, instruction=t("walk.confirm.instruction"))
    )
    if get_lang() == "nl":  # questionary only knows y/n; Dutch is j/n
        kb = KeyBindings()

        def yes(event: KeyPressEvent) -> None:
            event.app.exit(result=True)

        kb.add("j")(yes)
        kb.add("J")(yes)
        app = question.application
        app.key_bindings = merge_key_bindings([b for b in (app.key_bindings, kb) if b])
    return question
