"""A reporting verb in the quote's own sentence that the parse did not link to the quote
(:func:`lib.nlp.around.region_verb`). Every passage is invented."""

from __future__ import annotations

from lib.nlp import around
from tests.helpers import quotes_in_text, speaker_of

STAFFER = (
    'Budget talks stall\n\nThe talks went late into the night. "Will she be the next budget '
    'chief?" a Republican staffer in the hallway wondered.'
)
INVERTED = (
    'Budget talks stall\n\n"I am not going to call it a failure, so forget about it," said '
    "retired surgeon Paul Adeyemi, asked about his claims that the plan had been rejected before."
)


def test_a_described_person_after_a_question_is_the_speaker(nlp):
    (q,) = quotes_in_text(nlp, STAFFER)
    assert speaker_of(q) == "a Republican staffer"
    assert q.speaker_how == "explicit"


def test_said_then_a_name_with_a_long_participle_tail(nlp):
    (q,) = quotes_in_text(nlp, INVERTED)
    assert speaker_of(q) == "Paul Adeyemi"


def test_the_rule_is_what_finds_them(nlp, monkeypatch):
    """Without the last-resort reading these quotes have no speaker (the test above is
    not passing for another reason)."""
    monkeypatch.setattr(around, "region_verb", lambda *a: None)
    assert [speaker_of(q) for q in quotes_in_text(nlp, STAFFER)] == [""]
    assert [speaker_of(q) for q in quotes_in_text(nlp, INVERTED)] == [""]


def test_a_thing_that_wonders_is_no_speaker(nlp):
    text = (
        'Budget talks stall\n\nThe talks went late into the night. "Will she be the next '
        'budget chief?" the headline of the evening paper wondered.'
    )
    assert [speaker_of(q) for q in quotes_in_text(nlp, text)] == [""]


def test_person_nouns_are_people_and_things_are_not(nlp):
    doc = nlp("The staffers, the witness, the mayor, the issue and the headline.")
    people = {t.text for t in doc if t.pos_ == "NOUN" and around._person(t)}
    assert {"staffers", "witness", "mayor"} <= people
    assert not {"issue", "headline"} & people


TOLD = (
    "Talks stall\n\n\u201cWe were badly wrong not to have confronted him from the very "
    "beginning,\u201d Ana Ramirez, 58, told AFP in an interview in Lisbon on Monday."
)


def _without_subjects(monkeypatch):
    """The parse of some real sentences leaves the reporting verb without a subject."""
    from lib.nlp.attribution import Attributor

    monkeypatch.setattr(Attributor, "subject_of", lambda self, verb: None)


def test_a_name_right_after_the_quote_speaks_when_the_verb_lost_its_subject(nlp, monkeypatch):
    _without_subjects(monkeypatch)
    (q,) = quotes_in_text(nlp, TOLD)
    assert "Ramirez" in speaker_of(q)


def test_told_someone_is_never_the_speaker(nlp, monkeypatch):
    """ "“…,” told AFP" is not an inversion: AFP was told, it did not speak."""
    _without_subjects(monkeypatch)
    monkeypatch.setattr(around, "_name_after", lambda *a: None)
    (q,) = quotes_in_text(nlp, TOLD)
    assert speaker_of(q) != "AFP"


def test_a_paragraph_ending_in_a_colon_introduces_the_quote_below(nlp):
    text = (
        "Debate night\n\nWhen the moderators pressed him on taxes, Senator Dale Okonkwo "
        "turned on them:\n\n\u201cThe questions asked tonight show exactly why nobody trusts "
        "this kind of debate any more.\u201d"
    )
    (q,) = quotes_in_text(nlp, text)
    assert "Okonkwo" in speaker_of(q)


def test_a_paragraph_without_a_colon_introduces_nothing(nlp):
    text = (
        "Debate night\n\nSenator Dale Okonkwo spoke about taxes for ten minutes.\n\n\u201cThe "
        "questions asked tonight show exactly why nobody trusts this kind of debate any "
        "more.\u201d"
    )
    (q,) = quotes_in_text(nlp, text)
    assert speaker_of(q) == ""
