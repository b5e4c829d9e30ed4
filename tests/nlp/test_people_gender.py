"""Gender and identity of a person from courtesy titles (:mod:`lib.nlp.people`): "Mrs. Roe"
tells Mary Roe from John Roe, and a courtesy title outweighs the he/she that happened to
follow the name. Every passage and name is invented."""

from __future__ import annotations

from lib.nlp.people import People


def people_of(nlp, text: str) -> tuple[People, dict[str, object]]:
    doc = nlp(text)
    doc.user_data["text"] = text
    people = People(doc, set())
    by_text = {}
    for ent in people.mentions:
        before = doc[ent.start - 1].text + " " if ent.start > 0 else ""
        by_text[(before + ent.text) if before in ("Mr. ", "Mrs. ", "Ms. ") else ent.text] = ent
    return people, by_text


def test_a_courtesy_title_tells_which_namesake_is_meant(nlp):
    text = (
        "John Roe and Mary Roe opened a bakery in Dover last year. Mrs. Roe bakes the bread "
        "before dawn. Mr. Roe keeps the books."
    )
    people, ents = people_of(nlp, text)
    assert people.person(ents["Mrs. Roe"]) == "Mary Roe"
    assert people.person(ents["Mr. Roe"]) == "John Roe"


def test_she_after_mr_and_mrs_is_the_woman_of_two_namesakes(analyse_texts):
    text = (
        "Bakery opens\n\nJohn Roe and Mary Roe opened a bakery in Dover last year. Mrs. Roe "
        'bakes the bread before dawn. Mr. Roe keeps the books.\n\n"We never close," she said.'
    )
    (q,) = analyse_texts({"a": text}, {"a": "A"}).quotes.itertuples()
    assert (q.speaker, q.speaker_how) == ("Mary Roe", "pronoun")  # not "Roe", the last named


def test_mr_never_joins_the_only_woman_of_that_name(nlp):
    text = "Mary Roe chairs the board of the bakery. Mr. Roe keeps its books."
    people, ents = people_of(nlp, text)
    assert people.person(ents["Mr. Roe"]) != "Mary Roe"


def test_a_courtesy_title_outweighs_the_pronouns_that_followed(nlp):
    text = (
        "Ms. Lee chaired the hearing on Tuesday. Lee spoke first. He had arrived late. "
        "Lee spoke again. He left early. Lee returned. He sat down. Lee smiled. He waved."
    )
    people, ents = people_of(nlp, text)
    assert people.gender(ents["Ms. Lee"]) == "f"


#: Two women and a man share a surname: "Mrs. Roe" stays the bare "Roe" (either woman),
#: while every "Mr. Roe" is John Roe.
THREE_ROES = (
    "John Roe, Mary Roe and Ann Roe run a bakery in Dover. Mr. Roe keeps the books. "
    "Mr. Roe pays the bills. Mr. Roe orders the flour. Mrs. Roe bakes the bread."
)


def test_mr_of_a_namesake_does_not_make_the_bare_surname_a_man(nlp):
    people, ents = people_of(nlp, THREE_ROES)
    assert people.person(ents["Mr. Roe"]) == "John Roe"
    assert people.person(ents["Mrs. Roe"]) == "Roe"
    assert people.gender(ents["Mrs. Roe"]) == "f"  # her own title, not John's three
