"""A person's name the model typed ORG, GPE or NORP still counts as a person for speakers
and he/she when the text uses it as one (:func:`lib.nlp.people.person_like`). Every
passage and name is invented; the entity types are forced so the model's own guess does
not decide."""

from __future__ import annotations

from lib.extract.quotes import extract_quotes
from lib.nlp.people import People, person_like


def forced(nlp, text: str, names: dict[str, str]):
    """``text`` parsed, with every occurrence of each name typed as ``names[name]``."""
    doc = nlp(text)
    doc.user_data["text"] = text
    spans = []
    for name, label in sorted(names.items(), key=lambda kv: -len(kv[0])):  # longest first
        start = 0
        while (k := text.find(name, start)) >= 0:
            span = doc.char_span(k, k + len(name), label=label)
            overlaps = span is None or any(span.start < s.end and s.start < span.end for s in spans)
            if not overlaps:
                spans.append(span)
            start = k + len(name)
    kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)]
    doc.set_ents(sorted(kept + spans, key=lambda e: e.start))
    return doc


def speakers(doc) -> list[str]:
    return [q.speaker_text or "" for q in extract_quotes(doc)]


REPORTS = (
    "Party chiefs meet\n\nThe meeting ran past midnight. “We will win,” Priebo said. "
    "He added that the vote would be close. “Nobody expected this,” he said."
)


def test_a_reporting_subject_then_he_is_a_person(nlp):
    doc = forced(nlp, REPORTS, {"Priebo": "ORG"})
    assert [e.text for e in person_like(doc, [])] == ["Priebo"]
    assert speakers(doc) == ["Priebo", "Priebo"]


def test_without_the_rule_he_finds_nobody(nlp, monkeypatch):
    import lib.nlp.people as people

    monkeypatch.setattr(people, "person_like", lambda doc, persons: [])
    doc = forced(nlp, REPORTS, {"Priebo": "ORG"})
    assert speakers(doc)[1] != "Priebo"


FULL_NAME = (
    "Senate race\n\nHalvo Marnet spoke first. Later Marnet met donors, and Marnet left "
    "early. “It went well,” he said."
)


def test_a_person_s_surname_marks_every_mention(nlp):
    doc = forced(nlp, FULL_NAME, {"Halvo Marnet": "PERSON", "Marnet": "GPE"})
    people = People(doc, set())
    assert [e.text for e in people.mentions] == ["Halvo Marnet", "Marnet", "Marnet"]
    assert speakers(doc) == ["Marnet"]  # the latest mention of him, not a place


def test_a_title_marks_a_person(nlp):
    text = "Senate race\n\nSen. Marnet met donors. “It went well,” he said."
    doc = forced(nlp, text, {"Marnet": "ORG"})
    assert [e.text for e in person_like(doc, [])] == ["Marnet"]
    assert speakers(doc) == ["Marnet"]


def test_an_organisation_stays_an_organisation(nlp):
    text = (
        "Results\n\n“We will win,” Priebo Inc. said. He added nothing. The Trevan Party said "
        "it would wait. He left. “Soon,” Reuters said. He smiled."
    )
    doc = forced(nlp, text, {"Priebo": "ORG", "Trevan Party": "ORG", "Reuters": "ORG"})
    assert person_like(doc, []) == []


def test_a_name_used_as_a_modifier_or_a_plural_is_no_person(nlp):
    text = "Factory\n\nSir Dunmore spoke. Dunmore workers walked out. The Dunmores said no."
    doc = forced(nlp, text, {"Dunmore": "ORG", "Dunmores": "NORP"})
    found = [(e.text, e.start) for e in person_like(doc, [])]
    assert [t for t, _ in found] == ["Dunmore"]  # "Sir Dunmore", not "Dunmore workers"


#: A full name typed as a building (FAC), reporting, then someone else named before "she".
GIVEN_REPORTS = (
    "Party vote\n\nAnd Ohio's Ada Corlasco, a party delegate, said Halvo Marnet would win. "
    "“I think he will do fine,” she said."
)


def test_a_given_name_and_surname_reporting_is_a_person(nlp):
    doc = forced(nlp, GIVEN_REPORTS, {"Ada Corlasco": "FAC", "Halvo Marnet": "PERSON"})
    assert [e.text for e in person_like(doc, [])] == ["Ada Corlasco"]
    assert speakers(doc) == ["Ada Corlasco"]


def test_without_the_given_name_rule_she_finds_nobody(nlp, monkeypatch):
    import lib.nlp.people as people

    monkeypatch.setattr(people, "MISTYPED", frozenset({"ORG", "GPE", "NORP"}))
    doc = forced(nlp, GIVEN_REPORTS, {"Ada Corlasco": "FAC", "Halvo Marnet": "PERSON"})
    assert person_like(doc, []) == []
    assert speakers(doc) != ["Ada Corlasco"]


def test_a_reporting_org_without_a_given_name_stays_an_organisation(nlp):
    text = "Vote\n\nTrevan Holdings said Halvo Marnet would win. “He will do fine,” it said."
    doc = forced(nlp, text, {"Trevan Holdings": "ORG", "Halvo Marnet": "PERSON"})
    assert person_like(doc, []) == []


def test_a_thing_named_after_a_person_stays_a_thing(nlp):
    """A building, hall or bridge named after someone ("Ada Corlasco Theater") is no person,
    though its first word is a clear given name and it is the subject of "said"."""
    text = "Opening\n\nAda Corlasco Theater said the season would start in May."
    for label in ("ORG", "FAC"):
        doc = forced(nlp, text, {"Ada Corlasco Theater": label})
        assert person_like(doc, []) == []


#: A full name typed ORG whose first word is a clear given name, never a reporting subject.
CLEAR_GIVEN = (
    "College debt\n\nVanessa Corlasco graduated in 2009 with a master's degree. Halvo Marnet "
    "taught her then. Corlasco now owes $80,000. “I regret it every day,” she said."
)


def test_a_clear_given_name_makes_a_mistyped_name_a_person(nlp):
    doc = forced(
        nlp, CLEAR_GIVEN, {"Vanessa Corlasco": "ORG", "Corlasco": "GPE", "Halvo Marnet": "PERSON"}
    )
    assert [e.text for e in person_like(doc, [])] == ["Vanessa Corlasco", "Corlasco"]
    assert speakers(doc) == ["Corlasco"]


def test_without_the_clear_given_name_rule_she_finds_nobody(nlp, monkeypatch):
    import lib.nlp.people as people

    monkeypatch.setattr(people, "_clear_given_name", lambda word: False)
    doc = forced(
        nlp, CLEAR_GIVEN, {"Vanessa Corlasco": "ORG", "Corlasco": "GPE", "Halvo Marnet": "PERSON"}
    )
    assert person_like(doc, []) == []
    assert speakers(doc) != ["Corlasco"]


def test_a_given_name_that_is_also_a_place_is_not_enough(nlp):
    text = "Tech news\n\nVirginia Corlasco opened a lab. “It is ready,” it said."
    doc = forced(nlp, text, {"Virginia Corlasco": "ORG"})
    assert person_like(doc, []) == []


#: The full name is tagged; a later bare surname is left untagged by the model.
UNTAGGED = (
    "Hearing\n\nDana Priebo spoke first. Halvo Marnet answered her. Then Priebo stood up. "
    "“We will not wait,” she said."
)


def untagged(nlp, text: str, word: str):
    """``text`` parsed with every entity on ``word`` removed."""
    doc = forced(nlp, text, {"Dana Priebo": "PERSON", "Halvo Marnet": "PERSON"})
    doc.set_ents([e for e in doc.ents if e.text != word])
    return doc


def test_an_untagged_surname_of_a_named_person_is_a_mention(nlp):
    doc = untagged(nlp, UNTAGGED, "Priebo")
    people = People(doc, set())
    assert [e.text for e in people.mentions] == ["Dana Priebo", "Halvo Marnet", "Priebo"]
    assert people.person(people.mentions[-1]) == "Dana Priebo"
    assert speakers(doc) == ["Priebo"]  # her latest mention, not Marnet


def test_without_untagged_surnames_the_last_mention_is_lost(nlp, monkeypatch):
    import lib.nlp.people as people_mod

    monkeypatch.setattr(people_mod, "untagged_surnames", lambda doc, mentions: [])
    doc = untagged(nlp, UNTAGGED, "Priebo")
    assert [e.text for e in People(doc, set()).mentions] == ["Dana Priebo", "Halvo Marnet"]
    assert speakers(doc) != ["Priebo"]


def test_a_surname_inside_a_longer_untagged_name_is_no_mention(nlp):
    text = "Hearing\n\nDana Priebo spoke first. The Priebo Street shop closed."
    doc = untagged(nlp, text, "Priebo Street")
    assert [e.text for e in People(doc, set()).mentions] == ["Dana Priebo"]


PARTICLE = (
    "Port deal signed\n\nPrime Minister Karim el-Haddad signed the port agreement on "
    "Tuesday. Jonas de Vries, the envoy who brokered the talks, said the next round would "
    "open in May.\n\nAbout 200 dockworkers marched through the old town to denounce the "
    'agreement. El-Haddad dismissed the criticism. "The harbour stays ours," he said.'
)


def test_a_particle_capitalised_at_a_sentence_start_is_the_same_surname(nlp):
    """"El-Haddad dismissed" of "Karim el-Haddad", typed ORG: the person, and the he/she
    after it is theirs (not the envoy's, who spoke in the paragraph before)."""
    doc = forced(nlp, PARTICLE, {"El-Haddad": "ORG"})
    people = People(doc, set())
    bare = next(e for e in people.mentions if e.text == "El-Haddad")
    assert people.person(bare) == "Karim el-Haddad"
    assert speakers(doc) == ["El-Haddad"]


#: A bare surname typed as a place, the subject of "said" with another name before the
#: verb, and he as the subject of the clause "said" governs.
SAID_HE = (
    "Border talks\n\nThe talks ran late. Velstrand, contradicting Halvo Marnet, said he had "
    "warned the delegation. Later the delegation left. “It is settled,” he said."
)


def test_said_he_marks_a_person(nlp):
    doc = forced(nlp, SAID_HE, {"Velstrand": "GPE", "Halvo Marnet": "PERSON"})
    assert [e.text for e in person_like(doc, [])] == ["Velstrand"]


def test_said_it_keeps_an_organisation(nlp):
    text = SAID_HE.replace("said he had", "said it had")
    doc = forced(nlp, text, {"Velstrand": "GPE", "Halvo Marnet": "PERSON"})
    assert person_like(doc, []) == []


#: A surname typed ORG everywhere; the text writes it once after a given name and a quoted
#: nickname, which only a person's name has.
NICKNAMED = (
    "Hearing\n\nFormer guard Tomas “Tee” Orvalle testified on Monday. “Nobody came,” "
    "Orvalle stated. The hearing then ended. “We waited,” Orvalle added."
)


def test_a_nicknamed_surname_is_a_person(nlp):
    doc = forced(nlp, NICKNAMED, {"Orvalle": "ORG", "Tomas": "PERSON"})
    assert "Orvalle" in [e.text for e in person_like(doc, [])]
    assert speakers(doc)[-1] == "Orvalle"


def test_without_a_nickname_the_bare_org_stays(nlp):
    text = NICKNAMED.replace("Tomas “Tee” Orvalle", "the Orvalle guard")
    doc = forced(nlp, text, {"Orvalle": "ORG"})
    assert "Orvalle" not in [e.text for e in person_like(doc, [])]


def test_a_job_noun_before_a_name_marks_a_person(nlp):
    """ "the party analyst Rodu Velsk": a lower-case job noun right before the name,
    whose first word is no known given name."""
    text = "Region\n\nThe party analyst Rodu Velsk met donors. “It went well,” he said."
    doc = forced(nlp, text, {"Rodu Velsk": "ORG"})
    assert [e.text for e in person_like(doc, [])] == ["Rodu Velsk"]


def test_a_job_in_apposition_marks_a_person(nlp):
    text = (
        "Region\n\nThe vote was close. Rodu Velsk, the governor, met donors. "
        "“It went well,” he said."
    )
    doc = forced(nlp, text, {"Rodu Velsk": "ORG"})
    assert [e.text for e in person_like(doc, [])] == ["Rodu Velsk"]


def test_a_headlines_quoted_word_between_function_words_is_no_nickname():
    """Title Case headlines put a quoted word between "Is" and "And"; a function word that
    is no given name is never part of a ``Given "Nick" Surname`` (a given name that is also
    a function word, "Will", still is)."""
    from lib.nlp.names import nicknames_in

    assert nicknames_in("Mayor Is 'Calm' And 'Ready,' Council Says") == []
    found = nicknames_in("Former guard Will “Bud” Harrow testified.")
    assert [m.group("surname") for m in found] == ["Harrow"]
