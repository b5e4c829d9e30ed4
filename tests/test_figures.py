"""Tests for lib.figures: extraction, attribution, claims, formatting and the chart."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from lib.corpus import load_folder
from lib.figures import (
    CLAIM_COLUMNS,
    FIGURE_KEYS,
    build_claims,
    claim_chart,
    claim_summary,
    extract_figures,
    format_figure,
)
from lib.pipeline import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


@pytest.fixture(scope="module")
def seed_figures(nlp):
    """doc_id prefix ("000") -> (doc, figures, Document)."""
    out = {}
    for document in load_folder("seeds").documents:
        doc = nlp(document.text)
        out[document.doc_id[:3]] = (doc, extract_figures(doc), document)
    return out


def labels(figures, vague=False):
    return [
        format_figure(f["value"], f["value_max"], f["qualifier"], f["unit"])
        for f in figures
        if vague or f["qualifier"] != "vague"
    ]


def figure_with(figures, text):
    found = [f for f in figures if text in f["text"]]
    assert found, f"no figure with {text!r} in {[f['text'] for f in figures]}"
    return found[0]


def figs_of(nlp, text, **kw):
    return extract_figures(nlp(text), **kw)


def speaker_entity(doc, fig):
    if fig["said_by_start"] is None:
        return None
    return doc.text[fig["said_by_start"] : fig["said_by_end"]]


def seed_rows(seed_figures):
    rows = []
    for _key, (_doc, figures, document) in sorted(seed_figures.items()):
        for f in figures:
            rows.append(
                dict(
                    f,
                    doc_id=document.doc_id,
                    outlet=document.display_outlet,
                    said_by=f["said_by_text"] or "",
                )
            )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- seeds: extraction


def test_every_figure_has_the_documented_keys(seed_figures):
    for _doc, figures, _ in seed_figures.values():
        for f in figures:
            assert list(f) == FIGURE_KEYS
            assert f["qualifier"] in ("exact", "approx", "at_least", "at_most", "range", "vague")


def test_offsets_point_at_the_figure_text(seed_figures):
    for doc, figures, _ in seed_figures.values():
        for f in figures:
            assert doc.text[f["start_char"] : f["end_char"]] == f["text"]
            sent = doc.text[f["sent_start_char"] :]
            assert sent.startswith(f["sentence"][:20])


def test_seed_000(seed_figures):
    doc, figures, _ = seed_figures["000"]
    assert labels(figures, vague=True) == ["≥600,000"]
    fig = figures[0]
    assert fig["counted"] == "Russian soldiers killed or wounded"
    assert fig["counted_head"] == "soldier"
    assert "Rutte" in fig["said_by_text"]
    assert "Rutte" in speaker_entity(doc, fig)


def test_seed_001(seed_figures):
    doc, figures, _ = seed_figures["001"]
    assert labels(figures) == ["~3,000", "≤10,000", "~1,500", "1,500"]
    vague = [f for f in figures if f["qualifier"] == "vague"]
    assert [f["text"] for f in vague] == ["millions"]  # "millions of rounds": kept as vague
    assert figure_with(figures, "3,000")["counted"] == "North Korean personnel"
    assert figure_with(figures, "3,000")["said_by_text"] == "U.S. officials"
    assert figure_with(figures, "10,000")["said_by_text"] == "Ukrainian officials"
    special = figure_with(figures, "around 1,500")
    assert special["counted"] == "North Korean special operations troops"
    assert special["said_by_text"] == "South Korea's National Intelligence Service"
    assert "National Intelligence Service" in speaker_entity(doc, special)


def test_seed_002(seed_figures):
    doc, figures, _ = seed_figures["002"]
    assert labels(figures, vague=True) == ["~11,000", "~3,000", "≥600,000", "3,000"]
    assert figure_with(figures, "11,000")["said_by_text"] == "Ukrainian intelligence"
    casualty = figure_with(figures, "600,000")
    assert casualty["counted"] == "Russian soldiers killed or wounded"
    assert "Rutte" in casualty["said_by_text"]  # "The NATO chief ..., citing that “...”"
    (plain,) = [f for f in figures if f["text"] == "3,000"]
    assert plain["counted"] == "military personnel"
    assert plain["said_by_text"] == "South Korean intelligence"
    assert all(f["value"] not in (27, 28, 1) for f in figures)


def test_seed_003(seed_figures):
    _doc, figures, _ = seed_figures["003"]
    assert labels(figures, vague=True) == ["≥600,000"]  # no "one audio clip", "One Russian"
    assert "Rutte" in figures[0]["said_by_text"]


def test_seed_004(seed_figures):
    doc, figures, _ = seed_figures["004"]
    assert labels(figures) == ["≥600,000", "10,000"]
    assert labels(figures, vague=True) == ["≥600,000", "10,000", "thousands"]
    ten = figure_with(figures, "10,000")
    assert ten["said_by_text"] == "Volodymyr Zelensky"  # "He has claimed ..." resolved
    assert speaker_entity(doc, ten) == "Volodymyr Zelensky"
    assert figure_with(figures, "600,000")["said_by_text"] == "Rutte"
    assert all("three" not in f["text"] and "weeks" not in f["text"] for f in figures)


def test_include_vague_false_drops_vague(seed_figures):
    doc, _, _ = seed_figures["004"]
    assert labels(extract_figures(doc, include_vague=False), vague=True) == ["≥600,000", "10,000"]


# --------------------------------------------------------------------------- seeds: claims


def test_seed_claims(seed_figures):
    claims = build_claims(seed_rows(seed_figures))
    assert list(claims.columns) == CLAIM_COLUMNS
    casualty = claims[claims["value"] == 600_000]
    assert casualty["claim_id"].nunique() == 1
    claim_id = casualty["claim_id"].iloc[0]
    rows = claims[claims["claim_id"] == claim_id]
    assert sorted(rows["doc_id"].str[:3]) == ["000", "002", "003", "004"]
    assert set(rows["status"]) == {"agree"}
    assert claim_id == "C01"  # most outlets first

    troops = claims[claims["value"].isin([11_000, 1_500, 10_000])]
    assert troops["claim_id"].nunique() == 1
    troop_rows = claims[claims["claim_id"] == troops["claim_id"].iloc[0]]
    assert set(troop_rows["status"]) == {"conflict"}
    assert troop_rows["doc_id"].nunique() >= 3
    assert 600_000 not in set(troop_rows["value"])
    assert (troop_rows["said_by"] != "").sum() >= len(troop_rows) - 1


def test_seed_summary_table(seed_figures):
    claims = build_claims(seed_rows(seed_figures))
    outlets = list(dict.fromkeys(seed_rows(seed_figures)["outlet"]))
    table = claim_summary(claims, outlets)
    assert list(table.columns) == ["claim_id", "counted", "status", *outlets]
    first = table.iloc[0]
    assert first["status"] == "agree"
    cells = [first[o] for o in outlets]
    assert sum(c.startswith("≥600,000") for c in cells) == 4
    assert cells.count("—") == 1


# --------------------------------------------------------------------------- other events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The World Bank said it would provide $5.7 billion in aid to the region.",
            [("$5.7 billion", 5.7e9, 5.7e9, "exact", "USD")],
        ),
        (
            "The company announced an $8B acquisition of a chip designer.",
            [("$8B", 8e9, 8e9, "exact", "USD")],
        ),
        ("The club paid €3m for the striker.", [("€3m", 3e6, 3e6, "exact", "EUR")]),
        (
            "The plan will cost taxpayers £2.5 billion, the Treasury estimated.",
            [("£2.5 billion", 2.5e9, 2.5e9, "exact", "GBP")],
        ),
        ("Inflation rose 12% in March.", [("12%", 12, 12, "exact", "%")]),
        ("Turnout was 67 percent this time.", [("67 percent", 67, 67, "exact", "%")]),
        ("Prices fell by 10-15% over the period.", [("10-15%", 10, 15, "range", "%")]),
        (
            "Between 200 and 300 people gathered outside parliament.",
            [("Between 200 and 300", 200, 300, "range", "")],
        ),
        (
            "Three firefighters were hurt and a dozen homes were destroyed.",
            [("Three", 3, 3, "exact", ""), ("a dozen", 12, 12, "exact", "")],
        ),
        (
            "Thousands of residents fled, while hundreds of thousands lost power.",
            [
                ("Thousands", 1e3, 1e3, "vague", ""),
                ("hundreds of thousands", 1e5, 1e5, "vague", ""),
            ],
        ),
        (
            "Police put the crowd at about 20,000, while organisers claimed as many as "
            "100,000 attended.",
            [
                ("about 20,000", 2e4, 2e4, "approx", ""),
                ("as many as 100,000", 1e5, 1e5, "at_most", ""),
            ],
        ),
        (
            "At least 40 people died and nearly 1.5 million were left without water.",
            [
                ("At least 40", 40, 40, "at_least", ""),
                ("nearly 1.5 million", 1.5e6, 1.5e6, "at_most", ""),
            ],
        ),
        (
            "The storm dumped 300 mm of rain and some two hundred and fifty volunteers helped.",
            [
                ("300 mm", 300, 300, "exact", "mm"),
                ("some two hundred and fifty", 250, 250, "approx", ""),
            ],
        ),
        (
            "The budget was $3.2bn-$3.5bn this year.",
            [("$3.2bn-$3.5bn", 3.2e9, 3.5e9, "range", "USD")],
        ),
        ("They said 10,000+ fans sang.", [("10,000+", 1e4, 1e4, "at_least", "")]),
        ("The show drew 3m viewers.", [("3m", 3e6, 3e6, "exact", "")]),
        ("They built a 3m wall.", [("3m", 3, 3, "exact", "m")]),
        ("Half a million people marched.", [("Half a million", 5e5, 5e5, "exact", "")]),
        ("Two or three ships were seen near the port.", [("Two or three", 2, 3, "range", "")]),
        (
            "The fund raised 1.5 million dollars.",
            [("1.5 million dollars", 1.5e6, 1.5e6, "exact", "USD")],
        ),
    ],
)
def test_values_qualifiers_units(nlp, text, expected):
    got = [
        (f["text"], f["value"], f["value_max"], f["qualifier"], f["unit"])
        for f in figs_of(nlp, text)
    ]
    assert [g[0] for g in got] == [e[0] for e in expected]
    for g, e in zip(got, expected, strict=True):
        assert g[1] == pytest.approx(e[1])
        assert g[2] == pytest.approx(e[2])
        assert g[3:] == e[3:]


@pytest.mark.parametrize(
    "text",
    [
        "The earthquake struck at 5:30 am on 12 March 2023, the first such quake since 1999.",
        "The 45-year-old driver, who was born in 1979, was arrested on Friday.",
        "On 4 July 2020 the 3rd battalion moved; the talks ran from 14-16 May.",
        "Under Article 5 of the treaty and Resolution 2231, the council met in Room 12.",
        "One resident said she had lost everything, and one of the shelters was closed.",
        "The strike began three years ago and lasted for 10 days in 2022.",
        "The F-16 and the Su-25 flew over the city in the 1990s.",
        "The home side won 3-1 after a 50-50 challenge.",
    ],
)
def test_not_figures(nlp, text):
    assert [f["text"] for f in figs_of(nlp, text)] == []


def test_counted_phrase_other_event(nlp):
    (fig,) = figs_of(nlp, "Officials said at least 40 Haitian migrants were rescued at sea.")
    assert fig["counted"] == "Haitian migrants rescued"
    assert fig["counted_head"] == "migrant"
    assert fig["counted_lemmas"].split() == ["haitian", "migrant", "rescue"]
    assert fig["counted_groups"] == "Haitian"


@pytest.mark.parametrize(
    ("text", "figure", "speaker", "entity"),
    [
        (
            '"More than 300 homes were destroyed," said Maria Lopez, a spokeswoman.',
            "300",
            "Maria Lopez",
            "Maria Lopez",
        ),
        (
            "Rescue teams pulled 75 survivors from the rubble, the Red Cross noted.",
            "75",
            "Red Cross",
            "the Red Cross",
        ),
        ("According to Reuters, 2,300 workers lost their jobs.", "2,300", "Reuters", "Reuters"),
        (
            'Maria Lopez spoke at the scene. "It was terrible. We counted 400 bodies," she said.',
            "400",
            "Maria Lopez",
            "Maria Lopez",
        ),
        (
            "Mayor Tom Baker visited the site. He said 1,200 homes had been damaged.",
            "1,200",
            "Tom Baker",
            "Tom Baker",
        ),
        (
            "John Doe, the airline's chief executive, estimated that 40% of flights would go.",
            "40%",
            "John Doe",
            "John Doe",
        ),
        (
            "Citing hospital records, the Health Ministry reported 120 people were treated.",
            "120",
            "Health Ministry",
            "the Health Ministry",
        ),
        (
            "The UN agency pointed to the damage, citing that “some 9,000 families have fled.”",
            "9,000",
            "UN agency",
            "UN",
        ),
        ("Brazilian officials claimed 52 miners were trapped.", "52", "Brazilian officials", None),
    ],
)
def test_speakers(nlp, text, figure, speaker, entity):
    doc = nlp(text)
    fig = figure_with(extract_figures(doc), figure)
    assert fig["said_by_text"] == speaker
    if entity is not None:
        assert speaker_entity(doc, fig) == entity


def test_no_speaker_when_none_given(nlp):
    (fig,) = figs_of(nlp, "About 3,000 cars were stuck on the motorway.")
    assert fig["said_by_text"] is None and fig["said_by_start"] is None


# --------------------------------------------------------------------------- claims: other event

FLOOD = {
    "a": (
        "Daily Alpha",
        "Officials said at least 40 people were killed in the floods on Monday. About 5,000 "
        "residents were evacuated, Governor Jane Smith said. The government pledged $5.7 billion "
        "in aid.",
    ),
    "b": (
        "Beta News",
        "The floods killed 52 people, according to the Red Cross. Nearly 5,000 residents were "
        "evacuated from their homes. The government announced $5.7bn in aid for the region.",
    ),
    "c": (
        "Gamma Times",
        "More than 40 people died in the floods, police said. Some 6,000 people were evacuated. "
        "Rescuers saved three dogs.",
    ),
}


@pytest.fixture(scope="module")
def flood_claims(nlp):
    rows = []
    for doc_id, (outlet, text) in FLOOD.items():
        for f in extract_figures(nlp(text)):
            rows.append(dict(f, doc_id=doc_id, outlet=outlet, said_by=f["said_by_text"] or ""))
    return build_claims(pd.DataFrame(rows))


def claim_of(claims, value):
    cid = claims.loc[claims["value"] == value, "claim_id"].iloc[0]
    return claims[claims["claim_id"] == cid]


def test_flood_deaths_agree(flood_claims):
    deaths = claim_of(flood_claims, 52)
    assert sorted(deaths["value"]) == [40, 40, 52]
    assert set(deaths["status"]) == {"agree"}  # ≥40, ≥40 and 52 are compatible


def test_flood_evacuations_conflict(flood_claims):
    evac = claim_of(flood_claims, 6000)
    assert sorted(evac["value"]) == [5000, 5000, 6000]
    assert set(evac["status"]) == {"conflict"}
    assert "evacuated" in evac["counted"].iloc[0]
    assert 52 not in set(evac["value"])


def test_flood_money_and_single_source(flood_claims):
    aid = claim_of(flood_claims, 5.7e9)
    assert sorted(aid["doc_id"]) == ["a", "b"] and set(aid["status"]) == {"agree"}
    dogs = claim_of(flood_claims, 3)
    assert len(dogs) == 1 and dogs["status"].iloc[0] == "single source"
    assert list(flood_claims["claim_id"].drop_duplicates()) == ["C01", "C02", "C03", "C04"]


def test_flood_summary(flood_claims):
    table = claim_summary(flood_claims, ["Daily Alpha", "Beta News", "Gamma Times", "Delta"])
    row = table[table["counted"].str.contains("evacuated")].iloc[0]
    assert row["Daily Alpha"] == "~5,000 (Governor Jane Smith)"
    assert row["Beta News"] == "≤5,000"
    assert row["Delta"] == "—"


def test_different_groups_do_not_merge():
    rows = pd.DataFrame(
        [
            dict(
                doc_id=f"d{i}",
                outlet=f"O{i}",
                text=str(v),
                value=v,
                value_max=v,
                qualifier="exact",
                unit="",
                counted=c,
                counted_head="troop",
                counted_lemmas=c.lower().replace("troops", "troop"),
                said_by="",
                sentence="",
            )
            for i, (v, c) in enumerate(
                [(500, "French troops"), (500, "German troops"), (700, "French troops")]
            )
        ]
    )
    claims = build_claims(rows)
    assert claims["claim_id"].nunique() == 2
    french = claims[claims["counted"] == "French troops"]
    assert len(french) == 2 and set(french["status"]) == {"conflict"}


def test_build_claims_empty():
    assert list(build_claims(pd.DataFrame()).columns) == CLAIM_COLUMNS


# --------------------------------------------------------------------------- formatting and chart


@pytest.mark.parametrize(
    ("args", "label"),
    [
        ((3000, 3000, "approx", ""), "~3,000"),
        ((10000, 10000, "at_most", ""), "≤10,000"),
        ((600000, 600000, "at_least", ""), "≥600,000"),
        ((1500, 3000, "range", ""), "1,500–3,000"),
        ((5.7e9, 5.7e9, "exact", "USD"), "$5.7 billion"),
        ((3e6, 3e6, "exact", "EUR"), "€3 million"),
        ((12, 12, "exact", "%"), "12%"),
        ((10, 15, "range", "%"), "10%–15%"),
        ((1000, 1000, "vague", ""), "thousands"),
        ((1.5e6, 1.5e6, "exact", ""), "1.5 million"),
        ((150, 150, "at_most", "km/h"), "≤150 km/h"),
    ],
)
def test_format_figure(args, label):
    assert format_figure(*args) == label


def test_claim_chart(flood_claims):
    rows = claim_of(flood_claims, 6000)
    fig = claim_chart(rows)
    assert isinstance(fig, go.Figure)
    assert fig.layout.xaxis.title.text == "Value"
    assert fig.layout.yaxis.title.text == "Outlet"
    hover = " ".join(t for trace in fig.data for t in trace.hovertext)
    assert "Governor Jane Smith" in hover
    assert {trace.name for trace in fig.data} == {"approximately", "at most (≤)"}
    assert len(fig.layout.annotations) == 1  # the ≤ arrow


def test_claim_chart_range_segment():
    rows = pd.DataFrame(
        [
            dict(
                outlet="A",
                value=1500.0,
                value_max=3000.0,
                qualifier="range",
                unit="",
                text="x",
                said_by="",
                counted="troops",
                status="agree",
            ),
            dict(
                outlet="B",
                value=2000.0,
                value_max=2000.0,
                qualifier="exact",
                unit="",
                text="y",
                said_by="Someone",
                counted="troops",
                status="agree",
            ),
        ]
    )
    fig = claim_chart(rows)
    (range_trace,) = [t for t in fig.data if t.name == "range"]
    assert list(range_trace.error_x.array) == [750.0]
    assert list(range_trace.x) == [2250.0]


def test_unrelated_things_with_equal_values_stay_apart(nlp):
    rows = []
    for i, text in enumerate(
        ["The library lent 500 books last year.", "The dealer sold 500 cars in a month."]
    ):
        for f in extract_figures(nlp(text)):
            rows.append(dict(f, doc_id=f"d{i}", outlet=f"O{i}", said_by=""))
    claims = build_claims(pd.DataFrame(rows))
    assert len(claims) == 2 and claims["claim_id"].nunique() == 2
    assert set(claims["status"]) == {"single source"}


def test_election_shares_group_by_candidate(nlp):
    docs = {
        "a": "Maria Silva won 52% of the vote, officials said. Turnout was 67%.",
        "b": "Silva took 51.8 percent of the votes. Turnout was 61 percent.",
        "c": "John Parker got 45% of the vote.",
    }
    rows = []
    for doc_id, text in docs.items():
        for f in extract_figures(nlp(text)):
            rows.append(dict(f, doc_id=doc_id, outlet=doc_id.upper(), said_by=""))
    claims = build_claims(pd.DataFrame(rows))
    silva = claim_of(claims, 52)
    assert sorted(silva["value"]) == [51.8, 52]  # not Parker's 45%
    assert set(silva["status"]) == {"agree"}  # 52% and 51.8% agree within rounding
    turnout = claim_of(claims, 67)
    assert sorted(turnout["value"]) == [61, 67] and set(turnout["status"]) == {"conflict"}
    assert claim_of(claims, 45)["status"].iloc[0] == "single source"


def test_summary_and_chart_tolerate_missing_speakers():
    rows = pd.DataFrame(
        [
            dict(
                claim_id="C01",
                counted="cars",
                status="conflict",
                outlet="A",
                doc_id="a",
                value=10.0,
                value_max=10.0,
                qualifier="exact",
                unit="",
                text="10",
                said_by=None,
                sentence="",
            ),
            dict(
                claim_id="C01",
                counted="cars",
                status="conflict",
                outlet="B",
                doc_id="b",
                value=12.0,
                value_max=12.0,
                qualifier="at_least",
                unit="",
                text="over 12",
                said_by=float("nan"),
                sentence="",
            ),
        ]
    )
    table = claim_summary(rows, ["A", "B"])
    assert table.iloc[0][["A", "B"]].tolist() == ["10", "≥12"]
    hover = " ".join(t for trace in claim_chart(rows).data for t in trace.hovertext)
    assert "nan" not in hover and "None" not in hover


def test_source_carries_to_next_sentence_about_the_same_thing(nlp):
    text = (
        "The interior ministry said 200 protesters were arrested in Lyon on Friday. "
        "Another 50 protesters were detained overnight.\n\n"
        "About 300 shops were closed."
    )
    figs = {f["text"]: f for f in extract_figures(nlp(text))}
    assert figs["200"]["said_by_inferred"] is False and figs["200"]["said_by_text"]
    assert figs["50"]["said_by_text"] == figs["200"]["said_by_text"]
    assert figs["50"]["said_by_inferred"] is True
    # a new paragraph about something else does not inherit the source
    assert figs["About 300"]["said_by_text"] is None


def test_large_inputs_are_clustered_in_blocks_with_the_same_result(monkeypatch):
    import random

    import lib.figures as figures_module

    rng = random.Random(5)
    heads = ["soldier", "troop", "personnel", "resident", "ship", "worker", "vote", "refugee"]
    rows = []
    for k in range(450):
        head = rng.choice(heads)
        value = rng.choice([100, 500, 1500, 3000, 10000]) * rng.choice([1, 1.1])
        group = rng.choice(["", "Northern", "Southern"])
        rows.append(
            {
                "doc_id": f"d{k % 90}",
                "outlet": f"O{k % 30}",
                "text": str(value),
                "value": value,
                "value_max": value,
                "qualifier": rng.choice(["exact", "approx", "at_least", "at_most"]),
                "unit": rng.choice(["", "", "USD"]),
                "counted": f"{group} {head}s".strip(),
                "counted_head": head,
                "counted_lemmas": head,
                "counted_groups": group,
                "sentence": f"s{k}",
                "said_by": "",
            }
        )
    frame = pd.DataFrame(rows)

    def partition(claims):
        groups: dict[str, set[str]] = {}
        for cid, sentence in zip(claims["claim_id"], claims["sentence"], strict=True):
            groups.setdefault(cid, set()).add(sentence)
        return sorted(sorted(g) for g in groups.values())

    monkeypatch.setattr(figures_module, "BLOCKING_MIN", 10**9)
    exact = partition(build_claims(frame))
    monkeypatch.setattr(figures_module, "BLOCKING_MIN", 100)
    assert partition(build_claims(frame)) == exact


def test_bare_counts_the_model_tags_as_dates_are_figures(nlp):
    figs = extract_figures(nlp("The port authority put the number of waiting ships at around 45."))
    assert [(f["text"], f["qualifier"], f["value"]) for f in figs] == [("around 45", "approx", 45)]
    for text in (
        "The talks on 27-28 October ended.",
        "It happened nearly three years ago.",
        "The vote is at 10:30 on Monday.",
        "He was 45 years old.",
    ):
        assert extract_figures(nlp(text)) == [], text
