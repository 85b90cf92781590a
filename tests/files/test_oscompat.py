"""The OS seam: each Windows branch, forced on this machine where it can be simulated."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from meldcode_cli.files import oscompat
from meldcode_cli.record.profile import ProfileStore
from meldcode_cli.walk.casestore import CaseStore, atomic_write
from tests import conftest


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []

    def icacls(path: Path) -> None:
        assert path.is_dir(), path
        calls.append(path)

    monkeypatch.setattr(oscompat, "WINDOWS", True)
    monkeypatch.setattr(oscompat, "run_icacls", icacls)
    return calls


def test_private_dir_posix_mode(tmp_path: Path, windows_branches: bool) -> None:
    if windows_branches:
        pytest.skip("POSIX branch")
    target = tmp_path / "a" / "b"
    oscompat.make_private_dir(target, parents=True)
    assert target.stat().st_mode & 0o777 == 0o700


def test_private_dir_windows_uses_an_acl(tmp_path: Path, windows: list[Path]) -> None:
    target = tmp_path / "cases"
    oscompat.make_private_dir(target)
    assert windows == [target]


def test_icacls_command_grants_the_user_alone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[list[str]] = []

    def fake_run(argv: list[str], **_kw: object) -> None:
        seen.append(argv)

    monkeypatch.setenv("USERNAME", "huisarts1")
    monkeypatch.setattr("subprocess.run", fake_run)
    oscompat._icacls(tmp_path)
    assert seen == [
        ["icacls", str(tmp_path), "/inheritance:r", "/grant:r", "huisarts1:(OI)(CI)F", "/q"]
    ]


def test_failing_acl_is_a_clear_permission_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_path: Path) -> None:
        raise FileNotFoundError(2, "icacls not found")

    monkeypatch.setattr(oscompat, "WINDOWS", True)
    monkeypatch.setattr(oscompat, "run_icacls", broken)
    with pytest.raises(PermissionError, match="icacls"):
        oscompat.make_private_dir(tmp_path / "x")


def test_case_store_and_profile_ask_for_acls(tmp_path: Path, windows: list[Path]) -> None:
    store = CaseStore(tmp_path)
    store._ensure_root()
    ProfileStore(tmp_path / "profile")._ensure()
    assert store.root in windows
    assert store.root.parent in windows
    assert tmp_path / "profile" / "keys" in windows


def test_passphrase_file_mode_is_not_read_on_windows(tmp_path: Path, windows: list[Path]) -> None:
    pw = tmp_path / "pw"
    pw.write_text("x")
    pw.chmod(0o644)
    assert oscompat.is_private_file(pw)
    assert windows == []


def test_passphrase_file_mode_on_posix(tmp_path: Path, windows_branches: bool) -> None:
    if windows_branches:
        pytest.skip("POSIX branch")
    pw = tmp_path / "pw"
    pw.write_text("x")
    pw.chmod(0o644)
    assert not oscompat.is_private_file(pw)
    pw.chmod(0o600)
    assert oscompat.is_private_file(pw)


def test_open_flags_add_binary_on_windows(
    monkeypatch: pytest.MonkeyPatch, windows: list[Path]
) -> None:
    del windows
    monkeypatch.setattr(os, "O_BINARY", 0x8000, raising=False)
    assert oscompat.open_flags(os.O_WRONLY) == os.O_WRONLY | 0x8000


def test_fsync_dir_is_skipped_on_windows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, windows: list[Path]
) -> None:
    del windows
    opened: list[object] = []

    def fake_open(*args: object, **_kw: object) -> int:
        opened.append(args)
        return 0

    monkeypatch.setattr(os, "open", fake_open)
    oscompat.fsync_dir(tmp_path)
    assert opened == []


def test_replace_retries_while_the_target_is_held(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, windows: list[Path]
) -> None:
    del windows
    real = os.replace
    tries: list[int] = []

    def held(src: Path, dst: Path) -> None:
        tries.append(1)
        if len(tries) < 3:
            raise PermissionError(13, "in use by another process")
        real(src, dst)

    monkeypatch.setattr(os, "replace", held)
    monkeypatch.setattr(oscompat, "REPLACE_WAIT", 0)
    src, dst = tmp_path / "a", tmp_path / "b"
    src.write_text("new")
    dst.write_text("old")
    oscompat.replace(src, dst)
    assert dst.read_text() == "new"
    assert len(tries) == 3


def test_replace_gives_up_after_its_retries(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, windows: list[Path]
) -> None:
    del windows

    def held(_src: Path, _dst: Path) -> None:
        raise PermissionError(13, "in use")

    monkeypatch.setattr(os, "replace", held)
    monkeypatch.setattr(oscompat, "REPLACE_WAIT", 0)
    with pytest.raises(PermissionError):
        oscompat.replace(tmp_path / "a", tmp_path / "b")


def test_atomic_write_keeps_bytes_exact_under_windows_branches(
    tmp_path: Path, windows: list[Path]
) -> None:
    del windows
    data = b"regel 1\nregel 2\r\n"
    atomic_write(tmp_path / "f", data)
    assert (tmp_path / "f").read_bytes() == data


def test_simulated_icacls_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="no such folder"):
        conftest._simulated_icacls(tmp_path / "missing")
