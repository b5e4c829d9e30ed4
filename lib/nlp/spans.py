"""Text spans of sources: a named entity's cleaned text and offsets, a noun phrase's tokens."""

from __future__ import annotations

from lib.nlp.names import clean_entity_text


def entity_offsets(ent) -> tuple[str, int, int] | None:
    """Cleaned text and offsets of an entity span (possessive and article cut)."""
    doc = ent.doc
    end = ent.end
    for tok in ent:
        if tok.tag_ == "POS" or tok.text in ("’s", "'s", "’", "'"):
            end = tok.i
            break
    span = doc[ent.start : end]
    if len(span) == 0:
        return None
    text = clean_entity_text(span.text, ent.label_)
    if text is None:
        return None
    span_text = span.text
    pos = span_text.find(text)
    if pos < 0:  # cleaning changed the text (e.g. added a full stop): keep the raw span
        text = span_text.strip()
        pos = span_text.find(text)
    pos = span.start_char + pos if pos >= 0 else -1
    return text, pos, pos + len(text)


def np_span(tok, people: bool = False) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok`` with its "of" / "for" phrase (without
    clauses and appositions); with ``people`` (``tok`` names people) also its "to" phrase
    ("a longtime adviser to the governor", not "a letter to Congress"). A word before the
    phrase that only stresses it ("even a top strategist") is left out."""
    drop = ("relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "conj")
    preps = ("of", "for", "to") if people else ("of", "for")
    idxs = {tok.i}
    for child in tok.children:
        # "critics of the plan", "a spokeswoman for the committee"; not "in Paris"
        other_prep = child.dep_ == "prep" and (child.lower_ not in preps or child.i < tok.i)
        stress = child.dep_ == "advmod" and child.i < tok.i and child.i == tok.left_edge.i
        if child.dep_ in drop or other_prep or stress:
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.lower_ == "to" and pobj is not None:  # "to the United Nations", no more
            idxs.update([child.i, *range(*np_span(pobj))])
            continue
        idxs.update(t.i for t in child.subtree)
    lo, hi = min(idxs), max(idxs) + 1
    doc = tok.doc
    comma = next((t.i for t in doc[tok.i + 1 : hi] if t.text == ","), None)
    if comma is not None:
        hi = comma  # "an adviser to the governor, who asked …": the clause is not the phrase
    lo = _paired_modifier(doc, lo, tok.i)
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space) and not _opens_title(doc, lo, hi):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    if lo > 0 and _opens_title(doc, lo - 1, hi):
        lo -= 1  # the parse hung the opening mark elsewhere: "“Harbour Watch” podcast"
    return lo, hi


#: Opening and closing quotation marks of a title inside a phrase ("“Harbour Watch” column").
OPEN_MARKS, CLOSE_MARKS = frozenset({"“", "‘", '"', "``"}), frozenset({"”", "’", '"', "''"})


def _opens_title(doc, lo: int, hi: int) -> bool:
    """Does the mark at ``lo`` open a quoted title closed inside the phrase ("“Harbour
    Watch” column")? Then the phrase keeps it: "Harbour Watch” column" is half a title."""
    if doc[lo].text not in OPEN_MARKS:
        return False
    for t in doc[lo + 1 : hi]:
        if t.text in CLOSE_MARKS:
            return True
        if t.text in OPEN_MARKS:
            return False
    return False


#: Words that open a noun phrase before a pair of modifiers ("five past and present …").
PHRASE_OPENERS = frozenset({"NUM", "DET"})


def _paired_modifier(doc, lo: int, head: int) -> int:
    """The start of a noun phrase whose first modifier is the second of a coordinated pair
    ("five past and present state senators", "the current and former aides"): the parse
    may hang "five past" (or the whole pair) elsewhere and start the phrase at "present …"
    or after it. Read from the words: an adjective, "and"/"or" before it, an adjective
    before that and a number or determiner before the pair, right before the phrase (or
    with the second adjective its first word); else ``lo`` unchanged."""
    if lo >= head:
        return lo
    second = lo if doc[lo].tag_ == "JJ" else lo - 1
    if second < 3 or doc[second].tag_ != "JJ" or doc[second - 1].lower_ not in ("and", "or"):
        return lo
    if doc[second - 2].tag_ != "JJ" or doc[second - 3].pos_ not in PHRASE_OPENERS:
        return lo
    return second - 3
