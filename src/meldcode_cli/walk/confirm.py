"""Signing is a conscious act: one screen with what will be signed, then an explicit yes.

Before every signature (the end of a walk, ``sign``, ``evaluate``, an amendment after
``resume``) the professional sees the decision, the meldnorm, who and what was consulted,
and the facts and interpretations in full (never shortened), and confirms. ``--yes`` is the
scripted form of that confirmation; the record says which of the two it was.
"""

from __future__ import annotations

from typing import Any, TextIO

from meldcode_cli.i18n.messages import t

__all__ = ["BY_FLAG", "BY_SCREEN", "NotConfirmed", "confirm_signing", "signing_lines"]

RULE = "=" * 40
"""Fits the narrowest terminal the walk supports."""

BY_SCREEN = "screen"
"""The record's ``confirmation``: the person read the screen and answered yes."""
BY_FLAG = "yes-flag"
"""The record's ``confirmation``: ``--yes`` was given (scripted use); no screen was read."""


class NotConfirmed(Exception):
    """The person did not confirm; nothing was signed."""


def _block(text: str) -> list[str]:
    return ["    " + line for line in text.splitlines()] or ["    "]


def _question(ci: Any) -> str:
    from meldcode_cli.i18n.messages import get_lang

    return f"  - {' '.join(ci.item.text.get(get_lang()).split())}"


def _override_lines(override: Any) -> list[str]:
    chosen = [p for p in ("melden", "hulp", "afsluiten") if getattr(override.chosen, p)]
    return [
        t("confirm.override", chosen=" + ".join(chosen) or "-"),
        *_block(t("confirm.override.reason", reason=override.reason)),
        *_block(t("confirm.override.consulted", consulted=override.consulted)),
    ]


def _answer_lines(walk: Any, relevant: list[Any]) -> list[str]:
    """The signals ticked, then what was consulted (step 2), each answer in full."""
    from meldcode_cli.protocol.model import MultiChoiceItem
    from meldcode_cli.walk import view as walkview

    lines: list[str] = []
    signals = [ci for ci in relevant if isinstance(ci.item, MultiChoiceItem)]
    if signals:
        lines += ["", t("confirm.signals")]
        for ci in signals:
            lines.append(_question(ci))
            lines += _block(walkview.answer_text(ci, walk.answers.get(ci.id)))
    consulted = [ci for ci in relevant if ci.step == 2]
    lines += ["", t("confirm.consulted")]
    for ci in consulted:
        lines.append(_question(ci))
        lines += _block(walkview.answer_text(ci, walk.answers.get(ci.id)))
    if not consulted:
        lines.append("  " + t("confirm.nothing"))
    return lines


def _nature_lines(walk: Any, relevant: list[Any], nature: str) -> list[str]:
    """The facts (or interpretations) in full: text answers outside step 2, then notes."""
    from meldcode_cli.protocol.model import TextItem

    lines = ["", t(f"confirm.{nature}")]
    found = False
    for ci in relevant:
        shown = ci.step == 2  # already under "consulted"
        if isinstance(ci.item, TextItem) and ci.item.nature == nature and not shown:
            value = walk.answers.get(ci.id)
            if value:
                found = True
                lines.append(_question(ci))
                lines += _block(str(value))
    for note in walk.notes:
        if note.nature == nature:
            found = True
            lines.append(
                "  * " + t("confirm.note", provenance=t("walk.provenance." + note.provenance))
            )
            lines += _block(note.text)
    if not found:
        lines.append("  " + t("confirm.nothing"))
    return lines


def signing_lines(
    session: Any,
    *,
    override: Any | None = None,
    amendment_reason: str | None = None,
    changes: list[str] | None = None,
) -> list[str]:
    """What is about to be signed, in full."""
    from meldcode_cli.walk import view as walkview

    walk = session.walk
    decision = walk.decision()
    lines = ["", RULE, t("confirm.title", label=session.case.label), RULE]
    lines += walkview.decision_lines(decision, walk)
    if decision is not None and not decision.meldnormen:
        lines.append("  " + t("confirm.no_meldnorm"))
    if override is not None:
        lines += _override_lines(override)
    relevant = [ci for ci in walk.relevant() if ci.answerable and ci.id in walk.answers]
    if walk.acute_events:
        steps = ", ".join(str(e.step) for e in walk.acute_events)
        lines.append(t("walk.dossier.acute", steps=steps))
    lines += _answer_lines(walk, relevant)
    for nature in ("feit", "interpretatie"):
        lines += _nature_lines(walk, relevant, nature)
    fired = walk.fired_checks()
    if fired:
        lines += ["", t("report.block.checks")]
        for c in fired:
            lines += ["  " + line for line in walkview.check_lines(c, walk)]
    if amendment_reason is not None:
        lines += ["", t("confirm.amendment"), *_block(amendment_reason), *(changes or [])]
    lines.append(RULE)
    return lines


def confirm_signing(
    session: Any,
    stdin: TextIO | None,
    stdout: TextIO,
    *,
    assume_yes: bool,
    override: Any | None = None,
    amendment_reason: str | None = None,
    changes: list[str] | None = None,
) -> str:
    """Show the screen and ask; the ``confirmation`` to record. Raises :class:`NotConfirmed`
    on no, and UsageError when there is no terminal to ask on and no ``--yes``."""
    from meldcode_cli.walk.prompt.lines import ask_numbered, write_lines

    lines = signing_lines(
        session, override=override, amendment_reason=amendment_reason, changes=changes
    )
    write_lines(stdout, *lines)
    if assume_yes:
        write_lines(stdout, t("confirm.by_flag"))
        return BY_FLAG
    if stdin is None or not stdin.isatty():
        from meldcode_cli.errors import UsageError

        raise UsageError(t("confirm.no_tty", label=session.case.label))
    choice = ask_numbered(t("confirm.ask"), [t("confirm.yes"), t("confirm.no")], stdin, stdout)
    if choice != 1:
        write_lines(stdout, t("confirm.declined", label=session.case.label))
        raise NotConfirmed(session.case.label)
    return BY_SCREEN
