"""Issue 18: the sixth meldcode protocol, oudermishandeling (violence by a child against a
parent): shipped, valid, fully covered, in English throughout, and its own routes by age."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from meldcode_cli.chain.ketenkaart import check_kaart_paths
from meldcode_cli.cli.app import make_app
from meldcode_cli.protocol.compiled import CompiledProtocol, compile_protocol
from meldcode_cli.protocol.loading import load_protocol_file
from meldcode_cli.training.casus import check_casus_file
from meldcode_cli.walk.driver import BareTarget, replay
from meldcode_cli.walk.engine import Walk
from tests.conftest import PROTOCOLS, ROOT

PID = "oudermishandeling"
FILE = PROTOCOLS / f"{PID}.yaml"
SCENARIOS = PROTOCOLS / "scenarios" / f"{PID}.scenarios.yaml"

# fields that hold localisable text (docs/protocol-format.md, "Localisable text")
TEXT_FIELDS = ("title", "description", "text", "help", "why", "intro", "message", "when")


@pytest.fixture(scope="module")
def compiled() -> CompiledProtocol:
    loaded = load_protocol_file(FILE)
    assert loaded.protocol is not None, loaded.diagnostics
    result, diags = compile_protocol(loaded.protocol)
    assert result is not None, diags
    return result


def test_listed_by_meldcode_list() -> None:
    result = CliRunner().invoke(make_app(), ["list", "--format", "json"])
    assert result.exit_code == 0
    entry = next(e for e in json.loads(result.stdout) if e["id"] == PID)
    assert entry["version"] == "1.1.0"
    assert "Oudermishandeling" in json.dumps(entry, ensure_ascii=False)


def test_validates_without_diagnostics() -> None:
    result = CliRunner().invoke(make_app(), ["validate", str(FILE)])
    assert result.exit_code == 0, result.stdout
    assert "1 in orde, 0 met fouten (0 fouten, 0 waarschuwingen)" in result.stdout


def test_its_scenarios_cover_every_decision_path_for_every_role() -> None:
    result = CliRunner().invoke(make_app(), ["test", str(SCENARIOS), "--require-full-coverage"])
    assert result.exit_code == 0, result.stdout
    assert f"{PID}: 39 van 39 beslispaden gedekt" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].endswith(" 0 failed")


def _missing_english(node: Any, path: str = "", in_contact: bool = False) -> list[str]:
    """Every localisable field without an English text, by its path.

    An item's ``when`` is a condition, not text; a contact's ``when`` is text."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}"
            is_text = (key in TEXT_FIELDS and (key != "when" or in_contact)) or (
                key == "name" and in_contact
            )
            if is_text:
                if not (isinstance(value, dict) and value.get("nl") and value.get("en")):
                    found.append(here)
            else:
                found.extend(_missing_english(value, here, in_contact=key == "contacts"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_missing_english(value, f"{path}[{i}]", in_contact=in_contact))
    return found


def test_every_text_has_an_english_version() -> None:
    data = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    data.pop("sources")  # source titles are plain strings by the format
    assert _missing_english(data) == []


def test_the_english_walk_uses_the_english_texts() -> None:
    result = CliRunner().invoke(make_app(), ["--lang", "en", "show", PID])
    assert result.exit_code == 0, result.stdout
    assert "Parent abuse (violence by a child against a parent)" in result.stdout
    assert "How old is the child who (presumably) uses violence?" in result.stdout


def _relevant(compiled: CompiledProtocol, role: str, answers: dict[str, object]) -> set[str]:
    walk = Walk(compiled, role)
    replay(BareTarget(walk), answers)
    return {ci.id for ci in walk.relevant()}


@pytest.mark.parametrize(
    ("age", "minor"),
    [
        ("jonger_dan_12", True),
        ("minderjarig", True),
        ("jongvolwassene", False),
        ("ouder_dan_23", False),
    ],
)
def test_restraining_order_only_against_an_adult_child(
    compiled: CompiledProtocol, age: str, minor: bool
) -> None:
    relevant = _relevant(compiled, "wijkagent", {"pleger_leeftijd": age, "huisverbod_gevaar": "ja"})
    assert "huisverbod_rihg" in relevant
    assert ("huisverbod_minderjarige" in relevant) is minor
    assert compiled.by_id["huisverbod_gevaar"].acute_values == frozenset({"ja"})


def test_youth_care_route_for_a_minor_and_verwijsindex_up_to_23(
    compiled: CompiledProtocol,
) -> None:
    hulp = {"afweging_1": "ja", "afweging_2": "nee", "afweging_3": "ja", "afweging_4": "ja"}
    minor = _relevant(compiled, "professional", {"pleger_leeftijd": "minderjarig", **hulp})
    assert {"route_jeugdhulp", "minderjarig_kind_uitleg", "verwijsindex"} <= minor
    adult = _relevant(compiled, "professional", {"pleger_leeftijd": "jongvolwassene", **hulp})
    assert "route_jeugdhulp" not in adult
    assert "verwijsindex" in adult  # the VIR covers young people up to 23
    older = _relevant(
        compiled, "professional", {"pleger_leeftijd": "ouder_dan_23", "kindcheck": "nee", **hulp}
    )
    assert "verwijsindex" not in older
    assert "leeftijd_ouder_uitleg" in older


def test_the_childs_addiction_or_illness_opens_the_ggz_route(compiled: CompiledProtocol) -> None:
    melden = {"afweging_1": "ja", "afweging_2": "nee", "afweging_3": "nee"}
    relevant = _relevant(compiled, "huisarts", {"kind_problemen": ["psychiatrie"], **melden})
    assert {"ggz_uitleg", "route_ggz"} <= relevant
    relevant = _relevant(compiled, "huisarts", {"kind_problemen": ["geen_onbekend"], **melden})
    assert not {"ggz_uitleg", "route_ggz"} & relevant


def test_acute_and_structural_signals(compiled: CompiledProtocol) -> None:
    signalen = compiled.by_id["signalen"]
    assert {"letsel_behandeling", "verwurging", "wapen", "seksueel_geweld"} <= signalen.acute_values
    assert "ouder_bang" not in signalen.acute_values
    assert {"herhaald_geweld", "kind_problemen_structureel"} <= signalen.structural_values


def test_closing_while_the_violence_escalates_needs_a_justification(
    compiled: CompiledProtocol,
) -> None:
    shared = {c.id for c in compiled.checks if c.shared}
    assert len(shared) == 6  # all shared guardrails apply
    check = next(c for c in compiled.checks if c.id == "oum_afsluiten_bij_escalatie")
    assert check.check.severity == "justify"


def test_both_casus_validate_and_train_the_form() -> None:
    paths = sorted((ROOT / "casus").glob("oum-*.casus.yaml"))
    assert [p.name for p in paths] == [
        "oum-huisarts-zoon.casus.yaml",
        "oum-wijkagent-minderjarig.casus.yaml",
    ]
    for path in paths:
        check = check_casus_file(path)
        assert check.ok
        assert check.diagnostics == [], check.diagnostics
        assert check.casus is not None
        assert check.casus.protocol == PID


def test_ketenkaart_lists_the_huisverbod_for_oudermishandeling() -> None:
    loaded = check_kaart_paths([ROOT / "ketenkaart"])
    assert [d for lk in loaded for d in lk.diagnostics] == []
    orgs = [o for lk in loaded if lk.kaart is not None for o in lk.kaart.organisations]
    huisverbod = next(o for o in orgs if o.id == "tijdelijk-huisverbod-gelderland-zuid")
    assert PID in huisverbod.forms


def test_monitoring_maps_the_protocol_onto_cbs_geweld_tegen_ouders() -> None:
    text = (ROOT / "docs" / "monitoring.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith(f"| protocol `{PID}`"))
    assert "geweld tegen ouders" in row
