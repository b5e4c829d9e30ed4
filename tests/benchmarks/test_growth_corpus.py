"""benchmarks/growth_corpus.py (growth.py --corpus): the corpora it claims to build."""

from __future__ import annotations

from benchmarks.growth_corpus import QUOTES_PER_ARTICLE, corpus_ratios, make_corpus
from lib.nlp.caps import MAX_QUOTES
from lib.nlp.quotemarks import find_quote_marks, paragraph_spans


def _quotations(text: str) -> list[str]:
    return [
        text[o + 1 : c]
        for ps, pe in paragraph_spans(text)
        for o, c, _open in find_quote_marks(text, ps, pe)
    ]


def test_quote_corpus_articles_carry_600_quotations_some_shared():
    corpus = make_corpus("quotes", 3)
    assert len(corpus) == 3 and len({name for name, _ in corpus}) == 3
    quoted = [_quotations(text) for _name, text in corpus]
    assert all(len(q) == QUOTES_PER_ARTICLE == MAX_QUOTES for q in quoted)
    words = [{" ".join(q.split()[:4]) for q in qs if len(q.split()) >= 8} for qs in quoted]
    assert words[0] & words[1] and words[1] & words[2]  # other articles carry some quotes
    assert make_corpus("quotes", 3) == corpus  # the same corpus every run


def test_corpus_ratios_are_per_ten_times_the_articles():
    rows = corpus_ratios(
        [
            {"shape": "corpus:q", "articles": 1, "cpu_s": 2.0, "corpus_cpu_s": 1.0},
            {"shape": "corpus:q", "articles": 10, "cpu_s": 20.0, "corpus_cpu_s": 12.0},
        ]
    )
    assert rows[1]["ratio"] == 10.0 and rows[1]["corpus_ratio"] == 12.0
