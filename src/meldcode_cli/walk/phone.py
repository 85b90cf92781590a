"""The one-screen summary to read out on the phone in the acute route (112, Veilig Thuis).

Who is in danger, where, what happened, whether children are present, what was done; in the
police flow who are involved and the incident as the wijkagent recorded it. Built
from the walk as it stands (pure, no I/O). The address is never in a case: the line says to
give it yourself.
"""

from __future__ import annotations

import textwrap

from meldcode_cli.i18n.messages import get_lang, t
from meldcode_cli.walk.acute import acute_contacts, acute_text, with_vt_number
from meldcode_cli.walk.engine import Walk, triggers
from meldcode_cli.walk.view import _lang, answer_text, contact_line

__all__ = ["INCIDENT", "WIDTH", "acute_block", "phone_lines"]

WIDTH = 72
MAX_FACTS = 240  # characters of the facts text: the screen must stay one screen


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


INCIDENT = "incident"
"""The police flow's step-1 item: the incident as the wijkagent found it (who was there, by
role; what happened; what was done on the spot)."""


def _said(walk: Walk, item_id: str) -> str | None:
    value = walk.answers.get(item_id)
    ci = walk.compiled.by_id.get(item_id)
    if value in (None, "", frozenset()) or ci is None:
        return None
    return answer_text(ci, value)


def _police(walk: Walk) -> bool:
    """The walk follows the police flow: the wijkagent's incident item is on its path."""
    return any(ci.id == INCIDENT for ci in walk.relevant())


def _who(walk: Walk) -> tuple[str, str]:
    """Who is in danger; for the police, who are involved (as the incident names them)."""
    title = walk.compiled.protocol.title.get(get_lang())
    if _police(walk):
        key = "phone.involved.incident" if _said(walk, INCIDENT) else "phone.involved.unknown"
        return t("phone.involved"), t(key, form=title)
    child_form = walk.compiled.protocol.id == "kindermishandeling"
    who = t("phone.who.child" if child_form else "phone.who.client", form=title)
    if walk.answers.get("kindcheck") == "ja" and not child_form:
        who += t("phone.who.children")
    return t("phone.who"), who


def _what(walk: Walk) -> str:
    """The acute signals, then the facts: the incident (police) or the signals' facts."""
    acute_signals = []
    for ci in walk.relevant():
        value = walk.answers.get(ci.id)
        if value is not None and triggers(ci, value)[0]:
            acute_signals.append(_short(answer_text(ci, value), 160))
    what = []
    if acute_signals:
        what.append(t("phone.what.signals", signals="; ".join(acute_signals)))
    incident = _said(walk, INCIDENT) if _police(walk) else None
    if incident:
        what.append(t("phone.what.incident", incident=_short(incident, MAX_FACTS)))
    facts = _said(walk, "signalen_feiten")
    if facts and not incident:
        what.append(_short(facts, MAX_FACTS))
    return " ".join(what) or t("phone.nothing")


def _children(walk: Walk) -> str:
    kids = walk.answers.get("kindcheck")
    if kids == "ja":
        detail = _said(walk, "kindcheck_kinderen")
        return t("walk.ja") + (f": {_short(detail, 160)}" if detail else "")
    if kids == "nee":
        return t("walk.nee")
    return t("phone.children.unknown")


def _done(walk: Walk) -> str:
    done = []
    declared = sorted({e.step for e in walk.acute_events if e.source == "declared"})
    if declared:
        done.append(t("phone.done.acute", steps=", ".join(map(str, declared))))
    for item_id in ("consultatie_collega", "advies_veilig_thuis", "gesprek"):
        value = _said(walk, item_id)
        asked = walk.compiled.by_id.get(item_id)
        if value is not None and asked is not None:
            question = _short(" ".join(asked.item.text.get(get_lang()).split()), 60)
            done.append(f"{question} {value}")
    return "; ".join(done) or t("phone.nothing")


def phone_lines(walk: Walk, width: int | None = None) -> list[str]:
    """The summary, wrapped to ``width`` (default: the terminal, at most :data:`WIDTH`)."""
    import shutil

    if width is None:
        width = max(40, min(WIDTH, shutil.get_terminal_size((80, 24)).columns - 1))
    rows = [
        _who(walk),
        (t("phone.where"), t("phone.where.value")),
        (t("phone.what"), _what(walk)),
        (t("phone.children"), _children(walk)),
        (t("phone.done"), _done(walk)),
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
