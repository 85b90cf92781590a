"""The states of the path analysis, cheap to hash, extend, project and compare.

A state is what the rest of a walk can still tell apart: the role, the acute and
structural flags, and the answers that a later condition (or the decision) still reads.
The answers are a sequence of ``(item id, value)`` pairs in walk order; here they are
*interned* in a trie, so that equal sequences are the same small integer (a node):

* adding an answer is one dictionary lookup (``child``), not a copy of the sequence;
* forgetting the answers no later condition reads (``project``) is done once per node
  and remembered, not once per state;
* a whole state packs into one int (:class:`StateCodec`), so the dictionaries of the
  analysis hash integers instead of nested tuples.

Nothing is approximated: two states are equal exactly when their role, flags and answer
sequences are, as with the tuples the analysis used before.
"""

from __future__ import annotations

from collections.abc import Iterable

from meldcode_cli.protocol import conditions as cond
from meldcode_cli.protocol.afwegingskader import OPEN_WITH_VT
from meldcode_cli.protocol.analysis_leaves import DEFERRED
from meldcode_cli.protocol.compiled import CItem
from meldcode_cli.walk.answers import AnswerValue, triggers

__all__ = ["ROOT", "AnswerTrie", "Moves", "StateCodec"]

_FORCED = ("afweging_1", "afweging_2")
"""Onveiligheid makes these "ja" (the engine forces them)."""

ROOT = 0
"""The node of the empty answer sequence."""


class AnswerTrie:
    """Answer sequences ``((item id, value), ...)`` interned as nodes (ints)."""

    __slots__ = ("_child", "_env", "item", "parent", "value")

    def __init__(self) -> None:
        self.parent: list[int] = [-1]
        self.item: list[str] = [""]
        self.value: list[cond.Value] = [None]
        self._child: dict[tuple[int, str, cond.Value], int] = {}
        self._env: list[dict[str, cond.Value] | None] = [{}]

    def child(self, node: int, item: str, value: cond.Value) -> int:
        """The node of ``node``'s sequence followed by ``(item, value)``."""
        key = (node, item, value)
        got = self._child.get(key)
        if got is None:
            got = len(self.parent)
            self._child[key] = got
            self.parent.append(node)
            self.item.append(item)
            self.value.append(value)
            self._env.append(None)
        return got

    def pairs(self, node: int) -> tuple[tuple[str, cond.Value], ...]:
        """The sequence of a node, in walk order."""
        out: list[tuple[str, cond.Value]] = []
        parent, item, value = self.parent, self.item, self.value
        while node != ROOT:
            out.append((item[node], value[node]))
            node = parent[node]
        out.reverse()
        return tuple(out)

    def env(self, node: int) -> dict[str, cond.Value]:
        """The sequence as a mapping (built once per node; do not modify it)."""
        envs = self._env
        got = envs[node]
        if got is not None:
            return got
        path: list[int] = []
        n = node
        while (base := envs[n]) is None:
            path.append(n)
            n = self.parent[n]
        env = dict(base)
        item, value = self.item, self.value
        for m in reversed(path):
            env[item[m]] = value[m]
        envs[node] = env
        return env

    def project(self, node: int, keep: frozenset[str], memo: dict[int, int]) -> int:
        """The node of the sequence with only the items in ``keep`` (order kept);
        ``memo`` remembers the nodes already projected with the same ``keep``."""
        got = memo.get(node)
        if got is not None:
            return got
        path: list[int] = []
        n = node
        while n != ROOT and n not in memo:
            path.append(n)
            n = self.parent[n]
        cur = ROOT if n == ROOT else memo[n]
        item, value = self.item, self.value
        for m in reversed(path):
            if item[m] in keep:
                cur = self.child(cur, item[m], value[m])
            memo[m] = cur
        return cur


class StateCodec:
    """(answers node, role, acute, structural) packed into one int, and back."""

    __slots__ = ("role_mask", "roles", "shift")

    def __init__(self, roles: tuple[str, ...]) -> None:
        self.roles = roles
        bits = max(1, (len(roles) - 1).bit_length())
        self.role_mask = (1 << bits) - 1
        self.shift = bits + 2

    def pack(self, node: int, role: int, acute: bool, structural: bool) -> int:
        return (node << self.shift) | (role << 2) | (acute << 1) | structural

    def unpack(self, key: int) -> tuple[int, int, bool, bool]:
        """(node, role index, acute, structural)."""
        return key >> self.shift, (key >> 2) & self.role_mask, bool(key & 2), bool(key & 1)


class Moves:
    """The answers of one item from a state, computed once per (role, kind of state)
    instead of once per state: (answer, number of the stored value, flag bits raised);
    and the answers nodes after storing each value, once per (node, value)."""

    def __init__(
        self,
        trie: AnswerTrie,
        roles: tuple[str, ...],
        role_domains: dict[tuple[str, str], list[AnswerValue]],
        ci: CItem,
        dom: list[AnswerValue],
    ) -> None:
        self.trie, self.roles, self.role_domains = trie, roles, role_domains
        self.ci, self.dom = ci, dom
        self.forced = ci.id in _FORCED
        self.open_with_vt = ci.id in OPEN_WITH_VT
        self.by_variant: dict[int, list[tuple[AnswerValue, int, int]]] = {}
        # every value this item can store, numbered: (node, number) keys the children
        candidates: list[AnswerValue] = [*dom, "ja"]
        for r in roles:
            candidates.extend(role_domains.get((r, ci.id), ()))
        self._stored: list[cond.Value] = []
        self._number: dict[cond.Value, int] = {}
        for v in candidates:
            stored = self._store(v)
            if stored not in self._number:
                self._number[stored] = len(self._stored)
                self._stored.append(stored)
        self.width = len(self._stored)
        self.children: dict[int, int] = {}

    def _store(self, v: AnswerValue) -> cond.Value:
        return DEFERRED if (v is None and self.ci.deferrable) else v

    def variant(self, node: int, flags: int) -> int:
        """0: the item's domain; 1: forced "ja" (onveiligheid makes afweging 1 and 2
        "ja"); 2: no "open" (afweging 3 and 4 stay open only after afweging 2 "ja")."""
        if self.forced and flags:
            return 1
        if self.open_with_vt and not flags and self.trie.env(node).get("afweging_2") != "ja":
            return 2
        return 0

    def child(self, ck: int, node: int, j: int) -> int:
        got = self.children[ck] = self.trie.child(node, self.ci.id, self._stored[j])
        return got

    def moves(self, low: int, variant: int) -> list[tuple[AnswerValue, int, int]]:
        """The moves for the role in ``low`` (its bits in a state) and ``variant``."""
        ci = self.ci
        role = self.roles[low >> 2]
        values: Iterable[AnswerValue] = self.role_domains.get((role, ci.id), self.dom)
        if variant == 1:
            values = ["ja"]
        elif variant == 2:
            values = [v for v in values if v is not None]
        out: list[tuple[AnswerValue, int, int]] = []
        for v in values:
            a, s = triggers(ci, v)
            out.append((v, self._number[self._store(v)], (a << 1) | s))
        self.by_variant[low | (variant << 16)] = out
        return out
