"""Headline and file-name rules of round 10's audit (PolNeAR train day piles): section
labels and decks between a headline and its text, scare quotes, possessives, abbreviations,
Title Case headlines of two sentences or quoting whom they credit, and files named
``<outlet>_<date>_<headline words>.txt``. Invented texts only."""

from __future__ import annotations

from lib.corpus.parse import parse_document
from lib.corpus.title import outlet_from_file_name
from lib.nlp.headline import is_headline, title_end
from tests.corpus.test_title import LEDE


def test_headline_before_section_labels_scare_quotes_and_title_case_quotes():
    # a section label between the headline and its text is not the text it is measured by
    doc = parse_document("d", f"Flood forces hundreds from homes.\n\nABSTRACT.\n\n{LEDE}")
    assert doc.title == "Flood forces hundreds from homes."
    assert title_end(doc.text) == len(doc.title)
    # a word or three in quotation marks is a scare quote, not someone's words
    assert is_headline("Mayor calls flood plan ‘historic,’ asks for funds.", LEDE)
    assert is_headline("Town to frame vote as ‘referendum’ on levees.", LEDE)
    assert not is_headline("He called it ‘a disgrace.’", LEDE)
    # a Title Case headline quoting the one it credits, ending in a full stop
    assert is_headline("‘We Will Rebuild,’ Mayor Tells Flooded Town.", LEDE)
    # a Title Case headline ending in a quotation whose full stop sits inside the marks
    line = "Hacker Voss: Town’s Server Unprotected, ‘Like an Open Door.’"
    assert is_headline(line, LEDE)
    assert title_end(parse_document("d", f"{line}\n\n{LEDE}").text) == len(line)


def test_outlet_from_a_file_named_outlet_date_and_headline_words():
    assert outlet_from_file_name("gazette_2024-05-14_flood-forces-hundreds.txt") == "gazette"
    assert outlet_from_file_name("article_2024-05-14_flood-forces-hundreds.txt") == ""


def test_headlines_with_abbreviations_possessives_two_title_case_sentences_and_a_deck():
    assert is_headline("Rep. Okafor to back Lindqvist for mayor.", LEDE)  # "Rep." ends nothing
    assert is_headline("Flood Hits Millbrook. Here’s What To Know.", LEDE)  # Title Case, two
    assert not is_headline("Flood hits Millbrook. Hundreds flee.", LEDE)  # two sentences: prose
    assert is_headline("Farmers’ losses mount as river rises.", LEDE)  # a plural's possessive
    # a deck (a short summary line) between the headline and its text
    deck = "Levee holds for now."
    doc = parse_document("d", f"Flood forces hundreds from Millbrook homes.\n\n{deck}\n\n{LEDE}")
    assert doc.title == "Flood forces hundreds from Millbrook homes."
    assert title_end(doc.text) == len(doc.title)
