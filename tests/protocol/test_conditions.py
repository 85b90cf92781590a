"""Unit tests for the condition language (``when:``): parse, evaluate, errors with positions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meldcode_cli.protocol import conditions as c
from meldcode_cli.protocol.conditions import (
    And,
    Compare,
    ConditionSyntaxError,
    Not,
    Or,
    Ref,
    evaluate,
    parse,
    refs,
    truthy,
)

# --- parse --------------------------------------------------------------------------------


def test_bare_reference() -> None:
    assert parse("kinderen") == Ref("kinderen", 0)


def test_surrounding_whitespace_keeps_positions() -> None:
    assert parse("  kinderen ") == Ref("kinderen", 2)


def test_dotted_name() -> None:
    assert parse("decision.melden") == Ref("decision.melden", 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("advies_vt == ja", Compare(Ref("advies_vt", 0), "==", ("ja",), (13,))),
        ("advies_vt != nee", Compare(Ref("advies_vt", 0), "!=", ("nee",), (13,))),
        ("signalen contains letsel", Compare(Ref("signalen", 0), "contains", ("letsel",), (18,))),
        (
            "role in [huisarts, wijkagent]",
            Compare(Ref("role", 0), "in", ("huisarts", "wijkagent"), (9, 19)),
        ),
        ("role in [huisarts]", Compare(Ref("role", 0), "in", ("huisarts",), (9,))),
        ("x==y", Compare(Ref("x", 0), "==", ("y",), (3,))),
    ],
)
def test_comparisons(text: str, expected: Compare) -> None:
    assert parse(text) == expected


def test_quoted_values_are_unquoted_and_positioned_at_the_quote() -> None:
    assert parse("gesprek == 'gevoerd'") == Compare(Ref("gesprek", 0), "==", ("gevoerd",), (11,))
    assert parse('gesprek == "met spatie"') == Compare(
        Ref("gesprek", 0), "==", ("met spatie",), (11,)
    )
    # a keyword is a fine value once quoted
    assert parse("x == 'and'") == Compare(Ref("x", 0), "==", ("and",), (5,))


def test_and_binds_tighter_than_or() -> None:
    assert parse("a or b and c") == Or((Ref("a", 0), And((Ref("b", 5), Ref("c", 11)))))
    assert parse("a and b or c") == Or((And((Ref("a", 0), Ref("b", 6))), Ref("c", 11)))


def test_parentheses_group() -> None:
    assert parse("(a or b) and c") == And((Or((Ref("a", 1), Ref("b", 6))), Ref("c", 13)))


def test_not_binds_to_the_next_atom() -> None:
    assert parse("not a and b") == And((Not(Ref("a", 4)), Ref("b", 10)))
    assert parse("not not a") == Not(Not(Ref("a", 8)))
    assert parse("not (a or b)") == Not(Or((Ref("a", 5), Ref("b", 10))))


def test_chains_are_flat() -> None:
    assert parse("a and b and c") == And((Ref("a", 0), Ref("b", 6), Ref("c", 12)))
    assert parse("a or b or c") == Or((Ref("a", 0), Ref("b", 5), Ref("c", 10)))


def test_refs_in_source_order() -> None:
    expr = parse("a and (b == x or not c) or d contains y or e in [p, q]")
    assert [(r.name, r.pos) for r in refs(expr)] == [
        ("a", 0),
        ("b", 7),
        ("c", 21),
        ("d", 27),
        ("e", 43),
    ]


# --- errors with positions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pos", "fragment"),
    [
        ("kinderen = ja", 9, "gebruik '=='"),
        ("", 0, "lege voorwaarde"),
        ("   ", 0, "lege voorwaarde"),
        ("a ==", 4, "een waarde verwacht, maar het einde"),
        ("(a", 2, "')' verwacht"),
        ("(a or b", 7, "')' verwacht"),
        ("a b", 2, "ontbreekt 'and' of 'or'"),
        ('a == "x" b', 9, "'b' na een volledige voorwaarde"),
        ("a and", 5, "een item-id verwacht, maar het einde"),
        ("a or or b", 5, "een item-id verwacht, maar 'or'"),
        ("and", 0, "een item-id verwacht, maar 'and'"),
        (")", 0, "een item-id verwacht, maar ')'"),
        ("a in x", 5, "'[' verwacht, maar 'x'"),
        ("a in [x", 7, "']' verwacht"),
        ("a in []", 6, "een waarde verwacht, maar ']'"),
        ("a in [x,]", 8, "een waarde verwacht, maar ']'"),
        ("a contains", 10, "een waarde verwacht"),
        ("a == and", 5, "een waarde verwacht, maar 'and'"),
        ("a == 'x", 5, "onverwacht teken"),
        ("a.b.c", 3, "onverwacht teken '.'"),
        ("a && b", 2, "onverwacht teken '&'"),
        ("kinderen == jä", 13, "onverwacht teken"),
        ("x" * (c.MAX_CONDITION_LENGTH + 1), 0, "te lang"),
        ("(" * 60 + "a" + ")" * 60, c.MAX_DEPTH, "te diep"),
        ("not " * 60 + "a", 4 * (c.MAX_DEPTH - 1), "te diep"),
    ],
)
def test_syntax_errors(text: str, pos: int, fragment: str) -> None:
    with pytest.raises(ConditionSyntaxError) as info:
        parse(text)
    assert info.value.pos == pos
    assert fragment in info.value.message
    assert str(info.value) == info.value.message


def test_longest_allowed_condition_parses() -> None:
    text = " or ".join(["a"] * 400)
    assert len(text) <= c.MAX_CONDITION_LENGTH
    assert isinstance(parse(text), Or)


def test_nesting_just_below_the_limit_parses() -> None:
    depth = c.MAX_DEPTH - 1  # the top-level expression counts as one level
    assert parse("(" * depth + "a" + ")" * depth) == Ref("a", depth)


# --- evaluate -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, False),
        (False, False),
        (True, True),
        ("ja", True),
        ("nee", True),  # bare yes/no refs become "== ja" at compile time; raw text counts
        ("", False),
        ("tekst", True),
        ("2024-05-01", True),
        (frozenset(), False),
        (frozenset({"letsel"}), True),
    ],
)
def test_truthy(value: c.Value, expected: bool) -> None:
    assert truthy(value) is expected


ENV: dict[str, c.Value] = {
    "kinderen": "ja",
    "advies_vt": "nee",
    "gesprek": "gevoerd",
    "signalen": frozenset({"letsel", "angst"}),
    "geen_signalen": frozenset(),
    "role": "huisarts",
    "acute": False,
    "structureel": True,
    "feiten": "tekst",
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kinderen", True),
        ("advies_vt == ja", False),
        ("onbeantwoord", False),
        ("not onbeantwoord", True),
        ("feiten", True),
        ("kinderen == ja", True),
        ("kinderen != ja", False),
        ("advies_vt == nee", True),
        ("gesprek == gevoerd", True),
        ("gesprek == 'gevoerd'", True),
        ("gesprek in [uitzondering, gevoerd]", True),
        ("gesprek in [uitzondering]", False),
        ("signalen", True),
        ("geen_signalen", False),
        ("signalen contains letsel", True),
        ("signalen contains verwurging", False),
        ("role == huisarts", True),
        ("role in [wijkagent, professional]", False),
        ("acute", False),
        ("structureel", True),
        ("acute or structureel", True),
        ("acute and structureel", False),
        ("not acute and structureel", True),
        ("kinderen and (advies_vt == ja or role == huisarts)", True),
        # an unanswered item makes every comparison false, also '!=' and 'in'
        ("onbeantwoord == ja", False),
        ("onbeantwoord != ja", False),
        ("onbeantwoord in [ja, nee]", False),
        ("onbeantwoord contains x", False),
        # 'contains' only works on a multiple-choice answer
        ("gesprek contains gevoerd", False),
    ],
)
def test_evaluate(text: str, expected: bool) -> None:
    assert evaluate(parse(text), ENV) is expected


def test_evaluate_accepts_a_lookup_function() -> None:
    seen: list[str] = []

    def lookup(name: str) -> c.Value:
        seen.append(name)
        return ENV.get(name)

    assert evaluate(parse("kinderen and gesprek == gevoerd"), lookup) is True
    assert seen == ["kinderen", "gesprek"]


def test_evaluate_short_circuits() -> None:
    seen: list[str] = []

    def lookup(name: str) -> c.Value:
        seen.append(name)
        return ENV.get(name)

    evaluate(parse("advies_vt == ja and kinderen"), lookup)
    evaluate(parse("kinderen or advies_vt"), lookup)
    assert seen == ["advies_vt", "kinderen"]


# --- properties -----------------------------------------------------------------------------

TOKENS = [
    "a",
    "kinderen",
    "decision.melden",
    "role",
    "ja",
    "nee",
    "==",
    "!=",
    "=",
    "in",
    "contains",
    "and",
    "or",
    "not",
    "(",
    ")",
    "[",
    "]",
    ",",
    "'x y'",
    '"z"',
    "'",
    ".",
    "&&",
    "é",
    "\t",
]


def _parse_or_error(text: str) -> c.Expr | None:
    """Parse; a ConditionSyntaxError (and nothing else) is allowed, with a sane position."""
    error: ConditionSyntaxError | None = None
    try:
        return parse(text)
    except ConditionSyntaxError as e:
        error = e
    assert 0 <= error.pos <= len(text)
    assert error.message
    return None


condition_like = st.lists(st.sampled_from(TOKENS), max_size=25).flatmap(
    lambda toks: st.sampled_from([" ", ""]).map(lambda sep: sep.join(toks))
)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_random_text_only_raises_condition_syntax_error(text: str) -> None:
    _parse_or_error(text)


@settings(max_examples=1000, deadline=None)
@given(condition_like)
def test_token_soup_only_raises_condition_syntax_error(text: str) -> None:
    expr = _parse_or_error(text)
    if expr is None:
        return
    # what parses can be evaluated, and every reference points at its name in the text
    for r in refs(expr):
        assert text[r.pos : r.pos + len(r.name)] == r.name
    assert evaluate(expr, ENV) in (True, False)
    assert evaluate(expr, {}) in (True, False)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=300))
def test_deep_nesting_never_overflows_the_stack(depth: int) -> None:
    for text in ("(" * depth + "a" + ")" * depth, "not " * depth + "a", "(not " * depth + "a"):
        _parse_or_error(text)  # no RecursionError
