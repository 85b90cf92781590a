"""The YAML parser's words in the user's language: every text the parser gives for broken
protocols is in the tables, and English says exactly what the parser says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from meldcode_cli.errors import Text
from meldcode_cli.i18n.messages import entries
from meldcode_cli.protocol import yamlio
from meldcode_cli.protocol.yamltexts import CLOSING, CONTEXTS, PROBLEMS, problem_text
from tests.conftest import VOORBEELD

TEXT = VOORBEELD.read_text("utf-8")
SIGNIFICANT = [*":-[]{}\"'\t&*!|>%@`#,?\n ", "\\", "- ", ": ", "  ", "---", "..."]


def test_english_is_the_parsers_own_words() -> None:
    texts = entries()
    for english, key in {**PROBLEMS, **CONTEXTS}.items():
        assert texts[key]["en"] == english
        assert texts[key]["nl"] != english
    for english, close in CLOSING.items():
        assert str(problem_text(english)) in (
            english,
            texts["yaml.problem.comma_or_close"]["nl"].format(close=close),
        )


def _syntax_params(text: str) -> list[dict[str, object]]:
    _, diags = yamlio.load_yaml_text(text, "p.yaml")
    out = []
    for d in diags:
        if isinstance(d.what, Text) and d.what.key == "diag.MC002.syntax":
            out.append(d.what.params)
    return out


@settings(max_examples=300, deadline=None)
@given(
    at=st.integers(0, len(TEXT)),
    cut=st.integers(0, 3),
    insert=st.lists(st.sampled_from(SIGNIFICANT), max_size=3),
)
def test_every_syntax_error_of_a_damaged_protocol_is_in_the_tables(
    at: int, cut: int, insert: list[str]
) -> None:
    damaged = TEXT[:at] + "".join(insert) + TEXT[at + cut :]
    for params in _syntax_params(damaged):
        assert isinstance(params["problem"], Text), params  # a text the tables lack
        assert params["where"] == "" or isinstance(params["where"], Text), params


def test_known_breakages_say_where_in_dutch() -> None:
    for broken in ("a: [b\n", "a: {b: c\n", "a: b: c\n", "a:\n  - b\n c: d\n", "a: 'x\n"):
        (params,) = _syntax_params(broken)
        said = f"{params['problem']}{params['where']}"
        assert "found" not in said
        assert "expected" not in said
        assert "while" not in said
