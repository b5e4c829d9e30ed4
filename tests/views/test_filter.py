"""lib.views.filter: the outlet filter recomputes claim status and quote-group sizes."""

from __future__ import annotations

from lib.views.filter import filter_outlets


def test_claim_status_follows_the_selected_outlets(seed_analysis):
    claims = seed_analysis.claims
    multi = claims.groupby("claim_id")["outlet"].nunique()
    cid = multi[multi >= 2].index[0]
    outlet = claims.loc[claims["claim_id"] == cid, "outlet"].iloc[0]
    alone = filter_outlets(seed_analysis, [outlet]).claims
    assert set(alone.loc[alone["claim_id"] == cid, "status"]) == {"single source"}
    everyone = filter_outlets(seed_analysis, list(seed_analysis.outlets)).claims
    assert list(everyone["status"]) == list(claims["status"])


def test_quote_group_size_counts_selected_documents_only(seed_analysis):
    quotes = seed_analysis.quotes
    shared = quotes[quotes["group_size"] >= 2]
    assert not shared.empty  # the seeds share quotes across outlets
    outlet = shared["outlet"].iloc[0]
    mine = filter_outlets(seed_analysis, [outlet]).quotes
    assert set(mine["group_size"]) == {1}
