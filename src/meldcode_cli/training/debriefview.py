"""How a :class:`~meldcode_cli.training.debrief.Debrief` is shown: bar charts in the
terminal (rich colours) or as plain text, or a self-contained HTML page for a projector
(inline CSS, no scripts, no external resources). Participant names appear only with
``--names``."""

from __future__ import annotations

import html
import textwrap
from pathlib import Path

from meldcode_cli.errors import UsageError
from meldcode_cli.i18n.messages import t, tn
from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.training.debrief import Debrief, Point
from meldcode_cli.training.train import Line, source_line

__all__ = ["format_html", "text_lines", "write_debrief"]

BAR = 30
LABEL = 46


# --- text -----------------------------------------------------------------------------------


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _bar(count: int, total: int, width: int = BAR) -> str:
    if total <= 0 or count <= 0:
        return ""
    return "█" * max(1, round(count / total * width))


WIDTH = 96
"""The width of the text debrief in a file and on a terminal at least this wide."""


def _columns(width: int) -> tuple[int, int]:
    """(label, bar) widths for a row of ``width`` columns: "  label bar nnn  ← sleutel"."""
    if width >= WIDTH:
        return LABEL, BAR
    mark = max(len("← " + t("debrief.key")), len("← " + t("debrief.avoid")))
    room = max(40, width) - 2 - 1 - 1 - 3 - 2 - mark
    bar = min(BAR, max(6, room // 3))
    return min(LABEL, max(12, room - bar)), bar


def _point_lines(p: Point, compiled: CompiledProtocol, width: int = WIDTH) -> list[Line]:
    label_w, bar_w = _columns(width)
    text_w = max(40, min(WIDTH, width))
    lines: list[Line] = [("", ""), (_clip(p.title, text_w), "bold")]
    if p.matching is not None:
        lines.append(("  " + t("debrief.matching", ok=p.matching, n=p.total), "magenta"))
    for r in p.rows:
        mark = ""
        style = ""
        if r.expected:
            mark, style = "← " + t("debrief.key"), "bold green"
        elif r.avoid:
            mark, style = "← " + t("debrief.avoid"), "yellow"
        label = _clip(r.label, label_w)
        bar = _bar(r.count, p.total, bar_w)
        lines.append((f"  {label:<{label_w}} {bar:<{bar_w}} {r.count:>3}  {mark}".rstrip(), style))
    if p.explanation:
        lead = "  " + t("train.why") + ": "
        for line in textwrap.wrap(
            " ".join(p.explanation.split()),
            text_w,
            initial_indent=lead,
            subsequent_indent=" " * len(lead),
            break_long_words=False,
            break_on_hyphens=False,
        ):
            lines.append((line, "dim"))
    if p.source:
        lines.append(("  " + t("train.source") + ": " + source_line(compiled, p.source), "dim"))
    return lines


def text_lines(d: Debrief, *, names: bool = False, width: int = WIDTH) -> list[Line]:
    """The debrief as lines of at most ``width`` columns where that fits (bars and labels
    shrink to a narrow terminal; a file gets :data:`WIDTH`)."""
    c = d.casus
    bar = "═" * min(72, max(40, width))
    lines: list[Line] = [
        (bar, "bold magenta"),
        (" " + t("debrief.banner"), "bold magenta"),
        (" " + t("debrief.title", title=c.title, id=c.id), "bold"),
        (" " + tn("debrief.meta", d.n, protocol=d.compiled.id, role=c.role), ""),
        (bar, "bold magenta"),
    ]
    for note in d.notes:
        lines.append(("! " + note, "yellow"))
    lines += _point_lines(d.decision, d.compiled, width)
    lines += _point_lines(d.paths, d.compiled, width)
    if d.items:
        lines += [("", ""), (t("debrief.items"), "bold magenta")]
        for p in d.items:
            lines += _point_lines(p, d.compiled, width)
    lines += [("", ""), (t("debrief.afwegingen"), "bold magenta")]
    for p in d.afwegingen:
        lines += _point_lines(p, d.compiled, width)
    if d.checks:
        lines += [("", ""), (t("debrief.checks"), "bold magenta")]
        for cid, (fired, justified) in d.checks.items():
            lines.append(
                (f"  {cid}: " + tn("debrief.check_count", d.n, fired=fired, j=justified), "")
            )
    if names:
        lines += [("", ""), (t("debrief.participants"), "bold magenta")]
        for part in d.participants:
            who = part.name or t("debrief.no_name")
            mark = "✓" if part.decision_ok else "✗"
            lines.append(
                (
                    f"  {mark} {_clip(who, 30):<30} {part.decision:<22} {part.path}  "
                    + t("debrief.score", ok=part.ok, n=part.n)
                    + "  "
                    + t("debrief.part_checks", n=part.checks, j=part.justified)
                    + f"  ({part.label})",
                    "",
                )
            )
    lines += [("", ""), (t("debrief.footer"), "dim")]
    return lines


# --- HTML -----------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 24px;
  color: #1a1a1a; background: #fff; margin: 0; padding: 1.5rem 3rem 3rem; }
.watermark { position: fixed; top: 40%; left: 50%; transform: translate(-50%, -50%) rotate(-28deg);
  font-size: 16vw; font-weight: 800; letter-spacing: .1em; color: rgba(176, 0, 92, .07);
  pointer-events: none; z-index: 0; white-space: nowrap; }
main { position: relative; z-index: 1; max-width: 1100px; margin: 0 auto; }
.banner { display: inline-block; background: #b0005c; color: #fff; font-weight: 700;
  padding: .2rem .8rem; border-radius: .3rem; letter-spacing: .08em; }
h1 { font-size: 2rem; margin: .6rem 0 .2rem; }
h2 { font-size: 1.6rem; margin: 2.2rem 0 .4rem; color: #b0005c; }
h3 { font-size: 1.2rem; margin: 1.6rem 0 .3rem; }
.meta, .note, .why, .src { color: #222; }
.note { color: #8a5a00; }
.score { font-weight: 600; margin: .2rem 0 .4rem; }
table.bars { border-collapse: collapse; width: 100%; }
table.bars td, table.bars th { padding: .25rem .5rem; vertical-align: middle; text-align: left; }
table.bars th { font-weight: normal; width: 40%; }
td.track { width: 45%; }
.bar { height: 1.1rem; background: #7a8a99; border-radius: .2rem; min-width: 2px; }
tr.key .bar { background: #1e7b34; }
tr.key th { font-weight: 700; }
tr.avoid .bar { background: #c77700; }
td.n { width: 3rem; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
td.mark { width: 9rem; color: #1e7b34; font-weight: 700; }
tr.avoid td.mark { color: #c77700; }
.why, .src { font-size: 1rem; margin: .4rem 0; line-height: 1.4; }
table.people { border-collapse: collapse; }
table.people td, table.people th { padding: .2rem .8rem; border-bottom: 1px solid #ddd; }
footer { margin-top: 3rem; font-size: 1rem; color: #333; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _point_html(p: Point, compiled: CompiledProtocol, heading: str = "h3") -> str:
    out = [f"<section class='point' id='{_e(p.id)}'>", f"<{heading}>{_e(p.title)}</{heading}>"]
    if p.matching is not None:
        out.append(f"<p class='score'>{_e(t('debrief.matching', ok=p.matching, n=p.total))}</p>")
    out.append("<table class='bars'>")
    for r in p.rows:
        cls = "key" if r.expected else ("avoid" if r.avoid else "")
        pct = 0 if p.total <= 0 else round(100 * r.count / p.total)
        mark = t("debrief.key") if r.expected else (t("debrief.avoid") if r.avoid else "")
        bar = f"<div class='bar' style='width: {pct}%'></div>" if r.count else ""
        out.append(
            f"<tr class='{cls}'><th>{_e(r.label)}</th><td class='track'>{bar}</td>"
            f"<td class='n'>{r.count}</td><td class='mark'>{_e(mark)}</td></tr>"
        )
    out.append("</table>")
    if p.explanation:
        out.append(
            f"<p class='why'>{_e(t('train.why'))}: {_e(' '.join(p.explanation.split()))}</p>"
        )
    if p.source:
        src = compiled.sources.get(p.source)
        text = f"{src.title} — {src.url}" if src else p.source
        out.append(f"<p class='src'>{_e(t('train.source'))}: {_e(text)}</p>")
    out.append("</section>")
    return "\n".join(out)


def format_html(d: Debrief, *, names: bool = False) -> str:
    """A self-contained page: inline CSS, no scripts, no external resources."""
    from meldcode_cli.i18n.messages import get_lang

    c = d.casus
    parts = [
        "<!DOCTYPE html>",
        f"<html lang='{get_lang()}'>",
        "<head>",
        "<meta charset='utf-8'>",
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{_e(t('debrief.banner'))} · {_e(t('debrief.title', title=c.title, id=c.id))}"
        "</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<div class='watermark' aria-hidden='true'>{_e(t('debrief.watermark'))}</div>",
        "<main>",
        f"<p class='banner'>{_e(t('debrief.banner'))}</p>",
        f"<h1>{_e(t('debrief.title', title=c.title, id=c.id))}</h1>",
        f"<p class='meta'>{_e(t('debrief.meta', protocol=d.compiled.id, role=c.role, n=d.n))}</p>",
    ]
    parts.extend(f"<p class='note'>{_e(note)}</p>" for note in d.notes)
    parts.append(_point_html(d.decision, d.compiled, "h2"))
    parts.append(_point_html(d.paths, d.compiled, "h3"))
    if d.items:
        parts.append(f"<h2>{_e(t('debrief.items'))}</h2>")
        parts.extend(_point_html(p, d.compiled) for p in d.items)
    parts.append(f"<h2>{_e(t('debrief.afwegingen'))}</h2>")
    parts.extend(_point_html(p, d.compiled) for p in d.afwegingen)
    if d.checks:
        parts.append(f"<h2>{_e(t('debrief.checks'))}</h2>")
        parts.append("<ul>")
        for cid, (fired, justified) in d.checks.items():
            count = tn("debrief.check_count", d.n, fired=fired, j=justified)
            parts.append(f"<li>{_e(cid)}: {_e(count)}</li>")
        parts.append("</ul>")
    if names:
        parts.append(f"<h2>{_e(t('debrief.participants'))}</h2>")
        parts.append("<table class='people'>")
        for part in d.participants:
            mark = "✓" if part.decision_ok else "✗"
            parts.append(
                f"<tr><td>{mark}</td><td>{_e(part.name or t('debrief.no_name'))}</td>"
                f"<td>{_e(part.decision)}</td><td>{_e(part.path)}</td>"
                f"<td>{_e(t('debrief.score', ok=part.ok, n=part.n))}</td>"
                f"<td>{_e(t('debrief.part_checks', n=part.checks, j=part.justified))}</td>"
                f"<td>{_e(part.label)}</td></tr>"
            )
        parts.append("</table>")
    parts += [f"<footer>{_e(t('debrief.footer'))}</footer>", "</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def write_debrief(d: Debrief, fmt: str, output: Path | None, *, names: bool = False) -> None:
    """Print (terminal: rich colours) or write the debrief as text or HTML."""
    from meldcode_cli.walk.casestore import CaseError, atomic_write

    if fmt == "html":
        text = format_html(d, names=names)
    else:
        lines = text_lines(d, names=names)
        text = "\n".join(line for line, _ in lines) + "\n"
        if output is None:
            from rich.text import Text

            from meldcode_cli.console import out

            console = out()
            if console.is_terminal and console.width < WIDTH:  # fit the bars to the screen
                lines = text_lines(d, names=names, width=console.width - 1)
            for line, style in lines:
                console.print(Text(line, style=style), markup=False, highlight=False, emoji=False)
            return
    if output is None:
        from meldcode_cli.console import print_text

        print_text(text)
        return
    try:
        atomic_write(output, text.encode("utf-8"))
    except CaseError as e:  # said as a usage error: the --output given
        raise UsageError(e.key, **e.params) from None
    from meldcode_cli.console import print_error

    print_error(t("debrief.written", path=output))
