"""The checks on one condition of a protocol: syntax, references, order and types
(``visible_when``, check conditions). Pure; :func:`meldcode_cli.protocol.compiled.compile_protocol`
calls them and returns what they find."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from meldcode_cli.protocol import conditions as cond
from meldcode_cli.protocol.diagnostics import Diagnostic, Loc, did_you_mean
from meldcode_cli.protocol.model import (
    Check,
    DateItem,
    GuidanceItem,
    MultiChoiceItem,
    SingleChoiceItem,
    TextItem,
    YesNoItem,
)

if TYPE_CHECKING:
    from meldcode_cli.protocol.compiled import CItem

DECISION_NAMES = ("decision.melden", "decision.hulp", "decision.afsluiten")
FLAG_NAMES = ("acute", "structureel")


@dataclass(frozen=True, slots=True)
class _CheckOwner:
    """What the condition type checker needs to know about the owner of a condition."""

    loc: Loc
    id: str
    index: int


def _check_condition(
    check: Check,
    loc: Loc,
    citems: list[CItem],
    position: dict[str, int],
    decision_index: int,
    roles: set[str],
    diags: list[Diagnostic],
    end: int,
) -> cond.Expr | None:
    try:
        parsed = cond.parse(check.when)
    except cond.ConditionSyntaxError as e:
        diags.append(
            Diagnostic(
                "MC204",
                f"voorwaarde: {e.message}",
                "zie 'Voorwaarden' in docs/protocol-format.md",
                (*loc, "when"),
                offset=e.pos,
            )
        )
        return None
    owner = _CheckOwner(loc, check.id, end)
    errs = _typecheck(parsed, owner, citems, position, decision_index, roles)
    diags.extend(errs)
    if errs:
        return None
    expr = _explicit_yes(parsed, citems, position)
    if check.roles is not None:
        role_expr = cond.Compare(
            cond.Ref("role", 0), "in", tuple(check.roles), tuple(0 for _ in check.roles)
        )
        expr = cond.And((role_expr, expr))
    return expr


def _foreign_roles(
    roles: Sequence[str] | None, allowed: Sequence[str], loc: Loc
) -> list[Diagnostic]:
    """MC211 for every role in ``roles`` that the protocol does not serve."""
    return [
        Diagnostic(
            "MC211",
            f"rol '{r}' staat niet in de rollen van het protocol",
            f"het protocol dient: {', '.join(allowed)}",
            (*loc, i),
        )
        for i, r in enumerate(roles or [])
        if r not in allowed
    ]


def _explicit_yes(expr: cond.Expr, citems: list[CItem], position: dict[str, int]) -> cond.Expr:
    """A bare reference to a yes/no item means ``== ja``; make that explicit once, here."""
    if isinstance(expr, cond.Ref):
        idx = position.get(expr.name)
        if idx is not None and isinstance(citems[idx].item, YesNoItem):
            return cond.Compare(expr, "==", ("ja",), (expr.pos,))
        return expr
    if isinstance(expr, cond.Not):
        return cond.Not(_explicit_yes(expr.expr, citems, position))
    if isinstance(expr, cond.And):
        return cond.And(tuple(_explicit_yes(p, citems, position) for p in expr.parts))
    if isinstance(expr, cond.Or):
        return cond.Or(tuple(_explicit_yes(p, citems, position) for p in expr.parts))
    return expr


def _typecheck(  # noqa: C901, PLR0915 - issue 14: to split
    expr: cond.Expr,
    ci: CItem | _CheckOwner,
    citems: list[CItem],
    position: dict[str, int],
    decision_index: int,
    roles: set[str],
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    loc: Loc = (*ci.loc, "when")

    def err(code: str, msg: str, hint: str, pos: int) -> None:
        out.append(Diagnostic(code, msg, hint, loc, offset=pos))

    def check_values(compare: cond.Compare, allowed: list[str], what: str) -> None:
        for v, p in zip(compare.values, compare.value_pos, strict=True):
            if v not in allowed:
                err(
                    "MC205",
                    f"'{v}' is geen {what}"
                    + ("" if compare.ref.name == "role" else f" van '{compare.ref.name}'"),
                    did_you_mean(v, allowed) or f"mogelijk: {', '.join(allowed)}",
                    p,
                )

    def visit(e: cond.Expr) -> None:  # noqa: C901, PLR0912 - issue 14: to split
        if isinstance(e, cond.Not):
            visit(e.expr)
            return
        if isinstance(e, cond.And | cond.Or):
            for p in e.parts:
                visit(p)
            return
        ref = e.ref if isinstance(e, cond.Compare) else e
        compare = e if isinstance(e, cond.Compare) else None
        name = ref.name
        if name == "role":
            if compare is None or compare.op == "contains":
                err(
                    "MC205",
                    "'role' moet vergeleken worden",
                    "schrijf bv. role == huisarts",
                    ref.pos,
                )
            else:
                check_values(compare, sorted(roles), "rol van dit protocol")
            return
        if name in FLAG_NAMES or name in DECISION_NAMES:
            if compare is not None:
                err(
                    "MC205",
                    f"'{name}' is waar of onwaar",
                    f"schrijf '{name}' of 'not {name}'",
                    ref.pos,
                )
            if name in DECISION_NAMES and ci.index < decision_index:
                err(
                    "MC203",
                    f"'{name}' is pas bekend na het afwegingskader",
                    "zet dit item na '- kind: afwegingskader'",
                    ref.pos,
                )
            return
        if "." in name:
            err(
                "MC202",
                f"onbekende naam '{name}'",
                did_you_mean(name, DECISION_NAMES) or f"mogelijk: {', '.join(DECISION_NAMES)}",
                ref.pos,
            )
            return
        if name not in position:
            candidates = [c.id for c in citems] + ["role", *FLAG_NAMES]
            err(
                "MC202",
                f"onbekend item '{name}'",
                did_you_mean(name, candidates) or "een voorwaarde verwijst naar een eerder item-id",
                ref.pos,
            )
            return
        if position[name] >= ci.index:
            err(
                "MC203",
                f"'{name}' komt niet vóór '{ci.id}'",
                "een voorwaarde mag alleen verwijzen naar eerdere items",
                ref.pos,
            )
            return
        target = citems[position[name]].item
        if isinstance(target, GuidanceItem):
            err(
                "MC205",
                f"'{name}' is een informatieblok zonder antwoord",
                "verwijs naar een vraag",
                ref.pos,
            )
            return
        if compare is None:
            return
        if isinstance(target, YesNoItem):
            if compare.op == "contains":
                err("MC205", f"'{name}' is een ja/nee-vraag", f"schrijf '{name} == ja'", ref.pos)
            else:
                check_values(compare, ["ja", "nee"], "antwoord")
        elif isinstance(target, SingleChoiceItem):
            if compare.op == "contains":
                err(
                    "MC205", f"'{name}' heeft één antwoord", f"schrijf '{name} == <optie>'", ref.pos
                )
            else:
                check_values(compare, [o.id for o in target.options], "optie")
        elif isinstance(target, MultiChoiceItem):
            if compare.op != "contains":
                err(
                    "MC205",
                    f"'{name}' is een meerkeuzelijst",
                    f"schrijf '{name} contains <optie>'",
                    ref.pos,
                )
            else:
                check_values(compare, [o.id for o in target.options], "optie")
        elif isinstance(target, TextItem | DateItem):
            err(
                "MC205",
                f"'{name}' is een {'tekst' if isinstance(target, TextItem) else 'datum'}",
                f"alleen '{name}' (ingevuld) kan als voorwaarde",
                ref.pos,
            )

    visit(expr)
    return out
