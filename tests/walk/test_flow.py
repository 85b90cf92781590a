"""start / resume / cases: the walk bound to a case, through the plain prompter."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from meldcode_cli.authoring.validate import UsageError
from meldcode_cli.cli.app import make_app
from meldcode_cli.walk.casestore import CaseError, CaseStore
from meldcode_cli.walk.flow import (
    WalkInterrupted,
    WalkRequest,
    format_cases,
    list_cases,
    resume_walk,
    start_walk,
)
from tests.conftest import ROOT

TODAY = dt.date(2026, 1, 15)


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


# plain answers for voorbeeld, huisarts, through to "melden" (afweging 3 nee)
LINES = [
    "4",  # signalen: angst
    "Blauwe plek, 12-01, eigen waarneming.",
    ".",
    "",  # signalen_duiding: optional, skipped
    "2",  # kinderen: nee
    "1",  # advies_vt: ja
    "Anoniem advies op 13-01: gesprek voeren.",
    ".",
    "1",  # gesprek: gevoerd
    "Cliënt bevestigt.",
    ".",
    "Risico matig.",
    ".",
    "1",  # afweging_1 ja
    "2",  # afweging_2 nee
    "2",  # afweging_3 nee -> melden
    "Cliënt geïnformeerd op 20-01.",
    ".",
]


@pytest.fixture
def store(tmp_path: Path) -> CaseStore:
    return CaseStore(tmp_path)


def run_start(store: CaseStore, lines: list[str], **kw: object) -> tuple[object, str]:
    out = Tty()
    req = WalkRequest("voorbeeld", role="huisarts", case="casus-a", plain=True, **kw)  # type: ignore[arg-type]
    outcome = start_walk(
        req, stdin=Tty("\n".join(lines) + "\n"), stdout=out, store=store, today=lambda: TODAY
    )
    return outcome, out.getvalue()


def test_plain_walk_to_a_decision(store: CaseStore) -> None:
    outcome, out = run_start(store, LINES)
    assert outcome.status == "completed"  # type: ignore[attr-defined]
    assert outcome.decision.melden  # type: ignore[attr-defined]
    assert "Stap 1 van 5: Signalen in kaart brengen" in out
    assert "Bij twijfel altijd Veilig Thuis raadplegen" in out  # guidance shown
    assert "melden bij Veilig Thuis" in out
    assert "Wat het dossier moet bevatten:" in out
    rows = list_cases(store=store, today=TODAY)
    assert rows[0]["label"] == "casus-a"
    assert rows[0]["finished"] is True


def test_ways_out_in_plain_mode(store: CaseStore) -> None:
    lines = [
        "4",
        "waarom",  # at signalen_feiten
        "notitie",
        "Buurvrouw belde de praktijk.",
        "3",  # verteld door derde
        "1",  # feit
        "Blauwe plek.",
        ".",
        "",
        "acuut",  # at kinderen: acute route
        "1",  # continue
        "1",  # kinderen: ja
        "terug",  # at kinderen_aantal
        "4",  # the fourth answered item: kinderen (the skipped optional one is listed too)
        "2",  # kinderen: nee
        "pauze",
    ]
    outcome, out = run_start(store, lines)
    assert outcome.status == "paused"  # type: ignore[attr-defined]
    assert "Waarom deze vraag (signalen_feiten)?" in out
    assert "ACUUT GEVAAR" in out
    assert "112" in out
    assert "0800-2000" in out
    assert "meldcode resume casus-a" in out
    journal = (store.root / "casus-a" / "journal.jsonl").read_text()
    types = [json.loads(line)["type"] for line in journal.splitlines()]
    assert types.count("note") == 1
    assert "acute" in types
    assert types[-1] == "paused"


def resume_rest(store: CaseStore) -> tuple[Any, str]:
    """Resume casus-a in plain mode with the rest of LINES; (outcome, what it printed)."""
    out = Tty()
    outcome = resume_walk(
        "casus-a",
        plain=True,
        stdin=Tty("\n".join(LINES[6:]) + "\n"),
        stdout=out,
        store=store,
        today=lambda: TODAY,
    )
    return outcome, out.getvalue()


def test_interrupt_saves_and_resume_reaches_the_same_decision(store: CaseStore) -> None:
    with pytest.raises(WalkInterrupted) as exc:
        run_start(store, LINES[:6])  # input ends mid-walk: EOF like a closed terminal
    assert exc.value.label == "casus-a"
    outcome, _ = resume_rest(store)
    assert outcome.status == "completed"
    assert outcome.decision is not None
    assert outcome.decision.melden
    assert outcome.decision.meldnormen == (2,)


def test_no_terminal_and_no_answers_fails_fast(store: CaseStore) -> None:
    req = WalkRequest("voorbeeld", role="huisarts", case="x", plain=True)
    with pytest.raises(UsageError, match="--answers"):
        start_walk(req, stdin=io.StringIO(""), stdout=io.StringIO(), store=store)


def test_answers_file_replay_lists_every_missing_answer(store: CaseStore, tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text(
        "role: huisarts\nanswers:\n  signalen: [angst]\n  kinderen: nee\n", encoding="utf-8"
    )
    out = io.StringIO()
    req = WalkRequest("voorbeeld", case="casus-b", answers=f)
    outcome = start_walk(req, stdin=io.StringIO(), stdout=out, store=store, today=lambda: TODAY)
    assert outcome.status == "incomplete"
    assert outcome.missing[:3] == ["signalen_feiten", "advies_vt", "gesprek"]
    assert "afweging_1" in outcome.missing
    assert "meldcode resume casus-b" in out.getvalue()


def test_answers_file_with_a_bad_answer_says_which(store: CaseStore, tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("role: huisarts\nanswers:\n  signalen: [vuur]\n", encoding="utf-8")
    req = WalkRequest("voorbeeld", answers=f, save=False)
    with pytest.raises(UsageError, match="'signalen': onbekende optie 'vuur'"):
        start_walk(req, stdin=io.StringIO(), stdout=io.StringIO(), store=store)


def test_example_case_end_to_end(store: CaseStore) -> None:
    req = WalkRequest(
        "partnergeweld",
        case="voorbeeldcasus",
        answers=ROOT / "examples" / "casus-partnergeweld.yaml",
    )
    out = io.StringIO()
    outcome = start_walk(req, stdin=io.StringIO(), stdout=out, store=store)
    assert outcome.status == "completed"
    assert outcome.finished is not None
    assert outcome.finished.protocol_hash is not None
    assert "hulp bieden of organiseren" in out.getvalue()


def test_cases_due_and_formats(store: CaseStore) -> None:
    req = WalkRequest(
        "partnergeweld",
        case="voorbeeldcasus",
        answers=ROOT / "examples" / "casus-partnergeweld.yaml",
    )
    start_walk(req, stdin=io.StringIO(), stdout=io.StringIO(), store=store)
    due = list_cases(due_only=True, store=store, today=dt.date(2026, 3, 2))
    assert [r["label"] for r in due] == ["voorbeeldcasus"]
    assert list_cases(due_only=True, store=store, today=dt.date(2026, 2, 1)) == []
    assert "voorbeeldcasus" in format_cases(due)
    assert json.loads(format_cases(due, "json"))[0]["follow_up_due"] == "2026-03-01"


def test_cli_start_with_answers_and_cases(home: Path) -> None:
    runner = CliRunner()
    example = str(ROOT / "examples" / "casus-partnergeweld.yaml")
    result = runner.invoke(
        make_app(), ["start", "partnergeweld", "--answers", example, "--case", "c1"]
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    result = runner.invoke(make_app(), ["cases", "--format", "json"])
    assert json.loads(result.stdout)[0]["label"] == "c1"
    result = runner.invoke(
        make_app(), ["start", "partnergeweld", "--answers", example, "--case", "c1"]
    )
    assert result.exit_code == 2
    assert "bestaat al" in result.stderr
    result = runner.invoke(make_app(), ["resume", "onbekend"])
    assert result.exit_code == 2


def _profile(tmp_path: Path) -> Path:
    import os

    from meldcode_cli.record.profile import Profile, ProfileStore

    ProfileStore().init(Profile(name="A", role="huisarts", organisation="B"), "een lange wachtzin")
    pw = tmp_path / "pw"
    pw.write_text("een lange wachtzin")
    os.chmod(pw, 0o600)
    return pw


def test_interactive_walk_ends_by_signing(store: CaseStore, tmp_path: Path) -> None:
    pw = _profile(tmp_path)
    out = Tty()
    req = WalkRequest("voorbeeld", role="huisarts", case="s1", plain=True, passphrase_file=pw)
    outcome = start_walk(
        req,
        stdin=Tty("\n".join([*LINES, "1", "1"]) + "\n"),  # sign now; yes, sign
        stdout=out,
        store=store,
        today=lambda: TODAY,
    )
    assert outcome.status == "completed"
    assert "Ondertekend (decision)" in out.getvalue()
    assert "Klopt dit, en ondertekent u dit record?" in out.getvalue()
    assert len(list((store.root / "s1" / "records").iterdir())) == 1


def test_interactive_override_is_recorded(store: CaseStore, tmp_path: Path) -> None:
    from meldcode_cli.record.store import load_envelope

    pw = _profile(tmp_path)
    answers = [
        *LINES,
        "2",
        "1",
        "1",
        "2",
        "Hulp is toch mogelijk naast de melding.",
        "Collega, 21-01",
        "1",  # yes, sign
    ]
    req = WalkRequest("voorbeeld", role="huisarts", case="s2", plain=True, passphrase_file=pw)
    start_walk(
        req, stdin=Tty("\n".join(answers) + "\n"), stdout=Tty(), store=store, today=lambda: TODAY
    )
    record = load_envelope(next((store.root / "s2" / "records").iterdir()))["record"]
    assert record["decision"]["hulp"] is False
    assert record["override"] == {
        "chosen": {"melden": True, "hulp": True, "afsluiten": False},
        "reason": "Hulp is toch mogelijk naast de melding.",
        "consulted": "Collega, 21-01",
    }


def test_sign_later(store: CaseStore, tmp_path: Path) -> None:
    _profile(tmp_path)
    out = Tty()
    req = WalkRequest("voorbeeld", role="huisarts", case="s3", plain=True)
    start_walk(
        req,
        stdin=Tty("\n".join([*LINES, "3"]) + "\n"),
        stdout=out,
        store=store,
        today=lambda: TODAY,
    )
    assert "meldcode sign s3" in out.getvalue()
    assert not (store.root / "s3" / "records").exists()


def test_evaluate_signs_an_evaluation_record(store: CaseStore, tmp_path: Path) -> None:
    from meldcode_cli.cli.signflow import evaluate_case
    from meldcode_cli.record.signing import verify_paths
    from meldcode_cli.walk.prompt.passphrase import passphrase_source

    pw = _profile(tmp_path)
    hulp = [
        *LINES[:-4],
        "2",
        "1",
        "1",
        "2026-03-01",
        "overslaan",
    ]  # 2 nee, 3 ja, 4 ja, date, 5 later
    req = WalkRequest("voorbeeld", role="huisarts", case="ev", plain=True, passphrase_file=pw)
    outcome = start_walk(
        req,
        stdin=Tty("\n".join([*hulp, "1", "1"]) + "\n"),
        stdout=Tty(),
        store=store,
        today=lambda: TODAY,
    )
    assert outcome.decision is not None
    assert outcome.decision.evaluatie_nodig
    out = Tty()
    path = evaluate_case(
        "ev",
        passphrase=passphrase_source(pw),
        training=False,
        plain=True,
        stdin=Tty("1\n1\n"),  # afweging 5: ja; yes, sign
        stdout=out,
        store=store,
    )
    assert path is not None
    assert path.name == "0002-evaluation.json"
    results, problems = verify_paths([path.parent])
    assert [r.valid for r in results] == [True, True]
    assert problems == []
    evaluated = results[1].record
    assert evaluated is not None
    assert evaluated.melding is not None
    assert evaluated.melding.afsluiten is True


@pytest.mark.parametrize("choice", ["pinned", "restart"])
def test_resume_after_the_protocol_changed(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    from meldcode_cli.walk import flow as walkflow

    with pytest.raises(WalkInterrupted):
        run_start(store, LINES[:6])
    changed = (ROOT / "protocols" / "voorbeeld.yaml").read_text(encoding="utf-8") + "\n# v2\n"
    monkeypatch.setattr(walkflow, "_current_text", lambda _pid: changed)
    out = Tty()
    # the pinned version continues where it was; a restart begins a new case from step 1
    lines = LINES[6:] if choice == "pinned" else LINES
    outcome = resume_walk(
        "casus-a",
        plain=True,
        on_change=choice,
        stdin=Tty("\n".join(lines) + "\n"),
        stdout=out,
        store=store,
        today=lambda: TODAY,
    )
    assert "Het protocol is gewijzigd sinds deze casus begon." in out.getvalue()
    assert outcome.status == "completed"
    if choice == "restart":
        assert outcome.label == "casus-a-2"
        assert store.exists("casus-a")  # the old case is kept as it was
    else:
        assert outcome.label == "casus-a"


@pytest.mark.parametrize("interrupt", ["eof", "ctrl-c"])
def test_evaluate_saves_the_pause_when_interrupted(
    store: CaseStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interrupt: str
) -> None:
    """Issue 14: ``evaluate`` ends an interrupted walk like ``start`` and ``resume`` do (the
    one runner in walk/runner.py): the pause is journalled, exit 130 names the case."""
    from meldcode_cli.cli.signflow import evaluate_case
    from meldcode_cli.walk import driver
    from meldcode_cli.walk.prompt.passphrase import passphrase_source
    from meldcode_cli.walk.session import Session

    pw = _profile(tmp_path)
    hulp = [*LINES[:-4], "2", "1", "1", "2026-03-01", "overslaan"]
    req = WalkRequest("voorbeeld", role="huisarts", case="ev", plain=True, passphrase_file=pw)
    start_walk(
        req,
        stdin=Tty("\n".join([*hulp, "1", "1"]) + "\n"),
        stdout=Tty(),
        store=store,
        today=lambda: TODAY,
    )
    if interrupt == "ctrl-c":

        def ctrl_c(*_a: object, **_k: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(driver, "drive", ctrl_c)
    with pytest.raises(WalkInterrupted) as caught:
        evaluate_case(
            "ev",
            passphrase=passphrase_source(pw),
            training=False,
            plain=True,
            stdin=Tty(""),  # end of input at the first question
            stdout=Tty(),
            store=store,
        )
    assert caught.value.label == "ev"
    session, _info = Session.resume(store, "ev")
    assert session.case.entries[-1].type == "paused"


def test_two_starts_in_the_same_second_get_two_cases(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the automatic label has seconds: a second start then (another terminal, a script)
    # once failed with "bestaat al"; now it takes the next free label
    from meldcode_cli.walk import flow

    monkeypatch.setattr(flow, "_auto_label", lambda: "casus-20260115-093000")
    req = WalkRequest("partnergeweld", answers=ROOT / "examples" / "casus-partnergeweld.yaml")
    labels: list[str] = []
    for _ in range(3):
        out = io.StringIO()
        outcome = start_walk(req, stdin=io.StringIO(), stdout=out, store=store)
        assert outcome.status == "completed"
        assert outcome.label is not None
        labels.append(outcome.label)
        assert outcome.label in out.getvalue()
    assert labels == ["casus-20260115-093000", "casus-20260115-093000-2", "casus-20260115-093000-3"]
    assert store.labels() == sorted(labels)


def test_an_own_label_that_is_taken_stays_an_error(store: CaseStore) -> None:
    run_start(store, LINES)
    with pytest.raises(CaseError, match="bestaat al"):
        run_start(store, LINES)
    assert store.labels() == ["casus-a"]


@pytest.mark.parametrize(
    ("chosen", "expect"),
    [(None, "en"), ("--lang nl", "nl"), ("MELDCODE_LANG=nl", "nl")],
)
def test_resume_speaks_the_language_the_case_was_started_in(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch, chosen: str | None, expect: str
) -> None:
    # a case started with --lang en came back in Dutch when resumed without --lang
    from meldcode_cli.i18n.messages import get_lang, set_lang

    set_lang("en")
    with pytest.raises(WalkInterrupted):
        run_start(store, LINES[:6])
    set_lang(None)
    if chosen == "--lang nl":
        set_lang("nl")
    elif chosen is not None:
        monkeypatch.setenv("MELDCODE_LANG", "nl")
    outcome, said = resume_rest(store)
    assert outcome.status == "completed"
    assert get_lang() == expect
    if expect == "en":
        assert "Step 3 of 5" in said or "Step 4 of 5" in said, said
        assert "Stap " not in said
    else:
        assert "Stap " in said
