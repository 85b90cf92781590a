"""End to end: the installed ``meldcode`` on a real pseudo-terminal (pexpect).

Every run gets its own ``MELDCODE_HOME`` and a 40x100 terminal. In the rich mode the test
plays the terminal's part: every questionary question starts by putting the terminal in
raw mode and asking for the cursor position (``ESC [6n``), and a real terminal answers.
That request is also the moment keys may be sent: keys typed before it land in the cooked
line discipline (``\\r`` would arrive as ``\\n``).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from meldcode_cli.walk.casestore import CaseStore
from meldcode_cli.walk.engine import AnswerValue
from meldcode_cli.walk.session import Session
from tests.conftest import terminal_env
from tests.walk.test_flow import LINES

MELDCODE = Path(sys.executable).with_name("meldcode")
ROWS, COLS = 40, 100
TIMEOUT = 30  # seconds, per expect

DOWN = "\x1b[B"
SPACE = " "
ENTER = "\r"
ESC_ENTER = "\x1b\r"  # finishes a multiline text
CTRL_C = "\x03"
F1 = "\x1bOP"
CPR_REQUEST = "\x1b[6n"

# The questions of the plain walk of voorbeeld (huisarts, to "melden"), in order, with the
# number of LINES (tests/walk/test_flow.py) that answer each one.
PLAIN_QUESTIONS: list[tuple[str, int]] = [
    ("Welke signalen heeft u waargenomen?", 1),
    ("Beschrijf wat u zag en hoorde, met datum en bron.", 2),
    ("Uw interpretatie (gescheiden van de feiten).", 1),
    ("Zijn er minderjarige kinderen in het gezin (kindcheck)?", 1),
    ("Heeft u (anoniem) advies gevraagd aan Veilig Thuis?", 1),
    ("Wanneer, met wie, en wat was het advies?", 2),
    ("Heeft het gesprek met de cliënt plaatsgevonden?", 1),
    ("Wat zei de cliënt?", 2),
    ("Uw weging van risico, aard en ernst.", 2),
    ("Afweging 1:", 1),
    ("Afweging 2:", 1),
    ("Afweging 3:", 1),
    ("Wie heeft u over de melding geïnformeerd", 2),
]
WEGING = 8  # index in PLAIN_QUESTIONS where the rich walk is interrupted

# What the rich walk below answers before Ctrl-C: the same as LINES up to "weging".
RICH_ANSWERS: dict[str, AnswerValue] = {
    "signalen": frozenset({"angst"}),
    "signalen_feiten": "Blauwe plek, 12-01, eigen waarneming.",
    "signalen_duiding": None,
    "kinderen": "nee",
    "advies_vt": "ja",
    "advies_vt_uitkomst": "Anoniem advies op 13-01: gesprek voeren.",
    "gesprek": "gevoerd",
    "gesprek_verslag": "Cliënt bevestigt.",
}

pytestmark = pytest.mark.skipif(not MELDCODE.exists(), reason="console script not installed")


def _env(home: Path) -> dict[str, str]:
    return terminal_env(home, COLS)


class Terminal:
    """A pexpect child plus what a terminal does on its own: answer cursor position requests."""

    def __init__(self, home: Path, *args: str) -> None:
        self.log = io.StringIO()
        self.child = pexpect.spawn(
            str(MELDCODE),
            list(args),
            env=_env(home),
            encoding="utf-8",
            timeout=TIMEOUT,
            dimensions=(ROWS, COLS),
        )
        self.child.logfile_read = self.log

    def _answer_cpr(self) -> None:
        # A plausible position: the prompt starts halfway down the screen.
        self.child.send(f"\x1b[{ROWS // 2};1R")

    def question(self, *texts: str) -> None:
        """Wait until the next questionary question runs (raw mode, reading keys) and
        ``texts`` are on screen. In any order: a long multiline question is printed above
        its prompt, other questions are drawn by the prompt."""
        pending = [CPR_REQUEST, *texts]
        while pending:
            found = pending.pop(self.child.expect_exact(pending))
            if found == CPR_REQUEST:
                self._answer_cpr()

    def expect(self, text: str, timeout: int = TIMEOUT) -> None:
        """Wait for ``text``, answering any cursor position request on the way."""
        while self.child.expect_exact([CPR_REQUEST, text], timeout=timeout) == 0:
            self._answer_cpr()

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def type_text(self, text: str) -> None:
        """Type a multiline answer, see it drawn, finish it with Esc then Enter."""
        self.send(text)
        self.expect(text)
        self.send(ESC_ENTER)

    def finish(self) -> int:
        """Wait for the end; the exit status."""
        self.child.expect(pexpect.EOF)
        self.child.close()
        status = self.child.exitstatus
        assert status is not None, f"killed by signal {self.child.signalstatus}"
        return int(status)

    def kill(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)

    @property
    def output(self) -> str:
        return self.log.getvalue().replace("\r\n", "\n")


def answer_plain(term: Terminal, first: int = 0) -> None:
    """Answer the plain walk from question ``first`` on, waiting for every question."""
    line = sum(n for _, n in PLAIN_QUESTIONS[:first])
    for question, n in PLAIN_QUESTIONS[first:]:
        term.expect(question)
        term.expect("> ")
        for answer in LINES[line : line + n]:  # continuation lines are typed ahead
            term.child.sendline(answer)
        line += n
    assert line == len(LINES)


def decision_block(output: str) -> str:
    start = output.rindex("Beslissing (afwegingskader):")
    return output[start : output.index("\n\n", start)]


def stored_answers(home: Path, label: str) -> dict[str, AnswerValue]:
    session, info = Session.resume(CaseStore(home), label)
    assert info.lost_lines == 0
    return dict(session.walk.answers)


def test_plain_walk_to_a_decision(tmp_path: Path) -> None:
    term = Terminal(
        tmp_path, "start", "voorbeeld", "--role", "huisarts", "--case", "e2e", "--plain"
    )
    try:
        term.expect("Casus: e2e")
        term.expect("Stap 1 van 5: Signalen in kaart brengen")
        answer_plain(term)
        term.expect("melden bij Veilig Thuis")
        term.expect("Vastgelegd in het journaal van casus e2e.")
        assert term.finish() == 0
    finally:
        term.kill()
    block = decision_block(term.output)
    assert block.splitlines()[1:] == ["  melden bij Veilig Thuis", "  meldnorm(en): 2"]
    assert "Bij twijfel altijd Veilig Thuis raadplegen (0800-2000)." in term.output
    assert "Wat het dossier moet bevatten:" in term.output


def _rich_until_weging(term: Terminal) -> None:
    """Steps 1 to 3 with real keys; the weging question is left open."""
    # stap 1
    term.expect("Stap 1 van 5: Signalen in kaart brengen")
    term.question("Welke signalen heeft u waargenomen?", "Ander signaal")  # checkbox
    term.send(DOWN * 3 + SPACE + ENTER)
    term.expect("[Cliënt is bang voor een huisgenoot]")  # the answered question
    term.question("Beschrijf wat u zag en hoorde, met datum en bron.")  # multiline text
    term.type_text("Blauwe plek, 12-01, eigen waarneming.")  # the answer is drawn
    term.question("Uw interpretatie (gescheiden van de feiten).")  # optional: left empty
    term.send(ESC_ENTER)
    term.question("Zijn er minderjarige kinderen in het gezin (kindcheck)?", "Nee")
    term.send(F1)  # waarom?
    term.expect("De kindcheck is een wettelijk onderdeel van stap 1.")
    term.question("Zijn er minderjarige kinderen in het gezin (kindcheck)?", "Nee")
    term.send(DOWN + DOWN + ENTER)  # nee
    # stap 2
    term.expect("Stap 2 van 5")
    term.question("Heeft u (anoniem) advies gevraagd aan Veilig Thuis?", "Nee")
    term.send(DOWN + ENTER)  # ja (nothing is chosen before the first arrow)
    term.question("Wanneer, met wie, en wat was het advies?")
    term.type_text("Anoniem advies op 13-01: gesprek voeren.")
    # stap 3
    term.expect("Stap 3 van 5")
    term.question("Heeft het gesprek met de cliënt plaatsgevonden?", "uitzonderingsgrond")
    term.send(DOWN + ENTER)  # gevoerd
    term.question("Wat zei de cliënt?")
    term.type_text("Cliënt bevestigt.")
    # stap 4
    term.expect("Stap 4 van 5")
    term.question("Uw weging van risico, aard en ernst.")


def test_rich_walk_interrupted_and_resumed_plain(tmp_path: Path) -> None:
    # (a) the plain walk, for the decision to compare with
    plain = Terminal(
        tmp_path, "start", "voorbeeld", "--role", "huisarts", "--case", "e2e", "--plain"
    )
    try:
        answer_plain(plain)
        assert plain.finish() == 0
    finally:
        plain.kill()

    # (b) the rich walk, Ctrl-C at step 4
    rich = Terminal(tmp_path, "start", "voorbeeld", "--role", "huisarts", "--case", "e2e2")
    try:
        _rich_until_weging(rich)
        rich.send(CTRL_C)
        rich.expect("meldcode resume e2e2")
        assert rich.finish() == 130
    finally:
        rich.kill()
    assert "Onderbroken; alles tot en met het laatste antwoord is opgeslagen." in rich.output
    assert stored_answers(tmp_path, "e2e2") == RICH_ANSWERS

    # ... resumed in plain mode, to the end
    resumed = Terminal(tmp_path, "resume", "e2e2", "--plain")
    try:
        answer_plain(resumed, first=WEGING)
        resumed.expect("Vastgelegd in het journaal van casus e2e2.")
        assert resumed.finish() == 0
    finally:
        resumed.kill()
    shown = resumed.output[: resumed.output.index("Beslissing (afwegingskader):")]
    recap, asked = shown.split("Stap 4 van 5: Wegen van het geweld", 1)
    # first a recap of the answers so far, then the walk goes on where it was left
    assert recap.lstrip().startswith("Tot nu toe beantwoord:")
    assert "Welke signalen heeft u waargeno… — Cliënt is bang" in recap
    assert "Welke signalen" not in asked  # nothing asked twice
    assert decision_block(resumed.output) == decision_block(plain.output)
    assert "melden bij Veilig Thuis" in decision_block(resumed.output)
    assert stored_answers(tmp_path, "e2e2") == stored_answers(tmp_path, "e2e")

    listed = subprocess.run(
        [str(MELDCODE), "cases", "--format", "json"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=TIMEOUT,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    rows = {row["label"]: row for row in json.loads(listed.stdout)}
    assert set(rows) == {"e2e", "e2e2"}
    for row in rows.values():
        assert row["protocol"] == "voorbeeld"
        assert row["finished"] is True
        assert row["complete"] is True
    assert rows["e2e"]["outcome"] == rows["e2e2"]["outcome"]
    assert rows["e2e"]["outcome"] is not None


def test_rich_multiline_prompt_speaks_dutch_only(tmp_path: Path) -> None:
    term = Terminal(tmp_path, "start", "voorbeeld", "--role", "huisarts", "--case", "taal")
    try:
        term.question("Ander signaal")
        term.send(DOWN * 3 + SPACE + ENTER)
        term.question("Beschrijf wat u zag en hoorde, met datum en bron.")
        term.send("Blauwe plek")
        term.expect("Blauwe plek")  # drawn after the prompt line
        assert "(meerdere regels; Esc dan Enter om af te sluiten)" in term.output
        assert "Finish with" not in term.output
    finally:
        term.kill()


CHECKED_PROTOCOL_CHECKS = """checks:
  - id: geen_advies
    when: advies_vt == nee
    severity: justify
    message: Geen advies van Veilig Thuis gevraagd; leg uit waarom niet.
    sources: [augeo-stappenplan]
"""


def test_check_fires_mid_walk_is_justified_and_reaches_record_and_report(tmp_path: Path) -> None:
    """A check fires at the answer that makes it true, the justification typed there is in
    the signed record and in the draft melding."""
    voorbeeld = (Path(__file__).resolve().parents[2] / "protocols" / "voorbeeld.yaml").read_text(
        encoding="utf-8"
    )
    protocol = tmp_path / "metcontrole.yaml"
    protocol.write_text(
        voorbeeld.replace("id: voorbeeld\n", "id: metcontrole\n", 1) + CHECKED_PROTOCOL_CHECKS,
        encoding="utf-8",
    )
    pw = tmp_path / "pw"
    pw.write_text("een lange wachtzin\n", encoding="utf-8")
    os.chmod(pw, 0o600)
    init = subprocess.run(
        [str(MELDCODE), "init", "--name", "Dr. A. Jansen", "--role", "huisarts",
         "--organisation", "Praktijk Oost", "--passphrase-file", str(pw)],
        capture_output=True, text=True, env=_env(tmp_path), timeout=TIMEOUT, check=False,
    )  # fmt: skip
    assert init.returncode == 0, init.stderr
    term = Terminal(
        tmp_path, "start", str(protocol), "--role", "huisarts", "--case", "chk", "--plain",
        "--passphrase-file", str(pw),
    )  # fmt: skip
    justification = "Cliënt wilde geen contact met Veilig Thuis; aandachtsfunctionaris akkoord."
    try:
        term.expect("Welke signalen heeft u waargenomen?")
        term.expect("> ")
        for line in ["4", "Blauwe plek, 12-01, eigen waarneming.", ".", "", "2"]:
            term.child.sendline(line)
        term.expect("Heeft u (anoniem) advies gevraagd aan Veilig Thuis?")
        term.child.sendline("2")  # nee: the check becomes true now
        term.expect("Verantwoording gevraagd: geen_advies")
        term.expect("Geen advies van Veilig Thuis gevraagd; leg uit waarom niet.")
        term.expect("Uw schriftelijke verantwoording")
        term.child.sendline(justification)
        term.expect("Waarom heeft u geen advies gevraagd?")  # the walk goes on
        for line in ["Cliënt weigerde.", ".", "1", "Cliënt bevestigt.", ".", "Risico matig.",
                     ".", "1", "2", "2", "Cliënt geïnformeerd op 20-01.", "."]:  # fmt: skip
            term.child.sendline(line)
        term.expect("nogmaals, vóór ondertekenen")  # shown again before signing
        term.expect("Uw verantwoording: " + justification)
        term.expect("> ")
        term.child.sendline("1")  # sign now
        term.expect("Klopt dit, en ondertekent u dit record?")  # the pre-sign screen
        term.expect("> ")
        term.child.sendline("1")
        term.expect("Ondertekend")
        assert term.finish() == 0
    finally:
        term.kill()
    # when it became true, again before signing, and on the pre-sign screen
    assert term.output.count("Verantwoording gevraagd") == 3
    records = sorted((tmp_path / "cases" / "chk" / "records").glob("*.json"))
    assert len(records) == 1
    record = json.loads(records[0].read_text(encoding="utf-8"))["record"]
    fired = record["checks"]["fired"]
    assert [(c["id"], c["justification"]) for c in fired] == [("geen_advies", justification)]
    report = subprocess.run(
        [str(MELDCODE), "report", str(records[0]), "--format", "txt"],
        capture_output=True, text=True, env=_env(tmp_path), timeout=TIMEOUT, check=False,
    )  # fmt: skip
    assert report.returncode == 0, report.stderr
    assert "Controles op de eigen stappen" in report.stdout
    assert justification in " ".join(report.stdout.split())
