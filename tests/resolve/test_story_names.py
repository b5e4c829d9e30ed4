"""One row per real person, organisation and place across a story's articles (issue 23,
classes 1-5). Every article and name is invented."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.resolve.entities import resolve_entities
from lib.resolve.propagate import propagate_names
from lib.resolve.short_forms import fold_short_forms, shorter_forms

TOWER = {
    "alpha": (
        "Halvorsen Tower reopens after fire\n\n"
        "President Erik Halvorsen visited Halvorsen Tower on Monday to mark its reopening.\n\n"
        "President Halvorsen said the tower would house a museum. Halvorsen spoke for ten "
        "minutes to a crowd outside Halvorsen Tower.\n\n"
        'Thomas "Tam" Okoro, the building\'s manager, said repairs cost $4 million. Okoro '
        'thanked the firefighters. "We were lucky," Tam said.\n\n'
        "Daniel J. Reyes Jr., the fire chief, said the blaze started in a kitchen. Daniel "
        "Reyes has led the department since 2019."
    ),
    "beta": (
        "Fire-damaged tower reopens\n\n"
        "Erik Halvorsen, the country's president, cut a ribbon at Halvorsen Tower on Monday. "
        '"This building is our history," Halvorsen said.\n\n'
        "The manager, Thomas Okaro, said the repairs took eight months. Fire Chief Daniel "
        "Reyes said nobody was hurt in the blaze."
    ),
    "gamma": (
        "Tower back in business\n\n"
        "The reopening of Halvorsen Tower drew President Halvorsen and hundreds of residents "
        "on Monday.\n\n"
        "Thomas Okoro, who manages the building, said tenants would return next week. Chief "
        "Daniel Reyes praised his crews."
    ),
}


@pytest.fixture(scope="module")
def tower(analyse_texts):
    return analyse_texts(TOWER, {k: k for k in TOWER})


def rows_of(analysis, texts: set[str]) -> set[tuple[str, str]]:
    """(entity, label) of the mentions written as one of ``texts``."""
    m = analysis.mentions
    hit = m[m["text"].isin(texts)]
    return set(zip(hit["entity"], hit["label"], strict=True))


def test_person_is_not_swallowed_by_a_building_named_after_him(tower):
    assert rows_of(tower, {"Halvorsen", "Erik Halvorsen"}) == {("Erik Halvorsen", "PERSON")}
    assert rows_of(tower, {"Halvorsen Tower"}) == {("Halvorsen Tower", "FAC")}
    people = tower.entities[tower.entities["entity"] == "Erik Halvorsen"]
    assert set(people["outlet"]) == {"alpha", "beta", "gamma"}  # gamma: "President Halvorsen"


def test_one_person_one_row_nickname_misspelling_and_suffix(tower):
    okoro = rows_of(tower, {"Okoro", "Tam", "Thomas Okoro", "Thomas Okaro"})
    assert okoro == {("Thomas Okoro", "PERSON")}
    assert not tower.mentions["entity"].str.contains('"').any()  # no 'Thomas "Tam'
    assert rows_of(tower, {"Daniel J. Reyes Jr.", "Daniel Reyes"}) == {("Daniel Reyes", "PERSON")}
    # the nickname in quotation marks is no quote; the quote after it is Okoro's
    quotes = tower.quotes
    assert "Tam" not in set(quotes["quote"])
    assert quotes.loc[quotes["quote"] == "We were lucky", "speaker"].tolist() == ["Thomas Okoro"]


def test_father_and_son_stay_two_people():
    rows = [
        ("d1", "Donald Duck Jr.", 0), ("d1", "Donald Duck", 200), ("d2", "Donald Duck", 0),
    ]  # fmt: skip
    raw = frame(rows, kin={("d1", 200)})  # "his father, Donald Duck"
    out = resolve_entities(raw)
    assert out["entity"].tolist() == ["Donald Duck Jr.", "Donald Duck", "Donald Duck"]
    # the plain name first, then the suffixed one: two people even without a kinship word
    raw = frame([("d1", "Amos Pike", 0), ("d1", "Amos Pike Jr.", 100)])
    assert resolve_entities(raw)["entity"].nunique() == 2


def test_one_letter_added_is_another_person_not_a_misspelling():
    raw = frame(
        [("d1", "Mark Kelly", 0), ("d2", "Mark Kelley", 0), ("d3", "Ann Okoro", 0),
         ("d4", "Ann Okaro", 0), ("d5", "Ann Okoro", 0), ("d5", "Ann Okuro", 50)]
    )  # fmt: skip
    out = resolve_entities(raw)["entity"].tolist()
    assert out[:2] == ["Mark Kelly", "Mark Kelley"]
    assert out[2] == out[3] == "Ann Okoro"  # one outlet's typo
    assert out[5] == "Ann Okuro"  # named beside "Ann Okoro" in one article: another person


def test_the_same_three_names_in_another_order_are_one_person():
    """One outlet writes the family name first ("Marta Bede Oyelaran"), another last, one
    with an accent; named in one article together they are two people."""
    raw = frame([("d1", "Marta Oyelaran Bede", 0), ("d2", "Marta Bede Oyelaran", 0),
                 ("d3", "Marta Bédé Oyelaran", 0), ("d4", "Ana Luz Roe", 0),
                 ("d4", "Ana Roe Luz", 50), ("d5", "Ana Luz", 0)])  # fmt: skip
    out = resolve_entities(raw)["entity"].tolist()
    assert out[0] == out[1] == out[2]
    assert out[3] != out[4]  # together in one article: two people


def test_a_letter_doubled_by_one_outlet_is_a_misspelling():
    """The names "Ivo Marek" / "Ivo Marrek" (a letter doubled) are one person; "Mark Kelly" / "Mark
    Kelley" (another letter added) stay two."""
    raw = frame([("d1", "Ivo Marek", 0), ("d1", "Ivo Marek", 40), ("d2", "Ivo Marrek", 0),
                 ("d3", "Mark Kelly", 0), ("d4", "Mark Kelley", 0)])  # fmt: skip
    out = resolve_entities(raw)["entity"].tolist()
    assert out[:3] == ["Ivo Marek"] * 3
    assert out[3:] == ["Mark Kelly", "Mark Kelley"]


def test_a_nickname_and_a_misspelling_together_are_one_person():
    """ "Peg Dunmorrow" (her nickname, a letter doubled) in one outlet is "Margaret Dunmorow"
    of another; "Paul Dunmorrow" (another given name) is not joined to her by spelling."""
    raw = frame([("d1", "Margaret Dunmorow", 0), ("d2", "Peg Dunmorrow", 0),
                 ("d3", "Paul Dunmorrow", 0)])  # fmt: skip
    out = resolve_entities(raw)["entity"].tolist()
    assert out[0] == out[1] != out[2]


def frame(rows, kin=frozenset(), label="PERSON") -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "doc_id": d, "outlet": d, "sentence_id": 0, "start_char": s,
                "end_char": s + len(t), "text": t, "label": label, "cue": "", "prev_word": "",
                "next_word": "", "in_title": False, "expansion": "", "kin": (d, s) in kin,
            }
            for d, t, s in rows
        ]
    )  # fmt: skip


PLACES = {
    "alpha": (
        "Flood warnings across three towns\n\n"
        "SPRINGFIELD, Ill. — Rising water closed roads on Tuesday, and a woman in Springfield, "
        "Mass., said her basement flooded overnight.\n\n"
        "Officials in Springfield, Mo., said the river would crest on Thursday. Traffic on the "
        "Lincoln Memorial Bridge access lanes was diverted.\n\n"
        "The Washington Post reported that the House would vote on aid. The Post said the U.S. "
        "House of Representatives could act by Friday."
    ),
    "beta": (
        "Flood closes roads in Springfield\n\n"
        "Springfield, Illinois, saw the worst of the flood as rising water closed roads. The "
        "mayor of Springfield said crews worked all night before the river crested.\n\n"
        "BuzzFeed News first reported the closures. BuzzFeed said two bridges were shut. The "
        "House of Representatives will take up a flood aid bill, and the House is expected to "
        "pass it."
    ),
    "gamma": (
        "Flood aid bill advances\n\n"
        "The House passed the flood aid bill on Friday after rising water closed roads in "
        "three towns. Lawmakers from Springfield, Mo., where the river crested, praised the "
        "vote on flood aid, according to BuzzFeed."
    ),
}


@pytest.fixture(scope="module")
def places(analyse_texts):
    analysis = analyse_texts(PLACES, {k: k for k in PLACES})
    assert analysis.documents["story_id"].nunique() == 1  # one story: the passes span it
    return analysis


def test_places_with_state_qualifiers_are_kept_apart(places):
    m = places.mentions
    springs = m[m["text"].str.lower() == "springfield"].groupby("doc_id")["entity"].agg(set)
    assert springs["alpha"] == {
        "Springfield, Illinois", "Springfield, Massachusetts", "Springfield, Missouri"
    }  # fmt: skip
    assert springs["beta"] == {"Springfield, Illinois"}  # "the mayor of Springfield" too
    assert springs["gamma"] == {"Springfield, Missouri"}
    assert {"Illinois", "Massachusetts", "Missouri"} <= set(m["entity"])  # states keep theirs
    assert "Lincoln Memorial Bridge" in set(m["entity"])
    assert not {"Lincoln", "Memorial"} & set(m["entity"])


def test_short_forms_within_a_story_are_one_organisation(places):
    m = places.mentions
    assert rows_of(places, {"Post", "Washington Post"}) == {("Washington Post", "ORG")}
    assert rows_of(places, {"BuzzFeed", "BuzzFeed News"}) == {("BuzzFeed News", "ORG")}
    house = {"House", "House of Representatives", "U.S. House of Representatives"}
    assert rows_of(places, house) == {("House of Representatives", "ORG")}
    assert m.loc[m["entity"] == "House of Representatives", "doc_id"].nunique() == 3


def test_short_form_fitting_two_names_stays_apart():
    assert shorter_forms("U.S. House of Representatives") == [
        "House of Representatives", "House", "U.S. House"
    ]  # fmt: skip
    assert shorter_forms("White House") == []  # "White" is no place
    df = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b"],
            "entity": ["Maine House", "U.S. House", "House", "White House"],
            "label": ["ORG"] * 4,
        }
    )
    stories = pd.Series("", index=df.index)
    assert fold_short_forms(df, stories).tolist() == df["entity"].tolist()
    # in another story, the one longer name takes the short form
    df2 = df.assign(doc_id=["a", "c", "b", "b"])
    two = pd.Series(["s1", "s2", "s2", "s2"])
    assert fold_short_forms(df2, two).tolist()[1:3] == ["U.S. House", "U.S. House"]


def test_names_the_model_missed_in_one_outlet_are_found_there():
    texts = {
        "a": "Police named the suspect as Carlos Mendel of Aventura. Mendel was charged.",
        "b": "The suspect, identified as Carlos Mendel, was held. Mendel's lawyer said little.",
        "c": "A man named Carlos Mendel Foundation … no, the Mendel Trust paid.",
    }
    records = [
        {"doc_id": "a", "outlet": "A", "start_char": 28, "end_char": 41,
         "text": "Carlos Mendel", "label": "PERSON", "sentence_id": 0},
        {"doc_id": "a", "outlet": "A", "start_char": 55, "end_char": 61,
         "text": "Mendel", "label": "PERSON", "sentence_id": 1},
        {"doc_id": "c", "outlet": "C", "start_char": 50, "end_char": 62,
         "text": "Mendel Trust", "label": "ORG", "sentence_id": 0},
    ]  # fmt: skip
    sentences = [{"doc_id": d, "sentence_id": 0, "start_char": 0} for d in texts]
    added = propagate_names(records, texts, sentences, dict.fromkeys(texts, ""))
    found = {(r["doc_id"], r["text"], r["label"]) for r in added}
    assert ("b", "Carlos Mendel", "PERSON") in found
    assert ("b", "Mendel", "PERSON") in found  # "Mendel's lawyer": the surname too
    # never inside a longer name, never where a mention already is
    assert not any(d in ("a", "c") for d, _, _ in found)
    assert all(texts[r["doc_id"]][r["start_char"] : r["end_char"]] == r["text"] for r in added)
    # another story does not lend its names
    other = propagate_names(records, texts, sentences, {"a": "s1", "b": "s2", "c": "s2"})
    assert not any(r["doc_id"] == "b" for r in other)


def test_a_bare_surname_the_model_missed_after_its_own_full_name_is_found():
    text = (
        "Odara named chief\n\n"
        "Odara, not the board, spoke first. The board named Rafael Odara Jr. its chief on "
        "Monday. Odara, 52, said little. Odara Street was closed."
    )
    full = text.index("Rafael Odara Jr.")
    records = [
        {"doc_id": "a", "outlet": "A", "start_char": full, "end_char": full + 16,
         "text": "Rafael Odara Jr.", "label": "PERSON", "sentence_id": 0},
    ]  # fmt: skip
    sentences = [{"doc_id": "a", "sentence_id": 0, "start_char": 0}]
    added = propagate_names(records, {"a": text}, sentences, {"a": ""})
    found = sorted((r["start_char"], r["text"]) for r in added)
    # in the body after the full name only: the earlier "Odara" is no evidence, and "Odara
    # Street" is a longer name; "Jr." is no surname. The headline's "Odara" is his (a
    # headline names the story's people by their surnames)
    assert found == [(0, "Odara"), (text.index("Odara, 52"), "Odara")]


def test_a_headline_read_as_one_name_gives_way_to_the_person_and_the_party():
    """ "Roe Taunts G.O.P. Over Bill" (tagged as one organisation) holds the story's Ada
    Roe and its G.O.P.; "Young Voters Rally" keeps no person "Young" where the article
    writes "young" in lower case."""
    from lib.resolve.propagate import title_fragments

    texts = {
        "a": "Roe Taunts G.O.P. Over Bill\n\nSenator Ada Roe mocked the G.O.P. on Monday.",
        "b": "Young Voters Rally\n\nTim Young said young voters came. Ada Roe spoke.",
    }

    def record(doc_id, name, label, after=0):
        at = texts[doc_id].index(name, after)
        return {"doc_id": doc_id, "outlet": doc_id.upper(), "start_char": at,
                "end_char": at + len(name), "text": name, "label": label,
                "in_title": at == 0}  # fmt: skip

    records = [
        record("a", "Roe Taunts G.O.P.", "ORG"),
        record("a", "Ada Roe", "PERSON"),
        record("a", "G.O.P.", "ORG", 20),
        record("b", "Tim Young", "PERSON"),
    ]
    story = dict.fromkeys(texts, "")
    assert title_fragments(records, story, texts) == {0}
    sentences = [{"doc_id": d, "sentence_id": 0, "start_char": 0} for d in texts]
    added = propagate_names(records[1:], texts, sentences, story)
    heads = sorted((r["doc_id"], r["text"]) for r in added if r["in_title"])
    assert heads == [("a", "G.O.P."), ("a", "Roe")]


def test_a_story_persons_bare_surname_is_found_only_with_a_persons_cue():
    """An article that never names Ines Valcourt in full: her bare surname is hers where the
    words after it say a person is meant (an apposition, an age, a reporting verb), not in
    "Valcourt Bridge" or "Valcourt voters"; a surname two people of the story share (the
    Brandts) is nobody's."""
    full = "Ines Valcourt, the mayor, opened it. Otto Brandt and Lena Brandt watched."
    text = (
        "Bridge opens\n\n"
        "Valcourt, the mayor of the town, cut the ribbon at Valcourt Bridge. Valcourt voters "
        "cheered. Valcourt, 58, spoke briefly. The toll is fair, Valcourt said. "
        "Brandt, the engineer, smiled."
    )
    texts = {"a": full, "b": text}
    records = [
        {"doc_id": "a", "outlet": "A", "start_char": full.index(name),
         "end_char": full.index(name) + len(name), "text": name, "label": "PERSON",
         "sentence_id": 0}
        for name in ("Ines Valcourt", "Otto Brandt", "Lena Brandt")
    ]  # fmt: skip
    sentences = [{"doc_id": d, "sentence_id": 0, "start_char": 0} for d in texts]
    added = propagate_names(records, texts, sentences, dict.fromkeys(texts, ""))
    found = sorted((r["start_char"], r["text"]) for r in added if r["doc_id"] == "b")
    assert found == [
        (text.index("Valcourt, the mayor"), "Valcourt"),
        (text.index("Valcourt, 58"), "Valcourt"),
        (text.index("Valcourt said"), "Valcourt"),
    ]


def test_nickname_read_as_a_state_abbreviation_is_the_person(analyse_texts):
    text = (
        "Coach keeps his job\n\n"
        'Delbert "Del" Okafor, the team\'s coach, met the board on Monday. "We will win next '
        'year," said Del.\n\nThe board kept Okafor for another season. He lives in Dover, Del.'
    )
    analysis = analyse_texts({"a": text}, {"a": "A"})
    m = analysis.mentions
    assert set(m.loc[m["text"].isin(["Del", "Okafor"]) & (m["start_char"] < 150), "entity"]) == {
        "Delbert Okafor"
    }
    assert "Delaware" in set(m["entity"])  # "Dover, Del." stays the state
    assert analysis.quotes["speaker"].tolist() == ["Delbert Okafor"]


def test_acronyms_office_word_orders_and_the_party_within_a_story():
    df = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b", "c", "c", "c"],
            "entity": [
                "FBI", "Justice Department", "Federal Bureau of Investigation",
                "Department of Justice", "Cordoba House", "House", "Wal-Mart Stores Inc.",
            ],
            "label": ["ORG"] * 7,
        }
    )  # fmt: skip
    out = fold_short_forms(df, pd.Series("", index=df.index)).tolist()
    assert out[0] == out[2] == "Federal Bureau of Investigation"
    assert out[1] == out[3]  # one office, whichever word order
    assert out[4:6] == ["Cordoba House", "House"]  # a legislature is named by its polity
    raw = frame([("d1", "GOP", 0), ("d2", "Republican Party", 0)], label="ORG")
    assert resolve_entities(raw)["entity"].nunique() == 1  # "GOP" is the party


def test_committee_without_its_chamber_and_a_place_written_two_ways():
    df = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c", "c"],
            "entity": [
                "Senate Ethics Committee", "U.S. Council of Rural Pharmacists", "Ethics Committee",
                "United States Council of Rural Pharmacists", "USCRP",
            ],
            "label": ["ORG"] * 5,
        }
    )  # fmt: skip
    out = fold_short_forms(df, pd.Series("", index=df.index)).tolist()
    assert out[0] == out[2]  # "Ethics Committee" is the story's one Senate Ethics Committee
    assert out[1] == out[3] == out[4]  # U.S. / United States, and the initials of both
    # a committee both chambers have stays apart
    both = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "entity": ["Ethics Committee", "Senate Ethics Committee", "House Ethics Committee"],
            "label": ["ORG"] * 3,
        }
    )
    assert fold_short_forms(both, pd.Series("", index=both.index)).tolist() == [
        "Ethics Committee", "Senate Ethics Committee", "House Ethics Committee"
    ]  # fmt: skip


def test_curated_names_are_found_before_a_day_and_whole_over_their_parts():
    from lib.resolve.propagate import shadowed

    texts = {
        "a": "The minister wrote on Twitter Sunday that talks had failed.",
        "b": "Fighters loyal to Islamic State seized the bridge, officials said.",
        "c": "Officials said an Islamic State affiliate claimed it, The New York Times reported.",
    }
    records = [
        {"doc_id": "c", "outlet": "C", "start_char": 18, "end_char": 25,
         "text": "Islamic", "label": "GPE", "in_title": False},
        {"doc_id": "c", "outlet": "C", "start_char": 58, "end_char": 72,
         "text": "New York Times", "label": "ORG", "in_title": False},
    ]  # fmt: skip
    sentences = [{"doc_id": d, "sentence_id": 0, "start_char": 0} for d in texts]
    added = propagate_names(records, texts, sentences, dict.fromkeys(texts, ""))
    found = {(r["doc_id"], r["text"], r["label"]) for r in added}
    assert ("a", "Twitter", "ORG") in found  # a day after a name is no part of it
    assert ("b", "Islamic State", "ORG") in found  # the name an alias stands for
    # "Islamic" gives way to the curated whole; "The" is no part of "New York Times"
    assert shadowed(records, texts, dict.fromkeys(texts, "")) == {0}


def test_a_story_name_after_an_owners_possessive_is_found():
    texts = {
        "a": "The Harbor Commission met on Monday. The Harbor Commission voted 4-1.",
        "b": "Mayor Lindqvist's Harbor Commission voted on Monday to close the pier.",
    }
    start = texts["a"].index("Harbor Commission")
    records = [
        {"doc_id": "a", "outlet": "A", "start_char": start, "end_char": start + 17,
         "text": "Harbor Commission", "label": "ORG", "sentence_id": 0},
    ]  # fmt: skip
    sentences = [{"doc_id": d, "sentence_id": 0, "start_char": 0} for d in texts]
    added = propagate_names(records, texts, sentences, dict.fromkeys(texts, ""))
    found = {(r["doc_id"], r["text"], r["start_char"]) for r in added}
    # the owner before the name is no part of it ("Lindqvist's"); a capitalised word that
    # is no possessive still is ("North Harbor Commission" would be another body)
    assert ("b", "Harbor Commission", texts["b"].index("Harbor")) in found
    texts["b"] = "The North Harbor Commission voted on Monday to close the pier."
    added = propagate_names(records, texts, sentences, dict.fromkeys(texts, ""))
    assert not any(r["doc_id"] == "b" for r in added)


def test_the_one_word_an_organisation_goes_by_is_found_where_the_model_missed_it():
    texts = {
        "a": "A new Dunmore University survey was released on Tuesday. Harlan Motor Co. agreed.",
        "b": "The race is tied in a Dunmore poll. Dealers said Harlan would fix the brakes.",
        "c": "Urban areas voted early. Dunmore found a tie. The Urban Institute disagreed.",
    }

    def at(doc, name, label="ORG"):
        s = texts[doc].index(name)
        return {"doc_id": doc, "outlet": doc.upper(), "start_char": s, "end_char": s + len(name),
                "text": name, "label": label, "sentence_id": 0}  # fmt: skip

    records = [
        at("a", "Dunmore University"),
        at("a", "Harlan Motor Co."),
        at("c", "Urban Institute"),
    ]
    sentences = [{"doc_id": d, "sentence_id": 0, "start_char": 0} for d in texts]
    added = propagate_names(records, texts, sentences, dict.fromkeys(texts, ""))
    found = {(r["doc_id"], r["text"], r["start_char"]) for r in added}
    assert ("b", "Dunmore", texts["b"].index("Dunmore")) in found  # "a Dunmore poll"
    assert ("b", "Harlan", texts["b"].index("Harlan")) in found  # the company's first word
    # never where a sentence starts: "Urban areas" is no institute (nor "Dunmore found")
    assert not any(r["doc_id"] == "c" for r in added)
    # a word a person of the story goes by is no short form of the university
    person = at("b", "Dunmore", "PERSON")
    added = propagate_names([*records, person], texts, sentences, dict.fromkeys(texts, ""))
    assert not any(r["text"] == "Dunmore" for r in added)


def test_a_headline_fragment_holding_a_story_name_gives_way_to_it():
    from lib.resolve.propagate import title_fragments

    def rec(doc, s, text, label, in_title):
        return {"doc_id": doc, "outlet": doc, "start_char": s, "end_char": s + len(text),
                "text": text, "label": label, "in_title": in_title}  # fmt: skip

    records = [
        rec("a", 0, "Ring for Harbor Council", "ORG", True),  # "… Ring for Harbor Council Run"
        rec("a", 40, "Mayoral Senate Hopeful", "ORG", True),
        rec("a", 80, "Harbor Rescue Committee", "ORG", True),  # a name of its own
        rec("a", 120, "Dana Senate Lee", "PERSON", True),  # people never give way
        rec("a", 160, "Senate Ethics Committee", "ORG", True),  # a name of its own
        rec("b", 100, "Harbor Council", "ORG", False),
        rec("b", 130, "Senate", "ORG", False),
        rec("b", 160, "Rescue Committee", "ORG", False),
        rec("c", 0, "Vote for Harbor Council", "ORG", False),  # not in a headline
    ]  # fmt: skip
    assert title_fragments(records, dict.fromkeys("abc", "")) == {0, 1}
    # names of another story do not count
    assert title_fragments(records, {"a": "s1", "b": "s2", "c": "s1"}) == set()
    # with the texts, only the headline counts: not a heading line further down
    texts = dict.fromkeys("abc", "Ring for Harbor Council Run\n\n" + "Body text. " * 20)
    assert title_fragments(records, dict.fromkeys("abc", ""), texts) == {0}


def test_an_acronym_is_found_in_a_headline_however_the_outlet_writes_it():
    texts = {
        "a": "The HCTU met on Monday. The D.W.R. said nothing.",
        "b": "Senator Taunts H.C.T.U. on Budget\n\nThe senator spoke on Monday.",
        "c": "DWR Opens Inquiry\n\nAgents arrived on Monday.",
    }
    records = [
        {"doc_id": "a", "outlet": "A", "start_char": 4, "end_char": 8, "text": "HCTU",
         "label": "ORG", "sentence_id": 0},
        {"doc_id": "a", "outlet": "A", "start_char": 28, "end_char": 34, "text": "D.W.R.",
         "label": "ORG", "sentence_id": 0},
    ]  # fmt: skip
    assert all(texts["a"][r["start_char"] : r["end_char"]] == r["text"] for r in records)
    sentences = [{"doc_id": d, "sentence_id": 0, "start_char": 0} for d in texts]
    added = propagate_names(records, texts, sentences, dict.fromkeys(texts, ""))
    found = {(r["doc_id"], r["text"]) for r in added}
    assert {("b", "H.C.T.U."), ("c", "DWR")} <= found


def test_an_acronym_and_a_name_after_a_small_word_are_found_in_a_body():
    texts = {
        "a": "The Harbor Rescue Fund paid for the boats, the HRTU said on Monday.",
        "b": "The HRTU, the harbor workers' union, met. The Harbor Rescue Fund paid.",
        "c": "In Harbor Rescue Fund accounts, the Nrtu and OK lines were busy.",
    }
    fund = texts["a"].index("Harbor Rescue Fund")
    union = texts["a"].index("HRTU")
    records = [
        {"doc_id": "a", "outlet": "A", "start_char": fund, "end_char": fund + 18,
         "text": "Harbor Rescue Fund", "label": "ORG", "sentence_id": 0},
        {"doc_id": "a", "outlet": "A", "start_char": union, "end_char": union + 4,
         "text": "HRTU", "label": "ORG", "sentence_id": 0},
    ]  # fmt: skip
    sentences = [{"doc_id": d, "sentence_id": 0, "start_char": 0} for d in texts]
    added = propagate_names(records, texts, sentences, dict.fromkeys(texts, ""))
    found = {(r["doc_id"], r["text"]) for r in added}
    # "The HRTU, …" where a sentence starts; "The Harbor Rescue Fund" and "In Harbor Rescue
    # Fund accounts": a small word starting a sentence is no part of the name
    assert {("b", "HRTU"), ("b", "Harbor Rescue Fund"), ("c", "Harbor Rescue Fund")} <= found
