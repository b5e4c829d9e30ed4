"""lib.resolve.quote_groups: the same quote across outlets."""

from __future__ import annotations

import pandas as pd

from lib.resolve.quote_groups import group_quotes
from lib.views.quotes import version_ops
from tests.extract.test_quotes import find, quotes_of, seed
from tests.helpers import as_frame, outlet_of


def test_seed_confirm_quote_in_two_docs_grouped_with_diff(seed_quotes):
    a = find(seed(seed_quotes, "000"), "I can confirm that North Korean troops")
    b = find(seed(seed_quotes, "002"), "I can confirm that North Korean troops")
    for q in (a, b):
        assert q.speaker_text == "Rutte"
        assert q.kind == "direct"
    assert a.verb == "tell" and b.verb == "say"
    frame = group_quotes(as_frame({(k, outlet_of(d)): qs for k, (d, qs) in seed_quotes.items()}))
    ids = frame.loc[frame["quote"].str.startswith("I can confirm"), "group_id"].unique()
    assert len(ids) == 1
    assert frame.loc[frame["group_id"] == ids[0], "group_size"].iloc[0] == 2
    ops = version_ops(a.quote, b.quote)
    assert ("delete", " region") in ops and ("insert", " Oblast") in ops


def test_group_quotes_invented_outlets(nlp):
    a = quotes_of(
        nlp,
        "“We will rebuild every home that was lost in the flood,” Governor Elena Marsh said.",
    )
    b = quotes_of(
        nlp,
        "Marsh promised: “We will rebuild every home that was lost in the flood, and we will "
        "do it this year.”",
    )
    c = quotes_of(nlp, "“Rebuilding will take at least five years,” said engineer Lars Holm.")
    frame = group_quotes(as_frame({("a", "Daily A"): a, ("b", "Herald B"): b, ("c", "Post C"): c}))
    assert {"group_id", "group_size"} <= set(frame.columns)
    first = frame[frame["doc_id"].isin(["a", "b"])]
    assert first.group_id.nunique() == 1 and set(first.group_size) == {2}
    other = frame[frame["doc_id"] == "c"]
    assert other.group_id.iloc[0] != first.group_id.iloc[0]
    assert other.group_size.iloc[0] == 1
    assert set(frame["group_id"]) == {"Q01", "Q02"}
    assert frame.loc[frame["doc_id"] == "a", "group_id"].iloc[0] == "Q01"


def test_group_quotes_speakers_must_agree_for_loose_matches():
    frame = pd.DataFrame(
        {
            "doc_id": ["x", "y", "z"],
            "outlet": ["X", "Y", "Z"],
            "quote": ["the harvest failed", "the harvest failed again this year", "the harvest"],
            "speaker": ["Ana Ruiz", "Ben Cole", "Ana Ruiz"],
        }
    )
    out = group_quotes(frame)
    # different named speakers: a trimmed quote does not merge
    assert out.loc[0, "group_id"] != out.loc[1, "group_id"]
    # same speaker: a short phrase quoted whole inside a longer quote does
    assert out.loc[0, "group_id"] == out.loc[2, "group_id"]
    assert out.loc[0, "group_size"] == 2 and out.loc[1, "group_size"] == 1
    same = frame.assign(speaker=["Ana Ruiz", "Ruiz", None])
    out = group_quotes(same)
    assert out.loc[0, "group_id"] == out.loc[1, "group_id"]
    assert out.loc[0, "group_size"] == 2
    bridge = pd.DataFrame(
        {
            "doc_id": ["p", "q", "r"],
            "outlet": ["P", "Q", "R"],
            "quote": [
                "the harvest failed because the dam was never finished",
                "the harvest failed",
                "prices will rise now that the harvest failed across the region",
            ],
            "speaker": ["Ana Ruiz"] * 3,
        }
    )
    out = group_quotes(bridge)
    # the short phrase joins one full quote but never merges the two different ones
    assert out.loc[0, "group_id"] != out.loc[2, "group_id"]
    assert out.loc[1, "group_id"] in (out.loc[0, "group_id"], out.loc[2, "group_id"])
    empty = group_quotes(frame.iloc[0:0])
    assert list(empty.columns[-2:]) == ["group_id", "group_size"] and empty.empty


def test_large_corpora_compare_only_candidates_with_the_same_result(monkeypatch):
    import random

    import lib.resolve.quote_groups as quotes_module

    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(800)] + ["the", "of", "and", "to"] * 40
    rows = []
    for k in range(420):
        words = [rng.choice(vocab) for _ in range(rng.randint(3, 20))]
        rows.append({"doc_id": f"d{k % 40}", "quote": " ".join(words), "speaker": f"S{k % 30}"})
        if k % 5 == 0 and len(words) > 4:  # a trimmed copy in another document
            rows.append(
                {
                    "doc_id": f"d{(k + 7) % 40}",
                    "quote": " ".join(words[1:]),
                    "speaker": f"S{k % 30}",
                }
            )
        if k % 11 == 0:  # a two-word fragment of it
            rows.append({"doc_id": f"d{(k + 3) % 40}", "quote": " ".join(words[:2]), "speaker": ""})
    frame = pd.DataFrame(rows)

    def partition(out):
        groups: dict[str, list[int]] = {}
        for i, gid in enumerate(out["group_id"]):
            groups.setdefault(gid, []).append(i)
        return sorted(groups.values())

    monkeypatch.setattr(quotes_module, "BLOCKING_MIN", 10**9)
    exact = partition(group_quotes(frame))
    monkeypatch.setattr(quotes_module, "BLOCKING_MIN", 100)
    blocked = partition(group_quotes(frame))
    assert blocked == exact
    assert any(len(g) > 1 for g in exact)  # the copies really were grouped


def test_blocking_finds_copies_with_a_word_changed_or_ends_trimmed(monkeypatch):
    """Above BLOCKING_MIN quotes, candidates come from each quote's rarest word pairs: every
    copy another outlet carries (a word changed, a few words trimmed at either end) is
    still grouped with its original, as the exhaustive comparison groups it."""
    import random

    import lib.resolve.quote_groups as quotes_module

    rng = random.Random(26)
    vocab = [f"w{i}" for i in range(3000)]
    weights = [1 / (r + 1) for r in range(len(vocab))]  # a few words are very common
    rows, copies = [], []
    for k in range(340):
        words = rng.choices(vocab, weights=weights, k=rng.randint(8, 20))
        rows.append({"doc_id": f"d{k % 50}", "quote": " ".join(words), "speaker": f"S{k % 80}"})
        if k % 4 == 0:
            copy = words[rng.randint(0, 2) : len(words) - rng.randint(0, 2)]
            copy[rng.randrange(len(copy))] = rng.choice(vocab)
            copies.append((len(rows) - 1, len(rows)))
            rows.append(
                {"doc_id": f"d{(k + 7) % 50}", "quote": " ".join(copy), "speaker": f"S{k % 80}"}
            )
    frame = pd.DataFrame(rows)
    assert len(frame) > quotes_module.BLOCKING_MIN
    blocked = group_quotes(frame)["group_id"].tolist()
    monkeypatch.setattr(quotes_module, "BLOCKING_MIN", 10**9)
    exact = group_quotes(frame)["group_id"].tolist()
    together = [(a, b) for a, b in copies if exact[a] == exact[b]]
    assert len(together) >= 0.9 * len(copies)  # the matcher itself groups the copies
    assert all(blocked[a] == blocked[b] for a, b in together)
