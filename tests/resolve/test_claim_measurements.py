"""Claims compare like with like: rounding- and qualifier-aware agreement, other times and
other predicates kept apart, weak disagreements shown as related, conflicts name sources."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.extract.figures import extract_figures
from lib.records import Figure
from lib.resolve.claims import build_claims, claim_status, figure_interval
from tests.helpers import table_of


def claims_of(nlp, texts: dict[str, str]) -> pd.DataFrame:
    by_doc = {(d, f"Outlet {d.upper()}"): extract_figures(nlp(t)) for d, t in texts.items()}
    return build_claims(table_of(Figure, by_doc))


def claim_with(claims, value):
    cid = claims.loc[claims["value"] == value, "claim_id"].iloc[0]
    return claims[claims["claim_id"] == cid]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("$44 million", 44e6, "exact"), ("$43,885,310", 43_885_310, "exact")),
        (("about 140 million", 140e6, "approx"), ("$140,937,785", 140_937_785, "exact")),
        (("$700 billion", 700e9, "exact"), ("$716 billion", 716e9, "exact")),  # a round number
        (("over 600,000", 6e5, "at_least"), ("more than 600,000", 6e5, "at_least")),
        (("52%", 52, "exact"), ("51.8%", 51.8, "exact")),
    ],
)
def test_rounding_and_qualifiers_agree(a, b):
    (la, ha), (lb, hb) = (figure_interval(v, v, q, t) for t, v, q in (a, b))
    assert max(la, lb) <= min(ha, hb)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("3,000", 3000, "exact"), ("11,000", 11000, "exact")),
        (("6.6", 6.6, "exact"), ("7.0", 7.0, "exact")),
        (("two", 2, "exact"), ("one", 1, "exact")),
        (("nearly 5,000", 5000, "approx"), ("some 6,000", 6000, "approx")),
        # rounding as written: "$139 million" is 138.5 to 139.5 million, not 140.9 million
        (("$139 million", 139e6, "exact"), ("$140,937,785", 140_937_785, "exact")),
        (("$43 million", 43e6, "exact"), ("$43,885,310", 43_885_310, "exact")),
        (("$5.6 billion", 5.6e9, "exact"), ("$5.7 billion", 5.7e9, "exact")),
        (("2,000", 2000, "exact"), ("1,500", 1500, "exact")),
    ],
)
def test_different_values_do_not_agree(a, b):
    (la, ha), (lb, hb) = (figure_interval(v, v, q, t) for t, v, q in (a, b))
    assert max(la, lb) > min(ha, hb)


def test_same_measurement_with_different_values_is_a_conflict_naming_sources(nlp):
    claims = claims_of(
        nlp,
        {
            "a": "Officials said 3,000 migrants were rescued at sea on Monday.",
            "b": "The coast guard said 11,000 migrants were rescued at sea on Monday.",
        },
    )
    rescued = claim_with(claims, 3000)
    assert sorted(rescued["value"]) == [3000, 11000]
    assert set(rescued["status"]) == {"conflict"}
    why = rescued["why"].iloc[0]
    assert "Outlet A" in why and "3,000" in why and "Outlet B" in why and "11,000" in why


def test_figures_about_another_time_do_not_join_todays_claim(nlp):
    claims = claims_of(
        nlp,
        {
            "a": "The epidemic killed 300 children this month.",
            "b": "In 2008, 5,000 children died in a similar epidemic.",
            "c": "About 300 children were killed by the epidemic.",
        },
    )
    today = claim_with(claims, 300)
    assert 5000 not in set(today["value"])
    assert claim_with(claims, 5000)["status"].iloc[0] == "single source"


def test_trained_and_sent_troops_are_related_not_in_conflict(nlp):
    claims = claims_of(
        nlp,
        {
            "a": "Officials said the army had trained 11,000 soldiers.",
            "b": "Officials said the army will send 3,000 soldiers to the front.",
        },
    )
    assert "conflict" not in set(claims["status"])
    assert (
        claim_with(claims, 11000)["claim_id"].iloc[0]
        != claim_with(claims, 3000)["claim_id"].iloc[0]
    )


def test_status_is_computed_from_the_rows_given():
    rows = pd.DataFrame(
        dict(doc_id=["a", "b", "c"], value=[40.0, 52.0, 30.0], value_max=[40.0, 52.0, 30.0],
             qualifier=["at_least", "exact", "exact"], text=["at least 40", "52", "30"])
    )  # fmt: skip
    assert claim_status(rows) == "conflict"
    assert claim_status(rows.iloc[:2]) == "agree"
    assert claim_status(rows.iloc[:1]) == "single source"


def test_counts_of_one_form_no_claims_and_ages_only_of_one_named_person(nlp):
    claims = claims_of(
        nlp,
        {
            "a": "One resident, Jane Doe, 45, said the river rose. Police said 12 homes were lost.",
            "b": "One resident, Jane Doe, 45, saw the flood. 12 homes were lost, police said.",
        },
    )
    assert set(claims["value"]) == {12, 45}
    age = claim_with(claims, 45)
    assert len(age) == 2 and set(age["status"]) == {"agree"}
    assert set(age["holder"]) == {"Jane Doe"}
    others = claims_of(
        nlp,
        {
            "a": "Jane Doe, 45, said the river rose.",
            "b": "John Roe, 45, saw the flood.",
        },
    )
    assert others["claim_id"].nunique() == 2  # two people of one age: two claims


def test_event_nouns_count_people_and_vague_values_conflict_only_when_apart(nlp):
    """ "dozens of arrests" counts people arrested; "dozens" (12 to 120) cannot also be "more
    than 300", but can be "about 60"."""
    claims = claims_of(
        nlp,
        {
            "a": "Protesters clashed with police in the evening, amid dozens of arrests.",
            "b": "More than 300 people were arrested.",
        },
    )
    arrests = claim_with(claims, 300)
    assert sorted(arrests["text"]) == ["More than 300", "dozens"]
    assert set(arrests["status"]) == {"conflict"}
    agree = claims_of(
        nlp,
        {
            "a": "Protesters clashed with police in the evening, amid dozens of arrests.",
            "b": "About 60 people were detained.",
        },
    )
    assert set(claim_with(agree, 60)["status"]) == {"agree"}
    assert len(claim_with(agree, 60)) == 2


def test_a_hyphenated_measure_conflicts_whatever_verb_each_outlet_uses(nlp):
    claims = claims_of(
        nlp,
        {
            "a": "The committee approved the 12-page bill on Monday.",
            "b": "The governor signed the 15-page bill on Monday.",
        },
    )
    bill = claim_with(claims, 12)
    assert sorted(bill["value"]) == [12, 15]
    assert set(bill["status"]) == {"conflict"}


def test_context_readings_never_make_a_conflict(nlp):
    """Figures counting nothing but their clause subject ("Zentrix advanced 8%") are shown
    with that subject yet never grouped on it: two companies' moves are not a conflict."""
    claims = claims_of(
        nlp, {"a": "Zentrix advanced 8% on Tuesday.", "b": "Borlan advanced 3% on Tuesday."}
    )
    assert "conflict" not in set(claims["status"])
    # the label names the time the figure is about
    assert claim_with(claims, 8)["counted"].iloc[0] == "Zentrix (from context), Tuesday"


def test_a_claim_is_labelled_by_the_noun_its_figures_count():
    rows = pd.DataFrame(
        dict(doc_id=["a", "b", "c"], outlet=["A", "B", "C"], value=[5.7e9] * 3,
             qualifier=["exact"] * 3, text=["$5.7 billion"] * 3, unit=["USD"] * 3,
             kind=["money"] * 3, said_by=[""] * 3, sentence=["s1", "s2", "s3"],
             counted=["border funding", "ratings agency", "border wall money"],
             counted_how=["noun", "context", "noun"], counted_head=["funding", "", "money"],
             counted_lemmas=["border funding", "", "border wall money"])
    )  # fmt: skip
    claims = build_claims(rows)
    assert claims["claim_id"].nunique() == 1
    assert set(claims["counted"]) == {"border wall money"}  # never the context reading


def test_one_persons_age_written_three_ways_is_one_claim(analyse_texts):
    texts = {
        "a": "Senator Maria Delgado, 64, announced her retirement on Tuesday. Delgado served "
        "three terms.",
        "b": "The 64-year-old Delgado said on Tuesday that she would not seek another term.",
        "c": "At 64, Maria Delgado is leaving the Senate after three terms.",
    }
    found = analyse_texts(texts, {"a": "Outlet A", "b": "Outlet B", "c": "Outlet C"})
    ages = found.claims[found.claims["text"] == "64"]
    assert len(ages) == 3
    assert ages["claim_id"].nunique() == 1
    assert set(ages["status"]) == {"agree"}


def test_one_thing_named_by_its_initials_or_its_verb_is_one_claim(nlp):
    claims = claims_of(nlp, {
        "a": "Vantor Motors is recalling about 52,000 SUVs. The recall will cost the company "
             "about $410 million, analysts said.",
        "b": "Vantor Motors will recall roughly 52,000 Corsa sport utility vehicles. Analysts "
             "put the cost of the recall at $410 million.",
    })  # fmt: skip
    assert claim_with(claims, 52_000)["doc_id"].nunique() == 2  # SUVs = sport utility vehicles
    assert claim_with(claims, 410e6)["doc_id"].nunique() == 2  # "will cost" = "the cost"


def test_a_dateline_is_no_actor_of_a_claim(nlp):
    claims = claims_of(nlp, {
        "a": "First line.\nLIMA, Peru — Chile and Peru signed a $2.4 billion agreement on "
             "Tuesday to build a railway.",
        "b": "Chile will spend $2.4 billion building a railway in Peru under an agreement "
             "signed on Tuesday.",
    })  # fmt: skip
    claim = claim_with(claims, 2.4e9)
    assert claim["doc_id"].nunique() == 2
    assert not claim["counted"].iloc[0].startswith("LIMA")  # the dateline names no actor


def test_a_wire_dateline_is_not_what_a_rate_measures(nlp):
    claims = claims_of(nlp, {
        "a": "Headline line\n\nHARBOURTON, May 2 (Coastal Wire) - Dunmore's jobless rate "
             "climbed to 6.3 percent in April, the statistics office said.",
        "b": "Dunmore's jobless rate rose to 6.3 percent in April, official data showed.",
    })  # fmt: skip
    claim = claim_with(claims, 6.3)
    assert claim["doc_id"].nunique() == 2
    assert "HARBOURTON" not in " ".join(claim["counted"])


@pytest.mark.parametrize(
    ("a", "b", "value"),
    [
        (
            "The unemployment rate in Dunmore rose to 6.3 percent in April.",
            "Unemployment in Dunmore reached 6.3% in April.",
            6.3,
        ),
        ("Veltrix stock fell 3% on Monday.", "Veltrix fell 2.8 per cent on Monday.", 3),
        ("Tessaro shares fell 8 percent on Monday.", "Tessaro stock fell about 8% on Monday.", 8),
    ],
)
def test_a_measure_and_what_it_measures_are_one_measurement(nlp, a, b, value):
    claims = claims_of(nlp, {"a": a, "b": b})
    assert claim_with(claims, value)["doc_id"].nunique() == 2


def test_one_shared_currency_name_written_two_ways_is_one_claim(nlp):
    claims = claims_of(nlp, {
        "a": "The government will spend 2.6 billion crowns on retraining workers.",
        "b": "The minister announced a 2.6-billion-crown retraining plan for workers.",
    })  # fmt: skip
    claim = claim_with(claims, 2.6e9)
    assert claim["doc_id"].nunique() == 2
    assert set(claim["unit"]) == {"crown"}


def test_a_speed_in_kmh_meets_the_same_speed_in_mph(nlp):
    claims = claims_of(nlp, {
        "a": "The storm brought peak winds of 240 km/h to the coast.",
        "b": "Peak winds reached 150 miles per hour on the coast.",
        "c": "Peak winds of 190 km/h hit the coast.",
    })  # fmt: skip
    claim = claim_with(claims, 240)
    assert set(claim["doc_id"]) >= {"a", "b"}  # 240 km/h is 149 mph, rounded
    assert "units converted (km/h, mph)" in claim["why"].iloc[0]
    assert claim_with(claims, 190)["status"].iloc[0] != "agree"  # 118 mph is no 150 mph


def test_tons_and_tonnes_of_one_shipment_are_one_claim(nlp):
    claims = claims_of(nlp, {
        "a": "The aid agency will ship 450,000 tonnes of rice to the port.",
        "b": "The agency plans to send 450,000 tons of rice through the port.",
    })  # fmt: skip
    claim = claim_with(claims, 450_000)
    assert claim["doc_id"].nunique() == 2
    assert set(claim["unit"]) == {"ton", "tonne"}  # shown as each outlet wrote it


def test_an_aside_after_a_comma_is_no_object_of_the_outcome_verb(nlp):
    from lib.extract.figures import extract_figures

    doc = nlp("The sheriff said four people had died, among them a Pellham man, Arlo Dewitt, "
              "whose car left the road.")  # fmt: skip
    assert [f.counted for f in extract_figures(doc)] == ["people died"]  # no object of "died"
    doc = nlp("The blast killed seven people and injured 40 others.")
    assert [f.counted for f in extract_figures(doc)] == ["people killed", "others injured"]


def test_losing_is_a_casualty_only_of_people():
    from lib.resolve.claim_items import _outcomes_of

    assert _outcomes_of("job lose", "job") == frozenset()  # "14,000 jobs lost"
    assert _outcomes_of("soldier lose", "soldier") == {"casualties"}
    assert _outcomes_of("lose", "") == {"casualties"}  # nothing counted: as before
    assert _outcomes_of("home destroy kill", "home") == {"dead"}  # only losing changes


def test_a_coordinated_outcome_with_its_own_object_is_not_shared(nlp):
    claims = claims_of(nlp, {
        "a": "The tornado struck on Sunday, killing at least seven people and injuring 40 "
             "others.",
        "b": "Seven people died when the tornado struck on Sunday.",
    })  # fmt: skip
    counted = claim_with(claims, 7)["counted"].iloc[0]
    assert "injur" not in counted  # the seven were killed; the 40 others were injured
