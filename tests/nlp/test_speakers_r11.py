"""Speakers of round 11 (issue 23, class 7): a quote that opens a new sentence, the tag
right after a quote, a colon tag that introduces the next quote, words reported inside
another's reported clause, posts, captions and signs, and described sources with their
"to" phrase or a name after a comma. Every passage is invented."""

from __future__ import annotations

import pytest

from tests.helpers import quotes_in_text, speaker_of

TITLE = "Mill town worries\n\n"

#: Round 11 tried "a participle or second reporting verb after a reported clause is the
#: reporter's" (tune named +, check named 0.930 -> 0.927, one quote): reverted, kept as a class.
REPORTED_CLAUSE = pytest.mark.xfail(
    strict=True, reason="reverted: the reported-clause rule lowered PolNeAR check named"
)


def _speakers(nlp, body: str) -> list[str]:
    return [speaker_of(q) for q in quotes_in_text(nlp, TITLE + body)]


def test_a_quote_opening_a_new_sentence_takes_nothing_from_the_sentence_before(nlp):
    """The parser hangs a '' opening mark on the sentence before; that sentence's relative
    clause ("who has advised …") is no tag of the new quote, which continues the speaker."""
    body = (
        "''The town has changed since the 1990s,'' said Ruth P. Okafor, a professor of "
        "history at Brantley College and a former chair of Mr. Lindqvist's Council of "
        "Local Advisers who has advised Mrs. Halvorsen. ''She would recommend policies "
        "that would strengthen the town.''"
    )
    speakers = _speakers(nlp, body)
    assert speakers == ["Ruth P. Okafor", "Ruth P. Okafor"]


def test_the_tag_right_after_a_question_names_its_speaker(nlp):
    body = (
        "If the mill is indeed closing — as many workers believe, and the union is "
        "alleging, but Harlow Steel firmly denies — “why wouldn’t you want to ask about "
        "it?” asked Delacroix, now a partner at a law firm. “I think it’s only prudent.”"
    )
    assert _speakers(nlp, body) == ["Delacroix", "Delacroix"]


def test_a_colon_tag_introduces_the_next_quote_not_the_one_before(nlp):
    body = (
        "Farmers in the valley are worried. “We are refugees,” Ms. Okonjo said. “We are "
        "not thieves.” Mr. Varga said: “The storm that came today is the work of nature.”"
    )
    assert _speakers(nlp, body) == ["Okonjo", "Okonjo", "Varga"]


@REPORTED_CLAUSE
def test_adding_after_a_reported_clause_is_the_reporters(nlp):
    body = (
        "Senator Brandt told the Ledger that Governor Halvorsen “had a crazy plan for the "
        "budget which was reckless,” adding, “She lost the farm vote and she lost the city "
        "vote.”"
    )
    assert _speakers(nlp, body) == ["Brandt", "Brandt"]


@REPORTED_CLAUSE
def test_saying_after_a_reported_clause_is_the_reporters(nlp):
    body = (
        "Even a top party strategist said Halvorsen will have to choose a side soon, "
        "saying, “At some point, she is going to have to tell voters where she stands on "
        "the levy.”"
    )
    assert _speakers(nlp, body) == ["a top party strategist"]


def test_a_second_said_joined_to_a_reported_clause_is_the_first_sayers(nlp):
    """Round 13: kept for a reported clause about a thing ("the decision was made"), see
    ``Subjects._reporter_of_reported``; a person as that clause's subject still xfails above."""
    body = (
        "Mayor Okafor said the decision was made by the police chief and said, “Who are "
        "you going to trust on keeping people safe?”"
    )
    assert _speakers(nlp, body) == ["Okafor"]


def test_a_message_posted_on_a_platform_is_the_posters(nlp):
    body = "Okafor posted a message on Twitter reading “Thank you, Ohio, for a wonderful night.”"
    assert _speakers(nlp, body) == ["Okafor"]


def test_a_caption_or_a_sign_speaks_for_who_wrote_or_held_it(nlp):
    caption = "Lindqvist added the caption which reads, “My team is ready for the fight ahead.”"
    sign = "At the rally, 14-year-old Mara Doyle hoisted a sign that read “Vote No on the levy!”"
    assert _speakers(nlp, caption) == ["Lindqvist"]
    assert _speakers(nlp, sign) == ["Mara Doyle"]


def test_a_described_source_keeps_its_to_phrase_not_its_clause(nlp):
    adviser = (
        "“We have a lot of work to do,” said a longtime adviser to the governor, who asked "
        "not to be named."
    )
    aide = "“It was a long night,” said the former top aide to President Lena Halvorsen."
    assert _speakers(nlp, adviser) == ["a longtime adviser to the governor"]
    assert _speakers(nlp, aide) == ["the former top aide to President Lena Halvorsen"]


def test_a_letter_to_someone_is_not_from_them(nlp):
    """The "to" phrase is kept only after a noun for people: a letter to the council is
    the letter's, and the council did not write it."""
    body = "“The plan is reckless,” a letter to the town council said."
    assert _speakers(nlp, body) == ["a letter"]


def test_a_person_noun_then_a_name_after_a_comma_is_that_person(nlp):
    body = "“It was fine,” said his best friend at Calder College, Rob Tierney, who remembered it."
    assert _speakers(nlp, body) == ["Rob Tierney"]


def test_inverted_tags_of_less_common_verbs(nlp):
    """ "…," exhorted X / remembered X / mused X: journalese inverts these too."""
    exhorted = (
        "“It's about time that we had a woman running this town,” exhorted the mayor's "
        "introducer, actress Jamie Lee Okafor."
    )
    remembered = (
        "“An awful lot of analysts said no, and she took it upon herself to prove them "
        "wrong,” remembered Roy Verley, the firm's former chief spokesman."
    )
    mused = "“Imagine a mill owner going up against both of them,” mused radio host Stu Brennan."
    assert _speakers(nlp, exhorted) == ["Jamie Lee Okafor"]
    assert _speakers(nlp, remembered) == ["Roy Verley"]
    assert _speakers(nlp, mused) == ["Stu Brennan"]


def test_a_person_described_by_age_alone_is_a_source(nlp):
    body = "“She is, and always has been, an amazing leader,” said the 46-year-old."
    assert _speakers(nlp, body) == ["the 46-year-old"]


def test_a_new_sentence_quote_continues_its_speaker_named_in_the_tag_before(nlp):
    """The quote before was tagged "Ms. Okafor noted" in a sentence of its own: she is no
    one new, so the next quote (opening a new sentence) is still hers."""
    body = (
        "''There was a backlash against 'Primates of Main Street,'  '' Ms. Okafor noted, "
        "referring to a tongue-in-cheek memoir by Wednesday Lindqvist about trying to fit in "
        "on the Upper East Side. ''That suggests to me that in the current climate, this "
        "might not have many followers.''"
    )
    assert _speakers(nlp, body) == ["Okafor", "Okafor"]


def test_a_tag_after_does_not_take_a_quote_its_intro_gave(nlp):
    """ "X asked, “…?” Y then writes back, “…”": the intro is the speaker; the words after
    open the reply. "“…,” promising …" is no tag of another speaker either."""
    reply = (
        "Halvorsen responds to Brandt with, “Why now? That was on my way to Lisbon?” Brandt "
        "then writes back, “You look cute.”"
    )
    promising = (
        "Brandt said the members will still meet for drinks, but said, “It’s time we change "
        "how we do it,” promising the Friends of Calder will return to its roots."
    )
    told = (
        "In June, Okafor emailed her, telling her, “you are an all-star player and we need "
        "you for the long run!” She replied to him that it was an honor to serve."
    )
    assert _speakers(nlp, reply) == ["Halvorsen", "Brandt"]
    assert _speakers(nlp, promising) == ["Brandt"]
    assert _speakers(nlp, told) == ["Okafor"]


def test_said_then_a_plain_described_person_the_parse_hung_elsewhere(nlp):
    """ "“…,” said the woman, who …": the parser makes "the woman" the subject of the
    clause after it; the words right after an inverted "said" still name the speaker."""
    body = (
        "“One guy came in and said maybe we should start killing them if they are killing "
        "us,” said the woman, who like many in the town did not want to be quoted by name."
    )
    assert _speakers(nlp, body) == ["the woman"]
