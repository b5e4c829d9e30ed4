"""A US state and its city of one bare name ("New York", "Washington") told apart by the
words around each mention (``lib/extract/state_city.py``, ``lib/resolve/dual_places.py``).
Invented sentences and mention tables; nothing here comes from the seeds or the eval sets."""

from __future__ import annotations

import pytest

from lib.extract.state_city import reading
from lib.resolve.entities import resolve_entities
from tests.resolve.test_entities import entity_of, frame


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Senator Ada Roe of New York voted no.", "New York", "state"),
        ("Rep. Tom Vance (D-Wash.) voted no.", "Wash.", "state"),
        ("Tom Vance, a Washington Democrat, voted no.", "Washington", "state"),
        ("Ferries in upstate New York were late.", "New York", "state"),
        ("Washington Gov. Ada Roe signed it.", "Washington", "state"),
        ("Two New York mayoral hopefuls met.", "New York", "city"),
        ("Ada Roe, New York's mayor's aide, quit.", "New York", "city"),
        ("Mayor Ada de Roe of New York spoke.", "New York", "city"),
        ("She moved to Washington, D.C. in May.", "Washington, D.C.", "city"),
        ("She moved to New York in May.", "New York", ""),
    ],
)
def test_the_words_around_a_bare_name_say_state_or_city(text, name, expected):
    start = text.index(name)
    assert reading(text, start, start + len(name), name) == expected


def test_each_article_reads_its_uncued_mentions_as_its_cued_ones():
    """Story s1: article a names a congressman "(R-N.Y.)" and "New York" uncued (the state);
    article b names "New York City" and "the New York office" (the city): two places.
    Story s2 about Washington state ("Washington Gov. …") reads its uncued "Washington" so;
    story s3's lone "Washington" stays the bare name (the capital, its usual reading)."""
    rows = [
        {"doc_id": "a", "text": "N.Y.", "label": "GPE", "cue": "state", "story_id": "s1"},
        {"doc_id": "a", "text": "New York", "label": "GPE", "story_id": "s1"},
        {"doc_id": "b", "text": "New York City", "label": "GPE", "story_id": "s1"},
        {"doc_id": "b", "text": "New York", "label": "GPE", "story_id": "s1"},
        {"doc_id": "c", "text": "Washington", "label": "GPE", "cue": "state", "story_id": "s2"},
        {"doc_id": "c", "text": "Washington", "label": "GPE", "story_id": "s2"},
        {"doc_id": "d", "text": "Washington", "label": "GPE", "story_id": "s2"},
        {"doc_id": "e", "text": "Washington", "label": "GPE", "story_id": "s3"},
    ]
    m = resolve_entities(frame(rows))
    assert entity_of(m, "a", "New York") == entity_of(m, "a", "N.Y.") == {"New York"}
    assert entity_of(m, "b", "New York") == {"New York City"}
    assert entity_of(m, "c", "Washington") == {"Washington State"}
    assert entity_of(m, "d", "Washington") == {"Washington State"}
    assert entity_of(m, "e", "Washington") == {"Washington"}
