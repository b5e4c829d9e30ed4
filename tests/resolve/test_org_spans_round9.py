"""Organisations split across outlets by the span or the type the model gives them, round
9 of issue 23: a country typed ORG before its legislature, a state's Senate race, names
written as web addresses, a school named after a known place typed a place. Every article
and name is invented."""

from __future__ import annotations

import pandas as pd

from lib.resolve.joined import fit_names
from lib.resolve.propagate import propagate_names
from lib.resolve.short_forms import fold_short_forms, shorter_forms, web_stem


def _rows(*items) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"doc_id": d, "outlet": d, "start_char": s, "end_char": s + len(t), "text": t,
             "label": lab, "in_title": False}
            for d, s, t, lab in items
        ]
    )  # fmt: skip


def _spans(out: pd.DataFrame, text: str) -> list[tuple[str, str]]:
    return [
        (text[s:e], lab)
        for s, e, lab in zip(out["start_char"], out["end_char"], out["label"], strict=True)
    ]


def test_a_country_the_model_typed_an_organisation_joins_its_legislature():
    text = "Farmers in the United States Senate are few."
    rows = _rows(("a", 15, "United States", "ORG"), ("a", 29, "Senate", "ORG"))
    assert _spans(fit_names(rows, {"a": text}), text) == [("United States Senate", "ORG")]
    # an organisation that is no place stays apart from a chamber after it
    text = "The Harbor Guild Senate met."
    rows = _rows(("a", 4, "Harbor Guild", "ORG"), ("a", 17, "Senate", "ORG"))
    assert len(fit_names(rows, {"a": text})) == 2


def test_names_written_as_web_addresses_are_organisations():
    texts = {
        "a": (
            "Groups\n\nGroups such as FairBallot.org urged members to sign. Mail "
            "help@fairballot.org or see www.Quorvex.com/help. He runs FairBallot.org."
        ),
    }
    sentences = [{"doc_id": "a", "sentence_id": 0, "start_char": 0}]
    added = propagate_names([], texts, sentences, {"a": ""})
    assert [(r["text"], r["label"]) for r in added] == [
        ("FairBallot.org", "ORG"),
        ("FairBallot.org", "ORG"),
    ]


def test_an_organisation_and_its_web_address_are_one():
    assert web_stem("Quorvex.com") == "Quorvex"
    assert web_stem("Quorvex") == web_stem("quorvex.com") == ""
    assert shorter_forms("Quorvex.com")[0] == "Quorvex"
    df = pd.DataFrame(
        {
            "doc_id": ["a", "b", "b"],
            "entity": ["Quorvex.com", "Quorvex", "Marc Tellen"],
            "label": ["ORG", "PERSON", "PERSON"],
        }
    )
    out = fold_short_forms(df, pd.Series("", index=df.index)).tolist()
    assert out == ["Quorvex.com", "Quorvex.com", "Marc Tellen"]


def _fold(*rows) -> list[str]:
    df = pd.DataFrame(rows, columns=["doc_id", "entity", "label"])
    return fold_short_forms(df, pd.Series("", index=df.index)).tolist()


def test_a_states_senate_race_is_the_state_and_the_senate():
    text = "Jo Amar, a Wyoming Senate candidate, spoke. The Ohio Senate passed a bill."
    rows = _rows(("a", 11, "Wyoming Senate", "ORG"), ("a", 48, "Ohio Senate", "ORG"))
    assert _spans(fit_names(rows, {"a": text}), text) == [
        ("Wyoming", "GPE"),
        ("Senate", "ORG"),
        ("Ohio Senate", "ORG"),  # the state's own chamber: no race after it
    ]


def test_a_school_named_after_a_known_place_goes_by_the_place_name():
    def fold(cues, labels=("ORG", "GPE", "GPE")):
        df = pd.DataFrame(
            {
                "doc_id": ["a", "b", "c"],
                "entity": ["Springfield University", "Springfield", "Springfield"],
                "label": list(labels),
                "cue": list(cues),
            }
        )
        return fold_short_forms(df, pd.Series("", index=df.index)).tolist()

    assert fold(["", "", ""]) == ["Springfield University"] * 3  # "faculty at Springfield"
    # the story writes it as a place somewhere ("in Springfield"): the place stays
    assert fold(["", "", "in"])[1:] == ["Springfield", "Springfield"]
    # a person of that name is no school
    assert fold(["", "", ""], ("ORG", "GPE", "PERSON"))[1] == "Springfield"
    # a state stays the state
    df = pd.DataFrame(
        {"doc_id": ["a", "b"], "entity": ["Virginia College", "Virginia"],
         "label": ["ORG", "GPE"], "cue": ["", ""]}
    )  # fmt: skip
    assert fold_short_forms(df, pd.Series("", index=df.index)).tolist()[1] == "Virginia"
