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

from meldcode_cli.protocol import conditions as cond

__all__ = ["ROOT", "AnswerTrie", "StateCodec"]

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
