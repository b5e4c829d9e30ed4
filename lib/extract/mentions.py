"""Cleaned name mentions of one Doc, with the cues the corpus-level resolution uses.

Text is cleaned: possessives, determiners, titles and region words ("Kherson region") are
cut off; model labels outside the name labels are kept only for gazetteer places (the
model's "Kherson" PRODUCT).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from lib.nlp.gazetteer import gazetteer
from lib.nlp.names import (
    LEADING_DET,
    REGION_WORDS,
    clean_entity_text,
    find_acronyms,
    is_heading_line,
    strip_region,
)
from lib.nlp.pipeline import doc_text
from lib.schema import NAME_LABELS

if TYPE_CHECKING:  # spaCy itself is imported by the pipeline, not by importing this module
    from spacy.tokens import Doc, Span


#: Cue field names added by :func:`mention_records` (with their empty values).
CUE_DEFAULTS = {"cue": "", "prev_word": "", "next_word": "", "in_title": False, "expansion": ""}


#: Words before a name that suggest a place ("in Kherson", "from Kyiv").
PLACE_PREPOSITIONS = frozenset({"in", "from", "near", "into", "across", "outside", "towards"})


DETERMINERS = frozenset({"the", "a", "an", "this", "that"})


BRACKETS = frozenset("()[]{}")


POSSESSIVE_TOKENS = frozenset({"’s", "'s", "’", "'", "s’", "s'"})


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


def _is_possessive(tok) -> bool:
    return tok.tag_ == "POS" or tok.text in POSSESSIVE_TOKENS


def _pieces(doc: Doc, ent: Span, cut_possessive: bool):
    """Token ranges of an entity split at brackets ("Center (NHC" -> "Center", "NHC")
    and cut at a possessive ("Russia’s Kherson" -> "Russia")."""
    start = ent.start
    for tok in doc[ent.start : ent.end]:
        if tok.text in BRACKETS:
            if tok.i > start:
                yield start, tok.i
            start = tok.i + 1
        elif cut_possessive and tok.i > ent.start and _is_possessive(tok):
            if tok.i > start:
                yield start, tok.i
            return
    if ent.end > start:
        yield start, ent.end


def mention_records(doc: Doc, sent_ids: list[int]) -> list[dict]:
    """Cleaned name mentions of ``doc`` as plain dicts.

    Keys: ``sentence_id, start_char, end_char, text, label`` and the cues
    ``cue`` ("region", "based", "title", "in" or ""), ``prev_word``,
    ``next_word`` (lower case), ``in_title`` (the mention's line is a
    title-case heading) and ``expansion`` (long form when the document
    defines the mention as an acronym, else "").
    """
    gaz = gazetteer()
    full_text = doc_text(doc)
    line_starts, heading = _line_starts(full_text)
    ctx = {
        "gaz": gaz,
        "titles": gaz.titles["head"] | gaz.titles["honorific"],
        "text": full_text,
        "acronyms": find_acronyms(full_text),
    }
    records = []
    for ent in doc.ents:
        if "\n" in ent.text.strip():
            continue
        whole_known = gaz.lookup(LEADING_DET.sub("", ent.text.strip())) is not None
        for start, end in _pieces(doc, ent, cut_possessive=not whole_known):
            rec = _piece_record(doc, ent.label_, start, end, ctx)
            if rec is None:
                continue
            line_no = bisect.bisect_right(line_starts, rec["start_char"]) - 1
            rec["in_title"] = bool(heading[line_no])
            rec["sentence_id"] = sent_ids[rec.pop("_token")]
            records.append(rec)
    return records


def _trim_piece(doc, start: int, end: int) -> tuple[int, int, bool]:
    """Token range without edge punctuation, determiners and lower-case words; whether a
    lower-case region word ("Kherson region") was cut."""
    while start < end and (
        doc[start].is_punct or doc[start].lower_ in DETERMINERS or doc[start].is_space
    ):
        start += 1
    region_word = end - start > 1 and doc[end - 1].lower_ in REGION_WORDS
    if region_word and doc[end - 1].is_lower:
        end -= 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_lower):
        end -= 1
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


def _piece_record(doc, label: str, start: int, end: int, ctx: dict) -> dict | None:
    """One cleaned mention (no sentence id or heading flag yet), or None."""
    gaz = ctx["gaz"]
    piece_end = end
    start, end, region_word = _trim_piece(doc, start, end)
    if end <= start:
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
    if not cue and prev is not None and prev.lower_ in PLACE_PREPOSITIONS:
        cue = "in"
    pos = ctx["text"].find(text, span.start_char, span.end_char)
    start_char, end_char = (pos, pos + len(text)) if pos >= 0 else (span.start_char, span.end_char)
    return {
        "_token": span.start,
        "start_char": start_char,
        "end_char": end_char,
        "text": text,
        "label": label,
        "cue": cue,
        "prev_word": prev.lower_ if prev is not None else "",
        "next_word": nxt.lower_ if nxt is not None else "",
        "expansion": ctx["acronyms"].get(text, ""),
    }
