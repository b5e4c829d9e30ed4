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


def test_components_declare_what_they_require_and_assign(nlp):
    """Every project component declares ``assigns`` (and ``requires``), and spaCy's own
    pipeline analysis finds nothing missing but ``token.pos``: the model's
    ``attribute_ruler`` sets it without declaring it."""
    assert nlp.get_pipe_meta("attribute_ruler").assigns == []  # the model's, as shipped
    problems = nlp.analyze_pipes()["problems"]
    assert all(set(missing) <= {"token.pos"} for missing in problems.values()), problems
    ours = [n for n in nlp.pipe_names if n.startswith("coverage_") or n == "paragraph_breaks"]
    assert len(ours) == 7
    for name in ours:
        meta = nlp.get_pipe_meta(name)
        assert meta.assigns, name
    assert "doc.ents" in nlp.get_pipe_meta("coverage_surname_person").requires


def test_attached_data_uses_registered_extensions(nlp):
    from spacy.tokens import Doc

    from lib.extract.document import process_doc
    from lib.nlp.index import EXTENSIONS

    text = "Officials said 40 people were evacuated. The mayor, Jane Roe, said 3 roads closed."
    doc = nlp(text)
    process_doc(doc, text)
    assert all(Doc.has_extension(name) for name in EXTENSIONS)
    assert doc._.coverage_text == text and doc._.coverage_ents is not None
    assert not [k for k in doc.user_data if isinstance(k, str)]  # no private dict keys


APPOSED = "A spokesman for the Harbour Workers Union, Brad Fieldhouse, said the strike would go on."


def test_a_name_in_apposition_to_a_spokesman_is_a_person(nlp):
    """The model reads "Brad Fieldhouse" as an organisation; set beside "a spokesman" and
    starting with a given name, it is a person."""
    ents = {e.text: e.label_ for e in nlp(APPOSED).ents}
    assert ents["Brad Fieldhouse"] == "PERSON"
    assert ents["the Harbour Workers Union"] == "ORG"


def test_without_the_apposition_rule_the_model_calls_him_an_organisation(nlp, monkeypatch):
    import lib.nlp.components as components

    monkeypatch.setattr(components, "_apposed_to_a_person", lambda doc: [])
    ents = {e.text: e.label_ for e in nlp(APPOSED).ents}
    assert ents["Brad Fieldhouse"] == "ORG"


def test_an_all_capitals_dateline_stays_in_its_sentence(nlp):
    doc = nlp("Title\n\nBRELLIN, Ostvaria — The central bank raised rates to 4 percent today.")
    starts = [s[0].text for s in doc.sents]
    assert starts == ["Title", "BRELLIN"]  # no sentence starts at the comma


def test_a_rare_given_name_the_model_left_out_joins_the_surname_beside_a_role(nlp):
    """The model tags only the surname, as an organisation, when the given name is rare;
    with a job in apposition after it, the untagged given name before it and the surname
    are one person. A thing named after someone ("The Kettleby Trust, a charity") and a
    place stay what they are."""
    from spacy.tokens import Span

    from lib.nlp.components import title_person

    doc = nlp("Zorvan Kettleby, the chairman of the Harbor Party, said the vote was fair.")
    doc.ents = [Span(doc, 1, 2, label="ORG")]  # as the model tags a rare given name's
    ents = {e.text: e.label_ for e in title_person(doc).ents}
    assert ents == {"Zorvan Kettleby": "PERSON"}
    doc = nlp("Zorvan Kettleby said the vote was fair.")
    doc.ents = [Span(doc, 1, 2, label="ORG")]  # no word for a person beside it: not enough
    assert {e.text: e.label_ for e in title_person(doc).ents} == {"Kettleby": "ORG"}
    trust = nlp("The Kettleby Trust, a charity, said no.")
    assert not any(e.label_ == "PERSON" for e in trust.ents)
    doc = nlp("Lake Kettleby, a reservoir, froze.")
    doc.ents = [Span(doc, 1, 2, label="GPE")]
    assert {e.text: e.label_ for e in title_person(doc).ents} == {"Kettleby": "GPE"}


def test_a_name_written_as_a_web_address_is_an_organisation(nlp):
    """The model reads "Quillby.org" as a number or misses it; a capitalised one-token web
    address is an organisation (its bare name is the same one: short_forms.WEB_DOMAIN)."""
    from spacy.tokens import Span

    from lib.nlp.components import web_names

    doc = nlp("Liberal groups such as Quillby.org urged members to call.")
    doc.ents = [Span(doc, 4, 5, label="CARDINAL")]  # as the model tags it
    assert {e.text: e.label_ for e in web_names(doc).ents} == {"Quillby.org": "ORG"}
    doc = nlp("Liberal groups such as Quillby.org urged members to call.")
    doc.ents = []
    assert {e.text: e.label_ for e in web_names(doc).ents} == {"Quillby.org": "ORG"}
    plain = nlp("Read more at www.example.com or call 3.com now.")
    assert not any(e.label_ == "ORG" for e in web_names(plain).ents)


def test_a_one_word_person_owning_a_person_named_in_full_is_their_employer(nlp):
    """ "Brightcart's Dana Holt": the model types the company PERSON; a one-word owner of a
    person named in full is an organisation, unless the document names a person by it
    elsewhere ("Mayor Roe … Roe's Ann Holt": his aide) or it is a given name."""
    from spacy.tokens import Span

    from lib.nlp.components import owner_org

    def typed(text, *spans):
        doc = nlp(text)
        doc.ents = [Span(doc, s, e, label="PERSON") for s, e in spans]
        return {e.text: e.label_ for e in owner_org(doc).ents}

    assert typed("Brightcart's Dana Holt canceled events.", (0, 1), (2, 4)) == {
        "Brightcart": "ORG", "Dana Holt": "PERSON"}  # fmt: skip
    assert typed("Brightcart's CEO Dana Holt said no.", (0, 1), (3, 5))["Brightcart"] == "ORG"
    aide = typed("Mayor Roe spoke. Roe's Ann Holt said no.", (1, 2), (4, 5), (6, 8))
    assert aide["Roe"] == "PERSON"
    assert typed("Mary's Ann Holt said no.", (0, 1), (2, 4))["Mary"] == "PERSON"
    assert typed("Brightcart's office said no.", (0, 1)) == {"Brightcart": "PERSON"}


def test_a_clear_given_name_the_model_left_out_before_a_tagged_name_joins_it(nlp):
    """ "Marta Oyelaran Bede" with only "Oyelaran Bede" tagged: the untagged clear given
    name before it is part of the person; a title, a month or a longer run of capitals
    is not."""
    from spacy.tokens import Span

    from lib.nlp.components import title_person

    def tagged(text, start, end):
        doc = nlp(text)
        doc.ents = [Span(doc, start, end, label="PERSON")]
        return [e.text for e in title_person(doc).ents if e.label_ == "PERSON"]

    assert tagged("Earlier, Marta Oyelaran Bede said no.", 3, 5) == ["Marta Oyelaran Bede"]
    assert tagged("Saint Marta Oyelaran Bede said no.", 2, 4) == ["Oyelaran Bede"]
    assert tagged("He met Oyelaran Bede.", 2, 4) == ["Oyelaran Bede"]
