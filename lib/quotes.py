"""Quotes layer: direct quotes, their speakers, cross-outlet alignment and diffs.

Public functions:

- ``extract_quotes(doc)``: quotes of one spaCy ``Doc`` as plain dicts (keys in
  :data:`QUOTE_KEYS`); no spaCy objects escape.
- ``group_quotes(df)``: align quotes across documents (adds ``group_id``,
  ``group_size``).
- ``word_diff(a, b)`` / ``diff_html(a, b)``: word-level differences between two
  versions of a quote (the HTML is fully escaped).
- ``speaker_matrix(df, direct_only=False)``: speaker x outlet quote counts.

Quote finding works on characters, paragraph by paragraph (paragraphs are
separated by blank lines), so it does not depend on spaCy's sentence splitter:
straight ``"..."`` and curly ``“...”`` double quotes, and curly single
``‘...’`` quotes outside double quotes when the closing mark is clearly not an
apostrophe. A quote whose closing mark is missing ends at the end of its
paragraph (or where the next opening mark starts) and has ``open_ended=True``.

A quote split by its attribution (``“A,” she said. “B.”``) gives two quotes with
the same speaker (the second one is a follow-on), offsets stay exact.

Each quote dict: ``quote`` (text inside the marks, trailing comma trimmed),
``kind`` (``direct`` | ``fragment``), ``open_ended``, ``start_char`` /
``end_char`` (doc offsets of the quote text), ``sentence`` / ``sent_start_char``
(the sentence(s) holding the quote and its attribution, never crossing a
paragraph), ``verb`` (the reporting verb's *lemma*: ``say``, ``tell``, ``add``,
``warn`` ...; ``according to``; or ``""``), ``speaker_text`` / ``speaker_start``
/ ``speaker_end`` (a named entity from ``doc.ents``, possessive and leading
article cut like ``lib.entities`` mentions, or a proper-noun subject the NER
missed; else None), ``speaker_description`` (``the official`` when no name is
given, else ``""``) and ``speaker_source`` (:data:`SPEAKER_SOURCES`).

``kind``: a quote is a ``fragment`` when it has fewer than
:data:`MIN_DIRECT_WORDS` words and no finite verb, or when it is embedded in the
sentence (not after ``said,`` / ``said:`` / the sentence start) and is not a
clause of 5+ words (``labelled the reports as "fake news"``).

Speakers come from the dependency parse: the subject of the reporting verb that
governs the quote (or whose clause the quote heads), ``said X`` inversions,
``according to X``, appositives (``X's spokesman Jane Doe said`` gives the
PERSON in the subject, not the possessor), pronouns (``he said``) resolved to
the most recent PERSON that was a subject or speaker before it, and follow-on
quotes (a quote with no attribution of its own right after an attributed quote
in the same or previous paragraph). When the subject holds no name, its
description is kept (``One local farmer``) and ``speaker_text`` is None.
"""

from __future__ import annotations

import bisect
import difflib
import html
import re

import pandas as pd
from rapidfuzz import fuzz

from lib.entities import clean_entity_text
from lib.pipeline import doc_text

#: Keys of each dict returned by :func:`extract_quotes`.
QUOTE_KEYS = [
    "quote",
    "kind",
    "open_ended",
    "start_char",
    "end_char",
    "sentence",
    "sent_start_char",
    "verb",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "speaker_description",
    "speaker_source",
]
#: Columns :func:`group_quotes` adds.
GROUP_COLUMNS = ["group_id", "group_size"]
KINDS = ("direct", "fragment")
#: ``speaker_source`` values: how the speaker was found.
SPEAKER_SOURCES = ("subject", "according to", "pronoun", "role", "follow-on", "next quote", "")

#: Lemmas of verbs that introduce or attribute speech.
REPORT_VERBS = frozenset(
    """say tell add warn state write claim confirm insist stress urge note explain argue
    declare announce emphasize emphasise underscore tweet post reply respond ask answer admit
    acknowledge deny comment remark recall suggest conclude describe call label quote promise
    vow pledge predict caution complain accuse allege assert contend maintain report reveal
    shout joke concede observe point highlight cite decry characterize characterise brand
    dismiss term dub condemn criticize criticise praise welcome demand question wonder lament
    reiterate repeat testify boast threaten signal indicate agree disagree recount mention
    exclaim murmur whisper yell scream speak continue summarize summarise""".split()
)
#: Verbs that take an inverted subject after a quote (``"...," said the official``).
INVERSION_VERBS = frozenset(
    "say add write state explain continue ask reply respond note warn argue insist recall "
    "conclude declare claim".split()
)
#: Subject pronouns resolved to a PERSON.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: A quote with fewer words than this is a fragment unless it stands as a full clause.
MIN_DIRECT_WORDS = 5

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
SENTENCE_BREAK = re.compile(r"[.!?][”\"’)]*\s+")
WORD = re.compile(r"[^\W_]+", re.UNICODE)
OPEN_CONTEXT = set("([{—–-/")
CLOSE_CONTEXT = set(".,;:!?)]}—–-/…")


# ---------------------------------------------------------------------------
# finding quote marks
# ---------------------------------------------------------------------------


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the paragraphs of ``text`` (blank-line separated)."""
    spans = []
    pos = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _straight_role(text: str, i: int, start: int, end: int) -> tuple[bool, bool]:
    """(opener_like, closer_like) for a straight double quote at ``i``."""
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    opener = (prev.isspace() or prev in OPEN_CONTEXT or i == start) and not nxt.isspace()
    closer = not prev.isspace() and (nxt.isspace() or nxt in CLOSE_CONTEXT or i + 1 >= end)
    return opener, closer


def _single_close(text: str, i: int, end: int) -> int | None:
    """Index of the ’ closing a ‘ at ``i`` when it is clearly a quote, else None."""
    limit = min(end, i + 300)
    j = i + 1
    while j < limit:
        ch = text[j]
        if ch in '‘“”"\n':
            return None
        if ch == "’" and not text[j - 1].isspace() and j > i + 1:
            nxt = text[j + 1] if j + 1 < end else " "
            if not nxt.isalnum():
                return j
        j += 1
    return None


def find_quote_marks(text: str, start: int = 0, end: int | None = None) -> list[tuple]:
    """Quote spans in ``text[start:end]`` (one paragraph).

    Returns ``(open_idx, close_idx, open_ended)`` tuples; ``close_idx`` is the
    index of the closing mark, or where the quote text stops when open-ended.
    """
    end = len(text) if end is None else end
    found: list[tuple] = []
    current: int | None = None  # index of the open double-quote mark
    i = start
    while i < end:
        ch = text[i]
        if ch == "“":
            if current is not None:
                found.append((current, _back_to_space(text, i, current), True))
            current = i
        elif ch == "”":
            if current is not None:
                found.append((current, i, False))
                current = None
        elif ch == '"':
            opener, closer = _straight_role(text, i, start, end)
            if current is None:
                prev = text[i - 1] if i > start else " "
                if (opener or not closer) and not prev.isdigit():
                    current = i
            elif opener and not closer:
                found.append((current, _back_to_space(text, i, current), True))
                current = i
            else:
                found.append((current, i, False))
                current = None
        elif ch == "‘" and current is None:
            prev = text[i - 1] if i > start else " "
            if prev.isspace() or prev in OPEN_CONTEXT:
                close = _single_close(text, i, end)
                if close is not None:
                    found.append((i, close, False))
                    i = close
        i += 1
    if current is not None:
        found.append((current, end, True))
    return found


def _back_to_space(text: str, i: int, floor: int) -> int:
    """Where an unclosed quote stops when a new opening mark appears at ``i``."""
    j = i
    while j > floor + 1 and text[j - 1].isspace():
        j -= 1
    return j


# ---------------------------------------------------------------------------
# per-document extraction
# ---------------------------------------------------------------------------


class _DocIndex:
    """Token-level lookups shared by every quote of one Doc."""

    def __init__(self, doc):
        self.doc = doc
        self.ent_of: dict[int, object] = {}
        for ent in doc.ents:
            for tok in ent:
                self.ent_of[tok.i] = ent
        self.in_quote: set[int] = set()
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]

    def tokens_between(self, start: int, end: int) -> list:
        """Tokens whose first character lies in [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        return [t for t in span if start <= t.idx < end]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace and a trailing comma from ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _entity_offsets(ent) -> tuple[str, int, int] | None:
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
    # search the span's own text: Doc.text joins every token on each access
    span_text = span.text
    pos = span_text.find(text)
    if pos < 0:  # cleaning changed the text (e.g. added a full stop): keep the raw span
        raw = span_text.strip()
        pos = span_text.find(raw)
        text = raw
    pos = span.start_char + pos if pos >= 0 else -1
    return text, pos, pos + len(text)


def _subject(verb, index: _DocIndex):
    """Subject token of ``verb`` (relative pronouns replaced by their antecedent)."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.i not in index.in_quote:
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.head.i < verb.i:
        # "Jane Doe, a former minister ..., called" misparsed as a clause on the noun
        if verb.head.pos_ in ("PROPN", "NOUN") and verb.head.i not in index.in_quote:
            return verb.head
    return None


def _inverted_subject(verb, index: _DocIndex):
    """``said the official`` parsed without nsubj: the noun right after the verb."""
    doc = verb.doc
    if verb.lemma_.lower() not in INVERSION_VERBS:
        return None
    for child in verb.children:
        if child.i <= verb.i or child.i in index.in_quote:
            continue
        if child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd") and child.pos_ in (
            "PROPN",
            "NOUN",
        ):
            between = doc[verb.i + 1 : child.left_edge.i]
            if all(t.is_punct or t.is_space for t in between):
                return child
    return None


def _description(subj, floor: int) -> str:
    """The subject noun with its left modifiers: ``One local farmer``."""
    start = max(subj.left_edge.i, floor)
    toks = list(subj.doc[start : subj.i + 1])
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    if not toks:
        return ""
    text = doc_text(subj.doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
    return " ".join(text.split())


def _name_for(subj, index: _DocIndex):
    """Named entity span standing for the subject token, or None."""
    ent = index.ent_of.get(subj.i)
    if ent is not None and ent.label_ in SPEAKER_LABELS:
        return ent
    candidates = []
    for child in subj.children:
        if child.dep_ in ("appos", "compound", "flat", "nmod") and child.i not in index.in_quote:
            c_ent = index.ent_of.get(child.i)
            if c_ent is not None and c_ent.label_ == "PERSON":
                if child.dep_ == "appos" or c_ent.end > subj.i or c_ent.end == subj.i:
                    candidates.append(c_ent)
    return candidates[0] if candidates else None


def _resolve_pronoun(pron, index: _DocIndex, speakers: list[tuple[int, int]]):
    """Most recent PERSON before ``pron`` that was a subject or speaker (else any)."""
    best_pref = None
    best_any = None
    speaker_starts = {s for s, _ in speakers}
    for ent in index.persons:
        if ent.end_char > pron.idx:
            break
        if any(t.i in index.in_quote for t in ent):
            continue
        best_any = ent
        is_speaker = any(ent.start_char <= s < ent.end_char for s in speaker_starts)
        root = ent.root
        is_subject = root.dep_ in SUBJECT_DEPS or (
            root.dep_ in ("appos", "compound") and root.head.dep_ in SUBJECT_DEPS
        )
        if is_subject or is_speaker:
            best_pref = ent
    return best_pref or best_any


def _climb(tokens, region: set[int], index: _DocIndex, fragment: bool):
    """Reporting verb and subject reached by climbing heads from the quote's tokens.

    Along the chain of heads outside the quote, the subject of the first reporting
    verb that has one wins; fragments fall back to the subject of any verb
    (``The ministry dismissed the claims as "fake news"``). A direct quote stops at
    a non-reporting clause with its own subject.
    """
    qset = {t.i for t in tokens}
    best = None  # (rank, chain_length, verb, subject)
    for tok in tokens:
        if tok.head.i in qset or tok.head.i == tok.i:
            continue
        h = tok.head
        first_report = first_verb = None
        fallback = None
        steps = 0
        while h.i in region and steps < 15:
            steps += 1
            if h.pos_ in ("VERB", "AUX") and h.i not in index.in_quote:
                is_report = h.lemma_.lower() in REPORT_VERBS
                first_verb = first_verb or h
                if is_report:
                    first_report = first_report or h
                subj = _subject(h, index)
                if subj is None and is_report and h.i > tok.i:
                    subj = _inverted_subject(h, index)
                if subj is not None and is_report:
                    cand = (0, steps, first_report, subj)
                    break
                if subj is not None:
                    if not fragment and first_report is None:
                        cand = None
                        break
                    fallback = fallback or (1, steps, first_report or first_verb, subj)
            if h.head.i == h.i:
                cand = None
                break
            h = h.head
        else:
            cand = None
        cand = cand or (fallback if fragment else None)
        if cand is not None and (best is None or cand[:2] < best[:2]):
            best = cand
    return None if best is None else (best[2], best[3], best[0])


def _children_verb(tokens, region: set[int], index: _DocIndex):
    """A reporting verb outside the quote hanging from a quote token (parataxis)."""
    qset = {t.i for t in tokens}
    for tok in tokens:
        for child in tok.children:
            if (
                child.i not in qset
                and child.i in region
                and child.i not in index.in_quote
                and child.pos_ == "VERB"
                and child.lemma_.lower() in REPORT_VERBS
            ):
                subj = _subject(child, index) or _inverted_subject(child, index)
                if subj is not None:
                    return child, subj, 0
    return None


def _nearby_verb(q_first: int, q_last: int, region_tokens, index: _DocIndex):
    """Positional fallback: a reporting verb within a few tokens of the quote."""
    best = None
    for tok in region_tokens:
        if tok.i in index.in_quote or tok.pos_ != "VERB":
            continue
        if tok.lemma_.lower() not in REPORT_VERBS:
            continue
        if tok.i > q_last:
            gap = range(q_last + 1, tok.i)
        else:
            gap = range(tok.i + 1, q_first)
        if len(gap) > 6 or any(g in index.in_quote for g in gap):
            continue
        subj = _subject(tok, index)
        if subj is None and tok.i > q_last:
            subj = _inverted_subject(tok, index)
        if subj is None:
            continue
        dist = len(gap)
        if best is None or dist < best[0]:
            best = (dist, tok, subj)
    return None if best is None else (best[1], best[2], 0)


def _according_to(region_tokens, index: _DocIndex):
    """``according to X`` outside quotes: the object of ``to``."""
    doc = index.doc
    for tok in region_tokens:
        if tok.lower_ != "according" or tok.i in index.in_quote or tok.i + 1 >= len(doc):
            continue
        to = doc[tok.i + 1]
        if to.lower_ != "to":
            continue
        for child in to.children:
            if child.dep_ == "pobj":
                return child
        j = to.i + 1
        while j < len(doc) and not doc[j].is_punct:
            j += 1
        if j > to.i + 1 and doc[j - 1].pos_ in ("PROPN", "NOUN"):
            return doc[j - 1]
    return None


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


def extract_quotes(doc) -> list[dict]:
    """Quotes of one spaCy Doc as plain dicts (keys :data:`QUOTE_KEYS`)."""
    text = doc_text(doc)
    index = _DocIndex(doc)
    raw = []
    for p_no, (ps, pe) in enumerate(paragraph_spans(text)):
        for open_idx, close_idx, open_ended in find_quote_marks(text, ps, pe):
            start, end = _trim(text, open_idx + 1, close_idx)
            if not WORD.search(text[start:end]):
                continue
            raw.append((p_no, ps, pe, open_idx, close_idx, open_ended, start, end))
    if not raw:
        return []
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

    if doc.has_annotation("SENT_START"):
        sent_bounds = [(s.start_char, s.end_char) for s in doc.sents]
    else:  # no parser/senter: each paragraph is one "sentence"
        sent_bounds = [(ps, pe) for ps, pe in paragraph_spans(text)]
    sent_ends = [e for _, e in sent_bounds]
    results: list[dict] = []
    speakers: list[tuple[int, int]] = []
    prev_para = -10
    for n, (p_no, ps, pe, open_idx, close_idx, open_ended, start, end) in enumerate(raw):
        toks = quote_tokens[n]
        # sentence region: spaCy sentences overlapping the quote, clipped to the paragraph
        lo, hi = open_idx, min(close_idx + 1, pe)
        for s0, s1 in sent_bounds[bisect.bisect_right(sent_ends, open_idx) :]:
            if s0 > close_idx:
                break
            lo = min(lo, max(s0, ps))
            hi = max(hi, min(s1, pe))
        region_tokens = index.tokens_between(lo, hi)
        region = {t.i for t in region_tokens}
        standalone = _prefix_standalone(text, lo, open_idx)
        kind = _kind(toks, standalone)
        verb = ""
        speaker_ent = None
        description = ""
        source = ""
        subj = None
        found = _climb(toks, region, index, kind == "fragment")
        weak = found is not None and found[2] > 0  # subject of a non-reporting verb
        if found is None or weak:
            found = _children_verb(toks, region, index) or found
        if found is None and toks:
            found = _nearby_verb(toks[0].i, toks[-1].i, region_tokens, index)
        acc = None
        if found is None or found[2] > 0:
            acc = _according_to(region_tokens, index)
        if acc is not None:
            verb, subj, source = "according to", acc, "according to"
        elif found is not None:
            verb, subj, source = found[0].lemma_.lower(), found[1], "subject"
        speaker = None
        if subj is not None:
            if subj.lower_ in PERSON_PRONOUNS:
                ent = _resolve_pronoun(subj, index, speakers)
                speaker = _entity_offsets(ent) if ent is not None else None
                source = "pronoun" if speaker else source
            elif subj.pos_ == "PRON":
                description = ""  # "they said", "it said": no one to name
            else:
                speaker_ent = _name_for(subj, index)
                speaker = _entity_offsets(speaker_ent) if speaker_ent is not None else None
                if speaker is None:
                    speaker = _proper_noun(subj, index)
                if speaker is None:
                    floor = toks[-1].i + 1 if toks and subj.i > toks[-1].i else 0
                    if region_tokens:
                        floor = max(floor, region_tokens[0].i)
                    description = _description(subj, floor)
                    if _is_role_reference(subj, description):
                        # "the NATO chief said": the role names someone already named
                        ent = _resolve_pronoun(subj, index, speakers)
                        speaker = _entity_offsets(ent) if ent is not None else None
                        source = "role" if speaker else source
        elif results and p_no - prev_para <= 1 and results[-1]["_standalone"]:
            prev = results[-1]
            if standalone and (prev["speaker_text"] or prev["speaker_description"]):
                speaker = (
                    (prev["speaker_text"], prev["speaker_start"], prev["speaker_end"])
                    if prev["speaker_text"]
                    else None
                )
                description = prev["speaker_description"]
                verb = prev["verb"]
                source = "follow-on"
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


def _is_role_reference(subj, description: str) -> bool:
    """A definite singular job title standing for a person: "the NATO chief", "the minister"."""
    from lib.gazetteer import gazetteer

    if not description.lower().startswith("the ") or subj.tag_ not in ("NN", "NNP"):
        return False
    heads = {w.lower() for w in gazetteer().titles["head"]}
    return subj.lower_ in heads


def _proper_noun(subj, index: _DocIndex):
    """A capitalised proper-noun subject the NER missed (``Kuleba said``)."""
    if subj.pos_ != "PROPN" or not subj.text[:1].isupper():
        return None
    left = subj.i
    while left > 0:
        prev = subj.doc[left - 1]
        if prev.pos_ == "PROPN" and prev.head.i == subj.i and prev.dep_ in ("compound", "flat"):
            left -= 1
        else:
            break
    span = subj.doc[left : subj.i + 1]
    text = clean_entity_text(span.text, "PERSON")
    if text is None:
        return None
    offset = max(span.text.find(text), 0)
    return text, span.start_char + offset, span.start_char + offset + len(text)


def _kind(toks, standalone: bool) -> str:
    """``direct`` for full quotes, ``fragment`` for scare quotes and short phrases."""
    words = [t for t in toks if not t.is_punct and not t.is_space]
    clause = _is_clause(toks)
    if standalone:
        return "direct" if clause or len(words) >= MIN_DIRECT_WORDS else "fragment"
    return "direct" if clause and len(words) >= MIN_DIRECT_WORDS else "fragment"


# ---------------------------------------------------------------------------
# cross-document alignment
# ---------------------------------------------------------------------------

#: Same words whoever is named as the speaker: full-string ratio / partial ratio.
STRONG_RATIO = 88
STRONG_PARTIAL = 95
#: Looser match accepted only when the speakers agree (or one is unknown).
LOOSE_SET_RATIO = 80
LOOSE_PARTIAL = 85
#: The shorter quote needs this many words for a containment (partial) match.
MIN_PARTIAL_WORDS = 3

_NORMALISE = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def normalise_quote(text: str) -> str:
    """Lower-case words only (quotes/apostrophes unified, punctuation dropped)."""
    text = str(text).translate(_NORMALISE).lower()
    return " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)*", text))


def _speaker_key(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return " ".join(str(value).lower().split())


def _speakers_agree(a: str, b: str) -> bool:
    if not a or not b or a == b:
        return True
    # "Doe" vs "Jane Doe": one name's words contained in the other's
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def quotes_match(a: str, b: str, speaker_a: str = "", speaker_b: str = "") -> bool:
    """Do two (normalised) quotes say the same thing? Speakers as lower-case keys."""
    if not a or not b:
        return False
    if a == b:
        return True
    short = min(len(a.split()), len(b.split()))
    if fuzz.ratio(a, b) >= STRONG_RATIO:
        return True
    partial = fuzz.partial_ratio(a, b) if short >= MIN_PARTIAL_WORDS else 0
    if partial >= STRONG_PARTIAL and short >= MIN_DIRECT_WORDS:
        return True
    if not _speakers_agree(speaker_a, speaker_b):
        return False
    if speaker_a and speaker_b and short >= 2:
        shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
        if f" {shorter} " in f" {longer} ":
            return True  # the same speaker's phrase quoted whole inside a longer quote
    if partial >= LOOSE_PARTIAL:
        return True
    return short >= MIN_DIRECT_WORDS and fuzz.token_set_ratio(a, b) >= max(
        LOOSE_SET_RATIO, 100 - 2 * short
    )


#: Above this many quotes, only pairs sharing a word pair (or, for one-word phrases, a word)
#: are compared; below it every pair is, exactly as before.
BLOCKING_MIN = 400
#: A word pair shared by more quotes than this ("of the") proposes no candidates.
BLOCKING_MAX_BUCKET = 200


class _Candidates:
    """Which quotes are worth comparing with :func:`quotes_match`.

    Every match shares wording, so for large corpora candidates come from an inverted index
    of adjacent word pairs (single words for one-word phrases) instead of all n² pairs.
    ``after(i, rows)`` yields candidates after ``i`` in ``rows`` order; ``among(i, rows)`` all
    candidates in ``rows`` order. Disabled, both yield every row (exact, for small corpora).
    """

    def __init__(self, texts: list[str], enabled: bool) -> None:
        self.texts = texts
        self.enabled = enabled
        self.buckets: dict[tuple, list[int]] = {}
        self.position: dict[int, int] = {}

    def _grams(self, i: int) -> set[tuple]:
        words = self.texts[i].split()
        grams = set(zip(words, words[1:], strict=False))
        return grams | {(w,) for w in words} if len(words) < 3 else grams

    def index(self, rows: list[int]) -> None:
        self.buckets = {}
        self.position = {i: k for k, i in enumerate(rows)}
        if not self.enabled:
            return
        for i in rows:
            words = self.texts[i].split()
            grams = set(zip(words, words[1:], strict=False)) | {(w,) for w in words}
            for g in grams:
                self.buckets.setdefault(g, []).append(i)

    def _near(self, i: int) -> set[int]:
        found: set[int] = set()
        for g in self._grams(i):
            bucket = self.buckets.get(g, ())
            if len(bucket) <= BLOCKING_MAX_BUCKET:
                found.update(bucket)
        found.discard(i)
        return found

    def after(self, i: int, rows: list[int]):
        k = self.position[i]
        if not self.enabled:
            return rows[k + 1 :]
        return sorted((j for j in self._near(i) if self.position[j] > k), key=self.position.get)

    def among(self, i: int, rows: list[int]):
        if not self.enabled:
            return rows
        if set(rows) != set(self.position):
            self.index(rows)
        return sorted(self._near(i) & set(rows), key=self.position.get)


def group_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """Align quotes across documents: adds ``group_id`` ("Q01", ...) and ``group_size``.

    Two quotes join a group when their normalised texts match
    (:func:`quotes_match`): near-identical wording groups whatever the speakers;
    looser matches (a trimmed quote inside a longer one, reworded passages) need
    the ``speaker`` values to agree or one to be missing. Groups are transitive
    (union-find) among full quotes (5+ words); a shorter phrase joins only its
    best-matching full quote, so a common phrase never bridges two different
    quotes. ``group_size`` is the number of distinct ``doc_id`` values in
    the group. Groups are numbered by size (largest first), then by first
    appearance. Input rows and index are kept; the input is not modified.
    """
    out = quotes.copy()
    n = len(out)
    if n == 0:
        out["group_id"] = pd.Series(dtype="object")
        out["group_size"] = pd.Series(dtype="int64")
        return out
    texts = [normalise_quote(q) for q in out["quote"].tolist()]
    speakers = [_speaker_key(s) for s in out["speaker"].tolist()] if "speaker" in out else [""] * n
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    long_q = [len(t.split()) >= MIN_DIRECT_WORDS for t in texts]
    has_long = list(long_q)

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[rj] = ri
            has_long[ri] = has_long[ri] or has_long[rj]

    # Matching depends only on (text, speaker): compare each distinct pair of keys once
    # (a corpus where agencies' copy repeats the same quotes stays linear).
    keys = list(zip(texts, speakers, strict=True))
    memo: dict[tuple, bool] = {}

    def match(i: int, j: int) -> bool:
        pair = (keys[i], keys[j])
        hit = memo.get(pair)
        if hit is None:
            hit = memo[pair] = quotes_match(texts[i], texts[j], speakers[i], speakers[j])
        return hit

    first_long: dict[tuple, int] = {}  # key -> first row with it, in row order
    for i in range(n):
        if not long_q[i]:
            continue
        if keys[i] in first_long:
            if texts[i]:  # identical non-empty quotes always match
                union(first_long[keys[i]], i)
        else:
            first_long[keys[i]] = i
    reps = list(first_long.values())
    near = _Candidates(texts, enabled=len(keys) > BLOCKING_MIN)
    # 1. full quotes with each other (transitive)
    near.index(reps)
    for i in reps:
        for j in near.after(i, reps):
            if find(i) != find(j) and match(i, j):
                union(i, j)
    # 2. a short phrase joins its single best-matching full quote (never bridges two);
    #    ties go to the earliest row, and rows sharing a key are already one group
    best_of: dict[tuple, int | None] = {}
    for i in range(n):
        if long_q[i]:
            continue
        if keys[i] not in best_of:
            best, best_score = None, -1.0
            for j in near.among(i, reps):
                if match(i, j):
                    score = fuzz.partial_ratio(texts[i], texts[j])
                    if score > best_score:
                        best, best_score = j, score
            best_of[keys[i]] = best
        best = best_of[keys[i]]
        if best is not None:
            union(best, i)
    # 3. short phrases with each other, unless that would merge two full-quote groups
    short = [i for i in range(n) if not long_q[i]]
    near.index(short)
    for i in short:
        for j in near.after(i, short):
            ri, rj = find(i), find(j)
            if ri == rj or (has_long[ri] and has_long[rj]):
                continue
            if match(i, j):
                union(i, j)
    roots = [find(i) for i in range(n)]
    doc_ids = out["doc_id"].tolist() if "doc_id" in out else list(range(n))
    members: dict[int, list[int]] = {}
    for i, r in enumerate(roots):
        members.setdefault(r, []).append(i)
    sizes = {r: len({doc_ids[i] for i in rows}) for r, rows in members.items()}
    order = sorted(members, key=lambda r: (-sizes[r], min(members[r])))
    width = max(2, len(str(len(order))))
    names = {r: f"Q{k + 1:0{width}d}" for k, r in enumerate(order)}
    out["group_id"] = [names[r] for r in roots]
    out["group_size"] = [sizes[r] for r in roots]
    return out


# ---------------------------------------------------------------------------
# word-level differences
# ---------------------------------------------------------------------------

_DIFF_TOKEN = re.compile(r"\s*(?:[^\W_]+(?:['’][^\W_]+)*|[^\w\s])", re.UNICODE)


def _diff_tokens(text: str) -> list[str]:
    """Tokens keeping their leading whitespace, so ``"".join`` gives the text back."""
    text = str(text)
    tokens = _DIFF_TOKEN.findall(text)
    rest = text[sum(len(t) for t in tokens) :]
    if rest:
        tokens.append(rest)
    return tokens


def _diff_key(token: str) -> str:
    return token.strip().translate(_NORMALISE).lower()


def _opcodes(a: str, b: str):
    ta, tb = _diff_tokens(a), _diff_tokens(b)
    matcher = difflib.SequenceMatcher(
        None, [_diff_key(t) for t in ta], [_diff_key(t) for t in tb], autojunk=False
    )
    return ta, tb, matcher.get_opcodes()


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level diff of ``a`` -> ``b`` as ``(op, text)`` with op in equal/delete/insert.

    Case, curly vs straight quotes and spacing are ignored when comparing; the
    text of ``equal`` pieces comes from ``a``. A replacement is a ``delete``
    followed by an ``insert``.
    """
    ta, tb, codes = _opcodes(a, b)
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal":
            ops.append(("equal", "".join(ta[i1:i2]).strip()))
            continue
        if i2 > i1:
            ops.append(("delete", "".join(ta[i1:i2]).strip()))
        if j2 > j1:
            ops.append(("insert", "".join(tb[j1:j2]).strip()))
    return ops


def _wrap(tokens: list[str], tag: str) -> str:
    """Escape a run of tokens, keeping leading whitespace outside the tag."""
    text = "".join(tokens)
    stripped = text.lstrip()
    lead = text[: len(text) - len(stripped)]
    return html.escape(lead) + f"<{tag}>" + html.escape(stripped) + f"</{tag}>"


def diff_html(a: str, b: str) -> tuple[str, str]:
    """Two HTML strings: ``a`` with removed words in ``<del>``, ``b`` with added words
    in ``<ins>``. Every piece of text is ``html.escape``-d, so the result is safe to
    render with ``unsafe_allow_html``."""
    ta, tb, codes = _opcodes(a, b)
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal":
            left.append(html.escape("".join(ta[i1:i2])))
            right.append(html.escape("".join(tb[j1:j2])))
            continue
        if i2 > i1:
            left.append(_wrap(ta[i1:i2], "del"))
        if j2 > j1:
            right.append(_wrap(tb[j1:j2], "ins"))
    return "".join(left).strip(), "".join(right).strip()


# ---------------------------------------------------------------------------
# speaker x outlet
# ---------------------------------------------------------------------------

UNATTRIBUTED = "(unattributed)"


def speaker_matrix(
    quotes: pd.DataFrame, direct_only: bool = False, include_unattributed: bool = True
) -> pd.DataFrame:
    """Quote counts per speaker (rows) and outlet (columns).

    By default every quote counts, direct quotes and fragments alike (a scare
    quote is still words an outlet chose to put in someone's mouth);
    ``direct_only=True`` counts ``kind == "direct"`` only. Quotes with no
    ``speaker`` are counted on an ``(unattributed)`` row unless
    ``include_unattributed=False``. Rows are sorted by total (descending) then
    name; columns by outlet name. Index name ``speaker``, columns name ``outlet``.
    """
    df = quotes
    if direct_only and "kind" in df:
        df = df[df["kind"] == "direct"]
    speakers = df["speaker"] if "speaker" in df else pd.Series([None] * len(df), index=df.index)
    speakers = speakers.map(lambda s: _speaker_key(s) and " ".join(str(s).split()))
    speakers = speakers.where(speakers.astype(bool), UNATTRIBUTED)
    data = pd.DataFrame({"speaker": speakers.to_numpy(), "outlet": df["outlet"].to_numpy()})
    if not include_unattributed:
        data = data[data["speaker"] != UNATTRIBUTED]
    if data.empty:
        empty = pd.DataFrame(dtype="int64")
        empty.index.name = "speaker"
        empty.columns.name = "outlet"
        return empty
    table = pd.crosstab(data["speaker"], data["outlet"]).astype("int64")
    totals = table.sum(axis=1)
    order = sorted(table.index, key=lambda s: (-int(totals[s]), str(s)))
    table = table.loc[order, sorted(table.columns, key=str)]
    table.index.name = "speaker"
    table.columns.name = "outlet"
    return table
