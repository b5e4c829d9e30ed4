"""A named speaker where the reporting clause names them indirectly: a name in apposition
to a common noun, the holder of a "claim"/"statement" whose clause holds the quote, and the
writer of a message sent "to" others. Every passage is invented; each rule is shown to be
what finds its speaker."""

from __future__ import annotations

import pytest

from lib.nlp import around, clauses, subjects
from lib.nlp.attribution import Attributor
from tests.helpers import quotes_in_text, speaker_of

APPOSED = (
    "Port dispute deepens\n\n"
    "Another prominent critic, Dana Whitcombe, told the Coastal Ledger that the plan was "
    '"reckless and late."\n\n'
    'The harbour is "a place of hope," the mayor, Ana Ruiz, said.'
)
CLAIM = (
    "Port dispute deepens\n\n"
    "Councillors pressed the port chief Tomas Berring on Sunday over his claim that the "
    'harbour is "a lost cause" and may not be saved.'
)
SENDER = (
    "Port dispute deepens\n\n"
    "Tomas Berring sent a note to NPA members saying the changes would "
    '"clear up any confusion" about the plan.'
)


def test_a_name_in_apposition_is_the_speaker(nlp):
    assert [speaker_of(q) for q in quotes_in_text(nlp, APPOSED)] == [
        "Dana Whitcombe",
        "Ana Ruiz",
    ]


def test_the_phrase_as_written_is_kept_beside_the_apposed_name(nlp):
    quotes = quotes_in_text(nlp, APPOSED)
    assert quotes[1].speaker_written == "the mayor"


def test_without_the_apposition_rule_the_names_are_lost(nlp, monkeypatch):
    monkeypatch.setattr(Attributor, "_apposed_name", lambda self, subj: None)
    assert [speaker_of(q) for q in quotes_in_text(nlp, APPOSED)] != [
        "Dana Whitcombe",
        "Ana Ruiz",
    ]


def test_the_holder_of_a_claim_speaks_its_quote(nlp):
    (q,) = quotes_in_text(nlp, CLAIM)
    assert speaker_of(q) == "Tomas Berring"
    assert q.verb == "claim"


def test_without_the_holder_rule_the_described_thing_speaks(nlp, monkeypatch):
    monkeypatch.setattr(clauses, "noun_holder", lambda att, noun: None)
    (q,) = quotes_in_text(nlp, CLAIM)
    assert speaker_of(q) != "Tomas Berring"


def test_a_message_sent_to_others_is_the_senders(nlp):
    (q,) = quotes_in_text(nlp, SENDER)
    assert "Berring" in speaker_of(q)


def test_without_the_sender_rule_the_recipients_speak(nlp, monkeypatch):
    monkeypatch.setattr(subjects, "sender", lambda att, participle: None)
    (q,) = quotes_in_text(nlp, SENDER)
    assert "Berring" not in speaker_of(q)


def test_his_response_after_a_question_is_the_answerers(nlp):
    """The colon line is only the sentence that ends in the colon, even when the sentence
    before ends inside quote marks; "His response:" is the person asked."""
    text = (
        "Port dispute deepens\n\n"
        "Show host Ana Ruiz asked Tom Weller, “You have seen all of this?” His response: "
        "“Well, I have people studying it.”"
    )
    assert [speaker_of(q) for q in quotes_in_text(nlp, text)] == ["Ana Ruiz", "Tom Weller"]


SWITCHED = {
    # "As X put it, “…”": "put it" reports; "put" alone does not.
    "put it": (
        "As Dana Roe, a professor of law at the university, put it, “Senators should "
        "remember that a compromise may be better.”",
        "Dana Roe",
        # the clause before the comma introduces the quote too (round 13): both off
        [(clauses, "_puts_it", lambda tok: False), (around, "leading_clause", lambda a, t: None)],
        "",
    ),
    # "Y was asked by X, “…?”": the agent of a passive verb of addressing asks.
    "asked by": (
        "Tom Weller was asked by host Dana Roe, who backs him, “Now, you said you were "
        "tired of it. Has that changed?”",
        "Dana Roe",
        [(subjects, "asked_by", lambda verb, subject: None)],
        "Tom Weller",
    ),
}


@pytest.mark.parametrize(
    "body, speaker, rule_off, speaker_without", SWITCHED.values(), ids=SWITCHED.keys()
)
def test_idioms_that_name_the_speaker(nlp, monkeypatch, body, speaker, rule_off, speaker_without):
    text = "Port dispute deepens\n\n" + body
    assert [speaker_of(q) for q in quotes_in_text(nlp, text)] == [speaker]
    for off in rule_off:
        monkeypatch.setattr(*off)
    assert [speaker_of(q) for q in quotes_in_text(nlp, text)] == [speaker_without]


FACT_CHECK = (
    "Port dispute deepens\n\n"
    "The claim needs context.\n\n"
    "“Most new income goes to the top 1 percent.”\n\n"
    "- Dana Roe.\n\n"
    "The senator relies on an old figure."
)


def test_a_dash_line_under_a_quote_names_its_speaker(nlp):
    """Fact-check style: the quote is its own paragraph and the next line is "- Name."."""
    assert [speaker_of(q) for q in quotes_in_text(nlp, FACT_CHECK)] == ["Dana Roe"]


def test_a_long_dash_paragraph_is_no_attribution(nlp):
    text = FACT_CHECK.replace(
        "- Dana Roe.", "- and then a long paragraph of text that goes on well past a name line."
    )
    assert [speaker_of(q) for q in quotes_in_text(nlp, text)] == [""]


def test_pressed_reports(nlp):
    text = (
        "Port dispute deepens\n\n“Would it be negotiable?” Dana Roe pressed. “Maybe for a while?”"
    )
    quotes = quotes_in_text(nlp, text)
    assert [speaker_of(q) for q in quotes] == ["Dana Roe", "Dana Roe"]
    assert quotes[0].speaker_how == "explicit"  # a reporting verb, not a name beside it


def test_in_someones_words(nlp, monkeypatch):
    texts = [
        "Port dispute deepens\n\nThe summit moved to the coast because, in Harbour Weekly’s "
        "words, “they are the busiest ports on the planet.”",
        "Port dispute deepens\n\nIn the words of Dana Roe, “this is the end of the line.”",
    ]
    assert [speaker_of(q) for t in texts for q in quotes_in_text(nlp, t)] == [
        "Harbour Weekly",
        "Dana Roe",
    ]
    monkeypatch.setattr(clauses, "_in_words_of", lambda tok: None)
    assert [speaker_of(q) for t in texts for q in quotes_in_text(nlp, t)] != [
        "Harbour Weekly",
        "Dana Roe",
    ]


def test_opined_the_paper(nlp):
    text = "Port dispute deepens\n\n“Owners should stay home,” opined the Harbour Ledger."
    assert [speaker_of(q) for q in quotes_in_text(nlp, text)] == ["Harbour Ledger"]
