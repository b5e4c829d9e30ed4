"""Bounded work per document: how many numbers and quotes one article may feed the analysis.

Every per-document step is linear in the text, but the corpus-level passes compare figures
with figures and quotes with quotes, so a text made of thousands of numbers or quotation
marks would still take minutes. Past :data:`MAX_NUMBERS` numbers (runs of digits, dates
and years too, or of number words: "three thousand" counts like "3,000") no more figures
are read, and past :data:`MAX_QUOTES` quotations no more quotes are extracted. Both limits
depend on the text alone (:func:`number_cutoff`, and :data:`MAX_QUOTES` counted in
:func:`lib.extract.quotes.find_quotes`), so the per-document cache stays keyed by the
text, and :func:`cap_notes` says in one sentence each what was left out: the note travels
with the Document (``Document.notes``) to the *Your articles* status table.

No normal article comes near either limit (a 10,000-character news report has 30–80
numbers and 5–40 quotations).
"""

from __future__ import annotations

import functools
import re

from lib.datafiles import read_json
from lib.nlp.quotemarks import find_quote_marks, paragraph_spans

#: Numbers (runs of digits) per document read as figures; later numbers are not read.
MAX_NUMBERS = 1_500


#: Quotations per document that are extracted; later ones are not.
MAX_QUOTES = 600


@functools.lru_cache(maxsize=1)
def number_pattern() -> re.Pattern:
    """A number as the cap counts it: a run of digits, or a run of number words however
    written ("two hundred and fifty", "three-quarters", "dozens"), from the vocabulary
    figures are read with (``lib/data/numbers.json``), so a text of spelled-out numbers
    meets the same cap as one of digits."""
    data = read_json("numbers.json")
    words = {
        w.lower()
        for key in ("word_numbers", "scales", "vague_plurals", "fractions")
        for w in data.get(key, {})
    }
    word = "(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"
    run = rf"\b{word}(?:(?:[\s-]+|\s+and\s+){word})*\b"
    return re.compile(rf"\d+|{run}", re.IGNORECASE)


def _number_starts(text: str):
    return (m.start() for m in number_pattern().finditer(text))


def _nth_start(starts, n: int) -> tuple[int | None, int]:
    """(offset of the ``n+1``-th item of ``starts``, or None; how many items there are)."""
    cutoff, count = None, 0
    for start in starts:
        if count == n:
            cutoff = start
        count += 1
    return cutoff, count


def number_cutoff(text: str) -> int | None:
    """Offset of the first number (digits or number words, :func:`number_pattern`) past
    :data:`MAX_NUMBERS`, else None (no cap)."""
    return _nth_start(_number_starts(text), MAX_NUMBERS)[0]


#: Marks that can open a quotation (``find_quote_marks``): a text with no more of them
#: than :data:`MAX_QUOTES` cannot go over the limit, so it is not scanned for the count.
OPENERS = ('"', "“", "‘", "''", "``")


def _may_exceed(text: str) -> bool:
    return sum(text.count(mark) for mark in OPENERS) > MAX_QUOTES


def _quote_starts(text: str):
    if not _may_exceed(text):
        return
    for ps, pe in paragraph_spans(text):
        for open_idx, _close, _open_ended in find_quote_marks(text, ps, pe):
            yield open_idx


def cap_notes(text: str) -> list[str]:
    """One sentence per limit ``text`` goes over (empty for every normal article)."""
    notes = []
    _, numbers = _nth_start(_number_starts(text), MAX_NUMBERS)
    if numbers > MAX_NUMBERS:
        notes.append(
            f"Only the first {MAX_NUMBERS:,} numbers were read as figures "
            f"(the text has {numbers:,})."
        )
    _, quotes = _nth_start(_quote_starts(text), MAX_QUOTES)
    if quotes > MAX_QUOTES:
        notes.append(
            f"Only the first {MAX_QUOTES:,} quotations were analysed (the text has {quotes:,})."
        )
    return notes
