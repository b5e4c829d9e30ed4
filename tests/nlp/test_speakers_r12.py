"""He/she speakers, round 12 (issue 23, class 7): what the pronoun ranker of
``lib/nlp/antecedents.py`` reads about each person named before a he/she. Every passage is
invented."""

from __future__ import annotations

from lib.extract.quotes import attributor_for, extract_quotes
from lib.nlp import antecedents
from lib.nlp.headline import title_end
from lib.nlp.people import vocab


def _context(nlp, text: str):
    doc = nlp(text)
    doc.user_data["text"] = text
    att = attributor_for(doc)
    extract_quotes(doc, att)
    return antecedents.Context(att, title_end(text)), att


def _mention(att, name: str):
    return next(e for e in att.people.mentions if e.text == name)


def test_a_reporting_verb_without_its_own_subject_reports_for_the_main_subject(nlp):
    """ "Roe defended the plan, saying …" and "Roe voted early and says …": Roe reports."""
    reporting = vocab()["reporting_verbs"]
    for text in (
        "Mara Quell defended the budget on Monday, saying the cuts were fair.",
        "Mara Quell voted early in Dunmore and says the line was short.",
    ):
        _ctx, att = _context(nlp, text)
        assert antecedents._reporting_subject(_mention(att, "Mara Quell"), reporting), text
    _ctx, att = _context(nlp, "Mara Quell left the hall on Monday, carrying two boxes of files.")
    assert not antecedents._reporting_subject(_mention(att, "Mara Quell"), reporting)
