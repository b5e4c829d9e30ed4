"""Quotes of one Doc: direct quotes and fragments, with their speakers.

Quote marks come from :mod:`lib.nlp.quotemarks` (paragraph by paragraph, so spaCy's
sentence splitter does not matter); speakers from :mod:`lib.nlp.attribution`. A quote split
by its attribution (``“A,” she said. “B.”``) gives two quotes with the same speaker (the
second one is a follow-on); offsets stay exact.

Records: :class:`lib.records.Quote`, whose fields say what each column holds; ``sentence``
is the sentence(s) holding the quote and its attribution, never crossing a paragraph.

``kind``: a quote is a ``fragment`` when it has fewer than :data:`MIN_DIRECT_WORDS` words
and no finite verb, or when it is embedded in the sentence (not after ``said,`` /
``said:`` / the sentence start) and is not a clause of 5+ words.
"""

from __future__ import annotations

import bisect
import re

from lib.extract.name_forms import is_name_quote, is_nickname_quote, is_title_quote
from lib.nlp.attribution import Attributor, empty_record
from lib.nlp.caps import MAX_QUOTES
from lib.nlp.headline import title_end
from lib.nlp.pipeline import doc_text
from lib.nlp.quotemarks import find_quote_marks, paragraph_spans
from lib.records import Quote

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
    before = text[lo:open_idx].rstrip("'`\"“‘ ")  # the first half of a '' or `` mark
    if before.rstrip("”’\"') ").endswith((".", "!", "?")):
        return True  # a new sentence starts with the quote
    cut = 0
    for m in SENTENCE_BREAK.finditer(before):
        cut = m.end()
    before = before[cut:].rstrip()
    if not before or before[-1] in ",:;—–-(":
        return True
    words = before.split()
    if len(words) == 1 and words[0].lower().strip(",") in ("but", "and", "yet", "still"):
        return True  # "But “…”": a sentence that is only the quote
    last = words[-1].lower().strip(".,;:")
    return last in {"says", "said", "adds", "added", "writes", "wrote", "stated", "states"}


#: Short words that end with a full stop without ending a sentence ("Sen.", "U.S.").
ABBREVIATION = re.compile(r"(?:\b[A-Z][A-Za-z]{0,2}|\b(?:[A-Za-z]\.)+[A-Za-z])\.$")


def _starts_sentence(text: str, ps: int, open_idx: int) -> bool:
    """Does the quote open a new sentence of its paragraph: its opening mark comes right
    after a full stop, question or exclamation mark (a closing mark between allowed), not
    after an abbreviation ("Gov.", "U.S.")?"""
    before = text[ps:open_idx].rstrip("'`\"“‘ ").rstrip("”’\"') ")
    return before.endswith((".", "!", "?")) and not ABBREVIATION.search(before)


def _kind(toks, standalone: bool) -> str:
    """``direct`` for full quotes, ``fragment`` for scare quotes and short phrases."""
    words = [t for t in toks if not t.is_punct and not t.is_space]
    clause = _is_clause(toks)
    if standalone:
        return "direct" if clause or len(words) >= MIN_DIRECT_WORDS else "fragment"
    return "direct" if clause and len(words) >= MIN_DIRECT_WORDS else "fragment"


def find_quotes(text: str) -> list[tuple]:
    """Quote spans of every paragraph but the headline (:func:`lib.nlp.headline.title_end`):
    ``(paragraph no, paragraph start, paragraph end, open mark, close mark, open_ended, text
    start, text end)``."""
    raw = []
    seen = 0
    headline = title_end(text)  # never a quote: the headline is the title, not the story
    for p_no, (ps, pe) in enumerate(paragraph_spans(text)):
        if pe <= headline:
            continue
        for open_idx, close_idx, open_ended in find_quote_marks(text, ps, pe):
            if any(
                is_name(text, open_idx, close_idx)
                for is_name in (is_nickname_quote, is_title_quote, is_name_quote)
            ):
                continue  # Thomas "Tam" Okoro, on "Morning Desk", known as "Peg": names
            seen += 1
            if seen > MAX_QUOTES:  # bounded work per document (lib.nlp.caps)
                return raw
            start, end = _trim(text, open_idx + 1, close_idx)
            if WORD.search(text[start:end]):
                raw.append((p_no, ps, pe, open_idx, close_idx, open_ended, start, end))
    return raw


def attributor_for(doc, raw: list[tuple] | None = None) -> Attributor:
    """The attribution engine of ``doc`` with its quotes (found here unless given)."""
    raw = find_quotes(doc_text(doc)) if raw is None else raw
    marks = [m for r in raw for m in (r[3], r[4]) if m < len(doc_text(doc))]
    return Attributor(doc, [(r[6], r[7]) for r in raw], marks)


def _sentence_bounds(doc, text: str) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(ps, pe) for ps, pe in paragraph_spans(text)]  # no parser: paragraphs


#: A short sentence right after a quote that ends its own sentence (“…?” she asked.) is
#: part of the quote's region when it is at most this long.
TAIL_CHARS = 100


def _region(
    bounds, ends, ps: int, pe: int, open_idx: int, close_idx: int, starts_sentence: bool = False
) -> tuple[int, int, tuple[int, int] | None]:
    """The spaCy sentences overlapping the quote, clipped to its paragraph, and a short
    sentence that follows the closing mark directly (the parser often splits “…?” X asked.)
    as its (start, end), else None. A quote that ``starts_sentence`` (:func:`_starts_sentence`)
    keeps nothing before its opening mark, though the parser may hang that mark on the
    sentence before it (whose words are no tag of this quote)."""
    lo, hi = open_idx, min(close_idx + 1, pe)
    floor = open_idx if starts_sentence else ps  # "… Mrs. Roe. ''He would …'': not before
    k = bisect.bisect_right(ends, open_idx)
    while k < len(bounds) and bounds[k][0] <= close_idx:  # no slice copy: linear in quotes
        s0, s1 = bounds[k]
        lo = min(lo, max(s0, floor))
        hi = max(hi, min(s1, pe))
        k += 1
    if k < len(bounds):
        s0, s1 = bounds[k]
        if s0 - hi <= 2 and s1 <= pe and s1 - s0 <= TAIL_CHARS and hi <= close_idx + 2:
            return lo, hi, (s0, s1)
    return lo, hi, None


#: A tag that introduces the quote after it: "Roe said:" before an opening mark.
COLON_TAG = re.compile(r"[^!?:“”\"]{1,80}:\s*[“\"'‘`]")


def _before_next_tag(text: str, close_idx: int, hi: int) -> int:
    """The end of a quote's region: words after a quote that closes its own sentence (“….”)
    and end with a colon before the next quote (“We are not.” Roe said: “…”) introduce that
    next quote, so the region stops at the closing mark; else ``hi``."""
    if not text[:close_idx].rstrip("'’”\" ").endswith((".", "!", "?")):
        return hi
    mark_end = close_idx + 2 if text[close_idx : close_idx + 2] == "''" else close_idx + 1
    if mark_end < hi and COLON_TAG.match(text, mark_end, min(len(text), hi + 3)):
        return mark_end
    return hi


def _says_its_own(tail_tokens, att) -> bool:
    """Does a short sentence after a quote report words of its own ("Roe said he had warned
    them."), so that it is no tag of the quote before it? True when its reporting verb has
    a content clause outside any quote."""
    from lib.nlp.clauses import _reporting, says_its_own

    return any(
        tok.i not in att.in_quote
        and tok.pos_ == "VERB"
        and _reporting(tok)
        and says_its_own(tok, att)
        for tok in tail_tokens
    )


def extract_quotes(doc, attributor: Attributor | None = None) -> list[Quote]:
    """Quotes of one spaCy Doc as :class:`~lib.records.Quote` records.

    ``attributor`` (optional) is the Doc's attribution engine, already holding its quotes;
    the figures of the same Doc reuse it so a figure inside a quote gets that quote's speaker.
    """
    text = doc_text(doc)
    raw = find_quotes(text)
    if not raw:
        return []
    att = attributor if attributor is not None else attributor_for(doc, raw)
    bounds = _sentence_bounds(doc, text)
    ends = [e for _, e in bounds]
    results: list[Quote] = []
    paragraphs: list[tuple[int, bool]] = []  # per quote: paragraph number, starts it
    for p_no, ps, pe, open_idx, close_idx, open_ended, start, end in raw:
        toks = att.tokens_between(start, end)
        new_sentence = _starts_sentence(text, ps, open_idx)
        lo, hi, tail = _region(bounds, ends, ps, pe, open_idx, close_idx, new_sentence)
        if tail is not None and not _says_its_own(att.tokens_between(*tail), att):
            hi = tail[1]  # not "“…” X said he had …": X's own words, no tag of the quote
        hi = _before_next_tag(text, close_idx, hi)
        region_tokens = att.tokens_between(lo, hi)
        standalone = _prefix_standalone(text, lo, open_idx)
        kind = _kind(toks, standalone)
        source = att.for_quote(
            toks,
            region_tokens,
            span=(start, end),
            paragraph=p_no,
            standalone=standalone,
            fragment=kind == "fragment",
            open_idx=open_idx,
            close_idx=close_idx,
            region_end=hi,
        )
        sent_lo, sent_hi = _trim_ws(text, lo, max(hi, end))
        results.append(
            Quote(
                quote=text[start:end],
                kind=kind,
                open_ended=bool(open_ended),
                start_char=start,
                end_char=end,
                sentence=text[sent_lo:sent_hi],
                sent_start_char=sent_lo,
                verb=source.verb if source is not None else "",
                verb_text=_verb_as_written(region_tokens, start, end, source)
                or _verb_as_written(att.tokens_between(max(0, lo - 600), lo), start, end, source),
                **(source.record("speaker") if source is not None else empty_record("speaker")),
            )
        )
        paragraphs.append((p_no, text[ps:open_idx].strip() == ""))
    _backfill_open_ended(results, paragraphs)
    return results


def _verb_as_written(tokens, start: int, end: int, source) -> str:
    """The reporting verb as the article writes it ("labelled", "told"): the token of the
    source's verb (a lemma) among ``tokens`` nearest the quote, outside it; "according to"
    as it is; "" when the source has no verb or ``tokens`` hold none (the caller then looks
    in the text just before, where a speaker carried over from an earlier sentence spoke)."""
    lemma = source.verb if source is not None else ""
    if not lemma or " " in lemma:
        return lemma
    found = [t for t in tokens if not start <= t.idx < end and t.lemma_.lower() == lemma]
    if not found:
        return ""
    best = min(found, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
    return best.text.lower()  # "Said Okafor: …" reads "said" among the others


def _named(rec: Quote) -> bool:
    return bool(rec.speaker_text or rec.speaker_description)


def _backfill_open_ended(results: list[Quote], paragraphs: list[tuple[int, bool]]) -> None:
    """A quote left open at a paragraph end continues in the next paragraph's quote.
    ``paragraphs``: per quote, its paragraph number and whether it starts the paragraph."""
    keys = [*empty_record("speaker"), "verb", "verb_text"]
    for i in range(len(results) - 2, -1, -1):
        cur, nxt = results[i], results[i + 1]
        if not cur.open_ended or _named(cur) or not _named(nxt):
            continue
        if paragraphs[i + 1][0] != paragraphs[i][0] + 1 or not paragraphs[i + 1][1]:
            continue
        for key in keys:
            setattr(cur, key, getattr(nxt, key))
        cur.speaker_how = "next quote"


def _trim_ws(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi
