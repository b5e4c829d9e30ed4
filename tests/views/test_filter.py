"""lib.views.filter: the one outlet filter."""

from __future__ import annotations

from lib.views.filter import filter_outlets


def test_filter_outlets(seed_analysis):
    one = filter_outlets(seed_analysis, ["TDPel Media"])
    assert set(one.documents["outlet"]) == {"TDPel Media"}
    assert set(one.mentions["outlet"]) == {"TDPel Media"}
    assert set(one.texts["doc_id"]) == set(one.documents["doc_id"])
    none = filter_outlets(seed_analysis, [])
    assert none.documents.empty and none.mentions.empty and none.sentences.empty
    assert filter_outlets(seed_analysis, None) is seed_analysis
