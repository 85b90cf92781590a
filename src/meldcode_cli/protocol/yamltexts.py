"""The YAML parser's own words (libyaml's, and PyYAML's where they are the same) as
catalogue keys, so a syntax error is said in the user's language.

The parser reports a *problem* ("did not find expected key") and often a *context* ("while
parsing a block mapping"); :mod:`meldcode_cli.protocol.yamlio` places them at file:line:col
with its own hint. A text not in these tables (a new library version, PyYAML's pure-Python
parser, whose texts carry the character found) is shown as the parser said it. The keys are
``yaml.problem.*`` and ``yaml.context.*``; English says what the parser says (a closing
bracket is a parameter, so that every text stays a valid format string).
"""

from __future__ import annotations

from meldcode_cli.errors import Text

__all__ = ["CLOSING", "CONTEXTS", "PROBLEMS", "context_text", "problem_text"]

PROBLEMS: dict[str, str] = {
    "did not find expected node content": "yaml.problem.node_content",
    "did not find expected key": "yaml.problem.key",
    "did not find expected '-' indicator": "yaml.problem.dash",
    "did not find expected <document start>": "yaml.problem.document_start",
    "did not find expected <stream-start>": "yaml.problem.stream_start",
    "did not find expected alphabetic or numeric character": "yaml.problem.alnum",
    "did not find expected comment or line break": "yaml.problem.comment_or_break",
    "did not find expected digit or '.' character": "yaml.problem.digit_or_dot",
    "did not find expected hexdecimal number": "yaml.problem.hex",
    "did not find expected tag URI": "yaml.problem.tag_uri",
    "did not find expected version number": "yaml.problem.version",
    "did not find expected whitespace": "yaml.problem.whitespace",
    "did not find expected whitespace or line break": "yaml.problem.whitespace_or_break",
    "did not find the expected '>'": "yaml.problem.angle",
    "did not find expected '!'": "yaml.problem.bang",
    "did not find URI escaped octet": "yaml.problem.uri_octet",
    "could not find expected ':'": "yaml.problem.colon",
    "could not find expected directive name": "yaml.problem.directive_name",
    "mapping values are not allowed in this context": "yaml.problem.mapping_values",
    "mapping values are not allowed here": "yaml.problem.mapping_values_here",
    "mapping keys are not allowed in this context": "yaml.problem.mapping_keys",
    "block sequence entries are not allowed in this context": "yaml.problem.sequence_entries",
    "found character that cannot start any token": "yaml.problem.no_token",
    "found unexpected end of stream": "yaml.problem.end_of_stream",
    "found unexpected ':'": "yaml.problem.unexpected_colon",
    "found unexpected document indicator": "yaml.problem.document_indicator",
    "found unexpected non-alphabetical character": "yaml.problem.non_alpha",
    "found a tab character that violates indentation": "yaml.problem.tab_indentation",
    "found a tab character where an indentation space is expected": "yaml.problem.tab_space",
    "found an indentation indicator equal to 0": "yaml.problem.indicator_zero",
    "found unknown escape character": "yaml.problem.unknown_escape",
    "found invalid Unicode character escape code": "yaml.problem.unicode_escape",
    "found undefined tag handle": "yaml.problem.tag_handle",
    "found unknown directive name": "yaml.problem.directive",
    "found duplicate %TAG directive": "yaml.problem.duplicate_tag",
    "found duplicate %YAML directive": "yaml.problem.duplicate_yaml",
    "found extremely long version number": "yaml.problem.long_version",
    "found incompatible YAML document": "yaml.problem.incompatible",
    "found an incorrect leading UTF-8 octet": "yaml.problem.leading_octet",
    "found an incorrect trailing UTF-8 octet": "yaml.problem.trailing_octet",
    "control characters are not allowed": "yaml.problem.control_characters",
    "found undefined alias": "yaml.problem.undefined_alias",
    "second occurrence": "yaml.problem.second_occurrence",
    "expected a single document in the stream": "yaml.problem.single_document",
}
"""The parser's problem text → its catalogue key."""

CONTEXTS: dict[str, str] = {
    "while parsing a block mapping": "yaml.context.block_mapping",
    "while parsing a block collection": "yaml.context.block_collection",
    "while parsing a block node": "yaml.context.block_node",
    "while parsing a flow mapping": "yaml.context.flow_mapping",
    "while parsing a flow sequence": "yaml.context.flow_sequence",
    "while parsing a flow node": "yaml.context.flow_node",
    "while parsing a node": "yaml.context.node",
    "while parsing a quoted scalar": "yaml.context.parsing_quoted",
    "while parsing a tag": "yaml.context.parsing_tag",
    "while parsing a tag directive": "yaml.context.parsing_tag_directive",
    "while parsing a %TAG directive": "yaml.context.parsing_percent_tag",
    "while scanning a quoted scalar": "yaml.context.quoted",
    "while scanning a block scalar": "yaml.context.block_scalar",
    "while scanning a plain scalar": "yaml.context.plain",
    "while scanning a simple key": "yaml.context.simple_key",
    "while scanning for the next token": "yaml.context.next_token",
    "while scanning a directive": "yaml.context.directive",
    "while scanning a %YAML directive": "yaml.context.yaml_directive",
    "while scanning a %TAG directive": "yaml.context.tag_directive",
    "while scanning a tag directive": "yaml.context.scanning_tag_directive",
    "while scanning a tag": "yaml.context.tag",
    "while scanning an alias": "yaml.context.alias",
    "while scanning an anchor": "yaml.context.anchor",
    "while increasing block level": "yaml.context.block_level",
    "while increasing flow level": "yaml.context.flow_level",
    "found duplicate anchor; first occurrence": "yaml.context.duplicate_anchor",
}
"""The parser's context text → its catalogue key."""

CLOSING: dict[str, str] = {
    "did not find expected ',' or ']'": "]",
    "did not find expected ',' or '}'": "}",
}
"""Problems that name the closing bracket: ``yaml.problem.comma_or_close`` with it."""


def problem_text(problem: str) -> Text | None:
    """The parser's problem as a catalogue text, or None for one these tables lack."""
    if problem in CLOSING:
        return Text("yaml.problem.comma_or_close", close=CLOSING[problem])
    key = PROBLEMS.get(problem)
    return Text(key) if key else None


def context_text(context: str) -> Text | None:
    """The parser's context as a catalogue text, or None for one these tables lack."""
    key = CONTEXTS.get(context)
    return Text(key) if key else None
