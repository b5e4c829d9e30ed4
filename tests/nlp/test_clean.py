"""lib.nlp.names.clean_entity_text: possessives, titles, non-names (no model)."""

from __future__ import annotations

from lib.nlp.names import clean_entity_text


def test_clean_entity_text():
    assert clean_entity_text(" the  European\nCommission’s ") == "European Commission"
    assert clean_entity_text("Brazil's") == "Brazil"
    assert clean_entity_text("n’t") is None
    assert clean_entity_text("’s") is None
    assert clean_entity_text("  ") is None


def test_a_person_never_starts_with_a_preposition_or_conjunction():
    """Title-case headlines ("Pressure on Roe Over Budget Comments") lead the model to tag
    "Over Budget" as a person; no person's name starts with such a word."""
    assert clean_entity_text("Over Afghanistan", "PERSON") is None
    assert clean_entity_text("After Dana Roe", "PERSON") is None
    assert clean_entity_text("Sen. Dana Roe", "PERSON") == "Dana Roe"
    assert clean_entity_text("Will Oberman", "PERSON") == "Will Oberman"
    assert clean_entity_text("Under Armour", "ORG") == "Under Armour"


def test_a_dash_glued_to_a_name_ends_it():
    """ "Iowa winner Tomas Brandt—35 to 12 percent—because …": the tagger's span runs into
    the figure after an em dash written without spaces; the name is "Tomas Brandt" (before:
    a row "Tomas Brandt—35"). A hyphen or an en dash inside a name stays."""
    assert clean_entity_text("Tomas Brandt—35", "PERSON") == "Tomas Brandt"
    assert clean_entity_text("Lena Roe–who", "PERSON") == "Lena Roe"
    assert clean_entity_text("Ruiz–Garcia", "PERSON") == "Ruiz–Garcia"
    assert clean_entity_text("Ruiz-Garcia Foods", "ORG") == "Ruiz-Garcia Foods"


def test_a_social_handle_anywhere_in_a_span_is_no_name():
    for text in ("@anaruiz", "Twitter @AnaRuiz", "Ana Ruiz @anaruiz"):
        assert clean_entity_text(text, "PERSON") is None, text
    assert clean_entity_text("Ana Ruiz", "PERSON") == "Ana Ruiz"
