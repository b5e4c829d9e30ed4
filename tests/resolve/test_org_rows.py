"""Organisations named by several outlets of a story come out as one row, and different
organisations stay apart (issue 23, classes 2-5; round 12). Every name is invented or a
general kind of name (a chamber's committee, a state's party)."""

from __future__ import annotations

import pandas as pd

from lib.nlp.names import clean_entity_text
from lib.resolve.committees import committee_forms
from lib.resolve.short_forms import fold_short_forms


def fold(names: list[str]) -> list[str]:
    """The folded entity of each name, one outlet per name, all in one story."""
    df = pd.DataFrame(
        {"doc_id": [f"d{k}" for k in range(len(names))], "entity": names, "label": "ORG"}
    )
    return fold_short_forms(df, pd.Series("", index=df.index)).tolist()


def test_a_committee_by_its_formal_name_newsroom_order_and_first_subject_is_one_row():
    out = fold(
        [
            "Senate Committee on Tidewater and Coastal Fisheries",
            "Senate Tidewater and Coastal Fisheries Committee",
            "Senate Tidewater Committee",
            "Tidewater Committee",
        ]
    )
    assert len(set(out)) == 1
    # "Committee on the X" and a committee's kind word ("Select") dropped
    assert len(set(fold(["House Committee on the Lanterns", "House Lanterns Committee"]))) == 1
    out = fold(["House Permanent Select Committee on Marshlands", "House Marshlands Committee"])
    assert len(set(out)) == 1
    # a list of subjects cut at its first comma
    assert committee_forms("Senate Orchards, Mills and Canals Committee") == [
        "Senate Orchards Committee"
    ]


def test_committees_of_two_chambers_or_two_subjects_stay_apart():
    out = fold(
        [
            "House Committee on Tidewater",
            "Senate Tidewater Committee",
            "Senate Committee on Orchards and Mills",
            "House Orchards Committee",
        ]
    )
    assert len(set(out)) == 4
    assert committee_forms("Democratic Harbor Committee") == []  # no "on", no "and"
    assert committee_forms("Committee to Save Marshlands") == []
    assert committee_forms("Senate Harbor Committee on Monday") == []


def test_a_states_party_is_not_the_national_party():
    assert len(set(fold(["Vermont Progressive Party", "Progressive Party"]))) == 2
    assert len(set(fold(["Progressive Party", "Ohio Progressive Party"]))) == 2
    # a country's party written with its country is still that party
    assert len(set(fold(["British Progressive Party", "Progressive Party"]))) == 1


def test_a_lower_case_possessive_pronoun_is_no_part_of_a_name():
    assert clean_entity_text("her Harbor Commission", "ORG") == "Harbor Commission"
    assert clean_entity_text("their Tidewater Institute", "ORG") == "Tidewater Institute"
    assert clean_entity_text("Our Lanterns Fund", "ORG") == "Our Lanterns Fund"


def test_the_first_word_an_organisation_goes_by_is_the_one_name_it_starts():
    assert len(set(fold(["Quarrow Benning", "Quarrow"]))) == 1  # "Exxon" / "Exxon Mobil"
    assert len(set(fold(["Tamsin Lantern Action", "Tamsin"]))) == 1
    # two names start with it, a head word ends the longer name, a chamber: apart
    assert len(set(fold(["Quarrow Benning", "Quarrow Tellis", "Quarrow"]))) == 3
    assert len(set(fold(["Halvorsen Campaign", "Halvorsen"]))) == 2
    assert len(set(fold(["House Lantern Caucus", "House"]))) == 2


def test_the_first_word_of_a_persons_name_the_story_tags_stays_apart():
    df = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "entity": ["Quarrow Benning", "Quarrow", "Ada Quarrow"],
            "label": ["ORG", "ORG", "PERSON"],
        }
    )
    out = fold_short_forms(df, pd.Series("", index=df.index)).tolist()
    assert out[:2] == ["Quarrow Benning", "Quarrow"]


def test_a_bare_pac_is_no_name():
    assert clean_entity_text("PAC", "ORG") is None
    assert clean_entity_text("the super PAC", "ORG") is None
    assert clean_entity_text("Lantern Valley PAC", "ORG") == "Lantern Valley PAC"
