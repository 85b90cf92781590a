"""The identifier leak check (``report --advies``): probes of every kind that defeated the
old check, none may pass; ordinary advice text must."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meldcode_cli.privacy.leakcheck import Known, find_identifiers, normalise

TODAY = dt.date(2026, 12, 1)
KNOWN = [
    Known("betrokkene 1: naam", "Anna Jansen-de Vries", "name"),
    Known("betrokkene 1: geboortedatum", "1991-04-12", "date"),
    Known("betrokkene 2: naam", "Bo Smit", "name"),
    Known("betrokkene 3: naam", "Zoë Çelik", "name"),
    Known("melder: organisatie", "Huisartsenpraktijk De Linde", "organisation"),
    Known("casuslabel", "Pietje", "label"),
    Known("betrokkene 1: adres", "Kerkstraat 12a, 1234 AB Utrecht", "text"),
    Known("betrokkene 1: telefoon", "06-12345678", "text"),
]

LEAKS = [
    # names, with and without diacritics, case, possessives, hyphen parts
    "Anna is bang.",
    "ANNA is bang.",
    "Ánna is bang.",
    "Jansen kwam binnen.",
    "jansens fiets stond buiten",
    "Jansen's moeder belde.",
    "Jansens moeder belde.",
    "Annas broer",
    "Anna's broer",
    "mevrouw De Vries belde",
    "Vries zei niets.",
    "Jansen-de Vries",
    "Bo zat op de bank.",
    "Smit zei het.",
    "Zoe huilde.",
    "Celik kwam.",
    "ZOË ÇELIK",
    # invisible characters and homoglyphs inside a name
    "J\u00adansen kwam.",
    "Jan\u200bsen kwam.",
    "Ja\u200dnsen kwam.",
    "J\u2060ansen kwam.",
    "J\u0430nsen kwam.",  # Cyrillic a
    "\u0410nna kwam.",  # Cyrillic A
    "Ｊａｎｓｅｎ kwam.",  # fullwidth
    # the known date of birth in every spelling
    "geboren 12-4-91",
    "12-04-1991",
    "1991-4-12",
    "12 apr 1991",
    "12 april '91",
    "April 12, 1991",
    "op 12 april jarig",
    "12/04/1991",
    "12.04.91",
    # organisation (short name) and case label
    "De Linde heeft gebeld.",
    "Linde",
    "Pietje speelt buiten.",
    "pietjes tas",
    # address, known and as pattern
    "Kerkstraat 12a",
    "1234 AB",
    "1234AB",
    "woont in de Dorpsweg 3-2",
    "Hoofdstraat 12 bis",
    "Molenlaan 7 hs",
    # phones
    "bel 06-12345678",
    "+31 6 12345678",
    "0031612345678",
    "06 87654321",
    "020 123 4567",
    "+31 (0)20 1234567",
    # BSN, e-mail
    "bsn 111222333",
    "BSN 1112.22.333",
    "mail a.b@example.nl",
    "anna.jansen @ gmail.com",
    # names and dates of birth with no betrokkenen at all
    "mevrouw Bakker",
    "dhr. De Boer",
    "A. Bakker kwam.",
    "J.P. de Groot belde.",
    "geboren op 3-5-2015",
    "3 mei 2012",
    "Kim (geb. 4 maart 2019)",
]

CLEAN = [
    "Buurvrouw hoorde op 07-01 geschreeuw.",
    "Veilig Thuis wil altijd eerst een telefoongesprek: 0800-2000. Acuut gevaar: bel 112.",
    "Afweging 1: ja. Afweging 2: ja.",
    "Anoniem advies op 13-01: gesprek voeren.",
    "Risico matig; kinderen in beeld. Evaluatie op 2026-12-15.",
    "Cliënt bevestigt. Mogelijk speelt ook financiële afhankelijkheid.",
    "Moeder (38) en kind (4) wonen samen; vader woont elders.",
    "Gesprek gevoerd op 12-11-2026 met de moeder.",
]


@pytest.mark.parametrize("text", LEAKS)
def test_every_probe_is_found(text: str) -> None:
    found = find_identifiers(text, KNOWN, today=TODAY)
    assert found, text
    for f in found:
        assert f.line >= 1
        assert f.what
        assert f.where


@pytest.mark.parametrize("text", CLEAN)
def test_ordinary_advice_text_passes(text: str) -> None:
    assert find_identifiers(text, KNOWN, today=TODAY) == []


def test_enough_probes() -> None:
    assert len(LEAKS) >= 50


def test_a_finding_never_contains_the_value() -> None:
    for f in find_identifiers("Anna Jansen, 12-04-1991, 06-12345678", KNOWN, today=TODAY):
        assert "anna" not in f.what.lower() + f.where.lower().replace("betrokkene", "")
        assert "1991" not in f.what + f.where


def test_normalise_folds_what_text_can_hide() -> None:
    assert normalise("J\u00adÁ\u200bNSEN\u2019s") == "jansen's"


names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=4, max_size=10).filter(
    lambda s: s not in {"vries", "smit", "anna"}
)
decorations = st.sampled_from(
    [
        lambda n: n,
        str.upper,
        str.title,
        lambda n: n + "s",
        lambda n: n + "'s",
        lambda n: n[:2] + "\u00ad" + n[2:],
        lambda n: n[:1] + "\u200b" + n[1:],
        lambda n: n.replace("a", "\u0430").replace("o", "\u043e"),
        lambda n: n.replace("e", "é").replace("u", "ü"),
        lambda n: "van-" + n,
    ]
)
filler = st.sampled_from(["Gisteren zei", "De buurvrouw zag", "Volgens school is", ""])


@settings(max_examples=60, deadline=None)
@given(name=names, decorate=decorations, before=filler)
def test_a_known_name_is_found_however_it_is_written(
    name: str, decorate: object, before: str
) -> None:
    assert callable(decorate)
    text = f"{before} {decorate(name)} vandaag bang."
    found = find_identifiers(text, [Known("betrokkene: naam", f"Kees {name}", "name")])
    assert any(f.what == "naam" for f in found), text


@settings(max_examples=40, deadline=None)
@given(d=st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2020, 12, 31)))
def test_a_date_of_birth_is_found_without_betrokkenen(d: dt.date) -> None:
    for text in (
        f"geboren {d.day}-{d.month}-{d.year}",
        f"{d.year}-{d.month:02d}-{d.day:02d}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
    ):
        assert find_identifiers(text, [], today=TODAY), text


# --- through the command ------------------------------------------------------------------


@pytest.mark.parametrize(
    "verslag",
    [
        "Gesprek met mevrouw Bakker, geboren 3-5-1988.",
        "Moeder woont Dorpsweg 3-2, 1234 AB.",
        "Bereikbaar op +31 6 12345678 of a.b@example.nl.",
        "BSN 111222333 genoteerd.",
    ],
)
def test_advies_without_betrokkenen_refuses_patterns_and_prints_nothing(
    tmp_path: Path, verslag: str
) -> None:
    from tests.report.test_report import build, run

    path = build(tmp_path, answers={"gesprek_verslag": verslag})
    code, out, err = run("report", str(path), "--advies")
    assert code == 1
    assert out == ""
    assert "Genomen stappen" in err
    for part in ("Bakker", "1988", "Dorpsweg", "12345678", "example", "111222333"):
        assert part not in err
