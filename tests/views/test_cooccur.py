"""Co-occurrence counts, symmetry, metrics and evidence."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from lib.views import cooccur


def brute_force(mentions, sentences, window):
    keys = cooccur.window_keys(mentions, sentences, window)
    sets = mentions.assign(_k=keys.to_numpy()).groupby("_k")["entity"].agg(set)
    counts: dict[tuple[str, str], int] = {}
    for ents in sets:
        for a, b in itertools.combinations(sorted(ents), 2):
            counts[(a, b)] = counts.get((a, b), 0) + 1
    return counts


@pytest.mark.parametrize("window", cooccur.WINDOWS)
def test_counts_match_brute_force(seed_analysis, window):
    pairs = cooccur.cooccurrence(seed_analysis.mentions, seed_analysis.sentences, window=window)
    expected = brute_force(seed_analysis.mentions, seed_analysis.sentences, window)
    got = {(a, b): c for a, b, c in pairs[["entity_a", "entity_b", "count"]].itertuples(False)}
    assert got == expected
    assert (pairs["entity_a"] < pairs["entity_b"]).all()


def test_matrix_symmetric_and_clustered(seed_analysis):
    pairs = cooccur.cooccurrence(seed_analysis.mentions, seed_analysis.sentences)
    top = cooccur.top_entities(seed_analysis.mentions, 12)
    assert len(top) == 12
    for metric in cooccur.METRICS:
        mat = cooccur.cooccurrence_matrix(pairs, top, metric)
        assert sorted(mat.index) == sorted(top)
        assert list(mat.index) == list(mat.columns)
        values = mat.to_numpy()
        assert np.allclose(np.nan_to_num(values), np.nan_to_num(values.T))


def test_small_example_metrics():
    mentions = pd.DataFrame(
        {
            "doc_id": ["d"] * 5,
            "sentence_id": [0, 0, 1, 1, 2],
            "entity": ["A", "B", "A", "B", "A"],
            "label": ["ORG"] * 5,
            "start_char": [0] * 5,
            "end_char": [1] * 5,
        }
    )
    sentences = pd.DataFrame(
        {
            "doc_id": ["d"] * 4,
            "sentence_id": [0, 1, 2, 3],
            "paragraph_id": [0, 0, 1, 1],
            "start_char": [0, 10, 20, 30],
            "outlet": ["X"] * 4,
            "text": ["s"] * 4,
        }
    )
    row = cooccur.cooccurrence(mentions, sentences).iloc[0]
    assert (row["entity_a"], row["entity_b"], row["count"]) == ("A", "B", 2)
    assert row["jaccard"] == pytest.approx(2 / 3, abs=1e-3)
    p_ab, p_a, p_b = 2 / 4, 3 / 4, 2 / 4  # windows with both, with A, with B, of 4
    npmi = math.log(p_ab / (p_a * p_b)) / -math.log(p_ab)
    assert row["npmi"] == pytest.approx(npmi, abs=1e-3)
    para = cooccur.cooccurrence(mentions, sentences, window="paragraph").iloc[0]
    assert para["count"] == 1
    assert cooccur.cooccurrence(mentions, sentences, min_count=3).empty


def test_evidence_sentences_name_both(seed_analysis):
    pairs = cooccur.cooccurrence(seed_analysis.mentions, seed_analysis.sentences)
    a, b, count = pairs.iloc[0][["entity_a", "entity_b", "count"]]
    ev = cooccur.evidence(seed_analysis.mentions, seed_analysis.sentences, a, b)
    assert len(ev) == count
    for row in ev.itertuples():
        ents = {e for _, _, e in row.spans}
        assert ents == {a, b}
        for s, e, _ent in row.spans:
            assert 0 <= s < e <= len(row.text)


def test_bad_window_and_metric():
    with pytest.raises(ValueError):
        cooccur.window_keys(pd.DataFrame({"doc_id": []}), pd.DataFrame(), "page")
    with pytest.raises(ValueError):
        cooccur.cooccurrence_matrix(pd.DataFrame(), [], "lift")
