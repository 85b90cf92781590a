"""files/jsonio and files/safeio raise keyed errors: the key and its parameters travel, the
text is looked up when it is shown, in the language chosen then (issue 14)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from meldcode_cli.errors import Text
from meldcode_cli.files import jsonio, safeio
from meldcode_cli.i18n.messages import set_lang
from meldcode_cli.walk.casestore import CaseError

DUTCH = ("bestand", "geen", "sleutel", "schijf", "regel", "kolom", "niet")


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        (b"\xef\xbb\xbf{}", "json.bom"),
        (b'"\xff"', "json.not_utf8"),
        (b'{"a": 1, "a": 2}', "json.duplicate_key"),
        (b'{"x": NaN}', "json.number_domain"),
        (b'{"a": }', "json.syntax"),
        (b"[" * 100 + b"]" * 100, "json.too_deep"),
    ],
)
def test_parse_json_raises_a_keyed_value_error(raw: bytes, key: str) -> None:
    with pytest.raises(jsonio.JsonValueError) as info:
        jsonio.parse_json(raw)
    assert info.value.key == key
    assert isinstance(info.value, ValueError)  # callers that ask "is this JSON?" still catch it
    set_lang("en")
    english = info.value.message
    set_lang("nl")
    assert info.value.message != english  # said at the edge, in the language of that moment
    assert not any(word in english.split() for word in DUTCH), english


def test_a_broken_file_names_itself_in_either_language(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"melden": false, "melden": true}')
    with pytest.raises(jsonio.JsonFileError) as info:
        jsonio.load_json_file(path)
    error = info.value
    assert error.key == "io.os_error"
    assert error.params["path"] == path
    assert isinstance(error.params["reason"], Text)
    assert error.message.startswith(f"{path}: sleutel 'melden' komt twee keer voor")
    set_lang("en")
    assert error.message.startswith(f"{path}: key 'melden' occurs twice")


def test_off_schema_says_the_first_error_and_how_many_more(tmp_path: Path) -> None:
    from pydantic import BaseModel

    class Two(BaseModel):
        a: int
        b: int

    with pytest.raises(jsonio.JsonFileError) as info:
        jsonio.validate(Two, {}, tmp_path / "x.json")
    assert "$.a" in info.value.message
    assert info.value.message.endswith("(en 1 meer)")
    set_lang("en")
    assert info.value.message.endswith("(and 1 more)")


def test_unsafe_paths_and_write_errors_carry_keys(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    os.chmod(home, 0o777)
    with pytest.raises(safeio.UnsafePath) as info:
        safeio.check_home(home)
    assert info.value.key == "io.unsafe_home"
    set_lang("en")
    assert "chmod 700" in info.value.message
    assert "beschrijfbaar" not in info.value.message
    error = safeio.io_error(tmp_path / "f", OSError(28, "No space left on device"))
    assert error.key == "io.os_error"
    assert "the disk is full" in error.message


def test_a_short_write_says_what_happened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safeio, "_write", lambda *_: 0)
    target = tmp_path / "out.txt"
    with pytest.raises(CaseError) as info:
        safeio.atomic_write(target, b"12345")
    assert info.value.message.startswith(f"{target}: niet volledig geschreven (0 van 5 bytes)")
    assert "de schijf is vol" in info.value.message
    assert not target.exists()
