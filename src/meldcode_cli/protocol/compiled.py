"""From a protocol model to a flat, checked item list the engine can run.

``compile_protocol`` does every static check that does not need path enumeration:
step numbering, ids, the afwegingskader marker, sources, roles and the conditions
(syntax, references, order, types). It is pure and returns diagnostics with YAML
locations (``loc``) that the loader turns into file:line:col.

The checks live by concern: the outline (steps, roles, sources, the closing block) in
:mod:`~meldcode_cli.protocol.structure`, each item in :mod:`~meldcode_cli.protocol.itemcheck`,
each condition in :mod:`~meldcode_cli.protocol.condcheck`; this module holds the compiled
types, numbers the items and puts the conditions and checks in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from meldcode_cli.errors import Text
from meldcode_cli.protocol import conditions as cond
from meldcode_cli.protocol.afwegingskader import DEFERRABLE, FRAGMENT_CONDITIONS
from meldcode_cli.protocol.condcheck import (
    FLAG_NAMES,
    _check_condition,
    _explicit_yes,
    _foreign_roles,
    _typecheck,
    syntax_error,
)
from meldcode_cli.protocol.diagnostics import Diagnostic, Loc, Message, did_you_mean
from meldcode_cli.protocol.itemcheck import check_items, unused_sources
from meldcode_cli.protocol.model import (
    Check,
    ConcreteItem,
    GuidanceItem,
    MultiChoiceItem,
    Protocol,
    SingleChoiceItem,
    Source,
    YesNoItem,
)
from meldcode_cli.protocol.structure import Flat, check_outline, collect_sources, flatten

__all__ = ["CCheck", "CItem", "CompiledProtocol", "compile_protocol"]

RESERVED = frozenset({"role", *FLAG_NAMES, "decision", "and", "or", "not", "in", "contains"})


@dataclass(frozen=True, slots=True)
class CItem:
    """One item in walk order, with its parsed relevance condition."""

    item: ConcreteItem
    step: int
    index: int
    cond: cond.Expr | None
    loc: Loc
    fragment: bool = False
    deferrable: bool = False
    id: str = field(init=False)
    answerable: bool = field(init=False)
    acute_values: frozenset[str] = field(init=False)
    """Answers (yes/no value or option ids) that raise acute onveiligheid."""
    structural_values: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        item = self.item
        object.__setattr__(self, "id", item.id)
        object.__setattr__(self, "answerable", not isinstance(item, GuidanceItem))
        acute: set[str] = set()
        structural: set[str] = set()
        if isinstance(item, YesNoItem):
            if item.acute_if:
                acute.add(item.acute_if)
            if item.structureel_if:
                structural.add(item.structureel_if)
        elif isinstance(item, SingleChoiceItem | MultiChoiceItem):
            acute.update(o.id for o in item.options if o.acute)
            structural.update(o.id for o in item.options if o.structureel)
        object.__setattr__(self, "acute_values", frozenset(acute))
        object.__setattr__(self, "structural_values", frozenset(structural))


@dataclass(frozen=True, slots=True)
class CCheck:
    """A compiled check (``checks:`` of the protocol, or a shared guardrail)."""

    check: Check
    cond: cond.Expr
    loc: Loc
    shared: bool = False

    @property
    def id(self) -> str:
        return self.check.id

    @property
    def severity(self) -> str:
        return self.check.severity


@dataclass(frozen=True)
class CompiledProtocol:
    protocol: Protocol
    items: tuple[CItem, ...]
    by_id: dict[str, CItem]
    decision_index: int
    """Index of the first item after the afwegingskader: from there ``decision.*`` exists."""
    sources: dict[str, Source] = field(default_factory=dict)
    checks: tuple[CCheck, ...] = ()
    """Protocol checks and the shared guardrails that apply, in that order."""
    shared_skipped: tuple[tuple[str, Message], ...] = ()
    """Shared guardrails that do not apply to this protocol: (id, why)."""
    checks_hash: str = ""
    """Hash of the check definitions in ``checks`` (stored in every record)."""
    organisatie: Any = None
    """The organisation overlay applied to this protocol (``protocol.organisatie``), if any:
    an :class:`~meldcode_cli.protocol.organisatie.Applied`."""

    @property
    def id(self) -> str:
        return self.protocol.id

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(self.protocol.roles)

    def for_role(self, role: str | None) -> CompiledProtocol:
        """The same protocol with each item's text and help as this role reads them
        (``role_text``/``role_help``); ``self`` when no item has a text of its own for it."""
        if role is None or not any(
            role in (ci.item.role_text or {}) or role in (ci.item.role_help or {})
            for ci in self.items
        ):
            return self
        items = tuple(
            replace(
                ci,
                item=ci.item.model_copy(
                    update={"text": ci.item.text_for(role), "help": ci.item.help_for(role)}
                ),
            )
            if role in (ci.item.role_text or {}) or role in (ci.item.role_help or {})
            else ci
            for ci in self.items
        )
        return replace(self, items=items, by_id={ci.id: ci for ci in items})


def compile_protocol(protocol: Protocol) -> tuple[CompiledProtocol | None, list[Diagnostic]]:
    """The compiled protocol (None when there are errors) and every diagnostic, in the
    order of the checks: outline, sources, closing block, ids, items, conditions, checks."""
    diags = check_outline(protocol)
    sources = collect_sources(protocol, diags)
    flat = flatten(protocol, sources, diags)
    citems, decision_index = _number_items(flat, protocol.kind == "informatieverzoek", diags)
    item_diags, used_sources = check_items(protocol, citems, sources)
    diags.extend(item_diags)
    diags.extend(unused_sources(protocol, used_sources))
    position = {ci.id: ci.index for ci in citems}
    roles: set[str] = set(protocol.roles)
    final = [_with_condition(ci, citems, position, decision_index, roles, diags) for ci in citems]
    checks, skipped = _compile_checks(
        protocol, final, position, decision_index, roles, sources, diags
    )
    if any(d.severity == "error" for d in diags):
        return None, diags
    from meldcode_cli.protocol.guardrails import checks_hash

    compiled = CompiledProtocol(
        protocol=protocol,
        items=tuple(final),
        by_id={ci.id: ci for ci in final},
        decision_index=decision_index,
        sources=sources,
        checks=tuple(checks),
        shared_skipped=tuple(skipped),
        checks_hash=checks_hash(c.check for c in checks),
    )
    return compiled, diags


def _number_items(flat: Flat, besluit: bool, diags: list[Diagnostic]) -> tuple[list[CItem], int]:
    """The items in walk order (a repeated afwegingskader left out: reported already) and
    the index after afweging 5, from where ``decision.*`` exists; MC209 (a reserved id),
    MC201 (an id twice)."""
    seen: dict[str, Loc] = {}
    first_marker = flat.markers[0][0] if flat.markers else None
    first_besluit = {bl for bl, _ in flat.besluit[:1]}
    decision_index = len(flat.items)
    citems: list[CItem] = []
    for item, stepno, loc, fragment in flat.items:
        if fragment and loc != first_marker:
            continue  # duplicate marker: already reported
        shared = fragment or (besluit and loc in first_besluit)
        id_loc: Loc = loc if shared else (*loc, "id")
        problem = None if shared else _reserved(item.id)
        if problem is not None:
            diags.append(
                Diagnostic("MC209", Text("diag.MC209.reserved", id=item.id), problem, id_loc)
            )
        elif item.id in seen:
            diags.append(
                Diagnostic(
                    "MC201",
                    Text("diag.MC201.id_twice", id=item.id),
                    Text("diag.MC201.id_twice.hint"),
                    id_loc,
                )
            )
        seen.setdefault(item.id, id_loc)
        if fragment and item.id == "afweging_5":
            decision_index = len(citems) + 1
        citems.append(
            CItem(
                item=item,
                step=stepno,
                index=len(citems),
                cond=None,
                loc=loc,
                fragment=fragment,
                deferrable=fragment and item.id in DEFERRABLE,
            )
        )
    return citems, decision_index


def _reserved(item_id: str) -> Text | None:
    """Why an item may not have this id (the hint of MC209), or None."""
    if item_id.startswith(("afweging_", "verstrekking_")):
        return Text("diag.MC209.prefix.hint")
    if item_id in RESERVED:
        return Text("diag.MC209.keyword.hint", id=item_id)
    return None


def _with_condition(
    ci: CItem,
    citems: list[CItem],
    position: dict[str, int],
    decision_index: int,
    roles: set[str],
    diags: list[Diagnostic],
) -> CItem:
    """The item with its relevance condition parsed and checked (MC204, MC202-MC205), the
    item's ``roles`` written in as ``role in (...)``."""
    expr: cond.Expr | None = None
    if ci.fragment:
        text = FRAGMENT_CONDITIONS[ci.id]
        expr = _explicit_yes(cond.parse(text), citems, position) if text else None
    else:
        item = ci.item
        if item.when is not None:
            try:
                parsed = cond.parse(item.when)
            except cond.ConditionSyntaxError as e:
                diags.append(syntax_error(e, (*ci.loc, "when")))
            else:
                errs = _typecheck(parsed, ci, citems, position, decision_index, roles)
                diags.extend(errs)
                if not errs:
                    expr = _explicit_yes(parsed, citems, position)
        if item.roles is not None:
            role_expr = cond.Compare(
                cond.Ref("role", 0), "in", tuple(item.roles), tuple(0 for _ in item.roles)
            )
            expr = role_expr if expr is None else cond.And((role_expr, expr))
    return CItem(ci.item, ci.step, ci.index, expr, ci.loc, ci.fragment, ci.deferrable)


def _compile_checks(
    protocol: Protocol,
    citems: list[CItem],
    position: dict[str, int],
    decision_index: int,
    roles: set[str],
    sources: dict[str, Source],
    diags: list[Diagnostic],
) -> tuple[list[CCheck], list[tuple[str, Message]]]:
    """The protocol's ``checks:`` (MC230-MC232, conditions as ``when:``) and the shared
    guardrails whose items exist in this protocol."""
    from meldcode_cli.protocol.guardrails import ALL_SHARED_CHECKS, GUARDRAIL_SOURCES

    out: list[CCheck] = []
    seen: set[str] = set()
    item_ids = {ci.id for ci in citems}
    end = len(citems)  # a check is evaluated over the whole walk: every item is earlier
    for i, check in enumerate(protocol.checks):
        loc: Loc = ("checks", i)
        diags.extend(_check_header(check, loc, seen, item_ids, sources, protocol.roles))
        seen.add(check.id)
        expr = _check_condition(check, loc, citems, position, decision_index, roles, diags, end)
        if expr is not None:
            out.append(CCheck(check, expr, loc))
    skipped: list[tuple[str, Message]] = []
    for s in GUARDRAIL_SOURCES:
        sources.setdefault(s.id, s)
    for check in ALL_SHARED_CHECKS:
        if check.id in seen:
            skipped.append((check.id, Text("diag.guardrail.own_check")))
            continue
        local: list[Diagnostic] = []
        expr = _check_condition(
            check, ("checks",), citems, position, decision_index, roles, local, end, hints=False
        )
        if expr is None:
            skipped.append((check.id, local[0].what if local else "?"))
            continue
        out.append(CCheck(check, expr, ("checks",), shared=True))
    return out, skipped


def _check_header(
    check: Check,
    loc: Loc,
    seen: set[str],
    item_ids: set[str],
    sources: dict[str, Source],
    protocol_roles: Sequence[str],
) -> list[Diagnostic]:
    """MC230 (an id used before), MC231 (an unknown source), MC232 (no source), MC211."""
    out: list[Diagnostic] = []
    if check.id in seen or check.id in item_ids:
        what = Text("diag.MC230.other_check" if check.id in seen else "diag.MC230.item")
        out.append(
            Diagnostic(
                "MC230",
                Text("diag.MC230.used", id=check.id, what=what),
                Text("diag.MC230.used.hint"),
                (*loc, "id"),
            )
        )
    out.extend(
        Diagnostic(
            "MC231",
            Text("diag.MC231.unknown", source=sid, id=check.id),
            did_you_mean(sid, sources) or Text("diag.hint.add_source"),
            (*loc, "sources", si),
        )
        for si, sid in enumerate(check.sources)
        if sid not in sources
    )
    if not check.sources:
        out.append(
            Diagnostic(
                "MC232",
                Text("diag.MC232.no_source", id=check.id),
                Text("diag.MC232.no_source.hint"),
                (*loc, "id"),
            )
        )
    out.extend(_foreign_roles(check.roles, protocol_roles, (*loc, "roles")))
    return out
