"""The one module that owns YAML: safe loading, positions, and YAML 1.1 surprises.

* The C safe loader when libyaml is present, else the pure-Python safe loader; never
  the unsafe loader, and never the global loader classes (we subclass).
* ``yes``/``no``/``on``/``off`` stay strings (only ``true``/``false`` are booleans);
  dates stay strings (``2024-05-01``) so authors get what they wrote.
* Aliases are refused (they are never needed in a protocol and make "billion laughs"
  documents possible); duplicate keys are errors, not "last one wins".
* Positions: ``Locator`` maps a pydantic/diagnostic location to file:line:col.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from meldcode_cli.errors import Text
from meldcode_cli.protocol.diagnostics import Diagnostic, Loc, Message
from meldcode_cli.protocol.textio import MAX_BYTES, FileTooLarge, NotUtf8, read_text

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "FileTooLarge",
    "Locator",
    "NotUtf8",
    "YamlDocument",
    "load_yaml_text",
    "read_text",
]

MAX_DEPTH = 64

_BaseLoader: type[yaml.SafeLoader]
try:
    _BaseLoader = yaml.CSafeLoader  # type: ignore[assignment,unused-ignore]
except AttributeError:  # pragma: no cover - libyaml missing
    _BaseLoader = yaml.SafeLoader

WITH_LIBYAML: bool = _BaseLoader is not yaml.SafeLoader


class _YamlProblem(Exception):
    def __init__(
        self, code: str, message: Message, hint: Message, mark: Any, *, alias: bool = False
    ) -> None:
        super().__init__(str(message))
        self.alias = alias  # an alias (*naam): the mark is moved to the first one
        self.code = code
        self.message = message
        self.hint = hint
        self.mark = mark


def _resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    """Implicit resolvers without YAML 1.1 booleans (yes/no/on/off) and timestamps."""
    out: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}
    for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = [
            (tag, regexp)
            for tag, regexp in entries
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
        ]
        if kept:
            out[first] = kept
    # YAML 1.1 also reads 0755 (octal), 1:30 (base 60) and 1_000 as numbers; a protocol
    # only needs plain decimals, so everything else stays the text the author wrote
    for first in list(out):
        out[first] = [
            (tag, regexp)
            for tag, regexp in out[first]
            if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
        ]
        if not out[first]:
            del out[first]
    int_re = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
    float_re = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
    for ch in "-+0123456789":
        out.setdefault(ch, []).append(("tag:yaml.org,2002:int", int_re))
    for ch in "-+.0123456789":
        out.setdefault(ch, []).append(("tag:yaml.org,2002:float", float_re))
    bool_re = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
    for ch in "tTfF":
        out.setdefault(ch, []).append(("tag:yaml.org,2002:bool", bool_re))
    return out


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    yaml_implicit_resolvers = _resolvers()


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
MAX_INT_DIGITS = 4000  # below Python's int-from-text limit (4300 digits)
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_SCALARS = {
    "tag:yaml.org,2002:int": "construct_yaml_int",
    "tag:yaml.org,2002:float": "construct_yaml_float",
    "tag:yaml.org,2002:bool": "construct_yaml_bool",
    "tag:yaml.org,2002:null": "construct_yaml_null",
}


def _to_python(loader: Any, node: Any) -> Any:
    """Nodes → plain data. Faster than the generic constructor, and strict:
    no aliases, no duplicate keys, no tags beyond the core schema, bounded depth."""
    return _Converter(loader).conv(node, 0)


def _duplicate_key(key: Any, first: Any, mark: Any) -> _YamlProblem:
    return _YamlProblem(
        "MC003",
        Text("diag.MC003.duplicate", name=key, line=first.line + 1),
        Text("diag.MC003.duplicate.hint"),
        mark,
    )


class _Converter:
    """One document's nodes to plain data; ``seen`` holds every node already converted
    (a node met twice is an alias)."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.seen: set[int] = set()

    def conv(self, n: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _YamlProblem(
                "MC005",
                Text("diag.MC005.nested", depth=MAX_DEPTH),
                Text("diag.MC005.nested.hint"),
                n.start_mark,
            )
        if id(n) in self.seen:
            raise _YamlProblem(
                "MC004",
                Text("diag.MC004.alias"),
                Text("diag.MC004.alias.hint"),
                n.start_mark,
                alias=True,
            )
        self.seen.add(id(n))
        tag = n.tag
        if tag == _STR:
            return n.value
        if tag == _MAP:
            return self.mapping(n, depth)
        if tag == _SEQ:
            return [self.conv(x, depth + 1) for x in n.value]
        return self.scalar(n, tag)

    def mapping(self, n: Any, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        marks: dict[Any, Any] = {}
        seen = self.seen
        seen_add = seen.add
        for k, v in n.value:
            if k.tag == _STR and depth < MAX_DEPTH and id(k) not in seen:
                # fast path for the common plain-text key (no recursion, same checks)
                seen_add(id(k))
                key = k.value
                if key in marks:
                    raise _duplicate_key(key, marks[key], k.start_mark)
                marks[key] = k.start_mark
                if v.tag == _STR and id(v) not in seen:
                    seen_add(id(v))
                    out[key] = v.value
                else:
                    out[key] = self.conv(v, depth + 1)
                continue
            key = self.key(k, depth)
            if key in marks:
                raise _duplicate_key(key, marks[key], k.start_mark)
            marks[key] = k.start_mark
            out[key] = self.conv(v, depth + 1)
        return out

    def key(self, k: Any, depth: int) -> Any:
        if k.tag == "tag:yaml.org,2002:merge":
            raise _YamlProblem(
                "MC004",
                Text("diag.MC004.merge"),
                Text("diag.MC004.merge.hint"),
                k.start_mark,
            )
        key = self.conv(k, depth + 1)
        if isinstance(key, dict | list):
            raise _YamlProblem(
                "MC004",
                Text("diag.MC004.complex_key"),
                Text("diag.MC004.complex_key.hint"),
                k.start_mark,
            )
        return key

    def scalar(self, n: Any, tag: str) -> Any:
        method = _SCALARS.get(tag)
        if tag == _INT and len(n.value.lstrip("+-")) > MAX_INT_DIGITS:
            return n.value  # not a number any protocol means: keep the text as written
        if method is not None and isinstance(n, yaml.ScalarNode):
            try:
                return getattr(self.loader, method)(n)
            except (ValueError, KeyError, TypeError, OverflowError):
                short = tag.rsplit(":", 1)[-1]
                raise _YamlProblem(
                    "MC004",
                    Text("diag.MC004.bad_value", value=str(n.value)[:40], tag=short),
                    Text("diag.MC004.bad_value.hint"),
                    n.start_mark,
                ) from None
        raise _YamlProblem(
            "MC004",
            Text("diag.MC004.tag", tag=tag),
            Text("diag.MC004.tag.hint"),
            n.start_mark,
        )


class _ComposeLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    yaml_implicit_resolvers = _resolvers()


@dataclass
class YamlDocument:
    path: str
    text: str
    data: Any
    node: Any = None
    """The composed root node (reused for positions: the text is parsed once)."""


def _mark_diag(path: str, code: str, message: Message, hint: Message, mark: Any) -> Diagnostic:
    line = getattr(mark, "line", 0) + 1 if mark is not None else 1
    col = getattr(mark, "column", 0) + 1 if mark is not None else 1
    return Diagnostic(code, message, hint).at(path, line, col)


def _line_col(text: str, index: int) -> tuple[int, int]:
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def _first_alias(text: str) -> Any:
    """The mark of the first ``*alias`` (only called when an alias was found)."""
    try:
        for token in yaml.scan(text, Loader=_ComposeLoader):
            if isinstance(token, yaml.AliasToken):
                return token.start_mark
    except yaml.YAMLError:
        pass
    return None


def _document_marker_before(text: str, mark: Any) -> Any:
    """The line of the ``---`` that starts the document at ``mark`` (for a better position)."""
    lines = text.splitlines()
    for lineno in range(min(mark.line, len(lines) - 1), -1, -1):
        if lines[lineno].startswith("---"):
            return _Mark(lineno, 0)
    return mark


def _char_at(text: str, mark: Any) -> str:
    index = getattr(mark, "index", None)
    if isinstance(index, int) and 0 <= index < len(text):
        return text[index]
    return ""


@dataclass
class _Mark:
    line: int
    column: int


_FRIENDLY_CONTEXTS = (
    "while scanning a quoted scalar",
    "while parsing a flow",
    "while scanning a block scalar",
)


def load_yaml_text(text: str, path: str) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Parse one YAML document safely. Returns the document or diagnostics, never raises."""
    if len(text) > MAX_BYTES:
        return None, [
            Diagnostic(
                "MC005",
                Text("diag.MC005.too_long", length=len(text), max=MAX_BYTES),
                Text("diag.MC005.too_long.hint"),
            ).at(path, 1, 1)
        ]
    try:
        loader = _Loader(text)
    except UnicodeEncodeError as e:
        line, col = _line_col(text, e.start)
        return None, [
            Diagnostic(
                "MC001",
                Text("diag.MC001.surrogate"),
                Text("diag.MC001.surrogate.hint"),
            ).at(path, line, col)
        ]
    try:
        parsed = _compose(loader, text, path)
    except _YamlProblem as p:
        mark = p.mark
        if p.alias:
            mark = _first_alias(text) or mark
        return None, [_mark_diag(path, p.code, p.message, p.hint, mark)]
    except yaml.reader.ReaderError as e:
        return None, [_reader_error(text, path, e)]
    except yaml.MarkedYAMLError as e:
        return None, [_marked_error(text, path, e)]
    except yaml.YAMLError as e:
        return None, [
            Diagnostic(
                "MC002",
                Text("diag.MC002.syntax", problem=str(e), where=""),
                Text("diag.MC002.check"),
            ).at(path, 1, 1)
        ]
    except RecursionError:
        return None, [
            Diagnostic("MC005", Text("diag.MC005.too_deep"), Text("diag.MC005.too_deep.hint")).at(
                path, 1, 1
            )
        ]
    finally:
        loader.dispose()
    if isinstance(parsed, Diagnostic):
        return None, [parsed]
    node, data = parsed
    if not isinstance(data, dict):
        what = "diag.MC006.list" if isinstance(data, list) else "diag.MC006.scalar"
        return None, [
            Diagnostic(
                "MC006",
                Text(what),
                Text("diag.MC006.not_mapping.hint"),
            ).at(path, node.start_mark.line + 1, node.start_mark.column + 1)
        ]
    _remember(text, node)
    return YamlDocument(path, text, data, node), []


def _compose(loader: Any, text: str, path: str) -> tuple[Any, Any] | Diagnostic:
    """(root node, plain data) of the one document in ``text``, or why there is none."""
    if not loader.check_node():
        return Diagnostic("MC006", Text("diag.MC006.empty"), Text("diag.MC006.empty.hint")).at(
            path, 1, 1
        )
    node = loader.get_node()
    if loader.check_node():
        extra = loader.get_node()
        return _mark_diag(
            path,
            "MC002",
            Text("diag.MC002.documents"),
            Text("diag.MC002.documents.hint"),
            _document_marker_before(text, extra.start_mark),
        )
    return node, _to_python(loader, node)


def _reader_error(text: str, path: str, e: yaml.reader.ReaderError) -> Diagnostic:
    """A character YAML does not allow (a control character), at its own position."""
    char = e.character if isinstance(e.character, str) else chr(e.character)
    pos = e.position
    if 0 < pos <= len(text) and text[pos - 1] == char and (pos == len(text) or text[pos] != char):
        pos -= 1  # libyaml reports the offset just past the character
    line, col = _line_col(text, pos)
    return Diagnostic(
        "MC002",
        Text("diag.MC002.character", code=f"{ord(char):04X}"),
        Text("diag.MC002.character.hint"),
    ).at(path, line, col)


def _marked_error(text: str, path: str, e: yaml.MarkedYAMLError) -> Diagnostic:
    """A syntax error of the parser, at the place an author can fix it."""
    problem = e.problem or ""
    context = e.context or ""
    mark = e.problem_mark or e.context_mark
    if e.context_mark is not None and context.startswith(_FRIENDLY_CONTEXTS):
        mark = e.context_mark  # the opening quote or bracket, not the end of the file
    if "maximum nesting depth" in problem:
        return _mark_diag(
            path,
            "MC005",
            Text("diag.MC005.deep"),
            Text("diag.MC005.nested.hint"),
            mark,
        )
    pm = e.problem_mark
    if pm is not None and "cannot start any token" in problem and _char_at(text, pm) == "\t":
        return _mark_diag(
            path,
            "MC002",
            Text("diag.MC002.tab"),
            Text("diag.MC002.tab.hint"),
            e.problem_mark or mark,
        )
    said, where = parser_words(problem, context)
    return _mark_diag(
        path,
        "MC002",
        Text("diag.MC002.syntax", problem=said, where=where),
        _syntax_hint(problem),
        mark,
    )


def parser_words(problem: str, context: str) -> tuple[Message, Message]:
    """The parser's problem and context as catalogue texts where ``yamltexts`` knows them
    (else as the parser said them): the ``problem`` and ``where`` of ``diag.MC002.syntax``."""
    from meldcode_cli.protocol.yamltexts import context_text, problem_text

    said: Message = problem_text(problem) or problem or Text("diag.MC002.unreadable")
    where: Message = ""
    known = context_text(context)
    if known is not None:
        where = Text("yaml.where", context=known)
    elif context:
        where = f" ({context})"
    return said, where


_LAST: list[tuple[str, Any]] = []
"""The text and root node of the last document loaded: a ``Locator`` for the same text
(``validate`` placing its diagnostics) reuses the node instead of parsing a second time."""


def _remember(text: str, node: Any) -> None:
    _LAST[:] = [(text, node)]


def _remembered(text: str) -> Any:
    for known, node in _LAST:
        if known is text or known == text:
            return node
    return None


def _syntax_hint(problem: str) -> Text:
    if "mapping values are not allowed" in problem:
        return Text("diag.MC002.hint.colon")
    if "found character" in problem and "cannot start any token" in problem:
        return Text("diag.MC002.hint.quote")
    if "expected <block end>" in problem or "indentation" in problem:
        return Text("diag.MC002.hint.indentation")
    if "found unexpected end of stream" in problem:
        return Text("diag.MC002.hint.unclosed")
    return Text("diag.MC002.hint.around")


class Locator:
    """Finds the line and column of a location in a YAML document (composed lazily)."""

    def __init__(self, text: str, root: Any = None) -> None:
        self._text = text
        if root is None:
            root = _remembered(text)
        self._root: Any = root
        self._composed = root is not None
        self._index: dict[int, dict[str, tuple[Any, Any]]] = {}

    def _keys(self, node: Any) -> dict[str, tuple[Any, Any]]:
        """The keys of a mapping node, indexed once (a lookup per diagnostic stays O(1),
        so a file with many unknown keys costs linear, not quadratic, time)."""
        index = self._index.get(id(node))
        if index is None:
            index = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    index.setdefault(str(k.value), (k, v))
            self._index[id(node)] = index
        return index

    def _node(self) -> Any:
        if not self._composed:
            self._composed = True
            try:
                self._root = yaml.compose(self._text, Loader=_ComposeLoader)
            except yaml.YAMLError:
                self._root = None
        return self._root

    def _find(self, loc: Loc) -> tuple[Any, Any]:
        """(key node or None, value node) for the deepest existing part of ``loc``."""
        target = self._node()
        key_node = None
        for seg in loc:
            if isinstance(target, yaml.MappingNode):
                found = self._keys(target).get(str(seg))
                if found is None:
                    continue  # a loc segment that is not a key (union tag): skip it
                key_node, target = found
            elif isinstance(target, yaml.SequenceNode) and isinstance(seg, int):
                if 0 <= seg < len(target.value):
                    key_node, target = None, target.value[seg]
                else:
                    break
            else:
                break
        return key_node, target

    def scalar(self, loc: Loc) -> str | None:
        """The scalar at ``loc`` exactly as written (for hints), or None."""
        if self._node() is None:
            return None
        _, node = self._find(loc)
        if isinstance(node, yaml.ScalarNode):
            return str(node.value)
        return None

    def locate(self, loc: Loc, *, key: bool = False, offset: int | None = None) -> tuple[int, int]:
        """1-based (line, col) for ``loc``; the closest ancestor if it does not exist.

        ``key``: point at the mapping key of the last segment rather than its value.
        ``offset``: a 0-based offset inside the scalar at ``loc`` (a condition).
        """
        if self._node() is None:
            return 1, 1
        key_node, target = self._find(loc)
        mark_node = key_node if (key and key_node is not None) else target
        line, col = mark_node.start_mark.line + 1, mark_node.start_mark.column + 1
        if offset is not None and isinstance(target, yaml.ScalarNode) and mark_node is target:
            pos = _scalar_position(self._text, target, offset)
            if pos is not None:
                return pos
        return line, col


def _scalar_position(text: str, node: Any, offset: int) -> tuple[int, int] | None:
    """Where character ``offset`` of a scalar's value stands in the source.

    Walks the source of the scalar and counts value characters: inside plain, quoted and
    folded scalars a line break plus indentation reads as one space. Escape sequences in
    double-quoted text are not decoded (conditions do not need them); on any mismatch
    the caller falls back to the start of the scalar.
    """
    start, end = node.start_mark.index, node.end_mark.index
    src = text[start:end]
    style = node.style
    i = 0
    if style in ("'", '"'):
        i = 1
    elif style in ("|", ">"):
        nl = src.find("\n")
        if nl < 0:
            return None
        i = nl + 1
        while i < len(src) and src[i] == " ":
            i += 1
    count = 0
    while i < len(src):
        ch = src[i]
        if ch == "\n":
            if style == "|":
                count += 1
                i += 1
                while i < len(src) and src[i] == " ":
                    i += 1
                continue
            # a folded line break: trailing spaces, break and indentation count as one space
            count += 1
            i += 1
            while i < len(src) and src[i] == " ":
                i += 1
            continue
        if count == offset:
            return _line_col(text, start + i)
        if ch == " " and style not in ("|", "'", '"') and i + 1 < len(src) and src[i + 1] == "\n":
            i += 1
            continue
        count += 1
        i += 1
    if count == offset:  # just past the last character ("... == " with nothing after it)
        back = 1 if style in ("'", '"') else 0
        return _line_col(text, start + len(src.rstrip("\n ")) - back)
    return None


def locate_in_file(path: Path, loc: Loc) -> tuple[int, int]:
    """(line, col) of ``loc`` in a YAML file, or (1, 1) when it cannot be read."""
    try:
        return Locator(read_text(path)).locate(loc)
    except (OSError, ValueError):
        return 1, 1
