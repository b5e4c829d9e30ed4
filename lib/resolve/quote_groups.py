"""The same quote across outlets: fuzzy alignment of normalised quote texts.

Near-identical wording groups whatever the speakers; looser matches (a trimmed quote inside
a longer one, reworded passages) need the speakers to agree or one to be missing. Groups
are transitive among full quotes; a shorter phrase joins only its best-matching full quote,
so a common phrase never bridges two different quotes.
"""

from __future__ import annotations

import re

import pandas as pd
from rapidfuzz import fuzz

from lib.extract.quotes import MIN_DIRECT_WORDS
from lib.resolve.budget import Budget
from lib.resolve.budget import current as current_budget
from lib.resolve.grouping import UnionFind

#: Same words whoever is named as the speaker: full-string ratio / partial ratio.
STRONG_RATIO = 88


STRONG_PARTIAL = 95


#: Looser match accepted only when the speakers agree (or one is unknown).
LOOSE_SET_RATIO = 80


LOOSE_PARTIAL = 85


#: The shorter quote needs this many words for a containment (partial) match.
MIN_PARTIAL_WORDS = 3


NORMALISE_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def normalise_quote(text: str) -> str:
    """Lower-case words only (quotes/apostrophes unified, punctuation dropped)."""
    text = str(text).translate(NORMALISE_QUOTES).lower()
    return " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)*", text))


def speaker_key(value) -> str:
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


#: Above this many quotes, only candidate pairs (see :class:`_Candidates`) are compared;
#: below it every pair is, exactly as before.
BLOCKING_MIN = 400


#: A word pair shared by more quotes than this ("of the") proposes no candidates.
BLOCKING_MAX_BUCKET = 200


#: Each full quote proposes the quotes holding any of its this many rarest word pairs ...
RARE_PAIRS = 4


#: ... when such a pair is held by at most this many quotes (a full quote's rarest pairs
#: usually belong to one to three quotes: its own copies).
RARE_MAX_BUCKET = 50


def _pairs(text: str) -> set[tuple]:
    words = text.split()
    return set(zip(words, words[1:], strict=False))


class _Candidates:
    """Which quotes are worth comparing with :func:`quotes_match`.

    Every match shares wording, so for large corpora candidates come from an inverted
    index of adjacent word pairs (single words for phrases of one or two words) instead of
    all n² pairs. Full quotes are paired through their rarest word pairs: ``i`` and ``j``
    are candidates when one holds any of the other's :data:`RARE_PAIRS` rarest pairs, so
    a copy with a word changed or its ends trimmed is still found (it keeps most of the
    rare pairs) while pairs as common as "of the" propose nothing; each quote then meets
    a bounded number of others, and the work grows linearly with the corpus.

    ``after(i, rows)`` yields candidates after ``i`` in ``rows`` order; ``among(i, rows)``
    all candidates in ``rows`` order. Disabled, both yield every row (exact, for small
    corpora).
    """

    def __init__(self, texts: list[str], enabled: bool) -> None:
        self.texts = texts
        self.enabled = enabled
        self.buckets: dict[tuple, list[int]] = {}
        self.rare_buckets: dict[tuple, list[int]] = {}
        self.rare: dict[int, list[tuple]] = {}
        self.position: dict[int, int] = {}
        self.rows: list[int] | None = None  # the list last indexed (``among`` reuses it)

    def _grams(self, i: int) -> set[tuple]:
        words = self.texts[i].split()
        grams = set(zip(words, words[1:], strict=False))
        return grams | {(w,) for w in words} if len(words) < 3 else grams

    def index(self, rows: list[int]) -> None:
        self.buckets, self.rare_buckets, self.rare = {}, {}, {}
        self.position = {i: k for k, i in enumerate(rows)}
        self.rows = rows
        if not self.enabled:
            return
        for i in rows:
            words = self.texts[i].split()
            grams = set(zip(words, words[1:], strict=False)) | {(w,) for w in words}
            for g in grams:
                self.buckets.setdefault(g, []).append(i)
        for i in rows:
            pairs = _pairs(self.texts[i]) or self._grams(i)
            rarest = sorted(pairs, key=lambda g: (len(self.buckets.get(g, ())), g))
            self.rare[i] = rarest[:RARE_PAIRS]
            for g in self.rare[i]:
                self.rare_buckets.setdefault(g, []).append(i)

    def _near(self, i: int) -> set[int]:
        found: set[int] = set()
        for g in self._grams(i):
            bucket = self.buckets.get(g, ())
            if len(bucket) <= BLOCKING_MAX_BUCKET:
                found.update(bucket)
        found.discard(i)
        return found

    def _rare_near(self, i: int) -> set[int]:
        """Quotes holding one of ``i``'s rarest pairs, and quotes one of whose rarest
        pairs ``i`` holds."""
        found: set[int] = set()
        for g in self.rare.get(i, ()):
            bucket = self.buckets.get(g, ())
            if len(bucket) <= RARE_MAX_BUCKET:
                found.update(bucket)
        for g in _pairs(self.texts[i]) or self._grams(i):
            bucket = self.rare_buckets.get(g, ())
            if len(bucket) <= RARE_MAX_BUCKET:
                found.update(bucket)
        found.discard(i)
        return found

    def after(self, i: int, rows: list[int], rare: bool = False):
        k = self.position[i]
        if not self.enabled:
            return rows[k + 1 :]
        near = self._rare_near(i) if rare else self._near(i)
        return sorted((j for j in near if self.position[j] > k), key=self.position.get)

    def among(self, i: int, rows: list[int]):
        if not self.enabled:
            return rows
        if rows is not self.rows and set(rows) != set(self.position):
            self.index(rows)
        # every candidate is an indexed row, and the indexed rows are ``rows``
        return sorted(self._near(i), key=self.position.get)


def group_quotes(quotes: pd.DataFrame, budget: Budget | None = None) -> pd.DataFrame:
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

    ``budget`` (default: :func:`lib.resolve.budget.current`): when it runs out, grouping
    stops where it is, the groups found so far are kept, the quotes not yet compared stand
    alone, and the budget gets a note saying so.
    """
    out = quotes.copy()
    n = len(out)
    if n == 0:
        out["group_id"] = pd.Series(dtype="object")
        out["group_size"] = pd.Series(dtype="int64")
        return out
    texts = [normalise_quote(q) for q in out["quote"].tolist()]
    speakers = [speaker_key(s) for s in out["speaker"].tolist()] if "speaker" in out else [""] * n
    roots = _Grouper(texts, speakers, budget or current_budget()).run()
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


class _Grouper:
    """The three grouping steps of :func:`group_quotes` over normalised texts and speakers."""

    def __init__(self, texts: list[str], speakers: list[str], budget: Budget) -> None:
        n = len(texts)
        self.budget = budget
        self.texts, self.speakers = texts, speakers
        self.groups = UnionFind(n)
        self.long_q = [len(t.split()) >= MIN_DIRECT_WORDS for t in texts]
        self.has_long = list(self.long_q)
        # Matching depends only on (text, speaker): compare each distinct pair of keys once
        # (a corpus where agencies' copy repeats the same quotes stays linear).
        self.keys = list(zip(texts, speakers, strict=True))
        self.memo: dict[tuple, bool] = {}
        self.near = _Candidates(texts, enabled=n > BLOCKING_MIN)

    def find(self, i: int) -> int:
        return self.groups.find(i)

    def union(self, i: int, j: int) -> None:
        merged = self.groups.union(i, j)
        if merged is not None:
            ri, rj = merged
            self.has_long[ri] = self.has_long[ri] or self.has_long[rj]

    def match(self, i: int, j: int) -> bool:
        pair = (self.keys[i], self.keys[j])
        hit = self.memo.get(pair)
        if hit is None and self.budget.expired():
            return False  # out of time: not compared (run() notes it)
        if hit is None:
            texts, speakers = self.texts, self.speakers
            hit = self.memo[pair] = quotes_match(texts[i], texts[j], speakers[i], speakers[j])
        return hit

    def run(self) -> list[int]:
        reps = self._full_quotes()
        if not self._out_of_time():
            self._short_to_best(reps)
        if not self._out_of_time():
            self._short_together()
        self._out_of_time()
        return self.groups.roots()

    def _out_of_time(self) -> bool:
        """True (with a note, once) when the corpus time budget has run out."""
        if not self.budget.expired():
            return False
        self.budget.note(
            f"Quote grouping stopped when {self.budget.describe()} ran out: the groups "
            "found until then are kept, the other quotes stand alone."
        )
        return True

    def _full_quotes(self) -> list[int]:
        """1. full quotes with each other (transitive); returns one row per distinct key."""
        first_long: dict[tuple, int] = {}  # key -> first row with it, in row order
        for i, key in enumerate(self.keys):
            if not self.long_q[i]:
                continue
            if key in first_long:
                if self.texts[i]:  # identical non-empty quotes always match
                    self.union(first_long[key], i)
            else:
                first_long[key] = i
        reps = list(first_long.values())
        self.near.index(reps)
        for i in reps:
            if self.budget.expired():
                break
            for j in self.near.after(i, reps, rare=True):
                if self.find(i) != self.find(j) and self.match(i, j):
                    self.union(i, j)
        return reps

    def _short_to_best(self, reps: list[int]) -> None:
        """2. a short phrase joins its single best-matching full quote (never bridges two);
        ties go to the earliest row, and rows sharing a key are already one group."""
        best_of: dict[tuple, int | None] = {}
        for i, key in enumerate(self.keys):
            if self.long_q[i]:
                continue
            if key not in best_of and self.budget.expired():
                break
            if key not in best_of:
                best, best_score = None, -1.0
                for j in self.near.among(i, reps):
                    if self.match(i, j):
                        score = fuzz.partial_ratio(self.texts[i], self.texts[j])
                        if score > best_score:
                            best, best_score = j, score
                best_of[key] = best
            if best_of[key] is not None:
                self.union(best_of[key], i)

    def _short_together(self) -> None:
        """3. short phrases with each other, unless that would merge two full-quote groups."""
        short = [i for i in range(len(self.keys)) if not self.long_q[i]]
        self.near.index(short)
        for i in short:
            if self.budget.expired():
                break
            for j in self.near.after(i, short):
                ri, rj = self.find(i), self.find(j)
                if ri == rj or (self.has_long[ri] and self.has_long[rj]):
                    continue
                if self.match(i, j):
                    self.union(i, j)
