"""Round 5 of issue 23: a generic head written alone ("the Department") is the organisation
it heads, and a job title marks a person whose surname is also a place ("Rep. Jordan").
Every article and name is invented."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.resolve.short_forms import fold_short_forms, head_word


def _frame(items) -> pd.DataFrame:
    return pd.DataFrame(
        [{"doc_id": d, "start_char": s, "entity": e, "label": "ORG"} for d, s, e in items]
    )


def _fold(df: pd.DataFrame) -> list[str]:
    return fold_short_forms(df, pd.Series("", index=df.index)).tolist()


def test_head_word_of_a_name():
    assert head_word("Defense Department") == "Department"
    assert head_word("House of Representatives") == "House"
    assert head_word("Court") == ""  # one word heads nothing
    assert head_word("the polling unit") == ""  # not a name


def test_a_lone_generic_head_is_the_organisation_it_refers_back_to():
    df = _frame(
        [
            ("a", 0, "Defense Department"), ("a", 60, "Department"),
            ("b", 0, "Defense Department"), ("b", 40, "Department"),
            ("b", 90, "Treasury Department"), ("b", 140, "Department"),
            ("c", 0, "Department"),  # two in the story, none in the article: left alone
        ]
    )  # fmt: skip
    out = _fold(df)
    assert out[1] == "Defense Department"
    assert out[3] == "Defense Department"  # the nearest earlier one
    assert out[5] == "Treasury Department"
    assert out[6] == "Department"


def test_a_lone_head_before_its_name_and_in_another_article():
    df = _frame([("a", 0, "Court"), ("a", 50, "Supreme Court"), ("b", 0, "Court")])
    assert _fold(df) == ["Supreme Court"] * 3  # "the Court's ruling" named later, or elsewhere


def test_nested_bodies_and_chambers_stay_apart():
    df = _frame(
        [
            ("a", 0, "House Intelligence Committee"), ("a", 50, "House"),
            ("a", 90, "Committee"), ("b", 0, "White House"), ("b", 40, "House"),
        ]
    )  # fmt: skip
    out = _fold(df)
    assert out[1] == "House"  # the committee is not the House
    assert out[2] == "House Intelligence Committee"  # but "the Committee" is the committee
    assert out[4] == "House"  # "White House" is no House: a chamber never goes by its head


JORDAN = {
    "alpha": (
        "Lawmaker visits Amman\n\n"
        "Rep. Jim Jordan arrived in Amman on Sunday for talks with officials of Jordan. "
        "The trip will last three days."
    ),
    "beta": (
        "U.S. delegation in the Middle East\n\n"
        "Jordan welcomed a U.S. delegation led by Rep. Jordan on Sunday. The visit was "
        "announced last week."
    ),
}

FAMILY = {
    "alpha": (
        "Former official backs daughter\n\n"
        "Former Vice President Edwin Marlowe said on Monday that his daughter, Nora Marlowe, "
        "would run for the Senate. Nora Marlowe is a lawyer in Denver. Vice President Marlowe "
        "spoke at a dinner in Denver."
    ),
    "beta": (
        "Marlowe enters Senate race\n\n"
        "Nora Marlowe, a Denver lawyer, will run for the Senate. Her father, Edwin Marlowe, a "
        "former vice president, praised the decision."
    ),
}


@pytest.fixture(scope="module")
def jordan(analyse_texts):
    return analyse_texts(JORDAN, {k: k for k in JORDAN})


def test_a_titled_surname_is_the_person_though_the_word_is_a_country(jordan):
    m = jordan.mentions
    beta = m[(m["doc_id"] == "beta") & (m["text"] == "Jordan")].sort_values("start_char")
    # "Jordan welcomed a delegation": the country; "led by Rep. Jordan": the lawmaker
    assert beta["entity"].tolist() == ["Jordan", "Jim Jordan"]


def test_a_titled_surname_is_the_titled_one_of_two_namesakes(analyse_texts):
    analysis = analyse_texts(FAMILY, {k: k for k in FAMILY})
    m = analysis.mentions
    bare = m[(m["doc_id"] == "alpha") & (m["text"] == "Marlowe")]
    assert bare["entity"].tolist() == ["Edwin Marlowe"]  # "Vice President Marlowe"
