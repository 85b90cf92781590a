"""The findings of the path analysis beside the proofs at the leaves: a trigger that
depends on the decision (MC306, before the walk), too many paths (MC304), and after the
walk the approximated checklists (MC307), checks that never fire (MC310) and items that
are relevant on no path (MC305)."""

from __future__ import annotations

from collections.abc import Sequence

from meldcode_cli.errors import Text
from meldcode_cli.protocol import conditions as cond
from meldcode_cli.protocol.analysis_domains import MAX_MULTI_BRANCH_OPTIONS
from meldcode_cli.protocol.compiled import CItem, CompiledProtocol
from meldcode_cli.protocol.diagnostics import Diagnostic, Loc
from meldcode_cli.walk.answers import AnswerValue

__all__ = ["after_the_walk", "too_many_paths", "trigger_dependencies"]


_FORCED_NAMES = frozenset(
    {"afweging_1", "afweging_2", "decision.melden", "decision.hulp", "decision.afsluiten"}
)


def trigger_dependencies(items: Sequence[CItem]) -> list[Diagnostic]:
    """MC306: an item that records onveiligheid may not depend on afweging 1/2 or the
    decision, directly or through the conditions of the items it reads."""
    depends: dict[str, set[str]] = {}
    for ci in items:
        deps: set[str] = set()
        if ci.cond is not None:
            for ref in cond.refs(ci.cond):
                deps.add(ref.name)
                deps |= depends.get(ref.name, set())
        depends[ci.id] = deps
    out: list[Diagnostic] = []
    for ci in items:
        if ci.cond is None or not (ci.acute_values or ci.structural_values) or ci.fragment:
            continue
        direct = {r.name for r in cond.refs(ci.cond)}
        bad_refs = [
            r
            for r in cond.refs(ci.cond)
            if r.name in _FORCED_NAMES or depends.get(r.name, set()) & _FORCED_NAMES
        ]
        bad = sorted(
            (direct & _FORCED_NAMES)
            | {
                f"{r.name} (via {', '.join(sorted(depends[r.name] & _FORCED_NAMES))})"
                for r in bad_refs
                if r.name not in _FORCED_NAMES
            }
        )
        if bad:
            out.append(
                Diagnostic(
                    "MC306",
                    Text("diag.MC306.depends", item=ci.id, refs=", ".join(bad)),
                    Text("diag.MC306.depends.hint"),
                    (*ci.loc, "when"),
                    offset=bad_refs[0].pos,
                )
            )
    return out


def too_many_paths(
    compiled: CompiledProtocol,
    domains: dict[str, list[AnswerValue]],
    max_paths: int,
    anchor: Loc,
) -> Diagnostic:
    """MC304, naming the items with the most answers that matter."""
    big = sorted(
        (
            (len(d), iid)
            for iid, d in domains.items()
            if len(d) > 1 and not compiled.by_id[iid].fragment
        ),
        key=lambda x: (-x[0], compiled.by_id[x[1]].index),
    )[:5]
    detail: Text | None = None
    for k, iid in reversed(big):  # "a (3 waarden), b (2 waarden)": each text holds the rest
        if detail is None:
            detail = Text("diag.MC304.branch", item=iid, count=k)
        else:
            detail = Text("diag.MC304.branch.more", item=iid, count=k, more=detail)
    return Diagnostic(
        "MC304",
        Text("diag.MC304.too_many", max=max_paths),
        Text("diag.MC304.too_many.hint", detail=detail if detail is not None else ""),
        anchor,
    )


def after_the_walk(
    compiled: CompiledProtocol,
    approx: set[str],
    checks_by_path: dict[str, set[str]],
    reachable: set[str],
) -> list[Diagnostic]:
    """MC307, MC310 and MC305, in that order."""
    out: list[Diagnostic] = []
    for iid in sorted(approx, key=lambda x: compiled.by_id[x].index):
        ci = compiled.by_id[iid]
        out.append(
            Diagnostic(
                "MC307",
                Text("diag.MC307.approximated", item=iid, max=MAX_MULTI_BRANCH_OPTIONS),
                Text("diag.MC307.approximated.hint"),
                (*ci.loc, "id"),
                severity="warning",
            )
        )
    fired_anywhere: set[str] = set().union(*checks_by_path.values())
    for c in compiled.checks:
        if c.id not in fired_anywhere:
            out.append(
                Diagnostic(
                    "MC310",
                    Text("diag.MC310.never", check=c.id),
                    Text("diag.MC310.never.hint"),
                    (*c.loc, "when") if not c.shared else c.loc,
                    severity="warning" if approx or c.shared else "error",
                )
            )
    for ci in compiled.items:
        if ci.id not in reachable:
            out.append(
                Diagnostic(
                    "MC305",
                    Text("diag.MC305.unreachable", item=ci.id),
                    Text("diag.MC305.unreachable.hint"),
                    (*ci.loc, "when") if ci.item.when else (*ci.loc, "id"),
                    severity="warning" if approx else "error",
                )
            )
    return out
