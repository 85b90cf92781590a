"""pydantic's words for a JSON file that does not fit its schema, and Python's JSON
decoder's for one that is not JSON, in the user's language.

``files/jsonio.validate`` names the first error's JSON path and says why; the why was
pydantic's English ``msg`` ("Extra inputs are not permitted"). For the error types a record,
profile, key or export file meets, it is now a catalogue text (``pydantic.<type>``) with the
values pydantic gives (``ctx``); English says what pydantic says. A type not listed here, or
one whose values are missing, is shown as pydantic said it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from meldcode_cli.errors import Text

__all__ = ["DECODER", "TYPES", "decoder_reason", "reason"]

TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "missing": ("pydantic.missing", ()),
    "extra_forbidden": ("pydantic.extra_forbidden", ()),
    "string_type": ("pydantic.string_type", ()),
    "int_type": ("pydantic.int_type", ()),
    "int_parsing": ("pydantic.int_type", ()),
    "int_from_float": ("pydantic.int_type", ()),
    "float_type": ("pydantic.float_type", ()),
    "float_parsing": ("pydantic.float_type", ()),
    "bool_type": ("pydantic.bool_type", ()),
    "bool_parsing": ("pydantic.bool_type", ()),
    "list_type": ("pydantic.list_type", ()),
    "tuple_type": ("pydantic.list_type", ()),
    "dict_type": ("pydantic.dict_type", ()),
    "model_type": ("pydantic.dict_type", ()),
    "model_attributes_type": ("pydantic.dict_type", ()),
    "date_type": ("pydantic.date_type", ()),
    "date_parsing": ("pydantic.date_type", ()),
    "date_from_datetime_parsing": ("pydantic.date_type", ()),
    "datetime_type": ("pydantic.datetime_type", ()),
    "datetime_parsing": ("pydantic.datetime_type", ()),
    "datetime_from_date_parsing": ("pydantic.datetime_type", ()),
    "literal_error": ("pydantic.literal_error", ("expected",)),
    "enum": ("pydantic.literal_error", ("expected",)),
    "string_too_short": ("pydantic.string_too_short", ("min_length",)),
    "string_too_long": ("pydantic.string_too_long", ("max_length",)),
    "string_pattern_mismatch": ("pydantic.string_pattern_mismatch", ("pattern",)),
    "too_short": ("pydantic.too_short", ("min_length", "actual_length")),
    "too_long": ("pydantic.too_long", ("max_length", "actual_length")),
    "greater_than": ("pydantic.greater_than", ("gt",)),
    "greater_than_equal": ("pydantic.greater_than_equal", ("ge",)),
    "less_than": ("pydantic.less_than", ("lt",)),
    "less_than_equal": ("pydantic.less_than_equal", ("le",)),
    "union_tag_invalid": ("pydantic.union_tag_invalid", ("tag", "expected_tags")),
    "union_tag_not_found": ("pydantic.union_tag_not_found", ("discriminator",)),
}
"""pydantic's error type → (catalogue key, the ``ctx`` values the text needs)."""


def reason(err: Mapping[str, Any]) -> Text | str:
    """One pydantic error (``ValidationError.errors()``) as a catalogue text, or its
    ``msg`` as pydantic said it."""
    known = TYPES.get(str(err.get("type")))
    msg = str(err.get("msg", ""))
    if known is None:
        return msg
    key, needs = known
    ctx = err.get("ctx") or {}
    if not all(n in ctx for n in needs):
        return msg
    params: dict[str, object] = {n: str(ctx[n]) for n in needs}
    if "expected" in params:
        params["expected"] = _choices(str(params["expected"]))
    return Text(key, **params)


def _choices(expected: str) -> Text | str:
    """pydantic joins the allowed values with an English word ("'a', 'b' or 'c'")."""
    first, sep, last = expected.rpartition(" or ")
    if not sep:
        return expected
    return Text("pydantic.choices", first=first, last=last)


DECODER: dict[str, str] = {
    "Expecting value": "json.decoder.value",
    "Expecting property name enclosed in double quotes": "json.decoder.property_name",
    "Expecting ',' delimiter": "json.decoder.comma",
    "Expecting ':' delimiter": "json.decoder.colon",
    "Unterminated string starting at": "json.decoder.unterminated",
    "Invalid control character at": "json.decoder.control",
    "Invalid \\escape": "json.decoder.escape",
    "Invalid \\uXXXX escape": "json.decoder.u_escape",
    "Extra data": "json.decoder.extra_data",
    "Illegal trailing comma before end of object": "json.decoder.trailing_comma",
    "Illegal trailing comma before end of array": "json.decoder.trailing_comma",
}
"""The JSON decoder's ``msg`` (``json.JSONDecodeError.msg``) → its catalogue key."""


def decoder_reason(msg: str) -> Text | str:
    """The JSON decoder's reason as a catalogue text, or as Python said it."""
    key = DECODER.get(msg)
    return Text(key) if key else msg
