"""Veilig Thuis follow-up: a melding creates the due items; terugkoppeling closes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from meldcode_cli.record.profile import Profile, ProfileStore
from meldcode_cli.record.signing import records_of, sign_case
from meldcode_cli.record.store import load_record
from meldcode_cli.record.verify import verify_chain, verify_file
from meldcode_cli.walk.casemgmt import case_rows
from meldcode_cli.walk.casestore import CaseError, CaseStore
from meldcode_cli.walk.followup import add_workdays, due_items, parse_day, record_melding
from meldcode_cli.walk.session import Session
from tests.case_helpers import pick_scenario, scenario_today, walk_case

PASS = "correct horse battery staple"


@pytest.fixture
def home(home: Path) -> Path:
    store = ProfileStore()
    store.init(Profile(name="Dr. A. Jansen", role="huisarts", organisation="Praktijk"), PASS)
    pw = home / "pass.txt"
    pw.write_text(PASS + "\n", encoding="utf-8")
    pw.chmod(0o600)
    return home


def signed_melden(label: str = "vt") -> Session:
    sc = pick_scenario("partnergeweld", "huisarts")
    session = walk_case(
        CaseStore(), label, "partnergeweld", "huisarts", sc["answers"], today=scenario_today(sc)
    )
    assert session.walk.decision().melden  # type: ignore[union-attr]
    sign_case(session, passphrase=lambda: PASS)
    return session


def test_workdays_skip_the_weekend() -> None:
    friday = dt.date(2026, 1, 16)
    assert add_workdays(friday, 5) == dt.date(2026, 1, 23)
    assert add_workdays(dt.date(2026, 1, 12), 5) == dt.date(2026, 1, 19)  # Monday + 5


def test_dates_are_read_the_dutch_way() -> None:
    today = dt.date(2026, 1, 20)
    assert parse_day("16-01-2026", today=today) == dt.date(2026, 1, 16)
    assert parse_day(None, today=today) == today
    with pytest.raises(CaseError, match="toekomst"):
        parse_day("21-01-2026", today=today)
    with pytest.raises(CaseError, match="DD-MM-JJJJ"):
        parse_day("16 jan", today=today)


def test_melding_creates_due_items_and_terugkoppeling_closes_them(home: Path) -> None:
    signed_melden()
    runner = CliRunner()
    result = runner.invoke(
        make_app(), ["melding", "vt", "--date", "16-01-2026", "--channel", "telefoon"]
    )
    assert result.exit_code == 0, result.stderr
    assert "uiterlijk 23-01-2026" in result.stdout  # 5 werkdagen
    assert "uiterlijk 27-03-2026" in result.stdout  # 10 weken
    case = CaseStore().open("vt")
    items = {d.kind: d for d in due_items(case)}
    assert items["terugkoppeling-1"].date == "2026-01-23"
    assert items["terugkoppeling-2"].date == "2026-03-27"
    assert items["terugkoppeling-1"].open
    assert items["terugkoppeling-2"].open

    due = case_rows(today=dt.date(2026, 1, 26), due_only=True)
    assert [r["label"] for r in due] == ["vt"]
    assert due[0]["next_due"] == {
        "date": "2026-01-23",
        "kind": "terugkoppeling",
        "item": "terugkoppeling-1",
    }
    listed = runner.invoke(make_app(), ["cases", "--due"])
    assert "terugkoppeling VT" in listed.stdout

    result = runner.invoke(
        make_app(),
        [
            "terugkoppeling",
            "vt",
            "--moment",
            "1",
            "--date",
            "20-01-2026",
            "--summary",
            "Melding aangenomen; Veilig Thuis doet onderzoek.",
            "--passphrase-file",
            str(home / "pass.txt"),
            "--yes",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert "ondertekend" in result.stdout
    assert "Terugkoppeling Veilig Thuis (moment 1" in result.stdout  # the signing screen
    items = {d.kind: d for d in due_items(CaseStore().open("vt"))}
    assert not items["terugkoppeling-1"].open
    assert items["terugkoppeling-2"].open
    nxt = case_rows(today=dt.date(2026, 1, 26))[0]["next_due"]
    assert nxt["item"] == "terugkoppeling-2"
    assert [r["label"] for r in case_rows(today=dt.date(2026, 1, 26), due_only=True)] == []

    result = runner.invoke(
        make_app(),
        [
            "terugkoppeling",
            "vt",
            "--moment",
            "2",
            "--summary",
            "Onderzoek afgerond; overdracht aan het lokale team.",
            "--passphrase-file",
            str(home / "pass.txt"),
            "--yes",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert "Geen open terugkoppelmomenten meer." in result.stdout
    assert all(
        not d.open for d in due_items(CaseStore().open("vt")) if d.family == "terugkoppeling"
    )

    # the feedback is a signed amendment in the chain, and the chain holds
    session, _ = Session.resume(CaseStore(), "vt")
    files = records_of(session)
    assert [f.name for f in files] == [
        "0001-decision.json",
        "0002-amendment.json",
        "0003-amendment.json",
    ]
    results = [verify_file(f) for f in files]
    assert all(r.valid for r in results)
    assert verify_chain(results, files) == []
    reason = load_record(files[1]).amendment_reason
    assert reason is not None
    assert reason.startswith("Terugkoppeling Veilig Thuis (moment 1")
    assert "20-01-2026" in reason
    # ... and in the journal entry for the HIS
    journaal = runner.invoke(make_app(), ["journaal", "vt"]).stdout
    assert "Gemeld bij Veilig Thuis op 16-01-2026 (telefonisch)." in " ".join(journaal.split())


def test_melding_refused_without_a_melden_decision(home: Path) -> None:
    walk_case(
        CaseStore(), "open", "partnergeweld", "huisarts", {"kindcheck": "nee"}, complete=False
    )
    with pytest.raises(CaseError, match="geen besluit om te melden"):
        record_melding("open", date=None, channel="telefoon")
    signed_melden("m2")
    with pytest.raises(CaseError, match="--channel fax"):
        record_melding("m2", date=None, channel="fax")


def test_terugkoppeling_without_melding_says_what_first(home: Path) -> None:
    signed_melden("m3")
    result = CliRunner().invoke(make_app(), ["terugkoppeling", "m3", "--summary", "x", "--no-sign"])
    assert result.exit_code == 2
    assert "meldcode melding m3" in result.stderr
    assert len(records_of(Session.resume(CaseStore(), "m3")[0])) == 1


def test_melding_after_an_override_to_meld(home: Path) -> None:
    from meldcode_cli.record.model import ChosenDecision, Override
    from tests.case_helpers import scenarios_of

    sc = next(
        s
        for s in scenarios_of("partnergeweld")
        if s["role"] == "huisarts" and not s["expect"]["decision"]["melden"]
    )
    session = walk_case(
        CaseStore(), "ov", "partnergeweld", "huisarts", sc["answers"], today=scenario_today(sc)
    )
    override = Override(
        chosen=ChosenDecision(melden=True, hulp=False, afsluiten=False),
        reason="Zorg blijft; toch melden.",
        consulted="aandachtsfunctionaris",
    )
    sign_case(session, passphrase=lambda: PASS, override=override)
    data, items = record_melding("ov", date="14-01-2026", channel="webformulier")
    assert data == {"date": "2026-01-14", "channel": "webformulier"}
    assert [d.kind for d in items if d.family == "terugkoppeling"] == [
        "terugkoppeling-1",
        "terugkoppeling-2",
    ]
