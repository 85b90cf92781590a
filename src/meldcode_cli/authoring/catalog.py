"""The shipped protocols: listing and finding by id or path (``list``, ``show``). Shows
nothing: the list is formatted by :mod:`meldcode_cli.authoring.output`, a protocol drawn
by :mod:`meldcode_cli.authoring.render`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from meldcode_cli.authoring.validate import (
    UsageError,
    display_path,
    expand_paths,
    shipped_protocols_dir,
)

if TYPE_CHECKING:
    from meldcode_cli.protocol.compiled import CompiledProtocol
    from meldcode_cli.protocol.model import LocalText

__all__ = [
    "Entry",
    "compiled_protocol",
    "find_protocol",
    "list_protocols",
]


@dataclass(frozen=True)
class Entry:
    id: str | None
    title: LocalText | None
    """In both languages: the edge (``authoring.output.format_list``) picks one."""
    version: str | None
    file: str
    valid: bool


def list_protocols(folder: Path | None = None) -> list[Entry]:
    from meldcode_cli.protocol.loading import load_protocol_file

    base = folder or shipped_protocols_dir()
    out = []
    for path in expand_paths([str(base)]):
        loaded = load_protocol_file(path)
        p = loaded.protocol
        if p is None:
            out.append(Entry(None, None, None, display_path(path), False))
        else:
            out.append(Entry(p.id, p.title, p.version, display_path(path), True))
    return out


def find_protocol(name: str) -> Path:
    """An id of a shipped protocol, or a path to a protocol file."""
    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        if not candidate.is_file():
            raise UsageError("error.catalog.bestaat_niet", name=name)
        return candidate
    # the convention (MC216): <id>.yaml; read that one file before loading them all
    named = shipped_protocols_dir() / f"{name}.yaml"
    if named.is_file() and _declares_id(named, name):
        return Path(display_path(named))
    entries = list_protocols()
    for e in entries:
        if e.id == name:
            return Path(e.file)
    known = ", ".join(sorted(e.id for e in entries if e.id)) or "-"
    raise UsageError("show.not_found", name=name, known=known)


def _declares_id(path: Path, name: str) -> bool:
    """Does the file say ``id: <name>`` at the top level (a quick look, not a parse)?"""
    import re

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, ValueError):
        return False
    pattern = rf"^id:[ \t]*(['\"]?){re.escape(name)}\1[ \t]*(#.*)?$"
    return re.search(pattern, text, flags=re.MULTILINE) is not None


def compiled_protocol(name: str, organisatie: Path | None = None) -> CompiledProtocol:
    """A protocol by id or path, compiled; a UsageError when it is not valid.

    ``organisatie``: an overlay file to apply (docs/organisatie.md)."""
    from meldcode_cli.protocol.compiled import compile_protocol
    from meldcode_cli.protocol.loading import load_protocol_file

    path = find_protocol(name)
    if organisatie is not None:
        from meldcode_cli.protocol.yamlio import read_text
        from meldcode_cli.walk.casestore import CaseError
        from meldcode_cli.walk.session import compile_text

        try:
            return compile_text(
                read_text(path), str(path), organisatie=(read_text(organisatie), str(organisatie))
            )
        except (CaseError, OSError, ValueError) as e:
            raise UsageError(str(getattr(e, "message", e))) from None
    loaded = load_protocol_file(path)
    compiled = None
    if loaded.protocol is not None:
        compiled, _ = compile_protocol(loaded.protocol)
    if compiled is None:
        raise UsageError("show.invalid", name=name, path=path)
    return compiled
