"""lib.extract.common_words: a common noun capitalised only because it opens a sentence or a
headline is no name; a person's surname that is also a noun stays. Invented sentences."""

from __future__ import annotations

import pytest

from lib.extract.mentions import mention_records


def texts_of(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [r.text for r in mention_records(doc, [0] * len(doc))]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Brody wins Kenmoor governor race\n\nTurnout reached 61 percent, the secretary of "
            "state's office said, up from 55 percent four years ago.",
            "Turnout",
        ),
        (
            "Dam fails in Kenmoor\n\nRainfall reached 12 inches on Monday, the weather office "
            "said, up from 3 inches a year ago.",
            "Dam",
        ),
    ],
)
def test_a_common_noun_opening_a_sentence_is_no_name(nlp, text, word):
    assert word not in texts_of(nlp, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Cook said the vote was close, and the city clerk agreed.", "Cook"),
        ("Susan Marrow spoke first. Marrow said the plan would fail.", "Marrow"),
        ("Officials met Ivo Hunter on Monday. Hunter left on Tuesday.", "Hunter"),
        ("Budget talks stalled.\n\nSenate Majority Leader Ivo Hunter left early.", "Senate"),
        ("Budget talks stalled.\n\nPolitico was first to report the news on Monday.", "Politico"),
    ],
)
def test_a_surname_that_is_also_a_noun_stays_a_name(nlp, text, word):
    assert word in texts_of(nlp, text)
