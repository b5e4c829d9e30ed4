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
    assert list(claims.columns) == CLAIM_COLUMNS
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


def test_large_inputs_are_clustered_in_blocks_with_the_same_result(monkeypatch):
    import random

    import lib.resolve.claims as figures_module

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
