"""Statements and facts on invented articles (never seed or evaluation text)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib.resolve import alignment
from lib.resolve.facts import average_linkage, memberships

#: Three invented reports of one warehouse fire: shared facts, facts one outlet alone
#: reports, and one thing named in other words ("workers" / "labourers").
FIRE = {
    "ledger": (
        "Northern Ledger",
        "Fire destroys warehouse in Port Halden\n\n"
        "A fire destroyed a grain warehouse in Port Halden on Tuesday night, the fire service "
        "said. Seven workers were taken to hospital with smoke injuries. Fire chief Alan Reyes "
        "said the blaze started in a loading bay. Police arrested two teenagers near the site, "
        "and the mayor ordered an inquiry into the fire. The warehouse belonged to the Halden "
        "Grain Cooperative.",
    ),
    "courier": (
        "Coastal Courier",
        "Blaze guts Port Halden grain store\n\n"
        "Fire crews fought a blaze that destroyed a grain warehouse in Port Halden on Tuesday "
        "night. Seven workers were treated in hospital for smoke injuries, officials said. "
        "According to fire chief Alan Reyes, the fire began in a loading bay. Residents "
        "complained that the town's siren sounded far too late.",
    ),
    "post": (
        "Valley Post",
        "Port Halden warehouse fire leaves seven hurt\n\n"
        "Seven labourers were taken to hospital with smoke injuries after fire destroyed a "
        "grain warehouse in Port Halden on Tuesday. Fire chief Alan Reyes said the blaze "
        "started in a loading bay. Two teenagers were arrested near the site. Insurance "
        "experts put the damage at $3 million.",
    ),
}


@pytest.fixture(scope="module")
def fire(analyse_texts):
    return analyse_texts(
        {k: text for k, (_o, text) in FIRE.items()}, {k: o for k, (o, _t) in FIRE.items()}
    )


def fact_of(analysis, outlet: str, words: str) -> pd.Series:
    rows = analysis.facts[
        (analysis.facts["outlet"] == outlet) & analysis.facts["text"].str.contains(words)
    ]
    assert len(rows), (outlet, words)
    return rows.iloc[0]


def test_statements_cut_two_main_clauses_and_mark_headlines(fire):
    st = fire.statements
    ledger = st[st["doc_id"] == "ledger"]
    assert ledger["headline"].tolist()[0] and not ledger["headline"].tolist()[1:].count(True)
    arrest = ledger[ledger["text"].str.contains("arrested|inquiry")]
    assert sorted(arrest["clause"]) == [0, 1]  # "…, and the mayor ordered an inquiry"
    assert arrest.iloc[0]["text"].startswith("Police arrested")
    assert arrest.iloc[1]["text"].startswith("and the mayor")
    one = ledger[ledger["text"].str.contains("loading bay")]
    assert one["clause"].tolist() == [0]  # one clause: "said the blaze started …"
    assert "hospital" in ledger[ledger["text"].str.contains("Seven")].iloc[0]["lemmas"]


def test_the_same_fact_in_other_words_is_one_fact(fire):
    hospital = {fact_of(fire, o, "hospital")["fact_id"] for o, _t in FIRE.values()}
    assert len(hospital) == 1
    assert fact_of(fire, "Valley Post", "hospital")["outlets"] == 3
    chief = {fact_of(fire, o, "loading bay")["fact_id"] for o, _t in FIRE.values()}
    assert len(chief) == 1 and chief != hospital


def test_what_one_outlet_alone_reports_stays_its_own(fire):
    assert fact_of(fire, "Valley Post", "Insurance")["outlets"] == 1
    assert fact_of(fire, "Coastal Courier", "Residents complained")["outlets"] == 1
    assert fact_of(fire, "Northern Ledger", "Cooperative")["outlets"] == 1


def test_every_statement_is_in_a_fact_and_never_twice_in_one(fire):
    keys = ["doc_id", "sentence_id", "clause"]
    assert len(fire.facts.drop_duplicates(keys)) == len(fire.statements)
    assert not fire.facts.duplicated([*keys, "fact_id"]).any()
    counted = fire.facts.groupby("fact_id")["outlet"].nunique()
    assert (fire.facts["outlets"] == fire.facts["fact_id"].map(counted)).all()


def test_the_outlet_filter_recounts_who_reports_a_fact(fire):
    from lib.views.filter import filter_outlets

    two = filter_outlets(fire, ["Northern Ledger", "Valley Post"])
    assert set(two.facts["outlet"]) == {"Northern Ledger", "Valley Post"}
    assert two.facts["outlets"].max() == 2
    assert fact_of(two, "Valley Post", "hospital")["outlets"] == 2


def test_articles_of_different_stories_are_never_aligned(fire):
    from lib.resolve.facts import align_facts

    documents = fire.documents.assign(story_id=["s1", "s2", "s2"])
    facts = align_facts(fire.statements, fire.mentions, fire.figures, fire.quotes, documents)
    ledger = set(facts.loc[facts["doc_id"] == "ledger", "fact_id"])
    others = set(facts.loc[facts["doc_id"] != "ledger", "fact_id"])
    assert not ledger & others
    assert facts.groupby("fact_id")["outlet"].nunique().max() == 2


def test_average_linkage_does_not_chain_loose_pairs():
    # a-b and b-c likely, a-c never scored: at a high threshold c stays apart
    i, j = np.array([0, 1]), np.array([1, 2])
    p = np.array([0.9, 0.9])
    outlet = np.array([0, 1, 2])
    assert average_linkage(3, i, j, p, outlet, 0.5).tolist() == [0, 0, 1]
    assert average_linkage(3, i, j, p, outlet, 0.3).tolist() == [0, 0, 0]
    assert average_linkage(0, i[:0], j[:0], p[:0], outlet[:0], 0.3).tolist() == []


def _groups(rows: np.ndarray, labels: np.ndarray) -> list[list[int]]:
    groups: dict[int, set[int]] = {}
    for row, label in zip(rows.tolist(), labels.tolist(), strict=True):
        groups.setdefault(label, set()).add(row)
    return sorted(sorted(g) for g in groups.values())


def test_a_lead_that_reports_two_facts_is_in_both():
    # outlet 0's lead (0) tells the event and its reason; outlets 1 and 2 tell the event
    # (1, 3) and the reason (2, 4) in separate sentences
    i = np.array([0, 0, 1, 2, 0, 0])
    j = np.array([1, 3, 3, 4, 2, 4])
    p = np.array([0.9, 0.9, 0.9, 0.9, 0.4, 0.4])
    outlet = np.array([0, 1, 1, 2, 2])
    fitted = {"threshold": 0.5, "also_threshold": 0.3}
    assert _groups(*memberships(5, i, j, p, outlet, fitted)) == [[0, 1, 3], [0, 2, 4]]
    # without the second threshold, one fact each
    assert _groups(*memberships(5, i, j, p, outlet, {"threshold": 0.5})) == [[0, 1, 3], [2, 4]]
    # a weak second match is not enough
    weak = np.array([0.9, 0.9, 0.9, 0.9, 0.2, 0.2])
    assert _groups(*memberships(5, i, j, weak, outlet, fitted)) == [[0, 1, 3], [2, 4]]


def test_a_statement_alone_joins_a_fact_it_matches_and_leaves_its_own():
    # 2 (outlet 1) matches the fact {0, 1} below the linkage threshold but above the second
    i, j = np.array([0, 0]), np.array([1, 2])
    p = np.array([0.9, 0.4])
    outlet = np.array([0, 1, 1])
    fitted = {"threshold": 0.5, "also_threshold": 0.3}
    assert _groups(*memberships(3, i, j, p, outlet, fitted)) == [[0, 1, 2]]


def _synthetic(n_docs: int, per_doc: int) -> alignment.Statements:
    rng = np.random.default_rng(0)
    vocab = [f"w{k}" for k in range(400)]
    n = n_docs * per_doc
    return alignment.Statements(
        outlet=np.repeat(np.arange(n_docs), per_doc),
        doc=np.repeat(np.arange(n_docs), per_doc),
        relative=np.tile(np.arange(1, per_doc + 1) / per_doc, n_docs),
        headline=np.zeros(n, dtype=bool),
        lead=np.zeros(n, dtype=bool),
        lemmas=[list(rng.choice(vocab, 8)) + ["event"] for _ in range(n)],
        entities=[set() for _ in range(n)],
        figures=[set() for _ in range(n)],
        quotes=[set() for _ in range(n)],
    )


def test_candidate_pairs_grow_linearly_and_cross_outlets():
    for n_docs in (10, 40):
        info = _synthetic(n_docs, 20)
        i, j = alignment.candidate_pairs(info)
        n = len(info)
        assert (i < j).all() and (info.outlet[i] != info.outlet[j]).all()
        # the budget, plus at most the last key's block, never all n*(n-1)/2 pairs
        assert len(i) <= alignment.PAIRS_PER_STATEMENT * n + alignment.key_cap(n_docs) ** 2
        assert len(i) < n * (n - 1) // 2


def test_tfidf_is_scikit_learns():
    """The scipy TF-IDF gives scikit-learn's TfidfVectorizer(sublinear_tf=True) numbers
    (scikit-learn is a dev dependency: the app does not pay for importing it)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [["storm", "coast", "storm"], ["coast", "rain"], [], ["storm", "flood", "flood"]]
    ours = alignment.tfidf(docs).toarray()
    vectorizer = TfidfVectorizer(analyzer=lambda words: words, sublinear_tf=True).fit(docs)
    theirs = vectorizer.transform(docs).toarray()
    order = [vectorizer.vocabulary_[w] for w in ("storm", "coast", "rain", "flood")]
    assert np.abs(ours - theirs[:, order]).max() < 1e-9
    assert alignment.tfidf([[], []]).shape[0] == 2


def test_the_same_sentence_in_many_outlets_is_one_fact_without_scoring():
    from lib.columns import empty_frame
    from lib.records import Figure, Mention, Quote
    from lib.resolve.facts import align_facts

    text = "Wire copy says the dam held after record rain"
    rows = [
        {
            "doc_id": f"d{k}",
            "outlet": f"Outlet {k}",
            "sentence_id": 0,
            "clause": 0,
            "start_char": 0,
            "end_char": len(text),
            "headline": False,
            "text": text,
            "lemmas": "wire copy say dam hold record rain",
            "words": "",
            "quoted": "",
        }
        for k in range(6)
    ]
    statements = pd.DataFrame(rows)
    facts = align_facts(statements, empty_frame(Mention), empty_frame(Figure), empty_frame(Quote))
    assert facts["fact_id"].nunique() == 1 and (facts["outlets"] == 6).all()
