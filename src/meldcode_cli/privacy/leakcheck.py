"""Does a text identify someone? The leak check of ``report --advies`` (and of any output
meant to be shared without names: ``journaal``, ``consult``, ``monitor``).

Small API::

    find_identifiers(text, known) -> list[Finding]

``known`` are the values that must not appear (names, birth dates, addresses, phone
numbers, the organisation, the case label), each with where it comes from. Matching is done
on a normalised text — Unicode NFKC, soft hyphens and zero-width characters removed,
common Cyrillic/Greek homoglyphs mapped to Latin, diacritics and case folded — and
token-wise, so ``Jansen's``, ``Jansens``, ``Jansen-de Vries``, ``J\u00adansen`` and ``Jаnsen``
(Cyrillic a) all match the name Jansen. Independently of ``known``, patterns find Dutch
postcodes, phone numbers, BSNs (11-proef), e-mail addresses, a street with a house number
and dates of birth (a full date with a past year, or any date next to "geboren"), and names
written with initials or a title ("A. Jansen", "mevrouw Jansen").

A finding says **what** and **where** (the source of the known value, the line), never the
value itself: the message may end up in a log.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Finding", "Known", "find_identifiers", "normalise", "tokens"]


@dataclass(frozen=True)
class Known:
    """A value that must not appear. ``kind``: name, text, date (ISO), digits."""

    where: str
    value: str
    kind: str = "text"


@dataclass(frozen=True)
class Finding:
    what: str
    where: str
    line: int


_INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e\u200e\u200f\u2061\u2062\u2063"), None
)
_HOMOGLYPHS = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
        "ԛ": "q", "ԝ": "w", "ɡ": "g", "ӏ": "l",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
        # Greek
        "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "υ": "u",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
        # typographic
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
        "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u202f": " ",
    }
)  # fmt: skip


def normalise(text: str) -> str:
    """NFKC, invisible characters removed, homoglyphs mapped, diacritics and case folded."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_HOMOGLYPHS)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    """Words of the normalised text; hyphens, apostrophes and spaces separate."""
    return _TOKEN.findall(normalise(text))


_PARTICLES = "van de der den het ter ten te la le du dos da di el al in op t s y en von zu"
PARTICLES = frozenset(_PARTICLES.split())
_ORG = """praktijk huisartsenpraktijk huisarts huisartsen stichting school basisschool
    politie team afdeling gemeente centrum zorg ggd wijkteam jeugdzorg ziekenhuis kliniek
    bv b v vereniging groep dienst bureau oost west noord zuid en het de"""
ORG_WORDS = frozenset(_ORG.split())

_MONTHS = [
    ("januari", "jan", "january"),
    ("februari", "feb", "february"),
    ("maart", "mrt", "march", "mar"),
    ("april", "apr"),
    ("mei", "may"),
    ("juni", "jun", "june"),
    ("juli", "jul", "july"),
    ("augustus", "aug", "august"),
    ("september", "sep", "sept"),
    ("oktober", "okt", "october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
]
MONTH_NUMBER = {name: i + 1 for i, names in enumerate(_MONTHS) for name in names}
_MONTH_RE = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))


def _line_of(norm: str, index: int) -> int:
    return norm.count("\n", 0, index) + 1


def _contains(hay: list[str], needle: list[str]) -> int:
    """Index of ``needle`` as a token run in ``hay``, or -1."""
    n = len(needle)
    if not n:
        return -1
    first = needle[0]
    for i, tok in enumerate(hay):
        if tok == first and hay[i : i + n] == needle:
            return i
    return -1


def _name_forms(token: str) -> set[str]:
    """A name token and its possessive forms (Jansens, Jans for Jan)."""
    return {token, token + "s", token + "se"}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", normalise(text).replace("+31", "0").replace("0031", "0"))


def _date_token_runs(d: dt.date) -> list[list[str]]:
    y, yy = str(d.year), f"{d.year % 100:02d}"
    days = {str(d.day), f"{d.day:02d}"}
    months = {str(d.month), f"{d.month:02d}"} | set(_MONTHS[d.month - 1])
    runs: list[list[str]] = []
    for day in days:
        for m in months:
            runs += [[day, m, y], [day, m, yy], [y, m, day], [m, day, y], [day, m]]
    return [r for r in runs if not (len(r) == 2 and r[1].isdigit())]  # "12 4" alone: too weak


_DATE_NUMERIC = re.compile(r"\b(\d{1,4})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?('?\d{2,4})\b")
_DATE_WORDS = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\.?\s+('?\d{{2}}|\d{{4}})\b")
_DATE_EN = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_BIRTH_WORDS = re.compile(r"\b(geboren|geb|geboortedatum|born|dob|date of birth)\b")
_POSTCODE = re.compile(r"\b[1-9]\d{3}\s?[a-z]{2}\b")
_PHONE = re.compile(r"(?<![\d+])(?:\+31|0031|0)[\s-]?(?:\(0\)[\s-]?)?[1-9](?:[\s-]?\d){8}(?!\d)")
_EMAIL = re.compile(r"[a-z0-9._%+-]+\s?@\s?[a-z0-9.-]+\.[a-z]{2,}")
_STREET = re.compile(
    r"\b[a-z]{2,}(?:straat|laan|weg|plein|gracht|kade|singel|dijk|pad|steeg|hof|dreef|baan|"
    r"markt|wal|plantsoen|park|erf|boulevard|lei|dwarsstraat)\s+\d{1,5}(?:\s?[a-z]{1,3}\b|"
    r"-\d+|\s?-?\s?(?:bis|hs|huis|boven|beneden))?"
)
_NINE_DIGITS = re.compile(
    r"(?<![\d.])(?:\d{3}[.\s]?\d{2}[.\s]?\d{2}[.\s]?\d{2}|\d{4}[.\s]\d{2}[.\s]\d{3}|\d{9})(?!\d)"
)
_TITLED = re.compile(
    r"\b(?:mevrouw|mevr|mw|meneer|mr|dhr|de heer|mrs|ms|miss)\.?\s+(?:[a-z]\.\s?)*"
    r"(?:(?:van|de|der|den|ter|ten)\s+)*([a-z]{2,})"
)
_INITIALS = re.compile(
    r"(?<![a-z.])((?:[A-Z]\.\s?){1,4})\s?((?:(?:van|de|der|den|ter|ten)\s)*)([A-Z][a-z]{2,})"
)
_TITLE_NOT_NAMES = frozenset(["en", "of", "de", "het", "een", "die", "deze", "uw", "is", "was"])


def _elfproef(digits: str) -> bool:
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(int(c) * w for c, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def _valid_date(day: int, month: int, year: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _year(text: str) -> int:
    y = int(text.lstrip("'"))
    if len(text.lstrip("'")) == 2:
        y += 1900 if y > (dt.date.today().year % 100) else 2000
    return y


def _birth_dates(norm: str, today: dt.date) -> list[int]:
    """Offsets of dates that look like a date of birth: a full date with a year at least
    two years ago, or any date within a few words of 'geboren'/'born'."""
    out = []
    for m in _DATE_NUMERIC.finditer(norm):
        a, b, c = m.group(1), m.group(2), m.group(3)
        if len(a) == 4:
            y, mo, d = int(a), int(b), int(c.lstrip("'")) if c.lstrip("'").isdigit() else 0
        else:
            d, mo, y = int(a), int(b), _year(c)
        if _valid_date(d, mo, y) and (y <= today.year - 2 or _near_birth(norm, m.start())):
            out.append(m.start())
    for m in _DATE_WORDS.finditer(norm):
        d, mo, y = int(m.group(1)), MONTH_NUMBER[m.group(2)], _year(m.group(3))
        if _valid_date(d, mo, y) and (y <= today.year - 2 or _near_birth(norm, m.start())):
            out.append(m.start())
    for m in _DATE_EN.finditer(norm):
        mo, d, y = MONTH_NUMBER[m.group(1)], int(m.group(2)), int(m.group(3))
        if _valid_date(d, mo, y) and (y <= today.year - 2 or _near_birth(norm, m.start())):
            out.append(m.start())
    return out


def _near_birth(norm: str, index: int) -> bool:
    return bool(_BIRTH_WORDS.search(norm[max(0, index - 40) : index]))


def find_identifiers(  # noqa: C901, PLR0912, PLR0915 - issue 14: to split
    text: str, known: list[Known] | tuple[Known, ...] = (), *, today: dt.date | None = None
) -> list[Finding]:
    """Every identifying value or pattern in ``text`` (see the module text)."""
    today = today or dt.date.today()
    clean = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_HOMOGLYPHS)
    norm = normalise(text)
    spans = [(m.start(), m.group()) for m in _TOKEN.finditer(norm)]
    toks = [s for _, s in spans]
    tokset = set(toks)
    found: list[Finding] = []

    def add(what: str, where: str, index: int) -> None:
        found.append(Finding(what, where, _line_of(norm, index)))

    def at(i: int) -> int:
        return spans[i][0] if 0 <= i < len(spans) else 0

    digit_text = _digits(text)
    for k in known:
        value = k.value.strip()
        if not value:
            continue
        if k.kind == "date":
            try:
                d = dt.date.fromisoformat(value)
            except ValueError:
                continue
            for run in _date_token_runs(d):
                i = _contains(toks, run)
                if i >= 0:
                    add("geboortedatum", k.where, at(i))
                    break
            continue
        vt = tokens(value)
        i = _contains(toks, vt)
        if i >= 0:
            what = {"name": "naam", "organisation": "organisatie", "label": "casuslabel"}
            add(what.get(k.kind, "gegeven"), k.where, at(i))
            continue
        if k.kind == "label":  # a label of one word ("Pietje", "pietje2") is a name
            words = [t for t in vt if t.isalpha()]
            if len(words) == 1 and len(words[0]) >= 3 and _name_forms(words[0]) & tokset:
                j = next(j for j, t in enumerate(toks) if t in _name_forms(words[0]))
                add("naam", k.where, at(j))
            continue
        if k.kind in ("name", "organisation"):
            skip = PARTICLES | (ORG_WORDS if k.kind == "organisation" else frozenset())
            minimum = 2 if k.kind == "name" else 4
            hit = next(
                (t for t in vt if len(t) >= minimum and t not in skip and _name_forms(t) & tokset),
                None,
            )
            if hit is not None:
                j = next(j for j, t in enumerate(toks) if t in _name_forms(hit))
                add("naam" if k.kind == "name" else "organisatie", k.where, at(j))
                continue
        digits = re.sub(r"\D", "", value.replace("+31", "0").replace("0031", "0"))
        if len(digits) >= 6 and digits in digit_text:
            add(k.kind if k.kind != "text" else "nummer", k.where, 0)
    # patterns, known or not
    for m in _POSTCODE.finditer(norm):
        add("postcode", "tekst", m.start())
    for m in _PHONE.finditer(norm):
        add("telefoonnummer", "tekst", m.start())
    for m in _EMAIL.finditer(norm):
        add("e-mailadres", "tekst", m.start())
    for m in _STREET.finditer(norm):
        add("straat met huisnummer", "tekst", m.start())
    for m in _NINE_DIGITS.finditer(norm):
        if _elfproef(re.sub(r"\D", "", m.group())):
            add("BSN", "tekst", m.start())
    for index in _birth_dates(norm, today):
        add("geboortedatum", "tekst", index)
    for m in _TITLED.finditer(norm):
        if m.group(1) not in _TITLE_NOT_NAMES:
            add("naam (met aanhef)", "tekst", m.start())
    for m in _INITIALS.finditer(clean):
        add("naam (met voorletters)", "tekst", m.start())
    unique: dict[tuple[str, str, int], Finding] = {}
    for f in found:
        unique.setdefault((f.what, f.where, f.line), f)
    return list(unique.values())
