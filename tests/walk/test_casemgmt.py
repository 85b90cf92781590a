"""Case management: the cases table, --search, rename, archive, purge, resume's list and recap."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from meldcode_cli.record.profile import Profile, ProfileStore
from meldcode_cli.record.signing import sign_case
from meldcode_cli.record.verify import verify_file
from meldcode_cli.walk.casemgmt import (
    archive_case,
    case_rows,
    format_rows,
    purge_case,
    recap_lines,
    rename_case,
    resumable_lines,
)
from meldcode_cli.walk.casestore import CaseStore
from tests.case_helpers import pick_scenario, scenario_today, scenarios_of, walk_case

PASS = "correct horse battery staple"
TODAY = dt.date(2026, 1, 15)
STEP1 = {
    "signalen": ["lichamelijk_geweld", "angst"],
    "signalen_feiten": "08-01, spreekuur: blauwe plek linker bovenarm.",
    "signalen_bron": ["eigen_waarneming"],
    "signalen_datum": "2026-01-08",
    "kindcheck": "nee",
    "mantelzorgcheck": "nee",
}


def profile() -> ProfileStore:
    store = ProfileStore()
    store.init(Profile(name="Dr. A. Jansen", role="huisarts", organisation="Praktijk"), PASS)
    return store


def finished(label: str, outcome: str = "melden") -> None:
    sc = pick_scenario("partnergeweld", "huisarts")
    if outcome != "melden":
        sc = next(
            s
            for s in scenarios_of("partnergeweld")
            if s["role"] == "huisarts" and "evaluatie" in str(s["name"]).lower()
        )
    walk_case(
        CaseStore(), label, "partnergeweld", "huisarts", sc["answers"], today=scenario_today(sc)
    )


def test_columns_legend_and_states(home: Path) -> None:
    profile()
    walk_case(CaseStore(), "open-a", "partnergeweld", "huisarts", STEP1, complete=False)
    finished("klaar-b")
    from meldcode_cli.walk.session import Session

    session, _ = Session.resume(CaseStore(), "klaar-b")
    sign_case(session, passphrase=lambda: PASS)
    acute = walk_case(
        CaseStore(), "acuut-c", "partnergeweld", "huisarts", STEP1, acute_steps=[1], complete=False
    )
    assert acute.walk.acute_declared
    rows = {r["label"]: r for r in case_rows(today=TODAY)}
    assert rows["open-a"]["step"] == 2
    assert rows["open-a"]["signed"] == "nee"
    assert rows["open-a"]["acute"] is False
    assert rows["klaar-b"]["signed"] == "ja"
    assert rows["klaar-b"]["finished"] is True
    assert "melden" in rows["klaar-b"]["outcome"]
    assert rows["acuut-c"]["acute"] is True
    text = format_rows(list(rows.values()), today=TODAY, width=120)
    header = text.splitlines()[0].split()
    assert header[:6] == ["casus", "protocol", "stap", "getekend", "acuut", "besluit"]
    assert "volgende" in text.splitlines()[0]
    assert "laatste activiteit" in text.splitlines()[0]
    line_b = next(ln for ln in text.splitlines() if ln.startswith("klaar-b"))
    assert " ✓ " in line_b
    assert " ja " in line_b
    line_c = next(ln for ln in text.splitlines() if ln.startswith("acuut-c"))
    assert " ! " in line_c
    assert "T" not in line_c.split("partnergeweld", 1)[1]  # no ISO 'T' timestamps
    assert "acuut: ! = acute route genomen of acuut signaal" in text  # the legend
    narrow = format_rows(list(rows.values()), today=TODAY, width=60)
    assert "laatste activiteit" not in narrow


def test_human_timestamps(home: Path) -> None:
    from meldcode_cli.walk.casemgmt import when

    now = dt.datetime.now().astimezone()
    assert when(now.isoformat(), now.date()).startswith("vandaag ")
    assert when("2025-03-04T10:00:00+01:00", dt.date(2026, 1, 1)) == "04-03-2025"


def test_search(home: Path) -> None:
    walk_case(CaseStore(), "mw-noord", "partnergeweld", "huisarts", STEP1, complete=False)
    walk_case(CaseStore(), "dhr-zuid", "partnergeweld", "wijkagent", STEP1, complete=False)
    assert [r["label"] for r in case_rows(search="NOORD")] == ["mw-noord"]
    assert [r["label"] for r in case_rows(search="wijkagent")] == ["dhr-zuid"]
    result = CliRunner().invoke(make_app(), ["cases", "--search", "zuid"])
    assert result.exit_code == 0
    assert "dhr-zuid" in result.stdout
    assert "mw-noord" not in result.stdout


def test_rename_keeps_the_case_and_refuses_bad_labels(home: Path) -> None:
    walk_case(CaseStore(), "oud", "partnergeweld", "huisarts", STEP1, complete=False)
    rename_case("oud", "nieuw")
    store = CaseStore()
    assert store.labels() == ["nieuw"]
    assert case_rows()[0]["label"] == "nieuw"
    assert case_rows()[0]["step"] == 2
    from meldcode_cli.walk.session import Session

    session, _ = Session.resume(store, "nieuw")
    assert session.walk.answers["signalen_datum"] == "2026-01-08"
    result = CliRunner().invoke(make_app(), ["rename", "nieuw", "Jan Jansen"])
    assert result.exit_code == 2
    assert "pseudoniem" in result.stderr
    walk_case(store, "ander", "partnergeweld", "huisarts", STEP1, complete=False)
    result = CliRunner().invoke(make_app(), ["rename", "ander", "nieuw"])
    assert result.exit_code == 2
    assert "bestaat al" in result.stderr


def test_archive_hides_and_undo_restores(home: Path) -> None:
    walk_case(CaseStore(), "weg", "partnergeweld", "huisarts", STEP1, complete=False)
    archive_case("weg")
    assert case_rows() == []
    result = CliRunner().invoke(make_app(), ["cases", "--archived"])
    assert "weg" in result.stdout
    result = CliRunner().invoke(make_app(), ["archive", "weg", "--undo"])
    assert result.exit_code == 0, result.stderr
    assert [r["label"] for r in case_rows()] == ["weg"]


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_purge_leaves_no_file_of_the_case(home: Path) -> None:
    walk_case(CaseStore(), "wis", "partnergeweld", "huisarts", STEP1, complete=False)
    walk_case(CaseStore(), "blijf", "partnergeweld", "huisarts", STEP1, complete=False)
    folder = CaseStore().folder("wis")
    assert files_under(folder)
    result = CliRunner().invoke(make_app(), ["purge", "wis", "--yes"])
    assert result.exit_code == 0, result.stderr
    assert not folder.exists()
    assert not [p for p in files_under(home) if "wis" in p.parts]
    assert [r["label"] for r in case_rows()] == ["blijf"]


def test_purge_asks_to_type_the_label(home: Path) -> None:
    walk_case(CaseStore(), "wis", "partnergeweld", "huisarts", STEP1, complete=False)
    result = CliRunner().invoke(make_app(), ["purge", "wis"], input="wis\n")
    assert result.exit_code == 2  # CliRunner's stdin is no terminal: refused, nothing erased
    assert "--yes" in result.stderr
    assert CaseStore().exists("wis")


def test_purge_keeps_signed_records_that_still_verify(home: Path) -> None:
    profile()
    finished("getekend")
    from meldcode_cli.walk.session import Session

    session, _ = Session.resume(CaseStore(), "getekend")
    out = sign_case(session, passphrase=lambda: PASS)
    original = out.path.read_bytes()
    tomb = purge_case("getekend", keep_records=True)
    assert tomb is not None
    assert not CaseStore().folder("getekend").exists()
    kept = tomb / "records" / out.path.name
    assert kept.read_bytes() == original
    assert verify_file(kept).valid
    assert {p.name for p in files_under(tomb)} == {out.path.name, "tombstone.json"}
    assert os.stat(tomb).st_mode & 0o077 == 0
    result = CliRunner().invoke(make_app(), ["verify", str(kept)])
    assert result.exit_code == 0, result.stdout


def test_resume_without_a_label_lists_and_recaps(home: Path) -> None:
    walk_case(CaseStore(), "verder", "partnergeweld", "huisarts", STEP1, complete=False)
    finished("klaar")
    lines = resumable_lines()
    assert any(ln.strip().startswith("verder") and "stap 2" in ln for ln in lines)
    assert not any("klaar" in ln for ln in lines)
    result = CliRunner().invoke(make_app(), ["resume"])
    assert result.exit_code == 0
    assert "verder" in result.stdout
    assert "meldcode resume LABEL" in result.stdout
    from meldcode_cli.walk.session import Session

    session, _ = Session.resume(CaseStore(), "verder")
    recap = recap_lines(session.walk)
    assert recap[0] == "Tot nu toe beantwoord:"
    assert recap[1] == "  Stap 1: Signalen in kaart brengen"
    assert any("— 08-01, spreekuur: blauwe plek" in ln for ln in recap)
    assert all(len(ln) <= 74 for ln in recap)


def test_purge_never_follows_a_link_out_of_the_case(home: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elders"
    outside.mkdir()
    precious = outside / "dossier.txt"
    precious.write_text("niet van deze casus", encoding="utf-8")
    walk_case(CaseStore(), "link", "partnergeweld", "huisarts", STEP1, complete=False)
    folder = CaseStore().folder("link")
    (folder / "naar-buiten").symlink_to(outside, target_is_directory=True)
    (folder / "bestand-link").symlink_to(precious)
    purge_case("link")
    assert not folder.exists()
    assert precious.read_text(encoding="utf-8") == "niet van deze casus"
