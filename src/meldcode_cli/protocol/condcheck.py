"""The checks on one condition of a protocol: syntax, references, order and types
(``visible_when``, check conditions). Pure; :func:`meldcode_cli.protocol.compiled.compile_protocol`
calls them and returns what they find."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from meldcode_cli.errors import Text
from meldcode_cli.protocol import conditions as cond
from meldcode_cli.protocol.diagnostics import Diagnostic, Loc, Message, did_you_mean
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
    *,
    hints: bool = True,
) -> cond.Expr | None:
    """The compiled condition of ``check``, or None with its diagnostics in ``diags``.
    ``hints=False`` when only whether it compiles matters (a shared guardrail that may not
    apply): the "did you mean" search over every id is then skipped."""
    try:
        parsed = cond.parse(check.when)
    except cond.ConditionSyntaxError as e:
        diags.append(syntax_error(e, (*loc, "when")))
        return None
    owner = _CheckOwner(loc, check.id, end)
    errs = _typecheck(parsed, owner, citems, position, decision_index, roles, hints=hints)
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


def syntax_error(e: cond.ConditionSyntaxError, loc: Loc) -> Diagnostic:
    """MC204 for a condition that does not parse."""
    return Diagnostic(
        "MC204",
        Text("diag.MC204.condition", detail=e.text),
        Text("diag.MC204.condition.hint"),
        loc,
        offset=e.pos,
    )


def _foreign_roles(
    roles: Sequence[str] | None, allowed: Sequence[str], loc: Loc
) -> list[Diagnostic]:
    """MC211 for every role in ``roles`` that the protocol does not serve."""
    return [
        foreign_role(r, allowed, (*loc, i)) for i, r in enumerate(roles or []) if r not in allowed
    ]


def foreign_role(role: str, allowed: Sequence[str], loc: Loc) -> Diagnostic:
    """MC211: ``role`` is not one of the protocol's roles."""
    return Diagnostic(
        "MC211",
        Text("diag.MC211.foreign_role", role=role),
        Text("diag.MC211.foreign_role.hint", roles=", ".join(allowed)),
        loc,
    )


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


@dataclass(slots=True)
class _Typecheck:
    """What the checks of one condition share: its owner, the items before it, the roles,
    and the diagnostics found so far (in source order)."""

    ci: CItem | _CheckOwner
    citems: list[CItem]
    position: dict[str, int]
    decision_index: int
    roles: set[str]
    out: list[Diagnostic]
    hints: bool = True

    def suggest(self, name: str, candidates: Sequence[str]) -> Message | None:
        """``did you mean``, unless hints are not wanted."""
        return did_you_mean(name, candidates) if self.hints else None

    def err(self, code: str, msg: Text, hint: Message, pos: int) -> None:
        self.out.append(Diagnostic(code, msg, hint, (*self.ci.loc, "when"), offset=pos))


def _typecheck(
    expr: cond.Expr,
    ci: CItem | _CheckOwner,
    citems: list[CItem],
    position: dict[str, int],
    decision_index: int,
    roles: set[str],
    *,
    hints: bool = True,
) -> list[Diagnostic]:
    tc = _Typecheck(ci, citems, position, decision_index, roles, [], hints)
    _visit(expr, tc)
    return tc.out


def _visit(e: cond.Expr, tc: _Typecheck) -> None:
    if isinstance(e, cond.Not):
        _visit(e.expr, tc)
        return
    if isinstance(e, cond.And | cond.Or):
        for p in e.parts:
            _visit(p, tc)
        return
    ref = e.ref if isinstance(e, cond.Compare) else e
    compare = e if isinstance(e, cond.Compare) else None
    name = ref.name
    if name == "role":
        _check_role(ref, compare, tc)
    elif name in FLAG_NAMES or name in DECISION_NAMES:
        _check_flag(ref, compare, tc)
    elif _known_earlier_item(ref, tc):
        target = tc.citems[tc.position[name]].item
        if isinstance(target, GuidanceItem):
            tc.err(
                "MC205",
                Text("diag.MC205.guidance", name=name),
                Text("diag.MC205.guidance.hint"),
                ref.pos,
            )
        elif compare is not None:
            _check_compare(target, compare, tc)


def _check_role(ref: cond.Ref, compare: cond.Compare | None, tc: _Typecheck) -> None:
    if compare is None or compare.op == "contains":
        tc.err(
            "MC205", Text("diag.MC205.role_compare"), Text("diag.MC205.role_compare.hint"), ref.pos
        )
    else:
        _check_values(compare, sorted(tc.roles), "diag.MC205.not_a_role", tc)


def _check_flag(ref: cond.Ref, compare: cond.Compare | None, tc: _Typecheck) -> None:
    """``acute``, ``structureel`` and ``decision.*``: true or false, the decision only
    after the afwegingskader."""
    name = ref.name
    if compare is not None:
        tc.err(
            "MC205",
            Text("diag.MC205.flag", name=name),
            Text("diag.MC205.flag.hint", name=name),
            ref.pos,
        )
    if name in DECISION_NAMES and tc.ci.index < tc.decision_index:
        tc.err(
            "MC203",
            Text("diag.MC203.decision", name=name),
            Text("diag.MC203.decision.hint"),
            ref.pos,
        )


def _known_earlier_item(ref: cond.Ref, tc: _Typecheck) -> bool:
    """Is ``ref`` an item before the condition's owner? MC202/MC203 when it is not."""
    name = ref.name
    if "." in name:
        tc.err(
            "MC202",
            Text("diag.MC202.unknown_name", name=name),
            tc.suggest(name, DECISION_NAMES)
            or Text("diag.hint.possible", options=", ".join(DECISION_NAMES)),
            ref.pos,
        )
        return False
    if name not in tc.position:
        candidates = [c.id for c in tc.citems] + ["role", *FLAG_NAMES]
        tc.err(
            "MC202",
            Text("diag.MC202.unknown_item", name=name),
            tc.suggest(name, candidates) or Text("diag.MC202.unknown_item.hint"),
            ref.pos,
        )
        return False
    if tc.position[name] >= tc.ci.index:
        tc.err(
            "MC203",
            Text("diag.MC203.order", name=name, id=tc.ci.id),
            Text("diag.MC203.order.hint"),
            ref.pos,
        )
        return False
    return True


def _check_compare(target: object, compare: cond.Compare, tc: _Typecheck) -> None:
    """A comparison with an earlier question: the operator and values its type allows."""
    name, pos = compare.ref.name, compare.ref.pos
    if isinstance(target, YesNoItem):
        if compare.op == "contains":
            tc.err(
                "MC205",
                Text("diag.MC205.yes_no", name=name),
                Text("diag.MC205.yes_no.hint", name=name),
                pos,
            )
        else:
            _check_values(compare, ["ja", "nee"], "diag.MC205.not_an_answer", tc)
    elif isinstance(target, SingleChoiceItem):
        if compare.op == "contains":
            tc.err(
                "MC205",
                Text("diag.MC205.single", name=name),
                Text("diag.MC205.single.hint", name=name),
                pos,
            )
        else:
            _check_values(compare, [o.id for o in target.options], "diag.MC205.not_an_option", tc)
    elif isinstance(target, MultiChoiceItem):
        if compare.op != "contains":
            tc.err(
                "MC205",
                Text("diag.MC205.multi", name=name),
                Text("diag.MC205.multi.hint", name=name),
                pos,
            )
        else:
            _check_values(compare, [o.id for o in target.options], "diag.MC205.not_an_option", tc)
    elif isinstance(target, TextItem | DateItem):
        key = "diag.MC205.text_item" if isinstance(target, TextItem) else "diag.MC205.date_item"
        tc.err("MC205", Text(key, name=name), Text("diag.MC205.filled_in.hint", name=name), pos)


def _check_values(compare: cond.Compare, allowed: list[str], key: str, tc: _Typecheck) -> None:
    """MC205 for every compared value that is not in ``allowed`` (``key``: the message)."""
    for v, p in zip(compare.values, compare.value_pos, strict=True):
        if v not in allowed:
            tc.err(
                "MC205",
                Text(key, value=v, name=compare.ref.name),
                tc.suggest(v, allowed) or Text("diag.hint.possible", options=", ".join(allowed)),
                p,
            )
