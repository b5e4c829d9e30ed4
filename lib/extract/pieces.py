"""Where one tagged entity is several names: the token ranges of its pieces.

The model tags "Trump and Mattis", "Center (NHC", "Russia’s Kherson", "Fed Chair Ada
Roe", a list of groups ("Quarrow Voices, Tidewater Action"), a poll's partners ("ABC
News-Washington Post poll") or a pollster and the outlet it works for ("Edison Research
for the Associated Press") as one entity; :func:`labelled_pieces` cuts such a span into
the names it holds, each with its label, for
:func:`lib.extract.mentions.mention_records`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lib.extract.name_forms import (
    institution_after_name,
    person_of_owner,
    person_of_place,
    title_in_name,
)
from lib.nlp.gazetteer import gazetteer
from lib.nlp.names import head_words
from lib.nlp.people import vocab as people_vocab

if TYPE_CHECKING:  # spaCy itself is imported by the pipeline, not by importing this module
    from spacy.tokens import Doc, Span


BRACKETS = frozenset("()[]{}")
#: Square brackets inside a quoted name mark an editor's insertion, not a second name.
EDITORIAL_BRACKETS = frozenset("[]")


POSSESSIVE_TOKENS = frozenset({"’s", "'s", "’", "'", "s’", "s'"})


def _is_possessive(tok) -> bool:
    return tok.tag_ == "POS" or tok.text in POSSESSIVE_TOKENS


def verb_word(tok) -> bool:
    """A headline verb the tagger took for a name ("Bloomberg Tells", "Trump Slams")."""
    low = tok.lower_
    stems = {low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("ed") else low}
    return tok.text[:1].isupper() and bool(stems & people_vocab()["reporting_verbs"])


def pieces(doc: Doc, ent: Span, cut_possessive: bool, surnames: frozenset = frozenset()):
    """Token ranges of an entity split at brackets ("Center (NHC" -> "Center", "NHC"),
    cut at a possessive ("Russia’s Kherson" -> "Russia") or a spaced dash ("OSTVARIA - Since"
    -> "OSTVARIA"), for people split at verbs and "and" ("Manley put Reid", "Trump and
    Mattis"), and a list of organisations at its commas (:func:`comma_list`)."""
    start = ent.start
    person = ent.label_ == "PERSON"
    for tok in doc[ent.start : ent.end]:
        inner = tok.i > ent.start
        verb = tok.pos_ in ("VERB", "AUX") and tok.is_lower  # "Manley put Reid" (any label)
        if person and _editorial(doc, tok, ent):
            continue  # "[George W.] Bush": an editor's insertion inside the name
        split = (
            tok.text in BRACKETS
            or (inner and verb)
            or (person and inner and verb_word(tok))
            or (person and inner and (tok.pos_ == "CCONJ" or tok.text == "&"))
            or (inner and tok.lower_ == "and" and _between_surnames(doc, tok, surnames))
            or (inner and tok.lower_ in ("and", "&") and _beside_acronym(doc, tok, ent))
            or (inner and tok.lower_ == "and" and _list_tail(doc, ent))
            or (inner and _poll_partners(doc, tok, ent))
            or (inner and tok.text == "," and comma_list(doc, ent))
        )
        if split:
            if tok.i > start:
                yield start, tok.i
            start = tok.i + 1
        elif inner and _spaced_dash(doc, tok):  # "IN OSTVARIA - Since": a run-in head's end
            if tok.i > start:
                yield start, tok.i
            return
        elif (
            cut_possessive
            and tok.i > ent.start
            and _is_possessive(tok)
            and not _plural_of_name(doc, tok, ent)
            and not _possessive_name(doc, tok, ent)
        ):
            if tok.i > start:
                yield start, tok.i
            return
    if ent.end > start:
        yield start, ent.end


#: Dashes that end a run-in head or a dateline when spaced ("RATES RISE IN OSTVARIA - Since").
DASHES = frozenset({"-", "–", "—", "--"})


def _spaced_dash(doc: Doc, tok) -> bool:
    """A dash with a space on each side: names are hyphenated without spaces, so a spaced
    dash ends the name the model ran across it."""
    return tok.text in DASHES and bool(tok.whitespace_) and bool(doc[tok.i - 1].whitespace_)


def labelled_pieces(doc: Doc, ent: Span, cut_possessive: bool, surnames: frozenset):
    """(start, end, label) of :func:`pieces`; a person and their home town that the model
    tagged as one organisation ("Teo Varga of Aventura") are two pieces: the person and the
    place."""
    of = person_of_place(doc, ent)
    if of is not None:
        yield ent.start, of[0], "PERSON"
        yield of[0] + 1, ent.end, of[1]
        return
    if _party_before_person(doc, ent):  # "Republican Ada Roe" typed ORG: the person
        yield ent.start + 1, ent.end, "PERSON"
        return
    title = title_in_name(doc, ent)
    if title is not None:  # "Fed Chair Ada Roe": the body, then the person
        yield ent.start, title, ent.label_
        yield title + 1, ent.end, "PERSON"
        return
    owner = person_of_owner(doc, ent, surnames)
    if owner is not None:  # "Daily Times’ Maggie Holloway": the outlet, then the person
        yield ent.start, owner, ent.label_
        yield owner + 1, ent.end, "PERSON"
        return
    sponsor = outlet_sponsor(doc, ent)
    if sponsor is not None:  # "Edison Research for the Associated Press": two bodies
        yield ent.start, sponsor[0], ent.label_
        yield sponsor[1], sponsor[2], "ORG"
        return
    era = institution_after_name(doc, ent, surnames)
    if era is not None:  # "the Halvorsen White House": the person, then the institution
        yield ent.start, era[0], "PERSON"
        yield era[0], ent.end, era[1]
        return
    for start, end in pieces(doc, ent, cut_possessive, surnames):
        yield start, end, ent.label_


#: Party words written before a member's name ("Republican Ada Roe").
PARTY_WORDS = frozenset({"Republican", "Democrat", "Democratic", "Independent", "Libertarian"})


def _party_before_person(doc: Doc, ent: Span) -> bool:
    """A party word, then a known given name and a surname, tagged as one thing
    ("Republican Ada Roe" ORG): the party's member, a person."""
    from lib.nlp.people import given_name_gender

    if ent.label_ == "PERSON" or len(ent) != 3 or doc[ent.start].text not in PARTY_WORDS:
        return False
    given, surname = doc[ent.start + 1], doc[ent.start + 2]
    if not (given.is_title and surname.text[:1].isupper() and surname.is_alpha):
        return False
    return given_name_gender(given.text)[0] is not None and gazetteer().lookup(given.text) is None


#: Words after the sponsors' names of a poll ("ABC News-Washington Post poll").
POLL_WORDS = frozenset({"poll", "polls", "survey", "surveys"})


def _poll_partners(doc: Doc, tok, ent: Span) -> bool:
    """A hyphen or slash between two capitalised names right before "poll" or "survey"
    joins the poll's partners, two bodies ("ABC News-Washington Post poll", "NBC/Marist
    survey"); a company named so ("Hewlett-Packard") is no poll's."""
    if tok.text not in ("-", "/", "–") or not ent.start < tok.i < ent.end - 1:
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is None or after.lower_ not in POLL_WORDS:
        return False
    return doc[tok.i - 1].text[:1].isupper() and doc[tok.i + 1].text[:1].isupper()


def outlet_sponsor(doc: Doc, ent: Span) -> tuple[int, int, int] | None:
    """(index of "for", start, end of the outlet) when an entity is a body working "for" a
    news outlet of ``lib/data/media.csv`` ("Edison Research for the Associated Press",
    "Langer Research for ABC News": a pollster and the outlet that paid it); else None.
    "Democracy for America" names no outlet after "for"."""
    from lib.nlp.people import media_names

    fors = [t.i for t in doc[ent.start + 1 : ent.end - 1] if t.lower_ == "for"]
    if not fors:
        return None
    start = fors[0] + 1 + (doc[fors[0] + 1].lower_ == "the")
    for end in range(ent.end, start, -1):
        if doc[start:end].text in media_names():
            return fors[0], start, end
    return None


def _editorial(doc: Doc, tok, ent: Span) -> bool:
    """A bracket inside a quoted person's name that marks an editor's insertion: square
    brackets ("[George W.] Bush"), or a closing parenthesis whose opening one lies before
    the name ("(Libyan strongman Muammar) al-Qaddafi")."""
    if tok.text in EDITORIAL_BRACKETS:
        return True
    return tok.text == ")" and tok.i > ent.start and "(" not in doc[ent.start : tok.i].text


#: Plurals without an "s" that take "'s" inside a name ("Children's Fund", "Women's March").
IRREGULAR_PLURALS = frozenset({"children", "women", "men", "people"})


def _plural_of_name(doc: Doc, tok, ent: Span) -> bool:
    """A possessive after a plural inside a name, capitalised words following it
    ("Workers’ Compensation Board", "Veterans’ Affairs", "United Nations Children's Fund"):
    part of the name, not an owner."""
    if tok.i + 1 >= ent.end or not doc[tok.i + 1].text[:1].isupper():
        return False
    before = doc[tok.i - 1]
    if tok.text in ("’", "'"):
        return before.text.endswith("s")
    # "Patrolmen's", "Firemen's": a plural of "men" too ("Yemen's" is a country's)
    plural = before.lower_ in IRREGULAR_PLURALS or (
        before.lower_.endswith("men") and gazetteer().lookup(before.text) is None
    )
    return tok.lower_ in ("’s", "'s") and plural


def _possessive_name(doc: Doc, tok, ent: Span) -> bool:
    """An organisation or building named with a possessive and one head word ("Nell's Club",
    "Barlow's Tavern"): the whole is the name, not an owner and a thing."""
    from lib.nlp.names import name_heads

    if ent.label_ not in ("ORG", "FAC") or tok.i + 2 != ent.end:
        return False
    return name_heads().get(doc[tok.i + 1].text) in ("ORG", "FAC")


def _between_surnames(doc: Doc, tok, surnames: frozenset) -> bool:
    """ "Trump and Mattis" tagged as one organisation: an "and" between two surnames of
    people the article names in full."""
    if tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    return doc[tok.i - 1].text in surnames and doc[tok.i + 1].text in surnames


def _list_tail(doc: Doc, ent: Span) -> bool:
    """ "X and Y" (two capitalised words) right after "<Name> and": the last two names of
    a list joined by "and" ("… Hale and Orwin and Pemberton believed …"), which the model
    may tag as one organisation; a company called "Orwin and Pemberton" does not follow
    another name and "and"."""
    words = doc[ent.start : ent.end]
    if len(words) != 3 or ent.start < 2 or doc[ent.start - 1].lower_ != "and":
        return False
    before = doc[ent.start - 2]
    return (
        before.is_alpha
        and before.text[:1].isupper()
        and words[0].text[:1].isupper()
        and (words[2].text[:1].isupper())
    )


def _beside_acronym(doc: Doc, tok, ent: Span) -> bool:
    """ "FBI & DOJ", "Dreamers and TPS": one word on each side of "and" / "&", one of them an
    acronym, is two names ("Procter & Gamble" is not)."""
    first = ent.start + (ent[0].pos_ == "DET")  # "the Dreamers and TPS"
    if tok.i - first != 1 or ent.end - tok.i != 2:
        return False
    left, right = doc[tok.i - 1], doc[tok.i + 1]
    return (left.is_upper and len(left) >= 2) or (right.is_upper and len(right) >= 2)


def comma_list(doc: Doc, ent: Span) -> bool:
    """An organisation the model read over a comma-separated list of names: "Quarrow
    Voices, Tidewater Action" (groups that signed a letter), "Harbor Works, Commerce"
    (committees). A law firm's list of partners ("Pemberton, Orwin, Hale & Quill": an
    ampersand, or single words only), a company's legal form ("Acme, Inc."), a campus or
    branch after its place ("University of Brakeford, Dover") and a body's list of subjects
    ("Committee on Lanterns, Mills and Canals": a small word inside) stay one name."""
    if ent.label_ != "ORG" or "&" in ent.text:
        return False
    parts, start = [], ent.start
    for tok in ent:
        if tok.text == ",":
            parts.append(doc[start : tok.i])
            start = tok.i + 1
    parts.append(doc[start : ent.end])
    if parts[0] and parts[0][0].lower_ == "the":  # "the Harbor Works, Commerce"
        parts[0] = parts[0][1:]
    if any(not t.text[:1].isupper() for p in parts for t in p) or all(len(p) == 1 for p in parts):
        return False  # "Committee on Science, Space and Technology": one name's subjects
    legal = head_words("legal")
    for p in parts[1:]:
        hit = gazetteer().lookup(p.text)
        if p.text in legal or p.text + "." in legal or (hit is not None and hit[1] == "GPE"):
            return False
    return True
