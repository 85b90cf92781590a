"""``meldcode validate``: load, check statically, analyse every path; collect everything.

Never stops at the first error or the first file; every diagnostic carries
file:line:col, a stable code and a hint.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meldcode_cli import errors as _errors
from meldcode_cli.errors import Text
from meldcode_cli.protocol.diagnostics import Diagnostic, message_from_json, message_to_json
from meldcode_cli.shipped import shipped_dir

if TYPE_CHECKING:
    from meldcode_cli.protocol.loading import LoadedProtocol
    from meldcode_cli.protocol.model import Protocol

__all__ = [
    "FileResult",
    "UsageError",
    "check_file",
    "check_text",
    "expand_paths",
    "shipped_protocols_dir",
]

SCENARIO_SUFFIX = ".scenarios.yaml"


# A command-line usage problem (exit 2): a path that does not exist, and so on.
UsageError = _errors.UsageError


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    protocol_id: str | None = None
    title: str | None = None
    version: str | None = None
    paths: int = 0
    decision_paths: set[str] = field(default_factory=set)
    checks_by_path: dict[str, set[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def shipped_protocols_dir() -> Path:
    """The protocols that ship with the tool."""
    return shipped_dir("protocols")


def display_path(p: Path) -> str:
    """Paths under the working directory are shown relative to it."""
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p)


def _is_protocol_file(p: Path) -> bool:
    name = p.name
    return (
        (name.endswith((".yaml", ".yml")))
        and not name.endswith(SCENARIO_SUFFIX)
        and not name.startswith(".")
    )


def expand_paths(
    paths: Iterable[str], *, want: Callable[[Path], bool] = _is_protocol_file
) -> list[Path]:
    """Files as given; folders recursively (sorted). Raises UsageError for missing paths."""
    out: list[Path] = []
    missing: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    fp = Path(root) / f
                    if want(fp):
                        found.append(fp)
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            missing.append(raw)
    if missing:
        raise UsageError("error.catalog.bestaat_niet", name=", ".join(missing))
    return out


def check_text(text: str, display: str, *, analyse_paths: bool = True) -> FileResult:
    from meldcode_cli.protocol.loading import load_protocol_text

    loaded = load_protocol_text(text, display)
    return _check_loaded(loaded.path, loaded.text, loaded, analyse_paths)


def check_file(path: Path, *, analyse_paths: bool = True) -> FileResult:
    """Check one file; an unchanged file (same bytes, name, language and tool) is answered
    from the cache (``meldcode_cli.protocol.cache``) with the result its last check gave."""
    from meldcode_cli.protocol.loading import load_protocol_file

    display = display_path(path)
    from meldcode_cli.protocol.textio import is_organisatie_file

    if is_organisatie_file(path):  # an organisation overlay (docs/organisatie.md)
        return check_organisatie(path, display)
    key = _cache_key(path) if analyse_paths else None
    if key is not None:
        cached = cached_result(key, display)
        if cached is not None:
            return cached
    loaded = load_protocol_file(path, display, cache=False)  # the check result is cached
    result = _check_loaded(loaded.path, loaded.text, loaded, analyse_paths)
    if key is not None:
        from meldcode_cli.protocol import cache

        cache.put("check", key, result_to_json(result))
    return result


def _cache_key(path: Path) -> str | None:
    """The cache key of a file's check: its bytes and name (not the language: the
    diagnostics are kept as catalogue keys and said in the language of the run)."""
    from meldcode_cli.protocol import cache

    if cache.cache_dir() is None:
        return None
    try:
        with path.open("rb") as f:
            data = f.read(MAX_CACHED_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_CACHED_BYTES:
        return None
    return cache.key_for("check", data, path.name)


MAX_CACHED_BYTES = 2 * 1024 * 1024  # yamlio.MAX_BYTES: larger files are refused (MC005)


def cached_result(key: str, display: str) -> FileResult | None:
    from meldcode_cli.protocol import cache

    payload = cache.get("check", key)
    if payload is None:
        return None
    try:
        return result_from_json(payload, display)
    except (KeyError, TypeError, ValueError):
        return None  # a foreign or older shape: rebuilt by the caller


def result_to_json(r: FileResult) -> dict[str, object]:
    """A check result as JSON data, without the displayed path (that depends on the cwd)."""
    return {
        "protocol_id": r.protocol_id,
        "title": r.title,
        "version": r.version,
        "paths": r.paths,
        "decision_paths": sorted(r.decision_paths),
        "checks_by_path": {k: sorted(v) for k, v in sorted(r.checks_by_path.items())},
        "diagnostics": [
            {
                "code": d.code,
                "message": message_to_json(d.what),
                "hint": message_to_json(d.how),
                "loc": list(d.loc),
                "offset": d.offset,
                "severity": d.severity,
                "line": d.line,
                "col": d.col,
                "related": list(d.related),
            }
            for d in r.diagnostics
        ],
    }


def result_from_json(data: dict[str, Any], display: str) -> FileResult:
    diags = []
    for d in data["diagnostics"]:
        severity = d["severity"]
        if severity not in ("error", "warning"):
            raise ValueError(severity)
        loc = tuple(x if isinstance(x, int) else str(x) for x in d["loc"])
        message = message_from_json(d["message"])
        if message is None:
            raise ValueError("message")
        diags.append(
            Diagnostic(
                str(d["code"]),
                message,
                message_from_json(d["hint"]),
                loc,
                None if d["offset"] is None else int(d["offset"]),
                severity,
                display,
                int(d["line"]),
                int(d["col"]),
                tuple(str(x) for x in d["related"]),
            )
        )
    return FileResult(
        display,
        diags,
        data["protocol_id"],
        data["title"],
        data["version"],
        int(data["paths"]),
        {str(x) for x in data["decision_paths"]},
        {str(k): {str(x) for x in v} for k, v in data["checks_by_path"].items()},
    )


def _check_loaded(
    display: str, text: str, loaded: LoadedProtocol, analyse_paths: bool
) -> FileResult:
    from meldcode_cli.protocol.compiled import compile_protocol

    result = FileResult(display, list(loaded.diagnostics))
    model = loaded.protocol
    if model is None:
        return result
    result.protocol_id = model.id
    result.title = model.title.nl
    result.version = model.version
    compiled, diags = compile_protocol(model)
    stem = Path(display).name.split(".")[0]
    if stem != model.id:
        diags = [
            Diagnostic(
                "MC216",
                Text("diag.MC216.name", name=Path(display).name, id=model.id),
                Text("diag.MC216.name.hint", id=model.id),
                ("id",),
                severity="warning",
            ),
            *diags,
        ]
    diags = diags + _partner_checks(model)
    if compiled is not None and analyse_paths:
        from meldcode_cli.protocol.analysis import analyse

        analysis = analyse(compiled)
        diags = diags + analysis.diagnostics
        result.paths = analysis.paths
        result.decision_paths = analysis.decision_paths
        result.checks_by_path = analysis.checks_by_path
    if diags:
        from meldcode_cli.protocol.yamlio import Locator

        locator = Locator(text)
        for d in diags:
            line, col = locator.locate(d.loc, offset=d.offset)
            result.diagnostics.append(d.at(display, line, col))
    result.diagnostics.sort(key=lambda d: (d.line, d.col, d.code))
    return result


def _partner_checks(model: Protocol) -> list[Diagnostic]:
    """MC511: every ``partner:`` of a contact is an id in the shipped ketenkaart (issue 17)."""
    from meldcode_cli.protocol.diagnostics import did_you_mean
    from meldcode_cli.protocol.model import GuidanceItem

    refs: list[tuple[str, tuple[str | int, ...]]] = []
    if model.acute_route is not None:
        for i, c in enumerate(model.acute_route.contacts):
            if c.partner:
                refs.append((c.partner, ("acute_route", "contacts", i, "partner")))
    for si, step in enumerate(model.steps):
        for ii, item in enumerate(step.items):
            if isinstance(item, GuidanceItem):
                for ci, c in enumerate(item.contacts):
                    if c.partner:
                        where: tuple[str | int, ...] = (
                            *("steps", si, "items", ii),
                            *("contacts", ci, "partner"),
                        )
                        refs.append((c.partner, where))
    if not refs:
        return []
    known = _partner_ids()
    out = []
    for ref, loc in refs:
        if ref in known:
            continue
        hint = did_you_mean(ref, known) or Text("diag.MC511.unknown.hint")
        out.append(Diagnostic("MC511", Text("diag.MC511.unknown", id=ref), hint, loc))
    return out


def _partner_ids() -> frozenset[str]:
    """The shipped ketenkaart's partner ids, kept in the cache (its key follows those files:
    ``cache.tool_fingerprint``), so a changed protocol does not load the ketenkaart again."""
    from meldcode_cli.protocol import cache

    key = cache.key_for("partners", b"") if cache.cache_dir() else None
    if key is not None:
        kept = cache.get("partners", key)
        if isinstance(kept, list) and all(type(i) is str for i in kept):
            return frozenset(kept)
    from meldcode_cli.chain.ketenkaart import partner_ids

    ids = partner_ids()
    if key is not None:
        cache.put("partners", key, sorted(ids))
    return ids


PARALLEL_MIN_FILES = 40


def check_organisatie(
    path: Path, display: str, protocols: dict[str, tuple[str, Any]] | None = None
) -> FileResult:
    """An organisation overlay, checked with the protocols it names (the shipped ones,
    overridden by ``protocols``): MC601-MC605 beside the schema checks."""
    from meldcode_cli.protocol.organisatie import (
        check_overlay,
        load_organisatie,
        shipped_protocols,
    )

    loaded = load_organisatie(path)
    loaded.path = display
    known = shipped_protocols()
    known.update(protocols or {})
    diags = [d.at(display, d.line, d.col) for d in loaded.diagnostics]
    result = FileResult(display, diags + check_overlay(loaded, known))
    if loaded.model is not None:
        result.title = loaded.model.name
    return result


def _check_one(path: Path) -> FileResult:
    return check_file(path)


def validate_paths(
    raw_paths: Iterable[str],
    *,
    on_result: Callable[[FileResult], None] | None = None,
    jobs: int | None = None,
) -> list[FileResult]:
    """Check every protocol file under ``raw_paths`` (default: the shipped protocols).

    Large batches use a process per core (the work is CPU-bound); results come back
    in input order. ``on_result`` is called as each file is done (progress display).
    """
    paths = list(raw_paths) or [str(shipped_protocols_dir())]
    files = expand_paths(paths)
    if not files:
        raise UsageError("error.validate.none_found", paths=", ".join(paths))
    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 8)
    results: list[FileResult] = []
    if workers > 1 and len(files) >= PARALLEL_MIN_FILES:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        chunk = max(1, len(files) // (workers * 4))
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            for r in pool.map(_check_one, files, chunksize=chunk):
                results.append(r)
                if on_result:
                    on_result(r)
    else:
        for f in files:
            r = check_file(f)
            results.append(r)
            if on_result:
                on_result(r)
    _cross_file_checks(results)
    _organisatie_with_batch(files, results)
    return results


def _organisatie_with_batch(files: list[Path], results: list[FileResult]) -> None:
    """Overlays in a batch with protocol files are checked against those protocols (so
    ``validate overlay.yaml protocol.yaml`` checks the two together)."""
    from meldcode_cli.protocol.loading import load_protocol_file
    from meldcode_cli.protocol.textio import is_organisatie_file

    overlays = [i for i, f in enumerate(files) if is_organisatie_file(f)]
    if not overlays:
        return
    batch: dict[str, tuple[str, Any]] = {}
    for f, r in zip(files, results, strict=True):
        if r.protocol_id is not None:
            loaded = load_protocol_file(f)
            if loaded.protocol is not None:
                batch[loaded.protocol.id] = (r.path, loaded.protocol)
    if batch:
        for i in overlays:
            results[i] = check_organisatie(files[i], results[i].path, batch)


def _cross_file_checks(results: list[FileResult]) -> None:
    """Checks across files: a protocol id may be used once in a batch."""
    first: dict[str, FileResult] = {}
    for r in results:
        if r.protocol_id is None:
            continue
        if r.protocol_id not in first:
            first[r.protocol_id] = r
            continue
        from meldcode_cli.protocol.yamlio import locate_in_file

        line, col = locate_in_file(Path(r.path), ("id",))
        r.diagnostics.append(
            Diagnostic(
                "MC215",
                Text("diag.MC215.twice", id=r.protocol_id, other=first[r.protocol_id].path),
                Text("diag.MC215.twice.hint"),
                ("id",),
            ).at(r.path, line, col)
        )
