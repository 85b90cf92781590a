"""The wijkagent flow (issue 15): what a police officer sees per protocol, the kenmerk
check of the police registration number, the profile identifiers per role, the
Concept-zorgmelding (goldens in md, txt and html) and records of protocol 1.2.0 that still
verify."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meldcode_cli.authoring.render import role_items
from meldcode_cli.cli.signflow import init_profile
from meldcode_cli.privacy.kenmerk import kenmerk_problem
from meldcode_cli.protocol.compiled import CompiledProtocol, compile_protocol
from meldcode_cli.protocol.loading import load_protocol_file, load_protocol_text
from meldcode_cli.record.build import build_record
from meldcode_cli.record.profile import Profile, ProfileError, ProfileStore, looks_like_big
from meldcode_cli.record.store import sign_envelope, write_record
from meldcode_cli.record.verify import Problem, verify_file
from meldcode_cli.report.verifyview import finding_text
from meldcode_cli.walk.casestore import CaseStore
from meldcode_cli.walk.driver import replay
from meldcode_cli.walk.engine import AnswerError, Walk, normalize_answer
from meldcode_cli.walk.session import Session, compile_text
from meldcode_cli.walk.view import record_texts  # also registers the view's default texts
from tests.conftest import ROOT
from tests.report import test_report as tr
from tests.report.test_report import frozen  # noqa: F401  (the fixed clock, uuid and key of the goldens)

PROTOCOLS = (
    "partnergeweld",
    "ouderenmishandeling",
    "eergerelateerd-geweld",
    "kindermishandeling",
    "loverboy-problematiek",
)
GOLDEN = ROOT / "tests" / "golden"
# Care wording a police officer must not meet (issue 15: beroepsgeheim, spreekkamer
# questions, "uw eigen hulp loopt door", NVvP/NHG and DASH guidance, "zelf hulp bieden").
CARE_WORDS = (
    "cliënt",
    "patiënt",
    "spreekuur",
    "spreekkamer",
    "beroepsgeheim",
    "nvvp",
    "nhg",
    "dash",
    "zelf hulp",
    "eigen hulp",
    "raadpleeg ook de politie",
)
CARE_ONLY = {
    "beroepsgeheim", "beroepsgeheim_afweging", "melding_anoniem", "mantelzorgcheck",
    "knmg_stap_2", "verwijsindex", "consultatie_wie", "veiligheidsvragen",
    "weging_instrumenten", "gesprek_aanpak", "zelf_hulp_egg", "onderzoek_bevindingen",
    "advies_veilig_thuis_reden_niet",
}  # fmt: skip
POLICE = (
    "incident", "huisverbod_gevaar", "huisverbod_rihg", "huisverbod_voorgelegd",
    "huisverbod_besluit", "politie_registratienummer", "consultatie_politie",
    "gesprek_politie", "aangifte", "politie_afwegingskader", "zorgmelding_doen", "zorgmelding",
    "terugkoppeling_veilig_thuis",
)  # fmt: skip


def compiled(pid: str) -> CompiledProtocol:
    proto = load_protocol_file(ROOT / "protocols" / f"{pid}.yaml").protocol
    assert proto is not None
    c, diags = compile_protocol(proto)
    assert c is not None, diags
    return c


def listing() -> str:
    """Per protocol, per step, the items the wijkagent can meet (the reviewed list)."""
    lines = []
    for pid in PROTOCOLS:
        lines.append(f"{pid}:")
        for ci in role_items(compiled(pid), "wijkagent"):
            lines.append(f"  {ci.step} {ci.id}")
    return "\n".join(lines) + "\n"


def test_the_items_a_wijkagent_sees_are_the_reviewed_list() -> None:
    path = GOLDEN / "wijkagent-items.txt"
    got = listing()
    if os.environ.get("MELDCODE_UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8"), "review, then MELDCODE_UPDATE_GOLDEN=1"


@pytest.mark.parametrize("pid", PROTOCOLS)
def test_the_wijkagent_meets_no_care_only_item_and_no_care_wording(pid: str) -> None:
    items = role_items(compiled(pid), "wijkagent")
    ids = [ci.id for ci in items]
    assert not CARE_ONLY & set(ids)
    for ci in items:
        texts = [ci.item.text.nl, *([ci.item.help.nl] if ci.item.help else [])]
        for text in texts:
            hits = [w for w in CARE_WORDS if w in text.lower()]
            assert not hits, f"{pid}: {ci.id} shows {hits} to the wijkagent"


@pytest.mark.parametrize("pid", PROTOCOLS)
def test_the_police_flow_incident_first_huisverbod_at_the_incident(pid: str) -> None:
    items = role_items(compiled(pid), "wijkagent")
    ids = [ci.id for ci in items]
    steps = {ci.id: ci.step for ci in items}
    for iid in POLICE:
        assert iid in ids, f"{pid}: {iid} missing for the wijkagent"
    assert ids[0] == "incident"
    assert steps["huisverbod_gevaar"] == 1
    assert steps["huisverbod_besluit"] == 1
    assert steps["consultatie_politie"] == 2
    assert steps["aangifte"] == 3
    c = compiled(pid)
    assert tuple(map(int, c.protocol.version.split("."))) >= (1, 4, 0)  # the police flow
    titles = [s.title_for("wijkagent").nl for s in c.protocol.steps]
    assert titles[0] == "Het incident of signaal in kaart brengen"
    assert titles[4] == "Beslissen: zorgmelding bij Veilig Thuis"


@pytest.mark.parametrize("pid", PROTOCOLS)
def test_the_afwegingskader_reads_as_police_work(pid: str) -> None:
    walk = Walk(compiled(pid), "wijkagent")
    a3 = walk.compiled.by_id["afweging_3"].item.text.nl
    assert "organiseren" in a3
    assert "niet zelf" in a3
    assert "bieden of te organiseren" not in a3
    huisarts = Walk(compiled(pid), "huisarts").compiled.by_id["afweging_3"].item.text.nl
    assert "bieden of te organiseren" in huisarts  # the other roles read the NJi wording


@pytest.mark.parametrize("pid", PROTOCOLS)
def test_no_zorgmelding_asks_a_justification_and_more_so_with_children(pid: str) -> None:
    ids = {c.id: c for c in compiled(pid).checks}
    for cid in ("geen_zorgmelding", "geen_zorgmelding_kinderen"):
        assert ids[cid].severity == "justify"
        assert ids[cid].check.roles == ["wijkagent"]
        assert ids[cid].check.sources


def test_role_text_for_a_role_the_protocol_does_not_serve_is_mc211() -> None:
    text = (ROOT / "protocols" / "voorbeeld.yaml").read_text(encoding="utf-8")
    text = text.replace("roles: [huisarts, wijkagent, professional]", "roles: [huisarts]", 1)
    text = text.replace(
        "        kind: multi_choice\n",
        "        kind: multi_choice\n        role_text:\n          wijkagent: Wat zag u?\n",
        1,
    )
    loaded = load_protocol_text(text, "voorbeeld.yaml")
    assert loaded.protocol is not None
    _, diags = compile_protocol(loaded.protocol)
    assert any(d.code == "MC211" and "role_text" in d.loc for d in diags)


# --- the registration number: a kenmerk, never a name ----------------------------------


@pytest.mark.parametrize(
    "value", ["PL1400-2026123456", "2026123456", "BVH.2026/00123", "ZM-2026-0042"]
)
def test_a_kenmerk_is_accepted(value: str) -> None:
    assert kenmerk_problem(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "Jansen",
        "Jan Jansen",
        "jan2026",
        "A.Jansen-2026",
        "PietJansen2024",
        "0612345678",  # a phone number (leakcheck)
        "123456782",  # a BSN (elfproef, leakcheck)
        "x" * 41,
    ],
)
def test_anything_that_looks_like_a_name_or_identifier_is_refused(value: str) -> None:
    problem = kenmerk_problem(value)
    assert problem is not None
    assert value not in str(problem)  # the message never repeats the value


@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=4))
def test_a_word_alone_is_never_a_kenmerk(word: str) -> None:
    assert kenmerk_problem(word) is not None


def test_the_walk_refuses_a_name_as_registration_number() -> None:
    walk = Walk(compiled("partnergeweld"), "wijkagent")
    ci = walk.compiled.by_id["politie_registratienummer"]
    with pytest.raises(AnswerError, match="kenmerk"):
        normalize_answer(ci, "Jan Jansen", role="wijkagent")
    assert normalize_answer(ci, "PL1400-2026000777", role="wijkagent") == "PL1400-2026000777"


# --- the profile: no BIG for police ----------------------------------------------------


@pytest.mark.parametrize("value", ["BIG 12345678901", "12345678901", "big-nr 1234"])
def test_a_wijkagent_profile_refuses_a_big_number(tmp_path: Path, value: str) -> None:
    assert looks_like_big(value)
    with pytest.raises(ProfileError, match="geen BIG"):
        init_profile(
            name="W. de Boer", role="wijkagent", organisation="Politie eenheid Den Haag",
            registration=value, contact=None, passphrase=lambda: "een lange wachtzin",
            force=False, stdin=io.StringIO(), stdout=io.StringIO(),
            store=ProfileStore(tmp_path),
        )  # fmt: skip


def test_a_huisarts_keeps_the_big_number(tmp_path: Path) -> None:
    init_profile(
        name="Dr. A. Jansen", role="huisarts", organisation="Praktijk",
        registration="19012345601", contact=None, passphrase=lambda: "een lange wachtzin",
        force=False, stdin=io.StringIO(), stdout=io.StringIO(), store=ProfileStore(tmp_path),
    )  # fmt: skip
    assert ProfileStore(tmp_path).load().registration == "19012345601"


# --- the Concept-zorgmelding -----------------------------------------------------------

POLICE_SCENARIO = (
    "wijkagent: incident op het adres met kinderen aanwezig, huisverbod opgelegd door de "
    "hulpofficier: zorgmelding"
)
POLICE_PROFILE = Profile(
    name="W. de Boer",
    role="wijkagent",
    organisation="Politie eenheid Den Haag, team Zoetermeer",
    registration="P-0042",
    contact="0900-8844",
)


@pytest.mark.parametrize("fmt", tr.FORMATS)
def test_golden_concept_zorgmelding(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(tr.SCENARIOS, "partnergeweld", POLICE_SCENARIO)
    text = tr.report(tr.build(tmp_path, profile=POLICE_PROFILE), fmt)
    tr.golden(f"partnergeweld.wijkagent.{fmt}", text)
    assert "Concept-zorgmelding" in text
    assert "BIG" not in text
    for label in ("Eenheid en team", "Personeelsnummer of -referentie", "Politiële gegevens"):
        assert label.lower() in text.lower()
    assert "geen etiketten" in text  # the neutral-wording rule
    assert "Huisverbod opgelegd (10 dagen)" in text


# --- records of 1.2.0 keep verifying -----------------------------------------------------


def test_a_record_signed_under_1_2_0_still_verifies(tmp_path: Path) -> None:
    """A wijkagent record made with partnergeweld 1.2.0 (before this flow) verifies; against
    the 1.3.0 text at hand verify only notes the other version."""
    old_text = (ROOT / "tests" / "fixtures" / "protocols-1.2.0" / "partnergeweld.yaml").read_text(
        encoding="utf-8"
    )
    assert 'version: "1.2.0"' in old_text
    new = ("incident", "politie_registratienummer", "aangifte", "zorgmelding_doen",
           "incident_kinderen_aanwezig", "huisverbod_voorgelegd", "huisverbod_voorgelegd_datum",
           "huisverbod_besluit")  # fmt: skip
    sc = tr.scenario("partnergeweld", "wijkagent: hulp geweigerd: melden")
    answers = {k: v for k, v in sc.answers.items() if k not in new}
    compiled_old = compile_text(old_text, "partnergeweld.yaml")
    store = CaseStore(tmp_path / "home")
    session = Session.start(
        store, "oud", protocol_text=old_text, compiled=compiled_old, role="wijkagent",
        lang="nl", today=lambda: tr.TODAY,
    )  # fmt: skip
    assert replay(session, answers, sc.acute_steps) == []
    session.complete()
    session = Session(store.open("oud"), compiled_old, today=lambda: tr.TODAY)
    record = build_record(
        session, profile=POLICE_PROFILE, key_fingerprint=tr.PAIR.fingerprint, texts=record_texts()
    )
    path = write_record(session.case.folder / "records", sign_envelope(record, tr.PAIR))
    assert record.protocol.version == "1.2.0"
    assert verify_file(path).valid
    current = (ROOT / "protocols" / "partnergeweld.yaml").read_text(encoding="utf-8")
    result = verify_file(path, protocol_text=(current, "1.3.0"))
    assert result.valid, result.reasons
    assert any(
        n.problem is Problem.PROTOCOL_OTHER_VERSION
        and n.params["version"] == "1.2.0"
        and n.params["at_hand"] == "1.3.0"
        for n in result.notes
    )
    shown = [finding_text(n) for n in result.notes]
    assert any("versie 1.3.0" in n and "1.2.0" in n for n in shown)
