"""lib.nlp.names.clean_entity_text: possessives, titles, non-names (no model)."""

from __future__ import annotations

from lib.nlp.names import clean_entity_text


def test_clean_entity_text():
    assert clean_entity_text(" the  European\nCommission’s ") == "European Commission"
    assert clean_entity_text("Brazil's") == "Brazil"
    assert clean_entity_text("n’t") is None
    assert clean_entity_text("’s") is None
    assert clean_entity_text("  ") is None
