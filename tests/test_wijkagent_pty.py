"""The wijkagent on a real terminal (issue 15): partnergeweld walked as a police officer
after an incident at the address, with children present and a huisverbod imposed by the
hulpofficier, signed; ``report`` gives a Concept-zorgmelding without a BIG number, and
``verify`` is green. Plain mode (``--plain``), the installed console script, pexpect."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

MELDCODE = Path(sys.executable).with_name("meldcode")
ROWS, COLS = 40, 120
pytestmark = pytest.mark.skipif(not MELDCODE.exists(), reason="console script not installed")

TODAY = dt.date.today()
PAST = (TODAY - dt.timedelta(days=1)).strftime("%d-%m-%Y")
FUTURE = (TODAY + dt.timedelta(days=28)).strftime("%d-%m-%Y")

# (words that identify the question, the lines that answer it), first match wins
ANSWERS: list[tuple[str, list[str]]] = [
    (
        "Het incident of signaal",
        [
            "22:40, melding via de meldkamer: buren hoorden geschreeuw. Vrouw (34) met rode wang,",
            "man (36) geagiteerd, twee kinderen (4 en 7) boven wakker. Partijen gescheiden.",
            ".",
        ],
    ),
    ("Welke signalen", ["12 13 14 24"]),
    (
        "Beschrijf wat u zag en hoorde",
        [
            "Vrouw zegt: 'hij sloeg me twee keer in het gezicht'. Rode plek linker wang, 4 cm.",
            ".",
        ],
    ),
    ("Bron van de signalen", ["1 2"]),
    ("Datum van het (eerste) signaal", [PAST]),
    ("Uw interpretatie", [""]),
    ("Eerdere incidenten en registraties", ["Burenruzie op dit adres, juni 2025.", "."]),
    ("Kindcheck", ["1"]),
    ("Aantal kinderen", ["Twee kinderen, 4 en 7 jaar; sliepen boven en werden wakker.", "."]),
    ("stelselmatig", ["2"]),
    ("Waren kinderen aanwezig bij het incident", ["1"]),
    ("ernstig en onmiddellijk gevaar", ["1"]),
    ("voorgelegd aan de hulpofficier", ["1"]),
    ("Wanneer heeft u de situatie", [PAST]),
    ("Wat besloot de hulpofficier", ["1"]),
    ("Registratienummer", ["PL1400-2026000777"]),
    ("Heeft u overlegd met uw teamchef", ["1"]),
    ("Wie, wanneer", ["Teamchef, direct na het incident: huisverbod voorleggen.", "."]),
    ("overlegd met Veilig Thuis", ["2"]),
    ("Heeft u met de betrokkenen gesproken", ["1"]),
    ("Wat zeiden de betrokkenen", ["Vrouw bevestigt het slaan; man ontkent.", "."]),
    ("Aangifte door het slachtoffer", ["1"]),
    ("Uw inschatting van het risico", ["Risico op herhaling hoog: escalatie.", "."]),
    ("Welk risico op", ["4"]),
    ("aard en ernst", ["Lichamelijk geweld, kinderen in huis.", "."]),
    ("Afweging 1", ["1"]),
    ("Afweging 2", ["1"]),
    (
        "Wie doet wat nu voor de veiligheid",
        ["Huisverbod opgelegd; Veilig Thuis vandaag gebeld.", "."],
    ),
    ("Afweging 3", ["1"]),
    ("Afweging 4", ["1"]),
    ("Op welke datum evalueert", [FUTURE]),
    ("Beperkt u de gegevens", ["1"]),
    ("zorgmelding doet bij Veilig Thuis?", ["1"]),
    ("Wie heeft u geïnformeerd", ["Beide partijen ter plaatse; geen bezwaar.", "."]),
    ("Terugkoppeling van Veilig Thuis", [""]),
    ("Het beslisrecord ondertekenen?", ["1"]),
    ("vervolgafspraken", ["Veilig Thuis neemt contact op; huisbezoek over een week.", "."]),
]


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "MELDCODE_DEBUG")}
    env.update(MELDCODE_HOME=str(home), TERM="xterm", COLUMNS=str(COLS))
    return env


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MELDCODE), *args], env=_env(home), capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip


def test_wijkagent_huisverbod_children_concept_zorgmelding(tmp_path: Path) -> None:
    home = tmp_path / "home"
    pw = tmp_path / "pw"
    pw.write_text("een lange wachtzin")
    pw.chmod(0o600)
    init = _run(
        home, "init", "--name", "W. de Boer", "--role", "wijkagent",
        "--organisation", "Politie eenheid Den Haag, team Zoetermeer",
        "--registration", "P-0042", "--passphrase-file", str(pw),
    )  # fmt: skip
    assert init.returncode == 0, init.stderr
    log = io.StringIO()
    child = pexpect.spawn(
        str(MELDCODE),
        ["start", "partnergeweld", "--role", "wijkagent", "--case", "pg-politie", "--plain",
         "--passphrase-file", str(pw), "--yes"],
        env=_env(home), encoding="utf-8", timeout=30, dimensions=(ROWS, COLS),
    )  # fmt: skip
    child.logfile_read = log
    asked: list[str] = []
    seen = 0
    try:
        while True:
            i = child.expect([r"\n> ", pexpect.EOF])
            if i == 1:
                break
            screen = log.getvalue()[seen:]
            seen = len(log.getvalue())
            question = " ".join(screen.split())
            # the question is the known text that comes last on the screen (above it: the
            # echo of the previous answer)
            hits = [(question.rfind(key), key, a) for key, a in ANSWERS if key in question]
            assert hits, f"unexpected question:\n{screen[-600:]}"
            _, key, match = max(hits, key=lambda h: h[0])
            asked.append(key)
            for n, line in enumerate(match):
                if n:
                    child.expect(r"\n  ")  # the continuation of a multiline answer
                child.sendline(line)
    finally:
        child.close()
    out = log.getvalue()
    assert child.exitstatus == 0, out[-2000:]
    assert "Ondertekend (decision)" in out
    # the incident comes first, and the huisverbod is asked at the incident (stap 1)
    assert asked[0] == "Het incident of signaal"
    assert asked.index("ernstig en onmiddellijk gevaar") < asked.index(
        "Heeft u overlegd met uw teamchef"
    )
    assert "Stap 1 van 5: Het incident of signaal in kaart brengen" in out
    for care in ("beroepsgeheim", "spreekuur", "NVvP", "DASH"):
        assert care not in out
    record = next((home / "cases" / "pg-politie" / "records").glob("0001-*.json"))

    for fmt in ("md", "txt", "html"):
        rep = _run(home, "report", str(record), "-f", fmt)
        assert rep.returncode == 0, rep.stderr
        text = rep.stdout
        assert "Concept-zorgmelding" in text
        assert "BIG" not in text
        assert "Personeelsnummer of -referentie" in text
        assert "P-0042" in text
        assert "Huisverbod opgelegd (10 dagen)" in text
        assert "PL1400-2026000777" in text
        assert re.search(r"geen etiketten", text)

    ver = _run(home, "verify", str(record))
    assert ver.returncode == 0, ver.stdout + ver.stderr
