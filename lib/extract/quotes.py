"""Quotes of one Doc: direct quotes and fragments, with their speakers.

Quote marks come from :mod:`lib.nlp.quotemarks` (paragraph by paragraph, so spaCy's
sentence splitter does not matter); speakers from :mod:`lib.nlp.attribution`. A quote split
by its attribution (``“A,” she said. “B.”``) gives two quotes with the same speaker (the
second one is a follow-on); offsets stay exact.

Record keys: ``lib.schema.QUOTE_KEYS``: ``quote`` (text inside the marks, trailing comma
trimmed), ``kind`` (``direct`` | ``fragment``), ``open_ended``, ``start_char`` /
``end_char`` (doc offsets of the quote text), ``sentence`` / ``sent_start_char`` (the
sentence(s) holding the quote and its attribution, never crossing a paragraph), ``verb``
(the reporting verb's lemma, ``according to`` or ``""``), ``speaker_text`` /
``speaker_start`` / ``speaker_end`` (a named entity, or a proper-noun subject the NER
missed; else None), ``speaker_description`` (``the official`` when no name is given) and
``speaker_source`` (:data:`SPEAKER_SOURCES`).

``kind``: a quote is a ``fragment`` when it has fewer than :data:`MIN_DIRECT_WORDS` words
and no finite verb, or when it is embedded in the sentence (not after ``said,`` /
``said:`` / the sentence start) and is not a clause of 5+ words.
"""

from __future__ import annotations

import bisect
import re

from lib.nlp.attribution import DocIndex, quote_speaker
from lib.nlp.pipeline import doc_text
from lib.nlp.quotemarks import find_quote_marks, paragraph_spans

KINDS = ("direct", "fragment")


#: ``speaker_source`` values: how the speaker was found.
SPEAKER_SOURCES = ("subject", "according to", "pronoun", "role", "follow-on", "next quote", "")


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


#: A quote with fewer words than this is a fragment unless it stands as a full clause.
MIN_DIRECT_WORDS = 5


SENTENCE_BREAK = re.compile(r"[.!?][”\"’)]*\s+")


WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace and a trailing comma from ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _is_clause(tokens) -> bool:
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return False
    if any(t.tag_ in FINITE_TAGS for t in words):
        return True
    return words[0].tag_ == "VB"  # imperative: "Stop the war now"


def _prefix_standalone(text: str, lo: int, open_idx: int) -> bool:
    """Is the quote at the start of its sentence or after ``said,`` / ``said:``?"""
    before = text[lo:open_idx]
    cut = 0
    for m in SENTENCE_BREAK.finditer(before):
        cut = m.end()
    before = before[cut:].rstrip()
    if not before or before[-1] in ",:;—–-(":
        return True
    last = before.split()[-1].lower().strip(".,;:")
    return last in {"says", "said", "adds", "added", "writes", "wrote", "stated", "states"}


def _kind(toks, standalone: bool) -> str:
    """``direct`` for full quotes, ``fragment`` for scare quotes and short phrases."""
    words = [t for t in toks if not t.is_punct and not t.is_space]
    clause = _is_clause(toks)
    if standalone:
        return "direct" if clause or len(words) >= MIN_DIRECT_WORDS else "fragment"
    return "direct" if clause and len(words) >= MIN_DIRECT_WORDS else "fragment"


def _find_quotes(doc, text: str, index: DocIndex) -> tuple[list[tuple], list[list]]:
    """Quote spans of every paragraph (with their tokens); quote tokens and marks are
    recorded in ``index.in_quote`` so they are never attribution material."""
    raw = []
    for p_no, (ps, pe) in enumerate(paragraph_spans(text)):
        for open_idx, close_idx, open_ended in find_quote_marks(text, ps, pe):
            start, end = _trim(text, open_idx + 1, close_idx)
            if not WORD.search(text[start:end]):
                continue
            raw.append((p_no, ps, pe, open_idx, close_idx, open_ended, start, end))
    quote_tokens = []
    for item in raw:
        toks = index.tokens_between(item[6], item[7])
        quote_tokens.append(toks)
        index.in_quote.update(t.i for t in toks)
        # the marks themselves are not attribution material either
        for mark in (item[3], item[4]):
            if mark < len(text):
                span = doc.char_span(mark, mark + 1, alignment_mode="expand")
                if span is not None and len(span) == 1 and not WORD.search(span.text):
                    index.in_quote.add(span[0].i)
    return raw, quote_tokens


def _sentence_bounds(doc, text: str) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(ps, pe) for ps, pe in paragraph_spans(text)]  # no parser: paragraphs


def _region(bounds, ends, ps: int, pe: int, open_idx: int, close_idx: int) -> tuple[int, int]:
    """The spaCy sentences overlapping the quote, clipped to its paragraph."""
    lo, hi = open_idx, min(close_idx + 1, pe)
    for s0, s1 in bounds[bisect.bisect_right(ends, open_idx) :]:
        if s0 > close_idx:
            break
        lo = min(lo, max(s0, ps))
        hi = max(hi, min(s1, pe))
    return lo, hi


def _follow_on(results: list[dict], p_no: int, prev_para: int, standalone: bool):
    """A quote with no attribution of its own right after an attributed standalone quote in
    the same or previous paragraph takes that quote's speaker (None when it does not)."""
    if not results or p_no - prev_para > 1 or not results[-1]["_standalone"]:
        return None
    prev = results[-1]
    if not (standalone and (prev["speaker_text"] or prev["speaker_description"])):
        return None
    speaker = (
        (prev["speaker_text"], prev["speaker_start"], prev["speaker_end"])
        if prev["speaker_text"]
        else None
    )
    return prev["verb"], speaker, prev["speaker_description"], "follow-on"


def extract_quotes(doc) -> list[dict]:
    """Quotes of one spaCy Doc as plain dicts (keys ``lib.schema.QUOTE_KEYS``)."""
    text = doc_text(doc)
    index = DocIndex(doc)
    raw, quote_tokens = _find_quotes(doc, text, index)
    if not raw:
        return []
    bounds = _sentence_bounds(doc, text)
    ends = [e for _, e in bounds]
    results: list[dict] = []
    speakers: list[tuple[int, int]] = []
    prev_para = -10
    for n, (p_no, ps, pe, open_idx, close_idx, open_ended, start, end) in enumerate(raw):
        toks = quote_tokens[n]
        lo, hi = _region(bounds, ends, ps, pe, open_idx, close_idx)
        region_tokens = index.tokens_between(lo, hi)
        standalone = _prefix_standalone(text, lo, open_idx)
        kind = _kind(toks, standalone)
        verb, speaker, description, source = quote_speaker(
            toks, region_tokens, index, kind == "fragment", speakers
        )
        if not (verb or speaker or description or source):
            follow = _follow_on(results, p_no, prev_para, standalone)
            if follow is not None:
                verb, speaker, description, source = follow
        if speaker is not None:
            speakers.append((speaker[1], speaker[2]))
        sent_lo, sent_hi = _trim_ws(text, lo, max(hi, end))
        results.append(
            {
                "quote": text[start:end],
                "kind": kind,
                "open_ended": bool(open_ended),
                "start_char": start,
                "end_char": end,
                "sentence": text[sent_lo:sent_hi],
                "sent_start_char": sent_lo,
                "verb": verb,
                "speaker_text": speaker[0] if speaker else None,
                "speaker_start": speaker[1] if speaker else None,
                "speaker_end": speaker[2] if speaker else None,
                "speaker_description": "" if speaker else description,
                "speaker_source": source,
                "_para": p_no,
                "_standalone": standalone,
                "_starts_para": text[ps:open_idx].strip() == "",
            }
        )
        prev_para = p_no
    _backfill_open_ended(results)
    for r in results:
        for key in ("_para", "_starts_para", "_standalone"):
            r.pop(key)
    return results


def _backfill_open_ended(results: list[dict]) -> None:
    """A quote left open at a paragraph end continues in the next paragraph's quote."""
    for i in range(len(results) - 2, -1, -1):
        cur, nxt = results[i], results[i + 1]
        if not cur["open_ended"] or cur["speaker_text"] or cur["speaker_description"]:
            continue
        if nxt["_para"] != cur["_para"] + 1 or not nxt["_starts_para"]:
            continue
        if not (nxt["speaker_text"] or nxt["speaker_description"]):
            continue
        for key in ("speaker_text", "speaker_start", "speaker_end", "speaker_description", "verb"):
            cur[key] = nxt[key]
        cur["speaker_source"] = "next quote"


def _trim_ws(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi
