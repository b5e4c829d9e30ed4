"""A common word capitalised only because it opens a sentence is no name ("Turnout reached
61 percent", which the small model tags PERSON).

The test is the article's own writing plus the English noun list the model's lemmatizer
ships (WordNet's, ``lemma_index``): a one-word mention with no cue of its own (title,
honorific, role, "in", place) that opens its sentence, is an English noun, is written
capitalised nowhere else in the article, ends no longer name of it, and is not followed by
a capitalised word ("Senate Majority Leader"); outlets (``media.csv``) and nationalities
stay. A name that is also a noun ("Rice", "Bush") is kept wherever the article names the
person in full or writes the name mid-sentence, and the subject of a reporting verb is a
person ("Cook said").
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from lib.datafiles import read_csv
from lib.nlp.people import vocab as people_vocab

if TYPE_CHECKING:  # spaCy itself is imported by the pipeline, not by importing this module
    from spacy.tokens import Doc

    from lib.records import Mention


@functools.cache
def english_nouns() -> frozenset[str]:
    """The noun list of the pipeline's lemmatizer (empty without one)."""
    from lib.nlp.pipeline import get_nlp

    nlp = get_nlp()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))


#: Model labels the rule reads (nationalities are adjectives, never dropped here).
NAME_KINDS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "PRODUCT"})


@functools.cache
def _media() -> frozenset[str]:
    return frozenset(row["name"] for row in read_csv("media.csv") if row["name"])


def without_common_openers(doc: Doc, records: list[Mention], known) -> list[Mention]:
    """``records`` without the one-word "names" that are common nouns opening a sentence;
    ``known(text)`` is the gazetteer's lookup (a name it knows always stays)."""
    nouns = english_nouns()
    if not nouns:
        return records
    mid = {t.text for t in doc if not _opens(doc, t.i) and t.text[:1].isupper()}
    last_words = {r.text.rsplit(" ", 1)[-1] for r in records if " " in r.text}
    return [r for r in records if not _common_opener(doc, r, nouns, mid, last_words, known)]


def _common_opener(doc: Doc, rec: Mention, nouns, mid, last_words, known) -> bool:
    text = rec.text
    if " " in text or rec.cue or rec.honorific or rec.role or rec.label not in NAME_KINDS:
        return False
    if not text[:1].isupper() or text.isupper() or text in mid or text in last_words:
        return False
    if known(text) is not None or text in _media():
        return False
    span = doc.char_span(rec.start_char, rec.end_char)
    if span is None or len(span) != 1 or not _opens(doc, span.start):
        return False
    tok = span[0]
    if span.end < len(doc) and doc[span.end].text[:1].isupper():
        return False  # "Senate Majority Leader …": a name-like phrase goes on
    if tok.dep_.startswith("nsubj") and tok.head.lemma_ in people_vocab()["reporting_verbs"]:
        return False  # "Cook said …": a person
    return tok.lower_ in nouns or tok.lemma_.lower() in nouns


def _opens(doc: Doc, i: int) -> bool:
    """Token ``i`` starts a sentence or a line (after opening quotes or brackets)."""
    while i > 0 and doc[i - 1].is_left_punct:
        i -= 1
    if i == 0 or doc[i].is_sent_start:
        return True
    return doc[i - 1].is_space or "\n" in doc[i - 1].text_with_ws
