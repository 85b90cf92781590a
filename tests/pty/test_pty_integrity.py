"""The three runs of issue 10 on a real pseudo-terminal, with the installed ``meldcode``.

(1) rich: tick two signals, Esc w, Esc n (a note), Esc a (continue), Enter: the signed
record holds exactly the two signals and the note; (2) plain: finish a case, resume it,
change one answer, sign an amendment: ``verify`` passes on both records and names the
change; (3) ``init`` with "Huisarts" and a too-short passphrase first ends with a valid
profile.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from meldcode_cli.record.store import load_envelope
from tests.pty.test_e2e_pty import (
    DOWN,
    ENTER,
    ESC_ENTER,
    MELDCODE,
    SPACE,
    TIMEOUT,
    Terminal,
    _env,
    answer_plain,
)

pytestmark = pytest.mark.skipif(not MELDCODE.exists(), reason="console script not installed")
ESC = "\x1b"


def meldcode(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MELDCODE), *args],
        capture_output=True,
        text=True,
        env=_env(home),
        timeout=TIMEOUT,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def profile(home: Path) -> Path:
    pw = home / "pw"
    pw.write_text("een lange wachtzin")
    os.chmod(pw, 0o600)
    done = meldcode(
        home, "init", "--name", "Dr. A. Jansen", "--role", "huisarts", "--organisation",
        "Praktijk Oost", "--passphrase-file", str(pw),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return pw


def records(home: Path, label: str) -> list[Path]:
    return sorted((home / "cases" / label / "records").glob("*.json"))


def test_ticks_survive_why_note_and_acute_then_enter(tmp_path: Path) -> None:  # noqa: PLR0915 - a pty script, one step after the other
    pw = profile(tmp_path)
    term = Terminal(tmp_path, "start", "voorbeeld", "--case", "p1", "--passphrase-file", str(pw))
    try:
        term.question("Welke signalen heeft u waargenomen?", "Ander signaal")
        term.send(DOWN * 3 + SPACE + DOWN + SPACE)  # angst, anders
        term.send(ESC + "w")  # waarom?
        term.expect("Stap 1 vraagt signalen")
        term.question("Welke signalen heeft u waargenomen?", "Ander signaal")
        term.send(ESC + "n")  # notitie
        term.question("›")
        term.type_text("Buurvrouw belde om 22 uur.")
        term.question("Herkomst van de notitie:")
        term.send(ENTER)  # eigen waarneming
        term.question("Is het een feit of een interpretatie?")
        term.send(ENTER)  # feit
        term.question("Welke signalen heeft u waargenomen?", "Ander signaal")
        term.send(ESC + "a")  # acuut gevaar
        term.expect("ACUUT GEVAAR")
        term.question("Verder met de meldcode")
        term.send(ENTER)  # continue the walk
        term.question("Welke signalen heeft u waargenomen?", "Ander signaal")
        term.send(ENTER)  # the two ticks, as they were
        term.question("Beschrijf wat u zag en hoorde, met datum en bron.")
        term.type_text("Blauwe plek.")
        term.question("Uw interpretatie (gescheiden van de feiten).")
        term.send(ESC_ENTER)
        term.question("Zijn er minderjarige kinderen in het gezin (kindcheck)?", "Nee")
        term.send(DOWN + DOWN + ENTER)  # nee
        term.question("Heeft u (anoniem) advies gevraagd aan Veilig Thuis?", "Nee")
        term.send(DOWN + ENTER)  # ja
        term.question("Wanneer, met wie, en wat was het advies?")
        term.type_text("Anoniem advies op 13-01.")
        term.question("Heeft het gesprek met de cliënt plaatsgevonden?", "uitzonderingsgrond")
        term.send(DOWN + ENTER)  # gevoerd
        term.question("Wat zei de cliënt?")
        term.type_text("Cliënt bevestigt.")
        term.question("Uw weging van risico, aard en ernst.")
        term.type_text("Hoog risico.")
        for _ in range(2):  # afweging 1 and 2: ja
            term.question("Afweging")
            term.send(DOWN + ENTER)
        term.expect("Veiligheid nu.")  # afweging 2 ja: safety on every unsafe path
        term.question("Wie doet wat nu voor de veiligheid")
        term.type_text("Veiligheidsplan besproken; melding vandaag.")
        term.question("Afweging 3")
        term.send(DOWN + DOWN + ENTER)  # nee
        term.question("Wie heeft u over de melding geïnformeerd")
        term.type_text("Cliënt, op 20-01.")
        term.expect("Het beslisrecord ondertekenen?")
        term.send("1\r")  # sign now
        term.expect("Klopt dit, en ondertekent u dit record?")
        term.send("1\r")
        term.expect("Ondertekend (decision)")
        assert term.finish() == 0
    finally:
        term.kill()
    screen = term.output
    assert "Buurvrouw belde om 22 uur." in screen[screen.index("U ondertekent nu") :]
    (path,) = records(tmp_path, "p1")
    record = load_envelope(path)["record"]
    items = {i["id"]: i for s in record["steps"] for i in s["items"]}
    assert sorted(items["signalen"]["answer"]) == ["anders", "angst"]
    assert [n["text"] for n in items["signalen"]["notes"]] == ["Buurvrouw belde om 22 uur."]
    assert [a["source"] for a in record["acute"]] == ["declared"]
    assert record["confirmation"] == "screen"


def test_finish_resume_change_and_amend(tmp_path: Path) -> None:
    pw = profile(tmp_path)
    term = Terminal(tmp_path, "start", "voorbeeld", "--case", "p2", "--plain",
                    "--passphrase-file", str(pw))  # fmt: skip
    try:
        answer_plain(term)
        term.expect("Het beslisrecord ondertekenen?")
        term.child.sendline("1")
        term.expect("Klopt dit, en ondertekent u dit record?")
        term.child.sendline("1")
        term.expect("Ondertekend (decision)")
        assert term.finish() == 0
    finally:
        term.kill()
    term = Terminal(tmp_path, "resume", "p2", "--plain", "--passphrase-file", str(pw))
    try:
        term.expect("Casus p2 is afgerond.")
        term.expect("Welk antwoord wilt u wijzigen?")
        term.expect("> ")
        term.child.sendline("2")  # signalen_feiten
        term.expect("[huidig antwoord: Blauwe plek, 12-01, eigen waarneming.]")
        term.expect("> ")
        term.child.sendline("Blauwe plek en schaafwond, 12-01.")
        term.child.sendline(".")
        term.expect("Welk antwoord wilt u wijzigen?")
        term.expect("> ")
        term.child.sendline("0")
        term.expect("Reden van de wijziging (verplicht):")
        term.child.sendline("Schaafwond vergeten.")
        term.expect("Klopt dit, en ondertekent u dit record?")
        term.child.sendline("1")
        term.expect("Ondertekend (amendment)")
        assert term.finish() == 0
    finally:
        term.kill()
    assert len(records(tmp_path, "p2")) == 2
    verified = meldcode(tmp_path, "verify", "p2")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "2 records: 2 geldig" in verified.stdout
    assert "reden van de wijziging: Schaafwond vergeten." in verified.stdout
    assert (
        "~ Beschrijf wat u zag en hoorde, met datum en bron.: Blauwe plek, 12-01, eigen "
        "waarneming. → Blauwe plek en schaafwond, 12-01."
    ) in verified.stdout


def test_init_with_a_capitalised_role_and_a_short_passphrase_first(tmp_path: Path) -> None:
    term = Terminal(tmp_path, "init")
    try:
        term.expect("Uw naam:")
        term.child.sendline("Dr. A. Jansen")
        term.expect("Uw rol")
        term.child.sendline("Dokter")
        term.expect("'Dokter' is geen rol")
        term.child.sendline("Huisarts")
        term.expect("Organisatie:")
        term.child.sendline("Praktijk Oost")
        term.expect("Registratienummer")
        term.child.sendline("BIG 123")
        term.expect("Telefoon of e-mail")
        term.child.sendline("")
        term.expect("Wachtzin van uw sleutel:")
        term.child.sendline("kort")
        term.expect("Te kort")
        term.expect("Wachtzin van uw sleutel:")
        term.child.sendline("een lange wachtzin")
        term.expect("Nogmaals:")
        term.child.sendline("een lange wachtzin")
        term.expect("Profiel en sleutel gemaakt.")
        assert term.finish() == 0
    finally:
        term.kill()
    assert "Traceback" not in term.output
    assert "validation" not in term.output.lower()
    exported = meldcode(tmp_path, "key", "export")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["fingerprint"].startswith("SHA256:")
    data = json.loads((tmp_path / "config" / "profile.json").read_text(encoding="utf-8"))
    assert data["role"] == "huisarts"
    assert data["registration"] == "BIG 123"
