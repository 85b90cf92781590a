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

import datetime as dt
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meldcode_cli.errors import CaseError, Text
from meldcode_cli.files import oscompat

__all__ = [
    "CASE_LABEL_PATTERN",
    "Case",
    "CaseError",
    "CaseStore",
    "JournalEntry",
    "JournalRead",
    "LabelTaken",
    "data_dir",
]

CASE_LABEL_PATTERN = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z")
JOURNAL = "journal.jsonl"
PINNED = "protocol.yaml"
SUMMARY = "case.json"
FORMAT = 1


class LabelTaken(CaseError):
    """The label is a case already (or, with ``fresh``, another start claimed it first)."""


def data_dir() -> Path:
    """Where cases live: ``$MELDCODE_HOME`` or the platform's user data directory."""
    home = os.environ.get("MELDCODE_HOME")
    if home:
        return Path(home).expanduser()
    import platformdirs

    return platformdirs.user_data_path("meldcode-cli", appauthor=False)


def user_organisatie_dir() -> Path:
    """The organisation's layer without ``--organisatie``: ``<data dir>/organisatie/``."""
    return data_dir() / "organisatie"


def find_overlay(explicit: Path | None) -> Path | None:
    """``--organisatie PATH``, else the one ``*.yaml`` in the user folder
    (``$MELDCODE_HOME/organisatie/``), else None. Several there: CaseError.

    Here rather than in :mod:`meldcode_cli.protocol.organisatie` so a walk without an
    overlay never imports the overlay's models."""
    if explicit is not None:
        if not explicit.is_file():
            raise CaseError("error.org.missing", path=explicit)
        return explicit
    folder = user_organisatie_dir()
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if len(files) > 1:
        raise CaseError("error.org.several", folder=folder, n=len(files))
    return files[0] if files else None


def now() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


def _checksum(payload: dict[str, Any]) -> str:
    raw = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _fsync_dir(path: Path) -> None:
    oscompat.fsync_dir(path)


def _io_error(action: str, path: Path, e: OSError) -> CaseError:
    from meldcode_cli.files.jsonio import os_error_text

    return CaseError("case.io_error", action=Text(action), path=path, reason=os_error_text(e))


def home_dir() -> Path:
    """The root everything of meldcode lives under when ``MELDCODE_HOME`` is set."""
    return data_dir()


def trusted_base(path: Path) -> Path | None:
    """The data or config folder ``path`` lies in (by name, before resolution), if any."""
    home = os.environ.get("MELDCODE_HOME")
    roots: list[Path] = []
    if home:
        roots.append(Path(home).expanduser())
    else:
        import platformdirs

        roots.append(platformdirs.user_data_path("meldcode-cli", appauthor=False))
        roots.append(platformdirs.user_config_path("meldcode-cli", appauthor=False))
    target = Path(os.path.abspath(path))
    for root in roots:
        r = Path(os.path.abspath(root))
        if target == r or r in target.parents:
            return r
    return None


def atomic_write(path: Path, data: bytes, *, base: Path | None = None) -> None:
    """Replace ``path`` with ``data`` completely or not at all (see :mod:`safeio`).

    Inside meldcode's own folders, the folders are checked (no symlinks, private, the
    path stays inside); elsewhere (a report where the user asked) the write itself is
    still atomic, private and never follows a planted temp-name link.
    """
    from meldcode_cli.files import safeio

    safeio.atomic_write(path, data, base=base or trusted_base(path))


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


_STR = (str,)
_OPT_STR = (str, type(None))
_ENTRY_FIELDS: dict[str, dict[str, tuple[type, ...]]] = {
    "created": {
        "format": (int,),
        "label": _STR,
        "protocol_id": _STR,
        "protocol_hash": _STR,
        "role": _STR,
        "lang": _STR,
    },
    "answer": {"item": _STR},
    "shown": {"item": _STR},
    "note": {"item": _STR, "text": _STR, "provenance": _STR, "nature": _STR},
    "acute": {"step": (int,)},
    "paused": {"step": (int,)},
    "signed": {"record": _STR, "hash": _STR},
    "training_record": {"record": _STR, "hash": _STR},
    "recovered": {"lost_lines": (int,)},
}
MAX_LINE = 4 * 1024 * 1024


def _valid_value(value: Any) -> bool:
    return (
        value is None
        or isinstance(value, str)
        or (isinstance(value, list) and all(isinstance(v, str) for v in value))
    )


def _valid_answer(obj: dict[str, Any]) -> bool:
    """An answer entry's value is an answer value; its ``day``, if any, an ISO date."""
    if not _valid_value(obj.get("value")):
        return False
    day = obj.get("day")
    if day is None:
        return True
    if not isinstance(day, str):
        return False
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        return False
    return True


def _valid_shape(obj: dict[str, Any]) -> bool:
    """seq, type and at, and the fields of the entry's type, are of the right kind."""
    seq, type_, at = obj.get("seq"), obj.get("type"), obj.get("at")
    if type(seq) is not int or seq < 0 or not isinstance(type_, str) or not isinstance(at, str):
        return False
    for name, types in _ENTRY_FIELDS.get(type_, {}).items():
        value = obj.get(name)
        if not isinstance(value, types) or (type(value) is bool and int in types):
            return False
    if type_ == "answer" and not _valid_answer(obj):
        return False
    return not (type_ in ("acute", "paused") and not 0 <= obj["step"] <= 100)


def _parse_line(line: bytes) -> JournalEntry | None:
    """One journal line as an entry, or None when it is damaged in any way: not JSON
    under :mod:`jsonio`'s rules, a wrong checksum, or an entry of the wrong shape (a
    recomputed checksum does not make a malformed entry usable)."""
    from meldcode_cli.files import jsonio

    if len(line) > MAX_LINE:
        return None
    try:
        obj = jsonio.parse_json(line, max_depth=8, max_values=100_000)
    except ValueError:
        return None
    if not isinstance(obj, dict):
        return None
    crc = obj.pop("crc", None)
    if not isinstance(crc, str) or crc != _checksum(obj) or not _valid_shape(obj):
        return None
    return JournalEntry(obj["seq"], obj["type"], obj["at"], obj)


def _parse_first(line: bytes) -> bool:
    """True when ``line`` is an intact 'created' entry."""
    if not line.endswith(b"\n"):
        return False
    entry = _parse_line(line[:-1])
    return entry is not None and entry.type == "created"


def read_journal(path: Path) -> JournalRead:
    """All intact entries, stopping at the first torn or damaged line."""
    from meldcode_cli.files import jsonio

    try:
        raw = jsonio.read_limited(path, jsonio.LIMIT_JOURNAL, nofollow=True)
    except FileNotFoundError:
        return JournalRead([])
    entries: list[JournalEntry] = []
    offset = 0
    lines = raw.split(b"\n")
    complete = lines[:-1]  # the part after the last newline is torn (or empty)
    tail = lines[-1]
    problem = None
    for i, line in enumerate(complete):
        entry = _parse_line(line)
        if entry is None or (entries and entry.seq != entries[-1].seq + 1):
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
        from meldcode_cli.files import safeio

        # the case folder (and every folder up to the home) must still be a real private
        # folder: a symlink swapped in since the case was opened is refused
        safeio.ensure_dir(self.folder, self.folder.parent.parent)
        try:
            safeio.append_line(self.journal, line)
        except OSError as e:
            self._cut_torn_tail()
            raise _io_error("case.action.save_answer", self.journal, e) from None
        del payload["crc"]
        entry = JournalEntry(seq, type_, payload["at"], payload)
        self.entries.append(entry)
        return entry

    def _cut_torn_tail(self) -> None:
        """After a failed write, remove a partial line so the journal stays readable."""
        try:
            good = read_journal(self.journal)
            if good.lost_lines:
                fd = os.open(self.journal, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
                try:
                    os.ftruncate(fd, good.good_bytes)
                finally:
                    os.close(fd)
        except (OSError, CaseError):
            pass

    def write_summary(self, summary: dict[str, Any]) -> None:
        data = json.dumps(summary, ensure_ascii=False, indent=2).encode("utf-8")
        atomic_write(self.folder / SUMMARY, data)

    def summary(self) -> dict[str, Any]:
        """The derived summary, or {} when it is missing, damaged or of the wrong shape
        (the caller then rebuilds it from the journal)."""
        from meldcode_cli.files import jsonio

        try:
            loaded = jsonio.load_json_file(
                self.folder / SUMMARY, limit=jsonio.LIMIT_SMALL, nofollow=True
            )
        except (OSError, CaseError):
            return {}
        return loaded if _summary_ok(loaded) else {}


_SUMMARY_TYPES: dict[str, tuple[type, ...]] = {
    "label": (str,),
    "protocol": (str,),
    "protocol_hash": (str,),
    "role": (str,),
    "step": (int,),
    "complete": (bool,),
    "finished": (bool,),
    "outcome": (str, type(None)),
    "last_activity": (str, type(None)),
    "follow_up_due": (str, type(None)),
    "answers": (int,),
}


def _summary_ok(data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    for key, types in _SUMMARY_TYPES.items():
        if key in data and not isinstance(data[key], types):
            return False
    try:  # dates are parsed by the listing: a damaged one means a rebuilt summary
        if isinstance(data.get("follow_up_due"), str):
            dt.date.fromisoformat(data["follow_up_due"])
        if isinstance(data.get("last_activity"), str):
            dt.datetime.fromisoformat(data["last_activity"])
    except ValueError:
        return False
    return True


def shown(text: str, limit: int = 80) -> str:
    """``text`` safe to print: control characters escaped, long text cut."""
    out = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text[:limit])
    return out + ("…" if len(text) > limit else "")


def check_label(label: str) -> None:
    """Refuse a case label that is not a plain pseudonym folder name."""
    if not isinstance(label, str) or not CASE_LABEL_PATTERN.match(label):
        raise CaseError("case.bad_label", label=shown(str(label)))


def protocol_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


class CaseStore:
    """All cases of this user."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = (root or data_dir()) / "cases"

    def _ensure_root(self) -> None:
        from meldcode_cli.files import safeio

        safeio.ensure_dir(self.root, self.root.parent)

    def folder(self, label: str) -> Path:
        """The folder of a case; the label must be a pseudonym that stays one folder name
        (no ``..``, ``/``, NUL, control characters; at most 64 characters)."""
        check_label(label)
        return self.root / label

    def exists(self, label: str) -> bool:
        """A case exists once its 'created' line is durable. A crash during creation (an
        empty or torn first line) leaves nothing that was ever promised: the label is free."""
        folder = self.folder(label)
        if folder.is_symlink():
            raise CaseError("io.symlink", path=folder)
        journal = folder / JOURNAL
        if not journal.exists():
            return False
        try:
            with journal.open("rb") as f:
                first = f.readline()
        except OSError:
            return True  # unreadable, not absent: never treat it as free
        return _parse_first(first)

    def labels(self) -> list[str]:
        """Labels of the case folders (real folders only: a planted symlink is no case)."""
        try:
            if not self.root.is_dir():
                return []
            names = sorted(p.name for p in self.root.iterdir())
        except OSError as e:
            raise _io_error("case.action.read_cases", self.root, e) from None
        out = []
        for name in names:
            if not CASE_LABEL_PATTERN.match(name):
                continue
            try:
                st = os.lstat(self.root / name)
            except OSError:
                continue
            if not stat.S_ISDIR(st.st_mode) and not stat.S_ISLNK(st.st_mode):
                continue
            if stat.S_ISLNK(st.st_mode):
                out.append(name)  # not a case; open() names it, so 'cases' can say so
                continue
            try:
                has_journal = (self.root / name / JOURNAL).exists()
            except OSError:
                has_journal = True
            if has_journal or not os.access(self.root / name, os.R_OK | os.X_OK):
                out.append(name)
        return out

    def create(
        self,
        label: str,
        *,
        protocol_text: str,
        protocol_id: str,
        role: str,
        lang: str,
        fresh: bool = False,
    ) -> Case:
        """A new case under ``label``; :class:`LabelTaken` if that is a case already.

        The folder is claimed with an exclusive ``mkdir``, so two starts at the same moment
        never share one. A folder that was there already is taken over only when a crash
        left it without a durable first line, and never with ``fresh`` (an automatic label:
        the caller tries the next one instead of touching a folder it did not make)."""
        check_label(label)
        self._ensure_root()
        folder = self.folder(label)
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            if fresh or self.exists(label):
                raise LabelTaken("error.casestore.casus_bestaat_al_ga", label=label) from None
        except OSError as e:
            raise _io_error("case.action.make_folder", folder, e) from None
        from meldcode_cli.files import safeio

        safeio.ensure_dir(folder, self.root.parent)
        try:
            # a creation that crashed before its first line was durable left an empty or
            # torn journal: nothing in it was ever promised, so start it afresh
            (folder / JOURNAL).unlink(missing_ok=True)
        except OSError as e:
            raise _io_error("case.action.make_folder", folder, e) from None
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
        try:
            st = os.lstat(folder)
        except FileNotFoundError:
            st = None
        except OSError as e:
            raise _io_error("case.action.read_case", folder, e) from None
        if st is not None and not stat.S_ISDIR(st.st_mode):
            raise CaseError("io.symlink", path=folder)
        if st is not None and not os.access(folder, os.R_OK | os.X_OK):
            raise _io_error("case.action.read_case", folder, PermissionError(13, "denied"))
        if not (folder / JOURNAL).exists():
            known = ", ".join(self.labels())
            if not known:
                raise CaseError("error.casemgmt.geen_casus", label=label)
            raise CaseError("error.casestore.geen_casus_bekende_casussen", label=label, known=known)
        read = read_journal(folder / JOURNAL)
        if not read.entries or read.entries[0].type != "created":
            raise CaseError(
                "error.casestore.casus_is_onleesbaar_het",
                label=label,
                folder_JOURNAL=folder / JOURNAL,
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
                raise _io_error("case.action.repair_journal", journal, e) from None
            read.problem = f"{read.problem}; het oorspronkelijke journaal staat in {backup.name}"
        return case

    def iter_cases(self) -> Iterator[Case]:
        """Every readable case; what cannot be read is listed in ``self.unreadable``."""
        self.unreadable: list[tuple[str, str]] = []
        for label in self.labels():
            try:
                yield self.open(label, repair=False)
            except CaseError as e:
                self.unreadable.append((label, e.message))
                continue
