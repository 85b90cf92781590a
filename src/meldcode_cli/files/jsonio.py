"""The one loader for every JSON file meldcode reads: records, journals, case summaries,
the profile, the keyring, key files and exported public keys.

Hostile input is the normal case here (a file from a colleague, a damaged disk, a curious
housemate), so loading is bounded before it is clever:

- only a regular file is read (never a device, FIFO or socket: ``/dev/zero`` is refused
  without reading a byte), and its size is checked before reading;
- the text must be strict UTF-8 (no BOM games, no lone surrogates);
- duplicate keys in an object are refused (``{"melden": false, "melden": true}`` must not
  mean whatever the last parser decides);
- numbers must lie in RFC 8785's domain (integers a double holds exactly, finite floats;
  no ``NaN`` or ``Infinity``), so canonicalisation never fails later;
- nesting depth and the number of values are limited.

Every failure is a :class:`JsonFileError` (a :class:`~meldcode_cli.walk.casestore.CaseError`, exit
2) naming the file and, where it helps, the JSON path; bytes parsed without a file
(:func:`parse_json`) fail with a :class:`JsonValueError`. Both carry a catalogue key and
its parameters, never a finished sentence: the edge says them in the chosen language.
Validation into a pydantic model goes through :func:`validate`, which turns the first
error into the same kind of message.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import Any, TypeVar

from meldcode_cli.errors import CaseError, InputError, Text

__all__ = [
    "MAX_DEPTH",
    "MAX_VALUES",
    "Joined",
    "JsonFileError",
    "JsonValueError",
    "check_value",
    "load_json_file",
    "os_error_reason",
    "os_error_text",
    "parse_json",
    "read_limited",
    "validate",
]

MAX_DEPTH = 32
"""Deeper than any file meldcode writes (a record is about 6 levels)."""
MAX_VALUES = 1_000_000
"""Values (objects, arrays, scalars) in one file."""
LIMIT_RECORD = 16 * 1024 * 1024
LIMIT_SMALL = 1024 * 1024
LIMIT_JOURNAL = 64 * 1024 * 1024
MAX_SAFE_INT = 2**53

M = TypeVar("M")


class Joined:
    """Catalogue texts said one after the other, as one parameter of a message (translated
    when the message is shown, like :class:`~meldcode_cli.errors.Text`)."""

    def __init__(self, *parts: Text | str) -> None:
        self.parts = parts

    def __str__(self) -> str:
        return " ".join(str(p) for p in self.parts)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


class JsonValueError(InputError, ValueError):
    """Bytes that are not JSON under the rules above (a ``ValueError`` too, so a caller
    that only asks "is this JSON?" catches it as one): a ``json.*`` key and its params."""

    def text(self) -> Text:
        """This problem as a parameter of another message."""
        return Text(self.key, **self.params)


class JsonFileError(CaseError):
    """A JSON file that cannot be used: unreadable, too large, malformed or off-schema.
    Shown as ``<path>: <reason>`` (``io.os_error``); ``reason`` is a catalogue text."""

    def __init__(self, path: Path | str, reason: Text | Joined | str) -> None:
        super().__init__("io.os_error", path=path, reason=reason)
        self.path = str(path)
        self.reason = reason


def os_error_reason(e: OSError) -> Text | str:
    """What an OS error means for the user: a catalogue text for the errors people meet
    (a full disk, no permission, ...), else the system's own words."""
    key = {
        errno.ENOSPC: "io.enospc",
        errno.EDQUOT: "io.enospc",
        errno.EACCES: "io.eacces",
        errno.EPERM: "io.eacces",
        errno.EROFS: "io.erofs",
        errno.EIO: "io.eio",
        errno.ELOOP: "io.eloop",
        errno.EISDIR: "io.eisdir",
        errno.ENOENT: "io.enoent",
        errno.ENOTDIR: "io.enoent",
    }.get(e.errno or 0)
    if key is None:
        return e.strerror or str(e)
    return Text(key)


def os_error_text(e: OSError) -> str:
    """:func:`os_error_reason` said now, in the current language (for the edge)."""
    return str(os_error_reason(e))


def read_limited(path: Path, limit: int, *, nofollow: bool = False) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Opens without blocking (a FIFO would otherwise wait forever), checks the file type and
    size on the open descriptor (no race with a swap between check and read), reads at
    most ``limit + 1`` bytes. ``nofollow``: a symlink at ``path`` is refused (files in
    meldcode's own folders are never links).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if nofollow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as e:
        raise JsonFileError(path, Text("io.read_failed", reason=os_error_reason(e))) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise JsonFileError(path, Text("json.not_regular"))
        if st.st_size > limit:
            raise JsonFileError(path, Text("json.too_large", size=st.st_size, limit=limit))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise JsonFileError(path, Text("json.too_large", size=total, limit=limit))
        return b"".join(chunks)
    except OSError as e:
        raise JsonFileError(path, Text("io.read_failed", reason=os_error_reason(e))) from None
    finally:
        os.close(fd)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise JsonValueError("json.duplicate_key", name=k[:80])
        out[k] = v
    return out


def _int(text: str) -> int:
    if len(text) > 20:
        raise JsonValueError("json.number_domain", number=text[:30] + "…")
    value = int(text)
    if not -MAX_SAFE_INT < value < MAX_SAFE_INT:
        raise JsonValueError("json.number_domain", number=text)
    return value


def _float(text: str) -> float:
    if len(text) > 400:
        raise JsonValueError("json.number_domain", number=text[:30] + "…")
    import math

    value = float(text)
    if not math.isfinite(value):
        raise JsonValueError("json.number_domain", number=text[:40])
    return value


def _constant(name: str) -> Any:
    raise JsonValueError("json.number_domain", number=name)


def check_value(data: Any, *, max_depth: int = MAX_DEPTH, max_values: int = MAX_VALUES) -> None:
    """Depth and count limits, and that every string is valid Unicode (no lone surrogates,
    which ``\\ud800`` escapes can smuggle into otherwise valid UTF-8). Iterative."""
    stack: list[tuple[Any, int, str]] = [(data, 0, "$")]
    count = 0
    while stack:
        x, depth, where = stack.pop()
        count += 1
        if count > max_values:
            raise JsonValueError("json.too_many", limit=max_values)
        if depth > max_depth:
            raise JsonValueError("json.too_deep", limit=max_depth, where=where)
        kind = type(x)
        if kind is str:
            if not x.isascii():
                try:
                    x.encode("utf-8")
                except UnicodeEncodeError:
                    raise JsonValueError("json.surrogate", where=where) from None
        elif kind is dict:
            for k, v in x.items():
                if not k.isascii():
                    try:
                        k.encode("utf-8")
                    except UnicodeEncodeError:
                        raise JsonValueError("json.surrogate", where=where) from None
                stack.append((v, depth + 1, f"{where}.{k[:40]}" if depth < 8 else where))
        elif kind is list:
            stack.extend(
                (v, depth + 1, f"{where}[{i}]" if depth < 8 else where) for i, v in enumerate(x)
            )


def parse_json(
    raw: bytes,
    *,
    max_depth: int = MAX_DEPTH,
    max_values: int = MAX_VALUES,
) -> Any:
    """Parse bytes under the rules above; :class:`JsonValueError` (keyed) when they break one."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise JsonValueError("json.not_utf8", offset=e.start) from None
    if text.startswith("\ufeff"):
        raise JsonValueError("json.bom")
    # a cheap bound before the C parser recurses: more opening brackets than values allowed
    try:
        data = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_int=_int,
            parse_float=_float,
            parse_constant=_constant,
        )
    except JsonValueError:
        raise
    except RecursionError:
        raise JsonValueError("json.too_deep", limit=max_depth, where="$") from None
    except json.JSONDecodeError as e:
        from meldcode_cli.files.schema_words import decoder_reason

        raise JsonValueError(
            "json.syntax", line=e.lineno, col=e.colno, msg=decoder_reason(e.msg)
        ) from None
    except ValueError as e:  # int() digit limits and the like
        raise JsonValueError("json.syntax", line=1, col=1, msg=str(e)[:200]) from None
    check_value(data, max_depth=max_depth, max_values=max_values)
    return data


def load_json_file(path: Path, *, limit: int = LIMIT_SMALL, nofollow: bool = False) -> Any:
    """Read and parse one JSON file. ``FileNotFoundError`` passes through (callers decide
    whether a missing file is an error); everything else is a :class:`JsonFileError`."""
    raw = read_limited(path, limit, nofollow=nofollow)
    try:
        return parse_json(raw)
    except JsonValueError as e:
        raise JsonFileError(path, e.text()) from None


def validate(model: type[M], data: Any, path: Path | str, *, prefix: str = "$") -> M:
    """``model.model_validate(data)``; the first error becomes a JsonFileError with its
    JSON path (``$.signature.algorithm: ...``) and a count of the rest."""
    from pydantic import BaseModel, ValidationError

    assert issubclass(model, BaseModel)
    try:
        return model.model_validate(data)
    except ValidationError as e:
        errors = e.errors(include_url=False)
        first = errors[0]
        where = prefix + "".join(f"[{x}]" if isinstance(x, int) else f".{x}" for x in first["loc"])
        more = len(errors) - 1
        from meldcode_cli.files.schema_words import reason as said

        reason = Text("json.schema", where=where, msg=said(first))
        if more:
            raise JsonFileError(path, Joined(reason, Text("json.schema_more", n=more))) from None
        raise JsonFileError(path, reason) from None
