"""Average-linkage clustering of articles without an n x n matrix (story grouping's engine).

Input: one L2-normalised TF-IDF row per article (``X``, CSR) and each article's day
(a float day number, NaN when unknown). Two articles' similarity is their cosine times a
time kernel (1 within :attr:`LinkageSettings.grace_days`, then decaying with
:attr:`~LinkageSettings.decay_days`, 0 beyond :attr:`~LinkageSettings.window_days`; an
unknown day does not count against a pair). The result is the flat cut of
average-linkage (UPGMA) clustering at :attr:`~LinkageSettings.threshold`: two groups are
merged while the mean similarity of their pairs is at least the threshold.

It is computed in three near-linear steps:

1. **Blocking** (:func:`candidate_pairs`): each article's ``keys_per_doc`` heaviest terms
   are its keys; articles sharing a key are candidates. A key of at most ``block_cap``
   articles pairs them all; a more common key sorts its articles by day and pairs each
   with its next ``big_block_window`` (sorted neighbourhood), so a key shared by
   thousands of articles costs a few pairs per article, not a square. Pairs further apart
   than the time window are dropped.
2. **Scoring** (:func:`score_pairs`): the exact similarity of each candidate pair, in chunks.
3. **Linkage per component** (:func:`link_dense`): a merge at the threshold needs at
   least one pair at the threshold (a mean is never above its largest term), so the
   connected components of the candidate pairs at or above the threshold hold every
   cluster. Each component is clustered on its own: exactly (every pair of the component
   scored, scipy's average linkage) up to ``dense_max`` articles, else over its candidate
   pairs only (pairs never scored count as 0) with a heap
   (:func:`sparse_average_linkage`).

Steps 2 and 3 are independent per chunk and per batch of components: :func:`cluster` takes a
``map_fn`` so an executor (a Dask client) can run them elsewhere with the same results.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


@dataclass(frozen=True)
class LinkageSettings:
    """Every number story grouping uses (see ``docs/stories.md`` for how each was set)."""

    #: Mean pair similarity (cosine x time kernel) two groups need to be one story.
    threshold: float = 0.22
    #: Articles closer in time than this many days are not told apart by time.
    grace_days: float = 1.0
    #: Past the grace, similarity falls by a factor e every this many days.
    decay_days: float = 8.0
    #: Articles further apart than this many days are never one story.
    window_days: float = 14.0
    #: Heaviest terms of an article used as blocking keys.
    keys_per_doc: int = 12
    #: A key shared by at most this many articles pairs them all.
    block_cap: int = 60
    #: A key shared by more articles pairs each with its next this many in time order
    #: (sorted neighbourhood: a chain that still connects one big story, at linear cost).
    big_block_window: int = 8
    #: Largest component clustered exactly (its pairs fit in a dense matrix).
    dense_max: int = 2000
    #: Candidate pairs scored per task.
    chunk_pairs: int = 20_000


def time_kernel(delta: np.ndarray, settings: LinkageSettings) -> np.ndarray:
    """Weight of pairs ``delta`` days apart (NaN: a day unknown, weight 1)."""
    delta = np.abs(np.asarray(delta, dtype=float))
    late = np.maximum(delta - settings.grace_days, 0.0) / settings.decay_days
    weight = np.exp(-late)
    weight[delta > settings.window_days] = 0.0
    weight[np.isnan(delta)] = 1.0
    return weight


def doc_keys(X: sp.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of each row's ``k`` heaviest columns (ties: lower column first)."""
    rows, cols = [], []
    indptr, indices, data = X.indptr, X.indices, X.data
    for r in range(X.shape[0]):
        a, b = indptr[r], indptr[r + 1]
        idx = indices[a:b]
        if b - a > k:
            idx = idx[np.lexsort((idx, -data[a:b]))[:k]]
        rows.append(np.full(len(idx), r, dtype=np.int64))
        cols.append(idx.astype(np.int64))
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(rows), np.concatenate(cols)


def candidate_pairs(
    X: sp.csr_matrix, days: np.ndarray, settings: LinkageSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs ``(i, j)``, ``i < j``, unique and sorted (see the module docstring)."""
    rows, cols = doc_keys(X, settings.keys_per_doc)
    day_key = np.where(np.isnan(days), np.inf, days)[rows]
    order = np.lexsort((rows, day_key, cols))
    rows, cols = rows[order], cols[order]
    starts = np.flatnonzero(np.r_[True, cols[1:] != cols[:-1]])
    sizes = np.diff(np.r_[starts, len(cols)])
    small = np.repeat(sizes <= settings.block_cap, sizes)  # per posting: its key is small
    found = []
    for d in range(1, settings.block_cap + 1):
        if d >= len(rows):
            break
        same = cols[:-d] == cols[d:]
        if d > settings.big_block_window:
            same &= small[:-d]
        if not same.any():
            break  # no key has more than d articles
        found.append(np.stack([rows[:-d][same], rows[d:][same]]))
    if not found:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    pairs = np.concatenate(found, axis=1)
    i, j = np.minimum(pairs[0], pairs[1]), np.maximum(pairs[0], pairs[1])
    keep = i != j
    delta = np.abs(days[i] - days[j])
    keep &= ~(delta > settings.window_days)  # NaN (a day unknown) is kept
    n = X.shape[0]
    codes = np.sort(i[keep] * n + j[keep])  # sorting, then dropping repeats, is
    codes = codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes  # unique
    return codes // n, codes % n


def score_pairs(
    X: sp.csr_matrix, days: np.ndarray, i: np.ndarray, j: np.ndarray, settings: LinkageSettings
) -> np.ndarray:
    """Similarity (cosine x time kernel) of each pair ``(i[k], j[k])``."""
    if not len(i):
        return np.zeros(0)
    cos = np.asarray(X[i].multiply(X[j]).sum(axis=1)).ravel()
    return cos * time_kernel(days[i] - days[j], settings)


def _chunks(i: np.ndarray, j: np.ndarray, size: int) -> Iterable[tuple[np.ndarray, np.ndarray]]:
    for start in range(0, len(i), size):
        yield i[start : start + size], j[start : start + size]


def components(
    n: int, i: np.ndarray, j: np.ndarray, sims: np.ndarray, threshold: float
) -> list[np.ndarray]:
    """Members (sorted) of each connected component of more than one article, over the
    pairs with similarity at or above ``threshold``; components ordered by first member."""
    from scipy.sparse.csgraph import connected_components

    strong = sims >= threshold
    graph = sp.coo_matrix((np.ones(int(strong.sum())), (i[strong], j[strong])), shape=(n, n))
    _count, labels = connected_components(graph, directed=False)
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    groups = [g for g in np.split(order, bounds) if len(g) > 1]
    groups.sort(key=lambda g: int(g[0]))
    return groups


def link_dense(sizes: list[int], sims: np.ndarray, threshold: float) -> list[np.ndarray]:
    """Exact average linkage of several components, each given by its size ``m`` and the
    similarities of all its pairs in ``sims`` (``m * (m - 1) / 2`` values per component,
    one after the other, in ``numpy.triu_indices`` order): labels (0, 1, … by first
    member) of each component, cut at ``threshold``."""
    from scipy.cluster.hierarchy import fcluster, linkage

    out, at = [], 0
    for m in sizes:
        count = m * (m - 1) // 2
        part = sims[at : at + count]
        at += count
        if m == 2:  # a component of two is one strong pair
            out.append(np.zeros(2, dtype=np.int64))
            continue
        distance = np.clip(1.0 - part, 0.0, 2.0)
        tree = linkage(distance, method="average")
        out.append(_renumber(fcluster(tree, t=1.0 - threshold, criterion="distance")))
    return out


def sparse_average_linkage(
    n: int, i: np.ndarray, j: np.ndarray, sims: np.ndarray, threshold: float
) -> np.ndarray:
    """Average linkage over a sparse graph (unlisted pairs count as similarity 0): merge the
    two groups with the highest mean pair similarity while it is at least ``threshold``.

    Returns labels (0, 1, … by first member). Ties go to the lower group ids, so the result
    does not depend on the order of the pairs.
    """
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for a, b, s in zip(i.tolist(), j.tolist(), sims.tolist(), strict=True):
        if a != b:
            links[a][b] = links[a].get(b, 0.0) + s
            links[b][a] = links[b].get(a, 0.0) + s
    size = [1] * n
    version = [0] * n
    heap = [(-s, a, b, 0, 0) for a in range(n) for b, s in links[a].items() if a < b]
    heap = [h for h in heap if -h[0] >= threshold]
    heapq.heapify(heap)
    parent = list(range(n))
    while heap:
        _neg, a, b, va, vb = heapq.heappop(heap)
        if va != version[a] or vb != version[b]:
            continue  # one of the groups has changed since this entry was pushed
        small, big = (a, b) if len(links[a]) < len(links[b]) else (b, a)
        del links[big][small]
        for k, s in links[small].items():
            if k == big:
                continue
            del links[k][small]
            links[big][k] = links[big].get(k, 0.0) + s
            links[k][big] = links[big][k]
        links[small] = {}
        keep, gone = min(a, b), max(a, b)
        if keep != big:  # the kept id takes the merged links
            links[keep], links[big] = links[big], {}
            for k in links[keep]:
                links[k][keep] = links[k].pop(big)
        parent[gone] = keep
        size[keep] += size[gone]
        version[keep] += 1
        version[gone] += 1
        for k, s in links[keep].items():
            mean = s / (size[keep] * size[k])
            if mean >= threshold:
                x, y = min(keep, k), max(keep, k)
                heapq.heappush(heap, (-mean, x, y, version[x], version[y]))
    return _renumber([_root(parent, x) for x in range(n)])


def _root(parent: list[int], x: int) -> int:
    while parent[x] != x:
        x = parent[x]
    return x


def _renumber(labels) -> np.ndarray:
    """Labels renumbered 0, 1, … in order of first appearance."""
    seen: dict = {}
    return np.array([seen.setdefault(v, len(seen)) for v in list(labels)], dtype=np.int64)


MapFn = Callable[[Callable, list], list]


def _local_map(fn: Callable, args: list) -> list:
    return [fn(*a) for a in args]


def _within_pairs(groups: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Every pair inside each group (``numpy.triu_indices`` order, group after group)."""
    if not groups:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    a, b = [], []
    for members in groups:
        upper = np.triu_indices(len(members), k=1)
        a.append(members[upper[0]])
        b.append(members[upper[1]])
    return np.concatenate(a), np.concatenate(b)


def _batches(groups: list[np.ndarray], pairs: int) -> list[list[np.ndarray]]:
    """Consecutive groups in batches of about ``pairs`` pairs (linkage tasks)."""
    out, current, size = [], [], 0
    for members in groups:
        current.append(members)
        size += len(members) * (len(members) - 1) // 2
        if size >= pairs:
            out.append(current)
            current, size = [], 0
    if current:
        out.append(current)
    return out


def cluster(
    X: sp.csr_matrix,
    days: np.ndarray,
    settings: LinkageSettings | None = None,
    *,
    map_fn: MapFn | None = None,
) -> np.ndarray:
    """Cluster label of each row of ``X`` (0, 1, … by first article).

    ``map_fn(fn, argument_tuples) -> results`` runs the scoring chunks and the components'
    linkage (default: here, one after the other); any executor that returns the results in
    order gives the same labels.
    """
    settings = settings or LinkageSettings()
    n = X.shape[0]
    run = map_fn or _local_map
    days = np.asarray(days, dtype=float)
    i, j = candidate_pairs(X, days, settings)
    sims = _scored(run, X, days, i, j, settings)
    groups = components(n, i, j, sims, settings.threshold)
    dense = [g for g in groups if len(g) <= settings.dense_max]
    large = [g for g in groups if len(g) > settings.dense_max]
    batches = _batches(dense, settings.chunk_pairs)
    inside = [_scored(run, X, days, *_within_pairs(b), settings) for b in batches]
    tasks = [
        ([len(g) for g in b], s, settings.threshold) for b, s in zip(batches, inside, strict=True)
    ]
    results = [labels for found in run(link_dense, tasks) for labels in found]
    edges = [_local_edges(g, i, j, sims) for g in large]
    results += run(
        sparse_average_linkage,
        [(len(g), *e, settings.threshold) for g, e in zip(large, edges, strict=True)],
    )
    labels = np.arange(n, dtype=np.int64)  # every article its own story, then the groups
    for members, local in zip(dense + large, results, strict=True):
        labels[members] = members[np.unique(local, return_index=True)[1][local]]
    return _renumber(labels)


def _scored(run: MapFn, X, days, i: np.ndarray, j: np.ndarray, settings) -> np.ndarray:
    """:func:`score_pairs` of every pair, in chunks run by ``run``."""
    chunks = list(_chunks(i, j, settings.chunk_pairs))
    scored = run(score_pairs, [(X, days, a, b, settings) for a, b in chunks])
    return np.concatenate(scored) if scored else np.zeros(0)


def _local_edges(members: np.ndarray, i: np.ndarray, j: np.ndarray, sims: np.ndarray):
    """The scored pairs inside ``members`` (sorted), renumbered 0..len-1."""
    inside = np.isin(i, members) & np.isin(j, members)
    return (
        np.searchsorted(members, i[inside]),
        np.searchsorted(members, j[inside]),
        sims[inside],
    )
