"""The per-Doc index answers exactly what spaCy's own (linear) look-ups answer."""

from __future__ import annotations

from lib.nlp.index import doc_ents, ent_at, ents_within, sent_ents, sent_of


def test_index_matches_spacy_on_a_seed_article(nlp, seed_corpus):
    text = max((d.text for d in seed_corpus.documents), key=len)
    doc = nlp(text)
    assert doc_ents(doc) == doc.ents
    by_token = {t.i: ent for ent in doc.ents for t in ent}
    for tok in doc:
        assert sent_of(doc, tok.i) == tok.sent
        assert ent_at(doc, tok.i) == by_token.get(tok.i)
    sents = list(doc.sents)
    assert len(sents) > 5
    for sent in sents:
        assert sent_ents(sent) == list(sent.ents)
    for start, end in [(0, 5), (3, 40), (10, len(doc)), (len(doc) - 3, len(doc))]:
        assert ents_within(doc, start, end) == list(doc[start:end].ents)
