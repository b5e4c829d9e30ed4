"""The headline of an article: which line it is, where it ends in the text, what it carries.

The reader (:mod:`lib.corpus.parse`) keeps the headline as the first paragraph of the body,
so its names are counted once; the extractors ask :func:`title_end` where it stops and
take no quote, speaker or figure from it. Both use the one rule, :func:`is_headline`, so
the text alone decides (the per-document analysis is cached by the text's hash).

Also here: a trailing ``" | Outlet Name"`` on a headline (:func:`split_outlet_suffix`) and
the outlet a plain-text file's name gives (:func:`outlet_from_file_name`: ``fox.txt`` ->
``fox``).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from lib.nlp.names import is_heading_line

#: Longest headline in words (longer first lines are prose).
MAX_TITLE_WORDS = 30
#: A first line ending in a full stop is a headline only up to this many words, and only
#: when the paragraph after it is longer (a lede is longer than its headline).
MAX_PERIOD_TITLE_WORDS = 20
#: A wire dateline opening the first line ("LONDON (Reuters) -") makes it the lede.
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s+)?\(\w")
#: Two sentences in one line: "Storm hits. Thousands flee." is a lede, not a headline.
_INNER_SENTENCE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
#: Ends like a sentence ("." "!" or a closing quote after one): a headline only on the
#: stricter rule.
_SENTENCE_LIKE = re.compile(r"(?:[.!]|[.!?][”\"’']+)$")
QUOTE_MARKS = '"“”‘’«»'
#: A quotation cut by its attribution ("“We were not warned,” she said"): prose.
_ATTRIBUTED_QUOTE = re.compile(r",[”\"’']\s")
#: "Storm hits coast | The Daily Example": the part after the bar names the outlet.
_OUTLET_SUFFIX = re.compile(r"^(?P<title>.*?\S)\s+\|\s+(?P<outlet>[^|]{2,60})$")


def is_headline(line: str, next_paragraph: str | None) -> bool:
    """Is ``line`` (the first paragraph of an article) its headline?

    A headline is one line of 1-30 words, not a wire dateline, followed by more text. A line
    ending in a full stop or "!" is a headline too when it has at most 20 words, holds one
    sentence and the paragraph after it is longer (headlines shorter than their lede are
    the rule: "Senate passes the budget." before a 40-word first paragraph) and holds no
    quotation; or when it is in Title Case. A line holding a quotation cut by its
    attribution ("“We were not warned,” she said") is prose.
    """
    line = (line or "").strip()
    if not line or "\n" in line or not next_paragraph or not next_paragraph.strip():
        return False
    words = line.split()
    if len(words) > MAX_TITLE_WORDS or _DATELINE.match(line):
        return False
    if _ATTRIBUTED_QUOTE.search(line) or line.endswith("..."):
        return False
    if not _SENTENCE_LIKE.search(line):
        return True
    if len(words) > MAX_PERIOD_TITLE_WORDS or _INNER_SENTENCE.search(line[:-1]):
        return False
    if is_heading_line(line[:-1]):
        return True  # Title Case: "Senate Passes The Budget."
    quoted = any(ch in line for ch in QUOTE_MARKS)
    return not quoted and len(next_paragraph.split()) > len(words)


def title_end(text: str) -> int:
    """Characters of ``text`` taken by its headline (its first paragraph, when that is a
    headline by :func:`is_headline`), else 0."""
    first_end = text.find("\n\n")
    if first_end <= 0:
        return 0
    rest = text[first_end:].lstrip("\n")
    second = rest.split("\n\n", 1)[0]
    return first_end if is_headline(text[:first_end], second) else 0


def split_outlet_suffix(title: str) -> tuple[str, str]:
    """(headline, outlet) of ``"Storm hits coast | The Daily Example"``; (title, "") when the
    headline ends in no ``| name`` of at most six capitalised words."""
    m = _OUTLET_SUFFIX.match(title or "")
    if not m:
        return title, ""
    outlet = m.group("outlet").strip()
    words = outlet.split()
    if len(words) > 6 or not outlet[:1].isalnum() or not any(w[:1].isupper() for w in words):
        return title, ""
    return m.group("title").strip(), outlet


#: File stems that name no outlet.
GENERIC_STEMS = frozenset(
    """article articles story stories text texts document documents doc docs file files
    untitled new news copy paste pasted upload uploaded sample test example draft page
    content body input output source sources readme notes note item""".split()
)
#: A stem that may name an outlet: letters, spaces, dots, ampersands, apostrophes, hyphens
#: and underscores (no digits: "article_12" or a date names no outlet), 1-40 characters.
_OUTLET_STEM = re.compile(r"^[A-Za-z][A-Za-z&.'’ _-]{0,39}$")
#: Plain-text files whose name may give the outlet.
PLAIN_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")


def outlet_from_file_name(name: str) -> str:
    """The outlet a plain-text file's name gives when nothing else names one: ``fox.txt``
    -> ``fox``, ``daily_example.txt`` -> ``daily example``; "" for other file types and
    for names that are not a name (``article_12.txt``, ``untitled.txt``)."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    stem, dot, suffix = base.rpartition(".")
    if not dot or f".{suffix.lower()}" not in PLAIN_TEXT_SUFFIXES:
        return ""
    if not _OUTLET_STEM.match(stem):
        return ""
    words = stem.replace("_", " ").split()
    if not words or len(words) > 4 or all(w.lower() in GENERIC_STEMS for w in words):
        return ""
    return " ".join(words)
