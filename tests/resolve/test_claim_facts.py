"""Figures in sentences the facts alignment pairs across outlets are one measurement when
their values agree and what they count can be one thing (invented sentences)."""

from __future__ import annotations

import pandas as pd

from lib.resolve import claim_pairs


def _claim_of(claims: pd.DataFrame, outlet: str, text: str) -> str:
    rows = claims[(claims["outlet"] == outlet) & (claims["text"] == text)]
    return rows["claim_id"].iloc[0]


def test_aligned_sentences_join_a_figure_whose_noun_was_missed(analyse_texts):
    # the second outlet's counted noun is lost to "past and present" (read from context):
    # the sentences report one fact, so the two "five" are one measurement
    texts = {
        "a": "Five senior Republican senators urged the mayor to resign on Monday after the "
        "scandal broke.",
        "b": "Five past and present Republican senators urged the mayor to resign on Monday "
        "after the scandal broke.",
    }
    found = analyse_texts(texts, {"a": "Outlet A", "b": "Outlet B"})
    assert found.facts["outlets"].max() == 2
    claims = found.claims
    assert _claim_of(claims, "Outlet A", "Five") == _claim_of(claims, "Outlet B", "Five")
    assert set(claims.loc[claims["text"] == "Five", "status"]) == {"agree"}


def test_aligned_sentences_keep_different_things_apart(analyse_texts):
    # one fact, one value, but courts are not judges: two measurements
    texts = {
        "a": "Two lower courts had blocked the earlier plan for the stadium in March.",
        "b": "Two judges had blocked the earlier plan for the stadium in March.",
    }
    found = analyse_texts(texts, {"a": "Outlet A", "b": "Outlet B"})
    assert found.facts["outlets"].max() == 2
    claims = found.claims
    assert _claim_of(claims, "Outlet A", "Two") != _claim_of(claims, "Outlet B", "Two")


def test_figure_facts_reads_only_facts_of_two_outlets():
    figures = pd.DataFrame(
        {"doc_id": ["a", "a", "b"], "start_char": [5, 50, 7], "end_char": [9, 54, 11]}
    )
    facts = pd.DataFrame(
        {
            "doc_id": ["a", "b", "a"],
            "start_char": [0, 0, 40],
            "end_char": [30, 30, 70],
            "fact_id": ["F1", "F1", "F2"],
            "outlets": [2, 2, 1],
        }
    )
    assert claim_pairs.figure_facts(figures, facts) == [
        frozenset({"F1"}),
        frozenset(),
        frozenset({"F1"}),
    ]
    assert claim_pairs.figure_facts(figures, None) == [frozenset()] * 3


def test_aligned_sentences_need_one_value_when_a_figure_counts_nothing(analyse_texts):
    # "at least 56" counts nothing of its own (read from context): aligned sentences are
    # weak evidence, so it joins neither the 107 at stake nor another outlet's 71
    texts = {
        "a": "Voters in Brenmoor went to the polls on Tuesday. With 107 delegates at stake, "
        "she will win at least 56.",
        "b": "Voters in Brenmoor went to the polls on Tuesday. Of the bunch, Carrow had the "
        "fewest delegates — 71 in all — at stake.",
    }
    found = analyse_texts(texts, {"a": "Outlet A", "b": "Outlet B"})
    claims = found.claims
    claim = _claim_of(claims, "Outlet A", "at least 56")
    assert claims.loc[claims["claim_id"] == claim, "text"].tolist() == ["at least 56"]


def test_shared_fact_of_a_figure_counting_nothing_needs_one_value():
    def item(value, qualifier, lo, hi, head=""):
        return {"value": value, "_qualifier": qualifier, "_lo": lo, "_hi": hi,
                "_head": head, "_facts": frozenset({"F1"})}  # fmt: skip

    at_least = item(56.0, "at_least", 56.0, float("inf"))
    assert not claim_pairs.shared_fact(at_least, item(71.0, "exact", 71.0, 71.0, "delegate"))
    five = item(5.0, "exact", 5.0, 5.0)
    assert claim_pairs.shared_fact(five, item(5.0, "exact", 5.0, 5.0, "senator"))


def test_a_whole_share_tells_nothing():
    """Two outlets' "39 percent" (one poll's share for a candidate, another's share blaming
    supporters) are not one measurement by their value alone (lined up on a PolNeAR train
    pile of poll stories); "54.2 percent", "134" and a duration ("three weeks" = 21 days)
    still tell."""

    def item(value, kind):
        return {"value": value, "_qualifier": "exact", "_kind": kind}

    assert not claim_pairs.distinctive(item(39.0, "percent"))
    assert claim_pairs.distinctive(item(54.2, "percent"))
    assert claim_pairs.distinctive(item(134.0, "count"))
    assert claim_pairs.distinctive(item(21.0, "duration"))
