"""Issue 23's classes on one more invented three-outlet event (audit, round 10), through the
real path (files as users upload them -> the corpus loader -> the analysis):

- ``levy_vote``: a school levy vote reported by three outlets whose plain-text files are
  named as scrapers and archives save them, ``<outlet>_<date>_<headline words>.txt``
  (class 8); headlines ending in a full stop that the reader once took for body text
  (class 6): one followed by section labels ("ABSTRACT.", "FULL TEXT.") before its text,
  one in Title Case quoting the person it credits ("‘…,’ Board Chair Tells …"), one with a
  scare quote ("‘historic’"); and a board chair and her father whose given names share
  their first letters ("Paula" and "Paul", class 2's other side: two people, two rows).

The analysis is made once per module (the ``event`` fixture).
"""

from __future__ import annotations

from tests.test_invented_events import (
    _doc,
    _doc_outlets,
    _quote,
    assert_no_quote_from_headlines,
    event,
)

__all__ = ["event"]  # the module-scoped fixture, shared with this module

COURIER = "courier_2024-05-14_levy-heads-to-voters"
LEDGER = "ledger_2024-05-14_board-backs-levy"
VALLEY = "valley-news_2024-05-14_levy-vote"


def test_outlets_named_by_files_saved_as_outlet_date_and_headline_words(event):
    _corpus, analysis = event("levy_vote")
    assert _doc_outlets(analysis) == {COURIER: "courier", LEDGER: "ledger", VALLEY: "valley-news"}


def test_headlines_ending_in_a_full_stop_are_titles_and_give_no_quote(event):
    corpus, _analysis = event("levy_vote")
    assert _doc(corpus, LEDGER).title == "Valemont board backs school levy after long night."
    assert _doc(corpus, COURIER).title.startswith("‘Every Classroom Needs This,’ Board Chair")
    assert _doc(corpus, VALLEY).title == "Board sends ‘historic’ levy to Valemont voters."
    assert_no_quote_from_headlines(event, ["levy_vote"])


def test_a_daughter_and_her_father_are_two_people(event):
    _corpus, analysis = event("levy_vote")
    m = analysis.mentions
    daughter = set(m[m["text"] == "Paula Brandvold"]["entity"])
    father = set(m[m["text"] == "Paul Brandvold"]["entity"])
    assert len(daughter) == 1 and len(father) == 1 and daughter != father
    assert _quote(analysis, LEDGER, "I signed the last levy")["speaker"] == "Paul Brandvold"
    assert _quote(analysis, LEDGER, "eleven years")["speaker"] == "Paula Brandvold"


def test_a_person_is_not_swallowed_by_the_institution_of_their_time(nlp):
    # class 1: "the Halvorsen White House" names the president and the White House; the
    # president's own "Halvorsen said" is hers, not the institution's
    from lib.analysis import analyze
    from lib.corpus.parse import parse_document
    from lib.parsing.local import InProcess

    texts = {
        "wire": "Budget talks stall in Washington.\n\nPresident Dana Halvorsen met senators "
        "on Monday. Officials said Halvorsen wanted a deal by Friday.",
        "paper": "Senators reject spending plan.\n\nSenators rejected the spending plan on "
        "Monday after talks with the Halvorsen White House broke down. Halvorsen said she "
        "was disappointed.",
    }
    docs = [parse_document(k, v, {"outlet": k}) for k, v in texts.items()]
    analysis = analyze(docs, InProcess(nlp), stories=["S1", "S1"])
    m = analysis.mentions
    paper = m[m["doc_id"] == "paper"]
    assert set(paper[paper["text"] == "Halvorsen"]["entity"]) == {"Dana Halvorsen"}
    assert set(paper[paper["label"] == "ORG"]["entity"]) == {"White House"}
    assert "PERSON" not in set(m[m["text"].str.endswith("White House")]["label"])


def test_the_first_word_of_a_named_day_is_no_name(nlp):
    # junk: "Super" of "Super Tuesday" was a place row; a known place before a weekday stays
    from lib.extract.mentions import mention_records

    doc = nlp(
        "Carver won 11 contests in February after Super Tuesday, and Mayor Dana Pell spoke "
        "Monday. Voters in Ohio Tuesday backed Pell."
    )
    texts = {r.text for r in mention_records(doc, [0] * len(doc))}
    assert "Super" not in texts
    assert {"Dana Pell", "Ohio"} <= texts


def test_an_outlet_and_its_reporter_are_two_names(nlp):
    # class 1: "The Daily Times’ Maggie Holloway" was one ORG row swallowing the reporter
    from lib.extract.mentions import mention_records

    doc = nlp(
        "The Daily Times’ Maggie Holloway reported the story. He applied to the Workers’ "
        "Compensation Board."
    )
    found = {(r.text, r.label) for r in mention_records(doc, [0] * len(doc))}
    assert {("Daily Times", "ORG"), ("Maggie Holloway", "PERSON")} <= found
    assert ("Workers’ Compensation Board", "ORG") in found


def test_a_job_title_before_a_name_is_no_part_of_it(nlp):
    # class 2: "Moderator Hugh Halvorsen" was a person row of its own beside "Hugh Halvorsen"
    from lib.extract.mentions import mention_records

    doc = nlp("Moderator Hugh Halvorsen asked Carver about the wall.")
    people = [(r.text, r.role) for r in mention_records(doc, [0] * len(doc)) if r.label == "PERSON"]
    assert ("Hugh Halvorsen", "moderator") in people


def test_a_one_word_name_then_a_possessive_later_in_the_article_is_no_error(nlp):
    # the owner rule once read a one-word name's span to the article's end and failed on it
    from lib.extract.mentions import mention_records

    doc = nlp("Democrats met on Monday. The voters’ anger at the plan was clear, Lena Ortiz said.")
    texts = {r.text for r in mention_records(doc, [0] * len(doc))}
    assert {"Democrats", "Lena Ortiz"} <= texts
