"""Exhaustive path analysis: every combination of answers that matters, checked.

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

The work is split by concern: which answers of an item matter
(:mod:`~meldcode_cli.protocol.analysis_domains`), how a state is represented
(:mod:`~meldcode_cli.protocol.analysis_states`), the walk over the items (here) and what
is proved at the end of a path (:mod:`~meldcode_cli.protocol.analysis_leaves`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from meldcode_cli.errors import Text
from meldcode_cli.protocol import conditions as cond
from meldcode_cli.protocol.afwegingskader import AFWEGING_IDS
from meldcode_cli.protocol.analysis_domains import MAX_MULTI_BRANCH_OPTIONS, domain, referenced
from meldcode_cli.protocol.analysis_findings import (
    after_the_walk,
    too_many_paths,
    trigger_dependencies,
)
from meldcode_cli.protocol.analysis_leaves import (
    afweging_answers,
    check_besluit_leaf,
    check_leaf,
    fired_at_leaf,
    materialize,
    path_code_from_answers,
    split_check,
)
from meldcode_cli.protocol.analysis_states import ROOT, AnswerTrie, Moves, StateCodec
from meldcode_cli.protocol.compiled import CItem, CompiledProtocol
from meldcode_cli.protocol.diagnostics import Diagnostic
from meldcode_cli.protocol.model import MultiChoiceItem, SingleChoiceItem
from meldcode_cli.protocol.verstrekking import BESLUIT_ID
from meldcode_cli.walk.answers import AnswerValue, decision_env, triggers

__all__ = ["MAX_MULTI_BRANCH_OPTIONS", "Analysis", "analyse", "path_code_from_answers"]

MAX_PATHS = 20_000
"""Distinguishable states at one item; real protocols have about a hundred."""


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


_DECLARED = "\x00declared"
_SPECIAL = ("role", "acute", "structureel")

Chain = Any
"""The representative answers of a state: ``None`` or ``(parent chain, item id, value)``."""


def analyse(
    compiled: CompiledProtocol, *, max_paths: int = MAX_PATHS, cross_check: bool = False
) -> Analysis:
    """Enumerate all paths, merging states that no later condition can tell apart.

    Two partial walks whose answers differ only in items that no later condition and
    no decision reads behave identically from there on, so they are merged (one of
    them is kept as the representative). That keeps the work proportional to the
    number of *distinguishable* paths, not the product of all answers.
    """
    result = Analysis()
    result.diagnostics.extend(trigger_dependencies(compiled.items))
    if result.diagnostics:
        return result
    walk = _PathWalk(compiled, result, max_paths=max_paths, cross_check=cross_check)
    if walk.run():
        walk.leaves()
        walk.final_diagnostics()
    return result


def _names(expr: cond.Expr) -> set[str]:
    return {r.name for r in cond.refs(expr)}


class _PathWalk:
    """One run of the analysis: the states after each item, item by item.

    ``states`` maps a packed state (:class:`StateCodec`) to its representative chain,
    ``masks`` to the checks whose answer-only parts still hold on some path into it.
    Every loop visits the states in the same order as the tuple-keyed analysis did, so
    the representatives, and with them the messages, are the same.
    """

    def __init__(
        self, compiled: CompiledProtocol, result: Analysis, *, max_paths: int, cross_check: bool
    ) -> None:
        self.compiled = compiled
        self.result = result
        self.max_paths = max_paths
        self.cross_check = cross_check
        self.items = items = compiled.items
        self.roles = compiled.roles
        names, values = referenced(compiled)
        self.approx: set[str] = set()
        self.domains = {
            ci.id: domain(ci, names, values, self.approx) for ci in items if ci.answerable
        }
        # items whose options depend on the role get a domain per role
        self.role_domains: dict[tuple[str, str], list[AnswerValue]] = {}
        for ci in items:
            if isinstance(ci.item, SingleChoiceItem | MultiChoiceItem) and any(
                o.roles is not None for o in ci.item.options
            ):
                for role_name in self.roles:
                    self.role_domains[(role_name, ci.id)] = domain(
                        ci, names, values, self.approx, role_name
                    )
        self.besluit = compiled.protocol.kind == "informatieverzoek"
        frag = compiled.by_id.get(BESLUIT_ID if self.besluit else "afweging_1")
        self.anchor = frag.loc if frag is not None else ("steps",)
        self.reported: set[tuple[str, str]] = set()
        self._plan_checks()
        self.trie = AnswerTrie()
        self.codec = StateCodec(self.roles)
        self.states: dict[int, Chain] = {}
        self.masks: dict[int, int] = {}
        self.envs: dict[int, dict[str, cond.Value]] = {}

    def _plan_checks(self) -> None:
        """Checks are evaluated at the end of the walk. Each is split into parts over
        answers only (folded into one bit per check right after the last item they read,
        so those answers need not be carried to the end) and parts over role, flags and
        decision (evaluated at the leaf). ``future[i]``: the names that conditions at
        index >= i still read."""
        compiled, items = self.compiled, self.items
        n = len(items)
        self.split = {c.id: split_check(c.cond, compiled) for c in compiled.checks}
        self.parts_at: dict[int, list[tuple[str, cond.Expr]]] = {}
        for cid, (static, _dyn) in self.split.items():
            for ready, part in static:
                self.parts_at.setdefault(ready + 1, []).append((cid, part))
        acc: set[str] = set()
        future: list[frozenset[str]] = [frozenset()] * (n + 1)
        for _cid, part in self.parts_at.get(n, []):
            acc.update(_names(part))
        future[n] = frozenset(acc)
        for i in range(n - 1, -1, -1):
            ci = items[i]
            if ci.cond is not None:
                acc.update(_names(ci.cond))
            for _cid, part in self.parts_at.get(i, []):
                acc.update(_names(part))
            future[i] = frozenset(acc)
        self.future = future
        self.check_bit = {c.id: 1 << k for k, c in enumerate(compiled.checks)}
        self.keep_always = frozenset({BESLUIT_ID}) if self.besluit else frozenset(AFWEGING_IDS)
        self.tests = [cond.compile_expr(ci.cond) if ci.cond is not None else None for ci in items]
        self.needs_decision = [
            ci.cond is not None and any(nm.startswith("decision.") for nm in _names(ci.cond))
            for ci in items
        ]
        # a condition that reads answers only has one value per answers node: evaluated
        # once per node, not once per (node, role, flags)
        self.answers_only = [
            ci.cond is not None
            and not any(nm in _SPECIAL or nm.startswith("decision.") for nm in _names(ci.cond))
            for ci in items
        ]

    # --- the walk ---------------------------------------------------------------------

    def run(self) -> bool:
        """Every item in walk order; False when the state limit was hit (MC304)."""
        codec = self.codec
        for r, _role in enumerate(self.roles):
            for declared in (False, True):
                key = codec.pack(ROOT, r, declared, False)
                if key not in self.states:
                    self.states[key] = (None, _DECLARED, "ja" if declared else None)
        full = (1 << len(self.compiled.checks)) - 1
        self.masks = dict.fromkeys(self.states, full)
        keep_prev = self.future[0] | self.keep_always
        for i, ci in enumerate(self.items):
            if i in self.parts_at:
                self._fold(self.parts_at[i])
            here = self.future[i] | self.keep_always  # what this item and later ones read
            if here != keep_prev:  # an answer was read for the last time: merge
                self._shrink(here)
                keep_prev = here
            keep = self.future[i + 1] | self.keep_always  # what later items read
            if not self._item(i, ci, keep):
                return False
        return True

    def _fold(self, parts: list[tuple[str, cond.Expr]]) -> None:
        """Clear the bit of every check whose answer-only part is false in a state."""
        check_bit, trie, shift = self.check_bit, self.trie, self.codec.shift
        failing: dict[int, int] = {}  # per answers node: the bits of the false parts
        masks = self.masks
        for key, mask in masks.items():
            node = key >> shift
            fail = failing.get(node)
            if fail is None:
                env = trie.env(node)
                fail = 0
                for cid, part in parts:
                    if not cond.evaluate(part, env):
                        fail |= check_bit[cid]
                failing[node] = fail
            masks[key] = mask & ~fail

    def _shrink(self, here: frozenset[str]) -> None:
        """Forget the answers no condition reads any more; merge states that became equal."""
        shift = self.codec.shift
        low = (1 << shift) - 1
        project = self.trie.project
        memo: dict[int, int] = {}
        shrunk: dict[int, Chain] = {}
        shrunk_masks: dict[int, int] = {}
        masks = self.masks
        for key, rep in self.states.items():
            node = key >> shift
            small_node = memo.get(node)
            if small_node is None:
                small_node = project(node, here, memo)
            small = (small_node << shift) | (key & low)
            if small not in shrunk:
                shrunk[small] = rep
            shrunk_masks[small] = shrunk_masks.get(small, 0) | masks[key]
        self.states = shrunk
        self.masks = shrunk_masks

    def _env(self, key: int, with_decision: bool) -> dict[str, cond.Value]:
        """The condition environment of a state, built once per state."""
        env = self.envs.get(key)
        if env is None:
            node, r, acute, structural = self.codec.unpack(key)
            env = dict(self.trie.env(node))
            env["role"] = self.roles[r]
            env["acute"] = acute
            env["structureel"] = structural
            self.envs[key] = env
        if with_decision and "decision.melden" not in env:
            node, _r, acute, structural = self.codec.unpack(key)
            decision_env(env, afweging_answers(self.trie.pairs(node)), acute or structural)
        return env

    def _holds(self, i: int) -> Callable[[int], bool]:
        """The condition of item ``i`` as a function of the state, remembered per class of
        states it cannot tell apart: per answers node when it reads answers only, else per
        (node, role if it reads the role, flags if it reads them or the decision)."""
        expr = self.tests[i]
        assert expr is not None
        memo: dict[int, bool] = {}
        shift, env_of = self.codec.shift, self.trie.env
        if self.answers_only[i]:

            def holds_answers(key: int) -> bool:
                node = key >> shift
                got = memo.get(node)
                if got is None:
                    got = memo[node] = expr(env_of(node))
                return got

            return holds_answers
        item_cond = self.items[i].cond
        names = _names(item_cond) if item_cond is not None else set()
        with_decision = self.needs_decision[i]
        visible = ~0 << shift
        if "role" in names:
            visible |= self.codec.role_mask << 2
        if with_decision or names & {"acute", "structureel"}:
            visible |= 3
        env = self._env

        def holds_state(key: int) -> bool:
            seen = key & visible
            got = memo.get(seen)
            if got is None:
                got = memo[seen] = expr(env(key, with_decision))
            return got

        return holds_state

    def _item(self, i: int, ci: CItem, keep: frozenset[str]) -> bool:
        result, expr = self.result, self.tests[i]
        dom = self.domains.get(ci.id, [None])
        inert = (
            ci.answerable
            and (self.roles[0], ci.id) not in self.role_domains
            and len(dom) == 1
            and not ci.fragment
            and ci.id not in keep
            and triggers(ci, dom[0]) == (False, False)
        )
        if expr is None and (not ci.answerable or inert):
            # relevant everywhere and changes nothing any later step can see
            result.reachable.add(ci.id)
            if self.cross_check and ci.answerable:
                self.states = {key: (rep, ci.id, dom[0]) for key, rep in self.states.items()}
            return True
        if expr is not None and (not ci.answerable or inert) and not self.cross_check:
            # a condition on an item that changes nothing any later step can see: every
            # state goes on unchanged whether or not it holds, so all there is to learn is
            # whether it holds on some state (MC305); stop at the first one
            if ci.id not in result.reachable:
                holds = self._holds(i)
                if any(holds(key) for key in self.states):
                    result.reachable.add(ci.id)
            return True
        self._branch(i, ci, dom, keep)
        if len(self.states) > self.max_paths:
            self._too_many_paths()
            return False
        return True

    def _branch(self, i: int, ci: CItem, dom: list[AnswerValue], keep: frozenset[str]) -> None:
        """Every state through item ``i``: unchanged where it is not relevant, one new
        state per answer in its domain where it is. (The hot loop of the analysis: the
        lookups of :class:`_Moves` are inlined.)"""
        holds = self._holds(i) if self.tests[i] is not None else None
        cross_check, masks, max_paths = self.cross_check, self.masks, self.max_paths
        shift, role_mask = self.codec.shift, self.codec.role_mask << 2
        moves = Moves(self.trie, self.roles, self.role_domains, ci, dom)
        by_variant, variant_of, children = moves.by_variant, moves.variant, moves.children
        width, kept = moves.width, ci.id in keep
        iid, answerable = ci.id, ci.answerable
        relevant = False
        nxt: dict[int, Chain] = {}
        nxt_masks: dict[int, int] = {}
        for key, rep in self.states.items():
            mask = masks[key]
            if holds is None or holds(key):
                relevant = True
                if answerable:
                    node = key >> shift
                    low = key & role_mask
                    flags = key & 3
                    todo = by_variant.get(low | (variant_of(node, flags) << 16))
                    if todo is None:
                        todo = moves.moves(low, variant_of(node, flags))
                    for v, j, raised in todo:
                        node2 = node
                        if kept:
                            node2 = children.get(node * width + j, -1)
                            if node2 < 0:
                                node2 = moves.child(node * width + j, node, j)
                        key2 = (node2 << shift) | low | flags | raised
                        if key2 not in nxt:
                            nxt[key2] = (rep, iid, v) if cross_check else rep
                        nxt_masks[key2] = nxt_masks.get(key2, 0) | mask
                    if len(nxt) > max_paths:
                        break
                    continue
            # not relevant here, or nothing to answer: the state goes on unchanged
            if key not in nxt:
                nxt[key] = rep
            nxt_masks[key] = nxt_masks.get(key, 0) | mask
        if relevant:
            self.result.reachable.add(iid)
        self.states = nxt
        self.masks = nxt_masks

    def _too_many_paths(self) -> None:
        self.result.complete = False
        self.result.diagnostics.append(
            too_many_paths(self.compiled, self.domains, self.max_paths, self.anchor)
        )

    # --- the end of every path ------------------------------------------------------------

    def report(self, code: str, key: str, message: Text, hint: Text) -> None:
        if (code, key) in self.reported:
            return
        self.reported.add((code, key))
        self.result.diagnostics.append(Diagnostic(code, message, hint, self.anchor))

    def leaves(self) -> None:
        compiled, result, cross_check = self.compiled, self.result, self.cross_check
        n = len(self.items)
        if n in self.parts_at:
            self._fold(self.parts_at[n])
        result.paths = len(self.states)
        checked = result.cross_checked if cross_check else None
        for key, rep in self.states.items():
            node, r, acute, structural = self.codec.unpack(key)
            role = self.roles[r]
            kv = self.trie.pairs(node)
            leaf = (role, acute, structural, kv)
            chain = materialize(rep)
            declared = chain.pop(_DECLARED, None) == "ja"
            if self.besluit:
                kept: dict[str, AnswerValue] = {
                    k: v for k, v in kv if k == BESLUIT_ID and isinstance(v, str)
                }
                answers = {**chain, **kept} if cross_check else kept
                check_besluit_leaf(
                    compiled, role, declared, answers, result.decision_paths, self.report
                )
            else:
                answers = {**chain, **afweging_answers(kv)} if cross_check else afweging_answers(kv)
                check_leaf(
                    compiled,
                    role,
                    declared,
                    answers,
                    acute or structural,
                    checked,
                    result.decision_paths,
                    self.report,
                )
            if compiled.checks:
                fired_at_leaf(
                    compiled,
                    self.split,
                    self.check_bit,
                    self.masks[key],
                    leaf,
                    result.checks_by_path,
                    besluit=self.besluit,
                )

    def final_diagnostics(self) -> None:
        """MC307 (approximated checklists), MC310 (checks that never fire) and MC305
        (items relevant on no path), in that order."""
        self.result.diagnostics.extend(
            after_the_walk(
                self.compiled, self.approx, self.result.checks_by_path, self.result.reachable
            )
        )
