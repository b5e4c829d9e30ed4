"""lib.resolve.claim_pairs: the trained pair model the claims pass scores figure pairs with."""

from __future__ import annotations

import pandas as pd

from lib.resolve import claim_pairs
from lib.resolve.claims import build_claims, candidate_pairs, claim_items, pair_features


def _row(doc: str, text: str, value: float, **extra) -> dict:
    row = {
        "doc_id": doc,
        "outlet": doc.upper(),
        "text": text,
        "value": value,
        "value_max": value,
        "qualifier": "exact",
        "unit": "",
        "kind": "count",
        "counted": "",
        "counted_head": "",
        "counted_lemmas": "",
        "counted_how": "noun",
        "sentence": f"{text} in {doc}.",
        "said_by": "",
    }
    return row | extra


def test_the_model_loads_with_its_features_and_a_threshold():
    fitted = claim_pairs.model()
    assert fitted["features"] == list(claim_pairs.FEATURES)
    assert len(fitted["coef"]) == len(fitted["mean"]) == len(claim_pairs.FEATURES)
    assert 0.0 < fitted["threshold"] < 1.0
    assert "tune" in fitted["trained_on"]  # fitted on the tune events only
    assert claim_pairs.MODEL_PATH.stat().st_size < 10_000  # plain coefficients, no pickle


def test_a_clear_same_measurement_pair_scores_above_the_threshold():
    """Two outlets giving one telling dollar figure for one package, in similar sentences."""
    money = {"unit": "USD", "kind": "money", "predicate": "pass"}
    frame = pd.DataFrame(
        [
            _row("a", "$318 billion", 318e9, counted="spending package",
                 counted_head="package", counted_lemmas="spending package",
                 sentence="The House passed the $318 billion spending package on Tuesday.",
                 **money),
            _row("b", "$318 billion", 318e9, counted="spending package",
                 counted_head="package", counted_lemmas="spending package",
                 sentence="Lawmakers passed a $318 billion spending package late Tuesday.",
                 **money),
        ]
    )  # fmt: skip
    _df, items = claim_items(frame)
    pairs = list(candidate_pairs(items))
    assert [(i, j) for i, j, _rule in pairs] == [(0, 1)]
    p = claim_pairs.probability(pair_features(items[0], items[1], pairs[0][2]))[0]
    assert p > claim_pairs.model()["threshold"]
    claims = build_claims(frame)
    assert claims["claim_id"].nunique() == 1 and set(claims["status"]) == {"agree"}


def test_a_different_holder_pair_never_groups_however_alike():
    """ "Okafor's approval rating, 41 percent" and "Lindqvist's approval rating, 41
    percent": one value, one noun, one sentence shape, two holders: two claims."""
    share = {"unit": "%", "kind": "percent", "counted": "approval rating",
             "counted_head": "rating", "counted_lemmas": "approval rating",
             "holder_how": "possessor"}  # fmt: skip
    frame = pd.DataFrame(
        [
            _row("a", "41 percent", 41, holder="Okafor", holder_entity="Amara Okafor",
                 sentence="Okafor's approval rating stood at 41 percent in the poll.", **share),
            _row("b", "41 percent", 41, holder="Lindqvist", holder_entity="Eva Lindqvist",
                 sentence="Lindqvist's approval rating stood at 41 percent in the poll.",
                 **share),
        ]
    )  # fmt: skip
    _df, items = claim_items(frame)
    assert list(candidate_pairs(items)) == []  # vetoed by rule: never scored
    claims = build_claims(frame)
    assert claims["claim_id"].nunique() == 2


def test_a_figure_counting_nothing_meets_every_figure_of_its_unit():
    """Blocks are one unit and kind: "more than $310 billion" (nothing counted, the same
    holder) joins the "$312 billion" of another outlet even when a third outlet's headed
    "$312 billion cut" draws that figure into the block of cuts."""
    money = {"unit": "USD", "kind": "money", "holder_entity": "Congress",
             "holder": "Congress", "holder_how": "subject"}  # fmt: skip
    frame = pd.DataFrame(
        [
            _row("a", "$312 billion", 312e9, counted_how="context",
                 sentence="Congress took $312 billion out of the fund.", **money),
            _row("b", "$312 billion", 312e9, counted="cut", counted_head="cut",
                 counted_lemmas="cut", sentence="The $312 billion cut was approved.",
                 **money),
            _row("c", "more than $310 billion", 310e9, qualifier="at_least",
                 counted_how="context",
                 sentence="Congress took more than $310 billion out of the fund.", **money),
        ]
    )  # fmt: skip
    claims = build_claims(frame)
    by_doc = dict(zip(claims["doc_id"], claims["claim_id"], strict=True))
    assert by_doc["a"] == by_doc["c"]


def test_a_big_block_is_cut_by_the_kind_of_thing_counted_first(monkeypatch):
    """Blocks are one unit and kind, so a big corpus cuts an overfull block by what is
    counted before anything else: the workers' figures still meet each other."""
    from lib.resolve import claim_blocks

    monkeypatch.setattr(claim_blocks, "BLOCK_MAX", 4)
    rows = []
    for k in range(6):
        head = "worker" if k % 2 else "ship"
        rows.append(_row(f"d{k}", "1,200", 1200, counted=f"{head}s", counted_head=head,
                         counted_lemmas=head, predicate="strike"))  # fmt: skip
    claims = build_claims(pd.DataFrame(rows))
    workers = claims[claims["counted"] == "workers"]
    assert len(workers) == 3 and workers["claim_id"].nunique() == 1
    assert not set(workers["claim_id"]) & set(claims.loc[claims["counted"] == "ships", "claim_id"])


def test_a_figure_held_by_a_list_joins_its_members_never_another_holder():
    """ "Baptiste and Moreau, 11 percent each" is Moreau's 11 percent too, never Okafor's."""
    share = {"unit": "%", "kind": "percent", "counted": "vote", "counted_head": "vote",
             "counted_lemmas": "vote", "holder_how": "with"}  # fmt: skip
    frame = pd.DataFrame(
        [
            _row("a", "11 percent", 11, holder="Baptiste and Moreau",
                 sentence="Baptiste and Moreau were at 11 percent each.", **share),
            _row("b", "11 percent", 11, holder="Moreau", holder_entity="Claire Moreau",
                 sentence="Moreau was at 11 percent in the poll.", **share),
            _row("c", "11 percent", 11, holder="Okafor", holder_entity="Amara Okafor",
                 sentence="Okafor was at 11 percent in the poll.", **share),
        ]
    )  # fmt: skip
    _df, items = claim_items(frame)
    assert [(i, j) for i, j, _rule in candidate_pairs(items)] == [(0, 1)]
    claims = build_claims(frame)
    ids = dict(zip(claims["doc_id"], claims["claim_id"], strict=True))
    assert ids["a"] == ids["b"] != ids["c"]
