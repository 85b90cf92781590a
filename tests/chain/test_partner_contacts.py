"""Issue 17: protocols reference ketenkaart partners by id; a region's own ketenkaart fills
the contacts the walk, the acute route, ``show`` and ``report`` display (regional first)."""

from __future__ import annotations

import re
from pathlib import Path

import pexpect
import pytest

from meldcode_cli.authoring.validate import check_text, shipped_protocols_dir
from meldcode_cli.chain.ketenkaart import (
    load_overlay,
    partner_ids,
    resolve_contact,
    set_ketenkaart_paths,
)
from meldcode_cli.protocol.model import Contact, LocalText
from meldcode_cli.walk.acute import acute_text
from tests.pty.test_e2e_pty import MELDCODE, TIMEOUT, _env

REGIONAL_NUMBER = "024-1234567"  # a test number, not a real line
REGIONAL = f"""\
schema_version: 1
kind: ketenkaart
id: testregio
title: Testregio (fixture)
organisations:
  - id: veilig-thuis-testregio
    name: Veilig Thuis Testregio
    does: Advies en meldingen voor de testregio.
    pillars: [signalering, interventie]
    contacts:
      - label: Advies en melden
        phone: {REGIONAL_NUMBER}
        hours: 24/7
        takes: [advies, melding]
    area:
      regio: Testregio
      gemeenten: [Testdorp]
    replaces: veilig-thuis
    source: https://example.org/testregio
    checked_on: "2026-11-01"
"""
MEDLCODE_PROTOCOLS = (
    "eergerelateerd-geweld",
    "kindermishandeling",
    "loverboy-problematiek",
    "ouderenmishandeling",
    "oudermishandeling",
    "partnergeweld",
)
PHONE_FIELD = re.compile(r"^\s*(?:- )?phone:\s*(.+?)\s*$", re.MULTILINE)


@pytest.fixture(autouse=True)
def _no_extra_kaart() -> object:
    set_ketenkaart_paths([])
    yield
    set_ketenkaart_paths([])


def test_no_phone_number_is_repeated_in_the_meldcode_protocols() -> None:
    """Every number comes from the ketenkaart; the one literal left is a second line of
    Buitenlandse Zaken that the ketenkaart holds but not as its first contact."""
    phones = {
        name: PHONE_FIELD.findall((shipped_protocols_dir() / f"{name}.yaml").read_text())
        for name in MEDLCODE_PROTOCOLS
    }
    assert phones == {name: [] for name in MEDLCODE_PROTOCOLS} | {
        "eergerelateerd-geweld": ["+31 6 82 38 77 96"]
    }
    partners = re.compile(r"^\s*(?:- )?partner:\s*([a-z0-9-]+)\s*$", re.MULTILINE)
    for name in MEDLCODE_PROTOCOLS:
        refs = partners.findall((shipped_protocols_dir() / f"{name}.yaml").read_text())
        assert refs, name
        assert set(refs) <= partner_ids(), name


@pytest.mark.parametrize("name", MEDLCODE_PROTOCOLS)
def test_the_protocols_validate_with_their_contacts_from_the_ketenkaart(name: str) -> None:
    path = shipped_protocols_dir() / f"{name}.yaml"
    result = check_text(path.read_text(), str(path), analyse_paths=False)
    assert result.errors == []


def test_an_unknown_partner_is_mc511_with_a_suggestion_and_its_place() -> None:
    path = shipped_protocols_dir() / "kindermishandeling.yaml"
    text = path.read_text().replace("partner: leck", "partner: lekc", 1)
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "partner: lekc" in x)
    result = check_text(text, "k.yaml", analyse_paths=False)
    [d] = [d for d in result.diagnostics if d.code == "MC511"]
    assert (d.line, d.col) == (line, text.splitlines()[line - 1].index("lekc") + 1)
    assert "'lekc'" in d.message
    assert d.hint == "bedoelde u 'leck'?"


def test_a_contact_needs_a_partner_or_a_name() -> None:
    with pytest.raises(ValueError, match="partner"):
        Contact(phone="112")
    assert Contact(name=LocalText(nl="Eigen lijn"), phone="010-1234567").partner is None


def test_regional_first_national_as_fallback(tmp_path: Path) -> None:
    national = load_overlay(include_user=False)
    vt = Contact(partner="veilig-thuis", when=LocalText(nl="24/7"))
    assert resolve_contact(vt, national).phone == "0800-2000"
    (tmp_path / "regio.yaml").write_text(REGIONAL)
    regional = load_overlay([tmp_path / "regio.yaml"], include_user=False)
    shown = resolve_contact(vt, regional)
    assert shown.phone == REGIONAL_NUMBER
    assert shown.label("nl") == "Veilig Thuis Testregio"
    assert shown.when == vt.when
    # a partner the region does not replace stays national
    assert resolve_contact(Contact(partner="leck"), regional).phone == "0900-44 45 444"
    set_ketenkaart_paths([tmp_path / "regio.yaml"])
    assert REGIONAL_NUMBER in acute_text("nl")


pytestmark_pty = pytest.mark.skipif(not MELDCODE.exists(), reason="console script not installed")


@pytestmark_pty
@pytest.mark.parametrize("where", ["user-folder", "--ketenkaart"])
def test_a_regional_veilig_thuis_number_appears_in_the_walks_acute_route(
    tmp_path: Path, where: str
) -> None:
    """Must show (issue 17): the region's own number on the acute screen of a real walk."""
    home = tmp_path / "home"
    if where == "user-folder":
        (home / "ketenkaart").mkdir(parents=True)
        (home / "ketenkaart" / "regio.yaml").write_text(REGIONAL)
        args: list[str] = []
    else:
        (tmp_path / "regio.yaml").write_text(REGIONAL)
        args = ["--ketenkaart", str(tmp_path / "regio.yaml")]
    child = pexpect.spawn(
        str(MELDCODE),
        [*args, "start", "kindermishandeling", "--role", "huisarts", "--plain", "--no-save"],
        env=_env(home),
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(50, 100),
    )
    try:
        child.expect_exact("> ")
        child.sendline("acuut")
        child.expect_exact("!" * 60)
        child.expect_exact("!" * 60)
        screen = " ".join((child.before or "").split())
    finally:
        child.close(force=True)
    assert f"Veilig Thuis Testregio {REGIONAL_NUMBER}" in screen
    assert f"Veilig Thuis: {REGIONAL_NUMBER} (24/7)" in screen  # the acute text, own hours
    assert "gratis" not in screen  # true of 0800-2000, not of a regional number
    assert "0800-2000" not in screen
    assert "0900-44 45 444" in screen  # LECK: no regional entry, the national one


def test_a_regional_veilig_thuis_number_appears_in_report(tmp_path: Path) -> None:
    from tests.report.test_report import build, report

    path = build(tmp_path)
    assert "0800-2000" in report(path, "md")
    (tmp_path / "regio.yaml").write_text(REGIONAL)
    set_ketenkaart_paths([tmp_path / "regio.yaml"])
    md = report(path, "md")
    assert f"eerst een telefoongesprek: {REGIONAL_NUMBER} (24/7)." in md
    assert "eerst een telefoongesprek: 0800-2000" not in md
    advies = report(path, "md", advies=True)
    assert f"Advies vragen: Veilig Thuis, {REGIONAL_NUMBER}" in advies


def test_a_bad_regional_file_is_named_and_the_national_number_shown(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from meldcode_cli.cli.app import make_app

    bad = tmp_path / "regio.yaml"
    bad.write_text(REGIONAL.replace("replaces: veilig-thuis", "replaces: veilig-thuiss"))
    result = CliRunner().invoke(
        make_app(), ["--ketenkaart", str(bad), "show", "kindermishandeling"]
    )
    assert result.exit_code == 0
    line = REGIONAL.splitlines().index("    replaces: veilig-thuis") + 1
    assert f"{bad}:{line}:15: MC502" in result.stderr
    assert "bedoelde u 'veilig-thuis'?" in result.stderr
    assert "Veilig Thuis 0800-2000" in result.stdout
    missing = CliRunner().invoke(make_app(), ["--ketenkaart", str(tmp_path / "nope"), "list"])
    assert missing.exit_code == 2
