"""Long texts parsed in blocks and joined into one Doc: same text, offsets and results."""

from __future__ import annotations

import pytest
import spacy

from lib.extract.document import process_doc
from lib.nlp.chunks import parse_text, pipe_texts, split_blocks


@pytest.mark.parametrize("size", [40, 200, 1000])
def test_blocks_concatenate_to_the_text_and_respect_the_size(size):
    text = ("First paragraph here. It has two sentences.\n\n" * 30) + "x" * 2500 + " tail"
    blocks = split_blocks(text, size)
    assert "".join(blocks) == text
    assert all(0 < len(b) <= size for b in blocks)
    # cuts fall after a paragraph break wherever one is in reach
    if size >= 100:
        assert blocks[0].endswith("\n\n") and blocks[-1].endswith(" tail")


def test_text_over_the_model_limit_parses_into_one_doc_with_exact_offsets():
    nlp = spacy.blank("en")
    nlp.max_length = 1_000
    text = "\n\n".join(f"Paragraph {i} says the river rose by {i} cm." for i in range(300))
    assert len(text) > 10 * nlp.max_length
    doc = parse_text(nlp, text, size=900)
    assert doc.text == text
    for tok in list(doc)[::97]:
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text


def test_pipe_texts_keeps_order_and_parses_short_texts_whole():
    nlp = spacy.blank("en")
    texts = ["short one", "long " * 400, "short two"]
    docs = list(pipe_texts(nlp, texts, batch_size=2, size=500))
    assert [d.text for d in docs] == texts


def test_blocks_give_the_same_results_as_a_whole_parse_on_normal_articles(nlp, seed_corpus):
    checked = 0
    for document in seed_corpus.documents:
        text = document.text
        if len(text) < 1_200:
            continue
        whole = process_doc(nlp(text), text)
        blocks = process_doc(parse_text(nlp, text, size=len(text) // 3), text)
        for part in ("sentences", "mentions", "figures", "quotes"):
            assert getattr(blocks, part) == getattr(whole, part), (document.doc_id, part)
        checked += 1
    assert checked >= 3
