"""A finished case can be corrected, and signing is a conscious act (issue 10).

``resume`` of a completed case opens a review; a signed case is amended with a reason,
chained to the original; ``diff`` and ``verify`` show what changed and who signed."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meldcode_cli.authoring.validate import UsageError
from meldcode_cli.cli.app import make_app
from meldcode_cli.record.store import load_envelope
from meldcode_cli.record.verify import verify_file
from meldcode_cli.walk.casestore import CaseStore
from meldcode_cli.walk.flow import WalkRequest, resume_walk, start_walk
from tests.conftest import ROOT
from tests.walk.test_flow import LINES, TODAY, Tty

FIXTURES = ROOT / "tests" / "fixtures" / "records-before-confirmation"


@pytest.fixture
def pw(tmp_path: Path) -> Path:
    from meldcode_cli.record.profile import Profile, ProfileStore

    ProfileStore().init(
        Profile(name="Dr. A. Jansen", role="huisarts", organisation="Praktijk Oost",
                registration="BIG 123"),
        "een lange wachtzin",
    )  # fmt: skip
    path = tmp_path / "pw"
    path.write_text("een lange wachtzin")
    os.chmod(path, 0o600)
    return path


def signed_case(label: str, pw: Path) -> CaseStore:
    store = CaseStore()
    req = WalkRequest("voorbeeld", role="huisarts", case=label, plain=True, passphrase_file=pw)
    out = Tty()
    start_walk(req, stdin=Tty("\n".join([*LINES, "1", "1"]) + "\n"), stdout=out, store=store)
    assert "Ondertekend (decision)" in out.getvalue()
    return store


def entries(store: CaseStore, label: str) -> list[str]:
    return [e.type for e in store.open(label).entries]


def resume(store: CaseStore, label: str, lines: list[str], pw: Path) -> str:
    out = Tty()
    resume_walk(
        label, plain=True, stdin=Tty("\n".join(lines) + "\n"), stdout=out, store=store,
        passphrase_file=pw, today=lambda: TODAY,
    )  # fmt: skip
    return out.getvalue()


def test_resume_of_a_finished_case_without_changes_writes_nothing(pw: Path) -> None:
    store = signed_case("r0", pw)
    before = entries(store, "r0")
    out = resume(store, "r0", ["0"], pw)
    assert "Casus r0 is afgerond." in out
    assert "Wat het dossier moet bevatten:" in out  # the summary per step
    assert "Niets gewijzigd" in out
    assert entries(store, "r0") == before  # no duplicate 'completed', nothing else
    assert before.count("completed") == 1


def test_correcting_a_signed_case_signs_an_amendment_chained_to_it(pw: Path) -> None:
    store = signed_case("r1", pw)
    lines = [
        "2",  # change: signalen_feiten (2nd answered)
        "Blauwe plek en schaafwond, 12-01.",
        ".",
        "0",  # nothing else
        "",  # the reason is required: asked again
        "Schaafwond vergeten.",
        "1",  # yes, sign
    ]
    out = resume(store, "r1", lines, pw)
    assert "Reden van de wijziging (verplicht):" in out
    assert "Dit is een wijziging (amendment) op het ondertekende record; reden:" in out
    assert "~ Beschrijf wat u zag en hoorde, met datum en bron.: Blauwe plek, 12-01, eigen " \
        "waarneming. → Blauwe plek en schaafwond, 12-01." in out  # fmt: skip
    assert "Ondertekend (amendment)" in out
    folder = store.root / "r1" / "records"
    first, second = sorted(folder.iterdir())
    old, new = load_envelope(first)["record"], load_envelope(second)["record"]
    assert new["kind"] == "amendment"
    assert new["amendment_reason"] == "Schaafwond vergeten."
    assert new["previous"]["record_id"] == old["record_id"]
    assert new["confirmation"] == "screen"
    assert [s["value"] for s in new["superseded"]] == ["Blauwe plek, 12-01, eigen waarneming."]
    assert verify_file(first).valid
    assert verify_file(second).valid
    assert entries(store, "r1").count("completed") == 2  # the walk and the correction

    runner = CliRunner()
    result = runner.invoke(make_app(), ["verify", "r1"])  # a case label
    assert result.exit_code == 0, result.output
    assert "ondertekend door: Dr. A. Jansen (huisarts, registratie BIG 123), Praktijk Oost" \
        in result.output  # fmt: skip
    assert "protocol: voorbeeld versie" in result.output
    assert "bevestigd: samenvatting op het scherm gelezen" in result.output
    assert "reden van de wijziging: Schaafwond vergeten." in result.output
    assert "→ Blauwe plek en schaafwond, 12-01." in result.output

    result = runner.invoke(make_app(), ["diff", str(second), str(first)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Verschil van decision 1")
    assert "→ Blauwe plek en schaafwond, 12-01." in result.output


def test_declining_the_screen_signs_nothing(pw: Path) -> None:
    store = signed_case("r2", pw)
    out = resume(store, "r2", ["2", "Anders.", ".", "0", "Correctie.", "2"], pw)
    assert "Niet ondertekend." in out
    assert len(list((store.root / "r2" / "records").iterdir())) == 1


def test_an_unsigned_finished_case_is_corrected_and_then_signed(pw: Path) -> None:
    store = CaseStore()
    req = WalkRequest("voorbeeld", role="huisarts", case="r3", plain=True, passphrase_file=pw)
    start_walk(req, stdin=Tty("\n".join([*LINES, "3"]) + "\n"), stdout=Tty(), store=store)
    assert not (store.root / "r3" / "records").exists()  # "sign later"
    out = resume(store, "r3", ["2", "Anders.", ".", "0", "1", "1"], pw)
    assert "Ondertekend (decision)" in out
    record = load_envelope(next((store.root / "r3" / "records").iterdir()))["record"]
    assert record["kind"] == "decision"


def test_a_walk_in_another_role_than_the_profile_is_refused(pw: Path) -> None:
    req = WalkRequest("voorbeeld", role="wijkagent", case="r4", plain=True, passphrase_file=pw)
    with pytest.raises(UsageError, match="uw profiel heeft de rol 'huisarts'"):
        start_walk(req, stdin=Tty(""), stdout=Tty())
    assert not CaseStore().exists("r4")  # refused before anything was saved


def test_the_profile_role_is_the_walk_role_when_none_is_given(pw: Path) -> None:
    req = WalkRequest("voorbeeld", case="r5", plain=True, passphrase_file=pw)
    out = Tty()
    start_walk(req, stdin=Tty("\n".join([*LINES, "3"]) + "\n"), stdout=out)
    assert "In welke rol" not in out.getvalue()
    assert CaseStore().open("r5").role == "huisarts"


def test_no_save_says_nothing_was_saved(tmp_path: Path) -> None:
    out = Tty()
    req = WalkRequest("voorbeeld", role="huisarts", plain=True, save=False)
    start_walk(req, stdin=Tty("acuut\n2\n"), stdout=out)
    text = out.getvalue()
    assert "Er wordt niets opgeslagen" in text
    assert "dit is NIET opgeslagen (--no-save)" in text
    assert "Vastgelegd" not in text
    assert "Gestopt. Er is niets opgeslagen (--no-save)." in text
    assert "hervatten kan dus niet" in text
    assert "later hervatten" not in text


def test_records_signed_before_the_confirmation_field_still_verify(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    shutil.copytree(FIXTURES, folder)
    for path in sorted(folder.iterdir()):
        verified = verify_file(path)
        assert verified.valid, verified.reasons
        assert "confirmation" not in (verified.record or {})
    # the verifier has the signer's public key (without it: "sleutel niet gecontroleerd")
    first = json.loads(sorted(folder.iterdir())[0].read_text(encoding="utf-8"))
    key = tmp_path / "signer.json"
    key.write_text(json.dumps({"public_key": first["signature"]["public_key"]}))
    runner = CliRunner()
    result = runner.invoke(make_app(), ["verify", "--key", str(key), str(folder)])
    assert result.exit_code == 0, result.output
    assert "bevestiging: niet vastgelegd" in result.output
    assert "reden van de wijziging: Aanvulling." in result.output


def test_the_record_schema_names_the_confirmation() -> None:
    result = CliRunner().invoke(make_app(), ["schema", "--kind", "record"])
    schema = json.loads(result.output)
    assert "confirmation" in schema["properties"]
    assert "confirmation" not in schema.get("required", [])


def test_a_declined_amendment_is_offered_again_at_the_next_resume(pw: Path) -> None:
    store = signed_case("r6", pw)
    resume(store, "r6", ["2", "Anders.", ".", "0", "Correctie.", "2"], pw)  # no, don't sign
    completed = entries(store, "r6").count("completed")
    out = resume(store, "r6", ["0", "Correctie.", "1"], pw)
    assert "die correctie is nog niet ondertekend" in out
    assert "Ondertekend (amendment)" in out
    assert entries(store, "r6").count("completed") == completed  # nothing walked: no event
    out = resume(store, "r6", ["0"], pw)
    assert "Niets gewijzigd" in out
    assert len(list((store.root / "r6" / "records").iterdir())) == 2


def test_a_finished_unsigned_case_can_be_signed_from_the_review(pw: Path) -> None:
    store = CaseStore()
    req = WalkRequest("voorbeeld", role="huisarts", case="r7", plain=True, passphrase_file=pw)
    start_walk(req, stdin=Tty("\n".join([*LINES, "3"]) + "\n"), stdout=Tty(), store=store)
    out = resume(store, "r7", ["0", "1", "1"], pw)
    assert "Ondertekend (decision)" in out


def test_zero_in_a_plain_checklist_is_not_none(pw: Path) -> None:
    store = signed_case("r8", pw)
    out = resume(store, "r8", ["1", "0", "geen", "0", "Geen signalen.", "2"], pw)  # "0" refused
    assert "onbekende optie '0'" in out


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_the_signing_screen_wraps_at_word_boundaries(pw: Path, width: int) -> None:
    from meldcode_cli.walk.confirm import signing_lines
    from meldcode_cli.walk.prompt.lines import wrap_lines
    from meldcode_cli.walk.session import Session

    store = signed_case(f"w{width}", pw)
    session, _ = Session.resume(store, f"w{width}")
    source = signing_lines(session)
    wrapped = wrap_lines(source, width)
    assert " ".join(" ".join(source).split()) == " ".join(" ".join(wrapped).split())
    assert all(len(line) <= width for line in wrapped if " " in line.strip())


def test_a_command_to_type_is_never_split_by_wrapping() -> None:
    from meldcode_cli.walk.prompt.lines import wrap_lines

    text = "Onderbroken; alles is opgeslagen. Ga verder met: meldcode resume casus-20260115-0930"
    for width in (40, 50, 60, 80):
        wrapped = wrap_lines([text], width)
        assert any("meldcode resume casus-20260115-0930" in line for line in wrapped), wrapped
        assert " ".join(" ".join(wrapped).split()) == text
