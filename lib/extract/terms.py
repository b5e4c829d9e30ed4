"""Content words of one Doc, counted by lemma: what story grouping compares articles on.

Story grouping (:mod:`lib.resolve.stories`) runs on the per-document results, so a pile is
regrouped after a metadata edit without parsing anything again. It needs each article's
content words; they are counted here, once per parse, and cached with the other parts.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from lib.records import Term

if TYPE_CHECKING:  # spaCy itself is imported by the pipeline, not by importing this module
    from spacy.tokens import Doc

#: Parts of speech whose lemmas are content words.
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


#: Most distinct lemmas kept per document (the most frequent; a normal article has fewer).
MAX_TERMS = 400


#: Sentences that make the lead: the headline and the first sentences, which say what
#: happened, to whom, where and when.
LEAD_SENTENCES = 3


def term_records(doc: Doc) -> list[Term]:
    """:class:`~lib.records.Term` records: lower-case lemmas of the content words of ``doc``
    (nouns, proper nouns, verbs, adjectives; no stop words, numbers or words without a
    letter), each with its count and how many of those are in the first
    :data:`LEAD_SENTENCES` sentences; most frequent first, at most :data:`MAX_TERMS`."""
    counts: Counter[str] = Counter()
    lead: Counter[str] = Counter()
    lead_end = _lead_end(doc)
    for tok in doc:
        if tok.pos_ not in CONTENT_POS or tok.is_stop or tok.like_num:
            continue
        lemma = (tok.lemma_ or tok.text).lower().strip(" .'’-")
        if len(lemma) < 2 or not any(ch.isalpha() for ch in lemma):
            continue
        counts[lemma] += 1
        if tok.i < lead_end:
            lead[lemma] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    return [Term(term=term, count=n, lead=lead[term]) for term, n in ranked]


def _lead_end(doc: Doc) -> int:
    """Index of the first token after the lead (the first :data:`LEAD_SENTENCES` sentences
    that have a word)."""
    seen = 0
    for sent in doc.sents:
        if any(not (t.is_space or t.is_punct) for t in sent):
            seen += 1
            if seen == LEAD_SENTENCES:
                return sent.end
    return len(doc)
