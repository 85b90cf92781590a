"""A cache of work derived from protocol files, keyed by the file's content hash.

Four kinds of entries, all plain JSON (never pickle: nothing in the cache is executed):

- ``check``: the complete result of checking one file (``validate``: schema, static checks,
  path analysis, every diagnostic), so an unchanged file is not checked again;
- ``model``: the validated model of a valid protocol (``protocol/modelstate``: each model's
  class name and fields), so ``start``, ``resume``, ``show`` and ``list`` skip the YAML
  parser and pydantic's validation; only the protocol model's own classes are rebuilt from
  it, and anything else in an entry makes it ignored;
- ``help``: the rendered ``--help`` text per language and width;
- ``partners``: the partner ids of the shipped ketenkaart files (MC511), so ``validate`` of
  a changed protocol does not parse and validate those files again.

An entry is used only when its key matches: the SHA-256 of the file's exact bytes (or
text), its name where the result depends on it, the language, and a fingerprint of the tool
itself (version and the size and modification time of each of its modules, of the shipped
ketenkaart files and of pydantic and PyYAML, and the Python version, so an edited checkout
or an upgrade never reads results of older code or older data). The entry repeats its key
and the SHA-256 of its payload; an entry that does not parse, has another key or another
payload hash is ignored and rebuilt. The cache never holds case data; it lives in the user
cache folder (platformdirs), under ``$MELDCODE_HOME/cache`` when that is set (tests), and
is off with ``MELDCODE_NO_CACHE=1``. Failing to read or write it is never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "get", "key_for", "put"]

FORMAT = 1
_fingerprint: str | None = None


def cache_dir() -> Path | None:
    if os.environ.get("MELDCODE_NO_CACHE", "") not in ("", "0"):
        return None
    home = os.environ.get("MELDCODE_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    import platformdirs

    return platformdirs.user_cache_path("meldcode-cli", appauthor=False)


def tool_fingerprint() -> str:
    """The version, the size and mtime of every module of the package and of the libraries
    that shape a result, and the Python version."""
    global _fingerprint  # noqa: PLW0603 - computed once per process
    if _fingerprint is None:
        from meldcode_cli import __version__

        h = hashlib.sha256(f"{FORMAT}:{__version__}".encode())
        package = Path(__file__).resolve().parent.parent
        try:
            for folder, dirs, names in os.walk(package):
                dirs[:] = sorted(d for d in dirs if not d.startswith(("_", ".")))
                rel = os.path.relpath(folder, package)
                for name in sorted(names):
                    if name.endswith((".py", ".mo")):  # code and compiled catalogues
                        st = os.stat(os.path.join(folder, name))
                        h.update(f"{rel}/{name}:{st.st_size}:{st.st_mtime_ns};".encode())
        except OSError:
            h.update(b"unreadable")
        # the shipped ketenkaart files: MC511 in a kept ``check`` result (and the kept
        # ``partners`` ids) depend on them; in a checkout they live outside the package
        for path in _shipped_files("ketenkaart"):
            try:
                st = os.stat(path)
                h.update(f"ketenkaart/{path.name}:{st.st_size}:{st.st_mtime_ns};".encode())
            except OSError:
                h.update(f"ketenkaart/{path.name}:-;".encode())
        # the libraries whose behaviour a result depends on: an upgrade is a new key
        import importlib.util
        import sys

        h.update(sys.version.encode())
        for lib in ("pydantic", "pydantic_core", "yaml"):
            lib_stat: os.stat_result | None = None
            origin: str | None = None
            try:
                spec = importlib.util.find_spec(lib)
                origin = spec.origin if spec is not None else None
                lib_stat = os.stat(origin) if origin else None
            except (ImportError, ValueError, OSError):
                lib_stat = None
            if lib_stat is None:
                h.update(f"{lib}:-;".encode())
            else:
                h.update(f"{lib}:{origin}:{lib_stat.st_size}:{lib_stat.st_mtime_ns};".encode())
        _fingerprint = h.hexdigest()
    return _fingerprint


def _shipped_files(name: str) -> list[Path]:
    """The ``*.yaml`` files of a data folder that ships with the tool."""
    from meldcode_cli.shipped import shipped_dir

    try:
        return sorted(p for p in shipped_dir(name).iterdir() if p.suffix in (".yaml", ".yml"))
    except OSError:
        return []


def key_for(kind: str, data: bytes, *parts: str) -> str:
    h = hashlib.sha256()
    for part in (kind, tool_fingerprint(), *parts):
        h.update(part.encode("utf-8") + b"\x00")
    h.update(data)
    return h.hexdigest()


def _path(kind: str, key: str) -> Path | None:
    base = cache_dir()
    if base is None:
        return None
    return base / kind / key[:2] / f"{key}.json"


def _payload_hash(payload: Any) -> str:
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def get(kind: str, key: str) -> Any | None:
    """The payload stored under ``key``, or None (absent, unreadable, corrupt, foreign)."""
    path = _path(kind, key)
    if path is None:
        return None
    try:
        entry = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if (
        not isinstance(entry, dict)
        or entry.get("format") != FORMAT
        or entry.get("key") != key
        or "payload" not in entry
        or entry.get("sha256") != _payload_hash(entry["payload"])
    ):
        return None
    return entry["payload"]


def put(kind: str, key: str, payload: Any) -> None:
    """Store ``payload`` (JSON data) under ``key``; silently does nothing when it cannot."""
    path = _path(kind, key)
    if path is None:
        return
    try:
        body = json.dumps(
            {"format": FORMAT, "key": key, "sha256": _payload_hash(payload), "payload": payload},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
    except (TypeError, ValueError):
        return
    from meldcode_cli.files import oscompat

    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if not path.parent.is_dir():
            oscompat.make_private_dir(path.parent.parent.parent, parents=True)
            oscompat.make_private_dir(path.parent.parent)
            oscompat.make_private_dir(path.parent)
        fd = os.open(tmp, oscompat.open_flags(os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 0o600)
        try:
            os.write(fd, body)
        finally:
            os.close(fd)
        oscompat.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
