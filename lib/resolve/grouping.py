"""The one grouping helper: union-find over row indices (path halving; the first root wins).

Used by claim clustering and quote grouping, which both merge rows one pair at a time under
their own vetoes, so a one-shot connected-components call would not fit.
"""

from __future__ import annotations


class UnionFind:
    """Disjoint sets over ``0..n-1``; :meth:`union` merges the second root into the first
    and keeps each root's members (in merge order)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self._members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, i: int, j: int) -> tuple[int, int] | None:
        """Merge the sets of ``i`` and ``j``; returns ``(kept root, absorbed root)``, or None
        when they were already one set."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return None
        self.parent[rj] = ri
        self._members[ri].extend(self._members.pop(rj))  # in place: a growing group stays linear
        return ri, rj

    def members(self, root: int) -> list[int]:
        return self._members[root]

    def roots(self) -> list[int]:
        """The root of every element, in element order."""
        return [self.find(i) for i in range(len(self.parent))]
