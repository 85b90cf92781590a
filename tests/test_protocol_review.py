"""Issue 12: the reviewed defects stay fixed, the shared review ids exist, and per-role
step titles (the KNMG names for the huisarts) work and are checked."""

from __future__ import annotations

import pytest
import yaml

from meldcode_cli.authoring.scenarios import ScenarioFile, run_scenario
from meldcode_cli.protocol.compiled import compile_protocol
from meldcode_cli.protocol.loading import load_protocol_file, load_protocol_text
from meldcode_cli.protocol.model import Protocol
from meldcode_cli.walk.engine import Walk

from .conftest import PROTOCOLS

SIX = (
    "partnergeweld",
    "ouderenmishandeling",
    "eergerelateerd-geweld",
    "kindermishandeling",
    "loverboy-problematiek",
    "oudermishandeling",
)

# ids every protocol has since the review (docs/protocols.md, "what a reviewer checks")
REVIEW_IDS = [
    "knmg_stap_2",
    "consultatie_collega_reden_niet",
    "advies_geen_melding",
    "verwijsindex",
    "verwijsindex_verslag",
    "melding_informeren_alsnog",
    "terugkoppeling_veilig_thuis",
    "veiligheidsplan",
]

# one scenario per fixed defect of the review's top ten (items 5 and 7 are other issues)
DEFECT_SCENARIOS = {
    "kindermishandeling": [
        "defect-km-seksueel-misbruik-eerst-advies",
        "defect-km-seksueel-misbruik-studioverhoor",
        "defect-km-vgv-vastgesteld-melden",
        "defect-km-zuigeling-blauwe-plek",
    ],
    "eergerelateerd-geweld": [
        "defect-egg-vgv-vastgesteld-melden",
        "defect-egg-achterlating-buza-247",
    ],
    "partnergeweld": [
        "defect-pg-verwurging-forensisch",
        "defect-pg-veiligheidsplan-melden-zonder-hulp",
    ],
    "loverboy-problematiek": ["defect-lb-uitbuiting-minderjarige-melden"],
    "ouderenmishandeling": ["defect-om-letsel-verschillende-ouderdom-niet-acuut"],
}

# wording and addresses the review found wrong; they must not come back
STALE = [
    "Inspectie SZW",
    "ckm-fier.nl",
    "docs/protocols/",
    "+31 35 6991199",
    "dessaurtrainingen",
    "studylibnl.com",
    "Politie (AVIM, mensenhandel)",
]


def _protocol(pid: str) -> Protocol:
    loaded = load_protocol_file(PROTOCOLS / f"{pid}.yaml")
    assert loaded.protocol is not None, loaded.diagnostics
    return loaded.protocol


@pytest.mark.parametrize("pid", SIX)
def test_review_ids_in_every_protocol(pid: str) -> None:
    compiled, diags = compile_protocol(_protocol(pid))
    assert compiled is not None, diags
    missing = [i for i in REVIEW_IDS if i not in compiled.by_id]
    assert missing == []
    options = {
        o.id
        for o in compiled.by_id["melding_geinformeerd"].item.options  # type: ignore[union-attr]
    }
    assert "nog_niet" in options


@pytest.mark.parametrize("pid", SIX)
def test_no_stale_names_or_addresses(pid: str) -> None:
    text = (PROTOCOLS / f"{pid}.yaml").read_text(encoding="utf-8")
    assert [s for s in STALE if s in text] == []


@pytest.mark.parametrize("pid", sorted(DEFECT_SCENARIOS))
def test_defect_scenarios_exist_and_pass(pid: str) -> None:
    path = PROTOCOLS / "scenarios" / f"{pid}.scenarios.yaml"
    spec = ScenarioFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    compiled, _ = compile_protocol(_protocol(pid))
    by_prefix = {
        want: [s for s in spec.scenarios if s.name.startswith(want + " ")]
        for want in DEFECT_SCENARIOS[pid]
    }
    assert [w for w, found in by_prefix.items() if len(found) != 1] == []
    for found in by_prefix.values():
        result = run_scenario(compiled, found[0], str(path))
        assert result.passed, result.failures


def test_vgv_established_in_a_girl_is_acute_but_not_in_an_adult_woman() -> None:
    compiled, _ = compile_protocol(_protocol("eergerelateerd-geweld"))
    assert compiled is not None
    ci = compiled.by_id["vgv_risico"]
    assert "vastgesteld" in ci.acute_values
    assert "vastgesteld_volwassen" not in ci.acute_values


def test_bruises_of_different_ages_in_older_people_are_not_acute() -> None:
    compiled, _ = compile_protocol(_protocol("ouderenmishandeling"))
    assert compiled is not None
    signalen = compiled.by_id["signalen"]
    assert "letsel_verschillende_ouderdom" not in signalen.acute_values
    assert "fixatie" in signalen.acute_values


def test_forced_criminality_is_acute() -> None:
    compiled, _ = compile_protocol(_protocol("loverboy-problematiek"))
    assert compiled is not None
    assert "gedwongen_criminaliteit" in compiled.by_id["signalen"].acute_values
    assert compiled.by_id["uitbuiting_minderjarig"].acute_values == frozenset({"ja"})


@pytest.mark.parametrize("pid", SIX)
def test_huisarts_sees_the_knmg_step_names(pid: str) -> None:
    proto = _protocol(pid)
    huisarts = [s.title_for("huisarts").nl for s in proto.steps]
    assert huisarts[0] == "Onderzoek, kindcheck en mantelzorgverleningscheck"
    assert huisarts[4] == "Beslissen over melden via afwegingskader"
    other = [s.title_for("professional").nl for s in proto.steps]
    assert other == [s.title.nl for s in proto.steps]
    assert other[4] == "Beslissen: melden en/of hulp bieden of organiseren"


MINI = """\
schema_version: 1
id: mini
title: Mini
version: "1.0"
roles: [huisarts, wijkagent]
steps:
  - step: 1
    title: Signalen
    role_titles:
      huisarts: Onderzoek
      {extra}
    items:
      - {{id: signaal, kind: yes_no, text: Signaal?}}
  - step: 2
    title: Overleg
    items:
      - {{id: overleg, kind: text, nature: toelichting, text: Overleg?}}
  - step: 3
    title: Gesprek
    items:
      - {{id: gesprek, kind: text, nature: feit, text: Gesprek?}}
  - step: 4
    title: Wegen
    items:
      - {{id: weging, kind: text, nature: interpretatie, text: Weging?}}
  - step: 5
    title: Beslissen
    items:
      - kind: afwegingskader
"""


def test_role_titles_for_a_role_of_the_protocol() -> None:
    loaded = load_protocol_text(MINI.format(extra=""), "mini.yaml")
    assert loaded.protocol is not None, loaded.diagnostics
    compiled, diags = compile_protocol(loaded.protocol)
    assert compiled is not None
    assert diags == []
    step = loaded.protocol.steps[0]
    assert step.title_for("huisarts").nl == "Onderzoek"
    assert step.title_for("wijkagent").nl == "Signalen"
    assert step.title_for(None).nl == "Signalen"
    Walk(compiled, "huisarts")  # a walk for the role builds


def test_role_titles_for_a_foreign_role_is_mc211() -> None:
    loaded = load_protocol_text(MINI.format(extra="professional: Anders"), "mini.yaml")
    assert loaded.protocol is not None, loaded.diagnostics
    _, diags = compile_protocol(loaded.protocol)
    assert [d.code for d in diags] == ["MC211"]
    assert "professional" in diags[0].message
