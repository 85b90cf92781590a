"""The one-screen summary to read out on the phone in the acute route (112, Veilig Thuis).

Who is in danger, where, what happened, whether children are present, what was done. Built
from the walk as it stands (pure, no I/O). The address is never in a case: the line says to
give it yourself.
"""

from __future__ import annotations

import textwrap

from meldcode_cli.i18n.messages import get_lang, t
from meldcode_cli.walk.acute import acute_contacts, acute_text, with_vt_number
from meldcode_cli.walk.engine import Walk, triggers
from meldcode_cli.walk.view import _lang, answer_text, contact_line

__all__ = ["WIDTH", "acute_block", "phone_lines"]

WIDTH = 72
MAX_FACTS = 240  # characters of the facts text: the screen must stay one screen


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def phone_lines(walk: Walk, width: int | None = None) -> list[str]:  # noqa: C901, PLR0912 - issue 14: to split
    """The summary, wrapped to ``width`` (default: the terminal, at most :data:`WIDTH`)."""
    import shutil

    if width is None:
        width = max(40, min(WIDTH, shutil.get_terminal_size((80, 24)).columns - 1))

    by_id = walk.compiled.by_id
    answers = walk.answers
    relevant = walk.relevant()

    def said(item_id: str) -> str | None:
        value = answers.get(item_id)
        ci = by_id.get(item_id)
        if value in (None, "", frozenset()) or ci is None:
            return None
        return answer_text(ci, value)

    lang = get_lang()
    title = walk.compiled.protocol.title.get(lang)
    kids = answers.get("kindcheck")
    child_form = walk.compiled.protocol.id == "kindermishandeling"
    who = t("phone.who.child" if child_form else "phone.who.client", form=title)
    if kids == "ja" and not child_form:
        who += t("phone.who.children")
    acute_signals = []
    for ci in relevant:
        value = answers.get(ci.id)
        if value is None:
            continue
        acute, _ = triggers(ci, value)
        if acute:
            acute_signals.append(_short(answer_text(ci, value), 160))
    what = []
    if acute_signals:
        what.append(t("phone.what.signals", signals="; ".join(acute_signals)))
    facts = said("signalen_feiten")
    if facts:
        what.append(_short(facts, MAX_FACTS))
    if kids == "ja":
        children = t("walk.ja") + (
            f": {_short(detail, 160)}" if (detail := said("kindcheck_kinderen")) else ""
        )
    elif kids == "nee":
        children = t("walk.nee")
    else:
        children = t("phone.children.unknown")
    done = []
    declared = sorted({e.step for e in walk.acute_events if e.source == "declared"})
    if declared:
        done.append(t("phone.done.acute", steps=", ".join(map(str, declared))))
    for item_id in ("consultatie_collega", "advies_veilig_thuis", "gesprek"):
        value = said(item_id)
        asked = by_id.get(item_id)
        if value is not None and asked is not None:
            question = _short(" ".join(asked.item.text.get(lang).split()), 60)
            done.append(f"{question} {value}")
    rows = [
        (t("phone.who"), who),
        (t("phone.where"), t("phone.where.value")),
        (t("phone.what"), " ".join(what) or t("phone.nothing")),
        (t("phone.children"), children),
        (t("phone.done"), "; ".join(done) or t("phone.nothing")),
        (t("phone.melder"), t("phone.melder.value", role=t(f"role.{walk.role}"))),
    ]
    col = max(len(k) for k, _ in rows) + 2
    lines = [t("phone.title"), *textwrap.wrap(with_vt_number(t("phone.numbers")), width)]
    for key, value in rows:
        lines += textwrap.wrap(
            value,
            width,
            initial_indent=f"{key + ':':<{col}}",
            subsequent_indent=" " * col,
        )
    return lines


def acute_block(walk: Walk) -> list[str]:
    lines = [t("walk.acute.title"), " ".join(acute_text(_lang()).split())]
    route = walk.compiled.protocol.acute_route
    if route is not None and route.text is not None:
        lines.append(" ".join(route.text.get(_lang()).split()))
    lines.extend(f"  ☎ {contact_line(c)}" for c in acute_contacts(walk.compiled.protocol))
    return [*lines, "", *phone_lines(walk)]
