"""``validate --format sarif``: SARIF 2.1.0 for code scanning (GitHub, GitLab, editors).

One run, tool ``meldcode``; a rule per diagnostic code that occurs (id = the code, the
title as short description, meaning, typical cause and fix from the docs' code tables as
help), a result per diagnostic with its file, line and column (code points, 1-based, as
``columnKind`` says) and the hint in the message. Pure: returns the text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from meldcode_cli import __version__
from meldcode_cli.i18n.messages import code_title, t

if TYPE_CHECKING:
    from meldcode_cli.authoring.validate import FileResult

__all__ = ["SARIF_SCHEMA", "format_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> tuple[str, bool]:
    """A SARIF ``uri`` for a displayed path, and whether it is relative (to the cwd)."""
    if PureWindowsPath(path).drive or PurePath(path).is_absolute():
        posix = path.replace("\\", "/")
        return ("file:///" + posix.lstrip("/")), False
    return path.replace("\\", "/"), True


def _rule(code: str) -> dict[str, Any]:
    from meldcode_cli.protocol.diagnostic_help import CODE_DOCS, CODE_HELP

    title = code_title(code)
    rule: dict[str, Any] = {"id": code, "shortDescription": {"text": title}}
    help_row = CODE_HELP.get(code)
    if help_row is not None:
        meaning, cause, fix = help_row
        rule["fullDescription"] = {"text": meaning}
        cause_text = f" Typical cause: {cause}." if cause else ""
        cause_md = f"*Typical cause*: {cause}\n\n" if cause else ""
        rule["help"] = {
            "text": f"{meaning}.{cause_text} Fix: {fix}. See {CODE_DOCS[code]}.",
            "markdown": (
                f"**{code}**: {meaning}\n\n{cause_md}*Fix*: {fix}\n\nSee `{CODE_DOCS[code]}`."
            ),
        }
    level = "warning" if code in ("MC213", "MC216", "MC307") else "error"
    rule["defaultConfiguration"] = {"level": level}
    return rule


def format_sarif(results: Sequence[FileResult]) -> str:
    codes = sorted({d.code for r in results for d in r.diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    out: list[dict[str, Any]] = []
    artifacts: dict[str, int] = {}
    for r in results:
        uri, relative = _uri(r.path)
        artifacts.setdefault(uri, len(artifacts))
        for d in r.diagnostics:
            location: dict[str, Any] = {"uri": uri, "index": artifacts[uri]}
            if relative:
                location["uriBaseId"] = "SRCROOT"
            physical: dict[str, Any] = {"artifactLocation": location}
            if d.line:
                physical["region"] = {"startLine": d.line, "startColumn": max(d.col, 1)}
            text = d.message + (f" ({t('hint')}: {d.hint})" if d.hint else "")
            result: dict[str, Any] = {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": "error" if d.severity == "error" else "warning",
                "message": {"text": text},
                "locations": [{"physicalLocation": physical}],
            }
            if d.loc_text:
                result["locations"][0]["logicalLocations"] = [
                    {"fullyQualifiedName": d.loc_text, "kind": "member"}
                ]
            out.append(result)
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "meldcode",
                        "semanticVersion": __version__,
                        "version": __version__,
                        "rules": [_rule(code) for code in codes],
                    }
                },
                "originalUriBaseIds": {"SRCROOT": {"description": {"text": "working directory"}}},
                "artifacts": [{"location": {"uri": uri}} for uri in artifacts],
                "columnKind": "unicodeCodePoints",
                "results": out,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)
