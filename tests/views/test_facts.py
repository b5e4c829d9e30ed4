"""Fact views: filters by who reports a fact, per-outlet only / left out, CSV rows."""

from __future__ import annotations

import pandas as pd

from lib.records import FACTS_PAGE
from lib.views import facts

OUTLETS = ["Alpha", "Beta", "Gamma"]


def table() -> pd.DataFrame:
    rows = [
        ("F1", "Alpha", "The bridge closed on Monday."),
        ("F1", "Beta", "The bridge was closed Monday."),
        ("F1", "Gamma", "Monday: bridge closed."),
        ("F2", "Alpha", "Repairs will cost $2 million."),
        ("F2", "Beta", "Repairs are put at $2 million."),
        ("F3", "Gamma", "Drivers were angry."),
        ("F4", "Alpha", "The mayor visited."),
        ("F4", "Alpha", "The mayor later left."),
    ]
    out = pd.DataFrame(rows, columns=["fact_id", "outlet", "text"])
    out["doc_id"] = out["outlet"].str.lower()
    out["sentence_id"] = range(len(out))
    out["clause"] = 0
    out["headline"] = False
    out["outlets"] = out.groupby("fact_id")["outlet"].transform("nunique")
    return out


def ids(frame: pd.DataFrame) -> list[str]:
    return frame["fact_id"].tolist()


def test_reported_by_all_some_one():
    summary = facts.fact_summary(table(), OUTLETS)
    assert ids(facts.select_facts(summary, OUTLETS, "any")) == ["F1", "F2", "F3", "F4"]
    assert ids(facts.select_facts(summary, OUTLETS, "all")) == ["F1"]
    assert ids(facts.select_facts(summary, OUTLETS, "some")) == ["F2"]
    assert ids(facts.select_facts(summary, OUTLETS, "one")) == ["F3", "F4"]


def test_one_outlets_only_and_left_out():
    summary = facts.fact_summary(table(), OUTLETS)
    assert ids(facts.select_facts(summary, OUTLETS, "any", "Gamma", "only")) == ["F3"]
    assert ids(facts.select_facts(summary, OUTLETS, "any", "Gamma", "left_out")) == ["F2", "F4"]
    assert ids(facts.select_facts(summary, OUTLETS, "any", "Beta", "reports")) == ["F1", "F2"]
    found = facts.select_facts(summary, OUTLETS, "any", search="  $2 MILLION ", facts=table())
    assert ids(found) == ["F2"]


def test_outlet_summary_counts():
    out = facts.outlet_summary(table(), OUTLETS).set_index("outlet")
    assert out.loc["Alpha"].to_dict() == {
        "statements": 4,
        "facts": 3,
        "shared_by_all": 1,
        "only": 1,
        "left_out": 1,
    }
    assert out.loc["Gamma", "left_out"] == 2
    alone = facts.outlet_summary(table()[table()["outlet"] == "Alpha"], ["Alpha"])
    assert alone.iloc[0]["only"] == 0  # nobody else to compare with


def test_reported_label_in_words():
    assert facts.reported_label(1, 3, ("Gamma",)) == "only Gamma"
    assert facts.reported_label(3, 3, ("A", "B", "C")) == "every outlet (3)"
    assert facts.reported_label(2, 3, ("A", "B")) == "2 of 3 outlets"


def test_fact_rows_follow_the_shown_order():
    rows = facts.fact_rows(table(), ["F3", "F1"])
    assert rows["fact_id"].tolist() == ["F3", "F1", "F1", "F1"]
    assert list(rows.columns) == FACTS_PAGE.csv_names()
    assert facts.fact_rows(table(), []).empty


def test_in_a_pile_of_stories_only_outlets_covering_a_story_count():
    # F3 belongs to Gamma's own story: nobody else covers it, so nobody leaves it out
    documents = pd.DataFrame(
        {
            "doc_id": ["alpha", "beta", "gamma"],
            "outlet": OUTLETS,
            "story_id": ["S1", "S1", "S2"],
        }
    )
    facts_table = table()[table()["fact_id"].isin(["F2", "F3"])]
    coverage = facts.fact_coverage(facts_table, documents, OUTLETS)
    assert coverage == {"F2": ("Alpha", "Beta"), "F3": ("Gamma",)}
    summary = facts.fact_summary(facts_table, OUTLETS, coverage)
    assert ids(facts.select_facts(summary, OUTLETS, "all")) == ["F2", "F3"]
    assert ids(facts.select_facts(summary, OUTLETS, "any", "Alpha", "left_out")) == []
    out = facts.outlet_summary(facts_table, OUTLETS, coverage).set_index("outlet")
    assert out.loc["Alpha", "left_out"] == 0 and out.loc["Alpha", "shared_by_all"] == 1
    assert out.loc["Gamma", "only"] == 0  # alone in its story: nothing to compare with
