"""One organisation the model typed two ways, a network's short name read as a person, a list
of groups read as one name, a person read as an organisation (issue 23, classes 1-5; round
13). Every name is invented."""

from __future__ import annotations

import pandas as pd
import spacy
from spacy.tokens import Span

from lib.extract.pieces import pieces
from lib.resolve.entities import resolve_entities
from lib.resolve.short_forms import fold_short_forms
from lib.resolve.typed_apart import fold_acronyms_across_labels


def mentions(rows: list[tuple[str, str, str]], **cues) -> pd.DataFrame:
    """A raw mentions table: (doc_id, text, label) per row, one sentence each."""
    out = []
    for i, (doc, text, label) in enumerate(rows):
        out.append(
            {"doc_id": doc, "outlet": doc, "sentence_id": i, "start_char": 10 * i,
             "end_char": 10 * i + len(text), "text": text, "label": label}
        )  # fmt: skip
    df = pd.DataFrame(out)
    for col, values in cues.items():
        df[col] = values
    return df


def rows_of(resolved: pd.DataFrame) -> dict[str, str]:
    return dict(zip(resolved["entity"], resolved["label"], strict=True))


def test_an_acronym_typed_apart_from_its_building_or_programme_is_one_row():
    df = pd.DataFrame(
        {
            "entity": ["QHC", "Quarrow Harbor Center", "NSTA", "No Student Tested Alone"],
            "label": ["ORG", "FAC", "ORG", "WORK_OF_ART"],
        }
    )
    out = fold_acronyms_across_labels(df, pd.Series("", index=df.index)).tolist()
    assert out == ["Quarrow Harbor Center"] * 2 + ["No Student Tested Alone"] * 2
    # through the whole pass: one row, whatever the two outlets' types
    resolved = resolve_entities(
        mentions(
            [
                ("a", "Quarrow Harbor Center", "FAC"),
                ("a", "QHC", "ORG"),
                ("b", "QHC", "ORG"),
                ("b", "QHC", "ORG"),
            ]
        )
    )
    assert set(resolved["entity"]) == {"Quarrow Harbor Center"}


def test_an_acronym_fitting_two_names_or_typed_alike_is_left_to_the_short_form_rules():
    # "DNC": the committee (an organisation) and the convention (an event) stay apart
    df = pd.DataFrame(
        {
            "entity": ["DNC", "Dorland National Committee", "Dorland National Convention"],
            "label": ["ORG", "ORG", "EVENT"],
        }
    )
    out = fold_acronyms_across_labels(df, pd.Series("", index=df.index)).tolist()
    assert out == df["entity"].tolist()
    # two stories: the acronym is read within its own story only
    df = pd.DataFrame({"entity": ["QHC", "Quarrow Harbor Center"], "label": ["ORG", "FAC"]})
    out = fold_acronyms_across_labels(df, pd.Series(["S1", "S2"], index=df.index)).tolist()
    assert out == ["QHC", "Quarrow Harbor Center"]


def test_a_networks_short_name_typed_person_is_the_network():
    df = pd.DataFrame(
        {"doc_id": ["a", "b", "b"], "entity": ["Zephyr News", "Zephyr", "Ada Zephyrine"],
         "label": ["ORG", "PERSON", "PERSON"]}
    )  # fmt: skip
    out = fold_short_forms(df, pd.Series("", index=df.index)).tolist()
    assert out == ["Zephyr News", "Zephyr News", "Ada Zephyrine"]
    # a person of the story with that surname keeps it; so does a name with a title
    df = pd.DataFrame(
        {"doc_id": ["a", "b", "b"], "entity": ["Zephyr News", "Zephyr", "Ada Zephyr"],
         "label": ["ORG", "PERSON", "PERSON"]}
    )  # fmt: skip
    assert fold_short_forms(df, pd.Series("", index=df.index)).tolist()[1] == "Zephyr"
    df = df.assign(entity=["Zephyr News", "Zephyr", "Ada Roe"], honorific=["", "Mr.", ""])
    assert fold_short_forms(df, pd.Series("", index=df.index)).tolist()[1] == "Zephyr"


def span(doc, name: str, label: str = "ORG") -> Span:
    start = doc.text.index(name)
    return doc.char_span(start, start + len(name), label=label)


def cut(doc, ent: Span) -> list[str]:
    return [doc[a:b].text for a, b in pieces(doc, ent, False)]


def test_a_list_of_groups_read_as_one_name_is_cut_into_its_names():
    nlp = spacy.blank("en")
    doc = nlp("Signers are Quarrow Voices, Tidewater Action and others.")
    ent = span(doc, "Quarrow Voices, Tidewater Action")
    assert cut(doc, ent) == ["Quarrow Voices", "Tidewater Action"]
    doc = nlp("She sits on the Harbor Works, Commerce and Mills committees.")
    assert cut(doc, span(doc, "the Harbor Works, Commerce")) == ["the Harbor Works", "Commerce"]
    # a law firm's partners, a legal form, a campus and a place stay one name
    for name in (
        "Pemberton, Orwin, Hale & Quill",
        "Pemberton, Orwin",
        "Quarrow Dynamics, Inc.",
        "Brakeford University, Ohio",
        "House Committee on Lanterns, Mills and Canals",
    ):
        doc = nlp(f"at {name} today")
        assert cut(doc, span(doc, name)) == [name], name
    doc = nlp("in Dover, Delaware today")
    assert cut(doc, span(doc, "Dover, Delaware", "GPE")) == ["Dover, Delaware"]


def test_a_person_read_as_an_organisation_by_the_bare_surname_with_an_apostrophe():
    # the model types "Colm O’Dorrity" a person, his bare surname an organisation four times
    resolved = resolve_entities(
        mentions([("a", "Colm O’Dorrity", "PERSON")] + [("a", "O’Dorrity", "ORG")] * 4)
    )
    assert rows_of(resolved) == {"Colm O'Dorrity": "PERSON"}


def test_who_after_a_body_or_a_place_is_another_nouns():
    # "members of the Tidewater Caucus who served", "a professor at Brakeford who ..."
    resolved = resolve_entities(
        mentions(
            [("a", "Tidewater Caucus", "ORG"), ("a", "Brakeford", "ORG")],
            next_word=["who", "who"],
            prev_word=["the", "at"],
        )
    )
    assert rows_of(resolved) == {"Tidewater Caucus": "ORG", "Brakeford": "ORG"}
    # one of a group: "an American Zephyrian who", "a Zephyrian who"
    resolved = resolve_entities(
        mentions(
            [("a", "Zephyrian", "NORP"), ("b", "Zephyrian", "NORP")],
            next_word=["who", "who"],
            prev_word=["American", "a"],
        )
    )
    assert rows_of(resolved) == {"Zephyrian": "NORP"}
    # a name the model typed otherwise, followed by "who", is still a person
    resolved = resolve_entities(
        mentions([("a", "Tamsin Quarrow", "ORG")], next_word=["who"], prev_word=["said"])
    )
    assert rows_of(resolved) == {"Tamsin Quarrow": "PERSON"}


def test_a_university_by_the_town_it_is_named_after_is_the_university(monkeypatch):
    # "faculty of Brakeford", "at Brakeford" (the model reads one of them an organisation)
    # beside "Brakeford University" in another outlet; "Brakeford" is a town of the gazetteer
    from lib.nlp.gazetteer import gazetteer

    gaz = gazetteer()
    known = gaz.lookup
    monkeypatch.setattr(
        gaz, "lookup", lambda n: ("Brakeford", "GPE") if n == "Brakeford" else known(n)
    )
    rows = [
        ("a", "Brakeford University", "ORG"),
        ("b", "Brakeford", "ORG"),
        ("b", "Brakeford", "GPE"),
    ]
    resolved = resolve_entities(mentions(rows))
    assert rows_of(resolved) == {"Brakeford University": "ORG"}
    # a mention that makes it a place ("in Brakeford") keeps the town a town
    resolved = resolve_entities(mentions(rows, cue=["", "", "in"]))
    assert set(resolved["entity"]) == {"Brakeford University", "Brakeford"}
    # the model never reads it an organisation: the town
    resolved = resolve_entities(mentions([rows[0], rows[2]]))
    assert set(resolved["entity"]) == {"Brakeford University", "Brakeford"}


def test_a_clauses_first_word_before_a_party_is_no_part_of_its_name():
    # "..., where Tidewater Party leaders met", "the last Tidewater Party convention": one
    # party with "the Tidewater Party" of another outlet; a title in capitals keeps its word
    from lib.nlp.names import clean_entity_text

    assert clean_entity_text("where Tidewater Party", "ORG") == "Tidewater Party"
    assert clean_entity_text("last Tidewater Party", "ORG") == "Tidewater Party"
    assert clean_entity_text("This Old Lantern", "WORK_OF_ART") == "This Old Lantern"
    assert clean_entity_text("this week", "DATE") is None
    resolved = resolve_entities(
        mentions([("a", "where Tidewater Party", "ORG"), ("b", "Tidewater Party", "ORG")])
    )
    assert set(resolved["entity"]) == {"Tidewater Party"}
