"""Issue 23's classes on three more kinds of invented three-outlet events (audit, round 8),
through the real path (files as users upload them -> the corpus loader -> the analysis):

- ``wildfire_towns``: a wildfire, with two towns of one name in two states ("CEDAR HOLLOW,
  Ore. —" and "Cedar Hollow, Idaho"), evacuation and damage figures, a sheriff's name
  misspelled by one letter in one outlet, a TV station's app promo closing its copy, a
  byline "Written by X for Outlet · date";
- ``election_night``: an election with vote shares, a candidate with a nickname in quotes
  ("Margaret "Peg" Thorvaldsen") misspelled in one outlet ("Thorvaldson"), a former
  president and the hall named after him, an outlet named by ``og:site_name``, a Word file;
- ``medical_study``: a trial with a university, a journal, a drug company called by its short
  form ("Veridane" after "Veridane Therapeutics Inc."); a headline quotation, a " | Outlet"
  suffix, a headline ending in a full stop, a headline repeated at the top of the body, an
  "Outlet · Writer · date" line, a print-edition note, and a plain-text file that nothing
  else names (class 8).

The analysis of each event is made once per module (the ``event`` fixture). The tests of
the last section were strict xfails of other owners' files until round 10 fixed them; each
names its class and the file that does it.
"""

from __future__ import annotations

from tests.test_invented_events import (
    _doc,
    _doc_outlets,
    _entity_outlets,
    _quote,
    assert_no_quote_from_headlines,
    event,
)

__all__ = ["event"]  # the module-scoped fixture, shared with this module

FIRE = {"Cascade Herald", "High Desert News", "KPNW"}
VOTE = {"The Harbor Courier", "Northsound Daily", "Pacific Ledger"}
TRIAL = {"Clinic Review", "Health Desk", "Medwatch Weekly"}


# -- class 6 and 8: outlets, titles, bylines, dates, furniture ----------------------------------


def test_a_wildfire_storys_outlets_bylines_and_promo(event):
    corpus, analysis = event("wildfire_towns")
    assert set(_doc_outlets(analysis).values()) == FIRE
    # "*Written by Tamsin Achebe for High Desert News* · August 14, 2025"
    desert = _doc(corpus, "high_desert_news")
    assert (desert.byline, desert.outlet, desert.published) == (
        "Tamsin Achebe",
        "High Desert News",
        "2025-08-14",
    )
    assert "Written by" not in desert.text
    # "For the latest evacuation maps, download the KPNW Weather app.": furniture
    kpnw = _doc(corpus, "kpnw")
    assert "download" not in kpnw.text and "KPNW Weather app" in kpnw.boilerplate
    assert "KPNW" not in set(analysis.entities["entity"])
    assert (kpnw.byline, kpnw.published) == ("Grant Hollister", "2025-08-13")


def test_an_election_storys_outlets_from_site_name_byline_and_word_file(event):
    corpus, analysis = event("election_night")
    assert _doc_outlets(analysis) == {
        "harbor_courier": "The Harbor Courier",  # <meta property="og:site_name">
        "northsound_daily": "Northsound Daily",  # "By X | Northsound Daily | November 5, 2025"
        "pacific_ledger": "Pacific Ledger",  # the Word file: "By Noor Haddad, Pacific Ledger"
    }
    daily = _doc(corpus, "northsound_daily")
    assert daily.title == "Thorvaldsen wins Port Alder mayor's race."  # a full stop ends it
    assert "appears in print" not in daily.text and "appears in print" in daily.boilerplate
    ledger = _doc(corpus, "pacific_ledger")
    assert (ledger.title, ledger.byline) == (
        "Achterberg concedes as Port Alder picks a builder",
        "Noor Haddad",
    )
    assert "ELECTIONS" in ledger.boilerplate.split("\n")


def test_a_medical_storys_titles_bylines_and_print_note(event):
    corpus, analysis = event("medical_study")
    # class 8: "health_desk.txt" and nothing in it naming an outlet: the file's name,
    # written as a name (file names are lower case by habit)
    assert _doc_outlets(analysis) == {
        "clinic_review": "Clinic Review",  # "<title>… | Clinic Review"
        "health_desk": "Health Desk",
        "medwatch_weekly": "Medwatch Weekly",
    }
    review = _doc(corpus, "clinic_review")
    headline = "'A real step forward': daily pill cut heart attacks by 27% in large trial"
    assert review.title == headline
    # "By Dr. Rosalind Achterberg-Nwosu | March 12, 2025": trafilatura's "…; March"
    assert review.byline == "Dr Rosalind Achterberg-Nwosu"
    desk = _doc(corpus, "health_desk")
    assert desk.title == "New cholesterol pill lowers heart attack risk, study finds."
    # "**Medwatch Weekly** · Julian Osei-Tutu · March 13, 2025", then the headline again
    weekly = _doc(corpus, "medwatch_weekly")
    assert (weekly.byline, weekly.published) == ("Julian Osei-Tutu", "2025-03-13")
    assert weekly.text.count("trims heart attacks") == 1
    # "This article appeared in the March 14, 2025 print edition of Medwatch Weekly."
    assert "print edition" not in weekly.text and "print edition" in weekly.boilerplate
    assert "Medwatch Weekly" not in set(analysis.entities["entity"])


def test_no_quote_from_the_headlines_of_the_new_events(event):
    """ "'A real step forward': daily pill …", "'This city chose to build,' Thorvaldsen
    says …" are headlines; the same words quoted in the body are quoted once."""
    assert_no_quote_from_headlines(event, ("wildfire_towns", "election_night", "medical_study"))
    _, analysis = event("election_night")
    q = analysis.quotes
    assert len(q[(q["doc_id"] == "harbor_courier") & q["quote"].str.contains("chose to")]) == 1


# -- people, places, speakers, figures that already hold ----------------------------------------


def test_people_and_places_of_a_wildfire_across_outlets(event):
    _, analysis = event("wildfire_towns")
    for name in ("Celia Marchetti", "Orla Brennick", "Lassiter County"):
        assert _entity_outlets(analysis, name) == FIRE, name
    assert _entity_outlets(analysis, "Luis Ferreira") == {"Cascade Herald", "High Desert News"}


def test_a_former_president_and_the_hall_named_after_him(event):
    """Class 1: "Kilbride Hall, the civic center named for former President Everett
    Kilbride": a facility, and the president a person; neither takes the other's mentions."""
    _, analysis = event("election_night")
    m = analysis.mentions
    hall = m[m["entity"] == "Kilbride Hall"]
    assert set(hall["label"]) == {"FAC"} and set(hall["text"]) == {"Kilbride Hall"}
    assert set(hall["outlet"]) == VOTE
    person = m[m["entity"] == "Everett Kilbride"]
    assert set(person["label"]) == {"PERSON"} and "Kilbride Hall" not in set(person["text"])
    for name in ("Desmond Achterberg", "Margaret Thorvaldsen", "Port Alder, Washington"):
        assert _entity_outlets(analysis, name) == VOTE, name


def test_people_and_organisations_of_a_medical_study(event):
    _, analysis = event("medical_study")
    for name in ("Imogen Saltonstall", "Kwame Adjei", "Journal of Cardiometabolic Outcomes",
                 "Mercy Lakeside Hospital"):  # fmt: skip
        assert _entity_outlets(analysis, name) == TRIAL, name
    m = analysis.mentions
    fda = m[m["entity"] == "FDA"]  # "Food and Drug Administration" and "FDA": one agency
    assert set(fda["text"]) == {"FDA", "Food and Drug Administration"}


def test_speakers_of_the_new_events(event):
    _, analysis = event("wildfire_towns")
    assert _quote(analysis, "cascade_herald", "jump the highway")["speaker"] == "Orla Brennick"
    assert _quote(analysis, "cascade_herald", "Same name")["speaker"] == "Luis Ferreira"
    assert _quote(analysis, "high_desert_news", "fire season")["speaker"] == "Hal Dempsey"
    _, analysis = event("election_night")
    said = [("harbor_courier", "chose to build", "Margaret Thorvaldsen"),
            ("harbor_courier", "whole harbor", "Everett Kilbride"),  # "the former president said"
            ("northsound_daily", "angry about the fares", "Desmond Achterberg"),
            ("pacific_ledger", "going to build", "Margaret Thorvaldsen"),
            ("pacific_ledger", "good race", "Desmond Achterberg")]  # fmt: skip
    for doc_id, words, speaker in said:
        assert _quote(analysis, doc_id, words)["speaker"] == speaker, words
    _, analysis = event("medical_study")
    said = [("clinic_review", "real step forward", "Imogen Saltonstall"),
            ("clinic_review", "not a miracle", "Kwame Adjei"),
            ("health_desk", "every group", "Imogen Saltonstall"),
            ("medwatch_weekly", "afford it", "Kwame Adjei"),
            ("medwatch_weekly", "responsibly", "Marcus Fairweather")]  # fmt: skip
    for doc_id, words, speaker in said:
        assert _quote(analysis, doc_id, words)["speaker"] == speaker, words


def test_figures_of_the_new_events(event):
    _, analysis = event("wildfire_towns")
    f = analysis.claims
    evacuated = f[f["value"].isin([4200, 4000])]  # "about 4,200" / "More than 4,000"
    assert set(evacuated["outlet"]) == FIRE and evacuated["claim_id"].nunique() == 1
    assert set(f[f["value"] == 37]["outlet"]) == FIRE  # houses destroyed
    _, analysis = event("election_night")
    f = analysis.claims
    share = f[f["value"].isin([54.2, 54])]  # "54.2 percent" / "54 percent" / "about 54 percent"
    assert set(share["outlet"]) == VOTE and share["claim_id"].nunique() == 1
    _, analysis = event("medical_study")
    f = analysis.claims
    patients = f[f["value"] == 2316]
    assert set(patients["outlet"]) == TRIAL and patients["claim_id"].nunique() == 1
    fewer = f[f["value"] == 27]  # "27 percent" / "27%"
    assert set(fewer["outlet"]) == {"Clinic Review", "Medwatch Weekly"}
    assert fewer["claim_id"].nunique() == 1


# -- failures other owners' files fixed (strict xfails until round 10) ---------------------------


def test_two_towns_of_one_name_in_two_states_stay_apart(event):
    # the capitals datelines the model missed are place mentions (lib/extract/place_cues.py),
    # qualified by their states: "CEDAR HOLLOW, Ore. —" / "CEDAR HOLLOW, Idaho —"
    _, analysis = event("wildfire_towns")
    assert {"Cedar Hollow, Oregon", "Cedar Hollow, Idaho"} <= set(analysis.entities["entity"])


def test_a_sheriff_misspelled_by_one_letter_is_one_person(event):
    """class 2: 'Sheriff Dwayne Polacek' (Cascade Herald) and 'Sheriff Dwayne Pollacek'
    (KPNW), a letter doubled, are one person (lib/resolve/people.py _one_letter_off)."""
    _, analysis = event("wildfire_towns")
    people = set(analysis.entities[analysis.entities["label"] == "PERSON"]["entity"])
    assert len({p for p in people if p.startswith("Dwayne Pol")}) == 1


def test_a_nickname_and_a_misspelling_are_the_same_candidate(event):
    """class 2: 'Peg Thorvaldson' (Northsound Daily: her nickname and a one-letter
    misspelling) is 'Margaret "Peg" Thorvaldsen' (lib/resolve/people.py _join_typos)."""
    _, analysis = event("election_night")
    names = set(analysis.entities["entity"])
    assert not {"Peg Thorvaldson", "Thorvaldson"} & names


def test_the_former_president_is_named_in_every_outlet(event):
    """class 5: 'Kilbride, the former president, recorded two advertisements' (Pacific
    Ledger, untagged by the model, which never names him in full) is a mention of Everett
    Kilbride, whom the two other outlets name in full: a story person's bare surname with a
    person's apposition after it (lib/resolve/propagate.py _cued_surnames)."""
    _, analysis = event("election_night")
    assert _entity_outlets(analysis, "Everett Kilbride") == VOTE


def test_a_nickname_after_known_as_is_no_quote(event):
    """class 7: 'Thorvaldsen, known at City Hall as "Peg," thanked voters' gives no quote
    "Peg" (lib/extract/name_forms.py is_name_quote)."""
    _, analysis = event("election_night")
    q = analysis.quotes
    assert not (q["quote"].str.strip("“”\"' ,") == "Peg").any()


def test_a_sentence_opening_noun_is_no_person(event):
    """junk: 'Turnout was 41 percent' (two outlets) gives no PERSON 'Turnout': an ordinary
    word written only where a sentence starts (lib/extract/mentions.py
    _common_word_people)."""
    _, analysis = event("election_night")
    assert "Turnout" not in set(analysis.entities["entity"])


def test_a_drug_company_called_by_its_short_form_is_one_organisation(event):
    """class 4: 'Veridane' (typed PERSON: 'Veridane paid for the trial', 'is made by
    Veridane') after 'Veridane Therapeutics Inc.' is the company ("Therapeutics" is a
    company word of lib/data/name_heads.csv, round 9)."""
    _, analysis = event("medical_study")
    e = analysis.entities
    assert "PERSON" not in set(e[e["entity"].str.startswith("Veridane")]["label"])
    assert _entity_outlets(analysis, "Veridane Therapeutics") == TRIAL


def test_a_scientist_of_a_university_is_a_person_and_a_university(event):
    """class 2: 'led by Imogen Saltonstall of Calder State University' (Health Desk; the
    model made one ORG of it) names the scientist and the university (lib/extract/
    name_forms.py person_of_place)."""
    _, analysis = event("medical_study")
    assert "Health Desk" in _entity_outlets(analysis, "Calder State University")
    assert not any(" of Calder" in name for name in analysis.entities["entity"])


def test_an_age_after_a_surname_is_an_age(event):
    """figures: 'Kilbride, 81, appeared by video' (the model typed the lone surname a place)
    is an age: the article names Everett Kilbride in full (lib/extract/exclusions.py
    _surname_of_person)."""
    _, analysis = event("election_night")
    f = analysis.claims
    assert set(f[(f["doc_id"] == "harbor_courier") & (f["value"] == 81)]["kind"]) == {"age"}


def test_an_outlet_only_a_file_name_gave_says_so_on_hover(event):
    """Class 8: "Health Desk" (of ``health_desk.txt``) is shown as a name, and its hover note
    says where it came from and where to change it; the others' notes do not."""
    from lib.views.documents import outlet_notes

    _, analysis = event("medical_study")
    notes = outlet_notes(analysis)
    assert notes["Health Desk"].startswith("Health Desk (from the file name; rename it on")
    assert "file name" not in notes["Clinic Review"] + notes["Medwatch Weekly"]


def test_a_named_wildfire_is_no_organisation_or_law(event):
    """labels: 'the Tamsen Ridge Fire' and 'the Gable Fire in 2021' are events, not an
    organisation and a law ("Fire" heads a named disaster in lib/data/name_heads.csv)."""
    _, analysis = event("wildfire_towns")
    e = analysis.entities
    fires = e[e["entity"].str.endswith("Fire")]
    assert not set(fires["label"]) & {"ORG", "LAW"}, fires[["entity", "label"]]
