"""Cases on disk: one folder per case, an append-only journal, the pinned protocol.

Layout (in the user data directory, or ``$MELDCODE_HOME``)::

    cases/<label>/
        journal.jsonl    one JSON object per line, append-only, fsync'ed per entry
        protocol.yaml    the protocol text the case started with (pinned)
        case.json        a summary for ``meldcode cases`` (replaced atomically; derived)

Every journal line carries a checksum. Reading stops at the first line that is torn
(power loss mid-write) or damaged, and says how many lines were lost; nothing before it is
touched. Folders are 0700, files 0600. Never in /tmp unless the user points
``MELDCODE_HOME`` there.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meldcode_cli import oscompat

__all__ = [
    "CASE_LABEL_PATTERN",
    "Case",
    "CaseError",
    "CaseStore",
    "JournalEntry",
    "JournalRead",
    "data_dir",
]

CASE_LABEL_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
JOURNAL = "journal.jsonl"
PINNED = "protocol.yaml"
SUMMARY = "case.json"
FORMAT = 1


class CaseError(Exception):
    """A problem with a case that the user can act on (exit 2). ``message`` is Dutch."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def data_dir() -> Path:
    """Where cases live: ``$MELDCODE_HOME`` or the platform's user data directory."""
    home = os.environ.get("MELDCODE_HOME")
    if home:
        return Path(home).expanduser()
    import platformdirs

    return platformdirs.user_data_path("meldcode-cli", appauthor=False)


def now() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


def _checksum(payload: dict[str, Any]) -> str:
    raw = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _fsync_dir(path: Path) -> None:
    oscompat.fsync_dir(path)


def _io_error(action: str, path: Path, e: OSError) -> CaseError:
    import errno

    reason = {
        errno.ENOSPC: "de schijf is vol",
        errno.EDQUOT: "de schijfruimte (quota) is op",
        errno.EACCES: "geen toestemming",
        errno.EPERM: "geen toestemming",
        errno.EROFS: "de schijf is alleen-lezen",
    }.get(e.errno or 0, e.strerror or str(e))
    return CaseError(
        f"kan niet {action} ({path}): {reason}. Wat al was opgeslagen is niet aangetast."
    )


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: write a temp file, fsync, rename, fsync the folder."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        fd = os.open(tmp, oscompat.open_flags(os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        oscompat.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _io_error("schrijven", path, e) from None


@dataclass(frozen=True)
class JournalEntry:
    seq: int
    type: str
    at: str
    data: dict[str, Any]


@dataclass
class JournalRead:
    entries: list[JournalEntry]
    lost_lines: int = 0
    good_bytes: int = 0
    problem: str | None = None


def _parse_first(line: bytes) -> bool:
    """True when ``line`` is an intact 'created' entry."""
    if not line.endswith(b"\n"):
        return False
    try:
        obj = json.loads(line.decode("utf-8"))
        crc = obj.pop("crc")
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        return False
    return isinstance(obj, dict) and crc == _checksum(obj) and obj.get("type") == "created"


def read_journal(path: Path) -> JournalRead:
    """All intact entries, stopping at the first torn or damaged line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return JournalRead([])
    except OSError as e:
        raise _io_error("lezen", path, e) from None
    entries: list[JournalEntry] = []
    offset = 0
    lines = raw.split(b"\n")
    complete = lines[:-1]  # the part after the last newline is torn (or empty)
    tail = lines[-1]
    problem = None
    for i, line in enumerate(complete):
        try:
            obj = json.loads(line.decode("utf-8"))
            crc = obj.pop("crc")
            if not isinstance(obj, dict) or crc != _checksum(obj):
                raise ValueError("checksum")
            entry = JournalEntry(int(obj["seq"]), str(obj["type"]), str(obj["at"]), obj)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            lost = len(complete) - i + (1 if tail else 0)
            return JournalRead(entries, lost, offset, f"regel {i + 1} is beschadigd")
        entries.append(entry)
        offset += len(line) + 1
    if tail:
        problem = "de laatste regel is niet volledig geschreven"
    return JournalRead(entries, 1 if tail else 0, offset, problem)


@dataclass
class Case:
    """One case folder. Use :class:`CaseStore` to create or open one."""

    label: str
    folder: Path
    header: dict[str, Any]
    entries: list[JournalEntry] = field(default_factory=list)
    recovered: JournalRead | None = None

    @property
    def journal(self) -> Path:
        return self.folder / JOURNAL

    @property
    def pinned_protocol(self) -> Path:
        return self.folder / PINNED

    @property
    def protocol_id(self) -> str:
        return str(self.header["protocol_id"])

    @property
    def protocol_hash(self) -> str:
        return str(self.header["protocol_hash"])

    @property
    def role(self) -> str:
        return str(self.header["role"])

    def append(self, type_: str, **data: Any) -> JournalEntry:
        """Append one entry durably (write + fsync) before returning."""
        seq = (self.entries[-1].seq + 1) if self.entries else 0
        payload: dict[str, Any] = {"seq": seq, "type": type_, "at": now(), **data}
        payload["crc"] = _checksum(payload)
        line = (json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        try:
            fd = os.open(
                self.journal, oscompat.open_flags(os.O_WRONLY | os.O_APPEND | os.O_CREAT), 0o600
            )
            try:
                written = os.write(fd, line)
                if written != len(line):
                    raise OSError(28, "short write")
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as e:
            self._cut_torn_tail()
            raise _io_error("het antwoord opslaan", self.journal, e) from None
        del payload["crc"]
        entry = JournalEntry(seq, type_, payload["at"], payload)
        self.entries.append(entry)
        return entry

    def _cut_torn_tail(self) -> None:
        """After a failed write, remove a partial line so the journal stays readable."""
        try:
            good = read_journal(self.journal)
            if good.lost_lines:
                os.truncate(self.journal, good.good_bytes)
        except (OSError, CaseError):
            pass

    def write_summary(self, summary: dict[str, Any]) -> None:
        data = json.dumps(summary, ensure_ascii=False, indent=2).encode("utf-8")
        atomic_write(self.folder / SUMMARY, data)

    def summary(self) -> dict[str, Any]:
        try:
            loaded = json.loads((self.folder / SUMMARY).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return loaded if isinstance(loaded, dict) else {}


def protocol_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


class CaseStore:
    """All cases of this user."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = (root or data_dir()) / "cases"

    def _ensure_root(self) -> None:
        try:
            oscompat.make_private_dir(self.root.parent, parents=True)
            oscompat.make_private_dir(self.root)
        except OSError as e:
            raise _io_error("de map voor casussen maken", self.root, e) from None

    def folder(self, label: str) -> Path:
        return self.root / label

    def exists(self, label: str) -> bool:
        """A case exists once its 'created' line is durable. A crash during creation (an
        empty or torn first line) leaves nothing that was ever promised: the label is free."""
        journal = self.folder(label) / JOURNAL
        if not journal.exists():
            return False
        try:
            with journal.open("rb") as f:
                first = f.readline()
        except OSError:
            return True  # unreadable, not absent: never treat it as free
        return _parse_first(first)

    def labels(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if (p / JOURNAL).exists())

    def create(
        self, label: str, *, protocol_text: str, protocol_id: str, role: str, lang: str
    ) -> Case:
        if not CASE_LABEL_PATTERN.match(label):
            raise CaseError(
                f"casuslabel '{label}' kan niet: gebruik letters, cijfers, '-', '_' of '.', "
                "hoogstens 64 tekens. Gebruik een pseudoniem, nooit de naam van de cliënt."
            )
        if self.exists(label):
            raise CaseError(
                f"casus '{label}' bestaat al; ga verder met 'meldcode resume {label}' of "
                "kies een ander label"
            )
        self._ensure_root()
        folder = self.folder(label)
        try:
            oscompat.make_private_dir(folder)
            # a creation that crashed before its first line was durable left an empty or
            # torn journal: nothing in it was ever promised, so start it afresh
            (folder / JOURNAL).unlink(missing_ok=True)
        except OSError as e:
            raise _io_error("de casusmap maken", folder, e) from None
        atomic_write(folder / PINNED, protocol_text.encode("utf-8"))
        from meldcode_cli import __version__

        header = {
            "format": FORMAT,
            "label": label,
            "protocol_id": protocol_id,
            "protocol_hash": protocol_hash(protocol_text),
            "role": role,
            "lang": lang,
            "tool_version": __version__,
        }
        case = Case(label, folder, header)
        case.append("created", **header)
        _fsync_dir(folder)
        return case

    def open(self, label: str, *, repair: bool = True) -> Case:
        folder = self.folder(label)
        if not (folder / JOURNAL).exists():
            known = ", ".join(self.labels()) or "geen"
            raise CaseError(f"geen casus '{label}'; bekende casussen: {known}")
        read = read_journal(folder / JOURNAL)
        if not read.entries or read.entries[0].type != "created":
            raise CaseError(
                f"casus '{label}' is onleesbaar: het begin van het journaal ontbreekt "
                f"({folder / JOURNAL})"
            )
        case = Case(label, folder, dict(read.entries[0].data), read.entries, read)
        if read.lost_lines and repair:
            # cut the torn or damaged tail so new entries follow the last good one; keep a
            # private copy of the whole file first (a damaged line may be followed by intact
            # ones someone wants to inspect); the caller tells the user what was lost
            journal = folder / JOURNAL
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = folder / f"{JOURNAL}.beschadigd-{stamp}"
            try:
                atomic_write(backup, journal.read_bytes())
                os.truncate(journal, read.good_bytes)
            except OSError as e:
                raise _io_error("het journaal herstellen", journal, e) from None
            read.problem = f"{read.problem}; het oorspronkelijke journaal staat in {backup.name}"
        return case

    def iter_cases(self) -> Iterator[Case]:
        for label in self.labels():
            try:
                yield self.open(label, repair=False)
            except CaseError:
                continue
