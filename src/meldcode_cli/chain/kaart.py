"""``meldcode kaart``: the ketenkaart as a table (rich, wrapping) or a self-contained HTML page."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from meldcode_cli.chain.ketenkaart import PILLARS, Entry, Ketenkaart, Organisation, is_stale
from meldcode_cli.i18n.messages import get_lang, t, tn

__all__ = ["KaartRequest", "render_kaart"]


@dataclass
class KaartRequest:
    pijler: str | None = None
    vorm: str | None = None
    rol: str | None = None
    gemeente: str | None = None
    regio: str | None = None
    fmt: str = "text"
    ketenkaart: list[Path] = field(default_factory=list)
    today: dt.date | None = None
    width: int | None = None


def _contact_lines(org: Organisation) -> list[str]:
    lines = []
    for c in org.contacts:
        parts = [c.label + ":"]
        if c.phone:
            parts.append(c.phone)
        if c.hours:
            parts.append(f"({c.hours})")
        if c.takes:
            parts.append("[" + ", ".join(t(f"kaart.takes.{x}") for x in c.takes) + "]")
        lines.append(" ".join(parts))
        if c.url:
            lines.append(c.url)
    return lines


def _area(org: Organisation) -> str:
    if org.area.national:
        return t("kaart.national")
    bits = [b for b in [org.area.regio, ", ".join(org.area.gemeenten)] if b]
    return "; ".join(bits)


def _check(usage: str, value: str | None, allowed: set[str]) -> None:
    import difflib

    from meldcode_cli.errors import Text, UsageError

    if value is not None and value not in allowed:
        close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
        hint = (
            Text("kaart.did_you_mean", match=close[0])
            if close
            else Text("kaart.choose", options=", ".join(sorted(allowed)))
        )
        raise UsageError("kaart.unknown_filter", option=usage, value=value, hint=hint)


def select(req: KaartRequest) -> tuple[Ketenkaart, list[Entry]]:
    from meldcode_cli.chain.ketenkaart import _known_protocols, load_overlay

    ids, roles = _known_protocols()
    _check("--pijler", req.pijler, set(PILLARS))
    _check("--vorm", req.vorm, ids)
    _check("--rol", req.rol, roles)
    kaart = load_overlay(req.ketenkaart, today=req.today)
    rows = kaart.select(
        pijler=req.pijler, vorm=req.vorm, rol=req.rol, gemeente=req.gemeente, regio=req.regio
    )
    return kaart, rows


def render_kaart(req: KaartRequest) -> str:
    kaart, rows = select(req)
    today = req.today or dt.date.today()
    skipped = len({d.path for d in kaart.diagnostics if d.severity == "error"})
    if req.fmt == "html":
        return _html(rows, req, today, skipped)
    return _text(rows, today, skipped, req.width)


def _text(rows: list[Entry], today: dt.date, skipped: int, width: int | None) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    if not rows:
        return t("kaart.empty")
    table = Table(title=t("kaart.title"), box=box.SIMPLE_HEAD, show_lines=True, expand=False)
    table.add_column(t("kaart.col.org"), overflow="fold", ratio=3)
    table.add_column(t("kaart.col.contact"), overflow="fold", ratio=4)
    table.add_column(t("kaart.col.area"), overflow="fold", ratio=2)
    stale = 0
    for e in rows:
        org = e.org
        old = is_stale(org, today)
        stale += old
        name = org.name + f"\n({org.id})\n{org.does}"
        name += "\n" + ", ".join(org.pillars)
        forms = ", ".join(org.forms) if org.forms else t("kaart.forms.all")
        name += "\n" + forms
        if org.roles:
            name += "\n" + t("kaart.roles") + ": " + ", ".join(org.roles)
        contact = "\n".join(_contact_lines(org))
        area = _area(org)
        if org.replaces:
            area += "\n" + t("kaart.replaces", id=org.replaces)
        area += f"\n{org.checked_on or '?'}"
        if old:
            area += "\n" + t("kaart.stale")
        table.add_row(name, contact, area)
    console = Console(
        width=width or None,
        markup=False,
        highlight=False,
        emoji=False,
        no_color=True,
        force_terminal=False,
        record=True,
        file=io.StringIO(),
    )
    if width is None:
        import shutil

        console.width = max(40, shutil.get_terminal_size((100, 24)).columns)
    console.print(table)
    out = console.export_text()
    notes = []
    if stale:
        notes.append(tn("kaart.stale_note", stale))
    if skipped:
        notes.append(tn("kaart.skipped", skipped))
    return out.rstrip("\n") + ("\n" + "\n".join(notes) if notes else "")


def _html(rows: list[Entry], req: KaartRequest, today: dt.date, skipped: int) -> str:
    from meldcode_cli.report.htmlout import environment

    filters = [
        (k, v)
        for k, v in (
            ("pijler", req.pijler),
            ("vorm", req.vorm),
            ("rol", req.rol),
            ("gemeente", req.gemeente),
            ("regio", req.regio),
        )
        if v
    ]
    by_pillar = []
    for p in PILLARS:
        items = [
            {
                "org": e.org,
                "contacts": _contact_lines(e.org),
                "area": _area(e.org),
                "stale": is_stale(e.org, today),
                "forms": ", ".join(e.org.forms) if e.org.forms else t("kaart.forms.all"),
            }
            for e in rows
            if p in e.org.pillars
        ]
        by_pillar.append((p, items))
    return (
        environment()
        .get_template("kaart.html.j2")
        .render(
            lang=get_lang(),
            t=t,
            tn=tn,
            title=t("kaart.title"),
            by_pillar=by_pillar,
            filters=filters,
            today=today.isoformat(),
            skipped=skipped,
            empty=not rows,
        )
    )
