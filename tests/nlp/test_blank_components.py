"""Components and readers that need no statistical model, on ``spacy.blank("en")`` docs
(tokenizer only: fast, and independent of the model's tagging)."""

from __future__ import annotations

import pytest

from lib.extract.numbers import run_value, take_run
from lib.nlp.components import paragraph_breaks


def test_paragraph_breaks_start_a_sentence_after_each_blank_line(blank_nlp):
    doc = paragraph_breaks(blank_nlp("A heading\n\nThe first sentence. And more.\nA new line."))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["A", "The", "A"]  # headings never merge into the text


@pytest.mark.parametrize(
    ("text", "run", "value"),
    [
        ("1.5 million people", "1.5 million", 1.5e6),
        ("two hundred and fifty volunteers", "two hundred and fifty", 250.0),
        ("70 000 people marched", "70 000", 70_000.0),
        ("a dozen homes", "a dozen", 12.0),
        ("three-quarters of voters", "three-quarters", 0.75),
        ("6.6 magnitude", "6.6", 6.6),
    ],
)
def test_number_runs_on_tokens_alone(blank_nlp, text, run, value):
    doc = blank_nlp(text)
    end = take_run(doc, 0, len(doc))
    assert doc[0:end].text == run
    assert run_value(doc[0:end]) == pytest.approx(value)
