"""The ketenkaart: format, validation codes, shipped data, overlay and ``meldcode kaart``."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from meldcode_cli.chain.kaart import KaartRequest, render_kaart
from meldcode_cli.chain.ketenkaart import (
    check_kaart_paths,
    load_overlay,
    shipped_ketenkaart_dir,
    user_ketenkaart_dir,
)
from meldcode_cli.cli.app import make_app
from meldcode_cli.protocol.yamlio import load_yaml_text
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ketenkaart"
TODAY = dt.date(2026, 12, 1)
REGIONAL = """\
schema_version: 1
kind: ketenkaart
id: testregio
title: Testregio
organisations:
  - id: veilig-thuis-testregio
    name: Veilig Thuis Testregio
    does: Veilig Thuis voor de testregio.
    pillars: [signalering, interventie]
    contacts:
      - label: Regionaal nummer
        phone: 024-0000000
        hours: werkdagen 9-17 uur
        takes: [advies, melding]
    area: {regio: Testregio, gemeenten: [Teststad]}
    replaces: veilig-thuis
    source: https://example.org/testregio
    checked_on: "{checked}"
"""


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("mc*.yaml")), ids=lambda p: p.stem)
def test_fixture_gives_its_code_with_a_position(path: Path) -> None:
    code = path.stem.split("_")[0].upper()
    [result] = check_kaart_paths([path], today=TODAY)
    codes = [d.code for d in result.diagnostics]
    assert code in codes, (path.name, [(d.code, d.message) for d in result.diagnostics])
    d = next(d for d in result.diagnostics if d.code == code)
    assert d.line > 1, d  # points into the file, not at its top
    assert d.path == str(path)
    assert d.hint


def test_warnings_are_not_errors() -> None:
    for name in ("mc505_stale.yaml", "mc509_phone_without_hours.yaml"):
        [result] = check_kaart_paths([FIXTURES / name], today=TODAY)
        assert {d.severity for d in result.diagnostics} == {"warning"}


def test_stale_is_measured_against_today() -> None:
    [fresh] = check_kaart_paths([FIXTURES / "mc505_stale.yaml"], today=dt.date(2026, 6, 1))
    assert "MC505" not in [d.code for d in fresh.diagnostics]


def test_shipped_ketenkaart_is_clean_and_sourced() -> None:
    results = check_kaart_paths([], today=TODAY)
    assert len(results) >= 2
    for r in results:
        assert r.kaart is not None
        assert r.diagnostics == [], [(d.where, d.message) for d in r.diagnostics]
        for org in r.kaart.organisations:
            assert org.source
            assert org.source.startswith("https://")
            assert org.checked_on


def _sourced_numbers() -> set[str]:
    """Every phone number written in the protocols or the domain brief (digits only)."""
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "protocols").glob("*.yaml")]
    brief = Path("/work/shared/domain/meldcode-brief.md")
    if brief.exists():
        texts.append(brief.read_text(encoding="utf-8"))
    found = set()
    for text in texts:
        for m in re.finditer(r"\+?\d[\d -]{1,18}\d", text):
            found.add(re.sub(r"\D", "", m.group()))
    return found


def test_no_shipped_number_is_invented() -> None:
    sourced = _sourced_numbers()
    for r in check_kaart_paths([], today=TODAY):
        assert r.kaart is not None
        for org in r.kaart.organisations:
            for c in org.contacts:
                if c.phone:
                    assert re.sub(r"\D", "", c.phone) in sourced, (org.id, c.phone)


def test_national_partners_named_in_the_issue_are_shipped() -> None:
    national = load_overlay(include_user=False, today=TODAY).national()
    for oid, phone in [
        ("veilig-thuis", "0800-2000"),
        ("alarmnummer", "112"),
        ("politie", "0900-8844"),
        ("lec-egg", "088-9648550"),
        ("leck", "0900-44 45 444"),
        ("buitenlandse-zaken", "+31 247 247 247"),
        ("comensha", "033-4481186"),
        ("arbeidsinspectie", "0800-5151"),
        ("meld-misdaad-anoniem", "0800-7000"),
    ]:
        assert phone in [c.phone for c in national[oid].contacts], oid
    assert "lkha" in national
    assert "fier-ckm" in national


def test_schema_export_validates_the_shipped_files(runner: CliRunner) -> None:
    result = runner.invoke(make_app(), ["schema", "--kind", "ketenkaart"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["$id"].endswith("ketenkaart-v1.json")
    for path in shipped_ketenkaart_dir().glob("*.yaml"):
        doc, diags = load_yaml_text(path.read_text(encoding="utf-8"), str(path))
        assert doc is not None, diags
        jsonschema.validate(doc.data, schema)
    bad, _ = load_yaml_text((FIXTURES / "mc104_unknown_pillar.yaml").read_text(), "x")
    assert bad is not None
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad.data, schema)


def _regional(tmp_path: Path, checked: str = "2026-11-15") -> Path:
    path = tmp_path / "testregio.yaml"
    path.write_text(REGIONAL.replace("{checked}", checked), encoding="utf-8")
    return path


def test_lookup_regional_first_national_fallback(tmp_path: Path) -> None:
    kaart = load_overlay([_regional(tmp_path)], today=TODAY)
    national = kaart.national()["veilig-thuis"]
    # a loaded regional overlay replaces the national entry ...
    assert kaart.lookup("veilig-thuis").name == "Veilig Thuis Testregio"  # type: ignore[union-attr]
    assert kaart.lookup("veilig-thuis", gemeente="teststad").name == "Veilig Thuis Testregio"  # type: ignore[union-attr]
    # ... but not for a gemeente it does not cover
    assert kaart.lookup("veilig-thuis", gemeente="Elders") is national
    # what the region does not override comes from the national file
    assert kaart.lookup("lec-egg", gemeente="Teststad") is kaart.national()["lec-egg"]
    assert kaart.lookup("bestaat-niet") is None


def test_shipped_regional_example_applies_only_to_its_region() -> None:
    kaart = load_overlay(include_user=False, today=TODAY)
    assert kaart.lookup("veilig-thuis").id == "veilig-thuis"  # type: ignore[union-attr]
    gz = kaart.lookup("veilig-thuis", regio="Gelderland-Zuid")
    assert gz is not None
    assert gz.id == "veilig-thuis-gelderland-zuid"


def test_user_folder_is_an_overlay(tmp_path: Path) -> None:
    folder = user_ketenkaart_dir()
    folder.mkdir(parents=True)
    _regional(folder)
    kaart = load_overlay(today=TODAY)
    assert kaart.lookup("veilig-thuis").id == "veilig-thuis-testregio"  # type: ignore[union-attr]
    assert load_overlay(include_user=False, today=TODAY).lookup("veilig-thuis").id == (  # type: ignore[union-attr]
        "veilig-thuis"
    )


def test_overlay_with_errors_is_skipped_and_said(tmp_path: Path) -> None:
    kaart = load_overlay([FIXTURES / "mc501_duplicate_id.yaml"], today=TODAY)
    assert all(e.org.id != "a" for e in kaart.entries)
    text = render_kaart(
        KaartRequest(ketenkaart=[FIXTURES / "mc501_duplicate_id.yaml"], today=TODAY)
    )
    assert "kaart validate" in text


def test_text_wraps_at_60_columns_and_crops_nothing(tmp_path: Path) -> None:
    text = render_kaart(KaartRequest(vorm="eergerelateerd-geweld", today=TODAY, width=60))
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 60
    header = next(line for line in lines if "Contact" in line)
    x0, x1 = header.index("Contact"), header.index("Gebied")
    column = "".join(line[x0:x1].strip() for line in lines)
    flat = re.sub(r"\s+", "", column)
    for needle in (
        "088-9648550",
        "+31247247247",
        "https://www.nederlandwereldwijd.nl/achterlating",
    ):
        assert needle.replace(" ", "") in flat
    assert "…" not in text
    assert "LECK" not in text  # kindermishandeling only


def test_filters(tmp_path: Path) -> None:
    def ids(**kw: str) -> set[str]:
        from meldcode_cli.chain.kaart import select

        req = KaartRequest(today=TODAY)
        for k, v in kw.items():
            setattr(req, k, v)
        return {e.org.id for e in select(req)[1]}

    assert "leck" in ids(vorm="kindermishandeling")
    assert "leck" not in ids(vorm="partnergeweld")
    assert "leck" not in ids(rol="wijkagent")
    assert "fier-ckm" in ids(pijler="herstel-nazorg")
    assert "alarmnummer" not in ids(pijler="preventie")
    gz = ids(regio="Gelderland-Zuid")
    assert "veilig-thuis-gelderland-zuid" in gz
    assert "veilig-thuis" not in gz  # replaced there
    assert "veilig-thuis-gelderland-zuid" not in ids(gemeente="Amsterdam")


def test_stale_entries_flagged_in_output(tmp_path: Path) -> None:
    path = _regional(tmp_path, checked="2025-01-01")
    text = render_kaart(KaartRequest(ketenkaart=[path], today=TODAY, width=120))
    assert "VEROUDERD" in text
    html = render_kaart(KaartRequest(ketenkaart=[path], today=TODAY, fmt="html"))
    assert "VEROUDERD" in html


def test_html_is_self_contained(tmp_path: Path) -> None:
    html = render_kaart(KaartRequest(fmt="html", today=TODAY))
    assert_no_external_loads(html)
    assert "0800-2000" in html
    assert "@media print" in html


def assert_no_external_loads(html: str) -> None:
    assert "<script" not in html.lower()
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//""", html, re.I)
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", html, re.I)
    assert "@import" not in html
    assert "default-src 'none'" in html


def test_cli_kaart_usage_errors_and_output(runner: CliRunner, tmp_path: Path) -> None:
    app = make_app()
    r = runner.invoke(app, ["kaart", "--vorm", "partnergewelt"])
    assert r.exit_code == 2
    assert "partnergeweld" in r.stderr
    out = tmp_path / "kaart.html"
    r = runner.invoke(app, ["kaart", "--format", "html", "--output", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert out.stat().st_mode & 0o077 == 0
    r = runner.invoke(app, ["--lang", "en", "kaart", "--rol", "huisarts"])
    assert r.exit_code == 0
    assert "who does what" in r.stdout


def test_cli_kaart_validate_exit_codes(runner: CliRunner) -> None:
    app = make_app()
    assert runner.invoke(app, ["kaart", "validate"]).exit_code == 0
    r = runner.invoke(app, ["kaart", "validate", str(FIXTURES / "mc501_duplicate_id.yaml")])
    assert r.exit_code == 1
    assert "MC501" in r.stdout
    r = runner.invoke(app, ["kaart", "validate", "-f", "json", str(FIXTURES)])
    assert r.exit_code == 1
    codes = {d["code"] for f in json.loads(r.stdout)["files"] for d in f["diagnostics"]}
    assert {"MC501", "MC503", "MC506"} <= codes


def test_cli_kaart_validate_of_an_empty_folder_is_a_usage_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    # "0 bestanden gecontroleerd" with exit 0 let a CI job pass on a wrong path
    r = runner.invoke(make_app(), ["kaart", "validate", str(tmp_path)])
    assert r.exit_code == 2
    assert "geen ketenkaartbestanden (*.yaml) gevonden in" in r.output
    assert "gecontroleerd" not in r.output
