"""The table in docs/decision-record.md: verify's verdict for each meaningful edit, with a
keyring (the default when a profile exists) and without one. Each row is a test here."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from meldcode_cli.record import crypto
from meldcode_cli.record.canonical import integrity_map
from meldcode_cli.record.model import Record
from meldcode_cli.record.store import sign_envelope
from tests.hostile_helpers import copy_home, make_home, run

Edit = Callable[[Path], None]
RECORDS = Path("cases/c1/records")


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("verdict-template")
    old = os.environ.get("MELDCODE_HOME")
    os.environ["MELDCODE_HOME"] = str(base / "home")
    try:
        home = make_home(base)
        code, _, err = run(
            "sign", "c1", "--reason", "aanvulling", "--passphrase-file", str(base / "pw")
        )
        assert code == 0, err
        yield home
    finally:
        if old is None:
            del os.environ["MELDCODE_HOME"]
        else:
            os.environ["MELDCODE_HOME"] = old


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _save(path: Path, env: dict[str, Any]) -> None:
    path.write_text(json.dumps(env, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _newest(home: Path) -> Path:
    return sorted((home / RECORDS).glob("*.json"))[-1]


def flip_decision(home: Path) -> None:
    path = _newest(home)
    env = _load(path)
    env["record"]["decision"]["melden"] = not env["record"]["decision"]["melden"]
    _save(path, env)


def swap_answer(home: Path) -> None:
    path = _newest(home)
    env = _load(path)
    for step in env["record"]["steps"]:
        for item in step["items"]:
            if item["answer"] in ("ja", "nee"):
                item["answer"] = "nee" if item["answer"] == "ja" else "ja"
                _save(path, env)
                return
    raise AssertionError("no yes/no answer to swap")


def resign_with_foreign_key(home: Path) -> None:
    """The decision flipped, the integrity map and fingerprint updated, signed anew with a
    freshly generated key: everything inside the file is consistent."""
    path = _newest(home)
    env = _load(path)
    record = env["record"]
    record["decision"]["melden"] = not record["decision"]["melden"]
    pair = crypto.generate()
    record["provenance"]["key_fingerprint"] = pair.fingerprint
    record["integrity"] = integrity_map(record)
    _save(path, sign_envelope(Record.from_dict(record), pair))


def resign_chain_with_foreign_key(home: Path) -> None:
    pair = crypto.generate()
    previous = None
    for path in sorted((home / RECORDS).glob("*.json")):
        record = _load(path)["record"]
        record["provenance"]["key_fingerprint"] = pair.fingerprint
        if previous is not None:
            record["previous"] = previous
        record["integrity"] = integrity_map(record)
        from meldcode_cli.record.canonical import record_hash

        previous = {"record_id": record["record_id"], "hash": record_hash(record)}
        _save(path, sign_envelope(Record.from_dict(record), pair))


def replace_key(home: Path) -> None:
    """Another public key (and its fingerprint) put in the signature block."""
    path = _newest(home)
    env = _load(path)
    pair = crypto.generate()
    env["signature"]["public_key"] = crypto.b64(pair.public_bytes)
    env["signature"]["key_fingerprint"] = pair.fingerprint
    _save(path, env)


def downgrade_algorithm(home: Path) -> None:
    path = _newest(home)
    env = _load(path)
    env["signature"]["algorithm"] = "none"
    env["signature"]["signature"] = base64.b64encode(b"").decode()
    _save(path, env)


def remove_newest(home: Path) -> None:
    _newest(home).unlink()


def reorder_chain(home: Path) -> None:
    a, b = sorted((home / RECORDS).glob("*.json"))
    tmp = a.with_name("tmp")
    a.rename(tmp)
    b.rename(a)
    tmp.rename(b)


def replace_newest_by_older_copy(home: Path) -> None:
    """The amendment replaced by a copy of the first record, renamed: a valid file."""
    first, newest = sorted((home / RECORDS).glob("*.json"))
    newest.write_bytes(first.read_bytes())


# edit: (exit and phrase without a keyring, exit and phrase with the keyring)
TABLE: dict[str, tuple[Edit | None, tuple[int, str], tuple[int, str]]] = {
    "untouched": (None, (1, "SLEUTEL NIET GECONTROLEERD"), (0, "2 geldig")),
    "decision changed": (flip_decision, (1, "gewijzigd sinds ondertekening"), (1, "decision")),
    "answer swapped": (swap_answer, (1, "gewijzigd sinds ondertekening"), (1, "steps/")),
    "re-signed with a foreign key": (
        resign_with_foreign_key,
        (1, "SLEUTEL NIET GECONTROLEERD"),
        (1, "staat niet in de sleutelring"),
    ),
    "chain re-signed with a foreign key": (
        resign_chain_with_foreign_key,
        (1, "vervangen"),
        (1, "staat niet in de sleutelring"),
    ),
    "key replaced": (replace_key, (1, "handtekening klopt niet"), (1, "niet in de sleutelring")),
    "algorithm downgraded": (downgrade_algorithm, (1, "alleen Ed25519"), (1, "alleen Ed25519")),
    "newest record removed": (remove_newest, (1, "ontbreekt"), (1, "ontbreekt")),
    "chain reordered": (reorder_chain, (1, "volgorde gewijzigd"), (1, "volgorde gewijzigd")),
    "newest replaced by an older record": (
        replace_newest_by_older_copy,
        (1, "vervangen"),
        (1, "vervangen"),
    ),
}


@pytest.mark.parametrize("keyring", [False, True], ids=["no-keyring", "keyring"])
@pytest.mark.parametrize("edit", list(TABLE))
def test_verdict(
    template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str, keyring: bool
) -> None:
    home = copy_home(template, tmp_path / "home")
    monkeypatch.setenv("MELDCODE_HOME", str(home))
    change, without, with_ring = TABLE[edit]
    if change is not None:
        change(home)
    if not keyring:
        (home / "config/keyring.json").unlink()
    want_code, phrase = with_ring if keyring else without
    code, out, err = run("verify", str(home / RECORDS))
    assert code == want_code, out + err
    assert phrase in out + err
    if edit != "untouched":
        code, out, err = run("report", "c1")
        assert code != 0, out  # never a draft melding from an edited record


def test_default_and_explicit_keyring_agree(template: Path, tmp_path: Path) -> None:
    home = copy_home(template, tmp_path / "home")
    os.environ["MELDCODE_HOME"] = str(home)
    resign_with_foreign_key(home)
    default = run("verify", str(home / RECORDS))
    explicit = run("verify", "--keyring", str(home / RECORDS))
    assert default[0] == explicit[0] == 1
    assert default[1] == explicit[1]


def test_a_colleagues_record_verifies_with_key(template: Path, tmp_path: Path) -> None:
    home = copy_home(template, tmp_path / "home")
    os.environ["MELDCODE_HOME"] = str(home)
    code, exported, _ = run("key", "export")
    assert code == 0
    key = tmp_path / "collega.json"
    key.write_text(exported)
    (home / "config/keyring.json").unlink()  # the verifier is someone else
    code, out, _ = run("verify", "--key", str(key), str(home / RECORDS))
    assert code == 0, out
    assert "2 geldig" in out
