"""What the path analysis proves at the end of every path (a leaf).

* a meldcode protocol ends in the decision the afwegingskader prescribes (MC301, MC302,
  checked against :data:`afwegingskader.ORACLE`), and onveiligheid ends in a melding
  (MC303);
* an information request ends in a lawful verstrekkingsbesluit, and a disclosure is
  always recorded (MC301, MC302);
* which checks can fire on each decision path (for MC310 and ``meldcode show``).

A leaf state is ``(role, acute, structural, answers)`` with the answers as a tuple of
``(item id, value)`` pairs in walk order.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from meldcode_cli.errors import Text
from meldcode_cli.protocol import conditions as cond
from meldcode_cli.protocol.afwegingskader import AFWEGING_IDS, decide, oracle_row
from meldcode_cli.protocol.compiled import CompiledProtocol
from meldcode_cli.protocol.verstrekking import (
    BESLUIT_ID,
    GEGEVENS_ID,
    GRONDSLAG_ID,
    decide_verstrekking,
)
from meldcode_cli.protocol.verstrekking import ORACLE as VERSTREKKING_ORACLE
from meldcode_cli.walk.answers import AnswerValue, decision_env
from meldcode_cli.walk.engine import relevant_items

__all__ = [
    "DEFERRED",
    "Leaf",
    "Report",
    "afweging_answers",
    "check_besluit_leaf",
    "check_leaf",
    "fired_at_leaf",
    "path_code_from_answers",
    "split_check",
]

_oracle_row = functools.cache(oracle_row)
"""A table lookup that raises for an unknown code; the same code on every leaf of a kind."""

DEFERRED = "\x00deferred"  # afweging 5 relevant but left for the evaluation
Pairs = tuple[tuple[str, cond.Value], ...]
Leaf = tuple[str, bool, bool, Pairs]
Report = Callable[[str, str, Text, Text], None]
"""``report(code, key, message, hint)``: one diagnostic per (code, key)."""
Split = dict[str, tuple[list[tuple[int, cond.Expr]], list[cond.Expr]]]


def path_code_from_answers(
    relevant_ids: set[str], answers: dict[str, AnswerValue], onveilig: bool
) -> str:
    """The afwegingen as asked on a path, in ORACLE notation, from the answers alone."""
    code = ""
    for aid in AFWEGING_IDS:
        if aid not in relevant_ids:
            code += "-"
            continue
        v = answers.get(aid)
        if v is None:
            code += "?"
        elif aid in ("afweging_1", "afweging_2") and onveilig:
            code += "J"
        else:
            code += "J" if v == "ja" else "N"
    return code


def afweging_answers(kv: Pairs) -> dict[str, AnswerValue]:
    """The afwegingen answered on a path (always kept in the state)."""
    out: dict[str, AnswerValue] = {}
    for k, v in kv:
        if k in AFWEGING_IDS:
            out[k] = None if v == DEFERRED else v  # type: ignore[assignment]
    return out


def split_check(
    expr: cond.Expr, compiled: CompiledProtocol
) -> tuple[list[tuple[int, cond.Expr]], list[cond.Expr]]:
    """The conjuncts of a check over answers only, with the index of the last item they
    read, and the other conjuncts (role, flags, decision)."""
    parts = list(expr.parts) if isinstance(expr, cond.And) else [expr]
    static: list[tuple[int, cond.Expr]] = []
    dynamic: list[cond.Expr] = []
    for part in parts:
        names = {r.name for r in cond.refs(part)}
        if names and all(nm in compiled.by_id for nm in names):
            static.append((max(compiled.by_id[nm].index for nm in names), part))
        else:
            dynamic.append(part)
    return static, dynamic


def fired_at_leaf(
    compiled: CompiledProtocol,
    split: Split,
    check_bit: dict[str, int],
    mask: int,
    key: Leaf,
    checks_by_path: dict[str, set[str]],
    *,
    besluit: bool = False,
) -> None:
    """Which checks can hold at the end of this path (what the walk shows before signing)."""
    role, acute, structural, kv = key
    answers = afweging_answers(kv)
    onveilig = acute or structural
    if not besluit and onveilig and "nee" in (answers.get("afweging_1"), answers.get("afweging_2")):
        return  # not a place where a walk ends (see check_leaf)
    env: dict[str, cond.Value] = dict(kv)
    env.update({"role": role, "acute": acute, "structureel": structural})
    decision_env(env, answers, onveilig)
    if besluit:
        value = env.get(BESLUIT_ID)
        code = value if isinstance(value, str) else "?"
    else:
        code = path_code_from_answers(set(answers), answers, onveilig)
    fired = checks_by_path.setdefault(f"{role}:{code}", set())
    for c in compiled.checks:
        _static, dynamic = split[c.id]
        if mask & check_bit[c.id] and all(cond.evaluate(d, env) for d in dynamic):
            fired.add(c.id)


def materialize(chain: Any) -> dict[str, AnswerValue]:
    """The answers of a representative chain ``(parent, id, value)`` in walk order."""
    items: list[tuple[str, AnswerValue]] = []
    while chain is not None:
        chain, key, value = chain
        items.append((key, value))
    return dict(reversed(items))


def check_leaf(
    compiled: CompiledProtocol,
    role: str,
    declared: bool,
    answers: dict[str, AnswerValue],
    onveilig: bool,
    cross_checked: set[str] | None,
    decision_paths: set[str],
    rep: Report,
) -> None:
    """MC301-MC303 at the end of a meldcode path; ``cross_checked`` (the test suite's
    cross-check) replays the answers through the engine once per kind of path."""
    if onveilig and "nee" in (answers.get("afweging_1"), answers.get("afweging_2")):
        # onveiligheid recorded after afweging 1 or 2 was answered "nee": the engine
        # reopens them (forced "ja") and the walk goes on; that continuation is the path
        # enumerated with "ja" there, so this is not a place where a walk can end
        return
    relevant = {aid for aid in AFWEGING_IDS if aid in answers}
    code = path_code_from_answers(relevant, answers, onveilig)
    key = f"{role}:{code}"
    answered = set(answers)
    check_key = f"{key}:{onveilig}:{declared}"
    if cross_checked is not None and check_key not in cross_checked:
        cross_checked.add(check_key)
        # cross-check the enumeration against the engine itself (once per decision path,
        # and on every unsafe path): on the representative answers, the engine must find
        # exactly the answered items relevant
        engine_rel = relevant_items(compiled, role, answers, acute_declared=declared)
        answered = {ci.id for ci in engine_rel if ci.answerable}
    decision_paths.add(key)
    bools = {
        aid: (None if answers.get(aid) is None else answers.get(aid) == "ja")
        for aid in AFWEGING_IDS
        if aid in answers
    }
    decision = decide(bools, onveilig=onveilig)
    where = Text("diag.path.acute" if declared else "diag.path.plain", role=role, code=code)
    if answered != set(answers) or decision is None:
        rep(
            "MC301",
            code,
            Text("diag.MC301.no_decision", where=where),
            Text("diag.MC301.no_decision.hint"),
        )
        return
    row = _oracle_row(code.replace("-", "?"))
    got = (decision.melden, decision.hulp, decision.afsluiten, decision.meldnormen)
    if row.decision != got:
        rep(
            "MC302",
            code,
            Text("diag.MC302.decision", outcome=decision.outcome, where=where),
            Text("diag.MC302.decision.hint"),
        )
    if onveilig and not decision.melding_in_case:
        rep(
            "MC303",
            code,
            Text("diag.MC303.no_melding", where=where),
            Text("diag.MC303.no_melding.hint"),
        )


def check_besluit_leaf(
    compiled: CompiledProtocol,
    role: str,
    declared: bool,
    answers: dict[str, AnswerValue],
    decision_paths: set[str],
    rep: Report,
) -> None:
    """An information request ends in one of the lawful verstrekkingsbesluiten (MC301,
    MC302), and a disclosure is always recorded: what, to whom and on what ground."""
    besluit = answers.get(BESLUIT_ID)
    code = besluit if isinstance(besluit, str) else "?"
    key = f"{role}:{code}"
    where = Text(
        "diag.besluit_path.acute" if declared else "diag.besluit_path.plain", role=role, code=code
    )
    v = decide_verstrekking(answers)
    if v is None:
        rep(
            "MC301",
            code,
            Text("diag.MC301.no_besluit", where=where),
            Text("diag.MC301.no_besluit.hint"),
        )
        return
    decision_paths.add(key)
    expected = VERSTREKKING_ORACLE.get(code)
    got = (v.verstrekt, v.deels, v.open, v.vastlegging_nodig)
    if expected != got:
        rep(
            "MC302",
            code,
            Text("diag.MC302.besluit", outcome=v.outcome, where=where),
            Text("diag.MC302.besluit.hint"),
        )
    # the besluit is one answer: the engine check is cheap enough on every path
    engine_rel = {ci.id for ci in relevant_items(compiled, role, answers, acute_declared=declared)}
    if v.vastlegging_nodig and not {GEGEVENS_ID, GRONDSLAG_ID} <= engine_rel:
        rep(
            "MC302",
            code,
            Text("diag.MC302.unrecorded", where=where),
            Text("diag.MC302.besluit.hint"),
        )
