"""Speakers of round 13 (issue 23, class 7): a reporting verb the parse joined to a copula
clause about a thing, "his response" after a question put to someone, a pair of modifiers
that opens a described source, and a quote introduced by a clause whose verb reports
nothing. Every passage is invented."""

from __future__ import annotations

import pytest

from tests.helpers import quotes_in_text, speaker_of

TITLE = "Harbour vote\n\n"


def _speakers(nlp, body: str) -> list[str]:
    return [speaker_of(q) for q in quotes_in_text(nlp, TITLE + body)]


def test_a_thing_that_is_something_argues_nothing(nlp):
    """ "The remark was … a speech in which Roe criticized …, but argued “…”": the verb
    continues the relative clause; the remark is no speaker."""
    body = (
        "The remark was an addition to a speech in which Senator Dana Roe criticized the "
        "mayor, but argued “the city has never been safer.”"
    )
    assert _speakers(nlp, body) == ["Dana Roe"]


def test_his_response_is_the_one_asked_not_the_host(nlp):
    """The host's given name fits either sex; "his response" follows a question put to the
    mayor, who answers."""
    for body in (
        "Host Jamie Pike asked Mayor Paul Ostrander about the vote. His response: “We will "
        "not back down.”",
        "Mayor Paul Ostrander was asked by host Jamie Pike about the vote. He replied, “We "
        "will not back down.”",
    ):
        assert _speakers(nlp, body) == ["Paul Ostrander"], body


def test_a_pair_of_modifiers_stays_in_the_described_source(analyse_texts):
    """ "five past and present … senators": the parse hangs "five past" on "after", yet the
    source is written whole, never "present … senators"."""
    text = (
        "Harbour vote\n\nThe governor spoke after five past and present Republican senators "
        "urged Pike to quit. In a statement, they said his stay does not serve “the public "
        "good.”"
    )
    quotes = analyse_texts({"a": text}).quotes
    assert list(quotes["speaker"]) == ["five past and present Republican senators"]


def test_a_clause_that_reports_nothing_still_introduces_its_quote(nlp):
    """ "X reflected on …, “…”" and "X reflected on …. “…”": the person the clause is
    about says the quoted sentence that follows it; a thing as the subject names nobody."""
    assert _speakers(
        nlp,
        "Mayor Tomas Brandt looked back at the storm, “It was the worst night of my life.”",
    ) == ["Tomas Brandt"]
    assert _speakers(
        nlp,
        "Senator Dana Roe reflected on her years in office. “I never thought I would stay "
        "this long.”",
    ) == ["Dana Roe"]
    assert _speakers(
        nlp, "The storm tore through the harbour overnight, “Nobody in the town was ready for it.”"
    ) == [""]


def test_a_quoted_title_opening_a_sentence_is_not_the_speaker(analyse_texts):
    """A column's name in quotation marks opens the sentence: the column's writer speaks
    ("… column by Roe says"); without one the source keeps the title whole, marks and all,
    never half a title ("Harbour Watch” podcast")."""
    texts = {
        "a": "Harbour vote\n\n“Harbour Watch” column by Dana Roe says “the port will flood "
        "within a decade.”",
        "b": "Harbour vote\n\n“Harbour Watch” podcast said on Monday that “the port will "
        "flood within a decade.”",
    }
    quotes = analyse_texts(texts).quotes.set_index("doc_id")
    assert quotes.loc["a", "speaker"] == "Dana Roe"
    assert quotes.loc["b", "speaker"] == "“Harbour Watch” podcast"


def test_a_second_reporting_verb_joined_to_a_reported_thing_is_the_reporters(nlp):
    """ "Okafor said the move was made by … and said, “…”": the parse joins the second
    "said" to "was made", whose subject is a thing; the one who reported speaks."""
    body = (
        "Councilman Dan Okafor said the move was made by the port board and said, “Who are "
        "you going to trust on this?”"
    )
    assert _speakers(nlp, body) == ["Dan Okafor"]


def test_a_participle_before_a_colon_is_the_main_clauses(nlp):
    """ "…, saying in a post on Twitter: “…”" the parse hangs on a clause about a thing
    ("the server had handled …"): the sayer is the main clause's subject, not a person
    named inside that clause."""
    body = (
        "Governor Tomas Brandt spoke in Harwick on Thursday. On Friday, he joined other "
        "Republicans in pouncing on news that Mrs. Halvorsen's private server had handled "
        "secret messages, saying in a post on Twitter: “The new email release is a disaster "
        "for Ada Halvorsen.”"
    )
    assert _speakers(nlp, body) == ["Tomas Brandt"]


def test_a_clause_ending_in_a_colon_before_a_quote_reports(nlp):
    """ "Judge Ostrander saw the words differently: “…,” he said": the judge introduced the
    words, so the he is the judge, not the lawyer who argued before."""
    body = (
        "Defense lawyer Tomas Brandt argued that his client was joking. Judge Paul Ostrander "
        "saw the words differently: “When he says he will shoot, I take that seriously,” he "
        "said."
    )
    assert _speakers(nlp, body) == ["Paul Ostrander"]


@pytest.mark.xfail(
    strict=True,
    reason="reverted: the last-subject rule lifted PolNeAR tune pronoun by one quote and "
    "lowered check (96 -> 95 of 114)",
)
def test_the_subject_of_the_sentence_before_says_the_next_he_said(nlp):
    """A fresh main subject right before "“…,” he said" is the he, not the senator quoted
    a paragraph earlier (of the pronoun's gender, known)."""
    body = (
        "Senator Paul Brandt attacked the harbour plan on Monday. “It is a disaster,” Brandt "
        "said. “Nobody in Harwick wants it.”\n\nGovernor Tomas Ostrander forcefully "
        "differed.\n\n“The plan will save the port and every job in it,” he said."
    )
    assert _speakers(nlp, body)[-1] == "Tomas Ostrander"


def test_a_headline_phrase_is_no_person_and_takes_no_surname(analyse_texts):
    """ "Brandt Wades In" in the headline is no person: the body's bare "Brandt" stays Ada
    Brandt (a she), and a he is never her."""
    text = (
        "Brandt Wades In: Urges Harwick to Keep Its Port.\n\n"
        "Council hopeful Ada Brandt has waded into the port debate, throwing her weight "
        "behind Governor Okafor’s advice that Harwick should keep the port.\n\n"
        "Governor Okafor has endured criticism for telling the voters that they would be "
        "better off keeping the port.\n\n"
        "But Brandt is not one of those critics. Her adviser, Jane Pike, said: “Ada Brandt "
        "believes the port is essential. She has always valued a strong harbour.”\n\n"
        "Okafor leaves the city for the capital today, where thousands of workers will greet "
        "the governor. They will hold banners proclaiming: “Keep our port!”\n\n"
        "Conceding that there would likely be a deal “down the line” he warned: “It is not "
        "going to happen any time soon, because our focus is on the budget.”"
    )
    quotes = analyse_texts({"a": text}).quotes
    said = quotes.loc[quotes["quote"].str.startswith("It is not going"), "speaker"]
    assert list(said) == ["Okafor"]


def test_an_occasion_never_vows(nlp):
    """ "… as the budget committee meeting began vowing to “…”": the parse makes the
    meeting the subject of someone else's vow; an occasion or a time speaks nothing."""
    body = (
        "Senator Dana Roe vowed to stay in the race. She sent out an email as the budget "
        "committee meeting began vowing to “fight for every seat” in the last primary."
    )
    assert "meeting" not in " ".join(_speakers(nlp, body))
