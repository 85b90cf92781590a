"""Is a typed reference a pseudonymous kenmerk, or does it look like a name?

Used for text items with ``format: kenmerk`` (the police registration number of a
zorgmelding): a reference that lets the officer and Veilig Thuis find the registration,
never a name. Pure: no I/O. The shape rules are deliberately narrow, and on top of them the
leak check of :mod:`meldcode_cli.privacy.leakcheck` runs (names with initials or a title,
phone numbers, BSNs, postcodes, e-mail addresses, streets with a number, dates of birth).
The message says what is wrong and what a kenmerk looks like, never repeats the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from meldcode_cli.errors import Text
from meldcode_cli.privacy.leakcheck import find_identifiers

__all__ = ["MAX_LENGTH", "kenmerk_problem"]

MAX_LENGTH = 40
_ALLOWED = re.compile(r"[A-Za-z0-9./_-]+")
_LETTERS = re.compile(r"[A-Za-zÀ-ÿ]+")
_WHAT = {  # leakcheck's shape findings (no known values are given here): their catalogue keys
    "postcode": "kenmerk.what.postcode",
    "telefoonnummer": "kenmerk.what.phone",
    "e-mailadres": "kenmerk.what.email",
    "straat met huisnummer": "kenmerk.what.street",
    "BSN": "kenmerk.what.bsn",
    "geboortedatum": "kenmerk.what.birth_date",
    "naam (met aanhef)": "kenmerk.what.titled_name",
    "naam (met voorletters)": "kenmerk.what.initials_name",
}


@dataclass(frozen=True, slots=True)
class _Listing:
    """Catalogue texts said when shown (in the language then chosen), comma-separated."""

    parts: tuple[Text | str, ...]

    def __str__(self) -> str:
        return ", ".join(str(p) for p in self.parts)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def kenmerk_problem(text: str) -> Text | None:
    """``None`` when ``text`` is a plausible kenmerk, else why not (a catalogue text)."""
    value = text.strip()
    if len(value) > MAX_LENGTH:
        return Text("kenmerk.too_long", max=MAX_LENGTH)
    if not _ALLOWED.fullmatch(value):
        return Text("kenmerk.characters")
    if sum(c.isdigit() for c in value) < 4:
        return Text("kenmerk.digits")
    for run in _LETTERS.findall(value):
        if len(run) > 3 and not (run.isupper() and len(run) <= 5):
            return Text("kenmerk.word")
        if len(run) == 3 and not run.isupper():
            return Text("kenmerk.name")
    findings = find_identifiers(value)
    if findings:
        whats = sorted({f.what for f in findings})
        what = _Listing(tuple(Text(_WHAT[w]) if w in _WHAT else w for w in whats))
        return Text("kenmerk.identifier", what=what)
    return None
