"""lib.nlp.attribution through quotes and figures: one pattern per invented passage.

Every passage is invented (no seed, no development-set text). Quotes and figures go through
the same engine, so the figure tests check that a number inside a quote, or after "she
said", gets the same source a quote would.
"""

from __future__ import annotations

import pytest

from lib.extract.document import process_doc
from lib.extract.quotes import extract_quotes


def quotes_of(nlp, text):
    return extract_quotes(nlp(text))


def speakers(nlp, text):
    return [q.speaker_text or q.speaker_description for q in quotes_of(nlp, text)]


def test_pronouns_agree_in_gender_with_two_people_alternating(nlp):
    text = (
        "Senator Ruth Abernathy and Governor Tom Keller met in Dover on Monday.\n\n"
        "“We are not there yet,” she said.\n\n"
        "“The budget has to pass this week,” he said.\n\n"
        "Abernathy disagreed. “That is not a promise anyone can keep,” she said.\n\n"
        "“Then we will stay until it is done,” he replied."
    )
    quotes = quotes_of(nlp, text)
    assert [q.speaker_text for q in quotes] == [
        "Ruth Abernathy",
        "Tom Keller",
        "Abernathy",
        "Tom Keller",
    ]
    assert {q.speaker_how for q in quotes} == {"pronoun"}


def test_gender_evidence_from_courtesy_titles(nlp):
    text = (
        "Mrs. Okafor and Mr. Lindgren lead the two campaigns.\n\n"
        "Ms. Okafor spoke first. “Our numbers are strong,” she said."
    )
    (q,) = quotes_of(nlp, text)
    assert q.speaker_text == "Okafor"


def test_explicit_speaker_after_a_follow_on_quote_wins(nlp):
    text = (
        "“We will appeal,” said Dana Whitcombe, the defence lawyer.\n\n"
        "“The verdict ignores the evidence.”\n\n"
        "“This case is far from over,” said prosecutor Leon Marsh."
    )
    quotes = quotes_of(nlp, text)
    assert [q.speaker_text for q in quotes] == ["Dana Whitcombe", "Dana Whitcombe", "Leon Marsh"]
    assert [q.speaker_how for q in quotes] == ["explicit", "carried over", "explicit"]


def test_carry_over_stops_when_another_person_is_named_between(nlp):
    text = (
        "“We will appeal,” said Dana Whitcombe.\n\n"
        "Judge Arthur Penn adjourned the hearing until May.\n\n"
        "“Nobody expected this outcome.”"
    )
    last = quotes_of(nlp, text)[-1]
    assert last.speaker_text != "Dana Whitcombe"


@pytest.mark.parametrize(
    "verb_text",
    ["interjected", "insists", "wrote", "declared", "advises", "conceded", "warned"],
)
def test_broad_reporting_verbs(nlp, verb_text):
    text = f"“The plan will not survive the winter session,” {verb_text} Maria Castellano."
    (q,) = quotes_of(nlp, text)
    assert q.speaker_text == "Maria Castellano"


def test_inverted_passive_and_according_to(nlp):
    text = (
        "“The fund is empty,” said treasurer Debra Kwan.\n\n"
        "“Repairs will take two years,” according to Paul Ferreira, the city engineer.\n\n"
        "“No decision has been made,” it was stated by Mayor Lina Ortiz."
    )
    found = speakers(nlp, text)
    assert found[:2] == ["Debra Kwan", "Paul Ferreira"]


def test_colon_attribution_with_outlet_and_age(nlp):
    text = (
        "Omar Haddad, Channel Nine: “The bridge was closed for an hour.”\n\n"
        "Haddad, 54, told reporters the traffic had backed up for miles. "
        "“It was chaos,” Haddad, 54, told reporters."
    )
    found = speakers(nlp, text)
    assert found[0] == "Omar Haddad"
    assert found[-1] in ("Haddad", "Omar Haddad")


def test_titles_of_shows_and_handles_are_not_speakers(nlp):
    text = (
        "On “Meet the Voters,” the host asked about taxes. “We will cut them,” "
        "@taxwatch wrote on Tuesday."
    )
    quotes = quotes_of(nlp, text)
    assert quotes  # the quote is found; its speaker is not the show or the handle
    for q in quotes:
        assert q.speaker_text not in ("Meet the Voters", "@taxwatch", "taxwatch")


def figures_of(nlp, text):
    return process_doc(nlp(text), text).figures


def test_figure_sources_keep_their_description_and_name_their_entity(nlp):
    text = (
        "U.S. officials said about 3,000 troops had arrived. Ukrainian intelligence "
        "estimated that 12,000 soldiers were in the area."
    )
    figs = {f.text: f for f in figures_of(nlp, text)}
    first = next(f for t, f in figs.items() if "3,000" in t)
    second = next(f for t, f in figs.items() if "12,000" in t)
    assert first.said_by_description == "U.S. officials"
    assert second.said_by_description == "Ukrainian intelligence"


def test_she_said_after_a_figure_goes_to_the_woman_not_the_last_man_named(nlp):
    text = (
        "Mayor Ingrid Solberg met Fire Chief Karl Voss on Friday. About 40 homes were "
        "destroyed, she said."
    )
    (fig,) = [f for f in figures_of(nlp, text) if "40" in f.text]
    assert fig.said_by_text == "Ingrid Solberg"
    assert fig.said_by_how == "pronoun"


def test_a_figure_inside_a_quote_takes_the_quote_speaker(nlp):
    text = "“We lost more than 200 cattle in the flood,” said farmer Gwen Tally."
    (fig,) = [f for f in figures_of(nlp, text) if "200" in f.text]
    assert fig.said_by_text == "Gwen Tally"


def test_participle_after_a_reported_clause_about_a_thing_goes_to_the_reporter(nlp):
    text = (
        "Chen Ling argued that the shortage is a direct result of the drought, calling it "
        "“a warning we ignored for years.”"
    )
    (q,) = quotes_of(nlp, text)
    assert q.speaker_text == "Chen Ling"
