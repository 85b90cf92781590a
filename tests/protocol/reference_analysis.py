"""FROZEN reference copy of ``protocol/analysis.py`` as it was before the speed work of
issue 19 (main at 28164f4). Do not edit or "fix" it: the differential tests
(``tests/protocol/test_analysis_differential.py``) prove that the faster analysis gives
exactly what this one gave (paths, decision paths, reachable items, fired checks,
diagnostics with codes, messages, order and positions) on the shipped protocols, the
fixtures and generated protocols.

Original docstring:

Exhaustive path analysis: every combination of answers that matters, checked.

Which answers matter: those that a condition refers to, those that raise acute or
structurele onveiligheid, the afwegingen, the role, and whether the acute route was
declared. Everything else is represented by one value, because no condition and no
decision can see the difference. For every path the analysis proves:

* the walk ends with a decision (MC301);
* the decision is the one brief §3.1 prescribes for the afwegingen given (MC302, checked
  against :data:`afwegingskader.ORACLE`, a table written from the sources, independently
  of ``decide``);
* acute or structurele onveiligheid ⇒ melden (MC303);
* every item is relevant on at least one path (MC305).

The analysis uses the engine's own functions (``conditions.evaluate``, ``triggers``,
``decision_env``, ``decide``), so what is proved is what the walk does. With
``cross_check=True`` (the test suite) every leaf is replayed through
``engine.relevant_items`` as well.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from meldcode_cli.protocol import conditions as cond
from meldcode_cli.protocol.afwegingskader import (
    AFWEGING_IDS,
    EVALUATIE_ID,
    OPEN_WITH_VT,
    decide,
    oracle_row,
)
from meldcode_cli.protocol.compiled import CItem, CompiledProtocol
from meldcode_cli.protocol.diagnostics import Diagnostic
from meldcode_cli.protocol.model import (
    DateItem,
    MultiChoiceItem,
    SingleChoiceItem,
    TextItem,
    YesNoItem,
)
from meldcode_cli.protocol.verstrekking import (
    BESLUIT_ID,
    GEGEVENS_ID,
    GRONDSLAG_ID,
    decide_verstrekking,
)
from meldcode_cli.protocol.verstrekking import ORACLE as VERSTREKKING_ORACLE
from meldcode_cli.walk.engine import AnswerValue, decision_env, relevant_items, triggers

__all__ = ["Analysis", "analyse", "path_code_from_answers"]

MAX_PATHS = 20_000
"""Distinguishable states at one item; real protocols have about a hundred."""
MAX_MULTI_BRANCH_OPTIONS = 10


@dataclass
class Analysis:
    paths: int = 0
    decision_paths: set[str] = field(default_factory=set)
    """``role:code`` for every decision path, code as in ``ORACLE``."""
    reachable: set[str] = field(default_factory=set)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    complete: bool = True
    cross_checked: set[str] = field(default_factory=set)
    checks_by_path: dict[str, set[str]] = field(default_factory=dict)
    """``role:code`` → the checks that can fire on that decision path."""


def _referenced(compiled: CompiledProtocol) -> tuple[set[str], dict[str, set[str]]]:
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


def _domain(  # noqa: C901, PLR0912, PLR0915 - frozen reference copy
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
        wanted = values.get(ci.id, set())
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
    if isinstance(item, MultiChoiceItem):
        wanted = values.get(ci.id, set())
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
                approx.add(ci.id)
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
    if isinstance(item, TextItem | DateItem):
        value = "2000-01-01" if isinstance(item, DateItem) else "tekst"
        return [value, None] if optional and ref else [value]
    return [None]  # pragma: no cover


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


_DEFERRED = "\x00deferred"  # afweging 5 relevant but left for the evaluation


def analyse(  # noqa: C901, PLR0912, PLR0915 - frozen reference copy
    compiled: CompiledProtocol, *, max_paths: int = MAX_PATHS, cross_check: bool = False
) -> Analysis:
    """Enumerate all paths, merging states that no later condition can tell apart.

    Two partial walks whose answers differ only in items that no later condition and
    no decision reads behave identically from there on, so they are merged (one of
    them is kept as the representative). That keeps the work proportional to the
    number of *distinguishable* paths, not the product of all answers.
    """
    names, values = _referenced(compiled)
    result = Analysis()
    items = compiled.items
    n = len(items)
    approx: set[str] = set()
    domains = {ci.id: _domain(ci, names, values, approx) for ci in items if ci.answerable}
    # items whose options depend on the role get a domain per role
    role_domains: dict[tuple[str, str], list[AnswerValue]] = {}
    for ci in items:
        if isinstance(ci.item, SingleChoiceItem | MultiChoiceItem) and any(
            o.roles is not None for o in ci.item.options
        ):
            for role_name in compiled.roles:
                role_domains[(role_name, ci.id)] = _domain(ci, names, values, approx, role_name)
    reported: set[tuple[str, str]] = set()
    besluit = compiled.protocol.kind == "informatieverzoek"
    frag = compiled.by_id.get(BESLUIT_ID if besluit else "afweging_1")
    anchor = frag.loc if frag is not None else ("steps",)

    def report(code: str, key: str, message: str, hint: str) -> None:
        if (code, key) in reported:
            return
        reported.add((code, key))
        result.diagnostics.append(Diagnostic(code, message, hint, anchor))

    forced_names = {
        "afweging_1",
        "afweging_2",
        "decision.melden",
        "decision.hulp",
        "decision.afsluiten",
    }
    # what each item's relevance depends on, through the conditions of the items it reads
    depends: dict[str, set[str]] = {}
    for ci in items:
        deps: set[str] = set()
        if ci.cond is not None:
            for ref in cond.refs(ci.cond):
                deps.add(ref.name)
                deps |= depends.get(ref.name, set())
        depends[ci.id] = deps
    for ci in items:
        if ci.cond is None or not (ci.acute_values or ci.structural_values) or ci.fragment:
            continue
        direct = {r.name for r in cond.refs(ci.cond)}
        bad_refs = [
            r
            for r in cond.refs(ci.cond)
            if r.name in forced_names or depends.get(r.name, set()) & forced_names
        ]
        bad = sorted(
            (direct & forced_names)
            | {
                f"{r.name} (via {', '.join(sorted(depends[r.name] & forced_names))})"
                for r in bad_refs
                if r.name not in forced_names
            }
        )
        if bad:
            result.diagnostics.append(
                Diagnostic(
                    "MC306",
                    f"'{ci.id}' legt acute of structurele onveiligheid vast, maar hangt af van "
                    f"{', '.join(bad)}",
                    "onveiligheid maakt afweging 1 en 2 'ja'; een signaal mag daar niet van "
                    "afhangen. Haal die verwijzing uit 'when'",
                    (*ci.loc, "when"),
                    offset=bad_refs[0].pos,
                )
            )
    if result.diagnostics:
        return result

    # names that conditions at index >= i still read
    # Checks are evaluated at the end of the walk. Each is split into parts over answers
    # only (folded into one bit per check right after the last item they read, so those
    # answers need not be carried to the end) and parts over role, flags and decision
    # (evaluated at the leaf).
    split = {c.id: _split_check(c.cond, compiled) for c in compiled.checks}
    parts_at: dict[int, list[tuple[str, cond.Expr]]] = {}
    for cid, (static, _dyn) in split.items():
        for ready, part in static:
            parts_at.setdefault(ready + 1, []).append((cid, part))
    acc: set[str] = set()
    future: list[frozenset[str]] = [frozenset()] * (n + 1)
    for _cid, part in parts_at.get(n, []):
        acc.update(r.name for r in cond.refs(part))
    future[n] = frozenset(acc)
    for i in range(n - 1, -1, -1):
        ci = items[i]
        if ci.cond is not None:
            acc.update(r.name for r in cond.refs(ci.cond))
        for _cid, part in parts_at.get(i, []):
            acc.update(r.name for r in cond.refs(part))
        future[i] = frozenset(acc)
    check_bit = {c.id: 1 << k for k, c in enumerate(compiled.checks)}
    keep_always = frozenset({BESLUIT_ID}) if besluit else frozenset(AFWEGING_IDS)
    tests = [cond.compile_expr(ci.cond) if ci.cond is not None else None for ci in items]
    needs_decision = [
        ci.cond is not None and any(r.name.startswith("decision.") for r in cond.refs(ci.cond))
        for ci in items
    ]

    # A state is what the rest of the walk can still tell apart: the role, the acute and
    # structural flags, and the answers that a later condition (or the decision) reads.
    # The acute route declared at the start is the acute flag from the first item on; it
    # is remembered in the representative chain only, for messages and the cross-check.
    State = tuple[str, bool, bool, tuple[tuple[str, cond.Value], ...]]
    states: dict[State, _Chain] = {}
    for role in compiled.roles:
        for declared in (False, True):
            states.setdefault(
                (role, declared, False, ()), (None, _DECLARED, "ja" if declared else None)
            )
    # Per state, the checks whose answer-only parts still hold on *some* path into it (a
    # bit mask). Merged states share every later evaluation, so OR-ing their masks is exact.
    full = (1 << len(compiled.checks)) - 1
    masks: dict[State, int] = dict.fromkeys(states, full)
    keep_prev = future[0] | keep_always
    # the environment of a state, built once: states live on unchanged over many items
    envs: dict[State, dict[str, cond.Value]] = {}
    for i, ci in enumerate(items):
        if i in parts_at:
            masks = _fold_masks(masks, parts_at[i], check_bit)
        here = future[i] | keep_always  # what this item and later ones read
        keep = future[i + 1] | keep_always  # what later items read: store only that
        if here != keep_prev:  # an answer was read for the last time: merge what became equal
            shrunk: dict[State, _Chain] = {}
            shrunk_masks: dict[State, int] = {}
            for key, rep in states.items():
                role, acute, structural, kv = key
                small = (role, acute, structural, _project(kv, here))
                shrunk.setdefault(small, rep)
                shrunk_masks[small] = shrunk_masks.get(small, 0) | masks[key]
            states = shrunk
            masks = shrunk_masks
            keep_prev = here
        expr = tests[i]
        dom = domains.get(ci.id, [None])
        inert = (
            ci.answerable
            and (compiled.roles[0], ci.id) not in role_domains
            and len(dom) == 1
            and not ci.fragment
            and ci.id not in keep
            and triggers(ci, dom[0]) == (False, False)
        )
        if expr is None and (not ci.answerable or inert):
            # relevant everywhere and changes nothing any later step can see
            result.reachable.add(ci.id)
            if cross_check and ci.answerable:
                states = {key: (rep, ci.id, dom[0]) for key, rep in states.items()}
            continue
        if expr is not None and (not ci.answerable or inert) and not cross_check:
            # a condition on an item that changes nothing any later step can see: every
            # state goes on unchanged whether or not it holds, so all there is to learn is
            # whether it holds on some state (MC305); stop at the first one
            if ci.id not in result.reachable:
                for key in states:
                    if expr(_env_of(key, envs, needs_decision[i])):
                        result.reachable.add(ci.id)
                        break
            continue
        nxt: dict[State, _Chain] = {}
        nxt_masks: dict[State, int] = {}
        for key, rep in states.items():
            role, acute, structural, kv = key
            mask = masks[key]
            if expr is not None:
                env = envs.get(key)
                if env is None:
                    env = dict(kv)
                    env["role"] = role
                    env["acute"] = acute
                    env["structureel"] = structural
                    envs[key] = env
                if needs_decision[i] and "decision.melden" not in env:
                    decision_env(env, _afweging_answers(kv), acute or structural)
                if not expr(env):
                    nxt.setdefault(key, rep)
                    nxt_masks[key] = nxt_masks.get(key, 0) | mask
                    continue
            result.reachable.add(ci.id)
            if not ci.answerable:
                nxt.setdefault(key, rep)
                nxt_masks[key] = nxt_masks.get(key, 0) | mask
                continue
            values_here = role_domains.get((role, ci.id), dom)
            if ci.id in _FORCED and (acute or structural):
                values_here = ["ja"]
            elif ci.id in OPEN_WITH_VT and not (acute or structural or _a2_ja(kv)):
                values_here = [v for v in values_here if v is not None]
            for v in values_here:
                a, s = triggers(ci, v)
                stored: cond.Value = _DEFERRED if (v is None and ci.deferrable) else v
                kv2 = (*kv, (ci.id, stored)) if ci.id in keep else kv
                key2 = (role, acute or a, structural or s, kv2)
                if key2 not in nxt:
                    nxt[key2] = (rep, ci.id, v) if cross_check else rep
                nxt_masks[key2] = nxt_masks.get(key2, 0) | mask
            if len(nxt) > max_paths:
                break
        states = nxt
        masks = nxt_masks
        if len(states) > max_paths:
            result.complete = False
            big = sorted(
                (
                    (len(d), iid)
                    for iid, d in domains.items()
                    if len(d) > 1 and not compiled.by_id[iid].fragment
                ),
                key=lambda x: (-x[0], compiled.by_id[x[1]].index),
            )[:5]
            detail = ", ".join(f"{iid} ({k} waarden)" for k, iid in big)
            result.diagnostics.append(
                Diagnostic(
                    "MC304",
                    f"meer dan {max_paths} te onderscheiden paden; de analyse is niet volledig",
                    f"minder voorwaarden op verschillende items; grootste vertakkingen: {detail}",
                    anchor,
                )
            )
            return result

    if n in parts_at:
        masks = _fold_masks(masks, parts_at[n], check_bit)
    result.paths = len(states)
    for key, rep in states.items():
        role, acute, structural, kv = key
        chain = _materialize(rep)
        declared = chain.pop(_DECLARED, None) == "ja"
        if besluit:
            kept: dict[str, AnswerValue] = {
                k: v for k, v in kv if k == BESLUIT_ID and isinstance(v, str)
            }
            _check_besluit_leaf(
                compiled,
                role,
                declared,
                {**chain, **kept} if cross_check else kept,
                result,
                report,
                cross_check,
            )
            if compiled.checks:
                _fired_at_leaf(compiled, split, check_bit, masks[key], key, result, besluit=True)
            continue
        answers = {**chain, **_afweging_answers(kv)} if cross_check else _afweging_answers(kv)
        _check_leaf(
            compiled, role, declared, answers, acute, structural, result, report, cross_check
        )
        if compiled.checks:
            _fired_at_leaf(compiled, split, check_bit, masks[key], key, result)

    for iid in sorted(approx, key=lambda x: compiled.by_id[x].index):
        ci = compiled.by_id[iid]
        result.diagnostics.append(
            Diagnostic(
                "MC307",
                f"'{iid}': meer dan {MAX_MULTI_BRANCH_OPTIONS} opties komen in voorwaarden voor; "
                "de analyse neemt geen, één, twee en alle opties mee, niet elke combinatie",
                "de beslisregels blijven bewezen; alleen 'onbereikbaar' (MC305) is dan een "
                "waarschuwing. Minder opties in voorwaarden maakt de analyse weer volledig",
                (*ci.loc, "id"),
                severity="warning",
            )
        )
    fired_anywhere: set[str] = set().union(*result.checks_by_path.values())
    for c in compiled.checks:
        if c.id not in fired_anywhere:
            result.diagnostics.append(
                Diagnostic(
                    "MC310",
                    f"controle '{c.id}' gaat op geen enkel pad af",
                    "de voorwaarde kan nooit waar zijn (voor geen enkele rol en geen "
                    "beslissing); pas 'when' of 'roles' van de controle aan",
                    (*c.loc, "when") if not c.shared else c.loc,
                    severity="warning" if approx or c.shared else "error",
                )
            )
    for ci in items:
        if ci.id not in result.reachable:
            result.diagnostics.append(
                Diagnostic(
                    "MC305",
                    f"item '{ci.id}' is op geen enkel pad aan de orde",
                    "de voorwaarde kan nooit waar zijn (voor geen enkele rol); "
                    "pas 'when' of 'roles' aan",
                    (*ci.loc, "when") if ci.item.when else (*ci.loc, "id"),
                    severity="warning" if approx else "error",
                )
            )
    return result


def _env_of(
    key: tuple[str, bool, bool, tuple[tuple[str, cond.Value], ...]],
    envs: dict[Any, dict[str, cond.Value]],
    with_decision: bool,
) -> dict[str, cond.Value]:
    """The condition environment of a state, built once per state (as in the main loop)."""
    env = envs.get(key)
    if env is None:
        role, acute, structural, kv = key
        env = dict(kv)
        env["role"] = role
        env["acute"] = acute
        env["structureel"] = structural
        envs[key] = env
    if with_decision and "decision.melden" not in env:
        decision_env(env, _afweging_answers(key[3]), key[1] or key[2])
    return env


_Chain = tuple[Any, str, AnswerValue] | None
_DECLARED = "\x00declared"
_FORCED = ("afweging_1", "afweging_2")


_SPECIAL = ("role", "acute", "structureel")


def _split_check(
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


def _fold_masks(
    masks: dict[Any, int], parts: list[tuple[str, cond.Expr]], check_bit: dict[str, int]
) -> dict[Any, int]:
    """Clear the bit of every check whose answer-only part is false in this state."""
    out: dict[Any, int] = {}
    for key, mask in masks.items():
        env = dict(key[3])
        kept = mask
        for cid, part in parts:
            if kept & check_bit[cid] and not cond.evaluate(part, env):
                kept &= ~check_bit[cid]
        out[key] = kept
    return out


def _fired_at_leaf(
    compiled: CompiledProtocol,
    split: dict[str, tuple[list[tuple[int, cond.Expr]], list[cond.Expr]]],
    check_bit: dict[str, int],
    mask: int,
    key: tuple[str, bool, bool, tuple[tuple[str, cond.Value], ...]],
    result: Analysis,
    *,
    besluit: bool = False,
) -> None:
    """Which checks can hold at the end of this path (what the walk shows before signing)."""
    role, acute, structural, kv = key
    answers = _afweging_answers(kv)
    onveilig = acute or structural
    if not besluit and onveilig and "nee" in (answers.get("afweging_1"), answers.get("afweging_2")):
        return  # not a place where a walk ends (see _check_leaf)
    env: dict[str, cond.Value] = dict(kv)
    env.update({"role": role, "acute": acute, "structureel": structural})
    decision_env(env, answers, onveilig)
    if besluit:
        value = env.get(BESLUIT_ID)
        code = value if isinstance(value, str) else "?"
    else:
        code = path_code_from_answers(set(answers), answers, onveilig)
    fired = result.checks_by_path.setdefault(f"{role}:{code}", set())
    for c in compiled.checks:
        _static, dynamic = split[c.id]
        if mask & check_bit[c.id] and all(cond.evaluate(d, env) for d in dynamic):
            fired.add(c.id)


def _a2_ja(kv: tuple[tuple[str, cond.Value], ...]) -> bool:
    return ("afweging_2", "ja") in kv


def _afweging_answers(kv: tuple[tuple[str, cond.Value], ...]) -> dict[str, AnswerValue]:
    """The afwegingen answered on a path (always kept in the state)."""
    out: dict[str, AnswerValue] = {}
    for k, v in kv:
        if k in AFWEGING_IDS:
            out[k] = None if v == _DEFERRED else v  # type: ignore[assignment]
    return out


def _materialize(chain: _Chain) -> dict[str, AnswerValue]:
    items: list[tuple[str, AnswerValue]] = []
    while chain is not None:
        chain, key, value = chain
        items.append((key, value))
    return dict(reversed(items))


def _afweging_relevance(answers: dict[str, AnswerValue]) -> set[str]:
    """In a complete path every relevant afweging has an entry (None when deferred)."""
    return {aid for aid in AFWEGING_IDS if aid in answers}


def _project(
    kv: tuple[tuple[str, cond.Value], ...], keep: frozenset[str]
) -> tuple[tuple[str, cond.Value], ...]:
    # entries are appended in item order for every state, so no sorting is needed
    return tuple([(k, v) for k, v in kv if k in keep])


def _check_leaf(
    compiled: CompiledProtocol,
    role: str,
    declared: bool,
    answers: dict[str, AnswerValue],
    acute: bool,
    structural: bool,
    result: Analysis,
    rep: Callable[[str, str, str, str], None],
    cross_check: bool,
) -> None:
    onveilig = acute or structural
    if onveilig and "nee" in (answers.get("afweging_1"), answers.get("afweging_2")):
        # onveiligheid recorded after afweging 1 or 2 was answered "nee": the engine
        # reopens them (forced "ja") and the walk goes on; that continuation is the path
        # enumerated with "ja" there, so this is not a place where a walk can end
        return
    code = path_code_from_answers(_afweging_relevance(answers), answers, onveilig)
    key = f"{role}:{code}"
    answered = set(answers)
    check_key = f"{key}:{onveilig}:{declared}"
    if cross_check and check_key not in result.cross_checked:
        result.cross_checked.add(check_key)
        # cross-check the enumeration against the engine itself (once per decision path,
        # and on every unsafe path): on the representative answers, the engine must find
        # exactly the answered items relevant
        engine_rel = relevant_items(compiled, role, answers, acute_declared=declared)
        answered = {ci.id for ci in engine_rel if ci.answerable}
    result.decision_paths.add(key)
    rel_set = set(answers)
    bools = {
        aid: (None if answers.get(aid) is None else answers.get(aid) == "ja")
        for aid in AFWEGING_IDS
        if aid in rel_set
    }
    decision = decide(bools, onveilig=onveilig)
    where = f"rol {role}, afwegingen {code}" + (", acute route" if declared else "")
    if answered != set(answers) or decision is None:
        rep(
            "MC301",
            code,
            f"pad zonder beslissing ({where})",
            "elk pad moet het afwegingskader doorlopen",
        )
        return
    row = oracle_row(code.replace("-", "?"))
    got = (decision.melden, decision.hulp, decision.afsluiten, decision.meldnormen)
    if row.decision != got:
        rep(
            "MC302",
            code,
            f"beslissing {decision.outcome} op pad {where} volgt niet uit het afwegingskader",
            "het afwegingskader (brief §3.1) bepaalt de uitkomst; meld dit als fout in meldcode",
        )
    if onveilig and not decision.melding_in_case:
        rep(
            "MC303",
            code,
            f"acute of structurele onveiligheid zonder melding ({where})",
            "bij acute of structurele onveiligheid is melden altijd nodig (meldnorm 1)",
        )


def _check_besluit_leaf(
    compiled: CompiledProtocol,
    role: str,
    declared: bool,
    answers: dict[str, AnswerValue],
    result: Analysis,
    rep: Callable[[str, str, str, str], None],
    cross_check: bool,
) -> None:
    """An information request ends in one of the lawful verstrekkingsbesluiten (MC301,
    MC302), and a disclosure is always recorded: what, to whom and on what ground."""
    besluit = answers.get(BESLUIT_ID)
    code = besluit if isinstance(besluit, str) else "?"
    key = f"{role}:{code}"
    where = f"rol {role}, besluit {code}" + (", acute route" if declared else "")
    v = decide_verstrekking(answers)
    if v is None:
        rep(
            "MC301",
            code,
            f"pad zonder verstrekkingsbesluit ({where})",
            "elk pad moet eindigen in een besluit",
        )
        return
    result.decision_paths.add(key)
    expected = VERSTREKKING_ORACLE.get(code)
    got = (v.verstrekt, v.deels, v.open, v.vastlegging_nodig)
    if expected != got:
        rep(
            "MC302",
            code,
            f"verstrekkingsbesluit {v.outcome} op pad {where} volgt niet uit de tabel",
            "het verstrekkingsbesluit is vast; meld dit als fout in meldcode",
        )
    del cross_check  # the besluit is one answer: the engine check below is cheap enough
    engine_rel = {ci.id for ci in relevant_items(compiled, role, answers, acute_declared=declared)}
    if v.vastlegging_nodig and not {GEGEVENS_ID, GRONDSLAG_ID} <= engine_rel:
        rep(
            "MC302",
            code,
            f"verstrekking zonder vastlegging van gegevens en grondslag ({where})",
            "het verstrekkingsbesluit is vast; meld dit als fout in meldcode",
        )
