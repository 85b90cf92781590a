"""``validate --format sarif``: valid SARIF 2.1.0, rules from the codes, exact locations."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from meldcode_cli.authoring.sarif import format_sarif
from meldcode_cli.authoring.validate import FileResult
from meldcode_cli.cli.app import make_app
from meldcode_cli.protocol.diagnostic_help import CODE_HELP
from meldcode_cli.protocol.diagnostics import CODES, Diagnostic
from tests.conftest import PROTOCOLS, ROOT

SCHEMA = json.loads(
    (ROOT / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8")
)
INVALID = ROOT / "tests" / "fixtures" / "invalid"


def sarif_of(*args: str) -> tuple[int, dict[str, Any], str]:
    result = CliRunner().invoke(make_app(), ["validate", "--format", "sarif", *args])
    return result.exit_code, json.loads(result.stdout), result.stderr


def check_schema(doc: dict[str, Any]) -> None:
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(doc), key=str)
    assert not errors, "\n".join(e.message for e in errors[:5])


def test_invalid_corpus_is_valid_sarif(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, doc, err = sarif_of(str(INVALID.relative_to(ROOT)))
    assert code == 1
    assert "met fouten" in err  # the summary goes to stderr, the SARIF alone to stdout
    check_schema(doc)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert results
    ids = [r["id"] for r in rules]
    assert ids == sorted({r["ruleId"] for r in results})
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
        assert region["startColumn"] >= 1
    for rule in rules:
        assert rule["help"]["text"], rule["id"]


def test_locations_match_the_text_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    target = str(INVALID.relative_to(ROOT))
    text = CliRunner().invoke(make_app(), ["validate", target]).stdout
    expected = set()
    for line in text.splitlines():
        m = re.match(r"^(\S+):(\d+):(\d+): (MC\d{3}) ", line)
        if m:
            expected.add((m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)))
    _, doc, _ = sarif_of(target)
    got = set()
    for r in doc["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]
        region = loc.get("region")
        if region:
            got.add(
                (
                    loc["artifactLocation"]["uri"],
                    region["startLine"],
                    region["startColumn"],
                    r["ruleId"],
                )
            )
    assert expected
    assert got == expected


def test_clean_protocols_give_an_empty_valid_run() -> None:
    code, doc, _ = sarif_of(str(PROTOCOLS))
    assert code == 0
    check_schema(doc)
    assert doc["runs"][0]["results"] == []
    assert doc["runs"][0]["tool"]["driver"]["rules"] == []


def test_absolute_and_windows_paths_become_file_uris() -> None:
    results = [
        FileResult(
            path,
            [Diagnostic("MC102", "onbekend veld 'wen'", "bedoelde u 'when'?").at(path, 3, 5)],
        )
        for path in ("/srv/protocols/a.yaml", "C:\\protocollen\\b.yaml", "rel\\c.yaml")
    ]
    doc = json.loads(format_sarif(results))
    check_schema(doc)
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"] for r in doc["runs"][0]["results"]
    ]
    assert uris[0]["uri"] == "file:///srv/protocols/a.yaml"
    assert uris[1]["uri"] == "file:///C:/protocollen/b.yaml"
    assert uris[2] == {"uri": "rel/c.yaml", "index": 2, "uriBaseId": "SRCROOT"}
    assert "bedoelde u 'when'?" in doc["runs"][0]["results"][0]["message"]["text"]


def test_every_code_has_help_equal_to_the_docs_tables() -> None:
    rows: dict[str, tuple[str, str, str]] = {}
    for doc in (
        "docs/protocol-format.md",
        "docs/trainer.md",
        "docs/ketenkaart.md",
        "docs/organisatie.md",
    ):
        for line in (ROOT / doc).read_text("utf-8").splitlines():
            m = re.match(r"\| (MC\d{3}) \| (.*?) \| (.*?) \| (.*?) \|\s*$", line)
            if m:
                rows[m.group(1)] = (m.group(2), m.group(3), m.group(4))
                continue
            m = re.match(r"\| (MC\d{3}) \| (.*?) \| (.*?) \|\s*$", line)
            if m:  # a table without a cause column
                rows[m.group(1)] = (m.group(2), "", m.group(3))
    assert set(CODE_HELP) == set(CODES)
    assert rows == CODE_HELP
