"""Issue 23's classes on two more kinds of invented three-outlet events (audit, round 9),
through the real path (files as users upload them -> the corpus loader -> the analysis):

- ``hurricane_landfall``: a hurricane across two states: a storm with a person's name
  ("Hurricane Odalys", then "Odalys" alone), towns of one name in both states ("Delmont,
  La." and "DELMONT, Miss."), parishes and counties ("Hollis and Breckin counties"), a
  bayou, a parish president "Lucien "Lou" Arceneaux Jr." and the civic center named for his
  father ("the Lucien Arceneaux Sr. Civic Center"), a governor misspelled by one letter in
  one outlet ("Pickette"), "the governor said", a page <title> "… | Outlet", a Markdown
  headline ending in a full stop with a print-edition note, and a plain-text file that
  nothing else names (class 8);
- ``data_breach_hearing``: a corporate scandal at a Senate hearing: a company ("Brightwave
  Health", then "Brightwave") and its parent ("Corvane Holdings Inc."), its chief executive
  with "Mr." (US) and "Mr" (UK) second references, regulators by acronym with and without
  full stops ("S.E.C.", "SEC", "FTC"), senators written "Democrat of Oregon" and "D-Ore.",
  "the chairwoman replied", a whistleblower "Tobias" / "Toby", a UK outlet's byline
  "Name, US Business Editor · 9 October 2025" and curly single quotation marks, a
  print-edition note that quotes the print headline, a wire credit "(CapitolBeat)";
- ``shutdown_vote``: Congress, written three US ways: "Speaker Glenda Marsh, Republican of
  Ohio" / "House Speaker Glenda Marsh, R-Ohio," / "Speaker Glenda Marsh (R-Ohio)", "Ms.",
  "F.B.I." / "FBI", "(CBO)", a congresswoman misspelled by one letter in one outlet, a
  nickname in quotation marks ("Dale "Bulldog" Pruett"), an amendment named for a senator,
  a page title "… - The Capital Record", a plain-text headline "… | Liberty Herald", and a
  Markdown file that nothing names whose byline "Name · Sep 30, 2025, 11:15 PM EDT" comes
  after the headline's dek (its summary line).

The analysis of each event is made once per module (the ``event`` fixture).
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

STORM = {"Gulf Coast Gazette", "Magnolia Ledger", "Bayou Radio"}
HEARING = {"The National Chronicle", "The Sterling Post", "CapitolBeat"}
CONGRESS = {"The Capital Record", "Liberty Herald", "Daily Spark"}


def _names(analysis) -> set[str]:
    return set(analysis.entities["entity"])


def _labels(analysis, entity: str) -> set[str]:
    e = analysis.entities
    return set(e[e["entity"] == entity]["label"])


def _texts(analysis, entity: str) -> set[str]:
    m = analysis.mentions
    return set(m[m["entity"] == entity]["text"])


# -- class 6 and 8: outlets, titles, bylines, dates, furniture ----------------------------------


def test_a_hurricane_storys_outlets_titles_and_furniture(event):
    corpus, analysis = event("hurricane_landfall")
    assert _doc_outlets(analysis) == {
        "gulf_coast_gazette": "Gulf Coast Gazette",  # "<title>… | Gulf Coast Gazette"
        "magnolia_ledger": "Magnolia Ledger",  # "**By X** | Magnolia Ledger | September 4"
        "bayou_radio": "Bayou Radio",  # class 8: nothing but the file's name
    }
    gazette = _doc(corpus, "gulf_coast_gazette")
    assert gazette.title == "Hurricane Odalys slams Louisiana coast, knocks out power to 310,000"
    assert (gazette.byline, gazette.published) == ("Marcel Thibodaux", "2025-09-04")
    ledger = _doc(corpus, "magnolia_ledger")
    assert ledger.title == "Odalys floods Delmont, Miss., as storm pushes inland."
    assert (ledger.byline, ledger.published) == ("Cora Whitfield", "2025-09-04")
    assert "appears in print" not in ledger.text and "appears in print" in ledger.boilerplate
    radio = _doc(corpus, "bayou_radio")  # "Sep 4, 2025, 6:15 AM CDT", "By Jolene Fontenot"
    assert (radio.byline, radio.published) == ("Jolene Fontenot", "2025-09-04")
    assert not {"Marcel Thibodaux", "Cora Whitfield", "Jolene Fontenot"} & _names(analysis)


def test_a_hearing_storys_outlets_titles_bylines_and_furniture(event):
    corpus, analysis = event("data_breach_hearing")
    assert _doc_outlets(analysis) == {
        "national_chronicle": "The National Chronicle",  # og:site_name
        "sterling_post": "The Sterling Post",  # "# Headline | The Sterling Post"
        "capitolbeat": "CapitolBeat",  # "WASHINGTON (CapitolBeat) —"
    }
    chronicle = _doc(corpus, "national_chronicle")
    assert chronicle.title == (
        "Senators Press Brightwave Chief on Leak of 4.2 Million Patient Records"
    )
    # the print note quotes the print edition's headline: furniture, never body text
    assert "Grill Health Firm" not in chronicle.text and "Grill" in chronicle.boilerplate
    beat = _doc(corpus, "capitolbeat")
    assert beat.title == "Senators grill Brightwave CEO over patient data breach."
    assert (beat.byline, beat.published) == ("Dana Ruckert", "2025-10-08")
    assert "Copyright" not in beat.text


def test_a_british_byline_with_the_writers_job_and_a_day_month_date(event):
    """ "**Harriet Cole, US Business Editor** · 9 October 2025": the writer, her job cut,
    the date read day first (lib/corpus/metadata.py _NEWSROOM_ROLE); the closing
    "Additional reporting by …" is furniture (lib/data/furniture.txt)."""
    corpus, _ = event("data_breach_hearing")
    post = _doc(corpus, "sterling_post")
    assert (post.byline, post.published) == ("Harriet Cole", "2025-10-09")
    assert "Business Editor" not in post.text
    assert "Additional reporting" not in post.text
    assert "Additional reporting by Samir Haddou" in post.boilerplate


def test_a_congress_storys_outlets_titles_and_a_byline_after_the_dek(event):
    corpus, analysis = event("shutdown_vote")
    assert _doc_outlets(analysis) == {
        "capital_record": "The Capital Record",  # og:site_name; "<title>… - The Capital Record"
        "liberty_herald": "Liberty Herald",  # "… | Liberty Herald" on the first line
        "daily_spark": "Daily Spark",  # class 8: the file's name
    }
    record = _doc(corpus, "capital_record")
    assert record.title == "House Passes Stopgap Bill, Averting Shutdown for Now"
    assert record.byline == "Miriam Okonjo-Hale and Peter Lindqvist"
    assert "with the headline" in record.boilerplate and "with the headline" not in record.text
    herald = _doc(corpus, "liberty_herald")
    assert herald.title == "House passes stopgap to avert shutdown as Marsh wins over holdouts"
    assert (herald.byline, herald.published) == ("Travis Kendrick", "2025-09-30")
    # "# Headline", "### its dek", then "**Ayesha Brandt** · Sep 30, 2025, 11:15 PM EDT"
    # (lib/corpus/parse.py _header_after_dek)
    spark = _doc(corpus, "daily_spark")
    assert spark.title == "GOP Hardliners Fold As House Passes Stopgap Bill"
    assert (spark.byline, spark.published) == ("Ayesha Brandt", "2025-09-30")
    assert "Ayesha Brandt" not in spark.text and "Ayesha Brandt" in spark.boilerplate


def test_no_quote_from_the_headlines_of_round_9_events(event):
    assert_no_quote_from_headlines(
        event, ("hurricane_landfall", "data_breach_hearing", "shutdown_vote")
    )


# -- class 1 and 2: people, and things named after them -----------------------------------------


def test_people_of_a_hurricane_across_outlets(event):
    """ "Lucien Arceneaux Jr." / Lucien "Lou" Arceneaux Jr. / "Lucien Arceneaux"; "Warren
    Pickett" / "Warren Pickette" (one letter more): one person each."""
    _, analysis = event("hurricane_landfall")
    assert _entity_outlets(analysis, "Annette Broussard") == STORM
    assert _entity_outlets(analysis, "Lucien Arceneaux") == STORM
    assert _entity_outlets(analysis, "Warren Pickett") == {"Gulf Coast Gazette", "Magnolia Ledger"}
    assert _entity_outlets(analysis, "Harlan Mouton") == {"Gulf Coast Gazette", "Bayou Radio"}
    assert not {"Lou Arceneaux", "Lucien Arceneaux Jr.", "Pickette", "Warren Pickette"} & _names(
        analysis
    )


def test_a_building_named_after_a_mans_father_is_one_facility(event):
    """class 1: "the Lucien Arceneaux Sr. Civic Center" (the model cut it after "Sr." into
    an ORG and a PERSON "Civic Center") is one facility, never the parish president, and
    "Arceneaux said" right after it is the president (lib/extract/name_forms.py
    named_facility)."""
    corpus, analysis = event("hurricane_landfall")
    center = "Lucien Arceneaux Sr. Civic Center"
    assert _labels(analysis, center) == {"FAC"}
    assert not {"Civic Center", "Lucien Arceneaux Sr."} & _names(analysis)
    assert "Lucien Arceneaux Sr." not in _texts(analysis, "Lucien Arceneaux")
    text = _doc(corpus, "gulf_coast_gazette").text
    said = text.index("Arceneaux said the building")
    m = analysis.mentions
    at = m[(m["doc_id"] == "gulf_coast_gazette") & (m["start_char"] == said)]
    assert set(at["entity"]) == {"Lucien Arceneaux"} and set(at["label"]) == {"PERSON"}


def test_people_of_a_hearing_across_outlets(event):
    """ "Mr. Ashgrove" / "Mr Ashgrove"; "Lorna Whitcomb" (a letter short); "Toby Wren" (the
    short form of Tobias, lib/data/nicknames.csv): one person each."""
    _, analysis = event("data_breach_hearing")
    for person in ("Nathaniel Ashgrove", "Lorna Whitcombe", "Tobias Wren"):
        assert _entity_outlets(analysis, person) == HEARING, person
    assert _entity_outlets(analysis, "Garrett Tull") == {"The National Chronicle", "CapitolBeat"}
    assert not {"Toby Wren", "Lorna Whitcomb", "Ashgrove", "Whitcombe"} & _names(analysis)
    people = analysis.entities[analysis.entities["label"] == "PERSON"]
    assert "Harriet Cole" not in set(people["entity"])  # the byline


def test_people_of_a_congress_story_across_outlets(event):
    """Titles and parties three ways ("Republican of Ohio", "R-Ohio", "(R-Ohio)"), "Ms.",
    "Tamsin Oyelaron" (one letter off), Dale "Bulldog" Pruett: one row each."""
    _, analysis = event("shutdown_vote")
    for person in ("Glenda Marsh", "Curtis Albrecht", "Tamsin Oyelaran", "Russell Hartigan"):
        assert _entity_outlets(analysis, person) == CONGRESS, person
    assert _entity_outlets(analysis, "Kelsey Dunmore") == {"The Capital Record", "Liberty Herald"}
    assert "Tamsin Oyelaron" in _texts(analysis, "Tamsin Oyelaran")
    assert _labels(analysis, "Dale Pruett") == {"PERSON"}
    names = _names(analysis)
    assert not {"Bulldog", "Oyelaron", "Tamsin Oyelaron", "Marsh", "Albrecht"} & names
    for outlet_name in ("Ayesha Brandt", "Travis Kendrick", "Miriam Okonjo-Hale"):
        assert outlet_name not in names  # bylines


def test_bodies_of_a_congress_story_and_their_acronyms(event):
    _, analysis = event("shutdown_vote")
    cbo = "Congressional Budget Office"  # "(CBO)", "The CBO has estimated"
    assert _entity_outlets(analysis, cbo) == CONGRESS and "CBO" in _texts(analysis, cbo)
    assert _texts(analysis, "FBI") == {"F.B.I.", "FBI"}
    for body in ("House", "Senate"):
        assert _entity_outlets(analysis, body) == CONGRESS, body


def test_speakers_of_a_congress_story(event):
    _, analysis = event("shutdown_vote")
    said = [("capital_record", "did our job", "Glenda Marsh"),
            ("capital_record", "president wants", "Kelsey Dunmore"),  # "…," said Kelsey Dunmore
            ("capital_record", "ransom note", "Tamsin Oyelaran"),
            ("liberty_herald", "plain and simple", "Tamsin Oyelaran"),  # "Oyelaron" ... she said
            ("liberty_herald", "non-negotiable", "Curtis Albrecht"),
            ("daily_spark", "back in November", "Dale Pruett"),
            ("daily_spark", "hostage", "Tamsin Oyelaran")]  # fmt: skip
    for doc_id, words, speaker in said:
        assert _quote(analysis, doc_id, words)["speaker"] == speaker, words
    q = analysis.quotes
    job = q[q["quote"].str.contains("did our job")]
    assert set(job["outlet"]) == CONGRESS and job["group_id"].nunique() == 1
    f = analysis.claims
    for value in (219, 211, 6e9):
        rows = f[f["value"] == value]
        assert set(rows["outlet"]) == CONGRESS and rows["claim_id"].nunique() == 1, value


# -- class 4: short forms -----------------------------------------------------------------------


def test_a_company_called_by_its_first_word_is_the_company(event):
    """class 4: "Brightwave" (typed PERSON in every outlet) after "Brightwave Health" is the
    company ("Health" ends a company's name: lib/data/name_heads.csv)."""
    _, analysis = event("data_breach_hearing")
    assert _entity_outlets(analysis, "Brightwave Health") == HEARING
    assert "Brightwave" in _texts(analysis, "Brightwave Health")
    assert not any(n.startswith("Brightwave") for n in _names(analysis) - {"Brightwave Health"})
    corvane = _texts(analysis, "Corvane Holdings")
    assert {"Corvane Holdings Inc.", "Corvane Holdings", "Corvane"} <= corvane
    assert _entity_outlets(analysis, "Corvane Holdings") == HEARING


def test_an_acronym_with_full_stops_is_the_agency(event):
    """class 4: "S.E.C." (a US newspaper's style), "SEC" and "Securities and Exchange
    Commission" are one agency (lib/resolve/short_forms.py _longer_names)."""
    _, analysis = event("data_breach_hearing")
    sec = "Securities and Exchange Commission"
    assert {"S.E.C.", "SEC", sec} <= _texts(analysis, sec)
    assert _entity_outlets(analysis, sec) == HEARING
    assert "S.E.C." not in _names(analysis)
    assert _entity_outlets(analysis, "Federal Trade Commission") == HEARING
    assert _entity_outlets(analysis, "Senate Commerce Committee") == HEARING


def test_a_storm_called_by_its_name_alone_is_the_storm(event):
    """class 4: "Odalys" (typed ORG) after "Hurricane Odalys" is the storm, an EVENT, in
    every outlet (lib/resolve/storms.py)."""
    _, analysis = event("hurricane_landfall")
    assert "Odalys" not in _names(analysis)
    assert _labels(analysis, "Hurricane Odalys") == {"EVENT"}
    assert _entity_outlets(analysis, "Hurricane Odalys") == STORM
    m = analysis.mentions
    storm = m[m["entity"] == "Hurricane Odalys"]
    assert set(storm[storm["text"] == "Odalys"]["doc_id"]) == {
        "gulf_coast_gazette",
        "magnolia_ledger",
        "bayou_radio",
    }


# -- class 3: places ----------------------------------------------------------------------------


def test_two_towns_of_one_name_in_two_states(event):
    """class 3: "DELMONT, Miss." and "Delmont, La." are two places; a bare "Delmont" in an
    article whose places are all in Louisiana ("PORT VILLERAY, La.") is the Louisiana town
    (lib/resolve/bare_places.py)."""
    _, analysis = event("hurricane_landfall")
    assert _entity_outlets(analysis, "Delmont, Louisiana") == STORM
    assert _entity_outlets(analysis, "Delmont, Mississippi") == {"Magnolia Ledger"}
    assert "Delmont" not in _names(analysis)
    m = analysis.mentions
    gazette = m[(m["doc_id"] == "gulf_coast_gazette") & (m["text"] == "Delmont")]
    assert set(gazette["entity"]) == {"Delmont, Louisiana"}
    assert "Port Villeray, Louisiana" in _names(analysis)


def test_counties_parishes_and_a_bayou_are_places(event):
    """ "Hollis and Breckin counties" (the model read "Hollis" as a nationality): both
    places (lib/extract/place_cues.py); "on Bayou Serpent" is water, no person
    (lib/resolve/labels.py PLACE_PREFIXES); the "Parish" of "Parish President Lucien
    Arceneaux" is no mention of the parish (lib/nlp/names.py NOT_NAMES)."""
    _, analysis = event("hurricane_landfall")
    assert _labels(analysis, "Hollis") == {"GPE"}
    assert _entity_outlets(analysis, "Breckin County") == {"Gulf Coast Gazette", "Magnolia Ledger"}
    assert _entity_outlets(analysis, "Chauvin Parish") == STORM
    assert "Parish" not in _texts(analysis, "Chauvin Parish")  # "Parish President Lucien …"
    assert _labels(analysis, "Bayou Serpent") == {"LOC"}
    people = analysis.entities[analysis.entities["label"] == "PERSON"]
    assert not {"Bayou Serpent", "Civic Center", "Hollis"} & set(people["entity"])


# -- class 7: speakers --------------------------------------------------------------------------


def test_speakers_of_a_hurricane(event):
    _, analysis = event("hurricane_landfall")
    said = [("gulf_coast_gazette", "rooftops in Delmont", "Annette Broussard"),  # the governor
            ("gulf_coast_gazette", "levee did its job", "Lucien Arceneaux"),
            ("magnolia_ledger", "water this high", "Earline Tubbs"),
            ("magnolia_ledger", "not out of this yet", "Warren Pickett"),  # "Pickette said"
            ("bayou_radio", "a lot worse", "Lucien Arceneaux"),
            ("bayou_radio", "stay off the roads", "Annette Broussard")]  # fmt: skip
    for doc_id, words, speaker in said:
        assert _quote(analysis, doc_id, words)["speaker"] == speaker, words
    assert _quote(analysis, "gulf_coast_gazette", "rooftops in Delmont")["speaker_how"] == "role"


def test_speakers_of_a_hearing(event):
    _, analysis = event("data_breach_hearing")
    said = [("national_chronicle", "size of it", "Nathaniel Ashgrove"),  # "Mr. Ashgrove said"
            ("national_chronicle", "You knew enough", "Lorna Whitcombe"),  # the chairwoman
            ("national_chronicle", "not a priority", "Tobias Wren"),  # introduced by her
            ("national_chronicle", "sat on it", "Garrett Tull"),  # "Mr. Tull said"
            ("sterling_post", "deeply sorry", "Nathaniel Ashgrove"),  # ‘…,’ Mr Ashgrove said
            ("sterling_post", "not a delay", "Lorna Whitcombe"),  # ‘…,’ she said
            ("capitolbeat", "You knew in March", "Lorna Whitcombe"),  # "Whitcomb"
            ("capitolbeat", "We failed the people", "Nathaniel Ashgrove")]  # fmt: skip
    for doc_id, words, speaker in said:
        assert _quote(analysis, doc_id, words)["speaker"] == speaker, words


def test_a_senator_described_by_state_and_party_is_that_senator(event):
    _, analysis = event("data_breach_hearing")
    assert _quote(analysis, "capitolbeat", "top down")["speaker"] == "Garrett Tull"


def test_a_chief_executive_named_after_the_lede_is_the_speaker(event):
    _, analysis = event("data_breach_hearing")
    q = _quote(analysis, "national_chronicle", "failed the people")
    assert q["speaker_entity"] == "Nathaniel Ashgrove"


def test_words_quoted_by_the_one_who_introduced_a_witness_are_hers(event):
    _, analysis = event("data_breach_hearing")
    q = _quote(analysis, "national_chronicle", "company would not")
    assert q["speaker"] in ("Lorna Whitcombe", "")


def test_a_british_quote_in_straight_single_marks_is_a_quote(analyse_texts):
    text = (
        "Firm's boss apologises to senators\n\n"
        "The boss of Kestrel Data apologised to senators on Wednesday.\n\n"
        "'I am deeply sorry,' Mr Ashgrove said. 'We will make this right.'"
    )
    q = analyse_texts({"d": text}).quotes
    assert q["quote"].str.contains("deeply sorry").any()


# -- figures ------------------------------------------------------------------------------------


def test_figures_of_the_round_9_events(event):
    _, analysis = event("data_breach_hearing")
    f = analysis.claims
    records = f[f["value"] == 4.2e6]
    assert set(records["outlet"]) == HEARING and records["claim_id"].nunique() == 1
    price = f[f["value"] == 1.3e9]  # "$1.3 billion" / "$1.3bn (£1bn)"
    assert set(price["outlet"]) == {"The National Chronicle", "The Sterling Post"}
    assert price["claim_id"].nunique() == 1 and set(price["unit"]) == {"USD"}
    _, analysis = event("hurricane_landfall")
    f = analysis.claims
    shelter = f[f["value"] == 600]
    assert set(shelter["outlet"]) == {"Gulf Coast Gazette", "Bayou Radio"}
    assert shelter["claim_id"].nunique() == 1


def test_a_figure_that_is_the_subject_of_its_verb_is_no_source(event):
    """ "Gov. Annette Broussard said … that four deaths had been confirmed": said by the
    governor, never by "four deaths" (lib/nlp/attribution.py for_figure)."""
    _, analysis = event("hurricane_landfall")
    f = analysis.claims
    deaths = f[(f["doc_id"] == "gulf_coast_gazette") & (f["value"] == 4)]
    assert set(deaths["said_by"]) == {"Annette Broussard"}


def test_a_weekday_with_its_part_of_day_is_the_papers_own_day(event):
    """ "without power Thursday morning" in a paper of Thursday, Sept. 4: that Thursday,
    not the week before (lib/resolve/holders.py resolve_time)."""
    _, analysis = event("hurricane_landfall")
    f = analysis.claims
    power = f[(f["doc_id"] == "bayou_radio") & (f["value"] == 300_000)]
    assert set(power["time"]) == {"2025-09-04"}


def test_the_same_fall_or_toll_worded_otherwise_is_one_claim(event):
    _, analysis = event("data_breach_hearing")
    f = analysis.claims
    assert f[f["value"] == 8]["claim_id"].nunique() == 1
    _, analysis = event("hurricane_landfall")
    f = analysis.claims
    assert f[f["value"] == 4]["claim_id"].nunique() == 1


# -- the rules' edges, without the model --------------------------------------------------------


def test_rule_edges_of_round_9():
    from lib.corpus.furniture import is_furniture
    from lib.corpus.metadata import byline_outlet
    from lib.resolve.short_forms import company_first_word
    from lib.resolve.storms import storm_name

    assert company_first_word("Brightwave Health") == "Brightwave"
    assert company_first_word("Department of Health") == ""  # a body, no company
    assert storm_name("Tropical Storm Bret") == "Bret" and storm_name("Storm Ciarán") == "Ciarán"
    assert storm_name("Hurricane Center") == "" and storm_name("Stormont") == ""
    assert byline_outlet("Ana Ruiz, Washington Correspondent") == ("Ana Ruiz", "")
    assert byline_outlet("Ana Ruiz, Reuters") == ("Ana Ruiz", "Reuters")
    assert is_furniture("Reporting by Ana Ruiz in Paris; Editing by Tom Bell.")
    assert not is_furniture("Reporting by the Times found the agency ignored warnings.")
