"""The condition language for ``when:``: parsed and type-checked, never ``eval``-ed.

Grammar::

    expr    := and ("or" and)*
    and     := unary ("and" unary)*
    unary   := "not" unary | atom
    atom    := "(" expr ")" | ref [("==" | "!=") value | "in" "[" value ("," value)* "]"
                                  | "contains" value]
    ref     := NAME ("." NAME)?
    value   := NAME | "'" chars "'" | '"' chars '"'

A bare ``ref`` is true when the item was answered "ja" (yes/no), when at least one
option was chosen (multiple choice), or when it was answered at all (other kinds).
Special names: ``role``, ``acute`` (the acute route was taken), ``structureel``
(structurele onveiligheid was recorded) and ``decision.melden``, ``decision.hulp``,
``decision.afsluiten`` (after the afwegingskader).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from meldcode_cli.errors import Text

__all__ = [
    "And",
    "Compare",
    "ConditionSyntaxError",
    "Expr",
    "Not",
    "Or",
    "Ref",
    "compile_expr",
    "evaluate",
    "parse",
    "refs",
]

MAX_CONDITION_LENGTH = 2000
MAX_DEPTH = 50


class ConditionSyntaxError(ValueError):
    """A condition that does not parse; ``pos`` is the 0-based offset in the text."""

    def __init__(self, text: Text, pos: int) -> None:
        super().__init__(text.key)
        self.text = text
        """What is wrong, as a catalogue text (``diag.cond.*``)."""
        self.pos = pos

    @property
    def message(self) -> str:
        """The text in the current language."""
        return str(self.text)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Ref:
    name: str
    pos: int


@dataclass(frozen=True, slots=True)
class Compare:
    ref: Ref
    op: Literal["==", "!=", "in", "contains"]
    values: tuple[str, ...]
    value_pos: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Not:
    expr: Expr


@dataclass(frozen=True, slots=True)
class And:
    parts: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Or:
    parts: tuple[Expr, ...]


Expr = Ref | Compare | Not | And | Or

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)
  | (?P<str>'[^']*'|"[^"]*")
  | (?P<op>==|!=|\(|\)|\[|\]|,)
    """,
    re.VERBOSE,
)

_KEYWORDS = {"and", "or", "not", "in", "contains"}


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # name, str, op, kw, end
    text: str
    pos: int


def _tokenize(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            ch = text[pos]
            key = "diag.cond.unexpected_eq" if ch == "=" else "diag.cond.unexpected_char"
            raise ConditionSyntaxError(Text(key, char=repr(ch)), pos)
        kind = m.lastgroup or ""
        if kind != "ws":
            value = m.group()
            if kind == "name" and value in _KEYWORDS:
                kind = "kw"
            if kind == "str":
                value = value[1:-1]
            out.append(_Tok(kind, value, pos))
        pos = m.end()
    out.append(_Tok("end", "", len(text)))
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.toks = _tokenize(text)
        self.i = 0
        self.depth = 0

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def expect_op(self, op: str) -> _Tok:
        tok = self.take()
        if tok.kind != "op" or tok.text != op:
            raise ConditionSyntaxError(
                Text("diag.cond.expected_op", op=op, found=_describe(tok)), tok.pos
            )
        return tok

    def parse(self) -> Expr:
        expr = self.expr()
        tok = self.peek()
        if tok.kind != "end":
            raise ConditionSyntaxError(Text("diag.cond.trailing", found=_describe(tok)), tok.pos)
        return expr

    def expr(self) -> Expr:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionSyntaxError(Text("diag.cond.too_deep"), self.peek().pos)
        parts = [self.conj()]
        while self.peek().kind == "kw" and self.peek().text == "or":
            self.take()
            parts.append(self.conj())
        self.depth -= 1
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def conj(self) -> Expr:
        parts = [self.unary()]
        while self.peek().kind == "kw" and self.peek().text == "and":
            self.take()
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self) -> Expr:
        tok = self.peek()
        if tok.kind == "kw" and tok.text == "not":
            self.take()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ConditionSyntaxError(Text("diag.cond.too_deep"), tok.pos)
            inner = self.unary()
            self.depth -= 1
            return Not(inner)
        return self.atom()

    def atom(self) -> Expr:
        tok = self.take()
        if tok.kind == "op" and tok.text == "(":
            inner = self.expr()
            self.expect_op(")")
            return inner
        if tok.kind != "name":
            raise ConditionSyntaxError(Text("diag.cond.expected_id", found=_describe(tok)), tok.pos)
        ref = Ref(tok.text, tok.pos)
        nxt = self.peek()
        if nxt.kind == "op" and nxt.text in ("==", "!="):
            self.take()
            val = self.value()
            op: Literal["==", "!="] = "==" if nxt.text == "==" else "!="
            return Compare(ref, op, (val.text,), (val.pos,))
        if nxt.kind == "kw" and nxt.text == "contains":
            self.take()
            val = self.value()
            return Compare(ref, "contains", (val.text,), (val.pos,))
        if nxt.kind == "kw" and nxt.text == "in":
            self.take()
            self.expect_op("[")
            vals = [self.value()]
            while self.peek().kind == "op" and self.peek().text == ",":
                self.take()
                vals.append(self.value())
            self.expect_op("]")
            return Compare(ref, "in", tuple(v.text for v in vals), tuple(v.pos for v in vals))
        return ref

    def value(self) -> _Tok:
        tok = self.take()
        if tok.kind not in ("name", "str"):
            raise ConditionSyntaxError(
                Text("diag.cond.expected_value", found=_describe(tok)), tok.pos
            )
        return tok


def _describe(tok: _Tok) -> Text | str:
    if tok.kind == "end":
        return Text("diag.cond.end")
    return repr(tok.text)


def parse(text: str) -> Expr:
    """Parse a condition; raises :class:`ConditionSyntaxError`."""
    if len(text) > MAX_CONDITION_LENGTH:
        raise ConditionSyntaxError(
            Text("diag.cond.too_long", n=len(text), max=MAX_CONDITION_LENGTH), 0
        )
    if not text.strip():
        raise ConditionSyntaxError(Text("diag.cond.empty"), 0)
    return _Parser(text).parse()


def refs(expr: Expr) -> list[Ref]:
    """All references in an expression, in source order."""
    out: list[Ref] = []

    def walk(e: Expr) -> None:
        if isinstance(e, Ref):
            out.append(e)
        elif isinstance(e, Compare):
            out.append(e.ref)
        elif isinstance(e, Not):
            walk(e.expr)
        else:
            for p in e.parts:
                walk(p)

    walk(expr)
    return out


Value = str | bool | frozenset[str] | None


def truthy(value: Value) -> bool:
    """A bare reference: answered at all (a non-empty choice for a multiple choice).

    Bare references to yes/no items are rewritten to ``== ja`` when a protocol is
    compiled, so the answer "nee" to a yes/no question is false there, while the text
    "nee" or an option called ``nee`` still counts as answered.
    """
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, frozenset):
        return bool(value)
    return value != ""


def evaluate(expr: Expr, lookup: Callable[[str], Value] | Mapping[str, Value]) -> bool:
    """Evaluate a (type-checked) expression. Unanswered references are ``None``."""
    get: Callable[[str], Value] = lookup.get if isinstance(lookup, Mapping) else lookup

    def ev(e: Expr) -> bool:
        if isinstance(e, Ref):
            return truthy(get(e.name))
        if isinstance(e, Compare):
            v = get(e.ref.name)
            if v is None:
                return False
            if e.op == "contains":
                return isinstance(v, frozenset) and e.values[0] in v
            if e.op == "in":
                return v in e.values
            if e.op == "==":
                return v == e.values[0]
            return v != e.values[0]
        if isinstance(e, Not):
            return not ev(e.expr)
        if isinstance(e, And):
            return all(ev(p) for p in e.parts)
        return any(ev(p) for p in e.parts)

    return ev(expr)


def compile_expr(expr: Expr) -> Callable[[Mapping[str, Value]], bool]:
    """Turn a (type-checked) expression into a function of the environment.

    Same meaning as :func:`evaluate`, without walking the tree on every call; the path
    analysis evaluates conditions many thousands of times.
    """
    if isinstance(expr, Ref):
        name = expr.name
        return lambda env: truthy(env.get(name))
    if isinstance(expr, Compare):
        name, op, values = expr.ref.name, expr.op, expr.values
        if op == "contains":
            want = values[0]
            return lambda env: isinstance(v := env.get(name), frozenset) and want in v
        if op == "in":
            allowed = frozenset(values)
            return lambda env: (v := env.get(name)) is not None and v in allowed
        target = values[0]
        if op == "==":
            return lambda env: env.get(name) == target
        return lambda env: (v := env.get(name)) is not None and v != target
    if isinstance(expr, Not):
        inner = compile_expr(expr.expr)
        return lambda env: not inner(env)
    parts = tuple(compile_expr(p) for p in expr.parts)
    if isinstance(expr, And):
        return lambda env: all(p(env) for p in parts)
    return lambda env: any(p(env) for p in parts)
