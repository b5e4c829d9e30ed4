"""lib.nlp.quotemarks: where quotations start and end (plain strings, no model)."""

from __future__ import annotations

from lib.nlp.quotemarks import find_quote_marks


def test_find_quote_marks_single_quotes_and_apostrophes():
    text = "The soldiers’ morale was low and the ‘tired’ men left. Korea’s view."
    marks = find_quote_marks(text)
    assert [text[o + 1 : c] for o, c, _ in marks] == ["tired"]
    assert find_quote_marks('5" screens') == []


def test_straight_single_quotes_as_british_plain_text_writes_them():
    def quoted(text):
        return [text[o + 1 : c] for o, c, _ in find_quote_marks(text)]

    assert quoted("'I am sorry,' Mr Hale said. 'We will fix it.'") == [
        "I am sorry,",
        "We will fix it.",
    ]
    assert quoted("She called it 'a national disgrace'.") == ["a national disgrace"]
    assert quoted("She said: 'We won't stop until the boys' rooms are fixed.'") == [
        "We won't stop until the boys' rooms are fixed."
    ]
    # apostrophes are no quotes: plural possessives, contractions, decades, "rock 'n' roll"
    assert quoted("The workers' union won't strike; a '90s song, rock 'n' roll.") == []
    assert quoted("'Tis the season for the boys' bikes.") == []
    # an article that quotes with double marks keeps single ones for headlines and subheads
    text = "Mayor calls plan 'a disgrace'\n\n'A tough call.'\n\n\"We will appeal,\" she said."
    assert quoted(text) == ["We will appeal,"]
