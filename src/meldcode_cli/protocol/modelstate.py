"""A validated protocol model as plain JSON data, and back without validating it again.

The cache (``protocol/cache``) keeps a valid protocol's model in this form under the hash
of the file's text, so ``start``, ``resume`` and ``show`` do not build pydantic's validator
for it (about 20 ms at every start: the schema is generated in Python the first time a
model is validated in a process).

The data is each model's own state, as pydantic gives it for pickling (the field values,
the set of fields the file gave), written as JSON next to the model's class name. Reading
it creates instances of the classes of :mod:`meldcode_cli.protocol.model` only, with plain
JSON values only: nothing in it is executed or imported (never pickle). :func:`dump`
refuses (:class:`Unsupported`) a model holding anything else (another class, a tuple, a
date, extra or private attributes, a key that looks like the class marker), so such a
model is not kept; :func:`load` refuses (:class:`Malformed`) anything not of that form,
including a class whose fields are not exactly the ones the data has, and the caller then
loads the file as if there were no cache. Whether the data is the cache's own, unchanged, is
the cache's concern: its key is the file's content hash and the tool's fingerprint, and its
entries carry the SHA-256 of their payload.

A rebuilt model equals the validated one (``==`` and its fields set):
``tests/protocol/test_modelstate.py`` checks this for every shipped protocol and fixture.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import BaseModel

from meldcode_cli.protocol import model as _model
from meldcode_cli.protocol.model import Protocol

__all__ = ["Malformed", "Unsupported", "dump", "load"]

MARK = "__model__"
_STATE_KEYS = frozenset(
    ("__dict__", "__pydantic_extra__", "__pydantic_fields_set__", "__pydantic_private__")
)
_PLAIN = (str, int, bool, type(None))


class Unsupported(ValueError):
    """The model holds something this form does not keep."""


class Malformed(ValueError):
    """The data is not a model in this form."""


def _registry() -> dict[str, tuple[type[BaseModel], frozenset[str]]]:
    out: dict[str, tuple[type[BaseModel], frozenset[str]]] = {}
    for name, obj in vars(_model).items():
        if (
            isinstance(obj, type)
            and issubclass(obj, BaseModel)
            and obj.__module__ == _model.__name__
            and obj.__name__ == name
        ):
            out[name] = (obj, frozenset(obj.model_fields))
    return out


_classes: dict[str, tuple[type[BaseModel], frozenset[str]]] | None = None


def _known() -> dict[str, tuple[type[BaseModel], frozenset[str]]]:
    global _classes  # noqa: PLW0603 - built once per process
    if _classes is None:
        _classes = _registry()
    return _classes


def dump(protocol: Protocol) -> Any:
    """``protocol`` (validated) as JSON data; :class:`Unsupported` if it cannot be."""
    return _dump(protocol, _known())


def _dump(o: Any, known: dict[str, tuple[type[BaseModel], frozenset[str]]]) -> Any:
    kind = type(o)
    if kind in _PLAIN:
        return o
    if kind is float:
        if not math.isfinite(o):
            raise Unsupported("a float that JSON does not keep")
        return o
    if kind is list:
        return [_dump(x, known) for x in o]
    if kind is dict:
        if MARK in o or not all(type(k) is str for k in o):
            raise Unsupported("a mapping with a non-text key or the class marker")
        return {k: _dump(v, known) for k, v in o.items()}
    if isinstance(o, BaseModel):
        entry = known.get(kind.__name__)
        if entry is None or entry[0] is not kind:
            raise Unsupported(f"a model of class {kind.__qualname__}")
        state = o.__getstate__()
        if set(state) != _STATE_KEYS:
            raise Unsupported("a model state this form does not know")
        if state["__pydantic_extra__"] or state["__pydantic_private__"]:
            raise Unsupported("extra or private attributes")
        fields = state["__dict__"]
        if set(fields) != entry[1]:
            raise Unsupported("fields that are not the class's own")
        return {
            MARK: kind.__name__,
            "fields": {k: _dump(v, known) for k, v in fields.items()},
            "set": sorted(state["__pydantic_fields_set__"]),
        }
    raise Unsupported(f"a value of type {kind.__qualname__}")


def load(data: Any) -> Protocol:
    """The :class:`Protocol` that :func:`dump` gave ``data`` for; :class:`Malformed` if
    ``data`` is not such a dump."""
    try:
        out = _load(data, _known())
    except (KeyError, TypeError, AttributeError) as e:
        raise Malformed(str(e)) from None
    if type(out) is not Protocol:
        raise Malformed("not a protocol")
    return out


def _load(o: Any, known: dict[str, tuple[type[BaseModel], frozenset[str]]]) -> Any:
    kind = type(o)
    if kind in _PLAIN or kind is float:
        return o
    if kind is list:
        return [_load(x, known) for x in o]
    if kind is not dict:
        raise Malformed(f"a value of type {kind.__qualname__}")
    name = o.get(MARK)
    if name is None:
        return {k: _load(v, known) for k, v in o.items()}
    cls, names = known[name]
    fields = o["fields"]
    given = o["set"]
    if (
        type(fields) is not dict
        or type(given) is not list
        or set(o) != {MARK, "fields", "set"}
        or fields.keys() != names
        or not all(type(g) is str and g in names for g in given)
    ):
        raise Malformed(f"a {name} with other fields")
    obj = cls.__new__(cls)
    obj.__setstate__(
        {
            "__dict__": {k: _load(v, known) for k, v in fields.items()},
            "__pydantic_fields_set__": set(given),
            "__pydantic_extra__": None,
            "__pydantic_private__": None,
        }
    )
    return obj
