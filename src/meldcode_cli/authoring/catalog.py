"""The shipped protocols: listing, finding by id or path, rendering (``list``, ``show``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from meldcode_cli.authoring.validate import (
    UsageError,
    display_path,
    expand_paths,
    shipped_protocols_dir,
)
from meldcode_cli.i18n.messages import get_lang, t

if TYPE_CHECKING:
    from meldcode_cli.protocol.compiled import CompiledProtocol

__all__ = [
    "Entry",
    "find_protocol",
    "format_list",
    "format_list_json",
    "list_protocols",
    "render_protocol",
]


@dataclass(frozen=True)
class Entry:
    id: str | None
    title: str | None
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
            out.append(Entry(p.id, p.title.get(get_lang()), p.version, display_path(path), True))
    return out


def format_list(entries: list[Entry]) -> str:
    rows = [
        (
            t("list.header.id"),
            t("list.header.version"),
            t("list.header.title"),
            t("list.header.file"),
        )
    ]
    notes = []
    for e in entries:
        if e.valid:
            rows.append((e.id or "", e.version or "", e.title or "", e.file))
        else:
            notes.append(t("list.invalid", path=e.file))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [
        f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}".rstrip()
        for r in rows
    ]
    return "\n".join(lines + notes)


def format_list_json(entries: list[Entry]) -> str:
    return json.dumps(
        [
            {"id": e.id, "title": e.title, "version": e.version, "file": e.file, "valid": e.valid}
            for e in entries
        ],
        ensure_ascii=False,
        indent=2,
    )


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
    raise UsageError(t("show.not_found", name=name, known=known))


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
        raise UsageError(t("show.invalid", name=name, path=path))
    return compiled


def render_protocol(
    name: str, fmt: str = "text", role: str | None = None, organisatie: Path | None = None
) -> str:
    from meldcode_cli.authoring import render
    from meldcode_cli.protocol.organisatie import find_overlay
    from meldcode_cli.walk.casestore import CaseError

    try:
        overlay = find_overlay(organisatie)
    except CaseError as e:
        raise UsageError(e.message) from None
    compiled = compiled_protocol(name, overlay)
    if role is not None and role not in compiled.roles:
        raise UsageError(
            "error.catalog.hoort_niet_bij",
            role=role,
            id=compiled.id,
            join_compiled_roles=", ".join(compiled.roles),
        )
    lang = get_lang()
    if fmt == "mermaid":
        return render.mermaid(compiled, lang=lang, role=role)
    if fmt == "dot":
        return render.dot(compiled, lang=lang, role=role)
    return render.tree(compiled, lang=lang, role=role)
