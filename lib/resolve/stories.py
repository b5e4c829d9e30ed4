"""A pile of articles -> stories: one story per event (same actors, places and time).

Grouping runs on the per-document results (content-word lemmas, name mentions) and the
documents' dates, never on the text, so a pile is regrouped after a metadata edit without
parsing again. ``docs/stories.md`` explains the method; in short:

1. :func:`story_features`: each article's content lemmas (lead words counted twice) and its
   name mentions, less the words of its own outlet's name;
2. :func:`story_matrix`: TF-IDF of those features over the pile (scikit-learn, sublinear
   term frequency, an IDF prior of :data:`BACKGROUND_ARTICLES` unrelated articles,
   L2-normalised rows);
3. :func:`lib.resolve.linkage.cluster`: average linkage on cosine x time kernel, computed
   by blocking on each article's heaviest terms, never as an n x n matrix.

Stories are numbered by size (largest first), then first date, then first article:
``S1``, ``S2``, … :func:`story_table` describes each one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import scipy.sparse as sp

from lib.records import Parts
from lib.resolve.linkage import LinkageSettings, MapFn, cluster
from lib.schema import STORY_COLUMNS

#: Name types that say who and where (a story's actors and places).
STORY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"})


#: Extra weight of a content word in the lead (headline and first sentences).
LEAD_WEIGHT = 1.0


#: Weight of one name mention (beside the lemma of each of its words).
ENTITY_WEIGHT = 1.0


#: Unrelated articles assumed beside every pile when weighting words by rarity (IDF prior;
#: chosen on the tune events: each event alone stays one story, mixes of 2 and 5 events
#: split right; see docs/stories.md).
BACKGROUND_ARTICLES = 50


#: Entities named in a story's label; more are listed in ``top_entities``.
LABEL_ENTITIES = 3
TOP_ENTITIES = 6


@dataclass(frozen=True)
class StoryFeatures:
    """What grouping knows of one article: its day (None: unknown) and weighted features
    (``w:`` content lemmas, ``e:`` lower-cased names)."""

    day: int | None
    weights: dict[str, float]


def parse_day(published: str) -> int | None:
    """Day number (proleptic ordinal) of a ``published`` value, or None when it is empty or
    not a date ("2024-10-28", "2024-10-28 17:25", "28 October 2024")."""
    text = (published or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        pass
    try:
        from dateutil import parser

        return parser.parse(text).date().toordinal()
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None


def _outlet_words(outlet: str) -> set[str]:
    return {w for w in outlet.lower().replace("’", "'").split() if w not in {"the", "a", "of"}}


def story_features(published: str, outlet: str, part: Parts) -> StoryFeatures:
    """Features of one article from its ``published`` date, its own outlet name (whose
    words never count: outlets name themselves in every story) and its per-document
    results ``part`` (its ``terms`` and ``mentions``)."""
    own = _outlet_words(outlet)
    weights: Counter[str] = Counter()
    for rec in part.terms:
        if rec.term not in own:
            weights[f"w:{rec.term}"] += rec.count + LEAD_WEIGHT * rec.lead
    for rec in part.mentions:
        if rec.label not in STORY_LABELS:
            continue
        name = " ".join(str(rec.text or "").lower().replace("’", "'").split())
        if name and not set(name.split()) <= own:
            weights[f"e:{name}"] += ENTITY_WEIGHT
    return StoryFeatures(parse_day(published), dict(weights))


class StoryMatrix:
    """Story features of many articles, kept compact (column ids and weights per article),
    added in any order (a cluster returns articles as they finish); :meth:`build` gives the
    TF-IDF matrix.

    Columns are the features in sorted order, so the matrix (and every similarity) is the
    same wherever and in whatever order the articles were parsed.
    """

    def __init__(self) -> None:
        self._vocab: dict[str, int] = {}
        self._rows: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._days: dict[int, float] = {}

    def add(self, index: int, features: StoryFeatures) -> None:
        """Set article ``index``'s features."""
        vocab = self._vocab
        cols = np.fromiter(
            (vocab.setdefault(name, len(vocab)) for name in features.weights),
            dtype=np.int64,
            count=len(features.weights),
        )
        vals = np.fromiter(features.weights.values(), dtype=np.float64, count=len(cols))
        self._rows[index] = (cols, vals)
        self._days[index] = np.nan if features.day is None else float(features.day)

    def build(self, indices: Sequence[int]) -> tuple[sp.csr_matrix, np.ndarray]:
        """(TF-IDF rows of the articles ``indices``, in that order; day per row, NaN when
        unknown): sublinear term frequency, IDF over these articles and
        :data:`BACKGROUND_ARTICLES` empty ones, L2 rows."""
        from sklearn.feature_extraction.text import TfidfTransformer

        names = sorted(self._vocab)
        remap = np.empty(len(names), dtype=np.int64)
        remap[[self._vocab[name] for name in names]] = np.arange(len(names))
        rows = [self._rows[i] for i in indices]
        lengths = np.array([len(c) for c, _v in rows], dtype=np.int64)
        cols = remap[np.concatenate([c for c, _v in rows])] if rows else np.zeros(0, np.int64)
        vals = np.concatenate([v for _c, v in rows]) if rows else np.zeros(0)
        row_ids = np.repeat(np.arange(len(rows)), lengths)
        counts = sp.csr_matrix((vals, (row_ids, cols)), shape=(len(rows), len(names)))
        counts.sum_duplicates()
        counts.sort_indices()
        if counts.nnz:
            # BACKGROUND_ARTICLES empty rows: document frequencies as if that many unrelated
            # articles stood beside the pile, so a small pile's words shared by all its
            # articles are not weighted down to nothing (three reports of one event would
            # else split); in a large pile the prior is negligible.
            background = sp.csr_matrix((BACKGROUND_ARTICLES, counts.shape[1]))
            padded = sp.vstack([counts, background]).tocsr()
            tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(padded).tocsr()
            counts = tfidf[: len(rows)]
        days = np.array([self._days[i] for i in indices], dtype=float)
        return counts, days


def story_matrix(features: Sequence[StoryFeatures]) -> tuple[sp.csr_matrix, np.ndarray]:
    """(TF-IDF rows, day per row with NaN for unknown) of ``features`` (see
    :class:`StoryMatrix`)."""
    matrix = StoryMatrix()
    for k, feat in enumerate(features):
        matrix.add(k, feat)
    return matrix.build(range(len(features)))


def group_stories(
    features: Sequence[StoryFeatures],
    settings: LinkageSettings | None = None,
    *,
    map_fn: MapFn | None = None,
) -> list[str]:
    """The story id (``S1``, ``S2``, …) of each article (see the module docstring)."""
    if not features:
        return []
    X, days = story_matrix(features)
    return stories_of_matrix(X, days, settings, map_fn=map_fn)


def stories_of_matrix(
    X: sp.csr_matrix,
    days: np.ndarray,
    settings: LinkageSettings | None = None,
    *,
    map_fn: MapFn | None = None,
) -> list[str]:
    """Story ids of the rows of a :class:`StoryMatrix` (see :func:`group_stories`)."""
    if X.shape[0] == 0:
        return []
    labels = cluster(X, days, settings, map_fn=map_fn)
    return story_ids(labels, days)


def story_ids(labels: np.ndarray, days: np.ndarray) -> list[str]:
    """``S1``, ``S2``, … for cluster ``labels``: largest story first, then earliest, then
    the one whose first article comes first."""
    frame = pd.DataFrame({"label": labels, "day": days, "pos": np.arange(len(labels))})
    stats = frame.groupby("label").agg(size=("pos", "size"), day=("day", "min"), pos=("pos", "min"))
    stats["day"] = stats["day"].fillna(np.inf)
    order = stats.sort_values(["size", "day", "pos"], ascending=[False, True, True]).index
    names = {label: f"S{k + 1}" for k, label in enumerate(order)}
    return [names[v] for v in labels]


def _span(first: str, last: str) -> str:
    """A short date span: "2 Jul 2010", "2–4 Jul 2010", "30 Jun – 2 Jul 2010"."""
    if not first:
        return ""
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    if a == b:
        return f"{a.day} {a:%b %Y}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%b %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%b} – {b.day} {b:%b %Y}"
    return f"{a.day} {a:%b %Y} – {b.day} {b:%b %Y}"


#: Entity types a label leaves out: nationalities and groups describe, they do not name
#: the event ("North Korean" beside "North Korea").
UNLABELLED = frozenset({"NORP"})


def _top_entities(mentions: pd.DataFrame, own: set[str]) -> tuple[list[str], list[str]]:
    """(top entities, label entities) of one story: entities named by the most articles,
    then most often, then by name (the story's own outlets left out); the label's skip
    :data:`UNLABELLED` types."""
    if mentions.empty:
        return [], []
    found = mentions[~mentions["entity"].isin(own)]
    counts = found.groupby("entity").agg(
        docs=("doc_id", "nunique"), mentions=("doc_id", "size"), label=("label", "first")
    )
    counts = counts.reset_index().sort_values(
        ["docs", "mentions", "entity"], ascending=[False, False, True]
    )
    named = counts[~counts["label"].isin(UNLABELLED)]
    return (
        counts["entity"].head(TOP_ENTITIES).tolist(),
        named["entity"].head(LABEL_ENTITIES).tolist(),
    )


def story_table(documents: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """STORY_COLUMNS, one row per story in story order: ``story_id``, ``label`` (top entities
    and date span), ``articles``, ``outlets`` (how many), ``first_date``/``last_date``
    (ISO days, "" when no article has a date) and ``top_entities`` ("; "-joined).

    ``documents`` needs ``doc_id, outlet, title, published, story_id``; ``mentions`` the
    resolved ``doc_id, entity, label``.
    """
    if documents.empty:
        return pd.DataFrame(columns=STORY_COLUMNS)
    story_of = dict(zip(documents["doc_id"], documents["story_id"], strict=True))
    # a dict, not get_group: pandas reads a one-row key Series as a tuple key (KeyError)
    by_story = dict(tuple(mentions.groupby(mentions["doc_id"].map(story_of), sort=False)))
    rows = []
    ids = list(dict.fromkeys(documents["story_id"]))
    ids.sort(key=lambda s: int(s[1:]))
    for sid in ids:
        docs = documents[documents["story_id"] == sid]
        days = sorted(
            date.fromordinal(d).isoformat()
            for d in (parse_day(p) for p in docs["published"].fillna(""))
            if d is not None
        )
        first, last = (days[0], days[-1]) if days else ("", "")
        own = set(docs["outlet"])
        found = by_story.get(sid, mentions.iloc[:0])
        top, named = _top_entities(found, own)
        name = ", ".join(named or top[:LABEL_ENTITIES]) or str(docs["title"].iloc[0] or "") or sid
        span = _span(first, last)
        rows.append(
            {
                "story_id": sid,
                "label": f"{name} · {span}" if span else name,
                "articles": len(docs),
                "outlets": docs["outlet"].nunique(),
                "first_date": first,
                "last_date": last,
                "top_entities": "; ".join(top),
            }
        )
    return pd.DataFrame(rows, columns=STORY_COLUMNS)
