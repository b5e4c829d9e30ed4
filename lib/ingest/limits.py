"""Bounds for untrusted input and the helpers that apply them, on every entry path.

:class:`Limits` holds every bound (see ``docs/limits.md``); :data:`LOCAL_LIMITS` is the
roomier set for trusted local paths. :func:`limit_text` is applied to every article text
whatever its path (upload, zip, bundle, paste, URL, folder): it cuts over-long texts and
splits long lines and long runs of punctuation so that spaCy stays fast and never sees a
text over its maximum length. :func:`with_timeout` bounds the time of one reader.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace

from lib.corpus.document import strip_invisible
from lib.ingest.status import REASON_TIMEOUT, IngestError
from lib.schema import MAX_DOC_CHARS

MB = 1024 * 1024


#: Lines longer than this are split (at sentence ends, else spaces) before parsing.
LONG_LINE = 2_000


HARD_SPLIT = 1_000


#: Runs of punctuation/symbols longer than this get a space every ``PUNCT_RUN`` characters:
#: spaCy's tokenizer strips prefixes and suffixes one character at a time, so a run of n
#: brackets costs O(n^2) (4,000 "(" take 5 s; 2,000 "=" 4 s).
PUNCT_RUN = 20


#: Time budget for analysing one document (seconds); enforced by the analysis runner.
DOC_ANALYSIS_BUDGET_S = 60.0


@dataclass(frozen=True)
class Limits:
    """Bounds for untrusted input. Defaults suit a shared web app.

    - ``max_file_bytes``: one file (or one zip member / DOCX part), 5 MB.
    - ``max_total_bytes``: all uploaded bytes of one call, 25 MB.
    - ``max_files``: articles read per call (zip members count), 50.
    - ``max_doc_chars``: characters kept per article (longer text is cut, status ``truncated``).
    - ``max_zip_entries``: members of a zip or DOCX, 200.
    - ``max_zip_ratio``: uncompressed/compressed size, per member and in total, 100.
    - ``zip_ratio_min_bytes``: the ratio rule applies to members/archives above 1 MB only.
    - ``max_unzipped_bytes``: declared uncompressed size of one archive, 50 MB.
    - ``parse_timeout_s``: best-effort time limit for parsing one PDF/HTML/DOCX, 10 s.
    - ``url_timeout_s``: whole download of one URL (all redirects), 15 s.
    - ``url_max_bytes``: bytes read from one URL, 5 MB.
    """

    max_file_bytes: int = 5 * MB
    max_total_bytes: int = 25 * MB
    max_files: int = 50
    max_doc_chars: int = MAX_DOC_CHARS
    max_zip_entries: int = 200
    max_zip_ratio: float = 100.0
    zip_ratio_min_bytes: int = 1 * MB
    max_unzipped_bytes: int = 50 * MB
    parse_timeout_s: float = 10.0
    url_timeout_s: float = 15.0
    url_max_bytes: int = 5 * MB


#: Roomier limits for trusted local paths (CLI ``--corpus``).
LOCAL_LIMITS = Limits(
    max_file_bytes=50 * MB,
    max_total_bytes=1024 * MB,
    max_files=5_000,
    max_zip_entries=10_000,
    max_unzipped_bytes=1024 * MB,
    parse_timeout_s=60.0,
)


#: Limits of a pile for a cluster (CLI ``--scheduler``): many more articles, still each
#: checked like any other (the articles' texts are held once by the command).
CLUSTER_LIMITS = replace(LOCAL_LIMITS, max_files=250_000, max_total_bytes=8 * 1024 * MB)


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[\"“‘(\[]?[A-Z0-9])")


def split_long_lines(text: str, limit: int = LONG_LINE) -> tuple[str, bool]:
    """Break lines longer than ``limit`` into paragraphs (sentence ends, else spaces).

    Keeps the line-based parser fast on one-line files; returns ``(text, changed)``.
    """
    lines = text.split("\n")
    if all(len(line) <= limit for line in lines):
        return text, False
    out: list[str] = []
    for line in lines:
        if len(line) <= limit:
            out.append(line)
            continue
        chunk = ""
        for sentence in _SENTENCE_SPLIT.split(line):
            for piece in _split_piece(sentence, limit):
                if chunk and len(chunk) + 1 + len(piece) > limit:
                    out.extend([chunk, ""])
                    chunk = piece
                else:
                    chunk = f"{chunk} {piece}" if chunk else piece
        if chunk:
            out.extend([chunk, ""])
    return "\n".join(out), True


def _split_piece(text: str, limit: int) -> list[str]:
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        if cut <= 0:
            cut = min(limit, HARD_SPLIT)
        pieces.append(text[:cut])
        text = text[cut:].lstrip(" ")
    if text:
        pieces.append(text)
    return pieces


def split_punct_runs(text: str, limit: int = PUNCT_RUN) -> tuple[str, bool]:
    """Put a space every ``limit`` characters into longer runs of punctuation/symbols.

    Returns ``(text, changed)``. Words, numbers and URLs of any length are left alone
    (their tokenizer cost is linear).
    """

    def cut(m: re.Match) -> str:
        run = m.group(0)
        return " ".join(run[i : i + limit] for i in range(0, len(run), limit))

    out, n = re.subn(rf"[^\w\s]{{{limit + 1},}}", cut, text)
    return out, n > 0


def limit_text(text: str, max_chars: int) -> tuple[str, list[str], bool]:
    """Apply every text limit: drop invisible (default-ignorable) code points, cut to
    ``max_chars``, split long lines and punctuation runs.

    Returns ``(text, notes, cut)``: the notes say what was changed (one sentence each),
    ``cut`` whether the text was truncated. The result is never longer than ``max_chars``.
    Invisible characters are removed silently: they draw nothing, but would make a name
    with a zero-width joiner a second, identical-looking entity.
    """
    notes: list[str] = []
    text = strip_invisible(text)
    text, cut = truncate_text(text, max_chars)
    if cut:
        notes.append(f"Truncated to {max_chars:,} characters.")
    text, split = split_long_lines(text)
    if split:
        notes.append("Very long lines were split into paragraphs.")
    text, runs = split_punct_runs(text)
    if runs:
        notes.append(f"Runs of more than {PUNCT_RUN} punctuation marks were split with spaces.")
    if len(text) > max_chars:  # the splits add a few characters
        text, _ = truncate_text(text, max_chars)
    return text, notes, cut


def truncate_text(text: str, max_chars: int) -> tuple[str, bool]:
    """Cut ``text`` to at most ``max_chars`` characters, at a space when one is near the end."""
    if len(text) <= max_chars:
        return text, False
    cut = text.rfind(" ", max(0, max_chars - 1000), max_chars)
    return text[: cut if cut > 0 else max_chars], True


def with_timeout(fn, timeout: float):
    """Run ``fn()`` in a daemon thread; raise ``IngestError(timeout)`` after ``timeout`` s.

    Best effort: Python cannot stop the thread, it is abandoned (and, for PDFs, the
    page loop notices the deadline itself).
    """
    box: dict = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True, name="ingest-parse")
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise IngestError(REASON_TIMEOUT, f"Reading took longer than {timeout:g} s.")
    if "error" in box:
        raise box["error"]
    return box.get("value")
