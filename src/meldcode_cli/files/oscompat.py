"""The operating-system seam: every call that differs between POSIX and Windows lives here.

The file store (cases, records, profile, keys) promises files that only their owner can
read and writes that survive a crash. POSIX keeps that promise with file modes (0700
folders, 0600 files) and an ``fsync`` of the folder after a rename; Windows has neither:
``chmod`` only toggles the read-only flag, ``st_mode`` always reports 0o666 for a
writable file, and a folder cannot be opened for ``fsync``. So each such call has a
Windows branch here:

- private folders: POSIX ``chmod 0700``; Windows an ACL that grants the current user
  alone full control and drops inherited entries (``icacls /inheritance:r /grant:r``);
- private files: created inside such a folder they inherit its ACL on Windows; on POSIX
  they are created 0600;
- "is this passphrase file private?": POSIX checks the mode bits; Windows cannot tell
  from ``st_mode`` and relies on the folder's ACL (docs/install.md says so);
- ``fsync`` of a folder: POSIX only (NTFS journals the rename itself);
- atomic replace: ``os.replace`` on both, retried briefly on Windows where a virus
  scanner or indexer may hold the target open for a moment (``PermissionError``);
- low-level opens: ``O_BINARY`` on Windows, or ``os.write`` would turn ``\\n`` into
  ``\\r\\n`` and change the bytes a hash or a signature covers.

``WINDOWS`` is read at call time, so the test suite can force the Windows branches on
Linux (``pytest --windows-branches``); ``run_icacls`` is the one call that then has to be
simulated, since there is no ``icacls`` here.
"""

from __future__ import annotations

import os
import stat
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "WINDOWS",
    "fsync_dir",
    "is_private_file",
    "make_private_dir",
    "open_flags",
    "replace",
]

WINDOWS = os.name == "nt"

REPLACE_RETRIES = 10
REPLACE_WAIT = 0.05  # seconds between tries on Windows; at most half a second in all


def _icacls(path: Path) -> None:
    user = os.environ.get("USERNAME") or os.getlogin()
    subprocess.run(
        ["icacls", str(path), "/inheritance:r", "/grant:r", f"{user}:(OI)(CI)F", "/q"],
        check=True,
        capture_output=True,
        timeout=30,
    )


run_icacls: Callable[[Path], None] = _icacls


def make_private_dir(path: Path, *, parents: bool = False) -> None:
    """Create ``path`` (if needed) so that only the current user can read it."""
    path.mkdir(parents=parents, exist_ok=True, mode=0o700)
    if WINDOWS:
        try:
            run_icacls(path)
        except (OSError, subprocess.SubprocessError) as e:
            raise PermissionError(
                13, f"kan de map niet afschermen voor andere gebruikers (icacls): {e}"
            ) from None
    else:
        os.chmod(path, 0o700)


def is_private_file(path: Path) -> bool:
    """May others read ``path``? POSIX: by its mode bits. Windows: ``st_mode`` cannot say;
    the file is taken to be as private as the folder the user keeps it in."""
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if WINDOWS:
        return True
    return not mode & 0o077


def open_flags(base: int) -> int:
    """``os.open`` flags: ``base`` plus ``O_BINARY`` where the OS has a text mode."""
    if WINDOWS:
        return base | getattr(os, "O_BINARY", 0)
    return base


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable: POSIX fsyncs the folder; Windows cannot open a
    folder that way and NTFS journals the rename, so there it does nothing."""
    if WINDOWS:
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace(src: Path, dst: Path) -> None:
    """``os.replace``; on Windows retried for half a second while another process (a virus
    scanner, the search indexer) holds ``dst`` open."""
    if not WINDOWS:
        os.replace(src, dst)
        return
    for attempt in range(REPLACE_RETRIES):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if attempt == REPLACE_RETRIES - 1:
                raise
            time.sleep(REPLACE_WAIT)
