"""One-word names linked to people (``lib/resolve/person_links.py``) on invented mention
tables: the model's tagging is given, the linking rules are the point. Nothing here comes
from the seeds or the development sets."""

from __future__ import annotations

from lib.resolve.entities import resolve_entities
from tests.resolve.test_entities import entity_of, frame


def test_a_company_called_by_its_founders_surname_is_no_person():
    """'Halloran shares fell' in an article that names "Halloran Motors Corp." and no
    Halloran in person is the company, not the corpus's one Ms. Halloran; a man written
    "Vance" beside "Vance Holdings" but tagged a person there stays the person, and so
    does "Kessler told reporters" beside "Kessler Foundation"."""
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
        {"doc_id": "e", "text": "Ilse Kessler", "label": "PERSON"},
        {"doc_id": "e", "text": "Kessler", "label": "PERSON"},
        {"doc_id": "f", "text": "Kessler Foundation", "label": "ORG"},
        {"doc_id": "f", "text": "Kessler", "label": "ORG", "next_word": "told"},
    ]
    m = resolve_entities(frame(rows))
    # "Kessler told reporters" beside "Kessler Foundation", tagged ORG: a reporting verb
    assert entity_of(m, "f", "Kessler") == {"Ilse Kessler"}
    assert entity_of(m, "a", "Halloran") == {"Margaret Halloran"}
    assert "Margaret Halloran" not in entity_of(m, "b", "Halloran")
    assert entity_of(m, "d", "Vance") == {"Carl Vance"}


def test_a_player_typed_as_a_work_is_a_person_when_his_surname_stands_alone():
    """'Nadia Kerrow scored 31 points' typed WORK_OF_ART is a person when the story also
    writes 'Kerrow' alone; a novel called "Harry Potter" with no "Potter" alone, and a
    stadium named after someone, stay things."""
    from lib.resolve.labels import mistyped_people

    records = [
        {"doc_id": "a", "text": "Nadia Kerrow", "label": "WORK_OF_ART"},
        {"doc_id": "b", "text": "Harry Potter", "label": "WORK_OF_ART"},
        {"doc_id": "b", "text": "Nadia Kerrow Arena", "label": "WORK_OF_ART"},
    ]
    texts = {
        "a": "Nadia Kerrow scored 31 points. Kerrow, who grew up nearby, was booed.",
        "b": "Fans of Harry Potter queued outside Nadia Kerrow Arena for Harry Potter night.",
    }
    assert mistyped_people(records, texts) == {"Nadia Kerrow"}
    assert mistyped_people(records, {"a": texts["a"].replace("Kerrow,", "She")}) == set()


def test_a_name_typed_as_a_work_and_linked_from_its_surname_is_labelled_a_person():
    rows = [
        {"doc_id": "a", "text": "Nadia Kerrow", "label": "WORK_OF_ART"},
        {"doc_id": "a", "text": "Kerrow", "label": "PERSON"},
        {"doc_id": "b", "text": "Nadia Kerrow", "label": "WORK_OF_ART"},
        {"doc_id": "c", "text": "Harry Potter", "label": "WORK_OF_ART"},
    ]
    m = resolve_entities(frame(rows))
    labels = dict(zip(m["entity"], m["label"], strict=True))
    assert labels["Nadia Kerrow"] == "PERSON"
    assert entity_of(m, "a", "Kerrow") == {"Nadia Kerrow"}
    assert labels["Harry Potter"] == "WORK_OF_ART"


def test_a_family_surname_names_the_member_the_article_calls_so_unless_a_cue_says_other():
    """An article names Walter Roe, then his daughter Jane Roe: its first bare "Roe" is the
    member named in full last before it outside quotations (Jane), and so are its later
    ones (a writer who calls one Roe "Roe" names the other in full), except where a "he"
    follows in the sentence, a "Mr." stands before it or a job title fits one member only;
    a "Roe" before both names (a headline) is left to nobody. In another article whose
    first bare "Roe" follows Jane Roe, a quoted "Walter Roe" does not take it."""
    rows = [
        {"doc_id": "a", "text": "Roe", "label": "PERSON"},  # a headline
        {"doc_id": "a", "text": "Walter Roe", "label": "PERSON", "role": "governor"},
        {"doc_id": "a", "text": "Jane Roe", "label": "PERSON", "role": "lawyer"},
        {"doc_id": "a", "text": "Roe", "label": "PERSON", "next_word": "said"},
        {"doc_id": "a", "text": "Roe", "label": "PERSON", "pronoun": "m"},
        {"doc_id": "a", "text": "Roe", "label": "PERSON", "honorific": "m"},
        {"doc_id": "a", "text": "Roe", "label": "PERSON", "cue": "title", "role": "governor"},
        {"doc_id": "a", "text": "Roe", "label": "PERSON", "next_word": "added"},
        {"doc_id": "b", "text": "Jane Roe", "label": "PERSON"},
        {"doc_id": "b", "text": "Walter Roe", "label": "PERSON", "quoted": True},
        {"doc_id": "b", "text": "Roe", "label": "PERSON", "next_word": "added"},
    ]
    m = resolve_entities(frame(rows))
    got = list(m.loc[(m["doc_id"] == "a") & (m["text"] == "Roe"), "entity"])
    want = ["Roe", "Jane Roe", "Walter Roe", "Walter Roe", "Walter Roe", "Jane Roe"]
    assert got == want
    assert entity_of(m, "b", "Roe") == {"Jane Roe"}


def test_a_surname_an_article_gives_one_person_is_unchanged_by_family_rules():
    """One Roe in the article: every bare "Roe" is that person, whatever pronoun follows."""
    rows = [
        {"doc_id": "a", "text": "Walter Roe", "label": "PERSON"},
        {"doc_id": "a", "text": "Roe", "label": "PERSON", "pronoun": "f"},
        {"doc_id": "b", "text": "Jane Roe", "label": "PERSON"},
        {"doc_id": "b", "text": "Roe", "label": "PERSON"},
    ]
    m = resolve_entities(frame(rows))
    assert entity_of(m, "a", "Roe") == {"Walter Roe"}
    assert entity_of(m, "b", "Roe") == {"Jane Roe"}
