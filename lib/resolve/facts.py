"""Facts: statements of different outlets that report the same thing, story by story.

:func:`align_facts` takes the statements table (``lib.resolve.statements``) with the
mentions, figures and quotes already found in each article (nothing is parsed again),
scores candidate pairs (:mod:`lib.resolve.alignment`) and groups them by average linkage
(:func:`average_linkage`): two groups become one fact while the mean probability over all
their cross-outlet statement pairs (pairs never scored count as 0) stays above the
model's threshold. Unlike joining every likely pair, one loose pair cannot chain two facts
together. A statement no other outlet matches is a fact of its own outlet.

A statement can report several facts (a lead sentence often gives the event, its reason and
its date, which other outlets report in separate sentences), so after the linkage a
statement also joins every other fact whose statements of other outlets it matches with a
mean probability above the model's ``also_threshold`` (:func:`also_in`); a statement alone
in its own fact that joins another leaves its own.

Articles are aligned only with articles of the same story (``story_id`` on the documents,
when stories are known; otherwise the corpus is one story).
"""

from __future__ import annotations

import heapq

import numpy as np
import pandas as pd

from lib.columns import empty_frame, names
from lib.records import Fact
from lib.resolve.alignment import (
    candidate_pairs,
    model,
    pair_features,
    pair_probability,
    statement_info,
)
from lib.resolve.budget import check

#: Merges between two looks at the corpus time budget.
CHECK_EVERY = 2000
#: Pairs less likely than this share of the threshold are left out of the linkage (they
#: would count almost as unscored pairs, 0, and only cost time on large stories).
PRUNE = 0.5


def _cross_pairs(a: dict[int, int], b: dict[int, int], size_a: int, size_b: int) -> int:
    """Statement pairs of different outlets between two groups (outlet -> count each, and
    each group's size)."""
    if len(a) > len(b):
        a, b = b, a
    return size_a * size_b - sum(count * b.get(outlet, 0) for outlet, count in a.items())


def average_linkage(
    n: int, i: np.ndarray, j: np.ndarray, p: np.ndarray, outlet: np.ndarray, threshold: float
) -> np.ndarray:
    """Group label (0..k-1, in order of first statement) of each of ``n`` statements.

    ``(i[k], j[k])`` is a scored pair with probability ``p[k]``. Groups merge, most
    similar first, while the mean over all their cross-outlet pairs exceeds ``threshold``;
    unscored pairs count as 0. Sparse: only groups joined by a scored pair are compared, so
    the work grows with the pairs, not with ``n`` squared.
    """
    state = _Linkage(n, outlet, threshold)
    for a, b, w in zip(i.tolist(), j.tolist(), p.tolist(), strict=True):
        if a != b and w > 0:
            state.links[a][b] = state.links[a].get(b, 0.0) + w
            state.links[b][a] = state.links[b].get(a, 0.0) + w
    for a in range(n):
        for b in state.links[a]:
            if a < b:
                state.push(a, b)
    merges = 0
    while state.heap:
        _neg, a, b, va, vb = heapq.heappop(state.heap)
        if state.stale(a, b, va, vb):
            continue
        state.merge(a, b)
        merges += 1
        if merges % CHECK_EVERY == 0:
            check()  # the corpus time budget
    roots = [_root(state.parent, x) for x in range(n)]
    return pd.factorize(np.asarray(roots, dtype=np.int64))[0]


class _Linkage:
    """The groups of :func:`average_linkage` while they merge: summed pair probabilities
    between groups (``links``), outlets and size of each group, and the heap of candidate
    merges (entries go stale when either group changes)."""

    def __init__(self, n: int, outlet: np.ndarray, threshold: float) -> None:
        self.links: list[dict[int, float]] = [{} for _ in range(n)]
        self.outlets = [{int(o): 1} for o in outlet]
        self.size = [1] * n
        self.alive = [True] * n
        self.version = [0] * n
        self.parent = list(range(n))
        self.heap: list[tuple[float, int, int, int, int]] = []
        self.threshold = threshold

    def push(self, a: int, b: int) -> None:
        pairs = _cross_pairs(self.outlets[a], self.outlets[b], self.size[a], self.size[b])
        if pairs:
            mean = self.links[a][b] / pairs
            if mean > self.threshold:
                heapq.heappush(self.heap, (-mean, a, b, self.version[a], self.version[b]))

    def stale(self, a: int, b: int, va: int, vb: int) -> bool:
        return not (self.alive[a] and self.alive[b]) or (self.version[a], self.version[b]) != (
            va,
            vb,
        )

    def merge(self, a: int, b: int) -> None:
        """Group ``b`` into ``a`` (the one with more links keeps its number)."""
        links = self.links
        if len(links[a]) < len(links[b]):
            a, b = b, a
        self.alive[b] = False
        self.parent[b] = a
        self.version[a] += 1
        for other, w in list(links[b].items()):
            if other == a:
                continue
            links[a][other] = links[a].get(other, 0.0) + w
            links[other][a] = links[a][other]
            links[other].pop(b, None)
        links[a].pop(b, None)
        links[b] = {}
        for outlet_code, count in self.outlets[b].items():
            self.outlets[a][outlet_code] = self.outlets[a].get(outlet_code, 0) + count
        self.size[a] += self.size[b]
        for other in links[a]:
            self.push(min(a, other), max(a, other))


def _root(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def story_facts(
    statements: pd.DataFrame,
    mentions: pd.DataFrame,
    figures: pd.DataFrame,
    quotes: pd.DataFrame,
    fitted: dict | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, labels)``: the facts of one story (statements indexed 0..n-1) as pairs of a
    statement row and a group label; every statement has one pair or more
    (:func:`memberships`).

    Statements with the same content lemmas (wire copy repeated word for word, one quote
    sentence carried by several outlets; at least :data:`SAME_WORDS` lemmas) are one fact
    from the start: only the first of them is aligned, and the others take its fact.
    """
    fitted = fitted or model()
    first = _first_same(statements)
    unique = np.flatnonzero(first == np.arange(len(statements)))
    part = statements.iloc[unique].reset_index(drop=True)
    info = statement_info(part, mentions, figures, quotes)
    i, j = candidate_pairs(info)
    p = pair_probability(pair_features(info, i, j), fitted)
    rows, labels = memberships(len(info), i, j, p, info.outlet, fitted)
    # every statement takes the memberships of the first statement with its lemmas
    order = np.argsort(rows, kind="stable")
    rows, labels = rows[order], labels[order]
    starts = np.searchsorted(rows, np.arange(len(info)))
    counts = np.bincount(rows, minlength=len(info))
    position = np.empty(len(statements), dtype=np.int64)
    position[unique] = np.arange(len(unique))
    source = position[first]
    out_rows = np.repeat(np.arange(len(statements)), counts[source])
    picks = np.concatenate([np.arange(starts[k], starts[k] + counts[k]) for k in source])
    return out_rows, labels[picks]


def memberships(
    n: int, i: np.ndarray, j: np.ndarray, p: np.ndarray, outlet: np.ndarray, fitted: dict
) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, labels)`` of ``n`` statements from their scored pairs: the group of each
    (:func:`group_pairs` at the model's ``threshold``) and the other groups it also reports
    (:func:`also_in` at ``also_threshold``; none when the model has none)."""
    labels = group_pairs(n, i, j, p, outlet, float(fitted["threshold"]))
    also = fitted.get("also_threshold")
    if also is None:
        return np.arange(n), labels
    size = np.bincount(labels, minlength=int(labels.max()) + 1 if n else 0)
    extra_rows, extra_labels = also_in(labels, i, j, p, outlet, float(also))
    # a statement alone joins other facts; no statement joins a lone one (that one joins it)
    several = size[extra_labels] > 1
    extra_rows, extra_labels = extra_rows[several], extra_labels[several]
    joined = np.zeros(n, dtype=bool)
    joined[extra_rows] = True
    keep = ~(joined & (size[labels] == 1))
    rows = np.concatenate([np.flatnonzero(keep), extra_rows])
    return rows, np.concatenate([labels[keep], extra_labels])


def also_in(
    labels: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
    p: np.ndarray,
    outlet: np.ndarray,
    threshold: float,
) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, labels)``: each statement with every other group whose statements of other
    outlets it matches with a mean probability above ``threshold`` (unscored pairs count as
    0). Linear in the pairs: probabilities are summed per statement and group, and divided
    by the group's statements of other outlets."""
    if not len(i):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    rows = np.concatenate([i, j])
    groups = np.concatenate([labels[j], labels[i]])
    other = groups != labels[rows]
    frame = pd.DataFrame(
        {"row": rows[other], "group": groups[other], "p": np.concatenate([p, p])[other]}
    )
    sums = frame.groupby(["row", "group"], sort=True)["p"].sum()
    if sums.empty:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    per_outlet = pd.crosstab(labels, outlet)  # statements of each group per outlet
    r = sums.index.get_level_values("row").to_numpy()
    g = sums.index.get_level_values("group").to_numpy()
    size = per_outlet.sum(axis=1).to_numpy()
    same = per_outlet.to_numpy()[g, per_outlet.columns.get_indexer(outlet[r])]
    others = size[g] - same
    mean = np.divide(sums.to_numpy(), others, out=np.zeros(len(r)), where=others > 0)
    keep = mean > threshold
    return r[keep].astype(np.int64), g[keep].astype(np.int64)


#: Fewest content lemmas two statements must share word for word to be one fact unseen.
SAME_WORDS = 4


def _first_same(statements: pd.DataFrame) -> np.ndarray:
    """For each statement, the row of the first statement with the same content lemmas
    (itself when it has fewer than :data:`SAME_WORDS` or none came before)."""
    lemmas = statements["lemmas"].fillna("").astype(str)
    long_enough = lemmas.str.count(" ") >= SAME_WORDS - 1
    rows = np.arange(len(statements))
    key = lemmas.where(long_enough, rows.astype(str) + "\x00")
    first = pd.Series(rows).groupby(key.to_numpy(), sort=False).transform("first")
    return first.to_numpy(dtype=np.int64)


def group_pairs(
    n: int, i: np.ndarray, j: np.ndarray, p: np.ndarray, outlet: np.ndarray, threshold: float
) -> np.ndarray:
    """:func:`average_linkage` of the pairs at least :data:`PRUNE` × ``threshold`` likely
    (less likely pairs barely move a mean, and only cost time on large stories)."""
    keep = p >= PRUNE * threshold
    return average_linkage(n, i[keep], j[keep], p[keep], outlet, threshold)


def _stories(documents: pd.DataFrame | None) -> dict[str, object]:
    """Story of each document (one story when the documents carry no ``story_id``)."""
    if documents is None or "story_id" not in documents.columns:
        return {}
    return dict(zip(documents["doc_id"], documents["story_id"].fillna(""), strict=True))


def align_facts(
    statements: pd.DataFrame,
    mentions: pd.DataFrame,
    figures: pd.DataFrame,
    quotes: pd.DataFrame,
    documents: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The ``facts`` table (:class:`~lib.records.Fact`): every statement with each fact it
    reports (one row per statement and fact; ``fact_id`` "F1", "F2" … in reading order of
    each fact's first statement; ``outlets``: how many outlets report it). With
    ``documents`` carrying ``story_id``, each story is aligned alone; without, the
    statements are one story.

    Runs under the corpus time budget (:func:`lib.resolve.budget.check`): a story too large
    to finish raises :class:`~lib.resolve.budget.OverBudget`."""
    if statements.empty:
        return empty_frame(Fact)
    story_of = _stories(documents)
    found_rows: list[np.ndarray] = []
    found_labels: list[np.ndarray] = []
    offset = 0
    story = (
        statements["doc_id"].map(story_of).fillna("")
        if story_of
        else pd.Series("", index=statements.index)
    )
    for _story, rows in statements.groupby(story, sort=False).groups.items():
        part = statements.loc[rows].reset_index(drop=True)
        ids = set(part["doc_id"])
        local_rows, local = story_facts(
            part,
            mentions[mentions["doc_id"].isin(ids)],
            figures[figures["doc_id"].isin(ids)],
            quotes[quotes["doc_id"].isin(ids)] if len(quotes) else quotes,
        )
        at = statements.index.get_indexer(rows)
        found_rows.append(at[local_rows])
        found_labels.append(local + offset)
        offset += int(local.max()) + 1 if len(local) else 0
    table = statements.iloc[np.concatenate(found_rows)].assign(_group=np.concatenate(found_labels))
    return fact_table(table)


def single_facts(statements: pd.DataFrame) -> pd.DataFrame:
    """Every statement a fact of its own (when alignment could not run)."""
    if statements.empty:
        return empty_frame(Fact)
    return fact_table(statements.assign(_group=np.arange(len(statements))))


def fact_table(table: pd.DataFrame) -> pd.DataFrame:
    """The facts table from statements with a ``_group`` label: facts numbered in the order of
    their first statement (documents in table order), ``outlets`` counted per fact."""
    order = table["doc_id"].map({d: k for k, d in enumerate(dict.fromkeys(table["doc_id"]))})
    table = table.assign(_order=order).sort_values(["_order", "sentence_id", "clause"])
    number = {g: k + 1 for k, g in enumerate(dict.fromkeys(table["_group"]))}
    table["_n"] = table["_group"].map(number)
    table["fact_id"] = "F" + table["_n"].astype(str)
    table["outlets"] = table.groupby("_group")["outlet"].transform("nunique").astype(int)
    table = table.sort_values(["_n", "_order", "sentence_id", "clause"], kind="stable")
    return table[names(Fact)].reset_index(drop=True)
