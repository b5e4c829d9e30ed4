"""Organisations split across outlets by the form an outlet writes them in, round 9 of
issue 23: a hyphenated name cut at its first hyphen, a day before a name, an acronym
ending a sentence, dotted initials, initials typed a person, an institution typed a
facility, a committee's formal name. Every article and name is invented."""

from __future__ import annotations

import pandas as pd

from lib.resolve.joined import fit_names
from lib.resolve.propagate import _inside_longer, propagate_names
from lib.resolve.short_forms import fold_short_forms
from tests.resolve.test_org_spans_round9 import _rows, _spans


def _fold(*rows) -> list[str]:
    df = pd.DataFrame(rows, columns=["doc_id", "entity", "label"])
    return fold_short_forms(df, pd.Series("", index=df.index)).tolist()


def test_a_hyphenated_name_cut_at_its_first_hyphen_is_the_whole_name():
    text = "Crowds at Brill-fa-Z stores. Fans of Brill-fa-z, and the Dorvan-Kel Corp. too."
    at = [text.index("Brill"), text.rindex("Brill"), text.index("Dorvan")]
    rows = _rows(
        ("a", at[0], "Brill", "GPE"), ("a", at[1], "Brill", "GPE"), ("a", at[2], "Dorvan", "ORG")
    )
    assert [t for t, _ in _spans(fit_names(rows, {"a": text}), text)] == [
        "Brill-fa-Z",
        "Brill-fa-z",
        "Dorvan",  # another capitalised word follows: "Kel Corp." may be a name of its own
    ]
    # adjectives, people's pairs and two names joined by a hyphen stay as they are
    text = "The Ostrava-era rule, the Holloway-Reyes ticket and the Tarvia-Moskal border."
    rows = _rows(
        *[("a", text.index(n), n, lab) for n, lab in
          [("Ostrava", "GPE"), ("Holloway", "PERSON"), ("Tarvia", "GPE"), ("Moskal", "GPE")]]
    )  # fmt: skip
    assert [t for t, _ in _spans(fit_names(rows, {"a": text}), text)] == [
        "Ostrava",
        "Holloway",
        "Tarvia",
        "Moskal",
    ]
    # a day after the name is no other name
    text = "She backed Brill-fa-Z Wednesday."
    rows = _rows(("a", 11, "Brill", "ORG"))
    assert _spans(fit_names(rows, {"a": text}), text)[0][0] == "Brill-fa-Z"


def test_a_day_before_a_name_is_no_part_of_it():
    text = "He wrote in a Friday Chirper post that Carlos Mendel Foundation paid."
    at = text.index("Chirper")
    assert not _inside_longer(text, at, at + len("Chirper"))
    at = text.index("Mendel")
    assert _inside_longer(text, at, at + len("Mendel"))
    texts = {
        "a": "Posted\n\nThe Harbor Watch group said so on Monday.",
        "b": "Again\n\nIn a Friday Harbor Watch post, it said so.",
    }
    records = [
        {"doc_id": "a", "outlet": "A", "start_char": 12, "end_char": 23,
         "text": "Harbor Watch", "label": "ORG", "sentence_id": 1, "in_title": False},
    ]  # fmt: skip
    sentences = [{"doc_id": d, "sentence_id": 0, "start_char": 0} for d in texts]
    added = propagate_names(records, texts, sentences, dict.fromkeys(texts, ""))
    assert [(r["doc_id"], r["text"]) for r in added] == [("b", "Harbor Watch")]


def test_a_story_acronym_is_found_where_it_ends_a_sentence():
    texts = {
        "a": "Money\n\nThe QRNC raised money on Monday.",
        "b": "More money\n\nThe money went to the QRNC. It said so.",
    }
    records = [
        {"doc_id": "a", "outlet": "A", "start_char": 11, "end_char": 15,
         "text": "QRNC", "label": "ORG", "sentence_id": 1, "in_title": False},
    ]  # fmt: skip
    sentences = [{"doc_id": d, "sentence_id": 0, "start_char": 0} for d in texts]
    added = propagate_names(records, texts, sentences, dict.fromkeys(texts, ""))
    assert [(r["doc_id"], r["text"]) for r in added] == [("b", "QRNC")]


def test_dotted_initials_are_the_name_they_abbreviate():
    out = _fold(("a", "Harbor Relief Agency", "ORG"), ("b", "H.R.A.", "ORG"))
    assert out == ["Harbor Relief Agency", "Harbor Relief Agency"]
    # two names of those initials: neither
    out = _fold(
        ("a", "Harbor Relief Agency", "ORG"),
        ("a", "Hill Rescue Alliance", "ORG"),
        ("b", "H.R.A.", "ORG"),
    )
    assert out[2] == "H.R.A."


def test_initials_typed_a_person_are_the_organisation():
    out = _fold(
        ("a", "Northern Farmers Council", "ORG"),
        ("b", "N.F.C.", "PERSON"),
        ("c", "NFC", "ORG"),
        ("c", "Jo Amar", "PERSON"),
    )
    assert out == ["Northern Farmers Council"] * 3 + ["Jo Amar"]


def test_an_institution_typed_a_facility_has_its_short_forms():
    out = _fold(
        ("a", "Harbor Policy Center", "FAC"),
        ("b", "HPC", "ORG"),
        ("c", "Harbor Policy", "ORG"),
    )
    assert len(set(out)) == 1 and out[0].startswith("Harbor Policy")
    # a building is no institution: its initials stay apart
    out = _fold(("a", "Harbor Tower", "FAC"), ("b", "HT", "ORG"))
    assert out == ["Harbor Tower", "HT"]


def test_a_committees_formal_name_is_its_usual_name():
    from lib.resolve.short_forms import same_office

    assert same_office("Senate Select Committee on Harbor Affairs") == (
        "Senate Harbor Affairs Committee"
    )
    assert same_office("Committee on the Orchards") == "Orchards Committee"
    assert same_office("Committee to Protect Orchards") == "Committee to Protect Orchards"
    out = _fold(
        ("a", "House Permanent Select Committee on Orchards", "ORG"),
        ("b", "House Orchards Committee", "ORG"),
        ("c", "Orchards Committee", "ORG"),
    )
    assert len(set(out)) == 1
