"""Organisations and places across a story's articles, round 3 of issue 23: two names read
as one, part of a name read alone, the capital's written forms, office word orders. Every
article and name is invented."""

from __future__ import annotations

import pandas as pd

from lib.resolve.joined import split_joined
from lib.resolve.propagate import shadowed
from lib.resolve.short_forms import fold_short_forms, same_office, suffix_forms


def _rows(*items) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"doc_id": d, "outlet": d, "start_char": s, "end_char": s + len(t), "text": t,
             "label": lab, "in_title": False}
            for d, s, t, lab in items
        ]
    )  # fmt: skip


def test_slash_joined_pollsters_are_two_organisations():
    text = "A Herald News/Daily Ledger poll"
    out = split_joined(_rows(("a", 2, "Herald News/Daily Ledger", "ORG")))
    assert list(out["text"]) == ["Herald News", "Daily Ledger"]
    assert [text[s:e] for s, e in zip(out["start_char"], out["end_char"], strict=True)] == [
        "Herald News",
        "Daily Ledger",
    ]
    spaced = split_joined(_rows(("a", 0, "Herald/ Daily Ledger", "ORG")))
    assert list(spaced["text"]) == ["Herald", "Daily Ledger"]
    # one name with a slash stays one: short parts, numbers, lower case
    for name in ("AC/DC", "Route 9/11", "Herald/and more"):
        assert list(split_joined(_rows(("a", 0, name, "ORG")))["text"]) == [name]


def test_coordinated_names_split_only_when_the_story_names_each_alone():
    rows = _rows(
        ("a", 0, "Brandt and Okafor", "ORG"),
        ("a", 40, "Lena Brandt", "PERSON"),
        ("b", 0, "Okafor", "PERSON"),
        ("b", 20, "Pike and Lowell", "ORG"),  # neither named alone: a firm's name
    )
    out = split_joined(rows)
    assert list(out["text"]) == ["Brandt", "Okafor", "Lena Brandt", "Okafor", "Pike and Lowell"]
    assert list(out["label"][:2]) == ["PERSON", "PERSON"]
    assert list(out["start_char"][:2]) == [0, 11]


def test_a_part_of_a_known_city_and_the_city_are_two_places():
    text = "a cafe on the Lower Quarry Side of Denver"
    out = split_joined(_rows(("a", 10, "the Lower Quarry Side of Denver", "LOC")))
    assert list(out["text"]) == ["Lower Quarry Side", "Denver"]
    assert [text[s:e] for s, e in zip(out["start_char"], out["end_char"], strict=True)] == [
        "Lower Quarry Side",
        "Denver",
    ]
    assert list(out["label"]) == ["LOC", "GPE"]
    # one place: a polity's own form, a name known whole, a lone word, an unknown "B"
    for name in ("Federated Kingdom of Denver", "United States of America",
                 "Northern District of Denver",
                 "Gulf of Mexico", "Upper Quarry Side of Calderon Vale"):
        assert list(split_joined(_rows(("a", 0, name, "LOC")))["text"]) == [name]
    # an organisation is never split this way
    assert list(split_joined(_rows(("a", 0, "Quarry Bank of Denver", "ORG")))["text"]) == [
        "Quarry Bank of Denver"
    ]


def test_the_longest_story_name_wins_over_a_part_tagged_alone():
    texts = {
        "a": "The group Canada Forward sued. Canada Forward said so.",
        "b": "Canada Forward, a group, sued on Monday.",
        "c": "Erik Halvorsen Tower opened. Erik Halvorsen Tower is tall.",
    }
    records = _rows(
        ("a", 10, "Canada Forward", "ORG"),
        ("a", 31, "Canada Forward", "ORG"),
        ("b", 0, "Canada", "GPE"),  # the model saw the country only
        ("c", 0, "Erik Halvorsen Tower", "FAC"),
        ("c", 29, "Erik Halvorsen", "PERSON"),  # a person is never a part that gives way
    ).to_dict("records")
    assert shadowed(records, texts, dict.fromkeys(texts, "")) == {2}
    # another story's names do not count
    assert shadowed(records, texts, {"a": "s1", "b": "s2", "c": "s3"}) == set()


def _one_story(nlp, texts: dict[str, str]):
    """The analysis of ``texts`` as one story (outlet = the key)."""
    from lib.analysis import analyze
    from lib.corpus.parse import parse_document
    from lib.parsing.local import InProcess

    docs = [parse_document(k, v, {"outlet": k.upper()}) for k, v in texts.items()]
    return analyze(docs, InProcess(nlp), stories=["S1"] * len(docs))


def test_a_part_gives_way_and_the_whole_name_is_counted(nlp):
    texts = {
        "a": "Suit filed\n\nThe advocacy group Canada Forward filed a suit on Monday. "
        "Canada Forward said the law was unfair.",
        "b": "Group sues\n\nLeaders of Canada Forward said on Monday they had sued the city.",
    }
    analysis = _one_story(nlp, texts)
    m = analysis.mentions
    assert "Canada" not in set(m["text"])
    assert set(m.loc[m["text"] == "Canada Forward", "outlet"]) == {"A", "B"}


def test_the_capital_written_four_ways_is_one_place(nlp):
    texts = {
        "a": "Rally\n\nWASHINGTON — Thousands marched in Washington, D.C., on Saturday.",
        "b": "March\n\nThousands marched in D.C. on Saturday, and more in the District of "
        "Columbia on Sunday.",
    }
    analysis = _one_story(nlp, texts)
    places = analysis.mentions[analysis.mentions["label"] == "GPE"]
    assert set(places["entity"]) == {"Washington"}
    assert set(places["outlet"]) == {"A", "B"}


def test_office_word_orders_of_longer_names():
    assert same_office("Department of Homeland Security") == "Homeland Security Department"
    assert same_office("Department of Health and Human Services") == (
        "Health and Human Services Department"
    )
    assert same_office("Department of Justice") == "Justice Department"
    assert same_office("Office of the future") == "Office of the future"


def test_an_organisation_short_form_typed_as_a_place_or_person_joins_it(nlp):
    texts = {
        "a": "Poll out\n\nA Quorvale University poll found most voters undecided. The Daily "
        "Clarion reported the figures first.",
        "b": "Voters split\n\nThe latest Quorvale survey shows a tie, the Clarion said. Fox "
        "Lake Channel aired it. Lena Marsh of the Vance Institute said Vance would not comment.",
        "c": "Tie\n\nThe Fox Lake network said Quorvale found a tie. Marsh said Mr. Vance agreed.",
    }
    m = _one_story(nlp, texts).mentions
    assert set(m.loc[m["text"] == "Quorvale", "entity"]) == {"Quorvale University"}
    assert set(m.loc[m["text"].isin(["Clarion", "Daily Clarion"]), "entity"]) == {"Daily Clarion"}
    # a person keeps their name though an institute is named after them
    assert "Vance Institute" not in set(m.loc[m["text"].isin(["Vance"]), "entity"])


def test_strays_join_their_one_organisation_by_evidence():
    df = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b", "c", "c", "c", "c"],
            "entity": [
                "Quorvale University", "National Clarion", "Quorvale", "Clarion",
                "Vance Institute", "Vance", "Georgia Power", "Georgia",
            ],
            "label": ["ORG", "ORG", "GPE", "PERSON", "ORG", "PERSON", "ORG", "GPE"],
            "honorific": [""] * 8,
            "role": [""] * 8,
        }
    )  # fmt: skip
    out = fold_short_forms(df, pd.Series("", index=df.index)).tolist()
    assert out[2] == "Quorvale University"  # typed as a place, no place the gazetteer knows
    assert out[3] == "National Clarion"  # typed as a person, the newspaper's last word
    assert out[5] == "Vance"  # a person is never the first word of an institute
    assert out[7] == "Georgia"  # a known place stays the place
    titled = df.assign(honorific=["", "", "", "Ms.", "", "", "", ""])
    assert fold_short_forms(titled, pd.Series("", index=df.index)).tolist()[3] == "Clarion"
    assert suffix_forms("Wall Street Journal") == ["Street Journal", "Journal"]
    assert suffix_forms("Senate Judiciary Committee") == ["Judiciary Committee"]
    assert suffix_forms("White House") == []


def test_names_fitted_to_the_words_around_them():
    from lib.resolve.joined import fit_names

    text = (
        "She chairs the Republican party. A Member of Congress spoke in the United States "
        "Senate, then the Speaker of the House."
    )
    rows = _rows(
        ("a", 15, "Republican", "NORP"),
        ("a", 35, "Member of Congress", "ORG"),
        ("a", 67, "United States", "GPE"),
        ("a", 81, "Senate", "ORG"),
        ("a", 98, "Speaker of the House", "ORG"),
    )
    out = fit_names(rows, {"a": text})
    assert list(zip(out["text"], out["label"], strict=True)) == [
        ("Republican Party", "ORG"),
        ("Congress", "ORG"),
        ("United States Senate", "ORG"),
        ("House", "ORG"),
    ]
    for s, e, t in zip(out["start_char"], out["end_char"], out["text"], strict=True):
        assert text[s:e].lower() == t.lower()
    # a state before another organisation is left alone
    other = _rows(("a", 0, "Texas", "GPE"), ("a", 6, "Rangers", "ORG"))
    assert list(fit_names(other, {"a": "Texas Rangers won."})["text"]) == ["Texas", "Rangers"]


def test_curated_outlets_and_groups_are_found_where_the_model_missed_them():
    from lib.resolve.propagate import propagate_names

    texts = {
        "a": "Deleted\n\nHe deleted his Twitter account on Monday.",
        "b": "Gone\n\nThe post on Twitter drew replies. ISIS was named too.",
    }
    records = [
        {"doc_id": "a", "outlet": "A", "start_char": 30, "end_char": 37,
         "text": "Twitter", "label": "ORG", "sentence_id": 1, "in_title": False},
    ]  # fmt: skip
    sentences = [{"doc_id": d, "sentence_id": 0, "start_char": 0} for d in texts]
    added = propagate_names(records, texts, sentences, dict.fromkeys(texts, ""))
    found = {(r["doc_id"], r["text"]) for r in added}
    assert found == {("b", "Twitter"), ("b", "ISIS")}


def test_a_headline_names_what_the_story_tags_elsewhere():
    from lib.resolve.propagate import propagate_names

    texts = {
        "a": "Mayor Mocks Council Over Vote\n\nThe mayor said the Council had failed.",
        "b": "Vote fails\n\nThe Council voted on Monday.",
    }
    records = [
        {"doc_id": "b", "outlet": "B", "start_char": 16, "end_char": 23,
         "text": "Council", "label": "ORG", "sentence_id": 1, "in_title": False},
        {"doc_id": "a", "outlet": "A", "start_char": 49, "end_char": 56,
         "text": "Council", "label": "ORG", "sentence_id": 1, "in_title": False},
    ]  # fmt: skip
    sentences = [{"doc_id": d, "sentence_id": 0, "start_char": 0} for d in texts]
    added = propagate_names(records, texts, sentences, dict.fromkeys(texts, ""))
    assert [(r["doc_id"], r["start_char"], r["in_title"]) for r in added] == [("a", 12, True)]


def test_a_state_branch_is_kept_apart_from_its_party():
    from lib.resolve.short_forms import shorter_forms

    assert shorter_forms("Democratic Party of Ohio") == []  # the state's party, not the party
    assert "Planned Parenthood" in shorter_forms("Planned Parenthood Federation of America")


def test_a_building_the_model_cut_into_a_person_and_a_place_is_one_building():
    """The text "near the Corwin Hale Presidential Library" tagged "Corwin" PERSON and
    "Hale" GPE is the library (class 3: one place split); "Hale Memorial Day parade" (no
    thing's head ends the run) and a headline's capitals ("Hale Visits Hospital") are left
    alone."""
    from lib.resolve.joined import fit_names

    text = "Crowds gathered near the Corwin Hale Presidential Library. Hale Memorial Day parade."
    rows = _rows(("a", 25, "Corwin", "PERSON"), ("a", 32, "Hale", "GPE"),
                 ("a", 59, "Hale", "PERSON"))  # fmt: skip
    out = fit_names(rows, {"a": text})
    assert list(zip(out["text"], out["label"], strict=True)) == [
        ("Corwin Hale Presidential Library", "FAC"),
        ("Hale", "PERSON"),
    ]
    assert text[int(out["start_char"][0]) : int(out["end_char"][0])] == out["text"][0]
    title = _rows(("a", 0, "Hale", "PERSON")).assign(in_title=True)
    assert list(fit_names(title, {"a": "Hale Visits Hospital"})["text"]) == ["Hale"]
