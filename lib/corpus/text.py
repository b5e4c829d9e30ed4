"""Plain-text helpers: Markdown markup stripped, paragraphs that stop mid-sentence rejoined."""

from __future__ import annotations

import re

from lib.corpus.metadata import is_date_line, labelled_date

MD_LINK = re.compile(r"\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)")


MD_BOLD = re.compile(r"(\*\*|__)(.+?)\1")


MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


#: A whole line in italics ("*A version of this story appears in print on …*").
MD_ITALIC_LINE = re.compile(r"^([*_])(?![*_\s])(.+?)(?<![*_\s])\1$")
#: A line opening in italics ("*By Jane Doe* · May 21, 2025"): the asterisks go.
MD_ITALIC_START = re.compile(r"^\*(?![*\s])([^*\n]{1,120}?)(?<![*\s])\*(?=\s|$)")


SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")


def strip_markup(line: str) -> str:
    """Remove Markdown heading markers, bold, links and a whole line's italics, keeping their
    text."""
    line = MD_HEADING.sub("", line)
    line = MD_LINK.sub(r"\1", line)
    line = MD_BOLD.sub(r"\2", line).strip()
    return MD_ITALIC_START.sub(r"\1", MD_ITALIC_LINE.sub(r"\2", line))


def looks_like_prose(line: str) -> bool:
    return len(line.split()) >= 12 or bool(SENTENCE_END.search(line))


def join_broken(paragraphs: list[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence with a next one starting in lower case."""
    out: list[list[str]] = []  # pieces joined once at the end: linear, never quadratic
    for para in paragraphs:
        if out and para[:1].islower() and not SENTENCE_END.search(out[-1][-1]):
            out[-1].append(para)
        else:
            out.append([para])
    return [" ".join(pieces) for pieces in out]


#: A text is hard-wrapped when its lines are at most this long (wire copy wraps at 60–80).
WRAP_MAX_WIDTH = 100


#: ...and at least this share of its longer lines fill the wrap width to 75% or more.
WRAP_MIN_SHARE = 0.4


#: A rejoined paragraph stops growing at a sentence end past this many characters, and is
#: cut at a line end past twice as many, so no hard-wrapped text becomes one huge line.
WRAP_PARAGRAPH_CHARS = 2_000


#: A line holding only a URL, or an "Original url:" label.
URL_LINE = re.compile(r"^<?https?://\S+>?$|^(original url|source|url)\s*:", re.I)


#: Lines that start a new block whatever their neighbours: Markdown headings, list items,
#: quotes and tables, "By …" bylines.
BLOCK_START = re.compile(r"^\s*(#|[-*+•]\s|\d{1,3}[.)]\s|>|\||[Bb][Yy]\s+[A-Z])")


def wrap_width(lines: list[str]) -> int:
    """The width a text is hard-wrapped at, or 0 when it is not hard-wrapped.

    Hard-wrapped: no line is longer than :data:`WRAP_MAX_WIDTH` and, among lines of 30+
    characters (at least three), :data:`WRAP_MIN_SHARE` or more reach 75% of the longest.
    """
    sizes = [len(line.rstrip()) for line in lines if line.strip()]
    long_lines = [n for n in sizes if n >= 30]
    if len(long_lines) < 3 or max(sizes) > WRAP_MAX_WIDTH:
        return 0
    width = max(long_lines)
    full = sum(1 for n in long_lines if n >= 0.75 * width)
    return width if full >= WRAP_MIN_SHARE * len(long_lines) and full >= 2 else 0


def rejoin_wrapped(lines: list[str]) -> list[str]:
    """Lines that continue a sentence joined back into one line per paragraph.

    A line continues on the next line when that line is not blank, does not start a
    block (heading, list item, byline, a date or URL line) and either starts in lower
    case ("... said the" / "officials ...") or, in a hard-wrapped text (:func:`wrap_width`),
    the line fills the wrap width. A paragraph stops growing at a
    sentence end past :data:`WRAP_PARAGRAPH_CHARS` characters (and at any line end past
    twice as many). Blank lines are kept, so paragraphs stay apart. Linear in the text.
    """
    width = wrap_width(lines)
    out: list[str] = []
    current: list[str] = []
    size = 0
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            out.append(line)
            continue
        current.append(text if current else line)
        size += len(text) + 1
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if _continues(text, nxt, lines[i + 1] if nxt else "", width, size):
            continue
        out.append(" ".join(current) if len(current) > 1 else current[0])
        current, size = [], 0
    return out


def _continues(text: str, nxt: str, raw_next: str, width: int, size: int) -> bool:
    """Does line ``text`` go on in the next line ``nxt`` (see :func:`rejoin_wrapped`)?"""
    if not nxt or BLOCK_START.match(raw_next) or size > 2 * WRAP_PARAGRAPH_CHARS:
        return False
    ends = bool(SENTENCE_END.search(text))
    if ends and size > WRAP_PARAGRAPH_CHARS:
        return False
    if is_date_line(nxt) or labelled_date(nxt)[1] or URL_LINE.match(nxt):
        return False
    if nxt[:1].islower():
        return True
    return bool(width) and len(text) >= 0.85 * width  # a full line: the text wrapped here
