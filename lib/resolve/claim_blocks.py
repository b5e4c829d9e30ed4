"""Near-linear grouping of figures into claims: blocking, then average linkage per block.

No pass compares every figure of a corpus (or of one story) with every other. Figures are
first split into *blocks* by measurement keys that a merge needs anyway (the caller's
``keys``: for claims, the unit and kind, a veto when they differ, and whose age for
ages); figures whose key ends empty are split into chains of values that can agree (two
such figures merge only when their values agree). A figure in such a chain that gives a
telling exact value ("$447 billion") joins the one block holding the same value, since it
may merge with it.

A block larger than :data:`BLOCK_MAX` figures is cut further (by the kind of thing
counted, into chains of values that can agree, then by holder, then time, then in
document order), so the work per block is
bounded and the whole pass is linear in the
number of figures times :data:`BLOCK_MAX`. Within a block, :func:`average_linkage` merges
pairs strongest first (see its docstring).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from lib.resolve import budget
from lib.resolve.grouping import UnionFind

#: Merges need a mean similarity of at least this between two groups.
MERGE_THRESHOLD = 0.55
#: Most figures compared in one block (pairs per block at most BLOCK_MAX²).
BLOCK_MAX = 150


def cluster(
    items: list[dict],
    similarity: Callable[[dict, dict], float],
    keys: Callable[[dict], tuple],
    features: tuple[str, ...],
    can_join: Callable[[dict], bool],
    threshold: float = MERGE_THRESHOLD,
) -> list[int]:
    """A cluster label per item (the index of one of its members).

    ``similarity(a, b)``: score in [0, 1], negative to veto; ``keys(item)``: its block key;
    ``features``: the item fields the score reads (equal features are scored once);
    ``can_join(item)``: may an item without a counted head join the block of a headed
    figure with the same value (a telling value)? ``threshold``: the mean similarity two
    groups need to merge.
    """
    labels = list(range(len(items)))
    for rows in blocks(items, keys, can_join):
        budget.check()  # the corpus time budget (lib.resolve.budget): raises when it is out
        block = [items[i] for i in rows]
        for k, local in enumerate(_cluster_block(block, similarity, features, threshold)):
            labels[rows[k]] = rows[local]  # a member's global index names the cluster
    return labels


def blocks(items: list[dict], keys, can_join) -> list[list[int]]:
    """Rows of each block (see the module docstring), each at most :data:`BLOCK_MAX`."""
    blocks: dict[tuple, list[int]] = {}
    loose: dict[tuple, list[int]] = {}  # figures counting nothing, by unit and kind
    for i, item in enumerate(items):
        key = keys(item)
        if key[-1] == "":
            loose.setdefault(key, []).append(i)
        else:
            blocks.setdefault(key, []).append(i)
    # a telling value with nothing counted joins the one headed block giving that value
    by_value: dict[tuple, set] = {}
    for key, rows in blocks.items():
        for i in rows:
            by_value.setdefault((key[0], key[1], items[i]["value"]), set()).add(key)
    out: list[list[int]] = []
    for key, rows in loose.items():
        rest = []
        for i in rows:
            homes = by_value.get((key[0], key[1], items[i]["value"]), set())
            if can_join(items[i]) and len(homes) == 1:
                blocks[next(iter(homes))].append(i)
            else:
                rest.append(i)
        out += _value_chains(rest, items)
    out += list(blocks.values())
    bounded: list[list[int]] = []
    for rows in out:
        bounded += _bounded(sorted(rows), items)
    return bounded


def _value_chains(rows: list[int], items: list[dict]) -> list[list[int]]:
    """Figures counting nothing merge only when their values agree: split them into chains
    of overlapping value intervals (a sweep by lower bound)."""
    chains: list[list[int]] = []
    hi = -np.inf
    for i in sorted(rows, key=lambda k: (items[k]["_lo"], items[k]["_hi"])):
        if chains and items[i]["_lo"] <= hi * 1.0000001:
            chains[-1].append(i)
            hi = max(hi, items[i]["_hi"])
        else:
            chains.append([i])
            hi = items[i]["_hi"]
    return chains


def _bounded(rows: list[int], items: list[dict], chained: bool = False) -> list[list[int]]:
    """Cut a block over :data:`BLOCK_MAX` by the kind of thing counted (``_class``: so a
    big corpus compares like with like), then into chains of values that can agree (so
    only a big block gives up joining values apart), then by holder, then by time, then in
    order."""
    if len(rows) <= BLOCK_MAX:
        return [rows]
    classes: dict[str, list[int]] = {}
    for i in rows:
        classes.setdefault(items[i].get("_class", ""), []).append(i)
    if len(classes) > 1:  # first by the kind of thing counted (an item's ``_class``)
        out = []
        for part in classes.values():
            out += _bounded(part, items, chained)
        return out
    if not chained:
        chains = _value_chains(rows, items)
        if len(chains) > 1:
            out = []
            for chain in chains:
                out += _bounded(sorted(chain), items, chained=True)
            return out
    for field in ("_holder", "_when"):
        parts: dict[str, list[int]] = {}
        for i in rows:
            parts.setdefault(items[i].get(field, ""), []).append(i)
        if len(parts) > 1:
            out = []
            for part in parts.values():
                out += _bounded(part, items, chained=True)
            return out
    return [rows[k : k + BLOCK_MAX] for k in range(0, len(rows), BLOCK_MAX)]


def _cluster_block(items: list[dict], similarity, features, threshold: float) -> list[int]:
    """Cluster one block: every distinct pair of features is scored once, then the
    same-document veto is applied on the whole matrix."""
    n = len(items)
    if n == 1:
        return [0]
    codes: dict[tuple, int] = {}
    uniq: list[dict] = []
    inv = np.empty(n, dtype=np.intp)
    for i, item in enumerate(items):  # score each distinct pair of features once
        key = tuple(item[f] for f in features)
        code = codes.get(key)
        if code is None:
            code = codes[key] = len(uniq)
            uniq.append(item)
        inv[i] = code
    u = len(uniq)
    usim = np.zeros((u, u))
    for a in range(u):
        for b in range(a, u):
            usim[a, b] = usim[b, a] = similarity(uniq[a], uniq[b])
    sim = usim[np.ix_(inv, inv)]
    # one article giving two values that cannot both hold gives two measurements (the
    # document is not a scoring feature, so the pairs above stay few and distinct)
    docs = np.array([item["_doc"] for item in items], dtype=object)
    lo = np.array([item["_lo"] for item in items])
    hi = np.array([item["_hi"] for item in items])
    apart = np.maximum.outer(lo, lo) > np.minimum.outer(hi, hi) * 1.0000001
    sim[(docs[:, None] == docs[None, :]) & apart] = -1.0
    np.fill_diagonal(sim, 0.0)
    return average_linkage(sim, threshold)


def average_linkage(sim: np.ndarray, threshold: float = MERGE_THRESHOLD) -> list[int]:
    """Merge pairs strongest first while the two groups' mean similarity stays at
    ``threshold`` or more and no pair between them is vetoed (negative).

    Sums and vetoes between groups are kept up to date on each merge (a row and a column
    added), so a check is O(1) and a merge O(n): no block of the matrix is re-read.
    """
    n = len(sim)
    groups = UnionFind(n)
    sums = sim.astype(np.float64, copy=True)
    vetoed = sim < 0
    size = np.ones(n)
    rows, cols = np.nonzero(np.triu(sim >= threshold - 1e-9, k=1))
    order = np.argsort(-sim[rows, cols], kind="stable")  # strongest pairs first
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        ri, rj = groups.find(i), groups.find(j)
        if ri == rj or vetoed[ri, rj]:
            continue
        if sums[ri, rj] / (size[ri] * size[rj]) < threshold - 1e-9:
            continue
        keep, gone = groups.union(ri, rj)
        sums[keep, :] += sums[gone, :]
        sums[:, keep] += sums[:, gone]
        vetoed[keep, :] |= vetoed[gone, :]
        vetoed[:, keep] |= vetoed[:, gone]
        size[keep] += size[gone]
    return groups.roots()
