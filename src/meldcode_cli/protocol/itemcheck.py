"""The checks on each item of a protocol, after the outline: its sources (MC206, MC207,
MC213), its roles (MC211) and its options (MC212, MC214, MC217). Pure;
:func:`meldcode_cli.protocol.compiled.compile_protocol` calls them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from meldcode_cli.errors import Text
from meldcode_cli.protocol.condcheck import _foreign_roles, foreign_role
from meldcode_cli.protocol.diagnostics import Diagnostic, did_you_mean
from meldcode_cli.protocol.model import (
    ConcreteItem,
    GuidanceItem,
    MultiChoiceItem,
    Protocol,
    SingleChoiceItem,
    Source,
    YesNoItem,
)

if TYPE_CHECKING:
    from meldcode_cli.protocol.compiled import CItem

__all__ = ["check_items", "is_normative", "unused_sources"]


def _trigger_item(item: ConcreteItem) -> bool:
    if isinstance(item, YesNoItem):
        return item.acute_if is not None or item.structureel_if is not None
    if isinstance(item, SingleChoiceItem | MultiChoiceItem):
        return any(o.acute or o.structureel for o in item.options)
    return False


def is_normative(item: ConcreteItem) -> bool:
    """Items that state or apply a rule and therefore must cite a source."""
    return isinstance(item, GuidanceItem) or item.why is not None or _trigger_item(item)


def check_items(
    protocol: Protocol, citems: list[CItem], sources: dict[str, Source]
) -> tuple[list[Diagnostic], set[str]]:
    """The diagnostics of every item in walk order, and the source ids the items cite."""
    diags: list[Diagnostic] = []
    used: set[str] = set()
    for ci in citems:
        used.update(ci.item.sources)
        if ci.fragment:  # the shared fragment cites the shared sources
            continue
        diags.extend(_item_sources(ci, sources))
        diags.extend(_item_roles(ci, protocol.roles))
        if isinstance(ci.item, SingleChoiceItem | MultiChoiceItem):
            diags.extend(_options(ci, ci.item, protocol.roles))
    return diags, used


def _item_sources(ci: CItem, sources: dict[str, Source]) -> list[Diagnostic]:
    """MC206 (a source that is not listed) and MC207 (a norm without a source)."""
    item = ci.item
    out = [
        Diagnostic(
            "MC206",
            Text("diag.MC206.unknown", id=sid),
            did_you_mean(sid, sources) or Text("diag.hint.add_source"),
            (*ci.loc, "sources", si),
        )
        for si, sid in enumerate(item.sources)
        if sid not in sources
    ]
    if is_normative(item) and not item.sources:
        out.append(
            Diagnostic(
                "MC207",
                Text("diag.MC207.no_source", id=item.id),
                Text("diag.MC207.no_source.hint"),
                (*ci.loc, "id"),
            )
        )
    return out


def _item_roles(ci: CItem, roles: Sequence[str]) -> list[Diagnostic]:
    """MC211: ``roles``, ``role_text`` and ``role_help`` name only the protocol's roles."""
    item = ci.item
    out = _foreign_roles(item.roles, roles, (*ci.loc, "roles"))
    for key in ("role_text", "role_help"):
        out.extend(
            foreign_role(r, roles, (*ci.loc, key, r))
            for r in getattr(item, key) or {}
            if r not in roles
        )
    return out


def _options(
    ci: CItem, item: SingleChoiceItem | MultiChoiceItem, roles: Sequence[str]
) -> list[Diagnostic]:
    """MC211 (an option's roles), MC212 (an option twice), MC217 (too few options for a
    role), MC214 (min_selected above the number of options)."""
    out: list[Diagnostic] = []
    seen: set[str] = set()
    for oi, o in enumerate(item.options):
        out.extend(_foreign_roles(o.roles, roles, (*ci.loc, "options", oi, "roles")))
        if o.id in seen:
            out.append(
                Diagnostic(
                    "MC212",
                    Text("diag.MC212.twice", option=o.id, id=item.id),
                    Text("diag.MC212.twice.hint"),
                    (*ci.loc, "options", oi, "id"),
                )
            )
        seen.add(o.id)
    for r in item.roles if item.roles is not None else roles:
        out.extend(_options_for_role(ci, item, r))
    if isinstance(item, MultiChoiceItem) and item.min_selected > len(item.options):
        out.append(
            Diagnostic(
                "MC214",
                Text("diag.MC214.too_high", min=item.min_selected, n=len(item.options)),
                Text("diag.MC214.too_high.hint"),
                (*ci.loc, "min_selected"),
            )
        )
    return out


def _options_for_role(
    ci: CItem, item: SingleChoiceItem | MultiChoiceItem, role: str
) -> list[Diagnostic]:
    """MC217: a role that is offered no option (or fewer than ``min_selected``)."""
    offered = sum(1 for o in item.options if o.for_role(role))
    too_few = offered == 0 if isinstance(item, SingleChoiceItem) else offered < item.min_selected
    if not too_few:
        return []
    what = (
        Text("diag.MC217.none", id=item.id, role=role)
        if offered == 0
        else Text(
            "diag.MC217.too_few",
            id=item.id,
            min=getattr(item, "min_selected", 1),
            role=role,
            n=offered,
        )
    )
    return [Diagnostic("MC217", what, Text("diag.MC217.hint", role=role), (*ci.loc, "options"))]


def unused_sources(protocol: Protocol, used: set[str]) -> list[Diagnostic]:
    """MC213 (a warning): a listed source that no item or check cites."""
    used = used | {sid for check in protocol.checks for sid in check.sources}
    return [
        Diagnostic(
            "MC213",
            Text("diag.MC213.unused", id=s.id),
            Text("diag.MC213.unused.hint"),
            ("sources", i, "id"),
            severity="warning",
        )
        for i, s in enumerate(protocol.sources)
        if s.id not in used
    ]
