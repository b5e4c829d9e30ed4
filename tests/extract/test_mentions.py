"""lib.extract.mentions: cleaned name mentions with their cues."""

from __future__ import annotations

import pytest

from lib.extract.mentions import mention_records


def records_of(nlp, text: str):
    """The mention records of ``text``, every token in sentence 0."""
    doc = nlp(text)
    return mention_records(doc, [0] * len(doc))


def test_mention_records_cleaning_and_cues(nlp):
    text = "Ukraine Calls for Stronger Western Support\n\nFighting in the Kursk region grew."
    doc = nlp(text)
    sent_ids = [0] * len(doc)
    records = mention_records(doc, sent_ids)
    kursk = [r for r in records if r.text == "Kursk"]
    assert kursk and kursk[0].cue == "region" and not kursk[0].in_title
    assert text[kursk[0].start_char : kursk[0].end_char] == "Kursk"
    assert all(r.in_title for r in records if r.start_char < text.index("\n"))


def test_mention_records_cut_at_parenthesis(nlp):
    text = "The National Hurricane Center (NHC) said the storm would weaken."
    records = records_of(nlp, text)
    texts = [r.text for r in records]
    assert "National Hurricane Center" in texts
    assert not any("(" in t for t in texts)
    nhc = [r for r in records if r.text == "NHC"]
    assert nhc and nhc[0].expansion == "National Hurricane Center"


def test_an_abbreviated_title_cut_off_before_a_name_is_no_person(nlp):
    # the model may cut "Sgt." off as a sentence and tag it PERSON; it is the title of the
    # name after it, never a person "Sgt" of its own
    text = (
        "Okafor introduced Sgt. Lena Vostrik, the first officer on the scene, at a briefing. "
        '"The water was high," she said.'
    )
    texts = [r.text for r in records_of(nlp, text) if r.label == "PERSON"]
    assert "Lena Vostrik" in texts
    assert not {"Sgt", "Sgt."} & set(texts)


def test_a_bare_surname_like_an_undotted_title_stays_a_name(nlp):
    text = "The economist Ravi Sen spoke first. Sen said the plan would fail."
    texts = [r.text for r in records_of(nlp, text) if r.label == "PERSON"]
    assert "Sen" in texts or "Ravi Sen" in texts


def _places(nlp, text):
    doc = nlp(text)
    return {
        (r.start_char, r.text): (r.label, r.expansion) for r in mention_records(doc, [0] * len(doc))
    }


def test_a_town_the_model_types_org_is_a_place_where_only_a_place_stands(nlp):
    text = (
        "ORVALE, Tenn. (KXRB) — A truck left the road.\n\n"
        "The truck belonged to Quarrow Haulage, of Orvale, Indiana. The driver lived in "
        "Orvale, Mass."
    )
    found = _places(nlp, text)
    dateline = found[(0, "ORVALE")]
    assert dateline == ("GPE", "Orvale, Tennessee")
    indiana = found[(text.index("Orvale, Indiana"), "Orvale")]
    assert indiana == ("GPE", "Orvale, Indiana")  # "Indiana." ending the sentence too


def test_a_company_before_a_state_in_a_longer_phrase_stays_an_organisation(nlp):
    text = "Workers said Boeing, Washington's largest employer, would hire. Boeing declined."
    found = _places(nlp, text)
    labels = {label for (_, t), (label, _) in found.items() if t == "Boeing"}
    assert labels <= {"ORG"} and labels


@pytest.mark.parametrize(
    ("text", "first", "length", "expected"),
    [
        (  # a person and their home town
            "Police named the driver as Teodor Varkony of Pellaton, Florida, after the crash.",
            "Teodor",
            4,
            {("Teodor Varkony", "PERSON"), ("Pellaton", "GPE")},
        ),
        (  # a scientist and her university
            "The study was led by Marta Quellin of Dunmore State University in the spring.",
            "Marta",
            6,
            {("Marta Quellin", "PERSON"), ("Dunmore State University", "ORG")},
        ),
    ],
)
def test_a_person_and_what_they_are_of_tagged_as_one_organisation_are_two(
    nlp, text, first, length, expected
):
    from spacy.tokens import Span

    doc = nlp(text)
    start = [t.text for t in doc].index(first)
    doc.ents = [Span(doc, start, start + length, label="ORG")]  # as the model may tag it
    assert {(r.text, r.label) for r in mention_records(doc, [0] * len(doc))} == expected


def test_a_body_of_an_organisation_with_no_given_name_before_it_stays_whole(nlp):
    from spacy.tokens import Span

    doc = nlp("The Friends of Dunmore State University met.")
    doc.ents = [Span(doc, 1, 6, label="ORG")]
    assert {r.text for r in mention_records(doc, [0] * len(doc))} == {
        "Friends of Dunmore State University"
    }


def test_bodies_of_a_place_stay_whole(nlp):
    found = _places(nlp, "The University of Alabama and the Bank of America sued the Duke of Kent.")
    texts = {t for (_, t) in found}
    assert "University of Alabama" in texts and "Bank of America" in texts


def test_a_possessive_after_an_irregular_plural_is_part_of_the_name(nlp):
    # "Children's", "Women's" inside a name belong to it; "Vantor's" before a name owns it
    text = (
        "The United Nations Children's Fund said the cuts hurt families. "
        "The Women's Lantern Society met in Vantor's Grand Hall on Friday."
    )
    texts = [r.text for r in records_of(nlp, text)]
    assert "United Nations Children's Fund" in texts
    assert "United Nations Children" not in texts


def test_a_body_and_the_person_its_title_names_tagged_as_one_organisation_are_two(nlp):
    text = (
        "WASHINGTON (Reuters) - The Federal Reserve held interest rates steady on Wednesday, "
        "and Fed Chair Maren Castell said the central bank would watch inflation closely. "
        "The Justice Department Inspector General Office declined to comment."
    )
    found = {(r.text, r.label) for r in records_of(nlp, text)}
    assert ("Maren Castell", "PERSON") in found and ("Fed", "ORG") in found
    assert not any("Castell" in t and lab != "PERSON" for t, lab in found)
    assert ("Justice Department Inspector General Office", "ORG") in found  # no name after


def test_an_appeals_court_however_written_is_one_name(nlp):
    # a number in digits before the court, "for the 10th Circuit" after it, "The" before it
    text = (
        "The U.S. Court of Appeals for the 10th Circuit on Tuesday blocked the ban. "
        "The 10th U.S. Circuit Court of Appeals sided with the group."
    )
    found = [r.text for r in records_of(nlp, text) if r.label == "ORG"]
    assert found == [
        "U.S. Court of Appeals for the 10th Circuit",
        "10th U.S. Circuit Court of Appeals",
    ]


def test_a_name_the_model_cut_at_and_or_inside_a_hyphenated_word_stays_whole(nlp):
    text = (
        "The Organisation for Economic Co-operation and Development said growth would slow. "
        "The Organisation for Economic Co-operation and Development (OECD) cut its forecast."
    )
    found = [r.text for r in records_of(nlp, text) if r.label == "ORG"]
    assert found[0] == "Organisation for Economic Co-operation and Development"
    assert not any(t.endswith("Co.") or t.endswith(" Co") for t in found)


def test_two_regions_joined_by_and_stay_two(nlp):
    text = '"The pact is a risk to both the Indo-Pacific and Euro-Atlantic security," Varkan said.'
    found = [r.text for r in records_of(nlp, text)]
    assert not any(" and " in t for t in found)


def test_an_outlets_credit_in_its_dateline_is_no_mention(nlp):
    text = (
        "Judge jails former councillor\n"
        "MINNEAPOLIS (KXMN) — A Hennepin County judge on Tuesday sentenced Ada Roe.\n"
        "ROE SAID (Reuters) she would appeal."
    )
    found = {r.text for r in records_of(nlp, text)}
    assert "KXMN" not in found  # the outlet crediting itself
    assert {"Ada Roe", "Reuters"} <= found  # brackets of no dateline are the story's


def test_a_place_run_into_its_courts_level_before_a_judge_is_the_place(nlp):
    for text, place in [
        ("Hennepin County District Judge Harriet Lindqvist sentenced him.", "Hennepin County"),
        ("Cook County Circuit Judge Ada Roe said no.", "Cook County"),
    ]:
        found = {(r.text, r.label) for r in records_of(nlp, text)}
        assert (place, "GPE") in found, found
        assert not any(t.endswith(("District", "Circuit")) for t, _ in found)
    assert "Ninth Circuit" in {
        r.text for r in records_of(nlp, "The Ninth Circuit ruled on Friday.")
    }


def test_a_name_cut_inside_a_hyphenated_word_is_whole(nlp):
    found = {
        (r.text, r.label)
        for r in records_of(
            nlp, "The minister flew into Youssef al-Khatib International Airport on Monday."
        )
    }
    assert found == {("Youssef al-Khatib International Airport", "FAC")}
    assert {r.text for r in records_of(nlp, "The Obama-era rule and the Russia-Ukraine war.")} <= {
        "Russia",
        "Ukraine",
    }


def test_a_score_after_a_teams_name_is_no_part_of_it(nlp):
    names = {r.text for r in records_of(nlp, "Denver edges Boston 104-99 in Game 7.")}
    assert "Boston" in names and not any("104" in n for n in names)


def test_a_given_name_the_model_typed_a_thing_alone_takes_its_untagged_surname(nlp):
    """ "the bitter Wendell Brandvold hearing" with only "Wendell" tagged (ORG): one
    person "Wendell Brandvold", so that "Brandvold" later is his surname, not a given name
    of someone else; "Wendell Street" (a thing's head word) stays as tagged."""
    from spacy.tokens import Span

    from lib.extract.name_forms import given_name_rest

    doc = nlp("The bitter Wendell Brandvold hearing ran a week before Brandvold was confirmed.")
    i = [t.text for t in doc].index("Wendell")
    doc.ents = [Span(doc, i, i + 1, label="ORG")]
    whole = given_name_rest(doc, doc.ents[0])
    assert (whole.text, whole.label_) == ("Wendell Brandvold", "PERSON")
    doc = nlp("She walked down Wendell Street to the court.")
    i = [t.text for t in doc].index("Wendell")
    doc.ents = [Span(doc, i, i + 1, label="ORG")]
    assert given_name_rest(doc, doc.ents[0]).text == "Wendell"


def test_an_ordinary_word_opening_a_sentence_is_no_person_but_a_name_is(nlp):
    from spacy.tokens import Span

    text = (
        "Turnout fell in the rain. Ms. Quell voted early.\n\n"
        "Harvest was late, Sterling said. Fields were flooded, and Sterling left.\n\n"
        "Mercy Quell said Rice was wrong. Rice disagreed."
    )
    doc = nlp(text)
    tokens = [t.text for t in doc]
    ents = []
    for k, t in enumerate(doc):
        if t.text in ("Turnout", "Harvest", "Sterling", "Rice", "Quell"):
            ents.append(Span(doc, k, k + 1, label="PERSON"))
    doc.ents = ents  # as the model may tag them
    found = [r.text for r in mention_records(doc, [0] * len(doc))]
    assert "Turnout" not in found and "Harvest" not in found  # sentence openers only
    # written mid-sentence, followed by "said", or a surname: names
    assert found.count("Sterling") == 2 and found.count("Rice") == 2
    assert tokens.count("Quell") == 2 and found.count("Quell") >= 1


def test_a_polity_cut_from_its_legislature_is_one_name(nlp):
    from spacy.tokens import Span

    text = "The measure passed the Dunmore Senate, and the U.S. House agreed on Monday."
    doc = nlp(text)
    words = [t.text for t in doc]
    us, house = words.index("U.S."), words.index("House")
    dunmore = words.index("Dunmore")
    doc.ents = [
        Span(doc, dunmore, dunmore + 2, label="ORG"),
        Span(doc, us, us + 1, label="GPE"),
        Span(doc, house, house + 1, label="ORG"),
    ]  # as the model may cut it
    found = {(r.text, r.label) for r in mention_records(doc, [0] * len(doc))}
    assert ("U.S. House", "ORG") in found and ("U.S.", "GPE") not in found


def test_the_last_two_names_of_a_list_joined_by_and_are_two_names(blank_nlp):
    """ "If Hale and Orwin and Pemberton believed …" with "Orwin and Pemberton" tagged one
    organisation: the tail of a list of names, two names; "Orwin and Pemberton" with no
    name and "and" before it (a firm) stays one."""
    from spacy.tokens import Span

    from lib.extract.pieces import pieces as _pieces

    def pieces(text: str) -> list[str]:
        doc = blank_nlp(text)
        start = [t.text for t in doc].index("Orwin")
        ent = Span(doc, start, start + 3, label="ORG")
        return [doc[a:b].text for a, b in _pieces(doc, ent, True)]

    assert pieces("If Hale and Orwin and Pemberton believed it, we would know.") == [
        "Orwin",
        "Pemberton",
    ]
    assert pieces("She joined Orwin and Pemberton in May.") == ["Orwin and Pemberton"]


def test_a_name_the_model_ran_across_a_spaced_dash_ends_at_the_dash(nlp):
    """A newsletter's run-in head ("… IN OSTVARIA - Since May, …"): the model runs the
    place across the dash into the next word; a spaced dash ends a name (names are
    hyphenated without spaces)."""
    from spacy.tokens import Span

    doc = nlp("RATES RISE IN OSTVARIA - Since May, the central bank has raised rates twice.")
    doc.ents = [Span(doc, 3, 6, label="GPE")]  # as the model tags it
    texts = [r.text for r in mention_records(doc, [0] * len(doc))]
    assert "OSTVARIA" in texts and not any("Since" in t for t in texts)
    doc = nlp("Officials in Baden-Kessel said the rates rose.")
    doc.ents = [Span(doc, 2, 5, label="GPE")]  # "Baden-Kessel": hyphenated, stays whole
    assert [r.text for r in mention_records(doc, [0] * len(doc))] == ["Baden-Kessel"]


def test_an_organisation_named_with_a_possessive_and_a_head_word_stays_whole(nlp):
    """ "Nell's Club" is the name of a chain, not Nell and a club; "Varda's Ostvik" (an
    owner and a place) is still cut at the possessive."""
    from spacy.tokens import Span

    doc = nlp("She manages a Nell's Club in Tolland.")
    doc.ents = [Span(doc, 3, 6, label="ORG")]  # as the model tags it
    assert [r.text for r in mention_records(doc, [0] * len(doc))] == ["Nell's Club"]
    doc = nlp("She visited Varda's Ostvik last year.")
    doc.ents = [Span(doc, 2, 5, label="GPE")]
    assert [r.text for r in mention_records(doc, [0] * len(doc))] == ["Varda"]


def test_a_party_word_and_a_persons_name_tagged_as_one_thing_is_the_person(nlp):
    """ "agrees with Republican Ada Quint": the model tags party and name as one
    organisation; a party word, a known given name and a surname are that person. A body
    ("Republican National Committee") stays whole."""
    from spacy.tokens import Span

    doc = nlp("The mayor now agrees with Republican Ada Quint on taxes.")
    doc.ents = [Span(doc, 5, 8, label="ORG")]  # as the model tags it
    assert [(r.text, r.label) for r in mention_records(doc, [0] * len(doc))] == [
        ("Ada Quint", "PERSON")
    ]
    doc = nlp("The mayor now agrees with Republican National Committee on taxes.")
    doc.ents = [Span(doc, 5, 8, label="ORG")]
    assert [r.text for r in mention_records(doc, [0] * len(doc))] == [
        "Republican National Committee"
    ]


def test_a_body_named_by_its_number_of_members_is_one_name(nlp):
    """The model cuts "Group of" + "Nine" (a CARDINAL): a body named by its number of
    members is one organisation, not "Group"."""
    from spacy.tokens import Span

    doc = nlp("Ostvaria asked to rejoin the Group of Nine major economies.")
    doc.ents = [Span(doc, 5, 7, label="ORG"), Span(doc, 7, 8, label="CARDINAL")]
    assert [(r.text, r.label) for r in mention_records(doc, [0] * len(doc))] == [
        ("Group of Nine", "ORG")
    ]


def test_a_possessive_the_model_put_at_a_names_start_is_no_part_of_it(nlp):
    from spacy.tokens import Span

    doc = nlp("Critics faulted the state’s Quiet Harbor Liberty Act on Monday.")
    doc.ents = [Span(doc, 4, 9, label="LAW")]  # "’s Quiet Harbor Liberty Act", as tagged
    assert [r.text for r in mention_records(doc, [0] * len(doc))] == ["Quiet Harbor Liberty Act"]


def test_president_pro_tem_is_a_title_not_part_of_the_name(nlp):
    texts = [r.text for r in records_of(nlp, "Senate President Pro Tem Dale Quint said no.")]
    assert "Dale Quint" in texts and not any("Pro Tem" in t for t in texts)
