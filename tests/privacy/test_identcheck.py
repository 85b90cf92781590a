"""The free-text identifier warning: what it finds, and that it stays quiet on case texts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from meldcode_cli.privacy.identcheck import find_identifiers
from tests.conftest import ROOT

TODAY = dt.date(2026, 1, 15)


def kinds(text: str) -> set[str]:
    return {f.kind for f in find_identifiers(text, today=TODAY)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("belt vanaf 06-12345678", "telefoon"),
        ("tel 010 123 45 67", "telefoon"),
        ("+31 6 12345678", "telefoon"),
        ("BSN 111222333", "bsn"),
        ("bsn 111.222.333", "bsn"),
        ("BSN 1112.22.333", "bsn"),
        ("woont Kerkstraat 12", "adres"),
        ("postcode 3511 AB", "adres"),
        ("mevrouw Jansen vertelde", "naam"),
        ("dhr. De Vries", "naam"),
        ("naam: Pieter", "naam"),
        ("geboren 12-03-1984", "geboortedatum"),
        ("kind van 2015-06-01", "geboortedatum"),
    ],
)
def test_shapes_are_found(text: str, kind: str) -> None:
    assert kind in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "08-01, spreekuur: blauwe plek linker bovenarm, circa 3 cm.",
        "Signaal op 2026-01-08; gesprek 14-01-2026.",
        "mevrouw is bang; meneer was niet aanwezig.",
        "123456789 is geen BSN (elfproef klopt niet)",
        "Veilig Thuis 0800-2000 gebeld",
    ],
)
def test_ordinary_case_text_is_quiet(text: str) -> None:
    assert kinds(text) == set()


def _strings(x: Any) -> Iterator[str]:
    if isinstance(x, dict):
        for v in x.values():
            yield from _strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from _strings(v)
    elif isinstance(x, str):
        yield x


def test_no_warning_on_any_shipped_scenario_or_casus_text() -> None:
    """A warning that fires on ordinary case texts is noise a huisarts learns to ignore."""
    files = [*(ROOT / "protocols" / "scenarios").glob("*.yaml"), *(ROOT / "casus").glob("*.yaml")]
    texts = {s for f in files for s in _strings(yaml.safe_load(f.read_text("utf-8")))}
    assert len(texts) > 500
    found = {f.excerpt for s in texts for f in find_identifiers(s, today=TODAY)}
    # the one real identifier in the shipped texts: the phone number of the Veilig Thuis
    # investigator in an information-request scenario (it is one; the warning is right)
    assert found <= {"088-1234567"}


def test_the_betrokkenen_example_is_found() -> None:
    data = yaml.safe_load((ROOT / "examples" / "betrokkenen-partnergeweld.yaml").read_text())
    found = {f.kind for s in _strings(data) for f in find_identifiers(s, today=TODAY)}
    assert {"adres", "telefoon"} <= found
