"""Which answers of an item can make a difference to the path analysis, one per class.

An item's domain is the smallest set of answers that no condition, no trigger and no
decision can tell more of: every option a condition names, one representative per kind
of acute/structural option, "unanswered" for optional items that conditions read, and
for a multiple choice the combinations of the options that matter (or, with more than
:data:`MAX_MULTI_BRANCH_OPTIONS` of them, an approximation reported as MC307).
"""

from __future__ import annotations

import itertools

from meldcode_cli.protocol import conditions as cond
from meldcode_cli.protocol.afwegingskader import EVALUATIE_ID, OPEN_WITH_VT
from meldcode_cli.protocol.compiled import CItem, CompiledProtocol
from meldcode_cli.protocol.model import (
    DateItem,
    MultiChoiceItem,
    SingleChoiceItem,
    TextItem,
    YesNoItem,
)
from meldcode_cli.walk.answers import AnswerValue

__all__ = ["MAX_MULTI_BRANCH_OPTIONS", "domain", "referenced"]

MAX_MULTI_BRANCH_OPTIONS = 10


def referenced(compiled: CompiledProtocol) -> tuple[set[str], dict[str, set[str]]]:
    """The names that conditions read, and per name the values they compare it with."""
    names: set[str] = set()
    values: dict[str, set[str]] = {}
    exprs = [ci.cond for ci in compiled.items] + [c.cond for c in compiled.checks]
    for expr in exprs:
        if expr is None:
            continue
        stack: list[cond.Expr] = [expr]
        while stack:
            e = stack.pop()
            if isinstance(e, cond.Ref):
                names.add(e.name)
            elif isinstance(e, cond.Compare):
                names.add(e.ref.name)
                values.setdefault(e.ref.name, set()).update(e.values)
            elif isinstance(e, cond.Not):
                stack.append(e.expr)
            else:
                stack.extend(e.parts)
    return names, values


def domain(
    ci: CItem,
    names: set[str],
    values: dict[str, set[str]],
    approx: set[str] | None = None,
    role: str | None = None,
) -> list[AnswerValue]:
    """The answers that can make a difference for this item, one per class."""
    item = ci.item
    if isinstance(item, SingleChoiceItem | MultiChoiceItem) and role is not None:
        item = item.model_copy(update={"options": [o for o in item.options if o.for_role(role)]})
    ref = ci.id in names
    if ci.id == "afweging_5" or ci.id in OPEN_WITH_VT:
        # afweging 5 open until the evaluation; 3 and 4 may stay open after afweging 2 "ja"
        return ["ja", "nee", None]
    if ci.id == EVALUATIE_ID:
        return ["2100-01-01"]
    optional = not getattr(item, "required", True) and not ci.fragment
    if isinstance(item, YesNoItem):
        if ref or ci.fragment or item.acute_if or item.structureel_if:
            dom: list[AnswerValue] = ["ja", "nee"]
        else:
            dom = ["ja"]
        return [*dom, None] if optional and ref else dom
    if isinstance(item, SingleChoiceItem):
        return _single_domain(ci.id, item, ref, optional, values)
    if isinstance(item, MultiChoiceItem):
        return _multi_domain(ci.id, item, ref, optional, values, approx)
    if isinstance(item, TextItem | DateItem):
        value = "2000-01-01" if isinstance(item, DateItem) else "tekst"
        return [value, None] if optional and ref else [value]
    return [None]  # pragma: no cover


def _single_domain(
    iid: str, item: SingleChoiceItem, ref: bool, optional: bool, values: dict[str, set[str]]
) -> list[AnswerValue]:
    wanted = values.get(iid, set())
    reps: dict[tuple[bool, bool], str] = {}
    chosen: list[AnswerValue] = []
    for o in item.options:
        if o.id in wanted:
            chosen.append(o.id)
        else:
            reps.setdefault((o.acute, o.structureel), o.id)
    if not ref and not any(k != (False, False) for k in reps):
        chosen = [item.options[0].id]
    else:
        chosen.extend(reps.values())
    return [*chosen, None] if optional and ref else chosen


def _multi_domain(
    iid: str,
    item: MultiChoiceItem,
    ref: bool,
    optional: bool,
    values: dict[str, set[str]],
    approx: set[str] | None,
) -> list[AnswerValue]:
    wanted = values.get(iid, set())
    branch: list[str] = []
    filler: list[str] = []
    trigger_reps: dict[tuple[bool, bool], str] = {}
    for o in item.options:
        if o.id in wanted:
            branch.append(o.id)
        elif o.acute or o.structureel:
            trigger_reps.setdefault((o.acute, o.structureel), o.id)
        else:
            filler.append(o.id)
    branch.extend(trigger_reps.values())
    sizes: list[int] = list(range(len(branch) + 1))
    if len(branch) > MAX_MULTI_BRANCH_OPTIONS:
        # too many options in conditions for every combination: none, each one alone,
        # every pair, and all of them (what conditions of the form "contains x",
        # "contains x and contains y" and "not contains x" can tell apart)
        sizes = sorted({0, 1, 2, len(branch)})
        if approx is not None:
            approx.add(iid)
    out: list[AnswerValue] = []
    for r in sizes:
        for combo in itertools.combinations(branch, r):
            chosen_set = list(combo)
            need = item.min_selected - len(chosen_set)
            if need > 0:
                if len(filler) < need:
                    continue
                chosen_set.extend(filler[:need])
            out.append(frozenset(chosen_set))
        if not ref and not trigger_reps:
            break  # one representative answer is enough
    if optional and ref:
        out.append(None)
    return out
