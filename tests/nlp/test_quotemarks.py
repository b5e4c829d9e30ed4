"""lib.nlp.quotemarks: where quotations start and end (plain strings, no model)."""

from __future__ import annotations

from lib.nlp.quotemarks import find_quote_marks


def test_find_quote_marks_single_quotes_and_apostrophes():
    text = "The soldiers’ morale was low and the ‘tired’ men left. Korea’s view."
    marks = find_quote_marks(text)
    assert [text[o + 1 : c] for o, c, _ in marks] == ["tired"]
    assert find_quote_marks('5" screens') == []
