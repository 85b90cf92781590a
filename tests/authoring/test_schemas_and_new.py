"""Editor support and scaffolding: draft-07 schemas with stable ids, modelines, ``new``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from meldcode_cli.authoring.schema import schema_dict, schema_id
from meldcode_cli.authoring.validate import check_file
from meldcode_cli.cli.app import make_app
from tests.conftest import PROTOCOLS, ROOT

SCHEMAS = ROOT / "schemas"
KINDS = ("protocol", "scenarios", "record", "organisatie")


def shipped_yaml() -> list[Path]:
    return sorted(PROTOCOLS.glob("*.yaml")) + sorted((PROTOCOLS / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("draft", "suffix"), [("2020-12", ""), ("07", ".draft-07")])
def test_checked_in_schemas_are_what_the_tool_exports(kind: str, draft: str, suffix: str) -> None:
    on_disk = json.loads((SCHEMAS / f"{kind}{suffix}.schema.json").read_text("utf-8"))
    assert on_disk == schema_dict(kind, draft), "regenerate with: meldcode schema --kind ..."


@pytest.mark.parametrize("kind", KINDS)
def test_draft_07_is_a_valid_draft_07_schema_with_a_stable_id(kind: str) -> None:
    schema = schema_dict(kind, "07")
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] == f"https://meldcode-cli.invalid/schema/draft-07/{kind}-v1.json"
    assert schema_id(kind) == f"https://meldcode-cli.invalid/schema/{kind}-v1.json"
    text = json.dumps(schema)
    assert "$defs" not in text
    assert "discriminator" not in text


def test_draft_07_accepts_the_shipped_files_and_rejects_a_typo() -> None:
    proto = jsonschema.Draft7Validator(schema_dict("protocol", "07"))
    scen = jsonschema.Draft7Validator(schema_dict("scenarios", "07"))
    for path in shipped_yaml():
        doc = yaml.safe_load(path.read_text("utf-8"))
        validator = scen if path.parent.name == "scenarios" else proto
        assert not list(validator.iter_errors(doc)), path
    doc = yaml.safe_load((PROTOCOLS / "voorbeeld.yaml").read_text("utf-8"))
    doc["steps"][0]["items"][0]["wen"] = "x"
    assert list(proto.iter_errors(doc))


def test_every_shipped_file_starts_with_a_modeline_that_resolves() -> None:
    for path in shipped_yaml():
        first = path.read_text("utf-8").splitlines()[0]
        m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert m, f"{path}: first line {first!r}"
        target = (path.parent / m.group(1)).resolve()
        assert target.is_file(), target
        kind = "scenarios" if path.parent.name == "scenarios" else "protocol"
        assert target.name == f"{kind}.draft-07.schema.json"


def shared_ids() -> set[str]:
    text = (ROOT / "docs" / "protocol-conventions.md").read_text("utf-8")
    return set(re.findall(r"^\| `([a-z_0-9]+)` \*\(all\)\*", text, flags=re.M))


def test_new_writes_a_valid_protocol_with_every_shared_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(make_app(), ["new", "stalking", "--title", "Stalking: een titel"])
    assert result.exit_code == 0, result.output
    path = tmp_path / "stalking.yaml"
    checked = check_file(path)
    assert checked.diagnostics == []
    assert checked.protocol_id == "stalking"
    assert checked.title == "Stalking: een titel"
    assert checked.decision_paths  # the afwegingskader is reached
    text = path.read_text("utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=protocol.schema.json"
    schema = json.loads((tmp_path / "protocol.schema.json").read_text("utf-8"))
    assert schema == schema_dict("protocol", "07")
    assert not list(jsonschema.Draft7Validator(schema).iter_errors(yaml.safe_load(text)))
    ids = set(re.findall(r"^\s+- id: ([a-z_0-9]+)$", text, flags=re.M))
    missing = shared_ids() - ids
    assert len(shared_ids()) > 30
    assert not missing


def test_new_never_overwrites_and_refuses_a_bad_id(tmp_path: Path) -> None:
    target = tmp_path / "eigen.yaml"
    target.write_text("van mij\n")
    runner = CliRunner()
    result = runner.invoke(make_app(), ["new", "eigen", "-o", str(target)])
    assert result.exit_code == 2
    assert "bestaat al" in result.stderr
    assert target.read_text() == "van mij\n"
    result = runner.invoke(make_app(), ["new", "Eigen_Protocol", "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert "kleine letters" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_new_with_a_schema_url_writes_no_schema(tmp_path: Path) -> None:
    url = "https://example.org/protocol.schema.json"
    out = tmp_path / "a.yaml"
    result = CliRunner().invoke(make_app(), ["new", "a", "-o", str(out), "--schema", url])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").startswith(f"# yaml-language-server: $schema={url}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_new_in_english(tmp_path: Path) -> None:
    out = tmp_path / "b.yaml"
    result = CliRunner().invoke(make_app(), ["--lang", "en", "new", "b", "-o", str(out)])
    assert result.exit_code == 0
    assert "Written:" in result.stderr
