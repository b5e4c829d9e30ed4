"""lib.nlp.components on the real pipeline: title + name, gazetteer ruler, surnames."""

from __future__ import annotations

import pandas as pd

from tests.helpers import resolve_texts


def entity_of(mentions: pd.DataFrame, doc_id: str, text: str) -> set[str]:
    """Canonical entities of the mentions of ``doc_id`` whose surface text is ``text``."""
    rows = mentions[(mentions["doc_id"] == doc_id) & (mentions["text"] == text)]
    return set(rows["entity"])


def test_title_component_marks_name_after_title(nlp):
    doc = nlp("Interior Minister Tomasz Wrzesniewski said the border was closed.")
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("Tomasz Wrzesniewski", "PERSON") in ents
    assert not any(e.text in ("Interior", "Minister", "Interior Minister") for e in doc.ents)
    doc = nlp("Interior Minister Jean-Luc Mélenchon spoke.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Jean-Luc Mélenchon", "PERSON")]


def test_title_component_leaves_organisations(nlp):
    doc = nlp("The Defense Ministry and the General Assembly met in New York.")
    assert not any(e.label_ == "PERSON" for e in doc.ents)
    doc = nlp("Shares in General Motors rose after Chief Executive Mary Barra spoke.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("General Motors") == "ORG" and "Motors" not in ents
    assert ents.get("Mary Barra") == "PERSON"


def test_ruler_adds_missed_places_but_not_common_words(nlp):
    doc = nlp("Shelling hit Mykolaiv and Kramatorsk overnight.")
    assert ("Kramatorsk", "GPE") in [(e.text, e.label_) for e in doc.ents]
    doc = nlp("Surprise and anger greeted the decision.")
    assert "Surprise" not in [e.text for e in doc.ents]


def test_surname_component_tags_later_surname(nlp):
    doc = nlp("Senator Mark Kelly said the bill would pass. Kelly spoke to reporters.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Mark Kelly", "PERSON"),
        ("Kelly", "PERSON"),
    ]


def test_dateline_caps_and_state_abbreviation(nlp):
    text = "TAMPA, Fla. (AP) — Storm surge flooded parts of Tampa on Thursday."
    m = resolve_texts(nlp, {"wire": text})
    # the dateline's state qualifies the city (issue 23: "Springfield, Ill." is not
    # "Springfield, Mo."); the bare "Tampa" later is the same city
    assert entity_of(m, "wire", "TAMPA") == {"Tampa, Florida"}
    assert entity_of(m, "wire", "Tampa") == {"Tampa, Florida"}
    assert set(m.loc[m["entity"] == "Tampa, Florida", "label"]) == {"GPE"}
    assert entity_of(m, "wire", "Fla") == {"Florida"} or entity_of(m, "wire", "Fla.") == {"Florida"}
