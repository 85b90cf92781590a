"""Must show, on a real pty: a case paused in stap 2, the advice summary printed, the case
resumed, finished and signed, and the journaal entry printed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.pty.test_e2e_pty import MELDCODE, PLAIN_QUESTIONS, TIMEOUT, Terminal, _env
from tests.walk.test_flow import LINES

PASS = "correct horse battery staple"
STEP2 = 4  # index in PLAIN_QUESTIONS of the first question of stap 2

pytestmark = pytest.mark.skipif(not MELDCODE.exists(), reason="console script not installed")


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MELDCODE), *args],
        capture_output=True,
        text=True,
        env=_env(home),
        timeout=TIMEOUT,
        check=False,
    )


def answer(term: Terminal, first: int, last: int) -> None:
    line = sum(n for _, n in PLAIN_QUESTIONS[:first])
    for question, n in PLAIN_QUESTIONS[first:last]:
        term.expect(question)
        term.expect("> ")
        for text in LINES[line : line + n]:
            term.child.sendline(text)
        line += n


def test_pause_in_stap_2_advice_resume_sign_journaal(tmp_path: Path) -> None:  # noqa: PLR0915 - a pty script, one step after the other
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    secret.chmod(0o600)
    init = run(
        tmp_path,
        "init",
        "--name",
        "Dr. A. Jansen",
        "--role",
        "huisarts",
        "--organisation",
        "Praktijk Oost",
        "--passphrase-file",
        str(secret),
    )
    assert init.returncode == 0, init.stderr

    # 1. stap 1 answered, paused at the first question of stap 2
    term = Terminal(
        tmp_path, "start", "voorbeeld", "--role", "huisarts", "--case", "mc-7", "--plain"
    )
    try:
        answer(term, 0, STEP2)
        term.expect("Stap 2 van 5")
        term.expect(PLAIN_QUESTIONS[STEP2][0])
        term.expect("> ")
        term.child.sendline("pauze")
        term.expect("meldcode resume mc-7")
        assert term.finish() == 0
    finally:
        term.kill()

    # 2. the advice summary of the unfinished case, for the call to Veilig Thuis
    advies = run(tmp_path, "report", "mc-7", "--advies", "--format", "txt")
    assert advies.returncode == 0, advies.stderr
    assert advies.stdout.startswith("Adviesvraag aan Veilig Thuis (geanonimiseerd)")
    assert "Casus nog niet af (stap 2 van 5)" in advies.stdout
    assert "Blauwe plek, 12-01, eigen waarneming." in advies.stdout
    assert "Jansen" not in advies.stdout
    assert "mc-7" not in advies.stdout
    concept = run(tmp_path, "journaal", "mc-7")
    assert concept.returncode == 0, concept.stderr
    assert "CONCEPT" in concept.stdout.splitlines()[0]

    # 3. resumed: a recap first, then on to the end; signed
    resumed = Terminal(tmp_path, "resume", "mc-7", "--plain", "--passphrase-file", str(secret))
    try:
        resumed.expect("Tot nu toe beantwoord:")
        answer(resumed, STEP2, len(PLAIN_QUESTIONS))
        resumed.expect("Het beslisrecord ondertekenen?")
        resumed.expect("> ")
        resumed.child.sendline("1")
        resumed.expect("Klopt dit, en ondertekent u dit record?")  # the signing screen
        resumed.expect("> ")
        resumed.child.sendline("1")
        resumed.expect("0001-decision.json")
        resumed.expect("meldcode melding mc-7")  # what to do after the melding
        assert resumed.finish() == 0
    finally:
        resumed.kill()
    assert "Blauwe plek, 12-01" in resumed.output.split("Stap 2 van 5")[0]  # in the recap

    # 4. the journaal entry of the signed case
    journaal = run(tmp_path, "journaal", "mc-7")
    assert journaal.returncode == 0, journaal.stderr
    lines = journaal.stdout.splitlines()
    assert lines[0] == "Meldcode HG/KM"  # signed: no CONCEPT mark
    assert all(len(line) <= 72 for line in lines)
    flat = " ".join(journaal.stdout.split())
    assert "S: Cliënt bevestigt." in flat
    assert "O: Signalen: " in flat
    assert "Meldcode stap 1-5 doorlopen" in flat
    assert "P: Besluit: melden bij Veilig Thuis." in flat
    assert "Jansen" not in flat
    listed = run(tmp_path, "cases")
    row = next(ln for ln in listed.stdout.splitlines() if ln.startswith("mc-7"))
    assert " ja " in row  # signed
