"""Round 14: classes read by hand in PolNeAR training articles (never in BASIL or the
seeds), each on invented text: a surname the article already gave a person is not a lone
given name sharing the next person's surname, and a hyphenated word is no acronym's
expansion.
"""

from __future__ import annotations

import re


def test_a_surname_already_named_is_no_given_name_sharing_the_next_surname(analyse_texts):
    text = (
        "Senators weigh convention trip\n\n"
        "Several Republicans are staying home, including Sen. Ron Carter of Iowa.\n\n"
        "Two senators in close races, Carter and Rob Vantreese of Ohio, skipped the event."
    )
    m = analyse_texts({"a": text}).mentions
    carter = m[m["text"] == "Carter"]
    assert list(carter["entity"]) == ["Ron Carter"]
    assert "Carter Vantreese" not in set(m["entity"])


def test_given_names_before_a_shared_surname_still_share_it(analyse_texts):
    text = (
        "Couple opens bakery\n\n"
        "The couple, Daniel and Maria Whitcombe, said they were relieved."
    )
    m = analyse_texts({"a": text}).mentions
    assert "Daniel Whitcombe" in set(m["entity"])


def test_a_hyphenated_word_is_no_acronyms_expansion():
    import pandas as pd

    from lib.nlp.names import initials
    from lib.resolve.short_forms import _org_groups

    assert initials("Anti-Gala") == set()
    assert "TPP" in initials("Trans-Pacific Partnership")
    assert _org_groups(pd.Series([1, 2], index=["AG", "Anti-Gala"])) == {}
    assert _org_groups(pd.Series([1, 2], index=["TPP", "Trans-Pacific Partnership"])) == {
        "TPP": "Trans-Pacific Partnership"
    }


def test_a_two_word_surname_row_is_named_with_its_given_name(analyse_texts):
    text = (
        "Party chair under fire\n\n"
        "Rep. Margaret Castellanos Vance said on Sunday she would step down as party chair.\n\n"
        "Castellanos Vance has led the party since 2011. Critics said Castellanos Vance ignored "
        "them. Castellanos Vance declined to comment further."
    )
    m = analyse_texts({"a": text}).mentions
    people = m[m["label"] == "PERSON"]
    assert set(people.loc[people["text"].str.contains("Vance"), "entity"]) == {
        "Margaret Castellanos Vance"
    }


def _typed(nlp, text: str, labels: dict[str, str]):
    """``text`` parsed, its entities set by hand: name -> label."""
    doc = nlp(text)
    spans = []
    for name, label in labels.items():
        start = text.index(name)
        spans.append(doc.char_span(start, start + len(name), label=label))
    doc.ents = spans
    return doc


def test_a_name_in_a_list_of_people_is_a_person(nlp):
    from lib.nlp.people import person_like

    text = "Donors included Ada Roe, Chad Brimley, and Al Moss, the filing shows."
    doc = _typed(nlp, text, {"Ada Roe": "PERSON", "Chad Brimley": "ORG", "Al Moss": "PERSON"})
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    assert [e.text for e in person_like(doc, persons)] == ["Chad Brimley"]
    # a firm in the same list is no person: its first word is no given name
    text = "Donors included Ada Roe, Pellham Sachs, and Al Moss, the filing shows."
    doc = _typed(nlp, text, {"Ada Roe": "PERSON", "Pellham Sachs": "ORG", "Al Moss": "PERSON"})
    assert person_like(doc, [e for e in doc.ents if e.label_ == "PERSON"]) == []
    # outside a list, a given name that is also a country decides nothing
    text = "Donors included Chad Brimley, the filing shows. Ada Roe gave too."
    doc = _typed(nlp, text, {"Chad Brimley": "ORG", "Ada Roe": "PERSON"})
    assert person_like(doc, [e for e in doc.ents if e.label_ == "PERSON"]) == []


def test_a_department_written_without_its_word_is_the_department():
    import pandas as pd

    from lib.resolve.short_forms import _org_groups

    def groups(*names):
        return _org_groups(pd.Series([3] + [1] * (len(names) - 1), index=list(names)))

    assert groups("Treasury", "Treasury Department") == {"Treasury": "Treasury Department"}
    assert groups("Census", "Census Bureau") == {"Census": "Census Bureau"}
    # an administration is named after a person, an office after a room: neither joins
    assert groups("Halvorsen", "Halvorsen Administration") == {}
    assert groups("Oval", "Oval Office") == {}


def test_a_pac_goes_by_its_name_without_pac():
    import pandas as pd

    from lib.resolve.short_forms import _org_groups

    names = ["Keep Rivers Free", "Keep Rivers Free PAC"]
    assert _org_groups(pd.Series([3, 2], index=names)) == {
        "Keep Rivers Free PAC": "Keep Rivers Free"
    }


def _roots(names: list[str]) -> set[str]:
    import pandas as pd

    from lib.resolve.short_forms import _org_groups

    out = _org_groups(pd.Series([1] * len(names), index=names))
    return {out.get(n, n) for n in names}


def test_a_body_of_a_parent_organisation_written_three_ways_is_one():
    assert len(_roots(["U.N. Security Council", "UN Security Council",
                       "United Nations Security Council", "Security Council"])) == 1  # fmt: skip
    # the parent alone stays the parent
    assert len(_roots(["United Nations", "U.N. Security Council"])) == 2


def test_an_appeals_court_by_its_circuit_whatever_the_spelling_of_its_number():
    names = ["Ninth Circuit", "9th Circuit", "U.S. Court of Appeals for the Ninth Circuit",
             "9th U.S. Circuit Court of Appeals"]  # fmt: skip
    assert len(_roots(names)) == 1
    # two circuits stay two courts
    assert len(_roots(["Ninth Circuit", "Fifth Circuit Court of Appeals"])) == 2


def test_a_line_over_a_dateline_is_the_headline_whatever_it_quotes(analyse_texts):
    from lib.nlp.headline import is_headline

    title = "Council sends ‘deepest regrets over the emails’ to Mayor Roe."
    body = (
        "HARWICK, May 3 (Valley Wire) — The Harwick city council sent its regrets to Mayor "
        "Ada Roe on Monday, calling the emails “wrong in every way” after staff messages "
        "mocking her were published."
    )
    assert is_headline(title, body)
    assert is_headline(title, "HARWICK, Ore. — The council apologised on Monday.")
    # no dateline: a sentence quoting four words stays prose
    assert not is_headline(title, "The council apologised on Monday to the mayor.")
    quotes = analyse_texts({"a": f"{title}\n\n{body}"}).quotes
    assert not (quotes["start_char"] < len(title)).any()


def test_a_quote_paragraph_after_a_statement_is_its_authors(analyse_texts):
    text = (
        "Council apologises to mayor\n\n"
        "HARWICK — The Harwick Tenants Union released a statement on Monday about the "
        "emails its staff sent about Mayor Ada Roe.\n\n"
        "“We are sorry for the hurt these emails caused. They do not show who we are as a "
        "union.”\n\n"
        "Roe thanked the union. She then left for Salem.\n\n"
        "“The bridge will open in June and the road in July, as planned for years.”"
    )
    quotes = analyse_texts({"a": text}).quotes.sort_values("start_char")
    first, last = quotes.iloc[0], quotes.iloc[-1]
    assert first["speaker_how"] == "statement before"
    assert "Tenants Union" in first["speaker"]
    # a paragraph that issues no statement gives its quote no author this way
    assert last["speaker_how"] != "statement before"


def test_a_one_word_organisation_missed_in_one_body_is_found_mid_sentence():
    from lib.resolve.propagate import propagate_names

    texts = {
        "a": "Fighters of Quillmark fired rockets on Monday. Ada Roe said Quillmark was to blame.",
        "b": "Quillmark denied it. Officials said Quillmark had fired first, and Roe agreed.",
        "c": "Rockets hit the town. Police blamed Quillmark. Quillmark issued no statement.",
    }
    records = [
        {"doc_id": doc, "outlet": doc.upper(), "start_char": m.start(), "end_char": m.end(),
         "text": "Quillmark", "label": "ORG"}
        for doc in ("a", "b")
        for m in re.finditer("Quillmark", texts[doc])
    ]  # fmt: skip
    records.append({"doc_id": "a", "outlet": "A", "start_char": 53, "end_char": 60,
                    "text": "Ada Roe", "label": "PERSON"})  # fmt: skip
    sentences = [{"doc_id": d, "sentence_id": 0, "start_char": 0} for d in texts]
    added = propagate_names(records, texts, sentences, dict.fromkeys(texts, ""))
    found = [(r["doc_id"], r["start_char"]) for r in added if r["text"] == "Quillmark"]
    # mid-sentence in the body that missed it; not as the first word of a sentence, where a
    # capitalised word may be any word
    assert found == [("c", texts["c"].index("Quillmark"))]
    assert all(r["label"] == "ORG" for r in added if r["text"] == "Quillmark")
    # a person's name of the story is never propagated as an organisation
    assert not any(r["text"] == "Roe" and r["label"] == "ORG" for r in added)


def test_a_they_who_argues_is_people_not_things(analyse_texts):
    text = (
        "Trade study revisited\n\n"
        "Three economists at Harwick College studied the mills. They estimated that cheaper "
        "steel imports from 2001 to 2012 cut up to 90,000 local jobs.\n\n"
        "“Our findings should make planners think again about zoning,” they argued."
    )
    quotes = analyse_texts({"a": text}).quotes
    row = quotes.iloc[0]
    assert "imports" not in str(row["speaker"])
    assert "economists" in str(row["speaker"])


def test_a_copula_gives_a_quoted_fragment_no_speaker(analyse_texts):
    text = (
        "Young voters keen\n\n"
        "A survey of 800 adults found most plan to vote. Turnout is even higher among "
        "students (40% “very likely”), the survey found."
    )
    quotes = analyse_texts({"a": text}).quotes
    assert "Turnout" not in set(quotes["speaker"].fillna(""))


def test_of_two_subjects_the_parse_gives_a_verb_the_persons_name_speaks(analyse_texts):
    text = (
        "Roe: ‘We Are Going To Go All The Way To Salem And Win It.’\n\n"
        "Tuesday at Harwick Wallace University in Marlow, OR, after winning Oregon in the "
        "Republican presidential primary, Gov. Ada Roe (R-OR), said, “I’m getting ready to "
        "buy a bigger bus.”"
    )
    quotes = analyse_texts({"a": text}).quotes
    assert quotes.iloc[0]["speaker"] == "Ada Roe"


def test_a_dateline_is_no_sentence_of_its_own(nlp, analyse_texts):
    text = (
        "Roe takes all 40 delegates.\n\n"
        "HARWICK (Valley Wire) — The Latest on the county race, with votes in three towns "
        "Tuesday.\n\n"
        "MARLOW, Ore. — Gov. Tom Bell opened the session."
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[1].startswith("HARWICK (Valley Wire) — The Latest")
    assert sents[2].startswith("MARLOW, Ore. — Gov. Tom Bell")
    statements = analyse_texts({"a": text}).statements
    assert not statements["text"].str.fullmatch(r"\W*[A-Z]*\W*").any()
