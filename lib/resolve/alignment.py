"""Which statements of different outlets may report the same fact, and how likely they do.

Three steps, each near-linear in the number of statements (never a statement x statement
matrix):

1. :func:`statement_keys`: what each statement can be found by (its content lemmas, the
   canonical entities it names, the figures it reports, the cross-outlet quote it carries);
2. :func:`candidate_pairs`: statements of different outlets sharing a key (blocking), the
   rarest keys first, up to :data:`PAIRS_PER_STATEMENT` pairs per statement in all; keys
   held by more than :func:`key_cap` statements are too common to block on;
3. :func:`pair_probability`: a logistic model over pair features (TF-IDF cosine of the
   lemmas, shared entities, figures and quotes, headline and lead positions, whether each
   is the other's best match, the neighbours' similarity). Its weights are fitted on the
   BASIL tune events by ``benchmarks/train_facts.py`` and stored in
   ``lib/data/facts_model.json``.
"""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from lib.datafiles import data_path, read_json

MODEL_PATH = data_path("facts_model.json")
#: Most candidate pairs blocking keeps, per statement on average (the budget is linear).
PAIRS_PER_STATEMENT = 60
#: Statements that open an article (after its headline) and count as its lead.
LEAD_STATEMENTS = 3
#: Pair features, in the model's order.
FEATURES = (
    "cosine",
    "entity_jaccard",
    "shared_entities",
    "shared_figure",
    "shared_quote",
    "both_headlines",
    "one_headline",
    "position_gap",
    "both_lead",
    "earliest",
    "shorter",
    "longer",
    "best_for_first",
    "best_for_second",
    "share_of_best",
    "neighbours",
)


@dataclass
class Statements:
    """What alignment knows of each statement (arrays in statement order)."""

    outlet: np.ndarray  # outlet code (int)
    doc: np.ndarray  # document code (int)
    relative: np.ndarray  # rank of the statement in its article / statements in it
    headline: np.ndarray  # bool
    lead: np.ndarray  # bool: the headline or one of the first LEAD_STATEMENTS after it
    lemmas: list[list[str]]
    entities: list[set[str]]
    figures: list[set[float]]
    quotes: list[set[str]]

    def __len__(self) -> int:
        return len(self.outlet)


def _spans_by_doc(statements: pd.DataFrame) -> dict[str, tuple[list[int], list[int], list[int]]]:
    """Per document: statement starts (sorted), ends and row numbers, for bisect look-ups."""
    out: dict[str, tuple[list[int], list[int], list[int]]] = {}
    order = statements.sort_values(["doc_id", "start_char"])
    for doc_id, grp in order.groupby("doc_id", sort=False):
        out[doc_id] = (
            grp["start_char"].astype(int).tolist(),
            grp["end_char"].astype(int).tolist(),
            grp.index.tolist(),
        )
    return out


def _locate(spans, doc_id: str, start: int, end: int | None = None) -> list[int]:
    """Rows of the statements of ``doc_id`` holding offset ``start`` (or overlapping
    ``[start, end)`` when ``end`` is given)."""
    found = spans.get(doc_id)
    if found is None:
        return []
    starts, ends, rows = found
    k = bisect.bisect_right(starts, start) - 1
    hits = [rows[k]] if k >= 0 and start < ends[k] else []
    if end is not None:
        k = max(k, 0)
        while k + 1 < len(starts) and starts[k + 1] < end:
            k += 1
            hits.append(rows[k])
    return hits


def statement_info(
    statements: pd.DataFrame, mentions: pd.DataFrame, figures: pd.DataFrame, quotes: pd.DataFrame
) -> Statements:
    """:class:`Statements` of a statements table (index 0..n-1) and its article's mentions,
    figures and quotes (quotes count only when another outlet carries the same quote)."""
    n = len(statements)
    spans = _spans_by_doc(statements)
    entities: list[set[str]] = [set() for _ in range(n)]
    for doc_id, start, entity in zip(
        mentions["doc_id"], mentions["start_char"], mentions["entity"], strict=True
    ):
        for row in _locate(spans, doc_id, int(start)):
            entities[row].add(str(entity))
    values: list[set[float]] = [set() for _ in range(n)]
    for doc_id, start, value in zip(
        figures["doc_id"], figures["start_char"], figures["value"], strict=True
    ):
        for row in _locate(spans, doc_id, int(start)):
            values[row].add(round(float(value), 6))
    shared: list[set[str]] = [set() for _ in range(n)]
    if len(quotes) and "group_size" in quotes:
        carried = quotes[quotes["group_size"].fillna(1) > 1]
        for doc_id, start, end, group in zip(
            carried["doc_id"],
            carried["start_char"],
            carried["end_char"],
            carried["group_id"],
            strict=True,
        ):
            for row in _locate(spans, doc_id, int(start), int(end)):
                shared[row].add(str(group))
    by_doc = statements.groupby("doc_id", sort=False)
    rank = by_doc["start_char"].rank(method="first")
    size = by_doc["start_char"].transform("size")
    headline = statements["headline"].fillna(False).astype(bool)
    titled = headline.groupby(statements["doc_id"], sort=False).transform("any")
    return Statements(
        outlet=pd.factorize(statements["outlet"])[0],
        doc=pd.factorize(statements["doc_id"])[0],
        relative=(rank / size).to_numpy(dtype=float),
        headline=headline.to_numpy(),
        lead=(rank <= LEAD_STATEMENTS + titled.astype(int)).to_numpy(),
        lemmas=[str(x or "").split() for x in statements["lemmas"]],
        entities=entities,
        figures=values,
        quotes=shared,
    )


def tfidf(lemmas: list[list[str]]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows of the statements' lemmas: sublinear term frequency
    (1 + ln tf) times the smoothed inverse document frequency ln((1 + n) / (1 + df)) + 1
    over these statements, as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` computes
    it (a test checks they agree). Written out with scipy because importing scikit-learn
    costs the app's server seconds on its first analysis."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for r, words in enumerate(lemmas):
        for w in words:
            rows.append(r)
            cols.append(vocab.setdefault(w, len(vocab)))
    n = len(lemmas)
    if not vocab:
        return sparse.csr_matrix((n, 1), dtype=np.float64)
    data = np.ones(len(rows), dtype=np.float64)
    counts = sparse.csr_matrix((data, (rows, cols)), shape=(n, len(vocab)))
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=len(vocab))
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    counts.data = (1.0 + np.log(counts.data)) * idf[counts.indices]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ counts)


def statement_keys(info: Statements) -> list[set[str]]:
    """Blocking keys of each statement: lemmas, entities (``e:``), figures (``n:``) and
    shared quotes (``q:``)."""
    keys = []
    for i in range(len(info)):
        k = set(info.lemmas[i])
        k |= {f"e:{e}" for e in info.entities[i]}
        k |= {f"n:{v}" for v in info.figures[i]}
        k |= {f"q:{q}" for q in info.quotes[i]}
        keys.append(k)
    return keys


def key_cap(n_docs: int) -> int:
    """Most statements a key may be held by and still block: about two per article of the
    story (a word every article repeats says little about which fact a sentence reports)."""
    return int(min(max(50, 2 * n_docs), 400))


def candidate_pairs(info: Statements) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``(i, j)``, ``i < j``, of statements of different outlets sharing a key.

    Keys are taken rarest first; a key held by more than :func:`key_cap` statements is
    skipped, and no more keys are taken once :data:`PAIRS_PER_STATEMENT` times the number
    of statements pairs were found, so the work is linear in the statements.
    """
    n = len(info)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(statement_keys(info)):
        for key in keys:
            postings[key].append(i)
    cap = key_cap(int(info.doc.max()) + 1 if n else 0)
    budget = PAIRS_PER_STATEMENT * max(n, 1)
    firsts: list[np.ndarray] = []
    seconds: list[np.ndarray] = []
    total = 0
    for rows in sorted(postings.values(), key=len):
        if len(rows) < 2:
            continue
        if len(rows) > cap or total >= budget:
            break
        idx = np.asarray(rows, dtype=np.int64)
        a, b = np.triu_indices(len(idx), k=1)
        a, b = idx[a], idx[b]
        keep = info.outlet[a] != info.outlet[b]
        firsts.append(a[keep])
        seconds.append(b[keep])
        total += int(keep.sum())
    if not firsts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pairs = np.unique(np.concatenate(firsts) * n + np.concatenate(seconds))
    return pairs // n, pairs % n


def _cosines(x: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    if not len(i):
        return np.zeros(0, dtype=np.float64)
    return np.asarray(x[i].multiply(x[j]).sum(axis=1)).ravel().astype(np.float64)


def _best_share(cos: np.ndarray, owner: np.ndarray, other_outlet: np.ndarray) -> tuple:
    """Per pair: is it the owner's best match in the other outlet, and its cosine over
    that best."""
    frame = pd.DataFrame({"owner": owner, "outlet": other_outlet, "cos": cos})
    best = frame.groupby(["owner", "outlet"])["cos"].transform("max").to_numpy()
    is_best = (cos >= best - 1e-9).astype(float)
    share = np.divide(cos, best, out=np.zeros_like(cos), where=best > 0)
    return is_best, share


def _neighbours(i, j, cos, info: Statements, n: int) -> np.ndarray:
    """The larger cosine of the statements just before both and just after both (same
    articles), when that pair is a candidate too: a fact told over two sentences."""
    key = pd.Series(cos, index=i * n + j)
    key = key[~key.index.duplicated()]
    out = np.zeros(len(i))
    for step in (-1, 1):
        a, b = i + step, j + step
        ok = (a >= 0) & (b >= 0) & (a < n) & (b < n)
        ok[ok] &= (info.doc[a[ok]] == info.doc[i[ok]]) & (info.doc[b[ok]] == info.doc[j[ok]])
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        found = key.reindex(np.where(ok, lo * n + hi, -1)).to_numpy()
        out = np.fmax(out, np.nan_to_num(found, nan=0.0))
    return out


def pair_features(info: Statements, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The :data:`FEATURES` of each candidate pair, one row per pair."""
    n = len(info)
    cos = _cosines(tfidf(info.lemmas), i, j)
    ent = np.array(
        [
            (len(info.entities[a] & info.entities[b]), len(info.entities[a] | info.entities[b]))
            for a, b in zip(i.tolist(), j.tolist(), strict=True)
        ],
        dtype=float,
    ).reshape(-1, 2)
    jaccard = np.divide(ent[:, 0], ent[:, 1], out=np.zeros(len(i)), where=ent[:, 1] > 0)
    figure = [bool(info.figures[a] & info.figures[b]) for a, b in zip(i, j, strict=True)]
    quote = [bool(info.quotes[a] & info.quotes[b]) for a, b in zip(i, j, strict=True)]
    head_i, head_j = info.headline[i], info.headline[j]
    length = np.array([len(x) for x in info.lemmas], dtype=float)
    best_i, share_i = _best_share(cos, i, info.outlet[j])
    best_j, share_j = _best_share(cos, j, info.outlet[i])
    columns = [
        cos,
        jaccard,
        np.log1p(ent[:, 0]),
        np.asarray(figure, dtype=float),
        np.asarray(quote, dtype=float),
        (head_i & head_j).astype(float),
        (head_i | head_j).astype(float),
        np.abs(info.relative[i] - info.relative[j]),
        (info.lead[i] & info.lead[j]).astype(float),
        np.minimum(info.relative[i], info.relative[j]),
        np.log1p(np.minimum(length[i], length[j])),
        np.log1p(np.maximum(length[i], length[j])),
        best_i,
        best_j,
        np.minimum(share_i, share_j),
        _neighbours(i, j, cos, info, n),
    ]
    return np.column_stack(columns) if len(i) else np.zeros((0, len(FEATURES)))


@functools.lru_cache(maxsize=1)
def model() -> dict:
    """The fitted logistic model: ``features``, ``coef``, ``intercept``, ``mean``, ``scale``
    and the clustering ``threshold``."""
    data = read_json(MODEL_PATH.name)
    if list(data["features"]) != list(FEATURES):
        raise ValueError(f"{MODEL_PATH.name} was fitted on other features; refit it")
    return data


def pair_probability(features: np.ndarray, fitted: dict | None = None) -> np.ndarray:
    """Probability that each pair reports the same fact (the logistic model)."""
    fitted = fitted or model()
    if not len(features):
        return np.zeros(0)
    z = (features - np.asarray(fitted["mean"])) / np.asarray(fitted["scale"])
    logit = z @ np.asarray(fitted["coef"]) + float(fitted["intercept"])
    return 1.0 / (1.0 + np.exp(-logit))
