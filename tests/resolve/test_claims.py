"""lib.resolve.claims: figures grouped into claims across outlets, with their status."""

from __future__ import annotations

import pandas as pd

from lib.extract.figures import extract_figures
from lib.records import Figure
from lib.resolve.claims import build_claims
from lib.schema import CLAIM_COLUMNS
from tests.helpers import seed_rows, table_of


def test_seed_claims(seed_figures):
    claims = build_claims(seed_rows(seed_figures))
    assert list(claims.columns[: len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS
    casualty = claims[claims["value"] == 600_000]
    assert casualty["claim_id"].nunique() == 1
    claim_id = casualty["claim_id"].iloc[0]
    rows = claims[claims["claim_id"] == claim_id]
    assert sorted(rows["doc_id"].str[:3]) == ["000", "002", "003", "004"]
    assert set(rows["status"]) == {"agree"}
    assert claim_id == "C01"  # most outlets first

    # the North Korean troop numbers count different things (trained, to be sent, special
    # forces, moved to Kursk): no conflict mixes them unless they measure the same thing
    troops = claims[claims["value"].isin([3_000, 11_000, 1_500, 10_000])]
    assert troops["claim_id"].nunique() >= 2
    for _cid, rows in claims[claims["claim_id"].isin(troops["claim_id"])].groupby("claim_id"):
        assert 600_000 not in set(rows["value"])
        if rows["status"].iloc[0] == "conflict":
            assert rows["predicate"].nunique() == 1 and rows["time_scope"].nunique() == 1
            assert "values cannot all be true" in rows["why"].iloc[0]


def claim_of(claims, value):
    cid = claims.loc[claims["value"] == value, "claim_id"].iloc[0]
    return claims[claims["claim_id"] == cid]


def test_flood_deaths_agree(flood_claims):
    deaths = claim_of(flood_claims, 52)
    assert sorted(deaths["value"]) == [40, 40, 52]
    assert set(deaths["status"]) == {"agree"}  # ≥40, ≥40 and 52 are compatible


def test_flood_evacuations_differ(flood_claims):
    """About 5,000 "residents" and some 6,000 "people" evacuated: one measurement whose
    values cannot both hold, but counted in other words (people may not all be residents):
    they differ, with the gap, rather than conflict."""
    evac = claim_of(flood_claims, 6000)
    assert sorted(evac["value"]) == [5000, 5000, 6000]
    assert set(evac["status"]) == {"differ"}
    assert set(evac["gap"]) == {20.0}
    assert "values differ by 20.0%" in evac["why"].iloc[0]
    assert "counted as “people” and “resident”" in evac["why"].iloc[0]
    assert "evacuated" in evac["counted"].iloc[0]
    assert 52 not in set(evac["value"])


def test_flood_money_and_single_source(flood_claims):
    aid = claim_of(flood_claims, 5.7e9)
    assert sorted(aid["doc_id"]) == ["a", "b"] and set(aid["status"]) == {"agree"}
    dogs = claim_of(flood_claims, 3)
    assert len(dogs) == 1 and dogs["status"].iloc[0] == "single source"
    assert list(flood_claims["claim_id"].drop_duplicates()) == ["C01", "C02", "C03", "C04"]


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
    assert list(build_claims(pd.DataFrame()).columns[: len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS


def test_unrelated_things_with_equal_values_stay_apart(nlp):
    texts = ["The library lent 500 books last year.", "The dealer sold 500 cars in a month."]
    by_doc = {(f"d{i}", f"O{i}"): extract_figures(nlp(text)) for i, text in enumerate(texts)}
    claims = build_claims(table_of(Figure, by_doc))
    assert len(claims) == 2 and claims["claim_id"].nunique() == 2
    assert set(claims["status"]) == {"single source"}


def test_election_shares_group_by_candidate(nlp):
    docs = {
        "a": "Maria Silva won 52% of the vote, officials said. Turnout was 67%.",
        "b": "Silva took 51.8 percent of the votes. Turnout was 61 percent.",
        "c": "John Parker got 45% of the vote.",
    }
    by_doc = {(d, d.upper()): extract_figures(nlp(text)) for d, text in docs.items()}
    claims = build_claims(table_of(Figure, by_doc))
    silva = claim_of(claims, 52)
    assert sorted(silva["value"]) == [51.8, 52]  # not Parker's 45%
    assert set(silva["status"]) == {"agree"}  # 52% and 51.8% agree within rounding
    turnout = claim_of(claims, 67)
    assert sorted(turnout["value"]) == [61, 67] and set(turnout["status"]) == {"conflict"}
    assert claim_of(claims, 45)["status"].iloc[0] == "single source"


def test_blocks_give_the_same_claims_as_comparing_every_pair(monkeypatch):
    """Blocking by unit, kind and kind of thing counted loses no merge: one block holding
    every figure (every pair compared) gives the same claims."""
    import random

    from lib.resolve import claim_blocks

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

    monkeypatch.setattr(claim_blocks, "BLOCK_MAX", 10**9)  # blocks by key only, uncut
    blocked = partition(build_claims(frame))
    monkeypatch.setattr(claim_blocks, "blocks", lambda items, *_: [list(range(len(items)))])
    assert partition(build_claims(frame)) == blocked


def test_a_claim_and_its_reason_stay_bounded_however_many_articles():
    """Thousands of articles giving one figure never make one claim of thousands of rows
    with a reason naming each outlet."""
    n = 1_200
    rows = pd.DataFrame(
        {
            "doc_id": [f"d{k}" for k in range(n)],
            "outlet": [f"Outlet {k}" for k in range(n)],
            "text": ["about 3,000" if k % 2 else "5,000" for k in range(n)],
            "value": [3000.0 if k % 2 else 5000.0 for k in range(n)],
            "qualifier": ["approx" if k % 2 else "exact" for k in range(n)],
            "unit": [""] * n,
            "counted": ["workers"] * n,
            "counted_head": ["worker"] * n,
            "counted_lemmas": ["worker"] * n,
            "sentence": [f"s{k}" for k in range(n)],
            "said_by": [""] * n,
        }
    )
    claims = build_claims(rows)
    from lib.resolve.claims import MAX_CLAIM_FIGURES
    from lib.resolve.verdicts import MAX_WHY_CHARS

    assert claims.groupby("claim_id").size().max() <= MAX_CLAIM_FIGURES
    assert claims["why"].str.len().max() <= MAX_WHY_CHARS
