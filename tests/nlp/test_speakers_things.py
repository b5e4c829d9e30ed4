"""Things that speak a quotation only when the text says they said it (issue 23, class 7):
a poll, survey or count is a quotation's source when it "said" or "stated" the words, never
because it "shows" or "predicted" something beside them. Every passage is invented."""

from __future__ import annotations

import pytest

from tests.helpers import quotes_in_text, speaker_of


@pytest.mark.parametrize(
    "text",
    [
        "Polls predicted a tight race in Westland - Pollwatch: “Most pollsters fared much "
        "better on the Democratic side this time.”",
        "Recent surveys show a tight race, with “a coin toss in every county of the north.”",
    ],
)
def test_polls_that_show_or_predict_speak_no_quotation(nlp, text):
    (q,) = quotes_in_text(nlp, text)
    assert "poll" not in speaker_of(q).lower() and "survey" not in speaker_of(q).lower()


def test_a_survey_that_said_the_words_is_their_source(nlp):
    text = (
        "Tom Bell leads in Westland by six points. “Voters have made up their minds,” "
        "the survey said."
    )
    (q,) = quotes_in_text(nlp, text)
    assert speaker_of(q) == "the survey"
