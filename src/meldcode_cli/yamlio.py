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

from meldcode_cli.diagnostics import Diagnostic, Loc

__all__ = ["MAX_BYTES", "MAX_DEPTH", "Locator", "YamlDocument", "load_yaml_text"]

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64

_BaseLoader: type[yaml.SafeLoader]
try:
    _BaseLoader = yaml.CSafeLoader  # type: ignore[assignment,unused-ignore]
except AttributeError:  # pragma: no cover - libyaml missing
    _BaseLoader = yaml.SafeLoader

WITH_LIBYAML: bool = _BaseLoader is not yaml.SafeLoader


class _YamlProblem(Exception):
    def __init__(self, code: str, message: str, hint: str, mark: Any) -> None:
        super().__init__(message)
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
    bool_re = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
    for ch in "tTfF":
        out.setdefault(ch, []).append(("tag:yaml.org,2002:bool", bool_re))
    return out


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    yaml_implicit_resolvers = _resolvers()


_STR = "tag:yaml.org,2002:str"
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
    seen: set[int] = set()

    def conv(n: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _YamlProblem(
                "MC005",
                f"document is dieper genest dan {MAX_DEPTH} niveaus",
                "een protocol heeft maar een paar niveaus; controleer de inspringing",
                n.start_mark,
            )
        if id(n) in seen:
            raise _YamlProblem(
                "MC004",
                "aliassen (*naam) zijn niet toegestaan in een protocol",
                "schrijf de waarde uit in plaats van een anker (&) en alias (*) te gebruiken",
                n.start_mark,
            )
        seen.add(id(n))
        tag = n.tag
        if tag == _STR:
            return n.value
        if tag == _MAP:
            out: dict[Any, Any] = {}
            marks: dict[Any, Any] = {}
            for k, v in n.value:
                if k.tag == "tag:yaml.org,2002:merge":
                    raise _YamlProblem(
                        "MC004",
                        "samenvoegen met '<<' is niet toegestaan",
                        "schrijf de sleutels uit",
                        k.start_mark,
                    )
                key = conv(k, depth + 1)
                if isinstance(key, dict | list):
                    raise _YamlProblem(
                        "MC004",
                        "een lijst of mapping als sleutel is niet toegestaan",
                        "gebruik tekst als sleutel",
                        k.start_mark,
                    )
                if key in marks:
                    raise _YamlProblem(
                        "MC003",
                        f"sleutel '{key}' staat twee keer in dezelfde mapping "
                        f"(eerst op regel {marks[key].line + 1})",
                        "haal één van beide weg; YAML zou stil de laatste nemen",
                        k.start_mark,
                    )
                marks[key] = k.start_mark
                out[key] = conv(v, depth + 1)
            return out
        if tag == _SEQ:
            return [conv(x, depth + 1) for x in n.value]
        method = _SCALARS.get(tag)
        if method is not None and isinstance(n, yaml.ScalarNode):
            return getattr(loader, method)(n)
        raise _YamlProblem(
            "MC004",
            f"niet-toegestane YAML-tag {tag}",
            "gebruik gewone tekst, getallen, lijsten en mappings; geen !tags",
            n.start_mark,
        )

    return conv(node, 0)


class _ComposeLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    yaml_implicit_resolvers = _resolvers()


@dataclass
class YamlDocument:
    path: str
    text: str
    data: Any


def _nesting_too_deep(text: str) -> int | None:
    """Cheap pre-scan for flow-collection nesting, before the C parser recurses."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return i
        elif ch in "]}":
            depth = max(0, depth - 1)
        elif ch == "\n":
            # flow collections rarely span lines in protocols; block nesting is bounded by
            # indentation and checked during construction
            continue
    return None


def _mark_diag(path: str, code: str, message: str, hint: str, mark: Any) -> Diagnostic:
    line = getattr(mark, "line", 0) + 1 if mark is not None else 1
    col = getattr(mark, "column", 0) + 1 if mark is not None else 1
    return Diagnostic(code, message, hint).at(path, line, col)


def load_yaml_text(text: str, path: str) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Parse one YAML document safely. Returns the document or diagnostics, never raises."""
    if len(text) > MAX_BYTES:
        return None, [
            Diagnostic(
                "MC005",
                f"bestand is {len(text)} tekens; maximaal {MAX_BYTES}",
                "splits het protocol niet op maar kort teksten in; een protocol is enkele KB",
            ).at(path, 1, 1)
        ]
    pos = _nesting_too_deep(text)
    if pos is not None:
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        return None, [
            Diagnostic(
                "MC005",
                f"document is dieper genest dan {MAX_DEPTH} niveaus",
                "controleer de haakjes [ ] en { }",
            ).at(path, line, col)
        ]
    if "\t" in text:
        # libyaml's message for tabs is cryptic; say it plainly
        for lineno, line_text in enumerate(text.splitlines(), 1):
            stripped = line_text.lstrip(" ")
            if stripped.startswith("\t"):
                return None, [
                    Diagnostic(
                        "MC002",
                        "tab gebruikt voor inspringing",
                        "YAML staat alleen spaties toe voor inspringing",
                    ).at(path, lineno, len(line_text) - len(stripped) + 1)
                ]
    loader = _Loader(text)
    try:
        if not loader.check_node():
            return None, [
                Diagnostic(
                    "MC006", "het bestand is leeg", "een protocol begint met 'schema_version: 1'"
                ).at(path, 1, 1)
            ]
        node = loader.get_node()
        if loader.check_node():
            extra = loader.get_node()
            return None, [
                _mark_diag(
                    path,
                    "MC002",
                    "meer dan één YAML-document in het bestand",
                    "één protocol per bestand; haal de regel '---' weg",
                    extra.start_mark,
                )
            ]
        data = _to_python(loader, node)
    except _YamlProblem as p:
        return None, [_mark_diag(path, p.code, p.message, p.hint, p.mark)]
    except yaml.constructor.ConstructorError as e:
        mark = e.problem_mark or e.context_mark
        tag = (e.problem or "").strip()
        return None, [
            _mark_diag(
                path,
                "MC004",
                f"niet-toegestane YAML-tag: {tag}" if tag else "niet-toegestane YAML-constructie",
                "gebruik gewone tekst, getallen, lijsten en mappings; geen !tags",
                mark,
            )
        ]
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = e.problem or "onleesbare YAML"
        return None, [
            _mark_diag(path, "MC002", f"YAML-syntaxfout: {problem}", _syntax_hint(problem), mark)
        ]
    except yaml.YAMLError as e:
        return None, [
            Diagnostic("MC002", f"YAML-syntaxfout: {e}", "controleer het bestand").at(path, 1, 1)
        ]
    except RecursionError:
        return None, [
            Diagnostic("MC005", "document te diep genest", "controleer de inspringing").at(
                path, 1, 1
            )
        ]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "een lijst" if isinstance(data, list) else "een losse waarde"
        return None, [
            Diagnostic(
                "MC006",
                f"het document is {kind}, geen mapping",
                "een protocol begint met 'schema_version: 1' en 'id: ...' op het hoogste niveau",
            ).at(path, node.start_mark.line + 1, node.start_mark.column + 1)
        ]
    return YamlDocument(path, text, data), []


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "zet tekst met een dubbele punt tussen aanhalingstekens"
    if "found character" in problem and "cannot start any token" in problem:
        return "zet deze tekst tussen aanhalingstekens"
    if "expected <block end>" in problem or "indentation" in problem:
        return "controleer de inspringing (spaties, geen tabs)"
    if "found unexpected end of stream" in problem:
        return "een aanhalingsteken of haakje is niet gesloten"
    return "controleer de YAML-syntax rond deze plek"


class Locator:
    """Finds the line and column of a location in a YAML document (composed lazily)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: Any = None
        self._composed = False

    def _node(self) -> Any:
        if not self._composed:
            self._composed = True
            try:
                self._root = yaml.compose(self._text, Loader=_ComposeLoader)
            except yaml.YAMLError:
                self._root = None
        return self._root

    def locate(self, loc: Loc, *, key: bool = False, offset: int | None = None) -> tuple[int, int]:
        """1-based (line, col) for ``loc``; the closest ancestor if it does not exist.

        ``key``: point at the mapping key of the last segment rather than its value.
        ``offset``: a 0-based offset inside the scalar at ``loc``.
        """
        node = self._node()
        if node is None:
            return 1, 1
        target = node
        key_node = None
        for seg in loc:
            if isinstance(target, yaml.MappingNode):
                found = None
                for k, v in target.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == str(seg):
                        found = (k, v)
                        break
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
        mark_node = key_node if (key and key_node is not None) else target
        line, col = mark_node.start_mark.line + 1, mark_node.start_mark.column + 1
        if offset is not None and isinstance(target, yaml.ScalarNode) and mark_node is target:
            style = target.style
            if style in (None, "", "'", '"') and "\n" not in target.value:
                col += offset + (1 if style in ("'", '"') else 0)
        return line, col


def read_text(path: Path) -> str:
    """Read a protocol file as UTF-8 text (BOM tolerated)."""
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise ValueError(f"bestand is {len(data)} bytes; maximaal {MAX_BYTES}")
    return data.decode("utf-8-sig")
