"""Canonical JSON (RFC 8785) of a record, its hash, and the digest per section.

The bytes defined here are what is signed: they must never change for a record that
exists. Works on the plain data (:meth:`Record.to_dict`); a :class:`Record` is accepted
where that is convenient and turned into its data first.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from meldcode_cli.record.model import Record

__all__ = ["OPTIONAL_SECTIONS", "SECTIONS", "canonical", "integrity_map", "record_hash"]

SECTIONS = (
    "provenance",
    "steps",
    "superseded",
    "acute",
    "decision",
    "override",
    "checks",
    "refutations",
    "consultation",
)
OPTIONAL_SECTIONS = frozenset({"checks", "refutations", "consultation"})
"""Sections that records made before they existed do not have (and need not digest)."""


def _json_subset(data: Any) -> bool:
    """True when ``data`` uses only what records use: no floats, ASCII keys, no surrogates,
    integers a double holds exactly. (Hot path of signing and verifying: exact type checks.)"""
    stack = [data]
    pop = stack.pop
    extend = stack.extend
    while stack:
        x = pop()
        kind = type(x)
        if kind is str:
            if not x.isascii():
                try:
                    x.encode("utf-8")  # fails on a lone surrogate, which rfc8785 refuses
                except UnicodeEncodeError:
                    return False
        elif kind is dict:
            for k in x:
                if type(k) is not str or not k.isascii():
                    return False
            extend(x.values())
        elif kind is list:
            extend(x)
        elif kind is int:
            if not -(2**53) < x < 2**53:
                return False
        elif x is not None and kind is not bool:
            return False
    return True


def canonical(data: Any) -> bytes:
    """RFC 8785 canonical JSON of ``data``.

    The ``rfc8785`` package defines the bytes. For the JSON subset records consist of (no
    floats, ASCII keys, no lone surrogates) the standard library produces the identical
    bytes several times faster: keys sort the same, and both escape only '"', '\\' and
    control characters, the latter in the same forms. A property test holds the two equal;
    anything outside the subset goes through ``rfc8785``.
    """
    if _json_subset(data):
        return json.dumps(
            data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
        ).encode("utf-8")
    import rfc8785

    return bytes(rfc8785.dumps(data))


def _digest(data: Any) -> str:
    return "sha256:" + hashlib.sha256(canonical(data)).hexdigest()


def integrity_map(record: Record | dict[str, Any]) -> dict[str, str]:
    """A digest per section and per step, so a broken signature can say what changed."""
    if not isinstance(record, dict):
        record = record.to_dict()
    out: dict[str, str] = {}
    for name in SECTIONS:
        if name in OPTIONAL_SECTIONS and name not in record:
            continue
        if name == "steps":
            for s in record.get("steps") or []:
                out[f"steps/{s.get('step')}"] = _digest(s)
        else:
            out[name] = _digest(record.get(name))
    return out


def record_hash(record: Record | dict[str, Any]) -> str:
    """The hash the next record of the chain names (of the canonical JSON)."""
    return _digest(record if isinstance(record, dict) else record.to_dict())
