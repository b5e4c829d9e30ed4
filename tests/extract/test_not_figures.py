"""Numbers that are not figures (years as modifiers, "one" as a pronoun or idiom),
prepositions that are not qualifiers, and list shares that go to the names they follow.
Every sentence is invented."""

from __future__ import annotations

import pytest

from lib.extract.figures import extract_figures


def figures_of(nlp, text: str) -> list:
    return extract_figures(nlp(text))


@pytest.mark.parametrize(
    "text",
    [
        "2024 candidates are demanding a televised debate.",
        "The 2026 congressional candidates met the mayor.",
        "Their 2019 tax returns were released on Friday.",
    ],
)
def test_years_as_modifiers_are_not_counts(nlp, text):
    assert figures_of(nlp, text) == []


def test_a_count_with_a_comma_is_still_a_count(nlp):
    figs = figures_of(nlp, "The ministry sent 2,024 nurses to the region.")
    assert [f.value for f in figs] == [2024]


@pytest.mark.parametrize(
    "text",
    [
        "It is one of the busiest ports in the region.",
        "No one was hurt when the roof fell.",
        "The winner was the one who trained longest.",
        "They met under one pretense.",
        "At one point the queue stretched around the block.",
        "Neighbours helped one another after the storm.",
    ],
)
def test_one_as_a_pronoun_or_idiom_is_no_figure(nlp, text):
    assert figures_of(nlp, text) == []


def test_one_as_a_count_stays(nlp):
    figs = figures_of(nlp, "One person was killed and 12 were injured.")
    assert [(f.value, f.kind) for f in figs] == [(1, "one"), (12, "count")]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("The minister presided over two briefings on Monday.", "two"),
        ("The neighbours argued over three fences.", "three"),
        ("She served under four presidents.", "four"),
    ],
)
def test_a_preposition_governing_a_noun_phrase_is_no_qualifier(nlp, text, written):
    (fig,) = figures_of(nlp, text)
    assert fig.qualifier == "exact" and fig.text == written


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Police said over 200 people were arrested.", "at_least"),
        ("The storm killed over 200 people.", "at_least"),
        ("Turnout was under 40 percent.", "at_most"),
        ("Prices rose above 5 percent.", "at_least"),
        ("Temperatures above 40 degrees were recorded.", "at_least"),
    ],
)
def test_qualifying_prepositions_stay_qualifiers(nlp, text, qualifier):
    (fig,) = figures_of(nlp, text)
    assert fig.qualifier == qualifier


def test_each_share_of_a_list_goes_to_the_names_it_follows(nlp):
    figs = figures_of(
        nlp,
        "In the poll, Okafor with 18 percent, Lindqvist with 14 percent, Baptiste and "
        "Moreau with 11 percent trailed the leader.",
    )
    holders = {f.value: f.holder_text for f in figs}
    assert holders == {18: "Okafor", 14: "Lindqvist", 11: "Baptiste and Moreau"}
    assert {f.holder_how for f in figs} == {"with"}


@pytest.mark.parametrize(
    "text",
    ["Finishing in the top three would keep Halvorsen in the race.",
     "Brenmoor High ranks among the bottom 10 in the county."],
)  # fmt: skip
def test_a_place_in_a_ranking_is_no_figure(nlp, text):
    """ "the top three": a rank, not a count (before: a bare 3 that lined up with another
    outlet's "three governors")."""
    assert [f.text for f in extract_figures(nlp(text))] == []


def test_a_count_after_top_that_counts_a_noun_stays(nlp):
    figures = extract_figures(nlp("The top three candidates drew most of the votes."))
    assert [(f.text, f.value) for f in figures] == [("three", 3.0)]
