"""Places written short within a story (``lib/resolve/entities.py`` ``fold_bare_places``,
``lib/nlp/gazetteer.py``) on invented mention tables. Nothing here comes from the seeds or
the development sets."""

from __future__ import annotations

from lib.resolve.entities import resolve_entities
from tests.resolve.test_entities import entity_of, frame


def test_a_city_named_the_something_is_found_without_its_article():
    """In "talks in the Hague" the model tags "Hague", which is The Hague; "Hague said"
    (no "the" before it) stays a name of its own, here a person's."""
    rows = [
        {"doc_id": "a", "text": "Hague", "label": "GPE", "prev_word": "the"},
        {"doc_id": "b", "text": "Edwin Hague", "label": "PERSON"},
        {"doc_id": "b", "text": "Hague", "label": "PERSON", "next_word": "said"},
    ]
    m = resolve_entities(frame(rows))
    assert entity_of(m, "a", "Hague") == {"The Hague"}
    assert entity_of(m, "b", "Hague") == {"Edwin Hague"}


def test_a_country_without_its_compass_word_is_the_storys_one_such_country():
    """The story's "Korea knows hunger" beside "South Korea" is South Korea; beside both Koreas it
    stays apart; a known place ("Sudan" beside "South Sudan") is its own place."""
    rows = [
        {"doc_id": "a", "text": "South Korea", "label": "GPE"},
        {"doc_id": "b", "text": "Korea", "label": "GPE"},
        {"doc_id": "b", "text": "South Sudan", "label": "GPE"},
        {"doc_id": "b", "text": "Sudan", "label": "GPE"},
    ]
    m = resolve_entities(frame(rows))
    assert entity_of(m, "b", "Korea") == {"South Korea"}
    assert entity_of(m, "b", "Sudan") == {"Sudan"}
    both = rows + [{"doc_id": "c", "text": "North Korea", "label": "GPE"}]
    assert entity_of(resolve_entities(frame(both)), "b", "Korea") == {"Korea"}


def test_a_town_its_state_names_is_a_place_however_the_model_typed_it():
    """ "rolled into Tamsworth, Fla., for a rally" ... "the Tamsworth rally": the model types
    the town an organisation more often than a place; named with its state, it is a place."""
    rows = [
        {"doc_id": "a", "text": "Tamsworth", "label": "GPE", "expansion": "Tamsworth, Florida"},
        {"doc_id": "a", "text": "Tamsworth", "label": "ORG"},
        {"doc_id": "a", "text": "Tamsworth", "label": "ORG"},
        {"doc_id": "a", "text": "Tamsworth", "label": "ORG"},
    ]
    m = resolve_entities(frame(rows))
    assert set(m["entity"]) == {"Tamsworth, Florida"}
    assert set(m["label"]) == {"GPE"}


def test_a_state_by_its_nickname_is_the_state():
    """ "voters in the Pelican State" in one outlet, "Louisiana" in another: one place
    (``lib/data/aliases.csv``), however the model typed the nickname; a nickname that names
    something else too ("Evergreen State" is also a college) is left alone."""
    rows = [
        {"doc_id": "a", "text": "Pelican State", "label": "ORG"},
        {"doc_id": "b", "text": "Louisiana", "label": "GPE"},
        {"doc_id": "b", "text": "Beehive State", "label": "GPE"},
        {"doc_id": "c", "text": "Evergreen State", "label": "ORG"},
    ]
    m = resolve_entities(frame(rows))
    assert entity_of(m, "a", "Pelican State") == {"Louisiana"}
    assert entity_of(m, "b", "Beehive State") == {"Utah"}
    assert set(m.loc[m["entity"] == "Louisiana", "label"]) == {"GPE"}
    assert entity_of(m, "c", "Evergreen State") == {"Evergreen State"}
