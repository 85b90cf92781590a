"""Safe writes: every file meldcode writes goes through here.

The threat is a local user (a housemate, a shared workstation) who can plant a symbolic
link or a file where meldcode is about to write, and a disk that fills up half-way.

- :func:`atomic_write` writes to a random temp name in the target folder (``mkstemp``:
  ``O_CREAT|O_EXCL``, no symlink followed, mode 0600), loops on short writes, fsyncs,
  checks the size on the descriptor, and only then renames over the target (a rename
  replaces a symlink at the target, it never follows it) and fsyncs the folder. Either
  the complete new file is in place or the old one is untouched.
- :func:`ensure_dir` creates folders below a trusted base one level at a time, refusing a
  symlink or a non-folder at every level, and keeps them 0700.
- :func:`check_home` refuses a data folder another user can write to, saying how to fix it.
- :func:`inside` checks that a path stays inside the base after resolution.

The low-level calls go through ``_write``, ``_fsync`` and ``_replace`` so the tests can
inject a short write, ENOSPC or EIO at every step.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from meldcode_cli.errors import Text
from meldcode_cli.files import oscompat
from meldcode_cli.walk.casestore import CaseError

__all__ = [
    "UnsafePath",
    "append_line",
    "atomic_write",
    "check_home",
    "ensure_dir",
    "inside",
    "io_error",
    "rename_durably",
]

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _write(fd: int, data: memoryview) -> int:
    return os.write(fd, data)


def _fsync(fd: int) -> None:
    os.fsync(fd)


def _replace(src: str, dst: str) -> None:
    oscompat.replace(Path(src), Path(dst))


class UnsafePath(CaseError):
    """A symlink, a foreign or group/world-writable folder, or a path outside the home."""


def io_error(path: Path | str, e: OSError, *, reading: bool = False) -> CaseError:
    """A CaseError naming the file and what to do (keyed: said at the edge)."""
    from meldcode_cli.files.jsonio import os_error_reason

    key = "io.read_failed" if reading else "io.write_failed"
    return CaseError("io.os_error", path=path, reason=Text(key, reason=os_error_reason(e)))


def inside(path: Path, base: Path) -> bool:
    """True when ``path`` (resolved, symlinks followed) lies in ``base`` (resolved)."""
    try:
        real = path.resolve(strict=False)
        root = base.resolve(strict=False)
    except (OSError, RuntimeError):
        return False
    return real == root or root in real.parents


def check_home(base: Path) -> None:
    """Refuse a data folder that is not ours or that others can write to."""
    try:
        st = os.stat(base)
    except FileNotFoundError:
        return
    except OSError as e:
        raise io_error(base, e, reading=True) from None
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise UnsafePath("io.not_owner", path=base, uid=st.st_uid)
    if not oscompat.WINDOWS and stat.S_IMODE(st.st_mode) & 0o022:  # Windows: see oscompat
        raise UnsafePath("io.unsafe_home", path=base)


def _private_dir(path: Path) -> None:
    """``path`` exists as a real folder of ours (not a link); make it 0700. Checked on an
    open descriptor (``O_NOFOLLOW|O_DIRECTORY``), so a swap between check and chmod cannot
    redirect the chmod."""
    import errno

    if oscompat.WINDOWS:  # no folder descriptors and no modes there: an ACL (oscompat)
        if path.is_symlink():
            raise UnsafePath("io.symlink", path=path)
        oscompat.make_private_dir(path)
        return
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | NOFOLLOW | CLOEXEC)
    except OSError as e:
        if e.errno in (errno.ELOOP, errno.ENOTDIR):
            raise UnsafePath("io.symlink", path=path) from None
        raise
    try:
        st = os.fstat(fd)
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            raise UnsafePath("io.not_owner", path=path, uid=st.st_uid)
        if stat.S_IMODE(st.st_mode) != 0o700:
            os.fchmod(fd, 0o700)
    finally:
        os.close(fd)


def _make_base(base: Path) -> None:
    """Create ``base`` and missing parents, each 0700 (whatever the umask)."""
    missing = []
    p = base
    while not p.exists() and p != p.parent:
        missing.append(p)
        p = p.parent
    for m in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(m, 0o700)


def ensure_dir(path: Path, base: Path) -> None:
    """Create ``path`` (and the folders between ``base`` and it) as private folders,
    never following a symlink below ``base``. ``base`` itself is created if missing (its
    parents are the user's own, e.g. ``~/.local/share``) and checked by :func:`check_home`.
    """
    try:
        _make_base(base)
        check_home(base)
        rel = path.relative_to(base) if path != base else Path()
        if ".." in rel.parts:
            raise UnsafePath("io.outside_home", path=path, home=base)
        current = base
        _private_dir(base.resolve() if base.is_symlink() else base)
        for part in rel.parts:
            current = current / part
            with contextlib.suppress(FileExistsError):
                os.mkdir(current, 0o700)
            _private_dir(current)
        if not inside(path, base):
            raise UnsafePath("io.outside_home", path=path, home=base)
    except ValueError:
        raise UnsafePath("io.outside_home", path=path, home=base) from None
    except OSError as e:
        raise io_error(path, e) from None


def _short_write(path: Path, written: int, size: int, *, full: bool = False) -> CaseError:
    from meldcode_cli.files.jsonio import Joined

    short = Text("io.short_write", written=written, size=size)
    return CaseError(
        "io.os_error", path=path, reason=Joined(short, Text("io.enospc")) if full else short
    )


def atomic_write(path: Path, data: bytes, *, base: Path | None = None) -> None:
    """Replace ``path`` with ``data`` completely or not at all (see the module text).

    With ``base``, the folder is created/checked by :func:`ensure_dir` first and the path
    must stay inside ``base``. Raises :class:`CaseError` naming the file.
    """
    folder = path.parent
    if base is not None:
        ensure_dir(folder, base)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=folder)
        try:
            if not oscompat.WINDOWS:  # Windows: the folder's ACL covers the file
                os.fchmod(fd, 0o600)
            view = memoryview(data)
            written = 0
            while written < len(data):
                n = _write(fd, view[written:])
                if n <= 0:
                    raise _short_write(path, written, len(data), full=True)
                written += n
            _fsync(fd)
            size = os.fstat(fd).st_size
            if size != len(data):
                raise _short_write(path, size, len(data))
        finally:
            os.close(fd)
        _replace(tmp, str(path))
        tmp = None
        _fsync_dir(folder)
    except OSError as e:
        raise io_error(path, e) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _fsync_dir(path: Path) -> None:
    if oscompat.WINDOWS:  # a folder cannot be opened for fsync there (see oscompat)
        return
    try:
        fd = os.open(path, os.O_RDONLY | CLOEXEC)
    except OSError:
        return
    try:
        _fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def rename_durably(src: Path, dst: Path) -> None:
    """Rename ``src`` over ``dst`` (same folder) and fsync the folder. Raises OSError."""
    _replace(str(src), str(dst))
    _fsync_dir(dst.parent)


def append_line(path: Path, line: bytes) -> None:
    """Append ``line`` durably to ``path`` (created 0600), never through a symlink.

    Loops on short writes. On any failure (a short write, ENOSPC, EIO at the fsync) the
    file is cut back to its size before, so a line is either durably there or not at all;
    then the OSError is raised.
    """
    flags = oscompat.open_flags(os.O_WRONLY | os.O_APPEND | os.O_CREAT | NOFOLLOW | CLOEXEC)
    fd = os.open(path, flags, 0o600)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(21, "not a regular file")
        if not oscompat.WINDOWS and stat.S_IMODE(st.st_mode) != 0o600:
            os.fchmod(fd, 0o600)
        before = st.st_size
        try:
            view = memoryview(line)
            written = 0
            while written < len(line):
                n = _write(fd, view[written:])
                if n <= 0:
                    raise OSError(28, "short write")
                written += n
            _fsync(fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, before)
                os.fsync(fd)
            raise
    finally:
        os.close(fd)
