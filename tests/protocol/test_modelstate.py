"""A cached protocol model is rebuilt exactly, from our own classes and JSON values only."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from meldcode_cli.protocol import cache, loading, modelstate, yamlio
from meldcode_cli.protocol import model as p
from meldcode_cli.protocol.compiled import compile_protocol
from tests.conftest import PROTOCOLS, ROOT

VALID = sorted(PROTOCOLS.glob("*.yaml")) + sorted(
    (ROOT / "tests" / "fixtures" / "protocols-1.2.0").glob("*.yaml")
)


def validated(path: Path) -> p.Protocol:
    loaded = loading.load_protocol_text(path.read_text("utf-8"), path.name, cache=False)
    assert loaded.protocol is not None, loaded.diagnostics
    return loaded.protocol


def fields_sets(model: Any) -> list[tuple[str, frozenset[str]]]:
    """Every model's class and fields set, depth first: what ``==`` does not compare."""
    out: list[tuple[str, frozenset[str]]] = []

    def walk(o: Any) -> None:
        if isinstance(o, BaseModel):
            out.append((type(o).__name__, frozenset(o.model_fields_set)))
            for v in o.__dict__.values():
                walk(v)
        elif isinstance(o, list | tuple):
            for v in o:
                walk(v)
        elif isinstance(o, dict):
            for v in o.values():
                walk(v)

    walk(model)
    return out


@pytest.mark.parametrize("path", VALID, ids=lambda q: q.name)
def test_every_valid_protocol_is_rebuilt_exactly(path: Path) -> None:
    model = validated(path)
    data = json.loads(json.dumps(modelstate.dump(model)))  # as the cache file gives it back
    again = modelstate.load(data)
    assert again == model
    assert fields_sets(again) == fields_sets(model)
    assert again.model_dump(mode="json") == model.model_dump(mode="json")
    assert modelstate.dump(again) == data
    # and the walk's view of it is the same
    assert compile_protocol(again)[0] == compile_protocol(model)[0]


def test_a_cached_load_neither_parses_nor_validates(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (PROTOCOLS / "kindermishandeling.yaml").read_text("utf-8")
    first = loading.load_protocol_text(text, "k.yaml")
    assert first.protocol is not None

    def boom(*_a: object, **_k: object) -> None:
        raise AssertionError("parsed or validated again")

    monkeypatch.setattr(yamlio, "load_yaml_text", boom)
    monkeypatch.setattr(p.Protocol, "model_validate", boom)
    second = loading.load_protocol_text(text, "k.yaml")
    assert second.protocol == first.protocol
    assert second.protocol is not first.protocol
    assert second.diagnostics == []


def _dump_of(name: str) -> Any:
    return json.loads(json.dumps(modelstate.dump(validated(PROTOCOLS / name))))


def _first_model(data: Any, cls: str | None = None) -> dict[str, Any]:
    """The first (depth first) model dump below the top, of class ``cls`` if given."""
    stack = [data["fields"]]
    while stack:
        o = stack.pop(0)
        if isinstance(o, dict):
            if modelstate.MARK in o and (cls is None or o[modelstate.MARK] == cls):
                return o
            stack.extend(o.values())
        elif isinstance(o, list):
            stack.extend(o)
    raise AssertionError("no such model")


def _unknown_class(d: Any) -> None:
    _first_model(d)[modelstate.MARK] = "Popen"


def _a_field_more(d: Any) -> None:
    _first_model(d)["fields"]["exec"] = "x"


def _a_field_less(d: Any) -> None:
    fields = _first_model(d)["fields"]
    fields.pop(next(iter(fields)))


def _an_unknown_field_set(d: Any) -> None:
    _first_model(d)["set"].append("exec")


def _a_key_more(d: Any) -> None:
    _first_model(d)["extra"] = {}


def _fields_not_a_mapping(d: Any) -> None:
    _first_model(d)["fields"] = []


def _top_not_a_protocol(d: Any) -> None:
    d.update(_first_model(d))


def _a_builtin_class_name(d: Any) -> None:
    d[modelstate.MARK] = "BaseModel"


@pytest.mark.parametrize(
    "damage",
    [
        _unknown_class,
        _a_field_more,
        _a_field_less,
        _an_unknown_field_set,
        _a_key_more,
        _fields_not_a_mapping,
        _top_not_a_protocol,
        _a_builtin_class_name,
    ],
)
def test_anything_but_a_dump_is_refused(damage: Any) -> None:
    data = _dump_of("voorbeeld.yaml")
    damage(data)
    with pytest.raises(modelstate.Malformed):
        modelstate.load(data)


@pytest.mark.parametrize("bad", [None, 1, "x", [], {}, {"__model__": "Protocol"}])
def test_no_dump_at_all_is_refused(bad: Any) -> None:
    with pytest.raises(modelstate.Malformed):
        modelstate.load(bad)


def test_a_forged_entry_is_ignored_and_the_file_loaded() -> None:
    # an entry in the cache's own form (key and payload hash right) that is not a protocol
    # this tool wrote: the file is loaded as if there were no cache, and the entry rewritten
    text = (PROTOCOLS / "voorbeeld.yaml").read_text("utf-8")
    key = cache.key_for("model", text.encode("utf-8"))
    forged = _dump_of("voorbeeld.yaml")
    _unknown_class(forged)
    cache.put("model", key, forged)
    loaded = loading.load_protocol_text(text, "v.yaml")
    assert loaded.protocol == validated(PROTOCOLS / "voorbeeld.yaml")
    assert cache.get("model", key) == _dump_of("voorbeeld.yaml")


def test_what_the_form_does_not_keep_is_not_kept() -> None:
    model = validated(PROTOCOLS / "voorbeeld.yaml")
    for changed in (
        model.model_copy(update={"version": dt.date(2026, 1, 1)}),  # a date
        model.model_copy(update={"version": ("1", "0")}),  # a tuple
        model.model_copy(update={"version": float("nan")}),  # JSON has no NaN
        model.model_copy(update={"version": {modelstate.MARK: "Protocol"}}),  # the marker
        model.model_copy(update={"version": {1: "x"}}),  # a key that is no text
    ):
        with pytest.raises(modelstate.Unsupported):
            modelstate.dump(changed)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_flipped_byte_in_the_cache_never_gives_another_protocol(data: st.DataObject) -> None:
    text = (PROTOCOLS / "oudermishandeling.yaml").read_text("utf-8")
    truth = validated(PROTOCOLS / "oudermishandeling.yaml")
    loading.load_protocol_text(text, "o.yaml")  # fills the cache
    key = cache.key_for("model", text.encode("utf-8"))
    base = cache.cache_dir()
    assert base is not None
    (entry,) = (base / "model").glob(f"*/{key}.json")
    raw = bytearray(entry.read_bytes())
    at = data.draw(st.integers(0, len(raw) - 1), label="at")
    bit = data.draw(st.integers(0, 7), label="bit")
    raw[at] ^= 1 << bit
    entry.write_bytes(bytes(raw))
    again = loading.load_protocol_text(text, "o.yaml")
    assert again.protocol == truth
    assert again.diagnostics == []


def test_the_dump_is_not_the_same_object_graph() -> None:
    # mutable fields (lists, dicts) of a rebuilt model are its own, not shared with the data
    data = _dump_of("voorbeeld.yaml")
    kept = copy.deepcopy(data)
    modelstate.load(data)
    assert data == kept
