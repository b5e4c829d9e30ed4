"""Stories: grouping a pile into events, near-linear and exact, and every corpus-level pass
kept inside one story."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from lib.resolve.linkage import (
    LinkageSettings,
    candidate_pairs,
    cluster,
    sparse_average_linkage,
    time_kernel,
)
from lib.resolve.stories import (
    StoryFeatures,
    group_stories,
    parse_day,
    story_features,
    story_matrix,
)
from tests.helpers import ROOT

PILE = ROOT / "tests" / "fixtures" / "stories"


def brute_force(X, days, settings):
    """Average linkage over the full n x n similarity matrix (the definition)."""
    from scipy.cluster.hierarchy import fcluster, linkage

    sims = (X @ X.T).toarray() * time_kernel(days[:, None] - days[None, :], settings)
    upper = np.triu_indices(X.shape[0], k=1)
    tree = linkage(np.clip(1 - sims[upper], 0, 2), method="average")
    return fcluster(tree, t=1 - settings.threshold, criterion="distance")


def same_partition(a, b) -> bool:
    pairs = {(x, y) for x, y in zip(a, b, strict=True)}
    return len(pairs) == len(set(a)) == len(set(b))


def random_pile(n: int, seed: int):
    """Features of ``n`` articles about n // 4 invented events (shared topic words, event
    words, a day each)."""
    rng = np.random.default_rng(seed)
    feats, gold = [], []
    topics = [f"topic{k}" for k in range(5)]
    for i in range(n):
        event = i % max(1, n // 4)
        weights = {f"w:{t}": float(rng.integers(1, 4)) for t in rng.choice(topics, 3)}
        for k in range(6):
            if rng.random() < 0.7:
                weights[f"e:event{event}_name{k}"] = float(rng.integers(1, 3))
        weights[f"w:noise{rng.integers(0, 40)}"] = 1.0
        day = None if rng.random() < 0.1 else 739000 + event // 3 + int(rng.integers(0, 2))
        feats.append(StoryFeatures(day, weights))
        gold.append(event)
    return feats, gold


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_blocked_linkage_equals_full_average_linkage(seed):
    feats, _gold = random_pile(120, seed)
    X, days = story_matrix(feats)
    settings = LinkageSettings()
    assert same_partition(cluster(X, days, settings), brute_force(X, days, settings))


def test_big_components_use_the_sparse_heap_and_agree_with_the_definition():
    feats, _gold = random_pile(80, 4)
    X, days = story_matrix(feats)
    exact = LinkageSettings()
    heap = LinkageSettings(dense_max=3)  # every component over 3 articles goes to the heap
    assert same_partition(cluster(X, days, heap), cluster(X, days, exact))


def test_sparse_linkage_with_every_pair_is_average_linkage():
    rng = np.random.default_rng(5)
    sims = rng.random((12, 12))
    sims = (sims + sims.T) / 2
    i, j = np.triu_indices(12, k=1)
    from scipy.cluster.hierarchy import fcluster, linkage

    want = fcluster(linkage(1 - sims[i, j], method="average"), t=0.5, criterion="distance")
    got = sparse_average_linkage(12, i, j, sims[i, j], 0.5)
    assert same_partition(got, want)


def test_candidates_never_grow_as_a_square():
    # one key shared by every article: sorted neighbourhood, not n x n pairs
    n = 3000
    X = sp.csr_matrix(np.ones((n, 1)))
    days = np.arange(n, dtype=float) // 100
    settings = LinkageSettings()
    i, _j = candidate_pairs(X, days, settings)
    assert len(i) <= n * settings.big_block_window
    assert len(i) >= n - 1  # still a chain through them all


def test_result_does_not_depend_on_input_order():
    feats, _gold = random_pile(60, 6)
    ids = group_stories(feats)
    order = np.random.default_rng(0).permutation(len(feats))
    shuffled = group_stories([feats[k] for k in order])
    back = [None] * len(feats)
    for pos, k in enumerate(order):
        back[k] = shuffled[pos]
    assert same_partition(ids, back)


def test_time_kernel():
    s = LinkageSettings()
    w = time_kernel(np.array([0.0, 1.0, 2.0, 14.0, 15.0, np.nan]), s)
    assert w[0] == w[1] == 1.0 and 0 < w[2] < 1 and w[3] > 0 and w[4] == 0 and w[5] == 1


def test_parse_day():
    assert parse_day("2024-10-28") == parse_day("2024-10-28 17:25") == parse_day("28 October 2024")
    assert parse_day("") is None and parse_day("not a date") is None


def test_outlet_names_are_not_evidence():
    from lib.records import Mention, Parts, Term

    part = Parts(
        words=40,
        terms=[Term(term="ledger", count=3, lead=1), Term(term="flood", count=2)],
        mentions=[Mention(text="Northern Ledger", label="ORG"), Mention(text="Oska", label="LOC")],
    )
    feats = story_features("2025-03-04", "The Northern Ledger", part)
    assert feats.weights == {"w:flood": 2.0, "e:oska": 1.0}
    assert feats.day == parse_day("2025-03-04")


def test_story_ids_are_ordered_by_size_then_date():
    feats = [
        StoryFeatures(739010, {"e:alpha": 1.0, "w:a": 1.0}),
        StoryFeatures(739000, {"e:beta": 1.0, "w:b": 1.0}),
        StoryFeatures(739010, {"e:alpha": 1.0, "w:a": 1.0}),
    ]
    assert group_stories(feats) == ["S1", "S2", "S1"]


def test_three_reports_of_one_event_alone_are_one_story():
    """A small pile: the words all three share are the event's, not common words; without
    the background articles their IDF would sink to its floor and the pile split."""
    shared = {"e:okafor": 1.0, "w:flood": 1.0, "w:evacuate": 1.0}
    feats = [
        StoryFeatures(739010, {**shared, **{f"w:own{k}_{n}": 1.0 for n in range(5)}})
        for k in range(3)
    ]
    assert group_stories(feats) == ["S1", "S1", "S1"]


# ----------------------------------------------------------------------------- a real pile


@pytest.fixture(scope="module")
def pile(nlp):
    from lib.analysis import analyze
    from lib.ingest.local import load_corpus
    from lib.parsing.local import InProcess

    return analyze(load_corpus(PILE).documents, InProcess(nlp))


def test_mixed_pile_is_three_stories(pile):
    docs = pile.documents
    by_story = docs.groupby("story_id")["doc_id"].agg(lambda s: sorted(x.split("_")[1] for x in s))
    assert sorted(by_story.tolist()) == [
        ["election", "election"],
        ["flood", "flood", "flood"],
        ["strike", "strike", "strike"],
    ]
    stories = pile.stories
    assert stories["story_id"].tolist() == ["S1", "S2", "S3"]
    assert stories["articles"].tolist() == [3, 3, 2]
    flood = stories[stories["label"].str.contains("Vellmora")].iloc[0]
    assert flood["first_date"] == "2025-03-04" and flood["last_date"] == "2025-03-05"
    assert "Ilse Dragan" in flood["top_entities"] and flood["label"].endswith("4–5 Mar 2025")


def test_no_claim_or_quote_group_spans_two_stories(pile):
    story_of = dict(zip(pile.documents["doc_id"], pile.documents["story_id"], strict=True))
    for table, key in ((pile.claims, "claim_id"), (pile.quotes, "group_id")):
        spans = (
            table.dropna(subset=[key])
            .groupby(key)["doc_id"]
            .agg(lambda s: {story_of[d] for d in s})
        )
        assert all(len(s) == 1 for s in spans), table[key].tolist()
        assert all(str(k).split("-")[0] == next(iter(s)) for k, s in spans.items())


def test_a_surname_is_resolved_within_its_own_story(pile):
    m = pile.mentions.merge(pile.documents[["doc_id", "story_id"]], on="doc_id")
    dragan = m[m["text"] == "Dragan"]
    for doc_id, entity in zip(dragan["doc_id"], dragan["entity"], strict=True):
        want = "Marek Dragan" if "election" in doc_id else "Ilse Dragan"
        assert entity == want, (doc_id, entity)


def test_per_document_tables_are_grouped_by_story(pile):
    story_of = dict(zip(pile.documents["doc_id"], pile.documents["story_id"], strict=True))
    for table in (pile.mentions, pile.sentences, pile.figures, pile.quotes):
        ranks = table["doc_id"].map(lambda d: int(story_of[d][1:])).tolist()
        assert ranks == sorted(ranks)


def test_one_story_looks_as_before(seed_analysis):
    assert seed_analysis.stories["story_id"].tolist() == ["S1"]
    assert set(seed_analysis.documents["story_id"]) == {"S1"}
    assert not seed_analysis.claims["claim_id"].str.contains("-").any()
    assert pd.Series(seed_analysis.claims["claim_id"]).str.match(r"C\d+$").all()
