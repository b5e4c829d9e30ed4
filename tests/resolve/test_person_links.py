"""One-word names linked to people (``lib/resolve/person_links.py``) on invented mention
tables: the model's tagging is given, the linking rules are the point. Nothing here comes
from the seeds or the development sets."""

from __future__ import annotations

from lib.resolve.entities import resolve_entities
from tests.resolve.test_entities import entity_of, frame


def test_a_company_called_by_its_founders_surname_is_no_person():
    """'Halloran shares fell' in an article that names "Halloran Motors Corp." and no
    Halloran in person is the company, not the corpus's one Ms. Halloran; a man written
    "Vance" beside "Vance Holdings" but tagged a person there stays the person."""
    rows = [
        {"doc_id": "a", "text": "Margaret Halloran", "label": "PERSON"},
        {"doc_id": "a", "text": "Halloran", "label": "PERSON", "honorific": "f"},
        {"doc_id": "a", "text": "Halloran", "label": "PERSON"},
        {"doc_id": "b", "text": "Halloran Motors Corp.", "label": "ORG"},
        {"doc_id": "b", "text": "Halloran", "label": "GPE"},
        {"doc_id": "b", "text": "Halloran", "label": "ORG"},
        {"doc_id": "c", "text": "Carl Vance", "label": "PERSON"},
        {"doc_id": "d", "text": "Vance Holdings", "label": "ORG"},
        {"doc_id": "d", "text": "Vance", "label": "PERSON"},
    ]
    m = resolve_entities(frame(rows))
    assert entity_of(m, "a", "Halloran") == {"Margaret Halloran"}
    assert "Margaret Halloran" not in entity_of(m, "b", "Halloran")
    assert entity_of(m, "d", "Vance") == {"Carl Vance"}
