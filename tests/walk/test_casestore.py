"""Cases on disk: the journal, recovery, pinning, permissions, and sessions built on them."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest

from meldcode_cli.walk.casestore import CaseError, CaseStore, read_journal
from meldcode_cli.walk.session import Session, compile_text
from tests.conftest import VOORBEELD

TEXT = VOORBEELD.read_text(encoding="utf-8")
TODAY = dt.date(2026, 1, 15)


@pytest.fixture
def store(tmp_path: Path) -> CaseStore:
    return CaseStore(tmp_path / "home")


def start(store: CaseStore, label: str = "casus-1", role: str = "huisarts") -> Session:
    return Session.start(
        store,
        label,
        protocol_text=TEXT,
        compiled=compile_text(TEXT, "voorbeeld.yaml"),
        role=role,
        lang="nl",
        today=lambda: TODAY,
    )


def test_every_answer_is_in_the_journal_before_the_next_question(store: CaseStore) -> None:
    s = start(store)
    s.answer("signalen", ["angst", "letsel"])
    s.answer("signalen_feiten", "Blauwe plek linkerarm, 12-01, eigen waarneming.")
    entries = read_journal(s.case.journal).entries
    assert [e.type for e in entries] == ["created", "answer", "answer"]
    assert entries[1].data["value"] == ["angst", "letsel"]
    assert entries[0].data["protocol_id"] == "voorbeeld"


@pytest.mark.posix_only
def test_files_and_folders_are_private(store: CaseStore) -> None:
    s = start(store)
    s.answer("signalen", [])
    assert stat.S_IMODE(os.stat(store.root).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(s.case.folder).st_mode) == 0o700
    for name in ("journal.jsonl", "protocol.yaml", "case.json"):
        assert stat.S_IMODE(os.stat(s.case.folder / name).st_mode) == 0o600, name


def test_resume_rebuilds_the_same_walk(store: CaseStore) -> None:
    s = start(store)
    s.answer("signalen", ["angst"])
    s.add_note("signalen", "Verteld door buurvrouw.", "derde", "feit")
    s.declare_acute(1)
    s.pause()
    again, info = Session.resume(store, "casus-1", current_text=TEXT, today=lambda: TODAY)
    assert info.lost_lines == 0
    assert not info.protocol_changed
    assert again.walk.answers == s.walk.answers
    assert again.walk.acute_declared
    assert [n.text for n in again.walk.notes] == ["Verteld door buurvrouw."]
    assert again.summary()["step"] == 1


def test_torn_last_line_is_dropped_and_reported(store: CaseStore) -> None:
    s = start(store)
    s.answer("signalen", ["angst"])
    s.answer("signalen_feiten", "Feiten.")
    with s.case.journal.open("ab") as f:
        f.write(b'{"seq": 3, "type": "answer", "at": "2026-01-15T10:00:00+00:00", "item": "kin')
    again, info = Session.resume(store, "casus-1")
    assert info.lost_lines == 1
    assert "niet volledig" in (info.problem or "")
    assert again.walk.answers["signalen_feiten"] == "Feiten."
    # the journal was repaired: new entries follow the last good line and read back cleanly
    again.answer("kinderen", "nee")
    read = read_journal(again.case.journal)
    assert read.lost_lines == 0
    assert [e.type for e in read.entries][-2:] == ["recovered", "answer"]


def test_damaged_line_stops_reading_there(store: CaseStore) -> None:
    s = start(store)
    s.answer("signalen", ["angst"])
    s.answer("signalen_feiten", "Feiten.")
    lines = s.case.journal.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("Feiten.", "Vervalst")  # checksum no longer matches
    s.case.journal.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again, info = Session.resume(store, "casus-1")
    assert info.lost_lines == 1
    assert "regel 3" in (info.problem or "")
    assert "signalen_feiten" not in again.walk.answers


def test_protocol_change_is_detected(store: CaseStore) -> None:
    start(store).answer("signalen", [])
    changed = TEXT.replace("Voorbeeldprotocol meldcode", "Voorbeeldprotocol meldcode v2")
    _, info = Session.resume(store, "casus-1", current_text=changed)
    assert info.protocol_changed


def test_pinned_protocol_tampering_is_refused(store: CaseStore) -> None:
    s = start(store)
    s.case.pinned_protocol.write_text(TEXT + "\n# gewijzigd\n", encoding="utf-8")
    with pytest.raises(CaseError, match="gewijzigd"):
        Session.resume(store, "casus-1")


def test_labels_are_pseudonyms_and_unique(store: CaseStore) -> None:
    start(store, "casus-1")
    with pytest.raises(CaseError, match="bestaat al"):
        start(store, "casus-1")
    with pytest.raises(CaseError, match="pseudoniem"):
        start(store, "Jan de Vries")


def test_unknown_case(store: CaseStore) -> None:
    start(store, "casus-1")
    with pytest.raises(CaseError, match="bekende casussen: casus-1"):
        store.open("casus-2")


def test_invalid_answer_saves_nothing(store: CaseStore) -> None:
    from meldcode_cli.walk.engine import AnswerError

    s = start(store)
    s.answer("signalen", [])
    s.answer("signalen_feiten", "x")
    before = s.case.journal.read_bytes()
    with pytest.raises(AnswerError):
        s.answer("kinderen", "misschien")
    assert s.case.journal.read_bytes() == before


def test_write_failure_keeps_what_was_saved(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    s = start(store)
    s.answer("signalen", ["angst"])
    saved = s.case.journal.read_bytes()
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(CaseError, match="de schijf is vol"):
        s.answer("signalen_feiten", "Feiten.")
    monkeypatch.setattr(os, "write", real_write)
    assert s.case.journal.read_bytes() == saved
    assert "signalen_feiten" not in s.walk.answers  # the walk went back to what is saved
    s.answer("signalen_feiten", "Feiten.")  # and it works again once there is room


def test_answers_are_validated_on_the_day_they_were_given(store: CaseStore) -> None:
    s = start(store)
    for item, value in [
        ("signalen", ["angst"]),
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
        ("afweging_3", "ja"),
        ("afweging_4", "ja"),
        ("afweging_evaluatiedatum", "2026-02-15"),
    ]:
        s.answer(item, value)
    assert s.follow_up_due() == "2026-02-15"
    # weeks later, after the evaluation date, the case still opens
    later, _ = Session.resume(store, "casus-1", today=lambda: dt.date(2026, 3, 1))
    later.open_evaluation(None)  # on or after the evaluation date: no reason needed
    later.answer("afweging_5", "ja")
    decision = later.walk.decision()
    assert decision is not None
    assert decision.afsluiten
    # the evaluation is journalled: the case rebuilds to the same decision
    again, _ = Session.resume(store, "casus-1", today=lambda: dt.date(2026, 3, 2))
    assert again.walk.evaluation is not None
    assert not again.walk.evaluation.early
    assert again.walk.decision() == decision
    summary = json.loads((later.case.folder / "case.json").read_text())
    assert summary["label"] == "casus-1"


def test_a_fresh_claim_is_exclusive(store: CaseStore) -> None:
    # eight starts at one moment under one automatic label: exactly one gets the folder
    import threading

    from meldcode_cli.walk.casestore import LabelTaken

    compiled = compile_text(TEXT, "voorbeeld.yaml")
    barrier = threading.Barrier(8)
    won: list[str] = []
    lost: list[str] = []

    def claim(n: int) -> None:
        barrier.wait()
        try:
            Session.start(
                store,
                "casus-x",
                protocol_text=TEXT,
                compiled=compiled,
                role="huisarts",
                lang="nl",
                fresh=True,
            )
            won.append(str(n))
        except LabelTaken:
            lost.append(str(n))

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(won) == 1
    assert len(lost) == 7
    entries = read_journal(store.folder("casus-x") / "journal.jsonl").entries
    assert [e.type for e in entries] == ["created"]


def test_a_fresh_claim_leaves_a_folder_it_did_not_make(store: CaseStore) -> None:
    # a crash left a folder with no durable first line: the user's own label takes it over
    # (as before), an automatic label does not touch it and moves on
    from meldcode_cli.walk.casestore import LabelTaken

    start(store, "casus-0")  # the store's root exists
    left = store.folder("casus-y")
    left.mkdir(mode=0o700)
    (left / "note.txt").write_text("x", encoding="utf-8")
    with pytest.raises(LabelTaken):
        Session.start(
            store,
            "casus-y",
            protocol_text=TEXT,
            compiled=compile_text(TEXT, "voorbeeld.yaml"),
            role="huisarts",
            lang="nl",
            fresh=True,
        )
    assert sorted(p.name for p in left.iterdir()) == ["note.txt"]
    start(store, "casus-y")
    assert store.exists("casus-y")
