"""The project's spaCy components, registered once at import; each declares what it
``requires`` and ``assigns`` (``nlp.analyze_pipes()`` reads them).

- ``paragraph_breaks`` (before the parser): a line break always starts a new sentence, so
  headings never merge into text;
- ``coverage_entity_ruler`` (after ``ner``): place and alias phrase patterns from the
  gazetteer (``overwrite_ents=False``: it only adds names the model missed);
- ``coverage_ruler_filter``: drops single-word ruler matches that the tagger does not call
  a proper noun ("Reading", "Mobile");
- ``coverage_title_person``: the name after a job title is a PERSON ("Defense Minister
  Rustem Umerov");
- ``coverage_surname_person``: a bare surname of a person named in full in the same
  document is a PERSON;
- ``coverage_owner_org``: a one-word "person" owning a person named in full ("Brightcart's
  Dana Holt") is an organisation, unless the document names a person by that word;
- ``coverage_web_names``: a capitalised name written as a web address ("Quillby.org",
  "Brightcart.com") is an organisation, which the model often reads as a number.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.language import Language
from spacy.tokens import Span
from spacy.util import filter_spans

from lib.nlp.gazetteer import gazetteer
from lib.nlp.headline import BODY_DATELINE
from lib.nlp.names import REGION_WORDS

RULER_NAME = "coverage_entity_ruler"
#: Roles in which a capitalised common noun equal to a surname is taken as that surname.
NOUN_ROLES = frozenset({"nsubj", "nsubjpass", "poss", "appos", "dobj", "pobj"})
#: One-word entities the surname rule may turn into PERSON (never numbers or dates).
RELABEL_AS_PERSON = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


#: What the entity components change: the entities and each token's entity tags.
ENTITY_ASSIGNS = ["doc.ents", "token.ent_type", "token.ent_iob"]


@Language.component(
    "coverage_ruler_filter", requires=["doc.ents", "token.pos"], assigns=ENTITY_ASSIGNS
)
def ruler_filter(doc):
    """Drop one-word entity-ruler matches that are not proper nouns ("Reading the ..."),
    except nationalities, which are adjectives ("Ukrainian intelligence")."""
    keep = []
    changed = False
    for ent in doc.ents:
        demonym = ent.label_ == "NORP" and ent[0].pos_ in ("ADJ", "NOUN") and ent.text[:1].isupper()
        if ent.ent_id_ and len(ent) == 1 and ent[0].pos_ != "PROPN" and not demonym:
            changed = True
            continue
        keep.append(ent)
    if changed:
        doc.ents = keep
    return doc


def _name_end(doc, end: int, stop: frozenset[str], max_words: int = 3) -> int:
    """End of the capitalised proper-noun run starting at ``end`` ("Jean-Luc Picard")."""
    n = len(doc)
    k = end
    words = 0
    while k < n and words < max_words:
        tok = doc[k]
        if tok.text == "-" and k > end and not doc[k - 1].whitespace_ and k + 1 < n:
            k += 1
            continue
        if not (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha):
            break
        if tok.text in stop:
            break
        words += 1
        k += 1
    while k > end and doc[k - 1].text == "-":
        k -= 1
    return k


@Language.component(
    "coverage_title_person", requires=["doc.ents", "token.pos"], assigns=ENTITY_ASSIGNS
)
def title_person(doc):
    """Mark the name after a job title or honorific as PERSON.

    "Defense Minister Rustem Umerov": a run of title words (``data/titles.csv``)
    containing a head title or honorific, then 1-3 capitalised proper nouns that
    are not title words nor places. Entities inside the title run ("Defense" ORG)
    and PERSON entities overlapping the name are replaced; any other entity
    reaching into the name ("General Motors" ORG) blocks the match.
    """
    titles = gazetteer().titles
    heads = titles["head"] | titles["honorific"]
    words = heads | titles["modifier"]
    stop = titles["not_name"] | words
    new_spans = []
    drop_ranges = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if tok.text not in heads:
            i += 1
            continue
        # extend the run left and right over title words
        start = i
        while start > 0 and doc[start - 1].text in words and doc[start - 1].text[:1].isupper():
            start -= 1
        end = i + 1
        while end < n and doc[end].text in words:
            end += 1
        name_end = _name_end(doc, end, stop)
        ok = name_end > end and not (name_end < n and doc[name_end].text in stop)
        if ok and gazetteer().lookup(doc[end:name_end].text) is not None:
            ok = False
        if ok:
            for ent in doc.ents:
                if ent.end <= start or ent.start >= name_end:
                    continue
                if ent.label_ == "PERSON":
                    name_end = max(name_end, ent.end)  # keep the model's longer name
                elif ent.start < start or ent.end > end:
                    ok = False
                    break
        if ok:
            new_spans.append(doc[end:name_end])
            drop_ranges.append((start, name_end))
        i = max(name_end, i + 1)
    for ent in _apposed_to_a_person(doc):
        new_spans.append(ent)
        drop_ranges.append((ent.start, ent.end))
    if not new_spans:
        return doc
    kept = [
        ent for ent in doc.ents if not any(ent.start < e and ent.end > s for s, e in drop_ranges)
    ]
    persons = [Span(doc, s.start, s.end, label="PERSON") for s in new_spans]
    doc.ents = filter_spans(kept + persons)
    return doc


def _apposed_to_a_person(doc) -> list:
    """Names the model typed as a thing but the text sets in apposition to a word for a
    person: "a spokesman for the committee, Brad Holt, said". Two or three capitalised
    words starting with a known given name, not a known place."""
    from lib.nlp.people import given_name_gender, vocab

    people_words = set(vocab()["person_nouns"]) | {
        w.lower() for w in gazetteer().titles["head"]
    }
    found = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and 2 <= len(ent) <= 3:
            whole = _given_name_before(doc, ent)
            if whole is not None:  # "Marta Oyelaran Bede" with "Oyelaran Bede" tagged
                found.append(whole)
            continue
        if ent.label_ in RELABEL_AS_PERSON and len(ent) == 1:
            whole = _given_name_missed(doc, ent, people_words)
            if whole is not None:
                found.append(whole)
            continue
        if ent.label_ not in RELABEL_AS_PERSON or not 2 <= len(ent) <= 3:
            continue
        head = ent.root.head
        if ent.root.dep_ != "appos" or head.pos_ != "NOUN" or head.i > ent.start:
            continue
        if head.lemma_.lower() not in people_words and head.lower_ not in people_words:
            continue
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
            continue
        if given_name_gender(ent[0].text)[0] is None or gazetteer().lookup(ent.text):
            continue
        found.append(ent)
    return found


def _given_name_before(doc, ent):
    """A person the model tagged without their given name ("Marta" of "Marta Oyelaran Bede",
    names in other languages): a clear given name right before the tagged name, itself
    untagged, no title and no place, not after another capitalised word, before a tagged
    name of two or three words. The whole name, or None."""
    from lib.nlp.people import given_name_gender

    prev = _untagged_name_word_before(doc, ent)  # not "Saint Marta Oyelaran"
    if prev is None or not prev.is_title or given_name_gender(prev.text)[1] < 1.0:
        return None
    return Span(doc, prev.i, ent.end, label="PERSON")


def _untagged_name_word_before(doc, ent):
    """The token right before ``ent`` when it may be a name word the model left untagged:
    a capitalised proper noun (not in capitals), no title and no place, not itself after a
    capitalised word (a longer run of capitals names a thing: "Lake Zorvan Kettleby");
    else None."""
    if ent.start == 0:
        return None
    prev = doc[ent.start - 1]
    titles = gazetteer().titles
    if (
        prev.ent_type_
        or prev.pos_ != "PROPN"
        or not prev.is_alpha
        or not prev.text[:1].isupper()
        or prev.text.isupper()
        or prev.text in titles["head"] | titles["honorific"] | titles["modifier"]
        or gazetteer().lookup(prev.text) is not None
    ):
        return None
    if prev.i > prev.sent.start and doc[prev.i - 1].text[:1].isupper() and doc[prev.i - 1].is_alpha:
        return None
    return prev


def _given_name_missed(doc, ent, people_words: set[str]):
    """ "Zorvan Kettleby, the chairman of the party, …" with only "Kettleby" tagged, as an
    organisation: a one-word name the text sets beside a word for a person (an apposition
    after it), right after a capitalised proper noun the model left untagged that is no
    title and no place, is that given name and surname, a person. None otherwise."""
    if not ent[0].is_alpha or gazetteer().lookup(ent.text) is not None:
        return None
    prev = _untagged_name_word_before(doc, ent)
    if prev is None:
        return None
    apposed = [c for c in ent.root.children if c.dep_ == "appos" and c.i > ent.end]
    if not any(c.lemma_.lower() in people_words or c.lower_ in people_words for c in apposed):
        return None
    return Span(doc, prev.i, ent.end, label="PERSON")


@Language.component(
    "coverage_surname_person",
    requires=["doc.ents", "token.pos", "token.dep"],
    assigns=ENTITY_ASSIGNS,
)
def surname_person(doc):
    """Tag later bare surnames of a person named in full in the same document.

    "Senator Mark Kelly said ... Kelly spoke": the model often misses the second
    "Kelly", or calls it an organisation. A capitalised proper-noun token that equals the
    last word of exactly one multi-word PERSON of the document becomes PERSON, whether it
    was outside any entity or a one-word entity of another name label the gazetteer does
    not know ("Christie" ORG).
    """
    gaz = gazetteer()
    surnames: dict[str, set[str]] = defaultdict(set)
    for ent in doc.ents:
        last = ent[-1]
        if (
            ent.label_ == "PERSON"
            and len(ent) >= 2
            and last.is_alpha
            and last.lower_ not in REGION_WORDS
            and gaz.lookup(last.text) is None
            and gaz.lookup(ent[0].text) is None
        ):
            surnames[last.text].add(ent.text)
    surnames = {k: v for k, v in surnames.items() if len(v) == 1 and k[:1].isupper()}
    if not surnames:
        return doc
    relabel = {
        ent.start
        for ent in doc.ents
        if len(ent) == 1
        and ent.label_ in RELABEL_AS_PERSON
        and ent.text in surnames
        and gaz.lookup(ent.text) is None
    }
    kept = [ent for ent in doc.ents if ent.start not in relabel]
    taken = {i for ent in kept for i in range(ent.start, ent.end)}
    added = [
        Span(doc, tok.i, tok.i + 1, label="PERSON")
        for tok in doc
        if tok.text in surnames
        and tok.i not in taken
        # the tagger reads some surnames as common nouns ("Ham made it clear")
        and (tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.dep_ in NOUN_ROLES))
    ]
    if added:
        doc.ents = kept + added
    return doc


@Language.component(
    "coverage_owner_org", requires=["doc.ents", "token.tag"], assigns=ENTITY_ASSIGNS
)
def owner_org(doc):
    """A one-word PERSON right before a possessive and a person named in full ("Brightcart's
    Dana Holt", "Quillby’s CEO Ann Roe") is that person's employer, an organisation, unless
    the document names a person by that word elsewhere ("Roe's Ann Holt" after "Ada Roe" or
    "Mr. Roe": a person's aide) or it is a given name or a known place."""
    from lib.nlp.people import given_name_gender

    ents = list(doc.ents)
    people = Counter(t.text for e in ents if e.label_ == "PERSON" for t in e)
    starts = {e.start: e for e in ents}
    changed = False
    for k, ent in enumerate(ents):
        if ent.label_ != "PERSON" or len(ent) != 1 or people[ent.text] > 1:
            continue  # a person the document names again ("Mr. Roe", "Ada Roe")
        if ent.end + 1 >= len(doc):
            continue
        if doc[ent.end].tag_ != "POS" and doc[ent.end].text not in ("’s", "'s"):
            continue
        after = ent.end + 1
        while after < len(doc) and doc[after].text[:1].isupper() and after not in starts:
            after += 1  # a title between: "Quillby’s CEO Ann Roe"
        owned = starts.get(after)
        if owned is None or owned.label_ != "PERSON" or len(owned) < 2:
            continue
        if given_name_gender(ent.text)[0] is None and gazetteer().lookup(ent.text) is None:
            ents[k] = Span(doc, ent.start, ent.end, label="ORG")
            changed = True
    if changed:
        doc.ents = ents
    return doc


#: A capitalised name written as a web address: "Quillby.org", "Brightcart.com".
WEB_NAME = re.compile(r"[A-Z][A-Za-z0-9-]*[a-z][A-Za-z0-9-]*\.(?:com|org|net)")


@Language.component("coverage_web_names", requires=["doc.ents"], assigns=ENTITY_ASSIGNS)
def web_names(doc):
    """A one-token name written as a web address is an organisation (module docstring):
    retyped when the model gave it another label, added when it gave none."""
    hits = [tok for tok in doc if WEB_NAME.fullmatch(tok.text)]
    if not hits:
        return doc
    spans = {ent.start: ent for ent in doc.ents}
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    changed = False
    for tok in hits:
        ent = spans.get(tok.i)
        if ent is not None and len(ent) == 1 and ent.label_ != "ORG":
            spans[tok.i] = Span(doc, tok.i, tok.i + 1, label="ORG")
            changed = True
        elif tok.i not in taken:
            spans[tok.i] = Span(doc, tok.i, tok.i + 1, label="ORG")
            changed = True
    if changed:
        doc.ents = filter_spans(list(spans.values()))
    return doc


def add_entity_components(nlp: Language) -> None:
    """Add the gazetteer entity ruler and the cleanup components after ``ner``."""
    if RULER_NAME in nlp.pipe_names:
        return
    after = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        after=after,
        config={"overwrite_ents": False, "validate": False},
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer().patterns())
    nlp.add_pipe("coverage_ruler_filter", after=RULER_NAME)
    nlp.add_pipe("coverage_title_person", after="coverage_ruler_filter")
    nlp.add_pipe("coverage_surname_person", after="coverage_title_person")
    nlp.add_pipe("coverage_owner_org", after="coverage_surname_person")
    nlp.add_pipe("coverage_web_names", after="coverage_owner_org")


@Language.component("paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc):
    """Start a new sentence after every line break so headings never merge into text; a
    comma, semicolon or closing bracket inside a line never starts one (the parser may cut
    an all-capitals dateline "HARBOURTON, Dunmore — ..." off before its comma)."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    for tok in doc[1:]:
        if tok.text in NEVER_STARTS and not tok.is_sent_start:
            tok.is_sent_start = False
    _keep_datelines(doc)
    return doc


def _keep_datelines(doc) -> None:
    """A dateline opening a line ("HARWICK (Valley Wire) — Voters …") is the start of that
    line's first sentence, never sentences of its own ("HARWICK", "(", "Valley Wire)")."""
    text = doc.text
    for tok in doc:
        if not (tok.i == 0 or "\n" in doc[tok.i - 1].whitespace_ or doc[tok.i - 1].is_space):
            continue
        m = BODY_DATELINE.match(text[tok.idx : tok.idx + 120])
        if m is None or tok.is_space:
            continue
        span = doc.char_span(tok.idx, tok.idx + m.end(), alignment_mode="expand")
        if span is None:
            continue
        for inner in doc[tok.i + 1 : min(span.end + 1, len(doc))]:
            inner.is_sent_start = False


#: Tokens that never start a sentence inside a line.
NEVER_STARTS = frozenset({",", ";", ")", "]"})


def add_paragraph_breaks(nlp: Language) -> None:
    """Insert the ``paragraph_breaks`` component before the parser (idempotent)."""
    if "paragraph_breaks" not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
        else:
            nlp.add_pipe("paragraph_breaks")
