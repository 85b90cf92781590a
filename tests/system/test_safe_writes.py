"""Safe writes: no symlink followed anywhere meldcode writes, private under any umask,
complete-or-nothing under a full disk, and a key rotation that survives a kill anywhere."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from meldcode_cli.files import safeio
from meldcode_cli.record.profile import ProfileStore
from meldcode_cli.walk.casestore import CaseError, CaseStore, read_journal
from tests.hostile_helpers import EXAMPLE, PASS, copy_home, make_home, run, secret

ROOT_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("safe-template")
    old = os.environ.get("MELDCODE_HOME")
    os.environ["MELDCODE_HOME"] = str(base / "home")
    try:
        yield make_home(base)
    finally:
        if old is None:
            del os.environ["MELDCODE_HOME"]
        else:
            os.environ["MELDCODE_HOME"] = old


@pytest.fixture
def home(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    h = copy_home(template, tmp_path / "home")
    monkeypatch.setenv("MELDCODE_HOME", str(h))
    secret(tmp_path / "pw")
    return h


def pw(home: Path) -> str:
    return str(home.parent / "pw")


# --- symlinks: every place meldcode writes -------------------------------------------------


def _victim(tmp_path: Path) -> Path:
    victim = tmp_path / "victim.txt"
    victim.write_text("SECRET OF SOMEONE ELSE")
    return victim


def _untouched(victim: Path) -> None:
    assert victim.read_text() == "SECRET OF SOMEONE ELSE"


FILE_TARGETS: dict[str, tuple[str, list[str]]] = {
    # planted link at the file                  the command that writes it
    "summary": ("cases/c1/case.json", ["sign", "c1", "--no-sign"]),
    "keyring": ("config/keyring.json", ["key", "rotate"]),
    "key": ("config/keys/current.key", ["key", "rotate"]),
    "profile": ("config/profile.json", ["init", "--force"]),
}


@pytest.mark.parametrize("where", sorted(FILE_TARGETS))
def test_a_planted_file_link_is_never_followed(home: Path, tmp_path: Path, where: str) -> None:
    victim = _victim(tmp_path)
    rel, cmd = FILE_TARGETS[where]
    target = home / rel
    target.unlink()
    target.symlink_to(victim)
    args = list(cmd)
    if cmd[0] == "key":
        args += ["--passphrase-file", pw(home), "--new-passphrase-file", pw(home)]
    if cmd[0] == "init":
        args += ["--name", "X", "--role", "huisarts", "--organisation", "Y"]
        args += ["--passphrase-file", pw(home)]
    code, out, err = run(*args)
    assert code in (0, 1, 2), out + err
    assert "Interne fout" not in err
    _untouched(victim)
    # replaced by a real file, or refused: never written through
    assert not target.is_symlink() or code == 2


def test_a_planted_journal_link_is_refused(home: Path, tmp_path: Path) -> None:
    victim = _victim(tmp_path)
    journal = home / "cases/c1/journal.jsonl"
    victim.write_bytes(journal.read_bytes())
    journal.unlink()
    journal.symlink_to(victim)
    before = victim.read_bytes()
    code, _, err = run("sign", "c1", "--no-sign")
    assert code == 2
    assert "symbolische link" in err or "journal.jsonl" in err
    assert victim.read_bytes() == before


@pytest.mark.parametrize("folder", ["cases/c1", "cases/c1/records", "cases", "config/keys"])
def test_a_planted_folder_link_is_refused(home: Path, tmp_path: Path, folder: str) -> None:
    elsewhere = tmp_path / "elsewhere"
    (home / folder).rename(elsewhere)
    (home / folder).symlink_to(elsewhere, target_is_directory=True)
    snapshot = sorted(p.name for p in elsewhere.rglob("*"))
    if folder == "config/keys":
        args = ["key", "rotate", "--passphrase-file", pw(home), "--new-passphrase-file", pw(home)]
    else:
        args = ["sign", "c1", "--no-sign", "--reason", "correctie"]
    code, out, err = run(*args)
    assert code == 2, out + err
    assert "symbolische link" in err
    assert sorted(p.name for p in elsewhere.rglob("*")) == snapshot


def test_a_record_is_never_written_through_a_link(home: Path, tmp_path: Path) -> None:
    victim = _victim(tmp_path)
    (home / "cases/c1/records/0002-amendment.json").symlink_to(victim)
    code, _, err = run("sign", "c1", "--passphrase-file", pw(home), "--reason", "correctie")
    assert code == 2
    assert "0002-amendment.json" in err
    assert "bestaat al" in err
    _untouched(victim)


@pytest.mark.parametrize("cmd", ["report", "schema"])
def test_outputs_replace_a_planted_link_and_its_temp_name(
    home: Path, tmp_path: Path, cmd: str
) -> None:
    victim = _victim(tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    out = shared / "melding.md"
    out.symlink_to(victim)
    (shared / ".melding.md.tmp").symlink_to(victim)  # the old predictable temp name
    # (debrief -o goes through the same atomic_write)
    args = ["report", "c1", "-o", str(out)] if cmd == "report" else ["schema", "-o", str(out)]
    code, stdout, err = run(*args)
    assert code == 0, stdout + err
    _untouched(victim)
    assert not out.is_symlink()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "label", ["../evil", "/etc/x", "a/../../b", "a\x00b", "a\nb", "a\x1b[2J", "x" * 65, "..", ""]
)
def test_case_labels_that_are_not_pseudonyms_are_refused(home: Path, label: str) -> None:
    store = CaseStore(home)
    with pytest.raises(CaseError, match="casuslabel"):
        store.folder(label)
    code, _, err = run("sign", label, "--no-sign")
    assert code == 2
    assert "\x1b" not in err


def test_a_home_others_can_write_to_is_refused(home: Path) -> None:
    os.chmod(home, 0o777)
    code, _, err = run("start", "partnergeweld", "--answers", EXAMPLE, "--case", "c9", "--no-sign")
    assert code == 2
    assert f"chmod 700 '{home}'" in err
    os.chmod(home, 0o700)


def test_all_files_private_under_umask_000(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MELDCODE_HOME", str(tmp_path / "fresh" / "home"))
    old = os.umask(0)
    try:
        make_home(tmp_path)
        out = tmp_path / "report.md"
        assert run("report", "c1", "-o", str(out))[0] == 0
    finally:
        os.umask(old)
    paths = [*(tmp_path / "fresh").rglob("*"), out]
    assert len(paths) > 8
    for p in paths:
        mode = stat.S_IMODE(p.lstat().st_mode)
        assert mode & 0o077 == 0, (p, oct(mode))


# --- fault injection ------------------------------------------------------------------------


class Faults:
    """Count the low-level write steps; make the n-th one fail (or kill)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        self.fail_at: int | None = None
        self.kind = "enospc"
        real_write, real_fsync, real_replace = safeio._write, safeio._fsync, safeio._replace

        def step() -> bool:
            self.count += 1
            return self.fail_at is not None and self.count == self.fail_at

        def write(fd: int, data: memoryview) -> int:
            if step():
                if self.kind == "short":
                    return real_write(fd, data[: max(1, len(data) // 3)]) if len(data) > 1 else 0
                raise OSError(errno.ENOSPC if self.kind == "enospc" else errno.EIO, "injected")
            return real_write(fd, data)

        def fsync(fd: int) -> None:
            if step() and self.kind != "short":
                raise OSError(errno.EIO, "injected")
            real_fsync(fd)

        def replace(src: str, dst: str) -> None:
            if step() and self.kind != "short":
                raise OSError(errno.ENOSPC, "injected")
            real_replace(src, dst)

        monkeypatch.setattr(safeio, "_write", write)
        monkeypatch.setattr(safeio, "_fsync", fsync)
        monkeypatch.setattr(safeio, "_replace", replace)


def _records_all_verify(home: Path) -> None:
    records = sorted((home / "cases").rglob("records/*.json"))
    for r in records:
        json.loads(r.read_text(encoding="utf-8"))  # complete, never truncated
    for folder in {r.parent for r in records}:
        code, out, err = run("verify", "--keyring", str(folder))
        assert code == 0, out + err


def _count(action: Callable[[], Any], monkeypatch: pytest.MonkeyPatch) -> int:
    faults = Faults(monkeypatch)
    action()
    return faults.count


KINDS = ("enospc", "eio", "short")


@pytest.mark.timeout(600)
def test_sign_survives_a_fault_at_every_write_step(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["sign", "c1", "--passphrase-file", pw(home), "--reason", "aanvulling"]
    probe = copy_home(home, tmp_path / "probe")
    monkeypatch.setenv("MELDCODE_HOME", str(probe))
    steps = _count(lambda: run(*args), monkeypatch)
    assert steps >= 6
    for n in range(1, steps + 1):
        kind = KINDS[n % 3]  # every step, each kind of fault in turn
        h = copy_home(home, tmp_path / f"{kind}-{n}")
        monkeypatch.setenv("MELDCODE_HOME", str(h))
        faults = Faults(monkeypatch)
        faults.kind, faults.fail_at = kind, n
        code, out, err = run(*args)
        assert code in (0, 2), (n, out, err)
        assert "Interne fout" not in err
        faults.fail_at = None  # space freed
        _records_all_verify(h)
        if code == 2:
            assert "Wat al was opgeslagen is niet aangetast" in err or "niets" in err, err
            again = run(*args)
            assert again[0] in (0, 2), again
        _records_all_verify(h)
        assert read_journal(h / "cases/c1/journal.jsonl").lost_lines == 0


@pytest.mark.timeout(600)
def test_a_full_disk_at_every_step_of_walk_and_sign(
    tmp_path: Path, template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["start", "partnergeweld", "--answers", EXAMPLE, "--case", "d1"]
    probe = copy_home(template, tmp_path / "probe")
    monkeypatch.setenv("MELDCODE_HOME", str(probe))
    secret(tmp_path / "pw")
    args += ["--passphrase-file", str(tmp_path / "pw")]
    steps = _count(lambda: run(*args), monkeypatch)
    assert steps > 20
    stride = 1 if os.environ.get("MELDCODE_FUZZ_ALL") else 2  # (the walk has many steps)
    for n in range(1, steps + 1, stride):
        h = copy_home(template, tmp_path / f"full-{n}")
        monkeypatch.setenv("MELDCODE_HOME", str(h))
        faults = Faults(monkeypatch)
        faults.kind, faults.fail_at = KINDS[(n // 2) % 3], n
        code, out, err = run(*args)
        assert code in (0, 2), (n, out, err)
        assert "Interne fout" not in err
        faults.fail_at = None
        _records_all_verify(h)
        journal = h / "cases/d1/journal.jsonl"
        if not journal.exists():
            continue
        case = CaseStore(h).open("d1")  # readable, a torn tail cut and reported
        types = [e.type for e in case.entries]
        if "completed" in types and "signed" not in types:
            code, out, err = run("sign", "d1", "--passphrase-file", str(tmp_path / "pw"))
            assert code == 0, (n, out, err)
            _records_all_verify(h)


# --- key rotation -------------------------------------------------------------------------


def _check_key_state(home: Path, old_fp: str) -> str:
    """Old or new state, whole: the key opens, the keyring names it as the open key, a
    record signed now verifies with --keyring, and every older record still does."""
    store = ProfileStore(home / "config")
    fp = None
    for phrase in (PASS, PASS + " nieuw"):
        try:
            fp = store.unlock(phrase).fingerprint
            break
        except CaseError:
            continue
    assert fp is not None, "no passphrase opens the key"
    ring = store.keyring()
    entry = ring.find(fp)
    assert entry is not None
    assert entry.valid_until is None
    assert fp == old_fp or ring.find(old_fp) is not None
    assert not (home / "config/keys/next.key").exists()
    return str(fp)


ROTATE_CHILD = """
import os, signal, sys
from meldcode_cli.files import safeio
from meldcode_cli.record.profile import ProfileStore
n, at = 0, int(sys.argv[1])
real = {"_write": safeio._write, "_fsync": safeio._fsync, "_replace": safeio._replace}
def hook(name):
    def f(*a):
        global n
        n += 1
        if n == at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real[name](*a)
    return f
for name in real:
    setattr(safeio, name, hook(name))
ProfileStore().rotate(sys.argv[2], sys.argv[2] + " nieuw")
print("steps", n)
"""


@pytest.mark.timeout(600)
def test_key_rotation_killed_at_every_step(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_fp = ProfileStore(home / "config").current_fingerprint()

    def child(h: Path, at: int) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "MELDCODE_HOME": str(h)}
        return subprocess.run(
            [sys.executable, "-c", ROTATE_CHILD, str(at), PASS],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=120,
        )

    probe = child(copy_home(home, tmp_path / "probe"), 0)
    assert probe.returncode == 0, probe.stderr
    steps = int(probe.stdout.split()[-1])
    assert steps >= 8
    states = set()
    for at in range(1, steps + 1):
        h = copy_home(home, tmp_path / f"kill-{at}")
        proc = child(h, at)
        assert proc.returncode == -signal.SIGKILL, proc.stderr
        monkeypatch.setenv("MELDCODE_HOME", str(h))
        fp = _check_key_state(h, old_fp)
        states.add("old" if fp == old_fp else "new")
        code, out, err = run(
            "sign",
            "c1",
            "--reason",
            "na wissel",
            "--passphrase-file",
            str(secret(tmp_path / f"p{at}", PASS if fp == old_fp else PASS + " nieuw")),
        )
        assert code == 0, (at, out, err)
        _records_all_verify(h)
    assert states == {"old", "new"}


@pytest.mark.parametrize(
    "offset", [0, pytest.param(1, marks=pytest.mark.fuzz), pytest.param(2, marks=pytest.mark.fuzz)]
)
@pytest.mark.timeout(600)
def test_key_rotation_with_a_fault_at_every_step(
    home: Path, tmp_path: Path, offset: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each step gets one kind of fault; ``pytest -m fuzz`` gives every step every kind."""
    old_fp = ProfileStore(home / "config").current_fingerprint()
    new = secret(tmp_path / "new", PASS + " nieuw")
    args = ["key", "rotate", "--passphrase-file", pw(home), "--new-passphrase-file", str(new)]
    probe = copy_home(home, tmp_path / "probe")
    monkeypatch.setenv("MELDCODE_HOME", str(probe))
    steps = _count(lambda: run(*args), monkeypatch)
    for n in range(1, steps + 1):
        kind = KINDS[(n + offset) % 3]
        h = copy_home(home, tmp_path / f"{kind}-{n}")
        monkeypatch.setenv("MELDCODE_HOME", str(h))
        faults = Faults(monkeypatch)
        faults.kind, faults.fail_at = kind, n
        code, out, err = run(*args)
        assert code in (0, 2), (n, out, err)
        assert "Interne fout" not in err
        faults.fail_at = None
        fp = _check_key_state(h, old_fp)
        phrase = pw(home) if fp == old_fp else str(new)
        code, out, err = run("sign", "c1", "--reason", "na wissel", "--passphrase-file", phrase)
        assert code == 0, (n, out, err)
        _records_all_verify(h)
