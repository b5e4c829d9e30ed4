"""Constant-time look-ups on a parsed Doc: its entities and sentences, indexed once.

spaCy rebuilds ``doc.ents`` (a tuple of every entity) on each access, ``Span.ents`` walks
``doc.ents`` from the start, and ``Token.sent`` walks to both ends of the sentence. Called
once per figure, quote or mention, each makes the analysis quadratic in the document's
length. These helpers build the index once per Doc (kept in ``doc.user_data``) and answer
with a binary search. Valid once the pipeline has run (the extractors never set
``doc.ents``).
"""

from __future__ import annotations

import bisect

_ENTS = "_coverage_ents"


_SENTS = "_coverage_sents"


def doc_ents(doc) -> tuple:
    """``doc.ents``, built once per Doc."""
    found = doc.user_data.get(_ENTS)
    if found is None:
        ents = tuple(doc.ents)
        found = doc.user_data[_ENTS] = (ents, [e.start for e in ents], [e.end for e in ents])
    return found[0]


def ents_within(doc, start: int, end: int) -> list:
    """Entities lying wholly in tokens ``[start, end)``, in order (``doc[start:end].ents``)."""
    doc_ents(doc)
    ents, starts, _ = doc.user_data[_ENTS]
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(ents) and ents[i].end <= end:
        out.append(ents[i])
        i += 1
    return out


def ent_at(doc, i: int):
    """The entity containing token ``i``, else None."""
    doc_ents(doc)
    ents, starts, _ = doc.user_data[_ENTS]
    k = bisect.bisect_right(starts, i) - 1
    if k >= 0 and ents[k].start <= i < ents[k].end:
        return ents[k]
    return None


def sent_bounds(doc) -> tuple[list[int], list[int]]:
    """Token starts and ends of ``doc.sents``, built once per Doc."""
    found = doc.user_data.get(_SENTS)
    if found is None:
        starts, ends = [], []
        for sent in doc.sents:
            starts.append(sent.start)
            ends.append(sent.end)
        found = doc.user_data[_SENTS] = (starts, ends)
    return found


def sent_of(doc, i: int):
    """The sentence (a Span) holding token ``i``: ``doc[i].sent`` in constant time."""
    starts, ends = sent_bounds(doc)
    k = bisect.bisect_right(starts, i) - 1
    return doc[starts[k] : ends[k]]


def sent_ents(sent) -> list:
    """``sent.ents`` (entities wholly inside a sentence or any span), from the index."""
    return ents_within(sent.doc, sent.start, sent.end)
