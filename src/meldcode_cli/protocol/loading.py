"""Loading protocol files: YAML → pydantic model, every error with file:line:col."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from meldcode_cli.errors import Text
from meldcode_cli.files.jsonio import os_error_reason
from meldcode_cli.protocol import model as p
from meldcode_cli.protocol.diagnostics import Diagnostic, Loc, Message, did_you_mean

__all__ = ["LoadedProtocol", "load_protocol_file", "load_protocol_text"]

KINDS = ("yes_no", "single_choice", "multi_choice", "text", "date", "guidance", "afwegingskader")


def field_names(root: type[BaseModel]) -> list[str]:
    """Every field name of ``root`` and the models defined beside it (for suggestions)."""
    import sys

    module = sys.modules[root.__module__]
    names: set[str] = set()
    for obj in vars(module).values():
        if (
            isinstance(obj, type)
            and issubclass(obj, BaseModel)
            and obj.__module__ == module.__name__
        ):
            names.update(obj.model_fields)
    return sorted(names)


FIELD_NAMES = field_names(p.Protocol)


@dataclass
class LoadedProtocol:
    path: str
    text: str
    protocol: p.Protocol | None
    diagnostics: list[Diagnostic]


def _clean_loc(loc: tuple[str | int, ...]) -> Loc:
    """Drop pydantic's union-tag and validator segments that are not YAML keys.

    The discriminated item union inserts the ``kind`` right after ``items, <index>``;
    only there is a kind name a tag (``text`` is also a field name elsewhere).
    """
    out: list[str | int] = []
    for i, seg in enumerate(loc):
        if isinstance(seg, str):
            after_item = i >= 2 and loc[i - 2] == "items" and isinstance(loc[i - 1], int)
            if (after_item and seg in KINDS) or "[" in seg or seg.startswith("function-"):
                continue
        out.append(seg)
    return tuple(out)


def _field_name(loc: Loc) -> str:
    """``roles[1]`` rather than ``1``: the last key, with the indexes after it."""
    if not loc:
        return "document"
    tail: list[str] = []
    for seg in reversed(loc):
        if isinstance(seg, int):
            tail.insert(0, f"[{seg}]")
        else:
            return seg + "".join(tail)
    return "".join(tail)


_BOUNDS = {
    "less_than_equal": "diag.schema.bound.le",
    "less_than": "diag.schema.bound.lt",
    "greater_than_equal": "diag.schema.bound.ge",
    "greater_than": "diag.schema.bound.gt",
    "too_short": "diag.schema.bound.too_short",
    "too_long": "diag.schema.bound.too_long",
    "string_too_short": "diag.schema.bound.string_too_short",
    "string_too_long": "diag.schema.bound.string_too_long",
}
"""pydantic's bound errors → catalogue keys (their params: pydantic's ``ctx``)."""


def _describe_input(value: Any) -> Message:
    if value is None:
        return Text("diag.schema.input.empty")
    if isinstance(value, bool):
        return Text("diag.schema.input.boolean", value=str(value).lower())
    if isinstance(value, int | float):
        return Text("diag.schema.input.number", value=value)
    if isinstance(value, dict):
        return Text("diag.schema.input.mapping")
    if isinstance(value, list):
        return Text("diag.schema.input.list")
    return repr(value)


Mapped = tuple[Diagnostic, bool]
"""A diagnostic, and whether it points at the key (rather than the value)."""


def _pydantic_diag(err: Any, known_fields: list[str] | None = None) -> Mapped:
    """Map one pydantic error to a diagnostic; the bool says 'point at the key'."""
    etype: str = err["type"]
    loc = _clean_loc(tuple(err["loc"]))
    value = err.get("input")
    ctx = err.get("ctx") or {}
    field = _field_name(loc)
    if etype == "missing":
        return Diagnostic(
            "MC101",
            Text("diag.MC101.missing", field=field),
            Text("diag.MC101.missing.hint", field=field),
            loc[:-1],
        ), True
    if etype == "extra_forbidden":
        return _extra_field(field, loc, known_fields)
    if etype == "union_tag_invalid":
        tag = str(ctx.get("tag", value))
        hint = did_you_mean(tag, KINDS) or Text("diag.MC105.unknown.hint", kinds=", ".join(KINDS))
        return Diagnostic("MC105", Text("diag.MC105.unknown", tag=tag), hint, (*loc, "kind")), False
    if etype == "union_tag_not_found":
        return (
            Diagnostic(
                "MC101",
                Text("diag.MC101.kind"),
                Text("diag.MC101.kind.hint", kinds=", ".join(KINDS)),
                loc,
            ),
            False,
        )
    if etype == "literal_error":
        return _literal(field, loc, value, ctx)
    if etype == "text_is_scalar" or (
        etype == "string_type" and isinstance(value, bool | int | float)
    ):
        quoted = str(value).lower() if isinstance(value, bool) else str(value)
        return (
            Diagnostic(
                "MC007",
                Text("diag.MC007.scalar", field=field, input=_describe_input(value)),
                Text("diag.MC007.scalar.hint", value=quoted),
                loc,
            ),
            False,
        )
    return _value_error(etype, field, loc, value, ctx, err)


def _extra_field(field: str, loc: Loc, known_fields: list[str] | None) -> Mapped:
    candidates = known_fields if known_fields is not None else FIELD_NAMES
    if field in candidates:
        return Diagnostic(
            "MC102",
            Text("diag.MC102.misplaced", field=field),
            Text("diag.MC102.misplaced.hint", field=field),
            loc,
        ), True
    hint = did_you_mean(field, candidates) or Text("diag.MC102.unknown.hint")
    return Diagnostic("MC102", Text("diag.MC102.unknown", field=field), hint, loc), True


def _literal(field: str, loc: Loc, value: Any, ctx: Any) -> Mapped:
    if loc == ("schema_version",):
        version = p.SCHEMA_VERSION
        if str(value) == str(version):
            msg = Text("diag.MC106.text", version=version, value=repr(value))
            hint = Text("diag.MC106.text.hint", version=version)
        else:
            msg = Text("diag.MC106.unsupported", value=repr(value))
            hint = Text("diag.MC106.unsupported.hint", version=version)
        return Diagnostic("MC106", msg, hint, loc), False
    expected = ctx.get("expected", "")
    allowed = [a.strip(" '") for a in str(expected).replace(" or ", ",").split(",")]
    close = did_you_mean(str(value), allowed) if isinstance(value, str) else None
    return Diagnostic(
        "MC104",
        Text("diag.MC104.not_allowed", field=field, input=_describe_input(value)),
        close or Text("diag.MC104.not_allowed.hint", expected=expected),
        loc,
    ), False


_EXPECTED = {
    "string_type": "diag.schema.expected.text",
    "int_type": "diag.schema.expected.int",
    "int_parsing": "diag.schema.expected.int",
    "bool_type": "diag.schema.expected.bool",
    "bool_parsing": "diag.schema.expected.bool",
    "list_type": "diag.schema.input.list",
    "dict_type": "diag.schema.input.mapping",
    "model_type": "diag.schema.input.mapping",
    "model_attributes_type": "diag.schema.input.mapping",
}

_PATTERN_HINTS = {
    p.ITEM_ID_PATTERN: "diag.MC104.pattern.item_id",
    p.PROTOCOL_ID_PATTERN: "diag.MC104.pattern.protocol_id",
    p.SOURCE_ID_PATTERN: "diag.MC104.pattern.source_id",
}


def _value_error(etype: str, field: str, loc: Loc, value: Any, ctx: Any, err: Any) -> Mapped:
    """A value of the wrong type, out of bounds or of the wrong form."""
    if value is None and etype in (
        "model_type",
        "model_attributes_type",
        "dict_type",
        "string_type",
    ):
        return Diagnostic(
            "MC103",
            Text("diag.MC103.empty", field=field),
            Text("diag.MC103.empty.hint", field=field),
            loc,
        ), False
    if etype.endswith("_type") or etype.endswith("_parsing") or etype in ("model_attributes_type",):
        expected = Text(_EXPECTED.get(etype, "diag.schema.expected.other"))
        return (
            Diagnostic(
                "MC103",
                Text(
                    "diag.MC103.type", field=field, expected=expected, input=_describe_input(value)
                ),
                None,
                loc,
            ),
            False,
        )
    if etype in _BOUNDS:
        if loc and loc[-1] == "step":
            return (
                Diagnostic(
                    "MC210",
                    Text("diag.MC210.step", step=value),
                    Text("diag.MC210.step.hint"),
                    loc,
                ),
                False,
            )
        bound = Text(_BOUNDS[etype], **dict(ctx))
        return Diagnostic(
            "MC104", Text("diag.MC104.bound", field=field, bound=bound), None, loc
        ), False
    if etype == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        known = _PATTERN_HINTS.get(pattern)
        hint = Text(known) if known else Text("diag.MC104.pattern.hint", pattern=pattern)
        return Diagnostic(
            "MC104",
            Text("diag.MC104.pattern", field=field, input=_describe_input(value)),
            hint,
            loc,
        ), False
    msg = str(err.get("msg", etype))
    return Diagnostic("MC104", Text("diag.MC104.other", field=field, msg=msg), None, loc), False


M = TypeVar("M", bound=BaseModel)
MAX_DIAGNOSTICS = 100
"""Diagnostics per file from schema validation; the rest are counted ("en N meer")."""


def validate_document(model: type[M], text: str, path: str) -> tuple[M | None, list[Diagnostic]]:
    """YAML text → ``model`` with every error at file:line:col (never raises)."""
    from meldcode_cli.protocol import yamlio

    doc, diags = yamlio.load_yaml_text(text, path)
    if doc is None:
        return None, diags
    try:
        return model.model_validate(doc.data), []
    except ValidationError as e:
        locator = yamlio.Locator(text, doc.node)
        out: list[Diagnostic] = []
        known = field_names(model)
        errors = e.errors(include_url=False)
        for err in errors[:MAX_DIAGNOSTICS]:
            d, on_key = _pydantic_diag(err, known)
            if d.code == "MC007":
                raw = locator.scalar(d.loc)
                if raw is not None:
                    d = d.with_hint(Text("diag.MC007.scalar.hint", value=raw))
            line, col = locator.locate(d.loc, key=on_key)
            out.append(d.at(path, line, col))
        out = _dedupe(out)
        if len(errors) > MAX_DIAGNOSTICS:
            # a file with 100k unknown keys says so once, not 100k times
            rest = len(errors) - MAX_DIAGNOSTICS
            out.append(
                Diagnostic(
                    _pydantic_diag(errors[MAX_DIAGNOSTICS], known)[0].code,
                    Text("diag.schema.more_errors", rest=rest, shown=MAX_DIAGNOSTICS),
                    Text("diag.schema.more_errors.hint"),
                ).at(path, 1, 1)
            )
        return None, out


def load_protocol_text(text: str, path: str, *, cache: bool = True) -> LoadedProtocol:
    """Text → model. With ``cache``, a valid protocol's model is kept as JSON under the hash
    of its text (``meldcode_cli.protocol.cache``, in the form of
    ``meldcode_cli.protocol.modelstate``), so the next load of the same text skips the YAML
    parser and pydantic's validation; an entry that is not such a model is ignored and the
    file is loaded again."""
    from meldcode_cli.protocol import cache as store

    key = (
        store.key_for("model", text.encode("utf-8", "surrogatepass"))
        if cache and store.cache_dir()
        else None
    )
    if key is not None:
        data = store.get("model", key)
        if data is not None:
            from meldcode_cli.protocol import modelstate

            try:
                return LoadedProtocol(path, text, modelstate.load(data), [])
            except modelstate.Malformed:
                pass  # not what this tool wrote for a valid protocol: do the full load
    model, diags = validate_document(p.Protocol, text, path)
    if key is not None and model is not None and not diags:
        _store_model(key, model)
    return LoadedProtocol(path, text, model, diags)


def _store_model(key: str, model: p.Protocol) -> None:
    """Keep ``model`` when its form allows (``modelstate.Unsupported``: not kept)."""
    from meldcode_cli.protocol import cache as store
    from meldcode_cli.protocol import modelstate

    try:
        data = modelstate.dump(model)
    except modelstate.Unsupported:
        return
    store.put("model", key, data)


def _dedupe(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[str, int, int, str]] = set()
    out = []
    for d in diags:
        key = (d.code, d.line, d.col, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def load_protocol_file(
    path: Path, display: str | None = None, *, cache: bool = True
) -> LoadedProtocol:
    from meldcode_cli.protocol import yamlio

    shown = display or str(path)
    try:
        text = yamlio.read_text(path)
    except yamlio.NotUtf8 as e:
        return LoadedProtocol(
            shown,
            "",
            None,
            [
                Diagnostic(
                    "MC001",
                    Text("diag.MC001.protocol_not_utf8", offset=e.offset),
                    Text("diag.MC001.encoding.hint"),
                ).at(shown, e.line, e.col)
            ],
        )
    except yamlio.FileTooLarge as e:
        return LoadedProtocol(
            shown,
            "",
            None,
            [Diagnostic("MC005", str(e), Text("diag.MC005.too_large.hint")).at(shown, 1, 1)],
        )
    except (OSError, ValueError) as e:
        reason = os_error_reason(e) if isinstance(e, OSError) else str(e)
        return LoadedProtocol(
            shown,
            "",
            None,
            [
                Diagnostic(
                    "MC001",
                    Text("diag.MC001.protocol_unreadable", reason=reason),
                    Text("diag.MC001.protocol_unreadable.hint"),
                ).at(shown, 1, 1)
            ],
        )
    return load_protocol_text(text, shown, cache=cache)
