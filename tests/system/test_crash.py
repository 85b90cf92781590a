"""Crash safety of the case journal: SIGKILL mid-walk, and a journal torn at every byte.

The promise (cases.py, session.py): every answer is journalled and fsync'ed before the
next question. So after a crash, every answer whose ``Session.answer`` returned is there,
at most the one answer being written is there too, and no line is ever half there.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.walk import session as session_module
from meldcode_cli.walk.casestore import JOURNAL, PINNED, CaseError, CaseStore
from meldcode_cli.walk.flow import WalkInterrupted, list_cases, resume_walk
from meldcode_cli.walk.session import Session
from tests.conftest import VOORBEELD
from tests.walk.test_flow import Tty

# voorbeeld, huisarts, to "melden": the answers of the plain walk in tests/walk/test_flow.py
ANSWERS: dict[str, Any] = {
    "signalen": ["angst"],
    "signalen_feiten": "Blauwe plek, 12-01, eigen waarneming.",
    "signalen_duiding": None,
    "kinderen": "nee",
    "advies_vt": "ja",
    "advies_vt_uitkomst": "Anoniem advies op 13-01: gesprek voeren.",
    "gesprek": "gevoerd",
    "gesprek_verslag": "Cliënt bevestigt.",
    "weging": "Risico matig.",
    "afweging_1": "ja",
    "afweging_2": "nee",
    "afweging_3": "nee",
    "geinformeerd": "Cliënt geïnformeerd op 20-01.",
}
EDITS = 60  # after the walk, the driver keeps changing "weging" (a long walk's worth)

# The driver: walks voorbeeld through Session, one durable change at a time, and prints
# "saved <seq> <type> <item> <value>" only after the change returned (was fsync'ed).
DRIVER = """
import json, sys, time
from pathlib import Path
from meldcode_cli.walk.casestore import CaseStore
from meldcode_cli.walk.session import Session, compile_text

root, label, protocol, answers, edits, pause = sys.argv[1:7]
answers, edits, pause = json.loads(answers), int(edits), float(pause)
text = Path(protocol).read_text(encoding="utf-8")
compiled = compile_text(text, protocol)
store = CaseStore(Path(root))
print("ready", flush=True)
sys.stdin.readline()
session = Session.start(
    store, label, protocol_text=text, compiled=compiled, role="huisarts", lang="nl"
)
print("started", flush=True)

def saved(item, value):
    e = session.case.entries[-1]
    print("saved", e.seq, e.type, item, json.dumps(value, ensure_ascii=False), flush=True)
    time.sleep(pause)

while (item := session.walk.next_item()) is not None:
    if item.answerable:
        session.answer(item.id, answers[item.id])
        saved(item.id, answers[item.id])
    else:
        session.mark_shown(item.id)
        saved(item.id, None)
for i in range(edits):
    session.answer("weging", f"Risico {i}.")
    saved("weging", f"Risico {i}.")
session.complete()
print("done", flush=True)
"""

RUNS = 25
PAUSE = 0.001  # seconds between two changes in the driver
SEED = 20260115


@dataclass(frozen=True)
class Saved:
    seq: int
    type: str
    item: str
    value: Any


def _parse(stdout: str) -> tuple[bool, list[Saved]]:
    started = False
    saved: list[Saved] = []
    for raw in stdout.splitlines(keepends=True):
        if not raw.endswith("\n"):
            break  # cut by the kill while it was being printed: not a (readable) promise
        line = raw.rstrip("\n")
        if line == "started":
            started = True
        elif line.startswith("saved "):
            parts = line.split(" ", 4)
            assert len(parts) == 5, stdout
            _, seq, type_, item, value = parts
            saved.append(Saved(int(seq), type_, item, json.loads(value)))
    return started, saved


def _driver(root: Path, label: str, pause: float) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "MELDCODE_DEBUG"}
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            DRIVER,
            str(root),
            label,
            str(VOORBEELD),
            json.dumps(ANSWERS),
            str(EDITS),
            str(pause),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


STUCK = -1


def _check_after_kill(root: Path, label: str, stdout: str) -> int:
    """All checks on one killed case; how many changes were promised (or STUCK)."""
    started, saved = _parse(stdout)
    store = CaseStore(root)
    if not started and not store.exists(label):
        return 0  # killed while the case was being created: nothing was promised
    journal = store.folder(label) / JOURNAL
    if not started and b"\n" not in journal.read_bytes():
        # killed between creating journal.jsonl and writing its first line; exists() treats
        # such a label as free (test_kill_during_creation_leaves_a_usable_label), so this
        # branch should no longer be reached
        with pytest.raises(CaseError, match="het begin van het journaal ontbreekt"):
            store.open(label)
        return STUCK
    session, info = Session.resume(store, label)  # it loads
    assert info.lost_lines == 0, f"a torn line after SIGKILL: {info.problem}"
    entries = [e for e in session.case.entries if e.type not in ("created", "recovered")]
    # everything printed (= returned from Session.answer/mark_shown) is there, in order
    assert len(entries) >= len(saved)
    for promised, entry in zip(saved, entries, strict=False):
        assert (entry.seq, entry.type, entry.data["item"]) == (
            promised.seq,
            promised.type,
            promised.item,
        )
        assert entry.data.get("value") == promised.value
    # and at most the one change that was being written when the kill came
    extra = entries[len(saved) :]
    extra_changes = [e for e in extra if e.type != "completed"]
    assert len(extra_changes) <= 1, [e.type for e in extra]
    if extra_changes:
        assert extra_changes[0].seq == (saved[-1].seq + 1 if saved else 1)
    # the rebuilt walk holds exactly the journalled answers
    last: dict[str, Any] = {}
    for e in entries:
        if e.type == "answer":
            last[e.data["item"]] = e.data["value"]
    rebuilt = {
        k: sorted(v) if isinstance(v, frozenset) else v for k, v in session.walk.answers.items()
    }
    assert rebuilt == last
    # the summary (atomically replaced) is never half written, and the case is listed
    summary = session.case.folder / "case.json"
    if summary.exists():
        json.loads(summary.read_text(encoding="utf-8"))
    assert label in [row["label"] for row in list_cases(store=store)]
    # the walk goes on after the crash, and the next reload sees it
    nxt = session.walk.next_item()
    if nxt is not None and nxt.answerable:
        session.answer(nxt.id, ANSWERS[nxt.id])
    else:
        session.answer("weging", "Na de crash.")
    again, info2 = Session.resume(store, label)
    assert info2.lost_lines == 0
    assert len(again.case.entries) == len(session.case.entries)
    return len(saved)


def _read_until(proc: subprocess.Popen[str], saved: int) -> str:
    """Read the driver's output up to "started" and ``saved`` more "saved" lines."""
    assert proc.stdout is not None
    lines: list[str] = []
    while not lines or lines[-1] != "started\n":
        lines.append(proc.stdout.readline())
        assert lines[-1], "".join(lines)
    for _ in range(saved):
        lines.append(proc.stdout.readline())
        assert lines[-1].startswith("saved "), "".join(lines)
    return "".join(lines)


def test_sigkill_at_random_moments(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    # a complete run first: how many changes a walk makes and how long one takes here
    with _driver(tmp_path, "probe", PAUSE) as probe:
        assert probe.stdout is not None
        assert probe.stdout.readline() == "ready\n"
        t0 = time.perf_counter()
        out, err = probe.communicate("go\n", timeout=30)
        per_change = (time.perf_counter() - t0) / out.count("\nsaved ")
    assert probe.returncode == 0, err
    assert out.rstrip().endswith("done")
    changes = out.count("\nsaved ")

    promised: list[int] = []
    for run in range(RUNS):
        label = f"kill-{run:02}"
        with _driver(tmp_path, label, PAUSE) as proc:
            assert proc.stdin is not None
            assert proc.stdout is not None
            assert proc.stdout.readline() == "ready\n"  # imported and compiled
            proc.stdin.write("go\n")
            proc.stdin.flush()
            seen = ""
            if run % 8 == 0:  # while the case is being created
                time.sleep(rng.uniform(0, 3 * per_change))
            else:  # after a random number of changes, at a random moment in the next one(s)
                seen = _read_until(proc, rng.randrange(changes - 2))
                time.sleep(rng.uniform(0, 2 * per_change))
            proc.send_signal(signal.SIGKILL)
            out = seen + proc.stdout.read()
            proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL, out[-300:]
        promised.append(_check_after_kill(tmp_path, label, out))
    # the kills were spread over the whole walk
    assert promised.count(STUCK) <= RUNS // 8 + 1
    assert min(p for p in promised if p != STUCK) < 5
    assert max(promised) > changes // 2


# --- a journal torn at every byte ---------------------------------------------------------


@pytest.fixture
def cached_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compile the pinned protocol once (Session.resume compiles it on every reload)."""
    cache: dict[str, CompiledProtocol] = {}
    real = session_module.compile_text

    def compile_once(text: str, display: str) -> CompiledProtocol:
        if text not in cache:
            cache[text] = real(text, display)
        return cache[text]

    monkeypatch.setattr(session_module, "compile_text", compile_once)


def _real_journal(store: CaseStore) -> tuple[bytes, list[dict[str, Any]]]:
    """A finished walk with every kind of entry: answers, shown, note, acute, completed."""
    text = VOORBEELD.read_text(encoding="utf-8")
    compiled = session_module.compile_text(text, str(VOORBEELD))
    s = Session.start(
        store, "heel", protocol_text=text, compiled=compiled, role="huisarts", lang="nl"
    )
    answers = ANSWERS | {
        "afweging_2": "ja",  # acute declared: afweging 2 is "ja"
        "afweging_veiligheid_afspraken": "Veiligheidsplan besproken; VT belt morgen.",
    }
    while (item := s.walk.next_item()) is not None:
        if not item.answerable:
            s.mark_shown(item.id)
            continue
        if item.id == "kinderen":
            s.add_note(item.id, "Buurvrouw belde: “zorgen” — 12°C.", "derde", "feit")
            s.declare_acute(item.step)
        s.answer(item.id, answers[item.id])
    s.complete()
    raw = (store.folder("heel") / JOURNAL).read_bytes()
    entries = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    return raw, entries


def test_journal_torn_at_every_byte(tmp_path: Path, cached_compile: None) -> None:
    store = CaseStore(tmp_path)
    raw, full = _real_journal(store)
    assert raw.count(b"\n") == len(full) > 15
    assert any(b > 0x7F for b in raw)  # multi-byte characters: cuts inside them too
    ends = [i + 1 for i, b in enumerate(raw) if b == ord("\n")]  # offsets after each line
    pinned = (store.folder("heel") / PINNED).read_bytes()
    folder = store.folder("cut")
    folder.mkdir()
    (folder / PINNED).write_bytes(pinned)
    journal = folder / JOURNAL
    full_answers = Session.resume(store, "heel")[0].walk.answers
    seen_lost = 0
    for cut in range(len(raw) + 1):
        journal.write_bytes(raw[:cut])
        complete = sum(1 for e in ends if e <= cut)  # whole lines kept
        torn = cut not in ends and cut != 0
        if complete == 0:
            continue  # no 'created' line: test_kill_during_creation_leaves_a_usable_label
        s, info = Session.resume(store, "cut")
        # a prefix: exactly the whole lines, in order
        got = [(e.seq, e.type) for e in s.case.entries if e.type != "recovered"]
        assert got == [(e["seq"], e["type"]) for e in full[:complete]], cut
        assert info.lost_lines == (1 if torn else 0), cut
        if torn:
            seen_lost += 1
            assert (info.problem or "").startswith("de laatste regel is niet volledig geschreven")
            assert "journal.jsonl.beschadigd-" in (info.problem or "")
            # the torn tail is cut off and the loss is recorded in the journal itself
            assert journal.read_bytes().startswith(raw[: ends[complete - 1]])
            assert s.case.entries[-1].type == "recovered"
            assert s.case.entries[-1].data["lost_lines"] == 1
            if cut - 1 in ends or cut + 1 in ends:  # first and last byte of a line: reload
                again, info2 = Session.resume(store, "cut")
                assert info2.lost_lines == 0
                assert again.case.entries[-1].type == "recovered"
        else:
            assert journal.read_bytes() == raw[:cut]
        # the answers are those of the kept lines, and each one is the full answer
        for item_id, value in s.walk.answers.items():
            assert value == full_answers[item_id]
    assert seen_lost == len(raw) - ends[0] - (len(ends) - 1)

    # and 'meldcode resume' says so before the first question
    journal.write_bytes(raw[: ends[len(ends) // 2] - 7])
    out = Tty()
    with pytest.raises(WalkInterrupted):  # no input: the first question ends the walk
        resume_walk("cut", plain=True, stdin=Tty(""), stdout=out, store=store)
    assert (
        "Let op: 1 regel van het journaal was beschadigd "
        "(de laatste regel is niet volledig geschreven; het oorspronkelijke journaal staat in"
    ) in out.getvalue()


def test_damaged_line_in_the_middle_is_reported(tmp_path: Path, cached_compile: None) -> None:
    """Not a tear: a flipped byte mid-journal. Reading stops there and says which line."""
    store = CaseStore(tmp_path)
    raw, full = _real_journal(store)
    lines = raw.split(b"\n")
    k = len(lines) // 2
    old, new = f'"seq":{k},'.encode(), f'"seq":{k + 100},'.encode()
    assert old in lines[k]
    lines[k] = lines[k].replace(old, new, 1)  # still valid JSON, but the checksum fails
    (store.folder("heel") / JOURNAL).write_bytes(b"\n".join(lines))
    s, info = Session.resume(store, "heel")
    assert (info.problem or "").startswith(f"regel {k + 1} is beschadigd")
    # the whole original journal, with the intact lines after the damage, is kept aside
    backups = list(store.folder("heel").glob("journal.jsonl.beschadigd-*"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == b"\n".join(lines)
    assert info.lost_lines == len(full) - k
    assert [e.seq for e in s.case.entries if e.type != "recovered"] == list(range(k))


# --- a kill while the case is being created -----------------------------------------------

# Session.start, killed right after journal.jsonl was created and before its first line
# was written: the window the random kills above sometimes hit.
KILL_AFTER_JOURNAL_OPEN = """
import os, signal, sys
from pathlib import Path
from meldcode_cli.walk import casestore as cases
from meldcode_cli.walk.session import Session, compile_text

root, label, protocol = sys.argv[1:4]
real_open = os.open

def open_then_die(path, *args, **kwargs):
    fd = real_open(path, *args, **kwargs)
    if str(path).endswith(cases.JOURNAL):
        os.kill(os.getpid(), signal.SIGKILL)
    return fd

cases.os.open = open_then_die
text = Path(protocol).read_text(encoding="utf-8")
Session.start(
    cases.CaseStore(Path(root)), label, protocol_text=text,
    compiled=compile_text(text, protocol), role="huisarts", lang="nl",
)
"""


@pytest.mark.parametrize("how", ["sigkill", "empty", "torn"])
def test_kill_during_creation_leaves_a_usable_label(tmp_path: Path, how: str) -> None:
    store = CaseStore(tmp_path)
    text = VOORBEELD.read_text(encoding="utf-8")
    if how == "sigkill":
        args = [str(tmp_path), "x", str(VOORBEELD)]
        proc = subprocess.run(
            [sys.executable, "-c", KILL_AFTER_JOURNAL_OPEN, *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert proc.returncode == -signal.SIGKILL, proc.stderr
    else:  # power loss: nothing, or half of the 'created' line, reached the disk
        created = store.create(
            "x", protocol_text=text, protocol_id="voorbeeld", role="huisarts", lang="nl"
        )
        line = created.journal.read_bytes()
        created.journal.write_bytes(b"" if how == "empty" else line[: len(line) // 2])
    # a case either loads, or does not exist and its label can be started afresh
    if store.exists("x"):
        store.open("x")
    compiled = session_module.compile_text(text, str(VOORBEELD))
    if not store.exists("x"):
        Session.start(store, "x", protocol_text=text, compiled=compiled, role="huisarts", lang="nl")
