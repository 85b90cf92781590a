"""Information requests (``kind: informatieverzoek``): format, analysis, walk, record.

The two KNMG 2023 stappenplannen for information requests end with the shared
verstrekkingsbesluit instead of the afwegingskader. The last test validates, walks, signs and
verifies one on a real pseudo-terminal (pexpect), as a huisarts would.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pexpect
import pytest

from meldcode_cli.protocol.analysis import analyse
from meldcode_cli.protocol.compiled import compile_protocol
from meldcode_cli.protocol.loading import load_protocol_file, load_protocol_text
from meldcode_cli.protocol.verstrekking import ORACLE, OUTCOMES, decide_verstrekking
from meldcode_cli.walk.engine import Walk
from tests.conftest import PROTOCOLS
from tests.pty.test_e2e_pty import MELDCODE, TIMEOUT, Terminal, _env

REQUESTS = ("informatieverzoek-veilig-thuis", "informatieverzoek-politie-justitie")


def _compiled(pid: str):  # type: ignore[no-untyped-def]
    loaded = load_protocol_file(PROTOCOLS / f"{pid}.yaml")
    assert loaded.protocol is not None, loaded.diagnostics
    compiled, diags = compile_protocol(loaded.protocol)
    assert compiled is not None, diags
    assert diags == []
    return compiled


@pytest.mark.parametrize("pid", REQUESTS)
def test_every_besluit_is_a_lawful_end_for_the_huisarts(pid: str) -> None:
    compiled = _compiled(pid)
    assert compiled.protocol.kind == "informatieverzoek"
    result = analyse(compiled, cross_check=True)
    assert result.complete
    assert result.diagnostics == []
    assert result.decision_paths == {f"huisarts:{b}" for b in OUTCOMES}
    assert not any(ci.id.startswith("afweging_") for ci in compiled.items)


def test_oracle_matches_the_decision_function() -> None:
    for besluit, expected in ORACLE.items():
        v = decide_verstrekking({"verstrekking_besluit": besluit})
        assert v is not None
        assert (v.verstrekt, v.deels, v.open, v.vastlegging_nodig) == expected
    assert decide_verstrekking({}) is None
    assert decide_verstrekking({"verstrekking_besluit": "iets"}) is None


def test_disclosure_records_what_and_on_what_ground() -> None:
    compiled = _compiled("informatieverzoek-veilig-thuis")
    walk = Walk(compiled, "huisarts")
    walk.answers["verstrekking_besluit"] = "deels"
    relevant = {ci.id for ci in walk.relevant()}
    assert {"verstrekking_gegevens", "verstrekking_grondslag"} <= relevant
    walk.answers["verstrekking_besluit"] = "niet_verstrekken"
    relevant = {ci.id for ci in walk.relevant()}
    assert "verstrekking_gegevens" not in relevant
    assert walk.decision() is None  # no afwegingskader
    assert walk.concluded()
    assert walk.path_key() == "huisarts:niet_verstrekken"


def _with_marker(marker: str, kind: str | None) -> str:
    text = (PROTOCOLS / "informatieverzoek-veilig-thuis.yaml").read_text(encoding="utf-8")
    text = text.replace("      - kind: verstrekkingsbesluit", f"      - kind: {marker}")
    if kind is None:
        text = text.replace("kind: informatieverzoek\n", "")
    return text


def test_afwegingskader_in_an_information_request_is_mc218() -> None:
    loaded = load_protocol_text(_with_marker("afwegingskader", "informatieverzoek"), "x.yaml")
    assert loaded.protocol is not None
    _, diags = compile_protocol(loaded.protocol)
    assert sorted(d.code for d in diags) == ["MC208", "MC218"]


def test_verstrekkingsbesluit_in_a_meldcode_protocol_is_mc218() -> None:
    loaded = load_protocol_text(_with_marker("verstrekkingsbesluit", None), "x.yaml")
    assert loaded.protocol is not None
    _, diags = compile_protocol(loaded.protocol)
    codes = {d.code for d in diags}
    # the missing afwegingskader, the foreign marker, and the sources that only an
    # information request has built in
    assert codes == {"MC208", "MC218", "MC206"}
    assert [d.message for d in diags if d.code == "MC208"] == ["het afwegingskader ontbreekt"]


def test_reserved_ids_of_the_verstrekkingsbesluit() -> None:
    text = _with_marker("verstrekkingsbesluit", "informatieverzoek").replace(
        "id: belangenafweging", "id: verstrekking_extra"
    )
    loaded = load_protocol_text(text, "x.yaml")
    assert loaded.protocol is not None
    _, diags = compile_protocol(loaded.protocol)
    assert [d.code for d in diags] == ["MC209"]


# --- end to end on a pty: validate, walk, sign, verify --------------------------------------

# (question, lines to type) in the order of the plain walk of informatieverzoek-veilig-thuis
PLAIN: list[tuple[str, list[str]]] = [
    ("Wie vraagt om informatie?", ["1"]),
    ("Naam, functie en telefoonnummer", ["M. de Vries, Veilig Thuis, 12-01, teruggebeld"]),
    ("Welke informatie wordt precies gevraagd", ["Letselconsulten van het kind.", "."]),
    ("Kent u nu de context", ["1"]),
    ("Welke context kreeg u", ["Onderzoek na melding school, 12-01.", "."]),
    ("Welke van uw gegevens zijn relevant", ["Alleen twee letselconsulten.", "."]),
    ("met een collega besproken?", ["1"]),
    ("Met wie, wanneer", ["Collega-huisarts 13-01: eens.", "."]),
    ("Heeft u de patiënt", ["1"]),
    ("Wat zei de patiënt", ["Moeder begrijpt het, geen bezwaar.", "."]),
    ("Welk belang dient verstrekking", ["Veiligheid kind weegt zwaarder.", "."]),
    ("Verstrekkingsbesluit", ["2"]),
    ("Welke gegevens verstrekte u precies", ["14-01 schriftelijk: twee consulten.", "."]),
    ("Op welke grond", ["2"]),
    ("Waarom dit besluit?", ["Alleen wat relevant is; moeder geïnformeerd.", "."]),
]


def test_information_request_validated_walked_signed_and_verified(tmp_path: Path) -> None:
    if not MELDCODE.exists():
        pytest.skip("console script not installed")
    env = _env(tmp_path)
    pw = tmp_path / "pw"
    pw.write_text("een lange wachtzin\n", encoding="utf-8")
    os.chmod(pw, 0o600)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(MELDCODE), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=TIMEOUT,
            check=False,
        )

    proto = PROTOCOLS / "informatieverzoek-veilig-thuis.yaml"
    checked = run("validate", "-v", str(proto))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "4 beslispaden" in checked.stdout
    init = run(
        "init",
        "--name",
        "Dr. A. Jansen",
        "--role",
        "huisarts",
        "--organisation",
        "Praktijk Oost",
        "--passphrase-file",
        str(pw),
    )
    assert init.returncode == 0, init.stderr

    term = Terminal(
        tmp_path,
        "start",
        "informatieverzoek-veilig-thuis",
        "--role",
        "huisarts",
        "--case",
        "iv",
        "--plain",
        "--passphrase-file",
        str(pw),
    )
    try:
        term.expect("Stap 1 van 5: Het verzoek")
        for question, lines in PLAIN:
            term.expect(question)
            term.expect("> ")
            for line in lines:
                term.child.sendline(line)
        term.expect("Verstrekkingsbesluit (informatieverzoek):")
        term.expect("alleen het relevante deel verstrekt")
        term.expect("Het verstrekkingsbesluit vastleggen:")
        term.expect("> ")
        term.child.sendline("1")  # nu ondertekenen
        term.expect("Klopt dit, en ondertekent u dit record?")
        term.expect("> ")
        term.child.sendline("1")  # ja, ondertekenen
        term.expect("Ondertekend")
        assert term.finish() == 0
    finally:
        term.kill()
    assert "afwegingskader" not in term.output.split("Stap 5 van 5")[1].split("Ondertekend")[0]

    records = tmp_path / "home" / "cases" / "iv" / "records"
    if not records.exists():  # MELDCODE_HOME layout
        records = next(tmp_path.rglob("records"))
    verified = run("verify", str(records))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    envelope = json.loads(next(records.iterdir()).read_text(encoding="utf-8"))
    decision = envelope["record"]["decision"]
    assert decision["type"] == "verstrekking"
    assert decision["besluit"] == "deels"
    assert decision["grondslag"] == "meldrecht"
    refused = run("report", str(next(records.iterdir())))
    assert refused.returncode == 2
    assert "geen melding" in refused.stderr
    child = pexpect.spawn(str(MELDCODE), ["cases", "--format", "json"], env=env, encoding="utf-8")
    child.expect(pexpect.EOF, timeout=TIMEOUT)
    rows = {row["label"]: row for row in json.loads(child.before)}
    assert rows["iv"]["outcome"] == "deels"
