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

from meldcode_cli.privacy.leakcheck import find_identifiers

__all__ = ["MAX_LENGTH", "kenmerk_problem"]

MAX_LENGTH = 40
_ALLOWED = re.compile(r"[A-Za-z0-9./_-]+")
_LETTERS = re.compile(r"[A-Za-zÀ-ÿ]+")
_EXAMPLE = "bijvoorbeeld PL1400-2026123456 of 2026123456"


def kenmerk_problem(text: str) -> str | None:
    """``None`` when ``text`` is a plausible kenmerk, else why not (in Dutch)."""
    value = text.strip()
    if len(value) > MAX_LENGTH:
        return f"een kenmerk is hoogstens {MAX_LENGTH} tekens ({_EXAMPLE})"
    if not _ALLOWED.fullmatch(value):
        return (
            "een kenmerk bestaat uit letters, cijfers en - . / _ zonder spaties "
            f"({_EXAMPLE}); geen naam of omschrijving"
        )
    if sum(c.isdigit() for c in value) < 4:
        return f"een kenmerk bevat minstens vier cijfers ({_EXAMPLE}); geen naam"
    for run in _LETTERS.findall(value):
        if len(run) > 3 and not (run.isupper() and len(run) <= 5):
            return (
                "dit lijkt een naam of een woord; een kenmerk heeft hoogstens een korte "
                f"afkorting in hoofdletters ({_EXAMPLE})"
            )
        if len(run) == 3 and not run.isupper():
            return (
                "dit lijkt een naam; schrijf een afkorting in hoofdletters of alleen het "
                f"nummer ({_EXAMPLE})"
            )
    findings = find_identifiers(value)
    if findings:
        what = ", ".join(sorted({f.what for f in findings}))
        return f"dit lijkt een identificerend gegeven ({what}), geen kenmerk ({_EXAMPLE})"
    return None
