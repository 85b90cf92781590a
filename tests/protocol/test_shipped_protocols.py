"""The six shipped meldcode protocols: valid, fully covered by scenarios, with their contacts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from meldcode_cli.authoring.validate import validate_paths
from meldcode_cli.cli.app import make_app
from meldcode_cli.protocol.afwegingskader import PATH_CODES
from meldcode_cli.protocol.analysis import analyse
from meldcode_cli.protocol.compiled import compile_protocol
from meldcode_cli.protocol.loading import load_protocol_file
from meldcode_cli.protocol.model import Protocol
from meldcode_cli.walk.acute import acute_contacts
from tests.conftest import PROTOCOLS

SIX = (
    "partnergeweld",
    "ouderenmishandeling",
    "eergerelateerd-geweld",
    "kindermishandeling",
    "loverboy-problematiek",
    "oudermishandeling",
)

SPECIALIST_PHONES = {
    "partnergeweld": ["0900-8844"],
    "eergerelateerd-geweld": ["088-9648550"],
    "kindermishandeling": ["0900-44 45 444"],
    "loverboy-problematiek": ["0900-8844", "033-4481186", "0800-5151"],
    "ouderenmishandeling": [],
    "oudermishandeling": [],
}

SPECIALIST_NAMES = {
    "partnergeweld": ["Politie"],
    "eergerelateerd-geweld": ["LEC EGG", "LKHA", "VGV"],
    "kindermishandeling": ["LECK", "vertrouwensarts"],
    "loverboy-problematiek": ["AVIM", "CoMensha", "Fier"],
    "ouderenmishandeling": [],
    "oudermishandeling": ["Crisisdienst GGZ", "Forensisch arts"],
}

# the shared item ids of docs/protocol-conventions.md
SHARED = [
    "signalen",
    "signalen_feiten",
    "signalen_datum",
    "signalen_interpretatie",
    "kindcheck",
    "kindcheck_kinderen",
    "mantelzorgcheck",
    "mantelzorgcheck_toelichting",
    "consultatie_collega",
    "consultatie_collega_verslag",
    "advies_veilig_thuis",
    "advies_veilig_thuis_anoniem",
    "advies_veilig_thuis_verslag",
    "advies_veilig_thuis_reden_niet",
    "gesprek",
    "gesprek_verslag",
    "gesprek_uitzondering",
    "gesprek_gepland",
    "weging_risico",
    "weging_aard_ernst",
    "weging_twijfel",
    "melding_geinformeerd",
    "melding_reactie",
    "melding_uitzondering",
    "melding_pogingen",
    "vervolgafspraken",
    "monitoring_afspraken",
    "huisverbod_gevaar",
    "huisverbod_rihg",
    "zorgmelding",
    "melding_anoniem",
    "melding_anoniem_toelichting",
]


def _protocol(pid: str) -> Protocol:
    loaded = load_protocol_file(PROTOCOLS / f"{pid}.yaml")
    assert loaded.protocol is not None, loaded.diagnostics
    return loaded.protocol


def test_validate_protocols_folder_without_errors_or_warnings() -> None:
    results = validate_paths([str(PROTOCOLS)])
    assert {r.protocol_id for r in results} >= set(SIX)
    assert [d for r in results for d in r.diagnostics] == []


@pytest.mark.parametrize("pid", SIX)
def test_every_decision_path_for_every_role(pid: str) -> None:
    compiled, _ = compile_protocol(_protocol(pid))
    assert compiled is not None
    result = analyse(compiled, cross_check=True)
    assert result.complete
    assert result.diagnostics == []
    assert result.decision_paths == {f"{r}:{code}" for r in compiled.roles for code in PATH_CODES}
    assert set(compiled.roles) == {"huisarts", "wijkagent", "professional"}


@pytest.mark.parametrize("pid", SIX)
def test_shared_ids_and_afwegingskader_in_step_5(pid: str) -> None:
    compiled, _ = compile_protocol(_protocol(pid))
    assert compiled is not None
    missing = [i for i in SHARED if i not in compiled.by_id]
    assert missing == []
    assert compiled.by_id["afweging_1"].step == 5
    assert compiled.by_id["huisverbod_rihg"].item.roles == ["wijkagent"]
    assert compiled.by_id["huisverbod_gevaar"].acute_values == frozenset({"ja"})


@pytest.mark.parametrize("pid", SIX)
def test_acute_route_names_112_veilig_thuis_and_the_specialists(pid: str) -> None:
    protocol = _protocol(pid)
    phones = [c.phone for c in acute_contacts(protocol)]
    assert phones[:2] == ["112", "0800-2000"]
    for phone in SPECIALIST_PHONES[pid]:
        assert phone in phones, phone
    text = (PROTOCOLS / f"{pid}.yaml").read_text(encoding="utf-8")
    assert "0800-2000" in text
    assert "112" in text
    for name in SPECIALIST_NAMES[pid]:
        assert name in text, name


@pytest.mark.parametrize("pid", SIX)
def test_sources_are_public_urls_and_cited(pid: str) -> None:
    data = yaml.safe_load((PROTOCOLS / f"{pid}.yaml").read_text(encoding="utf-8"))
    assert len(data["sources"]) >= 10
    assert all(
        s["url"].startswith("https://") or s["url"].startswith("http://") for s in data["sources"]
    )


@pytest.mark.parametrize("pid", SIX)
def test_scenarios_ship_beside_each_protocol(pid: str) -> None:
    assert (PROTOCOLS / "scenarios" / f"{pid}.scenarios.yaml").is_file()


def test_meldcode_test_reports_full_coverage_for_all_six() -> None:
    result = CliRunner().invoke(make_app(), ["test", "--require-full-coverage"])
    assert result.exit_code == 0, result.stdout
    for pid in SIX:
        assert f"{pid}: 39 van 39 beslispaden gedekt" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].endswith(" 0 failed")


def test_list_json_lists_the_six() -> None:
    result = CliRunner().invoke(make_app(), ["list", "--format", "json"])
    assert result.exit_code == 0
    ids = {e["id"] for e in json.loads(result.stdout)}
    assert ids >= set(SIX)


def test_definitions_agree_with_the_seed_terms() -> None:
    # the seed defines huiselijk geweld by the huiselijke kring; every description says so
    for pid in SIX:
        desc = (_protocol(pid).description or _protocol(pid).title).nl.lower()
        assert "huiselijk" in desc or "kind" in desc, pid


def test_protocol_files_are_named_by_id() -> None:
    for path in Path(PROTOCOLS).glob("*.yaml"):
        assert _protocol(path.stem).id == path.stem
