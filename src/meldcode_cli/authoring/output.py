"""Formatting results as text, JSON or GitHub annotations (pure: returns strings)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from meldcode_cli.i18n.messages import code_title, get_lang, t, tn

if TYPE_CHECKING:
    from meldcode_cli.authoring.catalog import Entry
    from meldcode_cli.authoring.validate import FileResult
    from meldcode_cli.protocol.diagnostics import Diagnostic

__all__ = [
    "format_github",
    "format_json",
    "format_list",
    "format_list_json",
    "format_text",
    "render_validate",
    "summary",
]


def _line(d: Diagnostic) -> str:
    sev = "" if d.severity == "error" else f"{t('warning')}: "
    return f"{d.where}: {d.code} {sev}{d.message}"


def format_text(results: Sequence[FileResult], *, verbose: bool = False) -> str:
    """``path:line:col: CODE message`` lines, each followed by an indented hint."""
    out: list[str] = []
    for r in results:
        for d in r.diagnostics:
            out.append(_line(d))
            if d.hint:
                out.append(f"    {t('hint')}: {d.hint}")
        if verbose and r.ok:
            out.append(
                t("validate.ok_file", path=r.path, paths=r.paths, decisions=len(r.decision_paths))
            )
    return "\n".join(out)


def summary(results: Sequence[FileResult]) -> str:
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.diagnostics) - len(r.errors) for r in results)
    ok = sum(1 for r in results if r.ok)
    return tn(
        "validate.summary",
        len(results),
        ok=ok,
        bad=len(results) - ok,
        errors=tn("count.errors", errors),
        warnings=tn("count.warnings", warnings),
    )


def format_json(results: Sequence[FileResult]) -> str:
    doc = {
        "files": [
            {
                "path": r.path,
                "valid": r.ok,
                "protocol": r.protocol_id,
                "version": r.version,
                "paths": r.paths,
                "decision_paths": sorted(r.decision_paths),
                "checks_by_path": {k: sorted(v) for k, v in sorted(r.checks_by_path.items())},
                "diagnostics": [
                    {**d.as_dict(), "title": code_title(d.code)} for d in r.diagnostics
                ],
            }
            for r in results
        ],
        "valid": all(r.ok for r in results),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _gh_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(results: Sequence[FileResult]) -> str:
    """GitHub Actions workflow commands: one ``::error``/``::warning`` per diagnostic."""
    out: list[str] = []
    for r in results:
        for d in r.diagnostics:
            level = "error" if d.severity == "error" else "warning"
            props = f"file={_gh_escape(d.path, prop=True)}"
            if d.line:
                props += f",line={d.line},col={d.col}"
            props += f",title={_gh_escape(d.code + ' ' + code_title(d.code), prop=True)}"
            message = d.message + (f" ({t('hint')}: {d.hint})" if d.hint else "")
            out.append(f"::{level} {props}::{_gh_escape(message)}")
    return "\n".join(out)


def render_validate(
    results: Sequence[FileResult], fmt: str, *, verbose: bool = False
) -> tuple[str, str]:
    """What ``validate`` prints: (stdout, stderr). Machine formats keep stdout clean and put
    the summary on stderr; ``text`` prints both on stdout."""
    if fmt == "json":
        return format_json(results), summary(results)
    if fmt == "github":
        return format_github(results), summary(results)
    if fmt == "sarif":
        from meldcode_cli.authoring.sarif import format_sarif

        return format_sarif(results), summary(results)
    body = format_text(results, verbose=verbose)
    return (body + "\n" if body else "") + summary(results), ""


def format_list(entries: list[Entry]) -> str:
    """``meldcode list``: a table of the protocols, the invalid files below it."""
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
            title = e.title.get(get_lang()) if e.title is not None else ""
            rows.append((e.id or "", e.version or "", title, e.file))
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
            {
                "id": e.id,
                "title": e.title.get(get_lang()) if e.title is not None else None,
                "version": e.version,
                "file": e.file,
                "valid": e.valid,
            }
            for e in entries
        ],
        ensure_ascii=False,
        indent=2,
    )
