"""pydantic's reasons for a JSON file that does not fit, in the user's language."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from meldcode_cli.errors import Text
from meldcode_cli.files.schema_words import TYPES, reason
from meldcode_cli.i18n.messages import set_lang


class Inner(BaseModel):
    model_config = ConfigDict(extra="forbid")
    n: int = Field(ge=0, le=9)


class Sample(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=2, max_length=5, pattern=r"^[a-z]+$")
    kind: Literal["melden", "afsluiten", "hulp"]
    flag: bool
    items: list[int] = Field(min_length=1, max_length=2)
    inner: Inner
    when: str = "x"


GOOD: dict[str, Any] = {
    "name": "abc",
    "kind": "melden",
    "flag": True,
    "items": [1],
    "inner": {"n": 1},
}

WRONG: list[tuple[str, Any]] = [
    ("name", None),
    ("name", 5),
    ("name", "a"),
    ("name", "abcdefg"),
    ("name", "ABC"),
    ("kind", "bellen"),
    ("flag", "soms"),
    ("items", "x"),
    ("items", []),
    ("items", [1, 2, 3]),
    ("items", ["a"]),
    ("inner", 3),
    ("inner", {"n": -1}),
    ("inner", {"n": 10}),
    ("inner", {"n": 1, "extra": 2}),
    ("inner", {}),
    ("extra", 1),
]


def _errors(field: str, value: Any) -> list[Any]:
    data = dict(GOOD)
    if value is None:
        data.pop(field)
    else:
        data[field] = value
    with pytest.raises(ValidationError) as e:
        Sample.model_validate(data)
    return list(e.value.errors(include_url=False))


@pytest.mark.parametrize(("field", "value"), WRONG, ids=lambda v: repr(v)[:20])
def test_each_reason_is_said_in_dutch_and_as_pydantic_says_it_in_english(
    field: str, value: Any
) -> None:
    for err in _errors(field, value):
        said = reason(err)
        assert isinstance(said, Text), err  # a type the table lacks
        dutch = str(said)
        assert not any(w in dutch.split() for w in ("should", "Input", "Field", "or")), dutch
        set_lang("en")
        english = str(said)
        set_lang(None)
        assert english != dutch
        # pydantic's own first words (its "List should ..." is "Should ..." here)
        assert english.split(maxsplit=1)[0].lower() in err["msg"].lower().split()[:2], (
            english,
            err,
        )


def test_an_unknown_type_or_missing_values_keep_pydantics_words() -> None:
    assert reason({"type": "url_parsing", "msg": "Input should be a valid URL"}) == (
        "Input should be a valid URL"
    )
    assert reason({"type": "literal_error", "msg": "Input should be 'a'", "ctx": {}}) == (
        "Input should be 'a'"
    )


def test_the_choices_are_joined_in_the_users_words() -> None:
    (err,) = _errors("kind", "bellen")
    assert str(reason(err)) == "hier hoort 'melden', 'afsluiten' of 'hulp'"


@given(st.sampled_from(sorted(TYPES)), st.dictionaries(st.text(max_size=5), st.text(max_size=5)))
def test_reason_never_raises(kind: str, ctx: dict[str, str]) -> None:
    said = reason({"type": kind, "msg": "m", "ctx": ctx})
    assert isinstance(said, Text | str)
    str(said)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "{",
        '{"a" 1}',
        '{"a": 1 "b": 2}',
        '{"a": 1,}',
        '["x',
        '"\\q"',
        '"\\u12"',
        '"a\x01"',
        "1 2",
    ],
)
def test_the_json_decoders_reasons_are_said_in_dutch(raw: str) -> None:
    import json

    from meldcode_cli.files.schema_words import decoder_reason

    with pytest.raises(json.JSONDecodeError) as e:
        json.loads(raw)
    said = decoder_reason(e.value.msg)
    assert isinstance(said, Text), e.value.msg
    assert str(said) != e.value.msg
