"""Cleaned name mentions of one Doc, with the cues the corpus-level resolution uses.

Text is cleaned: possessives, determiners, titles and region words ("Kherson region") are
cut off; model labels outside the name labels are kept only for gazetteer places (the
model's "Kherson" PRODUCT).
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING

from lib.corpus.metadata import dateline_credits
from lib.extract.name_forms import (
    clear_given_name,
    court_of_place,
    nickname_records,
    qualify_places,
    title_before_name,
)
from lib.extract.pieces import labelled_pieces
from lib.extract.place_cues import place_cue, with_dateline_places, with_party_states
from lib.extract.span_joins import joined_ents
from lib.extract.state_city import state_or_city
from lib.nlp.gazetteer import gazetteer
from lib.nlp.headline import title_end
from lib.nlp.names import (
    LEADING_DET,
    REGION_WORDS,
    clean_entity_text,
    find_acronyms,
    is_heading_line,
    name_heads,
    strip_region,
)
from lib.nlp.people import (
    apposed_roles,
    given_name_gender,
    name_words,
    person_like,
    role_words,
)
from lib.nlp.people import vocab as people_vocab
from lib.nlp.pipeline import doc_text
from lib.records import Mention
from lib.schema import NAME_LABELS

if TYPE_CHECKING:  # spaCy itself is imported by the pipeline, not by importing this module
    from spacy.tokens import Doc, Span


#: Cue field names added by :func:`mention_records` (with their empty values).
CUE_DEFAULTS = {
    "cue": "",
    "prev_word": "",
    "next_word": "",
    "in_title": False,
    "expansion": "",
    "honorific": "",
    "full_hint": "",
    "nickname": "",
    "kin": False,
    "role": "",
}


#: Words before a name that suggest a place ("in Kherson", "from Kyiv").
PLACE_PREPOSITIONS = frozenset({"in", "from", "near", "into", "across", "outside", "towards"})


DETERMINERS = frozenset({"the", "a", "an", "this", "that"})


#: Model labels a person's name may carry by mistake in the entity table (a group word,
#: NORP, stays one: "was Roman Catholic"; a facility too: "Pearl Harbor").
PERSON_FROM = frozenset({"ORG", "GPE"})

#: Model labels that may be relabelled when the text is a known place (the model's
#: "Kherson" PRODUCT); numeric labels never are.
RELABEL_FROM = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE", "FAC", "LAW"})


def _line_starts(text: str) -> tuple[list[int], list[bool]]:
    starts, flags = [], []
    pos = 0
    for line in text.split("\n"):
        starts.append(pos)
        flags.append(is_heading_line(line))
        pos += len(line) + 1
    return starts, flags


#: Parts of speech that never start or end a person's name ("Plus Obama", "Following
#: Romney", "Bloomberg Tells").
NON_NAME_POS = frozenset({"ADP", "CCONJ", "SCONJ", "ADV", "INTJ", "VERB", "AUX", "PART", "PRON"})
#: Words that start no name even when capitalised ("Like Governor Romney", "Meet Jane").
FUNCTION_WORDS = frozenset(
    """like unlike plus following meet with without after before as when while if but and or
    so then also even only just thanks via per despite amid during since until from for to at
    by on in of about against over under says said tells asks here there""".split()
)
#: A lower-case finite verb inside a work title means it is a clause, not a title.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


#: Labels whose names may start with a function word ("In God We Trust").
TITLE_LABELS = frozenset({"WORK_OF_ART", "LAW", "EVENT"})


def _clause_title(ent: Span) -> bool:
    """A "work" that is really a clause: a lower-case finite verb inside ("Trump ordered
    the end of DACA", a quoted headline)."""
    return ent.label_ == "WORK_OF_ART" and any(t.tag_ in FINITE_TAGS and t.is_lower for t in ent)


def _honorific(doc: Doc, ent: Span) -> str:
    """ "m" / "f" when a courtesy title starts the name or stands right before it."""
    honorifics = people_vocab()["honorifics"]
    for tok in (doc[ent.start], doc[ent.start - 1] if ent.start > 0 else None):
        if tok is not None and tok.text in honorifics:
            return honorifics[tok.text]
    return ""


def _shared_surnames(doc: Doc, surnames: frozenset = frozenset()) -> dict[int, str]:
    """ "Malia and Sasha Obama" parsed as two entities: token index of the lone given name
    ("Malia") -> the surname it shares ("Obama"). A word the document writes as a person's
    surname (``surnames``: "Ron Carter" named earlier) is that person in "Carter and Rob
    Vantreese", however often it is also a given name."""
    out = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or ent.start < 2:
            continue
        if doc[ent.start - 1].lower_ not in ("and", "&"):
            continue
        first = doc[ent.start - 2]
        if first.text in surnames:
            continue
        if clear_given_name(first.text) and (first.ent_type_ or first.pos_ == "PROPN"):
            if first.ent_iob_ in ("B", "") and (first.i == 0 or doc[first.i - 1].ent_iob_ != "I"):
                last = [t for t in ent if t.is_alpha]
                if len(last) >= 2:
                    out[first.i] = last[-1].text
    return out


def _shared_surname(doc: Doc, ent: Span, end: int, surnames: frozenset = frozenset()) -> str:
    """ "Barack and Michelle Obama": the surname the first given name shares, else "" (also
    when the first name is a surname the document gives a person, ``surnames``)."""
    if ent.label_ != "PERSON" or end >= ent.end or doc[end].lower_ not in ("and", "&"):
        return ""
    if doc[end - 1].text in surnames:
        return ""
    rest = [t for t in doc[end + 1 : ent.end] if t.is_alpha]
    return rest[-1].text if len(rest) >= 2 and clear_given_name(doc[end - 1].text) else ""


#: Kinship nouns: "his father, Donald Trump", "Trump's son Eric".
KIN_WORDS = frozenset(
    """father son dad daughter mother mom brother sister wife husband uncle nephew niece
    grandson granddaughter grandfather grandmother cousin sons daughters brothers""".split()
)


def _kin(doc: Doc, start: int, end: int) -> bool:
    """A kinship noun within three words before the name or in apposition to it."""
    if any(t.lower_ in KIN_WORDS for t in doc[max(0, start - 3) : start]):
        return True
    root = doc[start:end].root
    near = [c for c in root.children if c.dep_ == "appos"]
    near += [root.head] if root.dep_ == "appos" else []
    return any(t.lower_ in KIN_WORDS for t in near)


def _role(doc: Doc, start: int, end: int, ctx: dict) -> str:
    """The job title a person's name is written with: before it ("Gov. Jane Roe" ->
    "governor") or in apposition ("Jane Roe, the governor," / "the governor, Jane Roe")."""
    if start > 0 and doc[start - 1].text in ctx["heads"]:
        words = role_words(doc[start - 1].text)
        return max(words, key=len)
    roles = apposed_roles(doc[start:end], ctx["title_words"])
    return roles[0] if roles else ""


def mention_records(doc: Doc, sent_ids: list[int]) -> list[Mention]:
    """Cleaned name mentions of ``doc`` as :class:`~lib.records.Mention` records: offsets,
    text and label, and the cues the corpus-level resolution reads (``cue``: "region",
    "based", "title", "in" or ""; the words around it in lower case; whether its line is a
    title-case heading; a defined acronym's expansion). ``sent_ids``: each token's sentence.
    """
    gaz = gazetteer()
    full_text = doc_text(doc)
    line_starts, heading = _line_starts(full_text)
    ctx = {
        "gaz": gaz,
        "titles": gaz.titles["head"] | gaz.titles["honorific"],
        "heads": gaz.titles["head"],
        "title_words": {w.lower().rstrip(".") for w in gaz.titles["head"]},
        "text": full_text,
        "acronyms": find_acronyms(full_text),
    }
    headline = title_end(full_text)
    surnames = frozenset(e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2)
    shared = _shared_surnames(doc, surnames)
    credits = dateline_credits(full_text)
    common = _common_word_people(doc, surnames)
    # what the speakers read as a person (a title, a reporting verb, a clear given name
    # before a surname) is one in the entity table too: "candidate Ada Roe" typed ORG
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    like = {(e.start, e.end) for e in person_like(doc, persons) if _full_or_surname(e, surnames)}
    like |= {(e.start, e.end) for e in doc.ents if _middle_initial_name(e)}
    records = []
    for ent in joined_ents(doc):
        if "\n" in ent.text.strip() or any(a <= ent.start_char < b for a, b in credits):
            continue  # across lines, or the outlet's credit in its dateline
        if ent.start in common:
            continue  # "Turnout was 41 percent": an ordinary word opening a sentence
        if _clause_title(ent) or (ent.start > 0 and doc[ent.start - 1].text in ("#", "@")):
            continue  # a quoted clause, a hashtag or a handle
        if _day_name_word(doc, ent, gaz):
            continue  # "Super" of "Super Tuesday": a named day, not a thing
        whole_known = gaz.lookup(LEADING_DET.sub("", ent.text.strip())) is not None
        honorific = _honorific(doc, ent)
        for start, end, label in labelled_pieces(doc, ent, not whole_known, surnames):
            if (ent.start, ent.end) in like and start == ent.start and label == ent.label_:
                label = "PERSON"
            piece = _piece_record(doc, label, start, end, ctx)
            if piece is None:
                continue
            token, rec = piece
            rec.honorific = honorific
            rec.kin = rec.label == "PERSON" and _kin(doc, start, end)
            rec.role = _role(doc, start, end, ctx) if rec.label == "PERSON" else ""
            surname = _shared_surname(doc, ent, end, surnames) or shared.get(start, "")
            if start in shared:
                rec.label = "PERSON"
            rec.full_hint = f"{rec.text} {surname}" if surname and " " not in rec.text else ""
            line_no = bisect.bisect_right(line_starts, rec.start_char) - 1
            rec.in_title = bool(heading[line_no]) or rec.start_char < headline
            rec.sentence_id = sent_ids[token]
            records.append(rec)

    def sentence_of(char: int) -> int:
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        return sent_ids[span[0].i] if span is not None and len(span) else 0

    records = nickname_records(records, full_text, sentence_of)  # Thomas "Tam" Okoro
    records = with_dateline_places(doc, records, sent_ids)  # "KESTRAVIK —" the model missed
    records = with_party_states(doc, records, sent_ids)  # "(R-Wis.)" the model missed
    qualify_places(records, full_text)  # "Springfield, Ill." is not "Springfield, Mo."
    state_or_city(records, full_text)  # "Sen. Ada Roe of New York": the state
    return records


def _full_or_surname(ent: Span, surnames: frozenset[str]) -> bool:
    """Is a name :func:`~lib.nlp.people.person_like` finds a person's in the entity table
    too: a full name that opens with a given name ("candidate Ada Roe" typed ORG), or the
    surname of a person the article names in full ("Roe told reporters")? A lone word after
    a job-like word is not enough there ("the state House")."""
    words = name_words(ent.text)
    if ent.label_ not in PERSON_FROM or not words:
        return False
    if len(words) == 1:
        return words[0] in surnames
    # a given name first that is no ordinary word ("General Electric", "Tea Partiers")
    first = words[0]
    given = given_name_gender(first)[0] is not None and first.lower() not in _dictionary_words()
    last = next(t for t in reversed(ent) if t.tag_ != "POS")  # "Ada Roe's"
    return given and last.tag_ == "NNP"


def _middle_initial_name(ent: Span) -> bool:
    """A given name, a middle initial and a surname typed as an organisation or place
    ("U.S. attorney Channing D. Phillips" typed ORG): written so, a name is a person's
    ("Ada K. Roe Foundation" ends in a head word and stays a body)."""
    words = [t.text for t in ent if t.tag_ != "POS"]
    return (
        ent.label_ in PERSON_FROM
        and len(words) == 3
        and len(words[1]) == 2
        and words[1][0].isupper()
        and words[1][1] == "."
        and all(w[:1].isupper() and w[1:].isalpha() and w[1:].islower() for w in words[::2])
        and words[2] not in name_heads()
        and gazetteer().lookup(" ".join(words)) is None
    )


@functools.lru_cache(maxsize=1)
def _dictionary_words() -> frozenset[str]:
    """Ordinary English nouns, adjectives and adverbs: the lemma index the model's own
    lemmatizer ships with (WordNet's words, in lower case)."""
    from lib.nlp.pipeline import get_nlp

    try:
        index = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError):
        return frozenset()
    return frozenset(w for pos in ("noun", "adj", "adv") for w in index.get(pos, ()))


def _common_word_people(doc: Doc, surnames: frozenset[str]) -> set[int]:
    """Starts of one-word PERSON entities that are an ordinary word opening a sentence
    ("Turnout was 41 percent"): a dictionary word in lower case, written in the document
    only where a sentence starts, no surname of a person named in full there, with no
    courtesy or job title before it and no reporting verb after it."""
    ones = [e for e in doc.ents if e.label_ == "PERSON" and len(e) == 1 and e[0].is_title]
    if not ones:
        return set()
    words = _dictionary_words()
    reporting = people_vocab()["reporting_verbs"]
    out = set()
    for ent in ones:
        tok = ent[0]
        if tok.lower_ not in words or tok.text in surnames:
            continue
        spots = [t for t in doc if t.text == tok.text]
        if not all(_opens_sentence(t) for t in spots):
            continue
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and nxt.lemma_.lower() in reporting:
            continue  # "Prince said": a person however ordinary the word
        out.add(ent.start)
    return out


def _opens_sentence(tok) -> bool:
    prev = tok.nbor(-1) if tok.i > 0 else None
    return prev is None or prev.is_space or prev.text in (".", "!", "?", "\u201d", '"', ":")


WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def _day_name_word(doc, ent, gaz) -> bool:
    """A one-word non-person "name" right before a weekday, which is the first word of a
    named day ("Super Tuesday", "Cyber Monday"); a known place stays ("voters in Ohio
    Tuesday")."""
    nxt = ent.end
    return (
        len(ent) == 1
        and ent.label_ != "PERSON"
        and nxt < len(doc)
        and doc[nxt].text in WEEKDAYS
        and bool(ent[0].whitespace_)
        and gaz.lookup(ent.text) is None
    )


def _trim_piece(doc, start: int, end: int) -> tuple[int, int, bool]:
    """Token range without edge punctuation, determiners and lower-case words; whether a
    lower-case region word ("Kherson region") was cut."""
    while start < end and (
        doc[start].is_punct
        or doc[start].lower_ in DETERMINERS
        or doc[start].is_space
        or doc[start].tag_ == "POS"  # "the state’s" + "’s Religious Liberty Act"
    ):
        start += 1
    region_word = end - start > 1 and doc[end - 1].lower_ in REGION_WORDS
    if region_word and doc[end - 1].is_lower:
        end -= 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_lower):
        if end - start > 2 and doc[end - 2].text == "-" and not doc[end - 3].whitespace_:
            break  # "Co-operation": a hyphenated word stays whole
        end -= 1
    if end - start > 3 and doc[end - 1].like_num and doc[end - 2].text in "-–":
        if doc[end - 3].like_num:
            end -= 3  # a score or a range after a name: "Boston 104-99"
    return start, end, region_word


def _region_cue(doc, text: str, region_word: bool, piece_end: int) -> tuple[str, str]:
    """(text without a region word, "region" | "based" | "")."""
    base, is_region = strip_region(text)
    nxt = doc[piece_end] if piece_end < len(doc) else None
    if is_region:
        return base, "region"
    if region_word or (nxt is not None and nxt.lower_ in REGION_WORDS):
        return text, "region"
    if (
        nxt is not None
        and nxt.text == "-"
        and piece_end + 1 < len(doc)
        and doc[piece_end + 1].lower_ == "based"
    ):
        return text, "based"
    return text, ""


def _person_edges(doc, start: int, end: int) -> tuple[int, int]:
    """A person's name without leading function words or capitalised common nouns
    ("Plus Obama", "Like Governor Romney", "Investigations Chris Farrell") and trailing
    verbs."""
    while start < end and (
        doc[start].lower_ in FUNCTION_WORDS
        or doc[start].pos_ in NON_NAME_POS
        or (_plural_noun(doc[start]) and end - start > 1)  # "Investigations Chris"
        or (doc[start].pos_ == "NOUN" and end - start > 1 and doc[start + 1].pos_ == "PROPN")
    ):
        start += 1
    while end > start and doc[end - 1].pos_ in NON_NAME_POS:
        end -= 1
    return start, end


def _plural_noun(tok) -> bool:
    """A plural common noun before a name ("Investigations"); the tagger also calls some
    given names plural ("Pushpa"), so a proper-noun plural must end in "s" and not be a
    given name."""
    if tok.tag_ == "NNS":
        return True
    return tok.tag_ == "NNPS" and tok.lower_.endswith("s") and not clear_given_name(tok.text)


def _common_word(tok, label: str, gaz) -> bool:
    """A one-word "entity" that is an ordinary word the tagger does not call a name
    ("Budget", "Compromise", "Congressional", "You"); nationalities are adjectives and
    stay when the gazetteer knows them; a word with a capital inside ("SurveyMonkey",
    "BuzzFeed") is a brand's name, whatever its part of speech."""
    if tok.is_upper or gaz.lookup(tok.text) is not None or not tok.text[1:].islower():
        return False
    if label == "NORP":
        known = tok.text in gaz.demonyms or tok.text.removesuffix("s") in gaz.demonyms
        return tok.pos_ == "ADJ" and not known
    return tok.pos_ in ("NOUN", "ADJ", "VERB", "PRON", "ADV", "INTJ")


def _piece_record(doc, label: str, start: int, end: int, ctx: dict) -> tuple[int, Mention] | None:
    """(first token, one cleaned mention without sentence id or heading flag), or None."""
    gaz = ctx["gaz"]
    piece_end = end
    start, end, region_word = _trim_piece(doc, start, end)
    while (
        end - start > 1
        and doc[start].lower_ in FUNCTION_WORDS
        and (label not in TITLE_LABELS or doc[start + 1].text in ctx["titles"])
    ):
        start += 1  # "Like Governor Romney" (work titles may start so: "In God We Trust")
    if label != "PERSON" and end - start >= 2 and doc[start].text in ctx["titles"]:
        rest = doc[start + 1 : end]
        not_name = gaz.titles["not_name"] | gaz.titles["modifier"]
        if all(t.pos_ == "PROPN" and t.text not in not_name for t in rest):
            label = "PERSON"  # "Sheriff Arpaio" tagged ORG: a title and a name
    if label == "PERSON":
        start, end = _person_edges(doc, start, end)
    end, label = court_of_place(doc, start, end, label)  # "… County District Judge X"
    if end <= start or (end - start == 1 and _common_word(doc[start], label, gaz)):
        return None
    if title_before_name(doc, start, end, ctx["titles"]):
        return None
    span = doc[start:end]
    text = clean_entity_text(span.text, label)
    if text is None:
        return None
    text, cue = _region_cue(doc, text, region_word, piece_end)
    if label not in NAME_LABELS:
        hit = gaz.lookup(text) if label in RELABEL_FROM or cue == "region" else None
        if hit is not None:
            label = hit[1]
        elif label in RELABEL_FROM and cue in ("region", "based"):
            label = "GPE"  # "Zorvan region" tagged PRODUCT
        else:
            return None
    prev = doc[start - 1] if start > 0 else None
    nxt = doc[piece_end] if piece_end < len(doc) else None
    if not cue and (text != span.text.strip() and span[0].text in gaz.title_words):
        cue = "title"
    if not cue and prev is not None and prev.text in ctx["titles"]:
        cue = "title"
    cue = cue or place_cue(doc, start, end, label)  # "governor of X", "ASHFORD, X —"
    if not cue and prev is not None and prev.lower_ in PLACE_PREPOSITIONS:
        cue = "in"
    pos = ctx["text"].find(text, span.start_char, span.end_char)
    start_char, end_char = (pos, pos + len(text)) if pos >= 0 else (span.start_char, span.end_char)
    return span.start, Mention(
        start_char=start_char,
        end_char=end_char,
        text=text,
        label=label,
        cue=cue,
        prev_word=prev.lower_ if prev is not None else "",
        next_word=nxt.lower_ if nxt is not None else "",
        expansion=ctx["acronyms"].get(text, ""),
    )
