"""Checks on the professional's own steps, replay that says what the walk says, refutation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from meldcode_cli.protocol.guardrails import ALL_SHARED_CHECKS, GUARDRAIL_IDS, checks_hash
from meldcode_cli.record.store import load_envelope
from meldcode_cli.record.verify import verify_file
from meldcode_cli.walk.casestore import CaseError, CaseStore
from meldcode_cli.walk.driver import ScriptedPrompter, drive, replay_phases
from meldcode_cli.walk.engine import AnswerError, Walk
from meldcode_cli.walk.session import Session, compile_text
from tests.conftest import ROOT, VOORBEELD

TODAY = dt.date(2026, 1, 15)
PG = ROOT / "protocols" / "partnergeweld.yaml"
EXAMPLE = ROOT / "examples" / "casus-partnergeweld.yaml"


@pytest.fixture
def store() -> CaseStore:
    return CaseStore()  # in the test's own MELDCODE_HOME (conftest)


def _pg() -> object:
    return compile_text(PG.read_text(encoding="utf-8"), str(PG))


def _example() -> dict[str, object]:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_every_shipped_protocol_gets_all_six_guardrails() -> None:
    for name in (
        "partnergeweld",
        "ouderenmishandeling",
        "eergerelateerd-geweld",
        "kindermishandeling",
        "loverboy-problematiek",
        "oudermishandeling",
    ):
        path = ROOT / "protocols" / f"{name}.yaml"
        compiled = compile_text(path.read_text(encoding="utf-8"), str(path))
        ids = {c.id for c in compiled.checks if c.shared}
        assert ids == set(GUARDRAIL_IDS.values()), (name, compiled.shared_skipped)
        assert compiled.checks_hash == checks_hash(c.check for c in compiled.checks)
    voorbeeld = compile_text(VOORBEELD.read_text(encoding="utf-8"), str(VOORBEELD))
    assert not voorbeeld.checks  # it has none of the items the guardrails read
    assert {cid for cid, _ in voorbeeld.shared_skipped} == {c.id for c in ALL_SHARED_CHECKS}
    for name in ("informatieverzoek-veilig-thuis", "informatieverzoek-politie-justitie"):
        path = ROOT / "protocols" / f"{name}.yaml"
        compiled = compile_text(path.read_text(encoding="utf-8"), str(path))
        assert {c.id for c in compiled.checks} == {
            "verstrekken_zonder_context",
            "verstrekken_zonder_overleg",
        }


def test_check_fires_mid_walk_and_again_before_signing() -> None:
    compiled = _pg()
    answers = dict(_example()["answers"])  # type: ignore[call-overload]
    answers["consultatie_collega"] = "nee"
    answers.pop("consultatie_collega_verslag")
    answers["consultatie_collega_reden_niet"] = "Avonddienst, niemand bereikbaar."
    walk = Walk(compiled, "huisarts", today=TODAY)  # type: ignore[arg-type]
    prompter = ScriptedPrompter(
        answers=answers,
        justifications={"geen_consultatie": "Aandachtsfunctionaris afwezig; VT geraadpleegd."},
    )
    drive(walk, prompter)
    # shown the moment it became true, then again before signing
    assert prompter.checks_shown == [("geen_consultatie", False), ("geen_consultatie", True)]
    assert walk.justifications["geen_consultatie"].text.startswith("Aandachtsfunctionaris")
    assert walk.unjustified() == []


def test_block_and_unknown_check_and_empty_justification() -> None:
    compiled = _pg()
    walk = Walk(compiled, "huisarts", today=TODAY)  # type: ignore[arg-type]
    with pytest.raises(AnswerError, match="onbekende controle"):
        walk.justify("bestaat_niet", "tekst")
    with pytest.raises(AnswerError, match="leeg"):
        walk.justify("geen_consultatie", "  ")


def _session(store: CaseStore, label: str, answers: dict[str, object]) -> Session:
    text = PG.read_text(encoding="utf-8")
    compiled = compile_text(text, str(PG))
    s = Session.start(
        store,
        label,
        protocol_text=text,
        compiled=compiled,
        role="huisarts",
        lang="nl",
        today=lambda: TODAY,
    )
    assert replay_phases(s, answers) == []
    return s


def test_signing_refuses_without_justification(store: CaseStore) -> None:
    from meldcode_cli.record.profile import Profile, ProfileStore
    from meldcode_cli.record.signing import sign_case

    answers = dict(_example()["answers"])  # type: ignore[call-overload]
    answers["consultatie_collega"] = "nee"
    answers.pop("consultatie_collega_verslag")
    answers["consultatie_collega_reden_niet"] = "Avonddienst, niemand bereikbaar."
    s = _session(store, "g1", answers)
    profiles = ProfileStore()
    profiles.init(Profile(name="A", role="huisarts", organisation="B"), "een lange wachtzin")
    with pytest.raises(CaseError, match="geen_consultatie"):
        sign_case(s, passphrase=lambda: "een lange wachtzin", profiles=profiles)
    s.justify("geen_consultatie", "Aandachtsfunctionaris met verlof; VT anoniem geraadpleegd.")
    out = sign_case(s, passphrase=lambda: "een lange wachtzin", profiles=profiles)
    record = load_envelope(out.path)["record"]
    fired = record["checks"]["fired"]
    assert [c["id"] for c in fired] == ["geen_consultatie"]
    assert fired[0]["justification"].startswith("Aandachtsfunctionaris met verlof")
    assert record["checks"]["definitions_hash"] == s.walk.compiled.checks_hash
    assert verify_file(out.path).valid
    # the justification is journalled: a resumed session has it
    again, _ = Session.resume(store, "g1", today=lambda: TODAY)
    assert "geen_consultatie" in again.walk.justifications


def test_record_without_the_new_sections_still_verifies(store: CaseStore) -> None:
    """Records signed before checks/refutations existed: the signature still verifies."""
    from meldcode_cli.record import crypto
    from meldcode_cli.record.canonical import canonical, integrity_map
    from meldcode_cli.record.model import Record
    from meldcode_cli.record.store import sign_envelope, write_record

    s = _session(store, "old", dict(_example()["answers"]))  # type: ignore[call-overload]
    from meldcode_cli.record.build import build_record

    body = build_record(s, profile=None, key_fingerprint=None).to_dict()
    for name in ("checks", "refutations"):
        body.pop(name)
    for name in ("open_met_veilig_thuis", "eerder_gemeld", "evaluatie"):
        body["decision"].pop(name)
    body["integrity"] = integrity_map(body)
    pair = crypto.generate()
    old = Record.from_dict(body)  # a record as made before these sections existed
    path = write_record(s.case.folder / "records", sign_envelope(old, pair))
    result = verify_file(path)
    assert result.valid, result.reasons
    assert canonical(body)  # the old shape is still canonicalisable


def _answers_file(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_replay_rejects_an_answer_for_a_question_not_on_the_path(tmp_path: Path) -> None:
    data = _example()
    answers = dict(data["answers"])  # type: ignore[call-overload]
    # the examination item follows the 'letsel' signal; kindcheck nee: no children items
    answers["kindcheck_kinderen"] = "Twee kinderen, 4 en 7 jaar."
    data["answers"] = answers
    path = _answers_file(tmp_path, data)
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, ln in enumerate(lines, 1) if ln.startswith("  kindcheck_kinderen:"))
    result = CliRunner().invoke(
        make_app(), ["start", "partnergeweld", "--answers", str(path), "--no-save"]
    )
    assert result.exit_code == 2
    assert f"{path}:{line}:3:" in result.stderr
    assert "kindcheck_kinderen" in result.stderr
    assert "niet aan de orde" in result.stderr


def test_replay_unknown_id_says_did_you_mean(tmp_path: Path) -> None:
    data = _example()
    answers = dict(data["answers"])  # type: ignore[call-overload]
    answers["kindchek"] = answers.pop("kindcheck")
    data["answers"] = answers
    path = _answers_file(tmp_path, data)
    result = CliRunner().invoke(
        make_app(), ["start", "partnergeweld", "--answers", str(path), "--no-save"]
    )
    assert result.exit_code == 2
    assert "kindchek" in result.stderr
    assert "bedoelde u 'kindcheck'" in result.stderr
    assert f"{path}:" in result.stderr


def test_replay_missing_justification_exits_2_then_passes(tmp_path: Path) -> None:
    data = _example()
    answers = dict(data["answers"])  # type: ignore[call-overload]
    answers["consultatie_collega"] = "nee"
    answers.pop("consultatie_collega_verslag")
    answers["consultatie_collega_reden_niet"] = "Avonddienst, niemand bereikbaar."
    data["answers"] = answers
    path = _answers_file(tmp_path, data)
    runner = CliRunner()
    result = runner.invoke(
        make_app(), ["start", "partnergeweld", "--answers", str(path), "--no-save"]
    )
    assert result.exit_code == 2
    assert "geen_consultatie" in result.stdout
    assert "Er is geen collegiale consultatie geweest" in result.stdout
    assert "justifications" in result.stdout
    data["justifications"] = {"geen_consultatie": "Aandachtsfunctionaris met verlof."}
    path = _answers_file(tmp_path, data)
    result = runner.invoke(
        make_app(), ["start", "partnergeweld", "--answers", str(path), "--no-save"]
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    # replay says what the walk says: guidance and contacts, the fired check
    assert "Getoond op dit pad" in result.stdout
    assert "0800-2000" in result.stdout
    assert "Uw verantwoording: Aandachtsfunctionaris met verlof." in result.stdout


def test_answers_file_afweging_5_belongs_to_the_evaluation(tmp_path: Path) -> None:
    data = _example()
    answers = dict(data["answers"])  # type: ignore[call-overload]
    answers["afweging_5"] = "ja"
    data["answers"] = answers
    path = _answers_file(tmp_path, data)
    result = CliRunner().invoke(
        make_app(), ["start", "partnergeweld", "--answers", str(path), "--no-save"]
    )
    assert result.exit_code == 2
    assert "evaluatie" in result.stderr


def test_refutation_lets_the_decision_follow_new_facts(store: CaseStore) -> None:
    text = VOORBEELD.read_text(encoding="utf-8")
    compiled = compile_text(text, str(VOORBEELD))
    s = Session.start(
        store,
        "r1",
        protocol_text=text,
        compiled=compiled,
        role="huisarts",
        lang="nl",
        today=lambda: TODAY,
    )
    s.answer("signalen", ["letsel", "angst"])  # letsel is acute
    assert s.walk.onveilig()
    with pytest.raises(AnswerError, match="niets te weerleggen"):
        s.refute("signalen", "verwurging", "x", "dossier")
    s.refute(
        "signalen",
        "letsel",
        "20-01: röntgenfoto huisarts toont een oude, genezen fractuur na een val (2024).",
        "dossier",
    )
    assert not s.walk.onveilig()
    # the original fact stays
    assert s.walk.answers["signalen"] == frozenset({"letsel", "angst"})
    again, _ = Session.resume(store, "r1", today=lambda: TODAY)
    assert not again.walk.onveilig()
    assert again.walk.refutations[0].value == "letsel"
    # afweging 2 "nee" is no longer refused
    for item, value in [
        ("signalen_feiten", "x"),
        ("signalen_duiding", ""),
        ("kinderen", "nee"),
        ("advies_vt", "ja"),
        ("advies_vt_uitkomst", "x"),
        ("gesprek", "gevoerd"),
        ("gesprek_verslag", "x"),
        ("weging", "x"),
        ("afweging_1", "ja"),
        ("afweging_2", "nee"),
    ]:
        again.answer(item, value)
    assert again.walk.answers["afweging_2"] == "nee"


def test_refute_command(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        make_app(), ["start", "partnergeweld", "--answers", str(EXAMPLE), "--case", "rc"]
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    result = runner.invoke(
        make_app(),
        [
            "refute",
            "rc",
            "signalen",
            "lichamelijk_geweld",
            "--text",
            "Röntgen 20-01: val van de trap, bevestigd door buurvrouw.",
            "--source",
            "derde",
        ],
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Weerlegging vastgelegd" in result.stdout
    journal = (CaseStore().folder("rc") / "journal.jsonl").read_text(encoding="utf-8")
    assert any(json.loads(x).get("type") == "refutation" for x in journal.splitlines())
    result = runner.invoke(make_app(), ["refute", "rc", "signalen", "wapen", "--text", "x"])
    assert result.exit_code == 2


BLOCK_CHECKS = """checks:
  - id: geen_advies_geblokkeerd
    when: advies_vt == nee and role == huisarts
    severity: block
    message: Zonder advies van Veilig Thuis kan een huisarts hier niet ondertekenen.
    sources: [augeo-stappenplan]
  - id: let_op_uitzondering
    when: gesprek == uitzondering
    severity: note
    message: Zoek een ander moment om de cliënt te informeren.
    sources: [augeo-stappenplan]
"""

VOORBEELD_ANSWERS = {
    "signalen": ["angst"],
    "signalen_feiten": "x",
    "kinderen": "nee",
    "advies_vt": "nee",
    "advies_vt_reden_niet": "x",
    "gesprek": "uitzondering",
    "weging": "x",
    "afweging_1": "ja",
    "afweging_2": "nee",
    "afweging_3": "nee",
    "geinformeerd": "x",
}


def test_block_refuses_signing_until_the_answers_change(store: CaseStore) -> None:
    from meldcode_cli.record.profile import Profile, ProfileStore
    from meldcode_cli.record.signing import sign_case

    text = VOORBEELD.read_text(encoding="utf-8").replace("id: voorbeeld\n", "id: blok\n", 1)
    text += BLOCK_CHECKS
    compiled = compile_text(text, "blok.yaml")
    s = Session.start(
        store, "b1", protocol_text=text, compiled=compiled, role="huisarts", lang="nl",
        today=lambda: TODAY,
    )  # fmt: skip
    assert replay_phases(s, VOORBEELD_ANSWERS) == []
    assert [c.id for c in s.walk.fired_checks()] == [
        "geen_advies_geblokkeerd",
        "let_op_uitzondering",
    ]
    assert [c.id for c in s.walk.blocking()] == ["geen_advies_geblokkeerd"]
    assert s.walk.unjustified() == []  # a note asks nothing
    profiles = ProfileStore()
    profiles.init(Profile(name="A", role="huisarts", organisation="B"), "een lange wachtzin")
    with pytest.raises(CaseError, match="ondertekenen geweigerd"):
        sign_case(s, passphrase=lambda: "een lange wachtzin", profiles=profiles)
    s.answer("advies_vt", "ja")  # the answers change
    s.answer("advies_vt_uitkomst", "13-01: anoniem advies.")
    assert s.walk.blocking() == []
    out = sign_case(s, passphrase=lambda: "een lange wachtzin", profiles=profiles)
    fired = load_envelope(out.path)["record"]["checks"]["fired"]
    assert [(c["id"], c["severity"]) for c in fired] == [("let_op_uitzondering", "note")]
