"""The advice summary's check (``--advies``): no identifying value may be shown. The
values known to identify someone (the betrokkenen, the melder, the case label) are looked
for as whole words in every spelling they may take; what looks like a postcode, phone
number, BSN, e-mail, street with number or date of birth is found by
:mod:`meldcode_cli.privacy.leakcheck`. A finding says what and where, never the value."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from meldcode_cli.i18n.messages import t
from meldcode_cli.record.model import Record
from meldcode_cli.report.betrokkenen import Betrokkenen, Hulpverlener, Netwerklid, Persoon
from meldcode_cli.report.model import Report
from meldcode_cli.report.records import ReportRefused

if TYPE_CHECKING:
    from meldcode_cli.privacy.leakcheck import Known

__all__ = ["Identifying", "check_advies", "find_leaks", "identifying_values", "known_values"]


_PARTICLES = frozenset(
    (
        *("van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "el", "al"),
        *("la", "le", "du", "da", "di", "von", "vom", "zu", "bin", "ben", "ibn", "dr"),
        *("drs", "mr", "ir", "ing", "prof", "dhr", "mevr", "mw", "mevrouw", "meneer", "heer"),
    )
)
_MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "january february march april may june july august september october november december",
}


def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _contains(haystack: list[str], needle: list[str]) -> bool:
    if not needle or len(needle) > len(haystack):
        return False
    first = needle[0]
    n = len(needle)
    return any(
        haystack[i] == first and haystack[i : i + n] == needle for i in range(len(haystack) - n + 1)
    )


def _digit_runs(text: str) -> list[str]:
    return [re.sub(r"\D", "", m.group()) for m in re.finditer(r"\d[\d\s./()+-]*\d", text)]


@dataclass(frozen=True)
class Identifying:
    """One identifying value and the forms it may take in a text."""

    where: str
    variants: tuple[tuple[str, ...], ...]
    digits: str | None = None
    case_label: bool = False
    """The value is the case label (a pseudonym, which a journal entry may show)."""


def _value(where: str, value: str, *, name: bool = False, parts: bool = False) -> list[Identifying]:
    variants = [tuple(_tokens(value))]
    if name:  # a first name or surname alone identifies too
        variants += [(p,) for p in _tokens(value) if len(p) >= 3 and p not in _PARTICLES]
    if parts:  # "Kerkstraat 12, 1234 AB Utrecht": each part
        variants += [tuple(_tokens(p)) for p in re.split(r"[,;\n]", value) if len(p.strip()) >= 3]
    digits = re.sub(r"\D", "", value)
    return [
        Identifying(
            where,
            tuple(dict.fromkeys(v for v in variants if v)),
            digits if len(digits) >= 6 else None,
        )
    ]


def _date_value(where: str, d: dt.date) -> Identifying:
    y, m, dd = str(d.year), f"{d.month:02d}", f"{d.day:02d}"
    variants = [(y, m, dd), (dd, m, y), (str(d.day), str(d.month), y), (dd, m, y[2:])]
    for names in _MONTHS.values():
        month = names.split()[d.month - 1]
        variants += [(str(d.day), month, y), (dd, month, y)]
    return Identifying(where, tuple(dict.fromkeys(variants)), f"{dd}{m}{y}")


def identifying_values(record: Record | None, people: Betrokkenen | None) -> list[Identifying]:
    """Every value the advice summary must not show: each string value from the
    betrokkenen file except the descriptive ``rol``, ``relatie`` and ``gezag``; birth dates
    in their usual spellings; the melder's name, registration and contact; the case label."""
    out = _people_values(people) if people is not None else []
    if record is not None:
        out += _record_values(record)
    return out


def _people_values(people: Betrokkenen) -> list[Identifying]:
    out: list[Identifying] = []
    for n, p in enumerate(people.betrokkenen, 1):
        where = t("report.leak.person", n=n)
        out += _fields(where, p, ())
        if p.geboortedatum:
            out.append(_date_value(f"{where}: geboortedatum", p.geboortedatum))
        out += _fields(where, p, ("adres", "telefoon", "email", "school"), name=False)
    for n, m in enumerate(people.netwerk, 1):
        out += _fields(t("report.leak.netwerk", n=n), m, ("telefoon", "toelichting"))
    for n, h in enumerate(people.hulpverleners, 1):
        out += _fields(t("report.leak.hulpverlener", n=n), h, ("organisatie", "telefoon"))
    if people.overige_informatie:
        out += _value(t("report.leak.overig"), people.overige_informatie)
    return out


def _fields(
    where: str, who: Persoon | Netwerklid | Hulpverlener, keys: Iterable[str], *, name: bool = True
) -> list[Identifying]:
    """The name (whole and in parts, unless ``name`` is false) and the given fields."""
    out: list[Identifying] = []
    if name and who.naam:
        out += _value(f"{where}: naam", who.naam, name=True)
    for key in keys:
        value = getattr(who, key)
        if value:
            out += _value(f"{where}: {key}", value, parts=key == "adres")
    return out


def _record_values(record: Record) -> list[Identifying]:
    """The melder's own name, contact and registration, and the case label."""
    out: list[Identifying] = []
    prof = record.provenance.professional
    if prof is not None and prof.name:
        out += _value(t("report.leak.melder_naam"), prof.name, name=True)
    for key in ("contact", "registration"):
        value = getattr(prof, key) if prof is not None else None
        if value:
            out += _value(t(f"report.leak.melder_{key}"), value)
    if record.case:
        out += [
            dataclasses.replace(v, case_label=True)
            for v in _value(t("report.leak.case"), record.case)
        ]
    return out


def known_values(record: Record, people: Betrokkenen | None) -> list[Known]:
    """The values :mod:`leakcheck` must not find: every name, birth date and contact in the
    betrokkenen, the melder's name, organisation and contact, and the case label."""
    from meldcode_cli.privacy.leakcheck import Known

    out = _known_people(people) if people is not None else []
    prof = record.provenance.professional
    if prof is not None and prof.name:
        out.append(Known(t("report.leak.melder_naam"), prof.name, "name"))
    if prof is not None and prof.organisation:
        out.append(Known("melder: organisatie", prof.organisation, "organisation"))
    for key in ("contact", "registration"):
        value = getattr(prof, key) if prof is not None else None
        if value:
            out.append(Known(t(f"report.leak.melder_{key}"), value, "text"))
    if record.case:
        out.append(Known(t("report.leak.case"), record.case, "label"))
    return out


def _known_people(people: Betrokkenen) -> list[Known]:
    from meldcode_cli.privacy.leakcheck import Known

    out: list[Known] = []
    for n, p in enumerate(people.betrokkenen, 1):
        where = t("report.leak.person", n=n)
        if p.naam:
            out.append(Known(f"{where}: naam", p.naam, "name"))
        if p.geboortedatum:
            out.append(Known(f"{where}: geboortedatum", p.geboortedatum.isoformat(), "date"))
        for key in ("adres", "telefoon", "email", "school"):
            if getattr(p, key):
                out.append(Known(f"{where}: {key}", getattr(p, key), "text"))
    for n, m in enumerate(people.netwerk, 1):
        where = t("report.leak.netwerk", n=n)
        if m.naam:
            out.append(Known(f"{where}: naam", m.naam, "name"))
        if m.telefoon:
            out.append(Known(f"{where}: telefoon", m.telefoon, "text"))
    for n, h in enumerate(people.hulpverleners, 1):
        where = t("report.leak.hulpverlener", n=n)
        if h.naam:
            out.append(Known(f"{where}: naam", h.naam, "name"))
        if h.organisatie:
            out.append(Known(f"{where}: organisatie", h.organisatie, "organisation"))
        if h.telefoon:
            out.append(Known(f"{where}: telefoon", h.telefoon, "text"))
    return out


def find_leaks(text: str, values: list[Identifying]) -> list[str]:
    """Which identifying values occur in ``text`` (as whole words, in any case)."""
    tokens = _tokens(text)
    runs = _digit_runs(text)
    found = []
    for v in values:
        if any(_contains(tokens, list(variant)) for variant in v.variants) or (
            v.digits is not None and any(v.digits in run for run in runs)
        ):
            found.append(v.where)
    return list(dict.fromkeys(found))


def _entry_texts(report: Report) -> Iterable[tuple[str, str]]:
    for s in report.sections:
        for b in s.blocks:
            for e in b.entries:
                texts = [e.label, e.value, *e.items, e.meta or ""]
                texts += [x for n in e.notes for x in (n.text, n.meta)]
                yield s.title, "\n".join(texts)
        for line in s.intro:
            yield s.title, line


def check_advies(
    report: Report,
    output: str,
    values: list[Identifying],
    fmt: str,
    known: list[Known] | None = None,
) -> None:
    """Refuse (ReportRefused) when an identifying value is in the advice summary: the
    known values (betrokkenen, melder, organisation, case label) and, known or not, what
    looks like a postcode, phone number, BSN, e-mail, street with number or date of birth
    (:mod:`leakcheck`). Says what and where, never the value."""
    from meldcode_cli.privacy.leakcheck import find_identifiers

    problems: list[str] = []
    for section, text in _entry_texts(report):
        problems += [
            t("report.leak.in", where=w, section=section) for w in find_leaks(text, values)
        ]
        for f in find_identifiers(text, known or []):
            problems.append(t("report.leak.in", where=f"{f.what} ({f.where})", section=section))
    plain = html.unescape(re.sub(r"<[^>]*>", " ", output)) if fmt == "html" else output
    for w in find_leaks(plain, values):
        line = t("report.leak.in", where=w, section=report.title)
        if not any(p.startswith(w + " ") for p in problems):
            problems.append(line)
    if problems:
        raise ReportRefused(
            t("report.leak.refused")
            + "\n"
            + "\n".join(f"  - {p}" for p in dict.fromkeys(problems))
            + "\n"
            + t("report.leak.hint")
        )
