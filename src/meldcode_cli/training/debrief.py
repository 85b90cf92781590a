"""``meldcode debrief``: a group's training records of one casus, against the key.

Per decision point (every keyed item and every afweging) how many participants chose what,
and the decisions (melden / hulp / afsluiten) as a bar chart: in the terminal, as plain
text, or as a self-contained HTML page for a projector (no scripts, no external resources).
Only training (OEFENING) records are read. Participant names appear only with ``--names``.
"""

from __future__ import annotations

import html
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meldcode_cli.authoring.validate import UsageError
from meldcode_cli.i18n.messages import t
from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.protocol.model import MultiChoiceItem, SingleChoiceItem, YesNoItem
from meldcode_cli.training.casus import Casus, expected_parts
from meldcode_cli.training.train import (
    Expect,
    Line,
    alias_of_label,
    casus_of_label,
    expectations,
    judge,
    source_line,
)
from meldcode_cli.walk.engine import AnswerValue

__all__ = [
    "Debrief",
    "Point",
    "Row",
    "build_debrief",
    "collect_records",
    "format_html",
    "text_lines",
]

BAR = 30
LABEL = 46


@dataclass
class Row:
    label: str
    count: int
    expected: bool = False
    avoid: bool = False


@dataclass
class Point:
    id: str
    title: str
    rows: list[Row]
    total: int
    matching: int | None = None
    explanation: str | None = None
    source: str | None = None


@dataclass
class Participant:
    label: str
    name: str | None
    decision: str
    path: str
    ok: int
    n: int
    decision_ok: bool
    checks: int = 0
    """Checks on the participant's own steps that fired."""
    justified: int = 0


@dataclass
class Debrief:
    casus: Casus
    compiled: CompiledProtocol
    participants: list[Participant]
    decision: Point
    paths: Point
    items: list[Point]
    afwegingen: list[Point]
    notes: list[str] = field(default_factory=list)
    checks: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per check id: (participants it fired for, of whom justified)."""

    @property
    def n(self) -> int:
        return len(self.participants)


# --- reading records ------------------------------------------------------------------------


def _is_record(path: Path) -> bool:
    import json

    try:
        with path.open("rb") as f:
            head = f.read(64 * 1024)
        return b'"meldcode_signed_record"' in head and isinstance(
            json.loads(path.read_bytes()), dict
        )
    except (OSError, ValueError):
        return False


def collect_records(paths: Sequence[Path]) -> list[Path]:
    """Record files; folders are searched recursively (``NNNN-<kind>.json``)."""
    from meldcode_cli.record.core import record_files

    files, missing = record_files(list(paths))
    # a folder the trainer collected: also records named by participant (train --output)
    for p in paths:
        if p.is_dir():
            files += [f for f in sorted(p.rglob("*.json")) if f not in files and _is_record(f)]
    if missing:
        raise UsageError("error.catalog.bestaat_niet", name=", ".join(missing))
    if not files:
        raise UsageError(t("debrief.none", paths=", ".join(map(str, paths))))
    return files


def _load(files: Sequence[Path]) -> list[dict[str, Any]]:
    from meldcode_cli.record.core import Unreadable, load_record

    by_case: dict[str, dict[str, Any]] = {}
    for f in files:
        try:
            record = load_record(f)
        except Unreadable as e:
            raise UsageError(str(e)) from None
        if record.get("training") is not True:
            raise UsageError(t("debrief.not_training", path=f))
        if record.get("decision") is None:
            raise UsageError("error.debrief.het_record_heeft_geen", f=f)
        case = str(record["provenance"]["case"])
        seen = by_case.get(case)
        if seen is None or int(record["sequence"]) > int(seen["sequence"]):
            by_case[case] = record
    return [by_case[k] for k in sorted(by_case)]


def record_path(decision: dict[str, Any]) -> str:
    """The decision path (J/N/-/?) of a record's decision section."""
    afw = decision.get("afwegingen") or {}
    open_ = {str(x).removeprefix("afweging_") for x in decision.get("open_met_veilig_thuis") or []}
    code = ""
    for n in "12345":
        v = afw.get(n)
        code += ("?" if n in open_ else "-") if v is None else ("J" if v else "N")
    if "evaluatie" in str(decision.get("outcome", "")):
        code = code[:4] + "?"
    return code


def _answers(record: dict[str, Any]) -> tuple[dict[str, AnswerValue], set[str]]:
    answers: dict[str, AnswerValue] = {}
    asked: set[str] = set()
    for step in record.get("steps") or []:
        for item in step.get("items") or []:
            iid = str(item["id"])
            asked.add(iid)
            value = item.get("answer")
            answers[iid] = frozenset(value) if isinstance(value, list) else value
    return answers, asked


# --- counting -------------------------------------------------------------------------------


def _item_point(
    e: Expect, people: list[tuple[dict[str, AnswerValue], set[str]]], role: str
) -> Point:
    from meldcode_cli.i18n.messages import get_lang
    from meldcode_cli.walk import view as walkview

    item = e.ci.item
    n = len(people)
    found = [judge(e, answers.get(e.id), asked=e.id in asked) for answers, asked in people]
    rows: list[Row] = []
    if isinstance(item, YesNoItem):
        for value in ("ja", "nee"):
            count = sum(1 for f in found if f.status in ("goed", "anders") and f.given == value)
            expected = value == e.answer or value in e.accept
            if count or expected:
                rows.append(Row(t(f"walk.{value}"), count, expected))
    elif isinstance(item, SingleChoiceItem | MultiChoiceItem):
        wanted = e.answer if isinstance(e.answer, frozenset) else frozenset({e.answer})
        accepted = set(wanted) | {a for a in e.accept if isinstance(a, str)}
        for o in item.options:
            if not o.for_role(role):
                continue
            if isinstance(item, MultiChoiceItem):
                count = sum(1 for f in found if isinstance(f.given, frozenset) and o.id in f.given)
            else:
                count = sum(1 for f in found if f.given == o.id)
            expected = o.id in accepted
            avoid = o.id in e.avoid
            if count or expected or avoid:
                label = " ".join(o.text.get(get_lang()).split())
                rows.append(Row(label, count, expected, avoid))
    open_ = sum(1 for f in found if f.status == "open")
    if open_:
        rows.append(Row(t("debrief.not_answered"), open_))
    not_asked = sum(1 for f in found if f.status == "niet_gevraagd")
    if not_asked:
        rows.append(Row(t("debrief.not_asked"), not_asked))
    title = walkview.question_text(e.ci)
    return Point(
        e.id,
        title,
        rows,
        n,
        sum(1 for f in found if f.ok),
        e.key.explanation,
        e.key.source,
    )


_PATH_LABEL = {"J": "walk.ja", "N": "walk.nee", "-": "debrief.not_asked", "?": "debrief.open"}


def build_debrief(files: Sequence[Path], casus_ref: str | None = None) -> Debrief:
    from meldcode_cli.authoring.render import AFWEGING_NODES
    from meldcode_cli.i18n.messages import get_lang
    from meldcode_cli.training.casus import load_casus
    from meldcode_cli.walk.casestore import protocol_hash

    records = _load(files)
    if casus_ref is None:
        ids = sorted({casus_of_label(str(r["provenance"]["case"])) for r in records})
        if len(ids) > 1:
            raise UsageError(t("debrief.mixed", ids=", ".join(ids)))
        casus_ref = ids[0]
    check = load_casus(casus_ref)
    casus, compiled = check.casus, check.compiled
    assert casus is not None
    assert compiled is not None
    notes: list[str] = []
    other_version = 0
    for r in records:
        proto = r["provenance"]["protocol"]
        if proto["id"] != compiled.id:
            raise UsageError(
                t(
                    "debrief.other_protocol",
                    case=r["provenance"]["case"],
                    got=proto["id"],
                    want=compiled.id,
                )
            )
        if check.protocol_text is not None and proto["hash"] != protocol_hash(check.protocol_text):
            other_version += 1
    if other_version:
        notes.append(t("debrief.other_version", n=other_version))
    roles = Counter(str(r["provenance"]["role"]) for r in records)
    if set(roles) - {casus.role}:
        notes.append(t("debrief.other_role", role=casus.role))
    people = [_answers(r) for r in records]
    expects = expectations(casus, compiled)
    n = len(records)

    items = [
        _item_point(e, people, casus.role) for e in expects if not e.id.startswith("afweging_")
    ]
    by_id = {e.id: e for e in expects}
    paths = [record_path(r["decision"]) for r in records]
    afwegingen = []
    for i in range(5):
        want = casus.key.path[i]
        chars = Counter(p[i] for p in paths)
        rows = [
            Row(t(_PATH_LABEL[c]), chars.get(c, 0), c == want)
            for c in "JN-?"
            if chars.get(c, 0) or c == want
        ]
        e = by_id.get(f"afweging_{i + 1}")
        nl, en = AFWEGING_NODES[f"a{i + 1}"]
        afwegingen.append(
            Point(
                f"afweging_{i + 1}",
                en if get_lang() == "en" else nl,
                rows,
                n,
                chars.get(want, 0),
                e.key.explanation if e else None,
                e.key.source if e else None,
            )
        )
    parts = expected_parts(casus.key.decision)
    decision_rows = [
        Row(
            t(f"decision.{name}"),
            sum(1 for r in records if r["decision"][name]),
            parts[i],
        )
        for i, name in enumerate(("melden", "hulp", "afsluiten"))
    ]
    outcomes = [
        "+".join(p for p in ("melden", "hulp", "afsluiten") if r["decision"][p]) for r in records
    ]
    decision = Point(
        "decision",
        t("debrief.decision"),
        decision_rows,
        n,
        sum(1 for o in outcomes if o == casus.key.decision),
        casus.key.explanation,
        casus.key.source,
    )
    path_counts = Counter(paths)
    path_rows = [
        Row(p, c, p == casus.key.path)
        for p, c in sorted(path_counts.items(), key=lambda x: (-x[1], x[0]))
    ]
    if casus.key.path not in path_counts:
        path_rows.append(Row(casus.key.path, 0, True))
    path_point = Point("path", t("debrief.path"), path_rows, n, path_counts.get(casus.key.path, 0))
    participants = []
    check_counts: dict[str, list[int]] = {}
    for r, (answers, asked), outcome, path in zip(records, people, outcomes, paths, strict=True):
        found = [judge(e, answers.get(e.id), asked=e.id in asked) for e in expects]
        prof = r["provenance"].get("professional") or {}
        fired = (r.get("checks") or {}).get("fired") or []
        for c in fired:
            cnt = check_counts.setdefault(str(c.get("id")), [0, 0])
            cnt[0] += 1
            cnt[1] += 1 if c.get("justification") else 0
        participants.append(
            Participant(
                str(r["provenance"]["case"]),
                prof.get("name") or alias_of_label(str(r["provenance"]["case"])),
                outcome,
                path,
                sum(1 for f in found if f.ok),
                len(found),
                outcome == casus.key.decision and path == casus.key.path,
                len(fired),
                sum(1 for c in fired if c.get("justification")),
            )
        )
    result = Debrief(casus, compiled, participants, decision, path_point, items, afwegingen, notes)
    result.checks = {k: (v[0], v[1]) for k, v in sorted(check_counts.items())}
    return result


# --- text -----------------------------------------------------------------------------------


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _bar(count: int, total: int, width: int = BAR) -> str:
    if total <= 0 or count <= 0:
        return ""
    return "█" * max(1, round(count / total * width))


def _point_lines(p: Point, compiled: CompiledProtocol) -> list[Line]:
    lines: list[Line] = [("", ""), (_clip(p.title, 96), "bold")]
    if p.matching is not None:
        lines.append(("  " + t("debrief.matching", ok=p.matching, n=p.total), "magenta"))
    for r in p.rows:
        mark = ""
        style = ""
        if r.expected:
            mark, style = "← " + t("debrief.key"), "bold green"
        elif r.avoid:
            mark, style = "← " + t("debrief.avoid"), "yellow"
        label = _clip(r.label, LABEL)
        lines.append(
            (
                f"  {label:<{LABEL}} {_bar(r.count, p.total):<{BAR}} {r.count:>3}  {mark}".rstrip(),
                style,
            )
        )
    if p.explanation:
        lead = "  " + t("train.why") + ": "
        for line in textwrap.wrap(
            " ".join(p.explanation.split()),
            96,
            initial_indent=lead,
            subsequent_indent=" " * len(lead),
            break_long_words=False,
            break_on_hyphens=False,
        ):
            lines.append((line, "dim"))
    if p.source:
        lines.append(("  " + t("train.source") + ": " + source_line(compiled, p.source), "dim"))
    return lines


def text_lines(d: Debrief, *, names: bool = False) -> list[Line]:
    c = d.casus
    bar = "═" * 72
    lines: list[Line] = [
        (bar, "bold magenta"),
        (" " + t("debrief.banner"), "bold magenta"),
        (" " + t("debrief.title", title=c.title, id=c.id), "bold"),
        (" " + t("debrief.meta", protocol=d.compiled.id, role=c.role, n=d.n), ""),
        (bar, "bold magenta"),
    ]
    for note in d.notes:
        lines.append(("! " + note, "yellow"))
    lines += _point_lines(d.decision, d.compiled)
    lines += _point_lines(d.paths, d.compiled)
    if d.items:
        lines += [("", ""), (t("debrief.items"), "bold magenta")]
        for p in d.items:
            lines += _point_lines(p, d.compiled)
    lines += [("", ""), (t("debrief.afwegingen"), "bold magenta")]
    for p in d.afwegingen:
        lines += _point_lines(p, d.compiled)
    if d.checks:
        lines += [("", ""), (t("debrief.checks"), "bold magenta")]
        for cid, (fired, justified) in d.checks.items():
            lines.append(
                (f"  {cid}: " + t("debrief.check_count", n=fired, j=justified, of=d.n), "")
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
            count = t("debrief.check_count", n=fired, j=justified, of=d.n)
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
    from meldcode_cli.walk.casestore import atomic_write

    if fmt == "html":
        text = format_html(d, names=names)
    else:
        lines = text_lines(d, names=names)
        text = "\n".join(line for line, _ in lines) + "\n"
        if output is None:
            from rich.text import Text

            from meldcode_cli.console import out

            console = out()
            for line, style in lines:
                console.print(Text(line, style=style), markup=False, highlight=False, emoji=False)
            return
    if output is None:
        from meldcode_cli.console import print_text

        print_text(text)
        return
    try:
        atomic_write(output, text.encode("utf-8"))
    except Exception as e:  # CaseError: a clear message, exit 2
        raise UsageError(str(getattr(e, "message", e))) from None
    from meldcode_cli.console import print_error

    print_error(t("debrief.written", path=output))
