"""Where quotations start and end: straight, curly and single marks, paragraph by paragraph.

:func:`find_quote_marks` works on characters, so it does not depend on spaCy's sentence
splitter: straight ``"..."`` and curly ``“...”`` double quotes, and curly single ``‘...’``
quotes outside double quotes when the closing mark is clearly not an apostrophe, and straight
single ``'...'`` quotes (British style typed as plain text) in an article that writes no
double quote at all (American style keeps single marks for headlines and quotes within
quotes), when the closing mark follows the quote's own punctuation (``'We will rebuild,'
she said``) or closes two or more words before a stop (``called it 'a national
disgrace'.``). A quote
whose closing mark is missing ends at the end of its paragraph (or where the next opening
mark starts) and is marked open-ended.
"""

from __future__ import annotations

import re

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


OPEN_CONTEXT = set("([{—–-/")


CLOSE_CONTEXT = set(".,;:!?)]}—–-/…")


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
    """Index of the mark closing the single quotation mark at ``i`` when it is clearly a
    quote, else None. A curly ’ closes a ‘ when no letter or digit follows it; a straight
    ' closes a straight ' only after the quote's own punctuation or two words before a stop,
    so an apostrophe inside a word ("won't") or after a plural ("the workers' union") never
    closes one, and none opens before a digit or a space ("'90s")."""
    straight = text[i] == "'"
    if straight and (i + 1 >= end or not text[i + 1].isalpha()):
        return None
    mark = "'" if straight else "’"
    limit = min(end, i + (600 if straight else 300))
    for j in range(i + 1, limit):
        ch = text[j]
        if ch in '‘“”"\n':
            return None
        nxt = text[j + 1] if j + 1 < end else " "
        if j == i + 1 or ch != mark or text[j - 1].isspace() or nxt.isalnum():
            continue
        if not straight or _straight_end(text[i + 1 : j], nxt):
            return j
    return None


def _straight_end(quoted: str, nxt: str) -> bool:
    """Does a straight ' after ``quoted`` end it: after its own punctuation ("sorry,'"),
    or after two or more words right before a stop ("'a national disgrace'.")?"""
    return quoted[-1] in ",.!?…" or (
        len(quoted.split()) >= 2 and quoted[-1].isalpha() and nxt in CLOSE_CONTEXT
    )


def find_quote_marks(text: str, start: int = 0, end: int | None = None) -> list[tuple]:
    """Quote spans in ``text[start:end]`` (one paragraph).

    Returns ``(open_idx, close_idx, open_ended)`` tuples; ``close_idx`` is the
    index of the closing mark, or where the quote text stops when open-ended. Doubled
    apostrophes (``''…''``, archive and wire style) and ````…''`` count as double quotes.
    """
    end = len(text) if end is None else end
    seg = fold_pairs(text[start:end])
    singles = not DOUBLE_MARKS.search(text) and "''" not in text and "``" not in text
    return [(a + start, b + start, oe) for a, b, oe in _scan(seg, 0, len(seg), singles)]


#: Double quotation marks: an article that writes one quotes with double marks.
DOUBLE_MARKS = re.compile('["“”]')


def fold_pairs(seg: str) -> str:
    """``seg`` with each two-character quote mark made a straight quote plus a space, on
    the side away from the quoted words (same length, so offsets do not move)."""
    if "''" not in seg and "``" not in seg:
        return seg
    out = list(seg)
    i = 0
    while i < len(seg) - 1:
        pair = seg[i : i + 2]
        if pair == "``" or (
            pair == "''" and (i == 0 or seg[i - 1].isspace() or seg[i - 1] in OPEN_CONTEXT)
        ):
            out[i], out[i + 1] = " ", '"'
            i += 2
        elif pair == "''":
            out[i], out[i + 1] = '"', " "
            i += 2
        else:
            i += 1
    return "".join(out)


def _scan(text: str, start: int, end: int, singles: bool = False) -> list[tuple]:
    """Quote spans of one paragraph; ``singles``: straight single marks quote too."""
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
        elif (ch == "‘" or (ch == "'" and singles)) and current is None:
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


QUOTE_RE = re.compile(r"“[^”]{1,3000}”|\"[^\"\n]{1,3000}\"")


def quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]


def in_quote(idx: int, quotes) -> tuple[int, int] | None:
    for q in quotes:
        if q[0] <= idx < q[1]:
            return q
    return None
