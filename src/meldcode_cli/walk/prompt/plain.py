"""The plain prompter: numbered, line-based questions; no redraws, no colours.

For screen readers, ``TERM=dumb`` and terminals where the full-screen prompts do not work.
Every question is one block of lines followed by ``> ``; the ways out are words the person
types: terug, waarom, notitie, acuut, pauze (English: back, why, note, acute, pause).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TextIO

from meldcode_cli.i18n.messages import t
from meldcode_cli.protocol.afwegingskader import OPEN_WITH_VT, Decision
from meldcode_cli.protocol.compiled import CCheck, CItem
from meldcode_cli.protocol.model import (
    DateItem,
    MultiChoiceItem,
    Option,
    SingleChoiceItem,
    TextItem,
    YesNoItem,
)
from meldcode_cli.walk import view as walkview
from meldcode_cli.walk.driver import ACUTE, BACK, NOTE, PAUSE, WHY
from meldcode_cli.walk.engine import NATURES, PROVENANCES, AnswerValue, Walk
from meldcode_cli.walk.phone import acute_block

__all__ = ["PlainPrompter"]

COMMANDS: dict[str, Any] = {
    "terug": BACK,
    "back": BACK,
    "waarom": WHY,
    "why": WHY,
    "?": WHY,
    "notitie": NOTE,
    "note": NOTE,
    "acuut": ACUTE,
    "acute": ACUTE,
    "pauze": PAUSE,
    "pauzeren": PAUSE,
    "pause": PAUSE,
}


NONE_WORDS = {"geen", "none", "-"}
"""An explicit "nothing of these" in a checklist; an empty line never means none."""
SKIP_WORDS = {"overslaan", "skip"}
"""Skip an optional choice: a word, so an Enter alone never skips a decision."""

_AGAIN: Any = object()
"""Nothing was entered and there is no current answer: ask again."""


@dataclass
class PlainPrompter:
    input: TextIO
    output: TextIO
    saving: bool = True  # False with --no-save: say so, never claim a save

    # --- I/O ------------------------------------------------------------------------------
    def _print(self, *lines: str) -> None:
        from meldcode_cli.walk.prompt.lines import write_lines

        write_lines(self.output, *lines)  # on a terminal: wrapped at word boundaries

    def _read(self, prompt: str = "> ") -> str:
        self.output.write(prompt)
        self.output.flush()
        line = self.input.readline()
        if line == "":
            raise EOFError
        return line.rstrip("\r\n")

    # --- Prompter -------------------------------------------------------------------------
    def step_started(self, step: int, walk: Walk) -> None:
        self._print("", *walkview.step_header(step, walk), t("walk.ways_out"))

    def show(self, item: CItem, walk: Walk) -> None:
        self._print("", *walkview.guidance_block(item))

    def ask(self, item: CItem, walk: Walk, problem: str | None, default: AnswerValue) -> Any:
        """One question. A current answer is printed and Enter keeps it; changing it takes
        an explicit entry. Without one, Enter alone asks again for a choice (nothing is
        chosen for the person), and "geen" (none) is a word, never an empty line."""
        while True:
            raw = self._ask_once(item, walk, problem, default)
            if raw is not _AGAIN:
                return raw
            problem = t("walk.plain.again")

    def _ask_once(self, item: CItem, walk: Walk, problem: str | None, default: AnswerValue) -> Any:
        if problem:
            self._print(t("walk.problem", reason=problem))
        self._print("", walkview.question_text(item))
        extra = walkview.help_text(item)
        if extra:
            self._print(f"  ({extra})")
        if default is not None:
            self._print(
                f"  [{t('walk.current')}: {walkview.answer_text(item, default)}]",
                "  " + t("walk.plain.keep"),
            )
        optional = walk.may_leave_open(item)
        it = item.item
        kept = sorted(default) if isinstance(default, frozenset) else default
        if isinstance(it, YesNoItem | SingleChoiceItem):
            return self._ask_choice(item, walk, optional, kept, default)
        if isinstance(it, MultiChoiceItem):
            return self._ask_multi(it, walk, kept, default)
        if isinstance(it, TextItem) and it.multiline:
            return self._ask_lines(optional, kept, default)
        if isinstance(it, DateItem):
            self._print("  " + t("walk.date_format"))
        if optional and default is None:
            self._print("  " + t("walk.skip"))
        clearable = optional and default is not None
        if clearable:
            self._print("  " + t("walk.plain.clear_word"))
        raw = self._read()
        cmd = COMMANDS.get(raw.strip().lower())
        if cmd is not None:
            return cmd
        if clearable and raw.strip().lower() in SKIP_WORDS:
            return None  # an optional answer given earlier is taken back, not kept
        if not raw.strip() and default is not None:
            return kept
        return raw.strip() or None

    def _ask_choice(
        self, item: CItem, walk: Walk, optional: bool, kept: Any, default: AnswerValue
    ) -> Any:
        """A yes/no or single choice: a number, ja/nee or an option id."""
        it = item.item
        if isinstance(it, SingleChoiceItem):
            labels = [(o.id, walkview.option_label(o)) for o in it.options if o.for_role(walk.role)]
        else:
            labels = [("ja", t("walk.ja")), ("nee", t("walk.nee"))]
        for i, (_, label) in enumerate(labels, 1):
            self._print(f"  {i}) {label}")
        open_vt = optional and item.id in OPEN_WITH_VT
        if open_vt:
            self._print(f"  {len(labels) + 1}) {t('walk.open_met_vt')}")
        if optional:
            self._print("  " + t("walk.plain.skip_word"))
        raw = self._read().strip()
        cmd = COMMANDS.get(raw.lower())
        if cmd is not None:
            return cmd
        if open_vt and raw == str(len(labels) + 1):
            return None
        if not raw:
            return kept if default is not None else _AGAIN
        if raw.lower() in SKIP_WORDS and optional:
            return None
        if raw.isdigit() and 1 <= int(raw) <= len(labels):
            return labels[int(raw) - 1][0]
        return raw  # ja/nee or an id as text; the engine refuses anything else

    def _ask_multi(self, it: MultiChoiceItem, walk: Walk, kept: Any, default: AnswerValue) -> Any:
        options = [o for o in it.options if o.for_role(walk.role)]
        for i, o in enumerate(options, 1):
            self._print(f"  {i}) {walkview.option_label(o)}")
        self._print("  " + t("walk.plain.multi"))
        raw = self._read().strip()
        cmd = COMMANDS.get(raw.lower())
        if cmd is not None:
            return cmd
        if not raw:
            return kept if default is not None else _AGAIN
        return _pick_many(raw, options)

    def _ask_lines(self, optional: bool, kept: Any, default: AnswerValue) -> Any:
        """Multiline text, ended by a line with only a dot."""
        self._print("  " + t("walk.plain.multiline"))
        if optional and default is None:
            self._print("  " + t("walk.skip"))
        clearable = optional and default is not None
        if clearable:
            self._print("  " + t("walk.plain.clear_word"))
        lines: list[str] = []
        while True:
            line = self._read("> " if not lines else "  ")
            if not lines and COMMANDS.get(line.strip().lower()) is not None:
                return COMMANDS[line.strip().lower()]
            if not lines and clearable and line.strip().lower() in SKIP_WORDS:
                return None  # the optional text given earlier is taken back
            if not lines and line.strip() == "" and default is not None:
                return kept
            if line.strip() == ".":
                break
            if not lines and line.strip() == "" and optional:
                break
            lines.append(line)
        text = "\n".join(lines).strip()
        return text or None

    def accepted(self, item: CItem, value: AnswerValue) -> None:
        """The walk took the answer: a date is said back in words, so a slip shows."""
        if isinstance(item.item, DateItem) and isinstance(value, str):
            self._print("  = " + walkview.date_in_words(value))

    def why(self, item: CItem, walk: Walk) -> None:
        self._print("", *walkview.why_block(item, walk))

    def note(self, item: CItem, walk: Walk) -> tuple[str, str, str] | None:
        self._print(t("walk.note.text"))
        text = self._read().strip()
        if not text:
            return None
        self._print(t("walk.note.provenance"))
        for i, p in enumerate(PROVENANCES, 1):
            self._print(f"  {i}) {t('walk.provenance.' + p)}")
        provenance = _choose(self._read(), PROVENANCES) or PROVENANCES[0]
        self._print(t("walk.note.nature"))
        for i, n in enumerate(NATURES, 1):
            self._print(f"  {i}) {t('walk.nature.' + n)}")
        nature = _choose(self._read(), NATURES) or NATURES[0]
        return text, provenance, nature

    def choose_back(self, walk: Walk) -> str | None:
        answered = walk.answered_in_order()
        self._print(t("walk.back.choose"), f"  0) {t('walk.back.cancel')}")
        for i, ci in enumerate(answered, 1):
            label = walkview.question_text(ci)
            self._print(f"  {i}) {label}: {walkview.answer_text(ci, walk.answers.get(ci.id))}")
        raw = self._read().strip()
        if raw.isdigit() and 1 <= int(raw) <= len(answered):
            return answered[int(raw) - 1].id
        return None

    def acute(self, walk: Walk) -> bool:
        step = walk.acute_events[-1].step if walk.acute_events else walk.current_step()
        self._print("", "!" * 60, *acute_block(walk), "!" * 60)
        self._print(
            t("walk.acute.recorded" if self.saving else "walk.acute.not_saved", step=step),
            t("walk.acute.continue" if self.saving else "walk.acute.continue_not_saved"),
        )
        self._print(f"  1) {t('walk.ja')}", f"  2) {t('walk.nee')}")
        raw = self._read().strip().lower()
        return raw in ("1", "ja", "j", "yes", "y")

    def check(self, check: CCheck, walk: Walk, *, again: bool) -> None:
        self._print("", *walkview.check_lines(check, walk, again=again))

    def justify(self, check: CCheck, walk: Walk) -> str | None:
        self._print("  " + t("check.justify.ask"))
        text = self._read().strip()
        return text or None

    def finished(self, walk: Walk, decision: Decision | None) -> None:
        self._print("", *walkview.decision_lines(decision, walk), "", *walkview.dossier_lines(walk))


def _lang() -> str:
    from meldcode_cli.i18n.messages import get_lang

    return get_lang()


def _pick_many(raw: str, options: list[Option]) -> list[str]:
    """Numbers or ids, separated by commas or spaces; "geen"/"none" (or '-') for none."""
    text = raw.replace(",", " ").split()
    if len(text) == 1 and text[0].lower() in NONE_WORDS:
        return []
    out: list[str] = []
    for tok in text:
        if tok.isdigit() and 1 <= int(tok) <= len(options):
            out.append(options[int(tok) - 1].id)
        else:
            out.append(tok)  # an id, or something the engine refuses with a reason
    return out


def _choose(raw: str, values: tuple[str, ...]) -> str | None:
    raw = raw.strip()
    if raw.isdigit() and 1 <= int(raw) <= len(values):
        return values[int(raw) - 1]
    return raw if raw in values else None
