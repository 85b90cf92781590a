"""The command line: exit codes, formats, language, never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from meldcode_cli import __version__
from meldcode_cli.cli.app import make_app
from meldcode_cli.cli.entry import main
from tests.conftest import PROTOCOLS, VOORBEELD


def invoke(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(make_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    text = VOORBEELD.read_text(encoding="utf-8").replace("when: kinderen\n", "when: kindren\n")
    text = text.replace("id: voorbeeld", "id: kapot", 1)
    path = tmp_path / "kapot.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_version_fast_path(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--version"])
    assert capsys.readouterr().out == f"meldcode {__version__}\n"


def test_version_option(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "--version")
    assert code == 0
    assert __version__ in out


def test_validate_shipped_ok(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "validate")
    assert code == 0, out
    assert "0 met fouten" in out


def test_validate_invalid_exit_1_with_location_and_hint(runner: CliRunner, broken: Path) -> None:
    code, out, _ = invoke(runner, "validate", str(broken))
    assert code == 1
    lines = out.splitlines()
    first = next(line for line in lines if "MC202" in line)
    assert first.startswith(f"{broken}:")
    line, col = first.split(":")[1:3]
    assert broken.read_text().splitlines()[int(line) - 1][int(col) - 1 :].startswith("kindren")
    assert "bedoelde u 'kinderen'?" in out


def test_validate_collects_all_files(runner: CliRunner, broken: Path, tmp_path: Path) -> None:
    other = tmp_path / "sub" / "other.yaml"
    other.parent.mkdir()
    other.write_text("schema_version: 1\nid: x\n", encoding="utf-8")
    good = VOORBEELD.read_text(encoding="utf-8").replace("id: voorbeeld", "id: goed", 1)
    (tmp_path / "goed.yaml").write_text(good, encoding="utf-8")
    code, out, _ = invoke(runner, "validate", str(tmp_path))
    assert code == 1
    assert str(broken) in out
    assert str(other) in out
    assert "3 bestanden gecontroleerd: 1 in orde, 2 met fouten" in out


def test_duplicate_protocol_id_across_files(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(VOORBEELD, tmp_path / "a" / "voorbeeld.yaml")
    shutil.copy(VOORBEELD, tmp_path / "b" / "voorbeeld.yaml")
    code, out, _ = invoke(runner, "validate", str(tmp_path))
    assert code == 1
    assert f"{tmp_path / 'b' / 'voorbeeld.yaml'}:5:5: MC215" in out


def test_file_name_differs_from_id_is_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copy(VOORBEELD, tmp_path / "anders.yaml")
    code, out, _ = invoke(runner, "validate", str(tmp_path / "anders.yaml"))
    assert code == 0
    assert "MC216 waarschuwing:" in out


def test_validate_missing_path_exit_2(runner: CliRunner) -> None:
    code, _, err = invoke(runner, "validate", "does/not/exist.yaml")
    assert code == 2
    assert "bestaat niet: does/not/exist.yaml" in err
    assert "Traceback" not in err


def test_validate_empty_folder_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = invoke(runner, "validate", str(tmp_path))
    assert code == 2
    assert "geen protocolbestanden" in err


def test_validate_json(runner: CliRunner, broken: Path) -> None:
    code, out, _ = invoke(runner, "validate", "--format", "json", str(broken), str(VOORBEELD))
    assert code == 1
    doc = json.loads(out)
    assert doc["valid"] is False
    files = {Path(f["path"]).name: f for f in doc["files"]}
    assert files["voorbeeld.yaml"]["valid"] is True
    assert len(files["voorbeeld.yaml"]["decision_paths"]) == 39
    diag = files["kapot.yaml"]["diagnostics"][0]
    assert diag["code"] == "MC202"
    assert diag["line"] > 0
    assert diag["column"] > 0


def test_validate_github(runner: CliRunner, broken: Path) -> None:
    code, out, _ = invoke(runner, "validate", "--format", "github", str(broken))
    assert code == 1
    assert out.startswith(f"::error file={broken},line=")
    assert ",title=MC202 " in out


def test_english(runner: CliRunner, broken: Path) -> None:
    code, out, _ = invoke(runner, "--lang", "en", "validate", str(broken))
    assert code == 1
    assert "1 file checked: 0 valid, 1 invalid" in out
    assert "hint:" in out


def test_bad_lang_is_usage_error(runner: CliRunner) -> None:
    code, _, err = invoke(runner, "--lang", "fr", "list")
    assert code == 2
    assert "--lang" in err


def test_schema_accepts_shipped_protocols_and_rejects_junk(
    runner: CliRunner, tmp_path: Path
) -> None:
    out_file = tmp_path / "schema.json"
    code, _, _ = invoke(runner, "schema", "-o", str(out_file))
    assert code == 0
    schema = json.loads(out_file.read_text())
    validator = jsonschema.Draft202012Validator(schema)
    for path in PROTOCOLS.glob("*.yaml"):
        validator.validate(yaml.safe_load(path.read_text()))
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"schema_version": 1, "id": "x"})


def test_schema_scenarios(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "schema", "--kind", "scenarios")
    assert code == 0
    assert json.loads(out)["title"] == "meldcode-cli scenarios"


def test_list_json(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "list", "--format", "json")
    assert code == 0
    ids = [e["id"] for e in json.loads(out)]
    assert "voorbeeld" in ids


@pytest.mark.parametrize(
    ("fmt", "needle"), [("text", "Stap 5 van 5"), ("mermaid", "flowchart TD"), ("dot", "digraph")]
)
def test_show_formats(runner: CliRunner, fmt: str, needle: str) -> None:
    code, out, _ = invoke(runner, "show", "voorbeeld", "--format", fmt)
    assert code == 0
    assert needle in out
    if fmt != "text":
        assert "a2" in out  # the afwegingskader branching is drawn


def test_show_role_filters(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "show", str(VOORBEELD), "--role", "wijkagent")
    assert code == 0
    # an item whose 'when' can never hold for this role (role == huisarts) is left out since
    # issue 15: --role lists what that role can meet
    assert "advies_vt_reden_niet" not in out
    assert "advies_vt_uitkomst" in out  # reachable for the wijkagent, shown with its condition
    code, out, _ = invoke(runner, "show", str(VOORBEELD), "--role", "huisarts")
    assert "advies_vt_reden_niet" in out


def test_show_unknown_protocol(runner: CliRunner) -> None:
    code, _, err = invoke(runner, "show", "voorbeel")
    assert code == 2
    assert "voorbeeld" in err


def test_test_command_passes_with_full_coverage(runner: CliRunner) -> None:
    code, out, _ = invoke(runner, "test", "--require-full-coverage")
    assert code == 0, out
    assert "voorbeeld: 39 van 39 beslispaden gedekt" in out
    assert out.rstrip().splitlines()[-1].endswith("0 failed")


def test_test_command_reports_uncovered_paths(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copy(VOORBEELD, tmp_path / "voorbeeld.yaml")
    (tmp_path / "een.scenarios.yaml").write_text(
        "protocol: voorbeeld.yaml\n"
        "scenarios:\n"
        "  - name: geen vermoeden\n"
        "    role: huisarts\n"
        "    answers: {signalen: [], signalen_feiten: x, kinderen: nee, advies_vt: ja,\n"
        "              advies_vt_uitkomst: x, gesprek: uitzondering, weging: x, afweging_1: nee}\n"
        "    expect: {path: N----, decision: {afsluiten: true}}\n",
        encoding="utf-8",
    )
    code, out, _ = invoke(runner, "test", str(tmp_path))
    assert code == 0
    assert "1 van 39 beslispaden gedekt" in out
    assert "niet gedekt: wijkagent:JNJJ?" in out
    code, _, _ = invoke(runner, "test", "--require-full-coverage", str(tmp_path))
    assert code == 1


def test_test_command_failure_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "fout.scenarios.yaml").write_text(
        "protocol: voorbeeld\n"
        "scenarios:\n"
        "  - name: verkeerde verwachting\n"
        "    role: huisarts\n"
        "    answers: {signalen: [], signalen_feiten: x, kinderen: nee, advies_vt: ja,\n"
        "              advies_vt_uitkomst: x, gesprek: uitzondering, weging: x, afweging_1: nee,\n"
        "              kinderen_aantl: '3'}\n"
        "    expect: {decision: {melden: true}}\n",
        encoding="utf-8",
    )
    code, out, _ = invoke(runner, "test", str(tmp_path))
    assert code == 1
    assert "beslissing melden: verwacht ja, kreeg nee" in out
    assert "onbekend item 'kinderen_aantl'; bedoelde u 'kinderen_aantal'?" in out
    assert "0 passed, 1 failed" in out


def test_scenario_file_schema_errors_have_locations(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "kapot.scenarios.yaml").write_text(
        "protocol: voorbeeld\nscenarios:\n  - name: x\n    rol: huisarts\n", encoding="utf-8"
    )
    code, out, _ = invoke(runner, "test", str(tmp_path))
    assert code == 1
    assert "kapot.scenarios.yaml:4:5: MC102" in out


def test_internal_error_is_reported_without_traceback(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from meldcode_cli.authoring import validate as checker

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(checker, "validate_paths", boom)
    code, _, err = invoke(runner, "validate")
    assert code == 3
    assert "Interne fout" in err
    assert "Traceback" not in err


def test_test_command_fails_when_the_protocol_fails_the_path_analysis(
    runner: CliRunner, tmp_path: Path
) -> None:
    from tests.conftest import minimal
    from tests.protocol.test_analysis import TRIGGER_VIA_AFWEGING

    (tmp_path / "mini.yaml").write_text(minimal(step5=TRIGGER_VIA_AFWEGING), encoding="utf-8")
    (tmp_path / "mini.scenarios.yaml").write_text(
        "protocol: mini.yaml\nscenarios:\n  - name: x\n    role: huisarts\n    answers: {}\n",
        encoding="utf-8",
    )
    code, out, _ = invoke(runner, "test", "--require-full-coverage", str(tmp_path))
    assert code == 1
    assert "faalt de padanalyse (MC306" in out


def test_top_level_help_lists_every_command_without_building_them() -> None:
    import typer

    from meldcode_cli.cli.app import LazyGroup

    group = typer.main.get_command(make_app())
    assert isinstance(group, LazyGroup)
    ctx = group.make_context("meldcode", ["list"], resilient_parsing=True)
    text = group.get_help(ctx)
    for name in (
        "validate",
        "start",
        "resume",
        "sign",
        "verify",
        "report",
        "train",
        "key",
        "casus",
    ):
        assert f"  {name} " in text
    assert "Uw sleutel: exporteren of vervangen." in text  # a group's help, too
    assert group.commands == {}  # nothing was built for the help
    assert group.get_command(ctx, "list") is not None
    assert list(group.commands) == ["list"]
