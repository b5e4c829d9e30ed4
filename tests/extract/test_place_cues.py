"""lib.extract.place_cues: a town or region the gazetteer does not know is typed a place from
the words around it. Every name here is invented; each rule has a sentence that only it
catches, and people and organisations next to places stay what they are."""

from __future__ import annotations

import pytest

from lib.extract.place_cues import PLACE_CUE, place_cue
from tests.helpers import resolve_texts


def cue_of(nlp, text: str, name: str, nth: int = 0, label: str = "ORG") -> str:
    """The place cue of the ``nth`` occurrence of ``name`` in ``text`` (any model label)."""
    doc = nlp(text)
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    span = doc.char_span(at, at + len(name))
    assert span is not None, name
    return place_cue(doc, span.start, span.end, label)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Flood cuts off valley\n\nDUNWICK, Kenmoor (Daily Wire) — Water rose on Sunday.",
            "DUNWICK",
        ),
        (
            "Flood cuts off valley\n\nDUNWICK, Kenmoor (Daily Wire) — Water rose on Sunday.",
            "Kenmoor",
        ),
        (
            "Flood cuts off valley\n\nHarlow, Kenmoor — Water rose quickly on Sunday night.",
            "Harlow",
        ),
        ("Flood cuts off valley\n\nQUENBY — Rescue crews searched the river on Sunday.", "QUENBY"),
        (
            "Flood cuts off valley\n\nQUENBY, May 6 (Daily Wire) - Crews searched the river.",
            "QUENBY",
        ),
    ],
)
def test_a_dateline_names_places(nlp, text, name):
    assert cue_of(nlp, text, name) == PLACE_CUE


@pytest.mark.parametrize(
    "text",
    [
        "Flood cuts off valley\n\nRivermouth Gazette — May 13, 2026\n\nWater rose on Sunday.",
        "Flood cuts off valley\n\nNora Quill — Water rose quickly on Sunday, officials said.",
    ],
)
def test_an_outlet_line_or_a_name_before_a_dash_is_no_dateline(nlp, text):
    name = "Rivermouth Gazette" if "Rivermouth" in text else "Nora Quill"
    assert cue_of(nlp, text, name, label="PERSON") == ""


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Flood cuts off valley\n\nOn Monday, Brody had said Varga -- the engineer -- was gone.",
            "Varga",
        ),
        (
            "Flood cuts off valley\n\nKAVO — the league of towns — asked for funds on Monday.",
            "KAVO",
        ),
    ],
)
def test_a_sentence_or_an_acronym_before_a_dash_is_no_dateline(nlp, text, name):
    assert cue_of(nlp, text, name, label="PERSON") == ""


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The governor of Kenmoor said aid would come on Monday.", "Kenmoor"),
        ("The people of Kenmoor were told to stay at home.", "Kenmoor"),
        ("Marta Kell, the Mayor of Dunwick, said the bridge was gone.", "Dunwick"),
        ("Officials evacuated the towns of Harlow, Dunwick and Pennick on Monday.", "Harlow"),
        ("Officials evacuated the towns of Harlow, Dunwick and Pennick on Monday.", "Dunwick"),
        ("Officials evacuated the towns of Harlow, Dunwick and Pennick on Monday.", "Pennick"),
    ],
)
def test_an_office_or_kind_of_place_before_of_names_a_place(nlp, text, name):
    assert cue_of(nlp, text, name, label="PERSON") == PLACE_CUE


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Water rose in Pennick on Monday. Pennick's mayor, Ilse Varga, said the bridge held.",
            "Pennick",
        ),
        ("Dunwick's largest city lost power on Monday, officials said.", "Dunwick"),
    ],
)
def test_a_possessive_before_an_office_names_a_place(nlp, text, name):
    nth = 1 if text.count(name) > 1 else 0
    assert cue_of(nlp, text, name, nth=nth, label="PERSON") == PLACE_CUE


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The flood hit homes in northern Kenmoor on Sunday.", "Kenmoor"),
        ("The storm damaged 300 more homes in nearby Dunwick, officials said.", "Dunwick"),
        ("Tornado kills 7 in central Kenmoor towns", "Kenmoor"),
    ],
)
def test_an_area_adjective_before_a_name_makes_it_a_place(nlp, text, name):
    assert cue_of(nlp, text, name, label="PERSON") == PLACE_CUE


@pytest.mark.parametrize("name", ["Harlow", "Dunwick", "Pennick"])
def test_a_list_before_a_plural_kind_of_place_names_places(nlp, name):
    text = "Brody declared a state of emergency for Harlow, Dunwick and Pennick counties."
    assert cue_of(nlp, text, name, label="PERSON") == PLACE_CUE


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Governor Tamsin Brody of Kenmoor said the dam held.", "Tamsin Brody", "PERSON"),
        ("The dam held, and in Brody's view the worst was over.", "Brody", "PERSON"),
        ("Senators in Congress asked the bank to pay.", "Congress", "ORG"),
        ("Southern lawmakers and southern Democrats objected.", "Democrats", "NORP"),
        ("The president of Veltrane Holdings said profits rose.", "Veltrane Holdings", "ORG"),
        ("Aides said the state of Brody's health was good.", "Brody", "PERSON"),
        ("In a letter, Brody states that the dam held.", "Brody", "PERSON"),
        ("Brody counties swung hard in the last election.", "Brody", "PERSON"),
    ],
)
def test_people_and_organisations_beside_places_get_no_place_cue(nlp, text, name, label):
    assert cue_of(nlp, text, name, label=label) == ""


STORY = {
    "a": (
        "Flood cuts off towns in eastern Kenmoor\n\n"
        "DUNWICK, Kenmoor — A flood swept through three towns in eastern Kenmoor on "
        "Sunday, Governor Tamsin Brody said. Harlow Bank closed its branches in Dunwick.\n\n"
        '"We will rebuild," Brody said.'
    ),
    "b": (
        "Kenmoor flood leaves thousands homeless\n\n"
        "The governor of Kenmoor, Tamsin Brody, asked for aid on Monday. The people of "
        "Kenmoor were told to stay home, and Dunwick's mayor closed the bridges."
    ),
    "c": (
        "Rivers rise across Kenmoor\n\n"
        "DUNWICK, Kenmoor (Valley Wire) — Water covered roads in Dunwick and nearby "
        "Harlow, officials said. Brody toured the damage."
    ),
}


def test_a_state_and_towns_the_model_mistypes_come_out_places(nlp):
    mentions = resolve_texts(nlp, STORY)
    label = mentions.groupby("entity")["label"].first()
    assert label.get("Kenmoor") == "GPE"
    assert label.get("Dunwick") == "GPE"
    assert label.get("Tamsin Brody") == "PERSON"
    assert label.get("Harlow Bank") == "ORG"  # an organisation named after a place stays one


def test_a_dateline_place_the_model_missed_becomes_a_place_mention(nlp):
    from lib.extract.mentions import mention_records

    text = "Bridge closed after flood\n\nQUENBY — Rescue crews searched the river on Sunday."
    doc = nlp(text)
    places = [(r.text, r.label, r.cue) for r in mention_records(doc, [0] * len(doc))]
    assert ("Quenby", "GPE", PLACE_CUE) in places


@pytest.mark.parametrize(
    "line",
    [
        "BREAKING — Rescue crews searched the river on Sunday.",
        "UPDATE 2 — Rescue crews searched the river on Sunday.",
        "Rivermouth Gazette — Rescue crews searched the river on Sunday.",
    ],
)
def test_a_kicker_or_an_outlet_before_a_dash_adds_no_place(nlp, line):
    from lib.extract.mentions import mention_records

    doc = nlp("Bridge closed after flood\n\n" + line)
    assert not [r for r in mention_records(doc, [0] * len(doc)) if r.cue == PLACE_CUE]


NAMESAKES = {
    "a": (
        "Flood hits Kenmoor towns\n\n"
        "DUNWICK, Kenmoor — A flood hit three towns in central Kenmoor on Sunday, said Ellen "
        "Dunwick, who leads the relief agency. The mayor of Dunwick asked for help."
    ),
    "b": (
        "Kenmoor flood\n\n"
        "The people of Kenmoor were told to stay home. Dunwick's mayor closed the bridge, and "
        "Ellen Dunwick said aid was coming. Governor Tamsin Brody of Kenmoor toured nearby "
        "Dunwick."
    ),
    "c": (
        "Rivers rise\n\n"
        "Water covered roads in Dunwick and nearby Harlow, officials said. In Brody's view "
        "the dam held. Harlow Bank closed."
    ),
}


def _rows(nlp, texts):
    mentions = resolve_texts(nlp, texts)
    return {(r.doc_id, r.text): (r.entity, r.label) for r in mentions.itertuples()}


def test_a_town_named_like_a_person_of_the_story_stays_a_place_and_the_person_a_person(nlp):
    rows = _rows(nlp, NAMESAKES)
    assert rows[("a", "Ellen Dunwick")] == ("Ellen Dunwick", "PERSON")
    assert rows[("b", "Ellen Dunwick")] == ("Ellen Dunwick", "PERSON")
    for key in [("a", "Dunwick"), ("b", "Dunwick"), ("c", "Dunwick")]:
        assert rows[key] == ("Dunwick", "GPE"), key  # one place row, the dateline's too


def test_a_town_beside_a_bank_named_after_it_stays_the_town(nlp):
    rows = _rows(nlp, NAMESAKES)
    assert rows[("c", "Harlow Bank")] == ("Harlow Bank", "ORG")
    assert rows[("c", "Harlow")] == ("Harlow", "GPE")
    assert rows[("c", "Brody")] == ("Tamsin Brody", "PERSON")  # "in Brody's view": a person


def test_the_state_of_a_party_and_state_bracket_is_a_place(nlp):
    """ "(R-Wisc.)", "(D-Penn., chairwoman)": the state is a place mention however the model
    reads it (both forms are not AP style, and the model left them untagged); a bracket of
    no state names none."""
    from lib.extract.mentions import mention_records

    text = (
        "Rep. Ivo Marek (R-Wisc.) and Rep. Ada Quell (D-Penn., chairwoman) met Rep. Lo Tan "
        "(R-Ky.) and the group (R-Team) on Monday."
    )
    doc = nlp(text)
    found = {(r.text.rstrip("."), r.label) for r in mention_records(doc, [0] * len(doc))}
    assert {("Wisc", "GPE"), ("Penn", "GPE"), ("Ky", "GPE")} <= found
    assert not any(t.startswith("Team") for t, _ in found)
