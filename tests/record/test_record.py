"""The signed decision record: build, sign, verify, tamper, rotate, chain."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meldcode_cli.record.model import DecisionRecord, Override, Record
from meldcode_cli.record.profile import Profile, ProfileError, ProfileStore
from meldcode_cli.record.signing import sign_case, verify_paths
from meldcode_cli.record.store import Unreadable, load_envelope
from meldcode_cli.record.verify import verify_file
from meldcode_cli.report.verifyview import finding_text
from meldcode_cli.walk.casestore import CaseError, CaseStore
from meldcode_cli.walk.session import Session, compile_text
from tests.conftest import VOORBEELD

TEXT = VOORBEELD.read_text(encoding="utf-8")
TODAY = dt.date(2026, 1, 15)
PASS = "correct horse battery"
ANSWERS = [
    ("signalen", ["angst", "letsel"]),
    ("signalen_feiten", "12-01: blauwe plek linkerarm (eigen waarneming)."),
    ("signalen_duiding", None),
    ("kinderen", "nee"),
    ("advies_vt", "ja"),
    ("advies_vt_uitkomst", "13-01 anoniem advies Veilig Thuis."),
    ("gesprek", "gevoerd"),
    ("gesprek_verslag", "Cliënt bevestigt."),
    ("weging", "Acuut: letsel."),
    ("afweging_1", "ja"),
    ("afweging_2", "ja"),
    ("afweging_veiligheid_afspraken", "Veiligheidsplan met cliënt; Veilig Thuis belt op 21-01."),
    ("afweging_3", "ja"),
    ("afweging_4", "ja"),
    ("afweging_evaluatiedatum", "2026-03-01"),
    ("afweging_5", None),
    ("geinformeerd", "Cliënt geïnformeerd op 20-01, begrip."),
]


@pytest.fixture
def profiles(tmp_path: Path) -> ProfileStore:
    store = ProfileStore(tmp_path / "config")
    store.init(
        Profile(
            name="Dr. A. Jansen",
            role="huisarts",
            organisation="Praktijk Oost",
            registration="12345678901",
        ),
        PASS,
    )
    return store


def walked(tmp_path: Path, label: str = "casus-1") -> Session:
    s = Session.start(
        CaseStore(tmp_path / "home"),
        label,
        protocol_text=TEXT,
        compiled=compile_text(TEXT, "voorbeeld.yaml"),
        role="huisarts",
        lang="nl",
        today=lambda: TODAY,
    )
    s.add_note("signalen", "Buurvrouw belde.", "derde", "feit")
    for item, value in ANSWERS:
        if item == "afweging_1":
            s.mark_shown("twijfel")  # the guidance block of step 4
        if item == "afweging_veiligheid_afspraken":
            s.mark_shown("afweging_veiligheid_nu")
        s.answer(item, value)
    assert s.walk.is_complete()
    return s


def signed(tmp_path: Path, profiles: ProfileStore) -> Path:
    return sign_case(walked(tmp_path), passphrase=lambda: PASS, profiles=profiles).path


def test_record_content(tmp_path: Path, profiles: ProfileStore) -> None:
    path = signed(tmp_path, profiles)
    env = load_envelope(path)
    rec = Record.model_validate(env["record"])
    assert rec.provenance.protocol.id == "voorbeeld"
    assert rec.provenance.protocol.hash.startswith("sha256:")
    assert rec.provenance.professional is not None
    assert rec.provenance.professional.name == "Dr. A. Jansen"
    assert rec.provenance.key_fingerprint == env["signature"]["key_fingerprint"]
    assert isinstance(rec.decision, DecisionRecord)
    assert rec.decision.melden
    assert rec.decision.afwegingen == {"1": True, "2": True, "3": True, "4": True, "5": None}
    assert rec.decision.evaluatiedatum == "2026-03-01"
    assert rec.decision.informed.geinformeerd is None  # voorbeeld has its own 'geinformeerd'
    step1 = rec.steps[0]
    assert step1.items[0].id == "signalen"
    assert step1.items[0].notes[0].provenance == "derde"
    assert step1.started_at is not None
    assert rec.acute == [] or rec.acute[0].source == "signal"
    assert (path.stat().st_mode & 0o777) == 0o600


def test_verifies_and_every_flipped_byte_breaks_it(tmp_path: Path, profiles: ProfileStore) -> None:
    path = signed(tmp_path, profiles)
    assert verify_file(path).valid
    data = path.read_bytes()
    broken = tmp_path / "broken.json"
    for i in range(len(data)):
        flipped = bytearray(data)
        flipped[i] ^= 0xFF
        broken.write_bytes(bytes(flipped))
        try:
            result = verify_file(broken)
        except Unreadable:
            continue
        assert not result.valid, f"byte {i} ({data[i : i + 1]!r}) flipped and still valid"


def test_changed_value_is_named(tmp_path: Path, profiles: ProfileStore) -> None:
    path = signed(tmp_path, profiles)
    env = json.loads(path.read_text())
    env["record"]["steps"][0]["items"][1]["answer"] = "Iets anders."
    path.write_text(json.dumps(env))
    result = verify_file(path)
    assert not result.valid
    assert "gewijzigd sinds ondertekening: steps/1" in finding_text(result.reasons[-1])


def test_reserialised_record_still_verifies(tmp_path: Path, profiles: ProfileStore) -> None:
    path = signed(tmp_path, profiles)
    env = json.loads(path.read_text())

    def shuffle(x: object) -> object:
        if isinstance(x, dict):
            return {k: shuffle(x[k]) for k in reversed(list(x))}
        if isinstance(x, list):
            return [shuffle(v) for v in x]
        return x

    path.write_text(json.dumps(shuffle(env), separators=(",", ":"), ensure_ascii=True))
    assert verify_file(path).valid
    path.write_text(json.dumps(env, indent=8, sort_keys=True))
    assert verify_file(path).valid


def test_wrong_key_and_keyring(tmp_path: Path, profiles: ProfileStore) -> None:
    path = signed(tmp_path, profiles)
    other = ProfileStore(tmp_path / "other")
    other.init(Profile(name="B", role="wijkagent", organisation="Politie"), "another passphrase")
    key = tmp_path / "other.pub.json"
    key.write_text(json.dumps(other.export_public()))
    results, _ = verify_paths([path], key_file=key)
    assert not results[0].valid
    assert "andere sleutel" in finding_text(results[0].reasons[0])
    results, _ = verify_paths([path], use_keyring=True, profiles=other)
    assert "niet in de sleutelring" in finding_text(results[0].reasons[0])
    results, _ = verify_paths([path], use_keyring=True, profiles=profiles)
    assert results[0].valid


def test_rotation_keeps_old_records_verifying(tmp_path: Path, profiles: ProfileStore) -> None:
    first = signed(tmp_path, profiles)
    old_fp, new_fp = profiles.rotate(PASS)
    assert old_fp != new_fp
    second = sign_case(walked(tmp_path, "casus-2"), passphrase=lambda: PASS, profiles=profiles).path
    results, problems = verify_paths([first, second], use_keyring=True, profiles=profiles)
    assert [r.valid for r in results] == [True, True]
    assert problems == []
    assert {r.fingerprint for r in results} == {old_fp, new_fp}
    ring = profiles.keyring()
    assert ring.find(old_fp).valid_until is not None  # type: ignore[union-attr]


def test_chain_of_decision_evaluation_amendment(tmp_path: Path, profiles: ProfileStore) -> None:
    s = walked(tmp_path)
    one = sign_case(s, passphrase=lambda: PASS, profiles=profiles)
    s.open_evaluation("escalatie: nieuw incident")  # before the evaluation date: a reason
    s.answer("afweging_5", "ja")
    two = sign_case(s, passphrase=lambda: PASS, profiles=profiles, kind="evaluation")
    evaluation = load_envelope(two.path)["record"]["decision"]
    # afweging 2 was ja: closing the help is no new melding, and it says so
    assert (evaluation["melden"], evaluation["afsluiten"], evaluation["eerder_gemeld"]) == (
        False,
        True,
        True,
    )
    assert evaluation["meldnormen"] == []
    assert evaluation["evaluatie"]["early"]
    assert evaluation["evaluatie"]["reason"]
    with pytest.raises(CaseError, match="reden"):
        sign_case(s, passphrase=lambda: PASS, profiles=profiles)
    three = sign_case(
        s,
        passphrase=lambda: PASS,
        profiles=profiles,
        amendment_reason="Typefout in stap 1 hersteld.",
    )
    assert [o.sequence for o in (one, two, three)] == [1, 2, 3]
    folder = s.case.folder / "records"
    results, problems = verify_paths([folder])
    assert all(r.valid for r in results)
    assert problems == []
    # removing the middle record is detected
    moved = tmp_path / "moved.json"
    two.path.rename(moved)
    _, problems = verify_paths([folder])
    assert any("ontbreekt een record" in finding_text(p) for p in problems)
    # putting it back under another number (reordering the files) is detected
    moved.rename(folder / "0004-evaluation.json")
    _, problems = verify_paths([folder])
    assert any("volgorde gewijzigd" in finding_text(p) for p in problems)


def test_wrong_passphrase_writes_nothing(tmp_path: Path, profiles: ProfileStore) -> None:
    s = walked(tmp_path)
    tries = iter(["fout1", "fout2", "fout3"])
    with pytest.raises(ProfileError, match="onjuiste wachtzin"):
        sign_case(s, passphrase=lambda: next(tries), profiles=profiles)
    assert not (s.case.folder / "records").exists() or not list(
        (s.case.folder / "records").iterdir()
    )
    retry = iter(["fout", PASS])
    assert sign_case(s, passphrase=lambda: next(retry), profiles=profiles).sequence == 1


def test_training_record_is_marked_and_unsigned(tmp_path: Path) -> None:
    s = walked(tmp_path)
    out = sign_case(s, passphrase=None, training=True, profiles=ProfileStore(tmp_path / "none"))
    result = verify_file(out.path)
    assert not result.valid
    assert "OEFENING" in finding_text(result.reasons[0])
    assert load_envelope(out.path)["record"]["training"] is True


def test_override_kept_beside_the_computed_decision(tmp_path: Path, profiles: ProfileStore) -> None:
    from meldcode_cli.record.model import ChosenDecision

    s = walked(tmp_path)
    ov = Override(
        chosen=ChosenDecision(melden=True, hulp=False, afsluiten=False),
        reason="Hulp is niet haalbaar gebleken.",
        consulted="Aandachtsfunctionaris, 21-01",
    )
    path = sign_case(s, passphrase=lambda: PASS, profiles=profiles, override=ov).path
    rec = load_envelope(path)["record"]
    assert rec["decision"]["hulp"] is True
    assert rec["override"]["chosen"]["hulp"] is False
    assert verify_file(path).valid


def test_incomplete_case_cannot_be_signed(tmp_path: Path, profiles: ProfileStore) -> None:
    s = Session.start(
        CaseStore(tmp_path / "home"),
        "casus-x",
        protocol_text=TEXT,
        compiled=compile_text(TEXT, "voorbeeld.yaml"),
        role="huisarts",
        lang="nl",
    )
    with pytest.raises(CaseError, match="nog niet af"):
        sign_case(s, passphrase=lambda: PASS, profiles=profiles)


def test_unknown_schema_and_unknown_fields(tmp_path: Path, profiles: ProfileStore) -> None:
    path = signed(tmp_path, profiles)
    env = json.loads(path.read_text())
    env["record"]["schema_version"] = 2
    path.write_text(json.dumps(env))
    assert "onbekende schema_version 2" in finding_text(verify_file(path).reasons[0])
    env["record"]["schema_version"] = 1
    env["record"]["extra"] = "x"
    path.write_text(json.dumps(env))
    assert "past niet in het schema" in finding_text(verify_file(path).reasons[0])


def test_missing_profile_explains_init(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="meldcode init"):
        sign_case(walked(tmp_path), passphrase=lambda: PASS, profiles=ProfileStore(tmp_path / "x"))


def test_corrupt_key_file(tmp_path: Path, profiles: ProfileStore) -> None:
    profiles.key_path.write_text('{"kdf": {"name": "scrypt"}}')
    with pytest.raises(ProfileError, match="beschadigd"):
        profiles.unlock(PASS)


json_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1),
    st.text(),
)
json_values = st.recursive(
    json_leaves,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(
            st.text(alphabet=st.characters(max_codepoint=127), max_size=8), inner, max_size=5
        )
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(json_values)
def test_fast_canonical_equals_rfc8785(value: object) -> None:
    import rfc8785

    from meldcode_cli.record.canonical import canonical

    try:
        expected = bytes(rfc8785.dumps(value))  # type: ignore[arg-type]
    except Exception:
        return
    assert canonical(value) == expected


def test_outside_the_subset_rfc8785_decides() -> None:
    import rfc8785

    from meldcode_cli.record.canonical import canonical

    for value in ({"z": 1.5, "é": [0.1, 1e21]}, {"a": 2**60}):
        try:
            expected = bytes(rfc8785.dumps(value))  # type: ignore[arg-type]
        except Exception:
            with pytest.raises(Exception):  # noqa: B017, PT011
                canonical(value)
            continue
        assert canonical(value) == expected
