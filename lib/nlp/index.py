"""Constant-time look-ups on a parsed Doc: its entities and sentences, indexed once.

spaCy rebuilds ``doc.ents`` (a tuple of every entity) on each access, ``Span.ents`` walks
``doc.ents`` from the start, and ``Token.sent`` walks to both ends of the sentence. Called
once per figure, quote or mention, each makes the analysis quadratic in the document's
length. These helpers build the index once per Doc and answer with a binary search. Valid
once the pipeline has run (the extractors never set ``doc.ents``).

What the project attaches to a Doc is kept in registered extensions (:data:`EXTENSIONS`,
``doc._.coverage_text`` …), registered on first use so importing this module never
imports spaCy.
"""

from __future__ import annotations

import bisect

#: Registered ``Doc`` extensions: the text spaCy was given (``doc.text`` is rebuilt from
#: every token on each access), the entity index and the sentence index.
EXTENSIONS = ("coverage_text", "coverage_ents", "coverage_sents")


def extensions(doc):
    """``doc._`` with :data:`EXTENSIONS` registered."""
    from spacy.tokens import Doc

    if not Doc.has_extension(EXTENSIONS[-1]):
        for name in EXTENSIONS:
            Doc.set_extension(name, default=None, force=True)
    return doc._


def _ent_index(doc) -> tuple:
    ext = extensions(doc)
    found = ext.coverage_ents
    if found is None:
        ents = tuple(doc.ents)
        found = ext.coverage_ents = (ents, [e.start for e in ents], [e.end for e in ents])
    return found


def doc_ents(doc) -> tuple:
    """``doc.ents``, built once per Doc."""
    return _ent_index(doc)[0]


def ents_within(doc, start: int, end: int) -> list:
    """Entities lying wholly in tokens ``[start, end)``, in order (``doc[start:end].ents``)."""
    ents, starts, _ = _ent_index(doc)
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(ents) and ents[i].end <= end:
        out.append(ents[i])
        i += 1
    return out


def ent_at(doc, i: int):
    """The entity containing token ``i``, else None."""
    ents, starts, _ = _ent_index(doc)
    k = bisect.bisect_right(starts, i) - 1
    if k >= 0 and ents[k].start <= i < ents[k].end:
        return ents[k]
    return None


def sent_bounds(doc) -> tuple[list[int], list[int]]:
    """Token starts and ends of ``doc.sents``, built once per Doc."""
    ext = extensions(doc)
    found = ext.coverage_sents
    if found is None:
        starts, ends = [], []
        for sent in doc.sents:
            starts.append(sent.start)
            ends.append(sent.end)
        found = ext.coverage_sents = (starts, ends)
    return found


def sent_of(doc, i: int):
    """The sentence (a Span) holding token ``i``: ``doc[i].sent`` in constant time."""
    starts, ends = sent_bounds(doc)
    k = bisect.bisect_right(starts, i) - 1
    return doc[starts[k] : ends[k]]


def sent_ents(sent) -> list:
    """``sent.ents`` (entities wholly inside a sentence or any span), from the index."""
    return ents_within(sent.doc, sent.start, sent.end)
