"""The report laid out: three Jinja2 templates (Markdown, plain text, HTML with
autoescaping) render the :class:`~.model.Report` built in Python; user text is escaped for
Markdown by :func:`md_escape`. Jinja2 is imported here (and in :mod:`.htmlout`), lazily."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from meldcode_cli.i18n.messages import t
from meldcode_cli.report.model import Report
from meldcode_cli.walk.casestore import CaseError

if TYPE_CHECKING:
    import jinja2

__all__ = ["FORMATS", "md_block", "md_escape", "render", "txt_block"]

FORMATS = ("md", "txt", "html")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """User text as Markdown data: markup characters are escaped, never interpreted."""
    out = []
    for raw in _MD_SPECIAL.sub(r"\\\1", text).split("\n"):
        line = raw
        m = _MD_LINE_START.match(raw)
        if m:
            at = m.end() if m.group(2)[0].isdigit() else m.start(2)
            line = raw[:at] + "\\" + raw[at:]
        out.append(line)
    return "\n".join(out)


def md_block(text: str, indent: int = 2) -> str:
    """Escaped user text whose line breaks survive inside a Markdown list item."""
    lines = [ln.rstrip() for ln in md_escape(text.strip("\n")).split("\n")]
    pad = " " * indent
    out: list[str] = []
    for i, ln in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not ln:
            if out and out[-1]:
                out.append("")
            continue
        out.append((pad if out else "") + ln + ("\\" if nxt else ""))
    return "\n".join(out)


def txt_block(text: str, indent: int = 4) -> str:
    pad = " " * indent
    lines = [ln.rstrip() for ln in text.strip("\n").split("\n")]
    return "\n".join((pad if i else "") + ln if ln else "" for i, ln in enumerate(lines))


def css_string(text: str) -> Any:
    """A CSS string literal for catalogue text (``content:`` of the page margin boxes)."""
    from markupsafe import Markup

    safe = "".join(
        ch if (ch.isalnum() or ch in " .,:;()!-—–·") else f"\\{ord(ch):x} " for ch in text
    )
    return Markup(f'"{safe}"')


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("meldcode_cli.report", "templates"),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["md_block"] = md_block
    env.filters["txt_block"] = txt_block
    env.filters["css_string"] = css_string
    return env


def render(report: Report, fmt: str) -> str:
    if fmt not in FORMATS:
        raise CaseError("error.core.kies_md_txt_of", fmt=fmt)
    template = _environment().get_template(f"report.{fmt}.j2")
    text = template.render(r=report, t=t)
    text = re.sub(r"\n{3,}", "\n\n", text) if fmt != "html" else text
    return text.rstrip("\n") + "\n"
