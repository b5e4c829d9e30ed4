"""Places typed from the story's own words: the context that only a place can stand in.

The small model types names it does not know by their shape, so an invented or small town
("Ashford") or region comes out a PERSON or an ORG. The words around the name say better:

- a dateline opening a line: "ASHFORD, Dunmore —", "KESTRAVIK —", "Ashford, Dunmore (Agency) —"
  (both the city and the region are places);
- "<office or kind of place> of X": "the governor of X", "the people of X", "the towns of X,
  Y and Z" (each name coordinated after the "of");
- "X's <office or part of a place>": "X's mayor", "X's largest city";
- a lower-case area adjective before the name: "central X", "in northern X", "nearby X";
- a list of names before a plural kind of place: "X, Y and Z counties", "X towns".

A dateline's city or region the model did not tag at all becomes a place mention of its own
(:func:`with_dateline_places`).

:func:`place_cue` gives the mention the cue "place", which :data:`lib.resolve.labels.CUE_VOTES`
turns into place votes; the word lists live in ``lib/data/place_cues.json``. The gazetteer's
label still wins for names it knows, and a person's title cue is read first.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from lib.corpus.metadata import is_kicker
from lib.datafiles import read_json
from lib.records import Mention

if TYPE_CHECKING:  # spaCy itself is imported by the pipeline, not by importing this module
    from spacy.tokens import Doc

#: The cue a mention gets when its context makes it a place.
PLACE_CUE = "place"

_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_LIST_WORDS = frozenset({",", "and", "or", "&"})
#: Plural kinds of local area a list of names read as nationalities may end in.
_AREA_PLURALS = frozenset({"counties", "parishes", "townships", "boroughs"})
#: At most this many tokens between a name and the plural kind of place its list ends in.
_LIST_MAX_TOKENS = 12

_DATE = r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
#: A place name in a dateline: one to four capitalised words ("ST. PAUL", "Winston-Salem",
#: "N.J.").
_NAME = r"[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}"
#: A dateline opening a line: city (capitals, or any case when a region follows), optional
#: region, optional date, optional credit in brackets, a dash and the body, which starts a
#: sentence (not "NATO — the alliance …").
DATELINE_PLACES = re.compile(
    rf"[ \t]*(?P<city>{_NAME})(?:,\s*(?P<region>{_NAME}))?"
    rf"{_DATE}\s*(?:\([^()\n]{{1,40}}\)\s*)?(?:—|–|--?)\s+[A-Z0-9\"“‘']"
)


@functools.cache
def vocab() -> dict[str, frozenset[str]]:
    """The word lists of ``lib/data/place_cues.json``."""
    return {key: frozenset(words) for key, words in read_json("place_cues.json").items()}


def place_cue(doc: Doc, start: int, end: int, label: str) -> str:
    """:data:`PLACE_CUE` when the context of the name ``doc[start:end]`` makes it a place,
    else "". Nationalities ("southern Democrats") are left alone; a name the model read as
    one that no nationality is, listed before a plural kind of place, is a place ("Hollis
    and Breckin counties")."""
    if end <= start:
        return ""
    words = vocab()
    if label == "NORP":  # proper nouns only: "Black and Hispanic counties" are people's
        proper = all(t.pos_ == "PROPN" for t in doc[start:end])
        listed = proper and _listed_places(doc, end, _AREA_PLURALS)
        return PLACE_CUE if listed and not _demonym(doc[start:end].text) else ""
    found = (
        _in_dateline(doc, start, end)
        or _of_place(doc, start, end, words["of_words"])
        or _possessive_place(doc, end, words["possessive_words"])
        or _area_adjective(doc, start, words["area_adjectives"])
        or _listed_places(doc, end, words["plural_places"])
    )
    return PLACE_CUE if found else ""


def _demonym(name: str) -> bool:
    """A nationality, a party's members or any name the gazetteer knows ("American",
    "Republican": "Republican and Democratic counties" are no places)."""
    from lib.nlp.gazetteer import gazetteer

    gaz = gazetteer()
    return name in gaz.demonyms or name.rstrip("s") in gaz.demonyms or gaz.lookup(name) is not None


def _in_dateline(doc: Doc, start: int, end: int) -> bool:
    """The name is the city or the region of the dateline that opens its line."""
    text = doc.text
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    line_start = text.rfind("\n", 0, first) + 1
    m = DATELINE_PLACES.match(text, line_start)
    if m is None:
        return False
    city, region = m.group("city").strip(), m.group("region")
    if not region and not city.isupper():
        return False  # "Rivermouth Times — May 13": an outlet and a date, not a dateline
    for group in ("city", "region"):
        if m.group(group) and m.start(group) <= first and last <= m.end(group):
            return True
    return False


def _of_place(doc: Doc, start: int, end: int, of_words: frozenset[str]) -> bool:
    """ "the governor of X", "the towns of W, X and Y": the name, or the first name of the
    list it is coordinated in, follows "of" after a word of ``of_words`` (not "the state of
    X's finances", where "of" governs what X owns)."""
    if end < len(doc) and doc[end].text in _POSSESSIVES:
        return False
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in of_words:
        return True
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i < root.i and root.head.pos_ == "PROPN":
        root = root.head
    head = root.head
    return (
        root.dep_ == "pobj"
        and head.lower_ == "of"
        and head.i == root.left_edge.i - 1
        and head.i > 0
        and doc[head.i - 1].lower_ in of_words
    )


def _possessive_place(doc: Doc, end: int, possessive_words: frozenset[str]) -> bool:
    """ "X's mayor", "X's largest city" (one lower-case adjective may come between)."""
    i = end
    if i >= len(doc) or doc[i].text not in _POSSESSIVES:
        return False
    i += 1
    if i + 1 < len(doc) and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i += 1
    return i < len(doc) and doc[i].lower_ in possessive_words


def _area_adjective(doc: Doc, start: int, adjectives: frozenset[str]) -> bool:
    """ "central X", "in northern X", "nearby X": a lower-case area word before the name."""
    return start > 0 and doc[start - 1].is_lower and doc[start - 1].lower_ in adjectives


def _listed_places(doc: Doc, end: int, plurals: frozenset[str]) -> bool:
    """ "X, Y and Z counties", "X and Y towns": only names and list words between the name
    and a lower-case plural kind of place, read as a noun (never the verb of "X states
    that"), after two or more names (one name before it is a vote: "Roe counties")."""
    for tok in doc[end : min(len(doc), end + _LIST_MAX_TOKENS)]:
        if tok.is_lower and tok.lower_ in plurals:
            listed = _coordinated(doc, _list_start(doc, end), tok.i)
            return listed and tok.pos_ == "NOUN"  # not the verb of "Roe states that …"
        if tok.text not in _LIST_WORDS and not (tok.text[:1].isupper() and tok.pos_ == "PROPN"):
            return False
    return False


def _list_start(doc: Doc, end: int) -> int:
    """The first token of the run of names and list words that ends at ``end``."""
    i = end
    while i > 0 and (doc[i - 1].text in _LIST_WORDS or doc[i - 1].pos_ == "PROPN"):
        i -= 1
    return i


def _coordinated(doc: Doc, first: int, end: int) -> bool:
    """Tokens ``first`` to ``end`` are a list of two or more names: an "and" / "or" among
    them ("X, Y and Z counties"; not "Roe counties", the counties that voted for Roe)."""
    return any(t.lower_ in ("and", "or", "&") for t in doc[first:end])


def with_dateline_places(doc: Doc, records: list[Mention], sent_ids: list[int]) -> list[Mention]:
    """``records`` and, in text order, a place mention for each city or region of a dateline
    the model did not tag ("KESTRAVIK —", "LIVINGSTON, N.J. —"); a kicker ("BREAKING —")
    is no place."""
    text = doc.text
    taken = [(r.start_char, r.end_char) for r in records]
    added = []
    for line in re.finditer(r"^.*$", text, re.M):
        m = DATELINE_PLACES.match(line.group())
        if m is None or (not m.group("region") and not m.group("city").isupper()):
            continue
        for group in ("city", "region"):
            start, end = line.start() + m.start(group), line.start() + m.end(group)
            name = m.group(group)
            if not name or sum(c.isalpha() for c in name) < 3 or is_kicker(name):
                continue
            if any(a < end and start < b for a, b in taken):
                continue
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is None or not len(span):
                continue
            added.append(_dateline_mention(doc, span, sent_ids))
    return sorted(records + added, key=lambda r: r.start_char) if added else records


#: A member of a legislature's party and state in brackets: "(R-Wis.)", "(D-N.Y.)", "(I-Vt.,
#: chairman)": the state is a place mention even where the model leaves it untagged.
PARTY_STATE = re.compile(
    r"\((?:R|D|I|Ind|Dem|Rep)\.?\s?[-–—]\s?(?P<state>[A-Z][A-Za-z]*\.?(?: ?[A-Z][a-z]*\.)?)[,)]"
)


def with_party_states(doc: Doc, records: list[Mention], sent_ids: list[int]) -> list[Mention]:
    """``records`` and a place mention of every state of a party-and-state bracket
    (:data:`PARTY_STATE`) the model did not tag, when the gazetteer knows it as a place."""
    from lib.nlp.gazetteer import gazetteer

    text = doc.text
    taken = [(r.start_char, r.end_char) for r in records]
    added = []
    for m in PARTY_STATE.finditer(text):
        start, end = m.span("state")
        hit = gazetteer().lookup(m.group("state"))
        if hit is None or hit[1] != "GPE" or any(a < end and start < b for a, b in taken):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        mention = _dateline_mention(doc, span, sent_ids)
        mention.start_char, mention.end_char, mention.text = start, end, m.group("state")
        added.append(mention)
    return sorted(records + added, key=lambda r: r.start_char) if added else records


def _dateline_mention(doc: Doc, span, sent_ids: list[int]) -> Mention:
    """A GPE mention of a dateline name, an all-capitals one written as a name ("KESTRAVIK"
    -> "Kestravik")."""
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    return Mention(
        start_char=span.start_char,
        end_char=span.end_char,
        text=span.text.title() if span.text.isupper() and len(span.text) > 3 else span.text,
        label="GPE",
        cue=PLACE_CUE,
        prev_word=prev.lower_ if prev is not None else "",
        next_word=nxt.lower_ if nxt is not None else "",
        sentence_id=sent_ids[span.start],
    )
