"""init, key export/rotate, sign, verify through the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meldcode_cli.cli.app import make_app
from tests.conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "casus-partnergeweld.yaml")


def secret(path: Path, text: str) -> Path:
    path.write_text(text + "\n", encoding="utf-8")
    os.chmod(path, 0o600)
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(make_app(), list(args))
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
    records = home / "cases" / "c1" / "records"
    code, out, _ = run("verify", str(records))
    assert code == 0, out
    assert "1 record: 1 geldig" in out
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
    code, out, _ = run("verify", str(home / "cases" / "c3" / "records"))
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
    code, out, _ = run("verify", str(home / "cases" / "c4" / "records"))
    assert code == 0, out
    assert "2 records: 2 geldig" in out


def test_record_schema_export() -> None:
    code, out, _ = run("schema", "--kind", "record")
    assert code == 0
    assert json.loads(out)["title"] == "meldcode-cli decision record"


# --- issue 14e: what verify says, in the chosen language -----------------------------------

BY_MAIN = ROOT / "tests" / "fixtures" / "records-signed-by-main"


@pytest.fixture
def verify_cases(home: Path) -> dict[str, Path]:
    """A signed record, a tampered copy, a training record, a record whose signature block
    was taken away, another profile's public key and a key file that is damaged."""
    pw = secret(home / "pw", "een lange wachtzin")
    code, _, err = run(
        "init", "--name", "Dr. A. Jansen", "--role", "huisarts", "--organisation", "Oost",
        "--passphrase-file", str(pw),
    )  # fmt: skip
    assert code == 0, err
    for label, extra in (("c1", ["--passphrase-file", str(pw), "--yes"]), ("c2", ["--no-sign"])):
        code, _, err = run("start", "partnergeweld", "--answers", EXAMPLE, "--case", label, *extra)
        assert code == 0, err
    signed = home / "cases" / "c1" / "records" / "0001-decision.json"
    data = json.loads(signed.read_text("utf-8"))
    data["record"]["decision"]["melden"] = not data["record"]["decision"]["melden"]
    tampered = home / "tampered.json"
    tampered.write_text(json.dumps(data), encoding="utf-8")
    data = json.loads(signed.read_text("utf-8"))
    data["signature"] = None
    unsigned = home / "unsigned.json"
    unsigned.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run("key", "export")
    assert code == 0
    own_key = home / "own-key.json"
    own_key.write_text(out, encoding="utf-8")
    return {
        "signed": signed,
        "tampered": tampered,
        "training": home / "cases" / "c2" / "records" / "0001-decision.json",
        "unsigned": unsigned,
        "own_key": own_key,
        "pw": pw,
    }


def test_verify_reasons_under_lang_en_have_no_dutch(verify_cases: dict[str, Path]) -> None:
    from tests.cli.test_errors import dutch_words

    c = verify_cases
    by_main = str(BY_MAIN / "melden" / "0001-decision.json")  # signed by another key
    runs = {
        "tampered": (["verify", str(c["tampered"])], "changed since signing: decision"),
        "training": (["verify", str(c["training"])], "not signed (TRAINING)"),
        "unsigned": (["verify", str(c["unsigned"])], "not signed"),
        "wrong key": (["verify", "--key", str(c["own_key"]), by_main], "other than --key"),
        "not in keyring": (["verify", "--keyring", by_main], "is not in the keyring"),
    }
    for name, (args, expected) in runs.items():
        code, out, err = run("--lang", "en", *args)
        assert code == 1, (name, out, err)
        assert expected in out, (name, out)
        assert dutch_words(out + err) == set(), (name, out + err)


def test_verify_reasons_stay_dutch_by_default(verify_cases: dict[str, Path]) -> None:
    c = verify_cases
    code, out, _ = run("verify", str(c["tampered"]))
    assert code == 1
    assert "handtekening klopt niet: gewijzigd sinds ondertekening: decision" in out
    code, out, _ = run("verify", str(c["training"]))
    assert "niet ondertekend (OEFENING)" in out
    code, out, _ = run("verify", "--key", str(c["own_key"]), str(BY_MAIN / "melden"))
    assert code == 1
    assert "ondertekend met een andere sleutel dan --key" in out


def test_key_and_keyfile_problems_under_lang_en_have_no_dutch(
    verify_cases: dict[str, Path], home: Path
) -> None:
    """A --key that is no Ed25519 key, no records at all, and a damaged key file when signing:
    catalogue texts (issue 14e: no Dutch ValueError text from record/crypto or signing).
    The key file is read when the key is unlocked (here by ``key rotate``)."""
    from tests.cli.test_errors import dutch_words

    c = verify_cases
    not_ed = home / "not-ed.json"
    not_ed.write_text(json.dumps({"algorithm": "RSA", "public_key": "AAAA"}), encoding="utf-8")
    short = home / "short.json"
    short.write_text(json.dumps({"public_key": "AAAA"}), encoding="utf-8")
    empty = home / "empty"
    empty.mkdir()
    for args, expected in (
        (["verify", "--key", str(not_ed), str(c["signed"])], "not an Ed25519 key"),
        (["verify", "--key", str(short), str(c["signed"])], "not an Ed25519 key (length)"),
        (["verify", str(empty)], "no record files found in"),
    ):
        code, out, err = run("--lang", "en", *args)
        assert code == 2, (args, out, err)
        assert expected in err, (args, err)
        assert dutch_words(out + err) == set(), (args, err)
    key = home / "config" / "keys" / "current.key"
    data = json.loads(key.read_text("utf-8"))
    data["kdf"]["n"] = 3  # not a power of two: not a key file this tool wrote
    key.write_text(json.dumps(data), encoding="utf-8")
    pw = str(c["pw"])
    args = ["key", "rotate", "--passphrase-file", pw, "--new-passphrase-file", pw]
    code, out, err = run("--lang", "en", *args)
    assert code == 2, (out, err)
    assert "key file damaged: unknown scrypt parameters" in err
    assert dutch_words(err) == set(), err
    from meldcode_cli.i18n.messages import set_lang

    set_lang(None)  # the default again (one process runs both commands here)
    code, _, err = run(*args)
    assert "sleutelbestand beschadigd: onbekende scrypt-parameters" in err
