"""lib.views.quotes: word-level differences and the speaker x outlet matrix."""

from __future__ import annotations

import pandas as pd

from lib.views.quotes import speaker_matrix, version_ops


def test_version_ops():
    ops = version_ops("Troops were sent to the Kursk region.", "troops were sent to Kursk Oblast.")
    assert [(op, text.strip()) for op, text in ops] == [
        ("equal", "troops were sent to"),
        ("delete", "the"),
        ("equal", "Kursk"),
        ("delete", "region"),
        ("insert", "Oblast"),
        ("equal", "."),
    ]
    assert version_ops("same words", "Same words") == [("equal", "Same words")]


def test_speaker_matrix_counts():
    frame = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b", "c"],
            "outlet": ["Daily A", "Daily A", "Herald B", "Herald B", "Daily A"],
            "quote": ["one", "two", "three", "four", "five"],
            "kind": ["direct", "fragment", "direct", "direct", "direct"],
            "speaker": ["Ana Ruiz", "Ana Ruiz", "Ana Ruiz", None, "Ben Cole"],
        }
    )
    m = speaker_matrix(frame)
    assert m.loc["Ana Ruiz", "Daily A"] == 2 and m.loc["Ana Ruiz", "Herald B"] == 1
    assert m.loc["(unattributed)", "Herald B"] == 1
    assert list(m.index)[0] == "Ana Ruiz"
    d = speaker_matrix(frame, direct_only=True, include_unattributed=False)
    assert d.loc["Ana Ruiz", "Daily A"] == 1
    assert "(unattributed)" not in d.index
    assert int(d.to_numpy().sum()) == 3


def test_the_same_quote_across_outlets_needs_two_outlets():
    """A wire's quote repeated in two of its own running updates is one outlet's quote, not
    "the same quote across outlets" (seen on a PolNeAR train pile: one agency twice)."""
    from lib.views.quotes import shared_groups

    quotes = pd.DataFrame(
        {
            "group_id": ["Q1", "Q1", "Q2", "Q2", "Q3"],
            "group_size": [2, 2, 2, 2, 1],
            "outlet": ["Wire", "Wire", "Wire", "Daily", "Daily"],
        }
    )
    assert shared_groups(quotes) == ["Q2"]
    assert shared_groups(quotes[quotes["outlet"] == "Wire"]) == []
