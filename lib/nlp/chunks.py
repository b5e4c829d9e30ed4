"""Long texts parsed in bounded blocks and joined back into one Doc.

spaCy's memory grows with the length of the text it is given (every component keeps
per-token arrays for the whole Doc) and it refuses texts over ``nlp.max_length``. A text
longer than :data:`BLOCK_CHARS` is therefore cut into blocks at paragraph breaks (else
line breaks, sentence ends or spaces; never inside a word unless a run of
:data:`BLOCK_CHARS` characters has no space at all), each block is parsed on its own, and
the parsed blocks are joined with ``Doc.from_docs`` into one Doc with exactly the original
text, so every character offset is the same as if the text had been parsed whole. The one
document-wide component (``coverage_surname_person``: a bare surname of a person named in
full elsewhere) is run again on the joined Doc. Texts up to :data:`BLOCK_CHARS` (every
normal article) are parsed whole, exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

#: Texts longer than this many characters are parsed in blocks of at most this size.
BLOCK_CHARS = 20_000


#: Where a block may end, best first: after a paragraph break, a line break, a sentence
#: end, a space.
_CUTS = ("\n\n", "\n", ". ", " ")


#: Component re-run on the joined Doc because it looks at the whole document.
DOC_WIDE = ("coverage_surname_person",)


def split_blocks(text: str, size: int = BLOCK_CHARS) -> list[str]:
    """``text`` cut into consecutive blocks of at most ``size`` characters whose
    concatenation is ``text``; each cut is at the best break of :data:`_CUTS` found in
    the second half of the block (else a hard cut at ``size``)."""
    blocks: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = -1
        for sep in _CUTS:
            pos = text.rfind(sep, start + size // 2, end - len(sep) + 1)
            if pos != -1:
                cut = pos + len(sep)
                break
        if cut == -1:
            cut = end
        blocks.append(text[start:cut])
        start = cut
    blocks.append(text[start:])
    return blocks


def parse_long(nlp, text: str, size: int = BLOCK_CHARS):
    """One Doc for ``text`` parsed block by block (see the module docstring)."""
    import numpy
    from spacy.tokens import Doc

    docs = []
    for block in split_blocks(text, size):  # one at a time: spaCy's peak is one block's
        doc = nlp(block)
        doc.tensor = numpy.empty((0,), dtype="float32")  # unused downstream; ~400 B a token
        docs.append(doc)
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data", "spans"])
    del docs
    for name in DOC_WIDE:
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    return doc


def pipe_texts(
    nlp, texts: Iterable[str], batch_size: int = 32, size: int = BLOCK_CHARS
) -> Iterator:
    """``nlp.pipe(texts)`` in order, but each text over ``size`` characters is parsed in
    blocks (:func:`parse_long`). Normal texts keep ``nlp.pipe``'s batching."""
    batch: list[str] = []
    for text in texts:
        if len(text) <= size:
            batch.append(text)
            continue
        if batch:
            yield from nlp.pipe(batch, batch_size=batch_size)
            batch = []
        yield parse_long(nlp, text, size)
    if batch:
        yield from nlp.pipe(batch, batch_size=batch_size)


def parse_text(nlp, text: str, size: int = BLOCK_CHARS):
    """``nlp(text)``, in blocks when ``text`` is longer than ``size`` (:func:`parse_long`)."""
    return nlp(text) if len(text) <= size else parse_long(nlp, text, size)
