"""init, key export/rotate, sign, verify through the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app as build_app

from .conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "casus-partnergeweld.yaml")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MELDCODE_HOME", str(tmp_path / "home"))
    return tmp_path


def secret(path: Path, text: str) -> Path:
    path.write_text(text + "\n", encoding="utf-8")
    os.chmod(path, 0o600)
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(build_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def test_init_walk_sign_verify_rotate(home: Path) -> None:
    pw = secret(home / "pw", "een lange wachtzin")
    code, out, err = run(
        "init",
        "--name",
        "Dr. A. Jansen",
        "--role",
        "huisarts",
        "--organisation",
        "Praktijk Oost",
        "--passphrase-file",
        str(pw),
    )
    assert code == 0, err
    assert "SHA256:" in out
    code, out, err = run(
        "start", "partnergeweld", "--answers", EXAMPLE, "--case", "c1", "--passphrase-file",
        str(pw), "--yes",
    )  # fmt: skip
    assert code == 0, err
    assert "Ondertekend (decision)" in out
    assert "U ondertekent nu het beslisrecord van casus c1:" in out
    assert "Bevestigd met --yes" in out
    records = home / "home" / "cases" / "c1" / "records"
    code, out, _ = run("verify", str(records))
    assert code == 0, out
    assert "1 record(s): 1 geldig" in out
    code, out, _ = run("key", "export")
    key = home / "key.json"
    key.write_text(out)
    code, out, _ = run(
        "key", "rotate", "--passphrase-file", str(pw), "--new-passphrase-file", str(pw)
    )
    assert code == 0, out
    code, out, _ = run("verify", "--keyring", str(records))
    assert code == 0, out
    code, out, _ = run("verify", "--key", str(key), str(records))
    assert code == 0, out
    # tamper with the record: exit 1 and the reason
    rec = next(records.iterdir())
    data = json.loads(rec.read_text())
    data["record"]["decision"]["melden"] = True
    rec.write_text(json.dumps(data))
    code, out, _ = run("verify", str(rec))
    assert code == 1
    assert "gewijzigd sinds ondertekening: decision" in out


def test_no_profile_explains_init(home: Path) -> None:
    code, out, _ = run("start", "partnergeweld", "--answers", EXAMPLE, "--case", "c2")
    assert code == 0
    assert "meldcode init" in out
    assert "meldcode sign c2" in out


def test_no_sign_writes_a_training_record(home: Path) -> None:
    code, out, _ = run("start", "partnergeweld", "--answers", EXAMPLE, "--case", "c3", "--no-sign")
    assert code == 0
    assert "OEFENING" in out
    code, out, _ = run("verify", str(home / "home" / "cases" / "c3" / "records"))
    assert code == 1
    assert "niet ondertekend (OEFENING)" in out


def test_verify_unreadable_input_is_exit_2(home: Path) -> None:
    junk = home / "junk.json"
    junk.write_text("{not json")
    code, _, err = run("verify", str(junk))
    assert code == 2
    assert "geen geldige JSON" in err
    code, _, err = run("verify", str(home / "missing.json"))
    assert code == 2


@pytest.mark.posix_only
def test_passphrase_file_must_be_private(home: Path) -> None:
    pw = home / "open"
    pw.write_text("een lange wachtzin")
    os.chmod(pw, 0o644)
    code, _, err = run(
        "init",
        "--name",
        "X",
        "--role",
        "huisarts",
        "--organisation",
        "Y",
        "--passphrase-file",
        str(pw),
    )
    assert code == 2
    assert "chmod 600" in err


def test_sign_later_and_amend(home: Path) -> None:
    pw = secret(home / "pw", "een lange wachtzin")
    run(
        "init",
        "--name",
        "A",
        "--role",
        "huisarts",
        "--organisation",
        "B",
        "--passphrase-file",
        str(pw),
    )
    run("start", "partnergeweld", "--answers", EXAMPLE, "--case", "c4", "--no-save")
    code, out, err = run(
        "start", "partnergeweld", "--answers", EXAMPLE, "--case", "c4", "--passphrase-file",
        str(pw), "--yes",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run("sign", "c4", "--passphrase-file", str(pw), "--yes")
    assert code == 2
    assert "reden" in err
    code, out, err = run("sign", "c4", "--passphrase-file", str(pw), "--reason", "Aanvulling.")
    assert code == 2  # no terminal and no --yes: nothing signed
    assert "--yes" in err
    code, out, err = run(
        "sign", "c4", "--passphrase-file", str(pw), "--reason", "Aanvulling in stap 2.", "--yes"
    )
    assert code == 0, err
    assert "Ondertekend (amendment)" in out
    code, out, _ = run("verify", str(home / "home" / "cases" / "c4" / "records"))
    assert code == 0, out
    assert "2 record(s): 2 geldig" in out


def test_record_schema_export() -> None:
    code, out, _ = run("schema", "--kind", "record")
    assert code == 0
    assert json.loads(out)["title"] == "meldcode-cli decision record"
