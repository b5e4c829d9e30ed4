"""lib.views.sources: how a speaker or source was found, in words."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.views.sources import FIGURE_PHRASES, NOT_FOUND, explain, how_found


@pytest.mark.parametrize(
    ("how", "written", "shown", "phrase"),
    [
        ("explicit", "Debra Kwan", "Debra Kwan", "named beside it (“Debra Kwan”)"),
        ("pronoun", "she", "Ruth Abernathy", "pronoun “she” read as Ruth Abernathy"),
        ("role", "the prime\n minister", "Jane Holt", "“the prime minister” read as Jane Holt"),
        ("according to", "police", "police", "“according to police”"),
        (
            "carried over",
            "Whitcombe",
            "Dana Whitcombe",
            "carried over from the quote before (“Whitcombe”)",
        ),
        ("", "", "", NOT_FOUND),
        ("pronoun", "he", "", NOT_FOUND),  # a pronoun nobody could be found for
    ],
)
def test_how_found(how, written, shown, phrase):
    assert how_found(how, written, shown) == phrase


def test_figures_carry_over_from_the_previous_sentence():
    assert how_found("carried over", "x", "Y", FIGURE_PHRASES) == (
        "carried over from the previous sentence"
    )


def test_explain_reads_the_prefixed_columns_and_survives_missing_values():
    table = pd.DataFrame(
        {
            "speaker": ["Ann Lee", None],
            "speaker_how": ["pronoun", None],
            "speaker_written": ["She", None],
        }
    )
    assert list(explain(table, "speaker", "speaker")) == [
        "pronoun “She” read as Ann Lee",
        NOT_FOUND,
    ]
    assert explain(table.iloc[:0], "speaker", "speaker").empty
