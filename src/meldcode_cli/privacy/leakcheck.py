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

__all__ = ["Finding", "Known", "elfproef", "find_identifiers", "normalise", "tokens", "valid_date"]


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


def elfproef(digits: str) -> bool:
    """The 11-proef of a BSN (nine digits)."""
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(int(c) * w for c, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def valid_date(day: int, month: int, year: int) -> bool:
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
        if valid_date(d, mo, y) and (y <= today.year - 2 or _near_birth(norm, m.start())):
            out.append(m.start())
    for m in _DATE_WORDS.finditer(norm):
        d, mo, y = int(m.group(1)), MONTH_NUMBER[m.group(2)], _year(m.group(3))
        if valid_date(d, mo, y) and (y <= today.year - 2 or _near_birth(norm, m.start())):
            out.append(m.start())
    for m in _DATE_EN.finditer(norm):
        mo, d, y = MONTH_NUMBER[m.group(1)], int(m.group(2)), int(m.group(3))
        if valid_date(d, mo, y) and (y <= today.year - 2 or _near_birth(norm, m.start())):
            out.append(m.start())
    return out


def _near_birth(norm: str, index: int) -> bool:
    return bool(_BIRTH_WORDS.search(norm[max(0, index - 40) : index]))


@dataclass
class _Scan:
    """One text being checked: its normalised form, tokens and what was found so far."""

    norm: str
    clean: str
    """NFKC, invisible characters removed, homoglyphs mapped; case kept (for initials)."""
    starts: list[int]
    toks: list[str]
    tokset: set[str]
    digits: str
    found: list[Finding]

    @classmethod
    def of(cls, text: str) -> _Scan:
        norm = normalise(text)
        spans = [(m.start(), m.group()) for m in _TOKEN.finditer(norm)]
        toks = [s for _, s in spans]
        clean = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_HOMOGLYPHS)
        return cls(norm, clean, [i for i, _ in spans], toks, set(toks), _digits(text), [])

    def add(self, what: str, where: str, index: int) -> None:
        self.found.append(Finding(what, where, _line_of(self.norm, index)))

    def at(self, i: int) -> int:
        """The offset of token ``i`` (0 when there is none)."""
        return self.starts[i] if 0 <= i < len(self.starts) else 0

    def first_form(self, name: str) -> int:
        """The offset of the first token that is ``name`` or a possessive form of it."""
        forms = _name_forms(name)
        return self.at(next(j for j, t in enumerate(self.toks) if t in forms))


_WHAT = {"name": "naam", "organisation": "organisatie", "label": "casuslabel"}


def _known_date(scan: _Scan, k: Known, value: str) -> None:
    try:
        d = dt.date.fromisoformat(value)
    except ValueError:
        return
    for run in _date_token_runs(d):
        i = _contains(scan.toks, run)
        if i >= 0:
            scan.add("geboortedatum", k.where, scan.at(i))
            return


def _known_value(scan: _Scan, k: Known) -> None:
    """``k`` as a token run; a one-word label, a name or an organisation also by its
    words; a number by its digits."""
    value = k.value.strip()
    if not value:
        return
    if k.kind == "date":
        _known_date(scan, k, value)
        return
    vt = tokens(value)
    i = _contains(scan.toks, vt)
    if i >= 0:
        scan.add(_WHAT.get(k.kind, "gegeven"), k.where, scan.at(i))
        return
    if k.kind == "label":  # a label of one word ("Pietje", "pietje2") is a name
        words = [t for t in vt if t.isalpha()]
        if len(words) == 1 and len(words[0]) >= 3 and _name_forms(words[0]) & scan.tokset:
            scan.add("naam", k.where, scan.first_form(words[0]))
        return
    if k.kind in ("name", "organisation"):
        skip = PARTICLES | (ORG_WORDS if k.kind == "organisation" else frozenset())
        minimum = 2 if k.kind == "name" else 4
        hit = next(
            (t for t in vt if len(t) >= minimum and t not in skip and _name_forms(t) & scan.tokset),
            None,
        )
        if hit is not None:
            scan.add("naam" if k.kind == "name" else "organisatie", k.where, scan.first_form(hit))
            return
    digits = re.sub(r"\D", "", value.replace("+31", "0").replace("0031", "0"))
    if len(digits) >= 6 and digits in scan.digits:
        scan.add(k.kind if k.kind != "text" else "nummer", k.where, 0)


_SHAPES = (
    (_POSTCODE, "postcode"),
    (_PHONE, "telefoonnummer"),
    (_EMAIL, "e-mailadres"),
    (_STREET, "straat met huisnummer"),
)


def _patterns(scan: _Scan, today: dt.date) -> None:
    """Known or not: postcodes, phone numbers, e-mail addresses, streets with a number,
    BSNs, dates of birth, names with a title or initials."""
    norm = scan.norm
    for pattern, what in _SHAPES:
        for m in pattern.finditer(norm):
            scan.add(what, "tekst", m.start())
    for m in _NINE_DIGITS.finditer(norm):
        if elfproef(re.sub(r"\D", "", m.group())):
            scan.add("BSN", "tekst", m.start())
    for index in _birth_dates(norm, today):
        scan.add("geboortedatum", "tekst", index)
    for m in _TITLED.finditer(norm):
        if m.group(1) not in _TITLE_NOT_NAMES:
            scan.add("naam (met aanhef)", "tekst", m.start())
    for m in _INITIALS.finditer(scan.clean):
        scan.add("naam (met voorletters)", "tekst", m.start())


def find_identifiers(
    text: str, known: list[Known] | tuple[Known, ...] = (), *, today: dt.date | None = None
) -> list[Finding]:
    """Every identifying value or pattern in ``text`` (see the module text)."""
    scan = _Scan.of(text)
    for k in known:
        _known_value(scan, k)
    _patterns(scan, today or dt.date.today())
    unique: dict[tuple[str, str, int], Finding] = {}
    for f in scan.found:
        unique.setdefault((f.what, f.where, f.line), f)
    return list(unique.values())
