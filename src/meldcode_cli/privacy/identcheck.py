"""Does free text look like it holds a name, date of birth, BSN, phone number or address?

One seam, :func:`find_identifiers`, used by ``journaal`` and ``report --advies`` to warn
(never to pass silently). It reuses the known-value check of :mod:`meldcode_cli.report.leaks`
(values from the betrokkenen file, the melder, the case label) and adds a few shape
patterns for values the tool was never told. It is a heuristic: it can miss and it can
warn for nothing; the message says so. When a hardened detector lands, point this one
function at it.

What it shares with :mod:`.leakcheck` (the BSN 11-proef, whether a day exists) is
leakcheck's. The shape patterns are not shared on purpose: this warning quotes what it
found from the text as typed (case matters: ``Jansen`` after ``mevrouw`` is a name, a
postcode is written ``1234 AB``), while the leak check refuses on the normalised text and
never repeats a value; one set of patterns would change what either finds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from meldcode_cli.i18n.messages import t
from meldcode_cli.privacy.leakcheck import elfproef, valid_date

if TYPE_CHECKING:
    from meldcode_cli.record.model import Record

__all__ = ["Finding", "find_identifiers", "free_text_findings", "warning_lines"]


@dataclass(frozen=True)
class Finding:
    kind: str  # naam | geboortedatum | bsn | telefoon | adres | bekend
    excerpt: str
    where: str = ""


_PHONE = re.compile(r"(?<![\d])(?:\+31|0031|0)[\s-]?[1-9](?:[\s-]?\d){8}(?!\d)")
_NINE = re.compile(r"(?<!\d)(?<!\d\.)\d(?:[.\s]?\d){8}(?!\d)(?!\.\d)")
_POSTCODE = re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b")
_STREET = re.compile(
    r"\b[A-Z][a-zà-ÿ]+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef)"
    r"\s+\d+[a-zA-Z]?\b"
)
_TITLE_NAME = re.compile(
    r"\b(?i:mevrouw|mevr\.?|mw\.?|meneer|mijnheer|dhr\.?|de heer)\s+(?:[A-Z]\.\s?)*"
    r"(?:(?:van|de|der|den|ter|ten)\s+)*[A-Z][a-zà-ÿ'-]+"
)
_NAME_LABEL = re.compile(r"\b(?i:naam|name)\s*:\s*[A-Z][a-zà-ÿ'-]+")
_DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_DATE_YMD = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_BORN = re.compile(r"\b(?:geboren|geb\.|born)\s*(?:op\s*)?\d", re.IGNORECASE)


def _old_date(year: int, month: int, day: int, today: dt.date) -> bool:
    # an event date is recent; a date of birth mostly not
    return valid_date(day, month, year) and year <= today.year - 2


def _shapes(text: str, today: dt.date) -> list[Finding]:
    out: list[Finding] = []
    for m in _PHONE.finditer(text):
        out.append(Finding("telefoon", m.group()))
    for m in _NINE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if elfproef(digits) and not any(f.excerpt == m.group() for f in out):
            out.append(Finding("bsn", m.group()))
    for pattern in (_POSTCODE, _STREET):
        out += [Finding("adres", m.group()) for m in pattern.finditer(text)]
    for pattern in (_TITLE_NAME, _NAME_LABEL):
        out += [Finding("naam", m.group()) for m in pattern.finditer(text)]
    for m in _DATE_DMY.finditer(text):
        d, mo, y = (int(x) for x in m.groups())
        if _old_date(y, mo, d, today):
            out.append(Finding("geboortedatum", m.group()))
    for m in _DATE_YMD.finditer(text):
        y, mo, d = (int(x) for x in m.groups())
        if _old_date(y, mo, d, today):
            out.append(Finding("geboortedatum", m.group()))
    out += [Finding("geboortedatum", m.group()) for m in _BORN.finditer(text)]
    return out


def find_identifiers(
    text: str, known: Iterable[Any] = (), *, today: dt.date | None = None
) -> list[Finding]:
    """What in ``text`` looks identifying: ``known`` values (report.Identifying) that occur,
    and shapes of names, dates of birth, BSN, phone numbers and addresses."""
    from meldcode_cli.report.leaks import find_leaks

    found = [Finding("bekend", where) for where in find_leaks(text, list(known))]
    found += _shapes(text, today or dt.date.today())
    return list(dict.fromkeys(found))


def _free_texts(record: Record) -> Iterable[tuple[str, str]]:
    """(where, text) of every free text in a record: text answers, notes, the reason of an
    override."""
    for step in record.steps:
        for item in step.items:
            label = " ".join(item.text.split())
            if len(label) > 32:
                label = label[:31].rstrip() + "…"
            where = t("ident.where", step=step.step, label=label)
            if item.kind == "text" and isinstance(item.answer, str):
                yield where, item.answer
            for note in item.notes:
                yield t("ident.where_note", where=where), note.text
    if record.override is not None and record.override.reason:
        yield t("ident.where_override"), record.override.reason


def free_text_findings(
    record: Record, known: Iterable[Any] = (), *, today: dt.date | None = None
) -> list[Finding]:
    """What looks identifying in the free texts of ``record`` (see :func:`find_identifiers`)."""
    values = list(known)
    out: list[Finding] = []
    for where, text in _free_texts(record):
        for f in find_identifiers(text, values, today=today):
            out.append(Finding(f.kind, f.excerpt, where))
    return out


def warning_lines(findings: list[Finding]) -> list[str]:
    """The warning to print (empty when nothing was found)."""
    if not findings:
        return []
    import os
    import sys
    import textwrap

    try:  # the warning goes to stderr: its terminal's width
        columns = int(os.environ.get("COLUMNS") or os.get_terminal_size(sys.stderr.fileno())[0])
    except (OSError, ValueError, AttributeError):
        columns = 100
    width = max(40, columns - 1)
    lines = textwrap.wrap(t("ident.warning"), width)
    for f in findings:
        what = t(f"ident.kind.{f.kind}")
        if f.kind == "bekend":
            line = f"  - {f.where}: {what} ({f.excerpt})"
        else:
            line = f"  - {f.where}: {what}: '{f.excerpt}'"
        lines += textwrap.wrap(line, width, subsequent_indent="    ")
    lines += textwrap.wrap(t("ident.hint"), width)
    return lines
