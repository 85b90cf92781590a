"""``meldcode journaal``: the SOEP entry for the HIS journal, at any step.

Goldens: one per protocol and role (a scenario that ends in melden where there is one).
Regenerate after an intended change with ``MELDCODE_UPDATE_GOLDEN=1 pytest
tests/report/test_journaal.py`` and review the diff of ``tests/golden/journaal/``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from meldcode_cli.record.build import build_record
from meldcode_cli.report.journaal import WIDTH, build_journaal, make_journaal
from meldcode_cli.walk.casestore import CaseStore
from meldcode_cli.walk.midcase import case_view
from meldcode_cli.walk.session import compile_text
from tests.case_helpers import pick_scenario, protocol_ids, scenario_today, walk_case
from tests.conftest import PROTOCOLS, ROOT

GOLDEN = ROOT / "tests" / "golden" / "journaal"


def roles_of(protocol_id: str) -> list[str]:
    path = PROTOCOLS / f"{protocol_id}.yaml"
    return list(compile_text(path.read_text("utf-8"), str(path)).roles)


CASES = [(p, r) for p in protocol_ids() for r in roles_of(p)]


def journaal_of(tmp_path: Path, protocol_id: str, role: str) -> str:
    sc = pick_scenario(protocol_id, role)
    session = walk_case(
        CaseStore(tmp_path),
        "casus-a",
        protocol_id,
        role,
        sc["answers"],
        today=scenario_today(sc),
        acute_steps=sc.get("acute_steps"),
    )
    record = build_record(session, profile=None, key_fingerprint=None, training=False)
    return build_journaal(record, concept=False, step=5, complete=True)


@pytest.mark.parametrize(("protocol_id", "role"), CASES, ids=[f"{p}-{r}" for p, r in CASES])
def test_journaal_matches_golden(tmp_path: Path, protocol_id: str, role: str) -> None:
    got = journaal_of(tmp_path, protocol_id, role)
    golden = GOLDEN / f"{protocol_id}.{role}.txt"
    if os.environ.get("MELDCODE_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")
    lines = got.splitlines()
    assert all(len(line) <= WIDTH for line in lines)
    letters = [line[:2] for line in lines if line[:2] in ("S:", "O:", "E:", "P:")]
    assert letters == ["S:", "O:", "E:", "P:"]
    assert "CONCEPT" not in got


def test_every_protocol_and_role_has_a_golden() -> None:
    assert {f"{p}.{r}.txt" for p, r in CASES} == {p.name for p in GOLDEN.glob("*.txt")}


ANSWERS_STEP1 = {
    "signalen": ["lichamelijk_geweld", "angst"],
    "signalen_feiten": "08-01, spreekuur: blauwe plek linker bovenarm.",
    "signalen_bron": ["eigen_waarneming"],
    "signalen_datum": "2026-01-08",
    "kindcheck": "nee",
    "mantelzorgcheck": "nee",
}


def test_unfinished_case_is_a_concept_at_its_step(tmp_path: Path) -> None:
    store = CaseStore(tmp_path)
    walk_case(store, "half", "partnergeweld", "huisarts", ANSWERS_STEP1, complete=False)
    view = case_view("half", store=store)
    assert view.concept
    assert not view.complete
    assert view.step == 2
    out = make_journaal("half", store=store)
    assert out.concept
    first = out.text.splitlines()[0]
    assert "CONCEPT" in first
    assert "bij stap 2 van 5" in out.text
    assert "Nog geen besluit." in out.text
    assert "blauwe plek linker bovenarm" in out.text
    assert out.warnings == []  # nothing identifying in this text


def test_journaal_warns_when_free_text_looks_identifying(tmp_path: Path) -> None:
    store = CaseStore(tmp_path)
    answers = dict(ANSWERS_STEP1)
    answers["signalen_feiten"] = (
        "Mevrouw de Vries, geboren 12-03-1984, Kerkstraat 12, 3511 AB, belt 06-12345678; "
        "BSN 111222333."
    )
    walk_case(store, "lek", "partnergeweld", "huisarts", answers, complete=False)
    out = make_journaal("lek", store=store)
    warning = "\n".join(out.warnings)
    for kind in ("naam", "geboortedatum", "adres", "telefoonnummer", "BSN"):
        assert f"lijkt een {kind}" in warning, kind
    assert "'06-12345678'" in warning
    assert "grove controle" in warning


def test_cli_journaal_copy_without_clipboard_says_so(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(home / "no-bin"))
    walk_case(CaseStore(home), "half", "partnergeweld", "huisarts", ANSWERS_STEP1, complete=False)
    result = CliRunner().invoke(make_app(), ["journaal", "half", "--copy"])
    assert result.exit_code == 1
    assert result.stdout.startswith("Meldcode HG/KM — CONCEPT")
    assert "geen klembord gevonden" in result.stderr


def test_cli_journaal_copies_with_a_clipboard_tool(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = home / "bin"
    bin_dir.mkdir()
    sink = home / "clipboard.txt"
    tool = bin_dir / "pbcopy"
    tool.write_text(
        f"#!{sys.executable}\nimport sys\n"
        f'open({str(sink)!r}, "wb").write(sys.stdin.buffer.read())\n',
        encoding="utf-8",
    )
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    walk_case(CaseStore(home), "half", "partnergeweld", "huisarts", ANSWERS_STEP1, complete=False)
    result = CliRunner().invoke(make_app(), ["journaal", "half", "--copy"])
    assert result.exit_code == 0, result.stderr
    assert sink.read_text(encoding="utf-8") == result.stdout
    assert "Op het klembord gezet (pbcopy)." in result.stderr


def test_cli_journaal_in_english(home: Path) -> None:
    walk_case(CaseStore(home), "half", "partnergeweld", "huisarts", ANSWERS_STEP1, complete=False)
    result = CliRunner().invoke(make_app(), ["--lang", "en", "journaal", "half"])
    assert result.exit_code == 0, result.stderr
    assert "CONCEPT (case not signed)" in result.stdout
    assert "\nA: " in result.stdout  # SOAP in English


def test_cli_journaal_unknown_case(home: Path) -> None:
    result = CliRunner().invoke(make_app(), ["journaal", "nope"])
    assert result.exit_code == 2
    assert "geen casus 'nope'" in result.stderr
