"""The report model of a verified record: the draft melding in the order of the Veilig
Thuis form (a wijkagent's Concept-zorgmelding with its own sections), or the anonymous
advice summary; the banner, the title and the notices above the sections."""

from __future__ import annotations

import datetime as dt
from typing import Any

from meldcode_cli.i18n.messages import get_lang, t
from meldcode_cli.record.model import Record
from meldcode_cli.report import police, sections
from meldcode_cli.report.afweging import afweging, decision_text
from meldcode_cli.report.betrokkenen import Betrokkenen
from meldcode_cli.report.builder import Builder
from meldcode_cli.report.model import Block, Entry, Report, Section

__all__ = ["FORM_ORDER", "build_report"]

FORM_ORDER = (
    "melder",
    "betrokkenen",
    "melding",
    "politie",
    "stappen",
    "afweging",
    "geinformeerd",
    "netwerk",
    "overig",
    "vervolg",
    "terugkoppeling",
    "verantwoording",
)
"""The form's order: overige informatie before the follow-up agreements; a police
zorgmelding adds its measures after the incident and Veilig Thuis's feedback at the end."""


def build_report(
    record: Record,
    people: Betrokkenen | None = None,
    *,
    advies: bool = False,
    today: dt.date | None = None,
    people_source: str | None = None,
    vraag: str | None = None,
    consultations: list[dict[str, Any]] | None = None,
) -> Report:
    """The report model of a (verified) record. ``consultations``: the signed answers of
    collegiale consultaties in the case's chain, as signed (``record.consult``)."""
    b = Builder(
        record,
        people,
        advies=advies,
        today=today or dt.date.today(),
        people_source=people_source or t("report.about.betrokkenen_none"),
    )
    if advies:
        parts = _advies(b, vraag)
        banner = [t("report.advies.banner"), _vt_number(t("report.advies.bellen"))]
        title, reminder = t("report.advies.title"), t("report.advies.reminder")
    else:
        parts = _melding(b, consultations)
        banner = [
            t("report.banner.concept"),
            t("report.banner.inzage"),
            _vt_number(t("report.banner.bellen")),
        ]
        title, reminder = t("report.title"), t("report.reminder")
        if b.police:
            title, reminder = police.frame(banner)
    if record.training:
        banner.insert(0, t("report.banner.training"))
    proto = record.protocol
    page_head = (t("report.watermark") + " — " if record.training else "") + (
        t("report.page_head_advies") if advies else t("report.page_head")
    )
    return Report(
        mode="advies" if advies else "melding",
        lang=get_lang(),
        title=title,
        subtitle=f"{proto.title} · {t('report.version')} {proto.version}",
        training=record.training,
        watermark=t("report.watermark"),
        page_head=page_head,
        banner=banner,
        reminder=reminder,
        notices=_notices(b),
        sections=parts,
    )


def _advies(b: Builder, vraag: str | None) -> list[Section]:
    return [
        sections.melder(b),
        sections.betrokkenen(b),
        sections.melding(b),
        sections.stappen(b),
        afweging(b),
        sections.vraag(vraag),
        sections.verantwoording(b),
    ]


def _melding(b: Builder, consultations: list[dict[str, Any]] | None) -> list[Section]:
    # built in this order (each takes the items it places; overig takes what is left),
    # shown in the form's order
    parts = [sections.melder(b), sections.betrokkenen(b), sections.melding(b)]
    if b.police:
        parts.append(police.politie(b))
    parts += [
        sections.stappen(b),
        afweging(b),
        sections.geinformeerd(b),
        sections.netwerk(b),
        sections.vervolg(b),
    ]
    if b.police:
        parts.append(police.terugkoppeling(b))
    parts += [sections.overig(b), sections.verantwoording(b)]
    parts.sort(key=lambda s: FORM_ORDER.index(s.key))
    if consultations:  # signed collegiale consultaties in the case's chain
        from meldcode_cli.report.consultview import report_entries

        stappen = next(s for s in parts if s.key == "stappen")
        stappen.blocks.append(
            Block(t("consult.report.title"), report_entries(consultations, Entry), key="consult")
        )
    return parts


def _notices(b: Builder) -> list[str]:
    notices = []
    chosen = b.record.chosen
    zorgmelding = b.police and police.zorgmelding_asked(b)
    if not b.advies and not (chosen is not None and chosen.melden) and not zorgmelding:
        notices.append(t("report.notice.not_melden", decision=decision_text(chosen)))
    if b.record.override is not None:
        notices.append(t("report.notice.override"))
    return notices


def _vt_number(text: str) -> str:
    """The Veilig Thuis number from the ketenkaart (a region's own first, issue 17)."""
    from meldcode_cli.walk.acute import with_vt_number

    return with_vt_number(text)
