"""Statements of one Doc: its sentences, cut into clauses where a sentence carries two facts,
with the words the corpus-level passes compare them on.

A sentence is one statement unless it joins two main clauses that each have their own
subject ("Police arrested 12 people, and the mayor imposed a curfew"; "…; …"): then each
clause is a statement of its own, so facts can be aligned clause by clause. Each record
carries what fact alignment (:mod:`lib.resolve.facts`) and the wording measure
(:mod:`lib.views.wording`) need, so neither parses anything again:

- ``lemmas``: the lower-case lemmas of its content words (nouns, names, verbs,
  adjectives, adverbs, numbers; no stop words), space-separated;
- ``words``: the lower-case words as written that can carry a word choice (common nouns,
  verbs, adjectives, adverbs: no names, numbers or stop words), in order, with ``|``
  where a run of such words is broken (by a stop word, a name, a number or punctuation),
  so two-word phrases never span a break;
- ``quoted``: the same for the words inside quotation marks (the speaker's choice, not the
  outlet's), kept apart.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from lib.nlp.quotemarks import find_quote_marks, paragraph_spans
from lib.records import Sentence, Statement

if TYPE_CHECKING:  # spaCy itself is imported by the pipeline, not by importing this module
    from spacy.tokens import Doc, Span, Token

#: Parts of speech whose lemmas are compared when aligning statements.
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
#: Parts of speech whose words can be a word choice (names and numbers cannot).
WORDING_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
#: Named-entity types whose tokens are never word choices even when tagged as nouns.
NAME_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW"}
    | {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
)
#: Subject dependencies: a conjoined verb with one of these is a clause of its own.
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
#: Conjunctions that join two main clauses into one sentence.
CLAUSE_CONJUNCTIONS = frozenset({"and", "but", "while", "whereas", "yet", "so"})
#: Fewest words a clause needs to be a statement of its own.
MIN_CLAUSE_WORDS = 5
BREAK = "|"


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in SUBJECTS for child in verb.children)


def _words(tokens) -> int:
    return sum(1 for t in tokens if not (t.is_punct or t.is_space))


def clause_starts(sent: Span) -> list[int]:
    """Token indices (in the Doc) where a new main clause of ``sent`` starts.

    Cut points: after a semicolon between two clauses that both have a verb, and before
    the conjunction (or comma) that joins a verb with its own subject to the main verb
    ("…, and the mayor imposed a curfew"). A cut that leaves a side shorter than
    :data:`MIN_CLAUSE_WORDS` words is not made.
    """
    cuts: set[int] = set()
    for tok in sent:
        if tok.text == ";" and tok.i + 1 < sent.end:
            cuts.add(tok.i + 1)
        if tok.dep_ != "conj" or tok.pos_ not in ("VERB", "AUX") or not _has_subject(tok):
            continue
        head = tok.head
        if head.pos_ not in ("VERB", "AUX") or not _has_subject(head):
            continue
        first = min(t.i for t in tok.subtree)
        before = [t for t in head.children if t.dep_ == "cc" and t.i < first and t.i > head.i]
        if before and before[-1].lower_ in CLAUSE_CONJUNCTIONS:
            cut = before[-1].i
            if cut - 1 >= sent.start and sent.doc[cut - 1].text == ",":
                cut -= 1
            cuts.add(cut)
    kept: list[int] = []
    last = sent.start
    for cut in sorted(cuts):
        left = sent.doc[last:cut]
        right = sent.doc[cut : sent.end]
        if _words(left) >= MIN_CLAUSE_WORDS and _words(right) >= MIN_CLAUSE_WORDS:
            kept.append(cut)
            last = cut
    return kept


def _lemma(tok: Token) -> str:
    if tok.like_num:
        return tok.text.replace(",", "").lower()
    return (tok.lemma_ or tok.text).lower().strip(" .'’-")


def _is_content(tok: Token) -> bool:
    if tok.pos_ not in CONTENT_POS or tok.is_punct or tok.is_space:
        return False
    if tok.is_stop and not tok.like_num:
        return False
    return any(ch.isalnum() for ch in tok.text)


def _is_wording(tok: Token) -> bool:
    if tok.pos_ not in WORDING_POS or tok.is_stop or tok.like_num:
        return False
    if tok.ent_type_ in NAME_TYPES:
        return False
    text = tok.text
    return len(text) > 1 and any(ch.isalpha() for ch in text) and not text[:1].isdigit()


def _wording(tokens, inside) -> tuple[str, str]:
    """(words outside quotes, words inside quotes), ``|`` between broken runs."""
    out: list[str] = []
    quoted: list[str] = []
    for tok in tokens:
        keep = _is_wording(tok)
        target, other = (quoted, out) if tok.idx in inside else (out, quoted)
        if keep:
            word = tok.text.lower().replace("’", "'")
            target.append(word)
        elif target and target[-1] != BREAK:
            target.append(BREAK)
        if other and other[-1] != BREAK:
            other.append(BREAK)
    return _join(out), _join(quoted)


def _join(words: list[str]) -> str:
    while words and words[-1] == BREAK:
        words.pop()
    while words and words[0] == BREAK:
        words.pop(0)
    return " ".join(words)


class _Quoted:
    """Is a character offset inside a quotation? (quotation marks found paragraph by
    paragraph, as the quote extractor finds them)."""

    def __init__(self, text: str) -> None:
        spans = []
        for start, end in paragraph_spans(text):
            spans += [(a, b) for a, b, _open in find_quote_marks(text, start, end)]
        spans.sort()
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def __contains__(self, idx: int) -> bool:
        k = bisect.bisect_right(self.starts, idx) - 1
        return k >= 0 and idx < self.ends[k]


def statement_records(doc: Doc, sent_rows: list[Sentence], text: str) -> list[Statement]:
    """:class:`~lib.records.Statement` records of ``doc`` (one per clause; ``clause`` counts
    from 0 within its sentence; ``text`` and ``headline`` are filled when the corpus is
    assembled, from the article text and its title).

    ``sent_rows`` are the sentence records of :func:`lib.extract.document.process_doc`
    (their offsets select the spaCy sentences they came from).
    """
    inside = _Quoted(text)
    by_start = {row.start_char: row for row in sent_rows}
    records: list[Statement] = []
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), None)
        row = by_start.get(first.idx) if first is not None else None
        if row is None:
            continue
        edges = [sent.start, *clause_starts(sent), sent.end]
        for k, (a, b) in enumerate(zip(edges, edges[1:], strict=False)):
            tokens = [t for t in doc[a:b] if not t.is_space]
            while tokens and tokens[0].is_punct and tokens[0].text in ",;":
                tokens.pop(0)
            if not tokens:
                continue
            words, quoted = _wording(tokens, inside)
            records.append(
                Statement(
                    sentence_id=row.sentence_id,
                    clause=k,
                    start_char=tokens[0].idx,
                    end_char=min(tokens[-1].idx + len(tokens[-1].text), row.end_char),
                    lemmas=" ".join(_lemma(t) for t in tokens if _is_content(t)),
                    words=words,
                    quoted=quoted,
                )
            )
    return records
