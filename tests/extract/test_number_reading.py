"""Number reading on invented sentences: separators, decimals, names with numbers, glued
currencies and units, hyphenated scales, vote tallies, what a figure measures."""

from __future__ import annotations

import pytest

from lib.extract.figures import extract_figures
from lib.views.figures import format_figure


def read(nlp, text):
    return [(f.text, f.value, f.qualifier, f.unit) for f in extract_figures(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # space, thin-space and period thousands separators
        ("Police said 70 000 people marched.", [("70 000", 70000.0, "exact", "")]),
        ("Some 1\u2009250 homes flooded.", [("Some 1\u2009250", 1250.0, "approx", "")]),
        ("The club paid €1.000.000 for him.", [("€1.000.000", 1e6, "exact", "EUR")]),
        # decimals kept at full precision
        ("A quake of magnitude 6.6 struck.", [("6.6", 6.6, "exact", "magnitude")]),
        ("Inflation rose to 2.35% in May.", [("2.35%", 2.35, "exact", "%")]),
        # glued currencies and scales
        (
            "The house was worth $US55,931,000 last year.",
            [("$US55,931,000", 55931000.0, "exact", "USD")],
        ),
        ("The package was worth up to PS2.7m.", [("up to PS2.7m.", 2.7e6, "at_most", "GBP")]),
        ("Shares were up 5pc by noon.", [("5pc", 5.0, "exact", "%")]),
        # number words through text2num, hyphenated scales
        ("Two hundred and fifty volunteers came.", [("Two hundred and fifty", 250.0, "exact", "")]),
        ("He signed nearly two-dozen orders.", [("nearly two-dozen", 24.0, "approx", "")]),
        # ranges and periods
        ("Between 5 and 10 ships were seen.", [("Between 5 and 10", 5.0, "range", "")]),
        ("They proposed 40-60 hours of training.", [("40-60", 40.0, "range", "hour")]),
    ],
)
def test_reading(nlp, text, expected):
    assert read(nlp, text) == expected


def test_decimals_show_as_written(nlp):
    (fig,) = extract_figures(nlp("A quake of magnitude 6.6 struck."))
    label = format_figure(fig.value, fig.value_max, fig.qualifier, fig.unit)
    assert label == "magnitude 6.6"  # not rounded to 7, and written as a reader would


@pytest.mark.parametrize(
    "text",
    [
        "Villanova reached the Final Four in March.",
        "Crowds gathered at Ground Zero on Sunday.",
        "The class of '08 met again.",
        "The 2012-13 season ended badly.",
        "The home side won 3-1 after a 50-50 challenge.",
    ],
)
def test_names_with_numbers_are_not_figures(nlp, text):
    assert [f.text for f in extract_figures(nlp(text)) if f.kind != "duration"] == []


def test_vote_tally_reads_as_votes_for_and_against(nlp):
    figs = extract_figures(nlp("The House passed the bill 234-193 on Thursday."))
    assert [(f.value, f.counted, f.kind) for f in figs] == [
        (234.0, "votes in favour", "count"),
        (193.0, "votes against", "count"),
    ]


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("In 2008, 5,000 children died of the disease.", "time_scope", "2008"),
        ("Officials said 12 people were killed last year.", "time_scope", "last year"),
        ("Russia will send up to 10,000 troops.", "time_scope", "expected"),
        ("Russia has trained 11,000 troops.", "predicate", "train"),
        ("About 400 soldiers were deployed in Syria.", "places", "Syria"),
        ("The country paid a fine of $7.5 million.", "counted", "fine"),
        ("The car has a top speed of 87 mph (140 km/h).", "counted", "speed"),
    ],
)
def test_a_figure_knows_what_it_measures(nlp, text, field, value):
    figs = extract_figures(nlp(text))
    assert any(value in getattr(f, field) for f in figs), [
        (f.text, getattr(f, field)) for f in figs
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The board said the merger was worth “$5.6” billion over a decade.",
        'The board said the merger was worth "$5.6" billion over a decade.',
        "The board said the merger was worth “$5.6 billion” over a decade.",
    ],
)
def test_a_quote_inside_a_money_figure_does_not_split_it(nlp, text):
    money = [(f.value, f.unit) for f in extract_figures(nlp(text)) if f.unit == "USD"]
    assert money == [(5.6e9, "USD")]


def test_a_sentence_boundary_after_a_quote_still_ends_the_figure(nlp):
    text = "The asking price rose to $5.6”. Billion-dollar deals are rare."
    values = sorted(f.value for f in extract_figures(nlp(text)))
    assert 5.6 in values and 5.6e9 not in values
