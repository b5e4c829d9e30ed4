"""Entity co-occurrence: which entities are named together, and how strongly.

A *window* is the unit two entities must share: a sentence, a paragraph or a
whole document. For each pair of entities the table gives

- ``count``: number of windows containing both,
- ``jaccard``: count / windows containing either,
- ``npmi``: normalised pointwise mutual information in [-1, 1]
  (1 = always together, 0 = independent).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.cluster.hierarchy import leaves_list, linkage
from scipy.spatial.distance import pdist

from lib.columns import column, names
from lib.records import Pair
from lib.schema import COOCCURRENCE_COLUMNS
from lib.views.entities import link_demonyms

WINDOWS = ("sentence", "paragraph", "document")
#: The measures: the pairs table's columns after the two entities.
METRICS = tuple(names(Pair)[2:])
#: How the page names each measure in its controls ("times together"), and one line a
#: reader can follow for each: the pairs table's headers and help (lib.records.Pair).
METRIC_LABELS = {m: (c := column(Pair, m)).header[0].lower() + c.header[1:] for m in METRICS}
METRIC_HELP = {m: (c := column(Pair, m)).help[0].lower() + c.help[1:] for m in METRICS}


def metric_label(metric: str, window: str = "sentence") -> str:
    """The measure's name for a legend: counts say what was counted ("sentences together")."""
    if metric == "count":
        return f"{window}s together"
    return METRIC_LABELS[metric]


def window_keys(mentions: pd.DataFrame, sentences: pd.DataFrame, window: str) -> pd.Series:
    """A key per mention naming the window it falls in."""
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}, not {window!r}")
    if window == "document":
        return mentions["doc_id"].astype(str)
    if window == "sentence":
        return mentions["doc_id"].astype(str) + "#" + mentions["sentence_id"].astype(str)
    para = sentences.set_index(["doc_id", "sentence_id"])["paragraph_id"]
    idx = pd.MultiIndex.from_arrays([mentions["doc_id"], mentions["sentence_id"]])
    return (
        mentions["doc_id"].astype(str)
        + "#p"
        + pd.Series(para.reindex(idx).to_numpy(), index=mentions.index).astype(str)
    )


def _incidence(mentions: pd.DataFrame, keys: pd.Series) -> tuple[sparse.csr_matrix, list[str]]:
    """Binary window × entity matrix (windows naming an entity) and entity names."""
    units = pd.Categorical(keys)
    ents = pd.Categorical(mentions["entity"])
    data = np.ones(len(mentions), dtype=np.int32)
    mat = sparse.coo_matrix(
        (data, (units.codes, ents.codes)), shape=(len(units.categories), len(ents.categories))
    ).tocsr()
    mat.data[:] = 1
    return mat, list(ents.categories)


def cooccurrence(
    mentions: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    window: str = "sentence",
    min_count: int = 1,
    entities: list[str] | None = None,
) -> pd.DataFrame:
    """COOCCURRENCE_COLUMNS for every pair (a < b) sharing at least ``min_count`` windows.

    The number of windows N used for NPMI counts every sentence/paragraph/
    document of the corpus, including those naming no entity.
    """
    if mentions.empty:
        return pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    if entities is not None:
        mentions = mentions[mentions["entity"].isin(set(entities))]
        if mentions.empty:
            return pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    keys = window_keys(mentions, sentences, window)
    mat, names = _incidence(mentions, keys)
    n_windows = _total_windows(sentences, window) or mat.shape[0]
    co = (mat.T @ mat).tocoo()
    df = pd.DataFrame({"i": co.row, "j": co.col, "count": co.data})
    df = df[(df["i"] < df["j"]) & (df["count"] >= max(min_count, 1))]
    totals = np.asarray(mat.sum(axis=0)).ravel()
    n_a = totals[df["i"].to_numpy()]
    n_b = totals[df["j"].to_numpy()]
    count = df["count"].to_numpy().astype(float)
    jacc = count / (n_a + n_b - count)
    p_ab = count / n_windows
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(p_ab / ((n_a / n_windows) * (n_b / n_windows)))
        npmi = np.where(p_ab >= 1.0, 1.0, pmi / -np.log(p_ab))
    names_arr = np.array(names, dtype=object)
    out = pd.DataFrame(
        {
            "entity_a": names_arr[df["i"].to_numpy()],
            "entity_b": names_arr[df["j"].to_numpy()],
            "count": df["count"].to_numpy().astype(int),
            "jaccard": np.round(jacc, 4),
            "npmi": np.round(npmi, 4),
        }
    )
    return out.sort_values(["count", "entity_a", "entity_b"], ascending=[False, True, True])[
        COOCCURRENCE_COLUMNS
    ].reset_index(drop=True)


def _total_windows(sentences: pd.DataFrame, window: str) -> int:
    if sentences.empty:
        return 0
    if window == "document":
        return sentences["doc_id"].nunique()
    if window == "paragraph":
        return len(sentences[["doc_id", "paragraph_id"]].drop_duplicates())
    return len(sentences)


def top_entities(mentions: pd.DataFrame, n: int, labels: list[str] | None = None) -> list[str]:
    """The ``n`` entities named in the most documents (ties: most mentions, then name)."""
    if mentions.empty:
        return []
    m = mentions if not labels else mentions[mentions["label"].isin(labels)]
    stats = m.groupby("entity").agg(docs=("doc_id", "nunique"), mentions=("doc_id", "size"))
    stats = stats.reset_index().sort_values(
        ["docs", "mentions", "entity"], ascending=[False, False, True]
    )
    return stats["entity"].head(n).tolist()


def cooccurrence_matrix(
    pairs: pd.DataFrame, entities: list[str], metric: str = "count", *, cluster: bool = True
) -> pd.DataFrame:
    """Square, symmetric entity × entity matrix of ``metric`` (diagonal left empty).

    With ``cluster`` the rows/columns are ordered by average-linkage
    hierarchical clustering so entities that co-occur form blocks.
    """
    if metric not in METRICS:
        raise ValueError(f"metric must be one of {', '.join(METRICS)}, not {metric!r}")
    mat = pd.DataFrame(np.nan, index=entities, columns=entities, dtype=float)
    if not pairs.empty and entities:
        keep = pairs[pairs["entity_a"].isin(entities) & pairs["entity_b"].isin(entities)]
        for a, b, v in keep[["entity_a", "entity_b", metric]].itertuples(index=False):
            mat.at[a, b] = v
            mat.at[b, a] = v
    if cluster and len(entities) > 2:
        order = cluster_order(mat)
        mat = mat.iloc[order, order]
    return mat


def cluster_order(mat: pd.DataFrame) -> list[int]:
    """Leaf order of average-linkage clustering on the rows' co-occurrence profiles."""
    values = mat.fillna(0.0).to_numpy()
    if values.max() > 0:
        values = values / values.max()
    if not np.any(values):
        return list(range(len(mat)))
    link = linkage(pdist(values, metric="euclidean"), method="average")
    return [int(i) for i in leaves_list(link)]


def evidence(
    mentions: pd.DataFrame,
    sentences: pd.DataFrame,
    entity_a: str,
    entity_b: str,
    *,
    window: str = "sentence",
    limit: int = 200,
) -> pd.DataFrame:
    """Sentences supporting a pair: ``doc_id, outlet, sentence_id, text`` plus spans.

    For the sentence window these are the sentences naming both; for wider
    windows, the sentences naming either inside windows that contain both.
    Columns: doc_id, outlet, sentence_id, text, spans (list of (start, end, entity)
    relative to the sentence).
    """
    cols = ["doc_id", "outlet", "sentence_id", "text", "spans"]
    m = mentions[mentions["entity"].isin([entity_a, entity_b])]
    if m.empty:
        return pd.DataFrame(columns=cols)
    keys = window_keys(m, sentences, window)
    both = m.assign(_k=keys.to_numpy()).groupby("_k")["entity"].nunique()
    good = set(both[both == 2].index)
    m = m[keys.isin(good).to_numpy()]
    sent = sentences.set_index(["doc_id", "sentence_id"])
    rows = []
    for (doc_id, sid), grp in m.groupby(["doc_id", "sentence_id"], sort=True):
        srow = sent.loc[(doc_id, sid)]
        base = int(srow["start_char"])
        spans = [
            (int(s) - base, int(e) - base, ent)
            for s, e, ent in grp[["start_char", "end_char", "entity"]].itertuples(index=False)
        ]
        rows.append(
            {
                "doc_id": doc_id,
                "outlet": srow["outlet"],
                "sentence_id": int(sid),
                "text": srow["text"],
                "spans": spans,
            }
        )
        if len(rows) >= limit:
            break
    return pd.DataFrame(rows, columns=cols)


def linked_mentions(analysis, link: bool) -> pd.DataFrame:
    """Mentions, with nationalities mapped to their country when ``link``."""
    return link_demonyms(analysis.mentions) if link else analysis.mentions


def top_pairs(analysis, link: bool, window: str, min_count: int, top_n: int, labels: tuple):
    """The top-N entities of the chosen types and their co-occurring pairs."""
    mentions = linked_mentions(analysis, link)
    top = top_entities(mentions, top_n, list(labels))
    pairs = cooccurrence(
        mentions, analysis.sentences, window=window, min_count=min_count, entities=top
    )
    return top, pairs


def outlet_difference(
    mentions: pd.DataFrame,
    sentences: pd.DataFrame,
    entities: list[str],
    window: str,
    outlet_a: str,
    outlet_b: str,
) -> pd.DataFrame:
    """Shared-window counts of ``outlet_a`` minus those of ``outlet_b`` for ``entities``
    (rows and columns in the order given)."""
    per_outlet = {
        o: cooccurrence_matrix(
            cooccurrence(
                mentions[mentions["outlet"] == o], sentences, window=window, entities=entities
            ),
            entities,
            "count",
            cluster=False,
        ).fillna(0)
        for o in (outlet_a, outlet_b)
    }
    diff = per_outlet[outlet_a] - per_outlet[outlet_b]
    return diff.loc[entities, entities]
