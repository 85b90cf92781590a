"""Reading a protocol or scenario file as text: UTF-8 (a BOM tolerated), bounded in size.

Apart from ``yamlio`` so that a command that only needs the text (``start`` hashing and
pinning a protocol, the cache keys) does not import the YAML parser.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "MAX_BYTES",
    "FileTooLarge",
    "NotRegularFile",
    "NotUtf8",
    "is_organisatie_file",
    "read_text",
]

MAX_BYTES = 2 * 1024 * 1024


class FileTooLarge(ValueError):
    """A file over :data:`MAX_BYTES`."""


class NotRegularFile(ValueError):
    """A device, FIFO or folder where a file is expected (never read: it may not end)."""


class NotUtf8(ValueError):
    """A file that is not UTF-8; ``line``/``col`` say where the first bad byte is."""

    def __init__(self, offset: int, line: int, col: int) -> None:
        super().__init__(f"geen UTF-8 (byte {offset})")
        self.offset = offset
        self.line = line
        self.col = col


def read_text(path: Path) -> str:
    """Read a protocol file as UTF-8 text (BOM tolerated). Never reads more than needed."""
    import os
    import stat

    # never block on a FIFO or read a device: a regular file, checked on the descriptor
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile("geen gewoon bestand (een apparaat, FIFO of map)")
        if st.st_size > MAX_BYTES:
            raise FileTooLarge(f"bestand is groter dan {MAX_BYTES} bytes")
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise FileTooLarge(f"bestand is groter dan {MAX_BYTES} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        before = data[: e.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise NotUtf8(e.start, line, col) from None


def is_organisatie_file(path: Path) -> bool:
    """Does ``path`` say ``kind: organisatie`` (docs/organisatie.md) in its first 4,000
    characters? Here, not in ``protocol/organisatie``, so that ``validate`` of a protocol
    does not import the overlay's models to find out."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return False
    return any(line.strip() == "kind: organisatie" for line in head.splitlines())
