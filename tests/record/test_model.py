"""The typed record: records signed before it existed still verify, and the model keeps
every byte (file, canonical JSON, signature) of the records it reads and writes."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from meldcode_cli.record.canonical import canonical, integrity_map, record_hash
from meldcode_cli.record.model import Record
from meldcode_cli.record.profile import Keyring
from meldcode_cli.record.store import Unreadable, load_record, sign_envelope
from meldcode_cli.record.verify import Problem, verify_chain, verify_file
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
BY_MAIN = FIXTURES / "records-signed-by-main"
"""Signed with meldcode as it was at b15430d (just before the record was typed): a
huisarts who melds, one who closes, a training record and a decision with an amendment.
The key is the fixture's own; ``keyring.json`` vouches for it."""
BEFORE_CONFIRMATION = FIXTURES / "records-before-confirmation"
SIGNED = [
    *sorted(BY_MAIN.glob("*/[0-9]*.json")),
    *sorted(BEFORE_CONFIRMATION.glob("[0-9]*.json")),
]
TRAINING = [p for p in SIGNED if p.parent.name == "oefening"]


def _raw(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))["record"]


def test_the_fixtures_cover_what_was_asked() -> None:
    kinds = {(p.parent.name, p.name) for p in SIGNED}
    assert {("melden", "0001-decision.json"), ("afsluiten", "0001-decision.json")} <= kinds
    assert ("keten", "0002-amendment.json") in kinds
    assert TRAINING
    assert all(_raw(p)["provenance"]["role"] == "huisarts" for p in BY_MAIN.glob("*/0*.json"))


@pytest.mark.parametrize("path", SIGNED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_records_signed_before_the_change_still_verify(path: Path) -> None:
    result = verify_file(path)
    if path in TRAINING:
        assert result.problems == {Problem.UNSIGNED_TRAINING}
        assert result.record is not None
        assert integrity_map(result.record) == result.record.integrity
    else:
        assert result.valid, result.reasons
        assert result.record is not None
        assert result.hash == record_hash(_raw(path))


def test_the_keyring_of_the_fixtures_vouches_for_their_key() -> None:
    keyring = Keyring.model_validate_json((BY_MAIN / "keyring.json").read_text())
    for path in SIGNED:
        if path.is_relative_to(BY_MAIN) and path not in TRAINING:
            result = verify_file(path, keyring=keyring)
            assert result.valid, result.reasons
            assert result.key_checked


def test_the_chains_of_the_fixtures_are_whole() -> None:
    for folder in (BY_MAIN / "keten", BEFORE_CONFIRMATION):
        files = sorted(folder.glob("[0-9]*.json"))
        assert verify_chain([verify_file(f) for f in files], files) == []


@pytest.mark.parametrize("path", SIGNED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_record_round_trips_through_the_model_byte_for_byte(path: Path) -> None:
    raw = _raw(path)
    record = load_record(path)
    assert record.to_dict() == raw
    assert canonical(record.to_dict()) == canonical(raw)
    assert Record.from_dict(record.to_dict()) == record
    if path.is_relative_to(BY_MAIN):  # written by meldcode: the file itself, too
        envelope = json.loads(path.read_text(encoding="utf-8"))
        envelope["record"] = record.to_dict()
        text = json.dumps(envelope, ensure_ascii=False, indent=2) + "\n"
        assert text.encode() == path.read_bytes()


def test_a_record_read_is_typed() -> None:
    record = load_record(BY_MAIN / "melden" / "0001-decision.json")
    assert record.melding is not None
    assert record.melding.melden
    assert record.case == "melden"
    assert record.provenance.professional is not None
    assert record.provenance.professional.name == "Dr. Test Fixture"
    amendment = load_record(BY_MAIN / "keten" / "0002-amendment.json")
    assert amendment.previous is not None
    assert amendment.previous.hash == record_hash(_raw(BY_MAIN / "keten" / "0001-decision.json"))


def test_validation_is_strict_so_nothing_is_coerced() -> None:
    raw = _raw(BY_MAIN / "melden" / "0001-decision.json")
    for where, key, value in (
        ((), "sequence", "1"),
        ((), "training", 0),
        (("decision",), "melden", 1),
        (("steps", 0), "step", 1.0),
    ):
        bad = copy.deepcopy(raw)
        node = bad
        for k in where:
            node = node[k]
        node[key] = value
        with pytest.raises(ValidationError):
            Record.from_dict(bad)


# --- generated records ------------------------------------------------------------------

BASES = [_raw(p) for p in SIGNED]
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
answer = st.one_of(st.none(), text, st.lists(text, max_size=3))


@st.composite
def records(draw: st.DrawFn) -> Any:
    """A record: one of the fixtures with its texts and answers replaced, and the sections
    that old records lack present or absent."""
    rec = copy.deepcopy(draw(st.sampled_from(BASES)))
    rec["created_at"] = draw(text)
    rec["sequence"] = draw(st.integers(1, 2**40))
    rec["provenance"]["case"] = draw(text)
    for step in rec["steps"]:
        step["title"] = draw(text)
        for item in step["items"]:
            item["text"] = draw(text)
            item["answer"] = draw(answer)
            item["answer_text"] = draw(text)
            if draw(st.booleans()):
                item.pop("nature", None)
            item["notes"] = [
                {"text": draw(text), "provenance": "derde", "nature": "feit", "at": draw(text)}
                for _ in range(draw(st.integers(0, 2)))
            ]
    for name in ("checks", "refutations", "confirmation"):
        if draw(st.booleans()):
            rec.pop(name, None)
    if draw(st.booleans()) and isinstance(rec["decision"], dict):
        for name in ("open_met_veilig_thuis", "eerder_gemeld", "evaluatie"):
            rec["decision"].pop(name, None)
    rec["amendment_reason"] = draw(st.one_of(st.none(), text))
    rec["integrity"] = integrity_map(rec)
    return rec


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=records())
def test_model_to_canonical_json_to_model_is_identity(data: dict[str, Any]) -> None:
    record = Record.from_dict(data)
    assert record.to_dict() == data
    assert canonical(record.to_dict()) == canonical(data)
    again = Record.from_dict(json.loads(canonical(record.to_dict())))
    assert again == record
    assert again.to_dict() == data


SIGNED_BY_KEY = [p for p in SIGNED if p.is_relative_to(BY_MAIN) and p not in TRAINING]


def _string_leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [leaf for k, v in node.items() for leaf in _string_leaves(v, (*path, k))]
    if isinstance(node, list):
        return [leaf for i, v in enumerate(node) for leaf in _string_leaves(v, (*path, i))]
    return [path] if isinstance(node, str) and node else []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_changed_character_anywhere_fails_verification(
    tmp_path: Path, data: st.DataObject
) -> None:
    source = data.draw(st.sampled_from(SIGNED_BY_KEY))
    envelope = json.loads(source.read_text(encoding="utf-8"))
    leaves = _string_leaves(envelope["record"])
    where = data.draw(st.sampled_from(leaves))
    parent = envelope["record"]
    for key in where[:-1]:
        parent = parent[key]
    old = parent[where[-1]]
    i = data.draw(st.integers(0, len(old) - 1))
    new_char = data.draw(st.characters(exclude_categories=["Cs"]).filter(lambda c: c != old[i]))
    parent[where[-1]] = old[:i] + new_char + old[i + 1 :]
    path = tmp_path / "0001-decision.json"
    path.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    try:
        result = verify_file(path)
    except Unreadable:
        return  # no longer a record at all: refused too
    assert not result.valid


def test_a_flipped_byte_in_the_file_fails_verification(tmp_path: Path) -> None:
    """Every position of a signed file's record part, one bit flipped: never valid (a
    flip that only touches whitespace between tokens changes no byte that is signed)."""
    source = BY_MAIN / "afsluiten" / "0001-decision.json"
    raw = source.read_bytes()
    start, end = raw.index(b'"record"'), raw.index(b'"signature"')
    path = tmp_path / "0001-decision.json"
    checked = 0
    for pos in range(start, end, 97):
        if raw[pos : pos + 1] in b" \n":
            continue
        flipped = raw[:pos] + bytes([raw[pos] ^ 0x01]) + raw[pos + 1 :]
        path.write_bytes(flipped)
        try:
            result = verify_file(path)
        except Unreadable:
            continue
        assert not result.valid, pos
        checked += 1
    assert checked > 10


def test_a_typed_record_signs_to_the_same_bytes() -> None:
    """Signing the model signs exactly the canonical JSON of its data."""
    from meldcode_cli.record import crypto

    record = load_record(BY_MAIN / "melden" / "0001-decision.json")
    pair = crypto.generate()
    env = sign_envelope(record, pair)
    assert env["record"] == _raw(BY_MAIN / "melden" / "0001-decision.json")
    sig = crypto.unb64(env["signature"]["signature"])
    assert crypto.verify(pair.public_bytes, sig, canonical(record.to_dict()))
