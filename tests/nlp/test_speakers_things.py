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


# Issue 23, class 7, checked on more invented variants (these pass on the rules already in
# place: the governor from the story's own appositions, the person introduced speaks, a
# programme title in quotation marks is no quote).
@pytest.mark.parametrize(
    "text, speakers",
    [
        (
            "Westland's governor, Ana Ruiz, met Senator Carla Diaz on Monday. Diaz asked about "
            'the levees.\n\n"We will rebuild," the governor replied.',
            ["Ana Ruiz"],
        ),
        (
            "Ana Ruiz, Westland's governor, met the mayor, Carla Diaz, on Monday.\n\n"
            '"We will rebuild," the mayor replied. "Soon," the governor added.',
            ["Carla Diaz", "Ana Ruiz"],
        ),
        (
            "Sam Ortiz took the stage after Mayor Tom Bell introduced him.\n\n"
            '"This city deserves a faster response," he said.',
            ["Sam Ortiz"],
        ),
        (
            "After a short introduction by Mayor Tom Bell, Sam Ortiz thanked the crowd.\n\n"
            '"This city deserves a faster response," he said.',
            ["Sam Ortiz"],
        ),
        (
            "Mayor Tom Bell then introduced the new fire chief, Sam Ortiz.\n\n"
            '"This city deserves a faster response," he told the crowd.',
            ["Sam Ortiz"],
        ),
        ("Bell appeared on “Face the Voters” on Sunday, where he said he would run.", []),
        (
            "In an interview on the radio show “Morning Desk,” Tom Bell said the dam was safe.",
            [],
        ),
        (  # a network's possessive ending in a capital S before the programme's title
            "“The dam is safe,” Tom Bell said on KWBS’ “Valley Hour.”",
            ["Tom Bell"],
        ),
        (  # a dateline the parser made a second subject of the opening sentence's verb
            "MARLOW, Ore. — Gov. Tom Bell opened the dam on Monday, vowing that “it will "
            "hold for a hundred years.”",
            ["Tom Bell"],
        ),
        ('Ana Ruiz, known to her staff as "the Hammer," said the dam was safe.', []),
        ("Tom Bell, nicknamed “Sandbag,” thanked the volunteers on Monday.", []),
        ('Tom Bell, known as "Doc," said: "The dam is safe."', ["Tom Bell"]),
    ],
)
def test_story_roles_introductions_and_programme_titles(nlp, text, speakers):
    assert [speaker_of(q) for q in quotes_in_text(nlp, text)] == speakers
