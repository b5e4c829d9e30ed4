"""The headline of an article's text: whether its first line is one, where it ends.

One rule, :func:`is_headline`, for the reader (:mod:`lib.corpus.parse` keeps the headline
as the first paragraph of the body, so its names are counted once) and for the extractors
and the attribution engine, which ask :func:`title_end` where it stops and take no quote,
speaker or figure from it. The text alone decides (the per-document analysis is cached by
the text's hash).
"""

from __future__ import annotations

import re

from lib.nlp.names import is_heading_line

#: Longest headline in words (longer first lines are prose).
MAX_TITLE_WORDS = 30
#: A first line ending in a full stop is a headline only up to this many words, and only
#: when the paragraph after it is longer (a lede is longer than its headline).
MAX_PERIOD_TITLE_WORDS = 20
#: A wire dateline opening the first line ("LONDON (Reuters) -") makes it the lede.
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s+)?\(\w")
#: A dateline opening the body's first paragraph, wire or not ("PHILADELPHIA, July 25 (UPI)
#: —", "MARLOW, Ore. —"): the line before it is the headline, whatever it quotes.
BODY_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s*(?:\(\w[^)]{0,30}\)\s*)?[-–—]\s"
)
#: Two sentences in one line: "Storm hits. Thousands flee." is a lede, not a headline.
_INNER_SENTENCE = re.compile(r"([A-Za-z]*[a-z]{2})[.!?]\s+[A-Z]")
#: Abbreviations that end in a full stop inside a sentence ("Rep. Roe to back bill.").
ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Dr Prof Gov Sen Rep Gen Lt Col Capt Sgt Adm Cmdr Supt Det Insp Rev Fr St Mt
    Jr Sr Inc Corp Co Ltd Bros Ave Blvd Rd Dept Univ Assn Jan Feb Mar Apr Aug Sept Sep Oct
    Nov Dec vs etc approx Ft""".split()
)


def _inner_sentence(text: str) -> bool:
    """Does ``text`` hold a sentence end before its last word (an abbreviation's full stop,
    "Rep. Roe", "Texas Gov. Abe", is none)?"""
    return any(
        not (m.group(0)[len(m.group(1))] == "." and m.group(1) in ABBREVIATIONS)
        for m in _INNER_SENTENCE.finditer(text)
    )
#: Ends like a sentence ("." "!" or a closing quote after one): a headline only on the
#: stricter rule.
_SENTENCE_LIKE = re.compile(r"(?:[.!]|[.!?][”\"’']+)$")
QUOTE_MARKS = '"“”‘’«»'
#: A quotation cut by its attribution ("“We were not warned,” she said"): prose.
_ATTRIBUTED_QUOTE = re.compile(r",[”\"’']\s")


#: "Castellane on his pick: “He knows the system.”": a short topic, a colon, a quotation
#: (not "She said: “…”", a reporting verb before the colon, nor "Omar Haddad, Channel
#: Nine: “…”", a speaker and their affiliation).
_TOPIC_QUOTE = re.compile(
    r"^(?P<topic>[^:,“”\"‘’]{2,60}):\s*[“\"‘'][^“”\"]+[”\"’']$"
)
_SAID = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|asked|asks|replied|explained|"
    r"recalled|declared|warned)\s*$|\bput it\b",
    re.I,
)


def is_headline(line: str, next_paragraph: str | None) -> bool:
    """Is ``line`` (the first paragraph of an article) its headline?

    A headline is one line of 1-30 words, not a wire dateline, followed by more text. A line
    ending in a full stop or "!" is a headline too when it has at most 20 words, holds one
    sentence and the paragraph after it is longer (headlines shorter than their lede are
    the rule: "Senate passes the budget." before a 40-word first paragraph) and holds no
    quotation; or when it is in Title Case. A line holding a quotation cut by its
    attribution is prose when it ends like a sentence ("“We were not warned,” she said.")
    and a headline when it does not and is in Title Case or shorter than the paragraph
    after it ("‘It Was 20 Years Ago,’ Says Singer Tom Bell"). A short topic, a colon and a
    quotation ("Castellane on his pick: “He knows the system.”") is a headline too when the
    paragraph after it is longer, unless a reporting verb precedes the colon ("She said:
    “…”"). Any line of at most 30 words is the headline when a dateline opens the paragraph
    after it ("CITY, Ore. —"): a dateline opens the body.
    """
    line = (line or "").strip()
    if not line or "\n" in line or not next_paragraph or not next_paragraph.strip():
        return False
    words = line.split()
    if len(words) > MAX_TITLE_WORDS or _DATELINE.match(line):
        return False
    if line.endswith("..."):
        return False
    if BODY_DATELINE.match(next_paragraph):
        return True  # "Council issues ‘deep apology’ to mayor." over "CITY (Wire) —"
    if not _SENTENCE_LIKE.search(line):
        # "“We Will Rebuild,” Governor Says After Floods": a quotation cut by its
        # attribution is a headline when the line ends like none and is in Title Case or
        # shorter than the paragraph after it
        if not _ATTRIBUTED_QUOTE.search(line):
            return True
        return is_heading_line(line) or len(next_paragraph.split()) > len(words)
    if len(words) > MAX_PERIOD_TITLE_WORDS:
        return False
    attributed = _ATTRIBUTED_QUOTE.search(line) and _quotes(line)  # not "‘revolution,’ ignores"
    if is_heading_line(line.rstrip(QUOTE_MARKS + "'")[:-1]):  # "… ‘Like a Sieve.’" too
        # Title Case, one sentence or two: "Senate Passes The Budget.", "Storm Hits. Here’s
        # What To Know.", "‘We Will Rebuild,’ Mayor Tells City."
        return not attributed or len(next_paragraph.split()) > len(words)
    if _inner_sentence(line[:-1]):
        return False
    if attributed:
        return False
    topic = _TOPIC_QUOTE.match(line)
    headed = topic is not None and len(topic.group("topic").split()) <= 8
    quoted = _quotes(line) and not (headed and not _SAID.search(topic.group("topic")))
    return not quoted and len(next_paragraph.split()) > len(words)


#: An apostrophe inside a word ("Senate's", "don’t"), not a quotation mark.
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
#: A plural's possessive mark ("the Sanders’ record", "voters' choice").
_PLURAL_POSSESSIVE = re.compile(r"(?<=[sS])['’](?=\s)")
#: One quotation: an opening mark, its words, a closing mark.
_QUOTATION = re.compile(r"[“\"‘'«]([^“”\"‘’'«»]*)[”\"’'»]")
#: Words of the longest quotation that is still a scare quote or a quoted term ("‘revolution’",
#: "‘commander-in-chief’"), not a speaker's sentence.
MAX_SCARE_QUOTE_WORDS = 3


def _quotes(line: str) -> bool:
    """Does ``line`` quote someone? A word or three in quotation marks inside the line
    (a scare quote: "Mayor to frame vote as ‘referendum’ on parks.") does not; a longer
    quotation, a mark left open, or a quotation opening or closing the line does."""
    bare = _APOSTROPHE.sub("", line)
    if not re.search(r"(?:^|[\s(])[‘']", bare):  # no single quotation opens: "Voters’ pick"
        bare = _PLURAL_POSSESSIVE.sub("", bare)
    if not any(ch in bare for ch in QUOTE_MARKS):
        return False
    if bare[:1] in QUOTE_MARKS + "'" or re.search(r"[”\"’'»][.!?]?$", bare):
        return True  # a quotation opening or closing the line is someone's words
    found = _QUOTATION.findall(bare)
    rest = _QUOTATION.sub("", bare)
    if any(ch in rest for ch in QUOTE_MARKS) or not found:
        return True
    return any(len(q.split()) > MAX_SCARE_QUOTE_WORDS for q in found)


#: A section label standing alone between a headline and its text ("ABSTRACT.", "FULL
#: TEXT.", "LETTERS"): a word or three in capitals.
_LABEL = re.compile(r"^[A-Z][A-Z&'’ -]{1,30}[.:]?$")


def is_section_label(paragraph: str) -> bool:
    """Is ``paragraph`` a section label ("ABSTRACT.", "FULL TEXT.")?"""
    paragraph = paragraph.strip()
    return len(paragraph.split()) <= 3 and bool(_LABEL.match(paragraph))


#: Longest deck (a headline's summary line under it: "Amendment would shield some groups.").
MAX_DECK_WORDS = 12


def text_after(paragraphs: list[str]) -> str:
    """The paragraph a headline is measured against: the first of ``paragraphs`` that is
    text, neither a section label nor a deck (a line of up to 12 words quoting no one
    under the headline, more text after it), else the deck."""
    text = [p for p in paragraphs if p.strip() and not is_section_label(p)]
    for k, paragraph in enumerate(text):
        if k + 1 < len(text) and len(paragraph.split()) <= MAX_DECK_WORDS:
            if not _quotes(paragraph) and "\n" not in paragraph.strip():
                continue
        return paragraph
    return ""


def title_end(text: str) -> int:
    """Characters of ``text`` taken by its headline (its first paragraph, when that is a
    headline by :func:`is_headline`), else 0."""
    first_end = text.find("\n\n")
    if first_end <= 0:
        return 0
    rest = text[first_end:].lstrip("\n")
    second = text_after(rest.split("\n\n", 4)[:4])
    return first_end if is_headline(text[:first_end], second) else 0
