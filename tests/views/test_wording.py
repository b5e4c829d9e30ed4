"""Distinctive words (log-odds with an informative Dirichlet prior) and naming differences,
on invented statements."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.columns import names
from lib.records import WordChoice
from lib.views import wording


def statements(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """(outlet, words, quoted) rows -> a statements table."""
    return pd.DataFrame(
        [
            {
                "doc_id": outlet.lower(),
                "outlet": outlet,
                "sentence_id": k,
                "clause": 0,
                "text": words.replace("|", ""),
                "words": words,
                "quoted": quoted,
            }
            for k, (outlet, words, quoted) in enumerate(rows)
        ]
    )


def test_terms_are_words_and_two_word_runs():
    assert wording.terms_of("illegal immigrants | crossed") == [
        "illegal",
        "immigrants",
        "illegal immigrants",
        "crossed",
    ]
    assert wording.terms_of("") == []


def test_log_odds_z_rewards_what_one_side_uses_more():
    y_i = np.array([8.0, 5.0, 0.0])
    y_j = np.array([0.0, 5.0, 8.0])
    z = wording.log_odds_z(y_i, y_j, 0.5 * (y_i + y_j))
    assert z[0] > 1.5 and abs(z[1]) < 0.2 and z[2] < -1.5


def test_distinctive_terms_rank_each_outlets_own_words():
    table = statements(
        [("Alpha", "critics slammed | plan", "")] * 3
        + [("Beta", "critics criticised | plan", "")] * 3
        + [("Gamma", "critics questioned | plan", "")] * 3
    )
    terms = wording.distinctive_terms(table, top=3)
    alpha = terms[terms["outlet"] == "Alpha"]
    assert alpha.iloc[0]["term"] in ("slammed", "critics slammed")
    assert {"slammed", "critics slammed"} <= set(alpha["term"])
    assert "plan" not in set(terms["term"])  # every outlet writes it: nobody's choice
    assert (terms["z"] > 0).all() and set(terms["outlet"]) == {"Alpha", "Beta", "Gamma"}
    assert list(terms.columns) == names(WordChoice)


def test_quoted_words_count_only_when_asked():
    table = statements(
        [("Alpha", "plan", "disaster"), ("Alpha", "plan", "disaster"), ("Beta", "plan", "")]
    )
    assert "disaster" not in set(wording.distinctive_terms(table)["term"])
    assert "disaster" in set(wording.distinctive_terms(table, quoted=True)["term"])


def test_an_outlet_alone_has_no_distinctive_words():
    assert wording.distinctive_terms(statements([("Alpha", "storm", "")])).empty


def test_outlets_are_compared_within_their_story():
    table = statements([("Alpha", "storm", ""), ("Beta", "storm", ""), ("Gamma", "budget", "")])
    documents = pd.DataFrame({"doc_id": ["alpha", "beta", "gamma"], "story_id": ["s", "s", "t"]})
    terms = wording.distinctive_terms(table, documents)
    assert "Gamma" not in set(terms["outlet"])  # alone in its story
    assert "budget" not in set(terms["term"])


def test_frequent_terms_baseline():
    table = statements([("Alpha", "storm | storm | rain", ""), ("Beta", "storm", "")])
    assert wording.frequent_terms(table, 1) == {"Alpha": ["storm"], "Beta": ["storm"]}


def test_term_statements_and_positions():
    table = statements([("Alpha", "illegal immigrants", ""), ("Alpha", "storm", "")])
    rows = wording.term_statements(table, "Alpha", "illegal immigrants")
    assert rows["sentence_id"].tolist() == [0]
    assert wording.term_positions(
        "Illegal  immigrants came; illegal-immigrants", "illegal immigrants"
    ) == [
        (0, 19),
        (26, 44),
    ]
    assert wording.term_positions("immigrantsx", "immigrants") == []


def test_naming_pairs_list_the_same_thing_in_other_words():
    facts = pd.DataFrame(
        {
            "fact_id": ["F1", "F1", "F2"],
            "outlets": [2, 2, 1],
            "outlet": ["Alpha", "Beta", "Alpha"],
            "doc_id": ["alpha", "beta", "alpha"],
            "sentence_id": [0, 1, 2],
            "clause": [0, 0, 0],
            "headline": [False, False, False],
            "text": [
                "Police detained 40 undocumented immigrants near the border on Monday.",
                "Police detained 40 illegal immigrants near the border on Monday.",
                "Nothing else.",
            ],
        }
    )
    table = statements(
        [
            ("Alpha", "police detained | undocumented immigrants | border", ""),
            ("Beta", "police detained | illegal immigrants | border", ""),
            ("Alpha", "", ""),
        ]
    )
    pairs = wording.naming_pairs(facts, table)
    assert pairs[["outlet_a", "words_a", "outlet_b", "words_b"]].values.tolist() == [
        ["Alpha", "undocumented", "Beta", "illegal"]
    ]
    assert pairs.iloc[0]["facts"] == 1 and pairs.iloc[0]["example"] == "F1"
