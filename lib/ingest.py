"""Bring your own articles: uploads, pasted text, URLs and corpus bundles.

Everything here turns untrusted input into :class:`lib.corpus.Document` records
and never raises for bad input: each file gets one status row instead (see
:data:`STATUS_COLUMNS` and the ``REASON_*`` constants). Limits are in
:class:`Limits`; ``docs/limits.md`` describes them for users.

Public API
----------
- ``read_uploads(files, limits) -> IngestResult`` for ``(name, bytes)`` pairs
  (``.txt .md .html .htm .pdf .docx .zip`` and a ``sources.csv`` manifest).
- ``document_from_paste(text, outlet, title, existing_ids) -> Document``.
- ``fetch_url(url, limits, allow_private) -> (Document | None, status dict)``.
- ``write_bundle(documents) -> bytes`` and ``read_bundle(data) -> Corpus``.
- ``load_corpus_path(path) -> Corpus`` for a folder, a ``.zip`` or a single file.

No Streamlit here; the app and CLI wire these functions.
"""

from __future__ import annotations

import csv
import hashlib
import html.parser
import http.client
import io
import ipaddress
import json
import os
import re
import socket
import ssl
import threading
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

import pandas as pd

from lib.corpus import (
    MANIFEST_FIELDS,
    MANIFEST_NAME,
    Corpus,
    Document,
    outlet_from_url,
    parse_document,
)
from lib.pipeline import MAX_DOC_CHARS

MB = 1024 * 1024

#: Environment variable that lets :func:`fetch_url` reach loopback/private hosts (local use, tests).
ENV_ALLOW_PRIVATE = "COVERAGE_LENS_ALLOW_PRIVATE_URLS"

STATUS_COLUMNS = ["file", "status", "reason", "message", "doc_id", "chars"]
ANALYSED, SKIPPED, TRUNCATED = "analysed", "skipped", "truncated"

# Stable short reason codes (the ``reason`` column); ``message`` holds the human sentence.
REASON_OK = ""
REASON_EMPTY = "empty file"
REASON_BINARY = "not text"
REASON_UNSUPPORTED = "unsupported type"
REASON_TOO_LARGE = "too large"
REASON_TOO_MANY = "too many files"
REASON_TOTAL_TOO_LARGE = "total upload too large"
REASON_ENCODING = "encoding undetectable"
REASON_DUPLICATE = "duplicate"
REASON_NO_TEXT = "no extractable text"
REASON_CORRUPT = "corrupt file"
REASON_ENCRYPTED = "encrypted"
REASON_ZIP_BOMB = "zip bomb"
REASON_UNSAFE_PATH = "unsafe path in zip"
REASON_NESTED_ZIP = "nested zip"
REASON_TRUNCATED = "truncated"
REASON_NOT_ENGLISH = "warning: likely not English"
REASON_TIMEOUT = "parse time exceeded"
REASON_MANIFEST = "manifest"
REASON_REFUSED_URL = "refused url"
REASON_FETCH_FAILED = "fetch failed"
REASON_TOO_MANY_REDIRECTS = "too many redirects"

#: Default human messages per reason (some are made more specific where they are raised).
REASON_MESSAGES = {
    REASON_EMPTY: "The file is empty.",
    REASON_BINARY: "The file is not text (it looks like binary data).",
    REASON_UNSUPPORTED: "This file type is not supported.",
    REASON_TOO_LARGE: "The file is larger than the size limit.",
    REASON_TOO_MANY: "Too many files: the limit was reached, this file was not read.",
    REASON_TOTAL_TOO_LARGE: "The upload as a whole is larger than the total size limit.",
    REASON_ENCODING: "The text encoding could not be detected.",
    REASON_DUPLICATE: "Same text as another file.",
    REASON_NO_TEXT: "No extractable text.",
    REASON_CORRUPT: "The file is damaged or not what its name says.",
    REASON_ENCRYPTED: "The file is encrypted or password-protected.",
    REASON_ZIP_BOMB: "The archive expands far more than a normal file would (zip bomb).",
    REASON_UNSAFE_PATH: "Unsafe path inside the zip (absolute or '..'); entry skipped.",
    REASON_NESTED_ZIP: "Zip files inside a zip are not expanded.",
    REASON_TRUNCATED: "The text was cut to the maximum document length.",
    REASON_NOT_ENGLISH: "This text is likely not English; analysed anyway, results may be poor.",
    REASON_TIMEOUT: "Reading the file took longer than the time limit.",
    REASON_MANIFEST: "Used as the metadata manifest.",
    REASON_REFUSED_URL: "This URL is not allowed.",
    REASON_FETCH_FAILED: "The page could not be downloaded.",
    REASON_TOO_MANY_REDIRECTS: "The URL redirected too many times.",
}

TEXT_TYPES = (".txt", ".md", ".markdown", "")
HTML_TYPES = (".html", ".htm", ".xhtml")
SUPPORTED_TYPES = TEXT_TYPES + HTML_TYPES + (".pdf", ".docx", ".zip")

BUNDLE_MARKER = "bundle.json"
BUNDLE_FORMAT = "coverage-lens-bundle"
BUNDLE_VERSION = 1

#: Lines longer than this are split (at sentence ends, else spaces) before parsing.
LONG_LINE = 2_000
HARD_SPLIT = 1_000
MAX_REDIRECTS = 3
DOC_ID_MAX = 80


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


@dataclass
class IngestResult:
    """Documents read plus one status row per input file (columns :data:`STATUS_COLUMNS`)."""

    documents: list[Document]
    statuses: pd.DataFrame

    @property
    def problems(self) -> list[tuple[str, str]]:
        return statuses_to_problems(self.statuses)

    def to_corpus(self) -> Corpus:
        return Corpus(self.documents, self.problems)


class _Fail(Exception):
    """A file cannot be read: carries a reason code and a human message."""

    def __init__(self, reason: str, message: str = ""):
        super().__init__(message or REASON_MESSAGES.get(reason, reason))
        self.reason = reason
        self.message = message or REASON_MESSAGES.get(reason, reason)


#: Public name for the error the single-file readers raise (``.reason``, ``.message``).
IngestError = _Fail


def _row(file: str, status: str, reason: str = "", message: str = "", doc_id: str = "", chars=0):
    return {
        "file": file,
        "status": status,
        "reason": reason,
        "message": message or REASON_MESSAGES.get(reason, ""),
        "doc_id": doc_id,
        "chars": int(chars),
    }


def statuses_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=STATUS_COLUMNS).astype({"chars": "int64"})


def statuses_to_problems(statuses: pd.DataFrame) -> list[tuple[str, str]]:
    """(file, human reason) for every skipped file and every analysed file with a warning."""
    out = []
    for row in statuses.itertuples(index=False):
        if row.status == SKIPPED:
            out.append((row.file, row.message or row.reason))
        elif row.reason and row.reason != REASON_MANIFEST:
            out.append((row.file, f"{row.status}: {row.message or row.reason}"))
    return out


# --------------------------------------------------------------------------- ids and text


def sanitise_id(name: str) -> str:
    """File stem reduced to ``[A-Za-z0-9_-]`` (other runs become ``_``), never empty."""
    stem = PurePosixPath(name.replace("\\", "/")).name
    if "." in stem.lstrip("."):
        stem = stem[: stem.rfind(".")]
    out = re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_")[:DOC_ID_MAX]
    return out or "doc"


def unique_id(base: str, used: set[str] | frozenset[str]) -> str:
    """``base``, else ``base-2``, ``base-3``... the first one not in ``used``."""
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def _suffix(name: str) -> str:
    base = PurePosixPath(name.replace("\\", "/")).name
    return PurePosixPath(base).suffix.lower() if "." in base.lstrip(".") else ""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"\x1f\x8b",
    b"BZh",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _control_share(text: str) -> float:
    sample = text[:200_000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def _plausible(text: str) -> bool:
    """Mostly letters/spaces/punctuation, few control characters."""
    return _control_share(text) < 0.02


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes to text; returns ``(text, encoding)`` or raises ``_Fail``.

    UTF-8 (BOM or not), UTF-16/32 with BOM, then Windows-1252 (a superset of the
    printable Latin-1 range, so both decode right), then charset-normalizer's guess.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError:
                raise _Fail(
                    REASON_ENCODING, f"Invalid {enc.upper()} despite its byte-order mark."
                ) from None
            if not _plausible(text):
                raise _Fail(REASON_BINARY)
            return text, enc
    if data.startswith(_MAGIC):
        raise _Fail(REASON_BINARY)
    head = data[:65_536]
    if b"\x00" in head:
        # UTF-16 without BOM has a NUL in every other byte of ASCII text.
        for enc, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
            if zeros.count(0) > 0.6 * len(zeros):
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    continue
                if _plausible(text):
                    return text, enc
        raise _Fail(REASON_BINARY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _plausible(text):
            raise _Fail(REASON_BINARY)
        return text, "utf-8"
    # Mostly valid UTF-8 with a few stray bytes: keep UTF-8, replace the strays.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = sum(1 for ch in text[:100_000] if ord(ch) > 127 and ch != "\ufffd")
    if multibyte >= 3 * bad and bad <= max(3, len(text) // 1000) and _plausible(text):
        return text, "utf-8 (with replacements)"
    candidates: list[tuple[str, str]] = []
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        non_ascii = sum(1 for ch in text[:100_000] if ord(ch) > 127)
        if _plausible(text) and non_ascii <= 0.3 * max(1, len(text[:100_000])):
            return text, "cp1252"
        candidates.append((text, "cp1252"))
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
    except Exception:  # noqa: BLE001 - detector failure means "undetectable"
        best = None
    if best is not None:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text and _plausible(text):
            return text, best.encoding
    if candidates and _plausible(candidates[0][0]):
        return candidates[0]
    # Latin-1 decodes anything; accept it only for mostly-ASCII text.
    text = data.decode("latin-1")
    non_ascii = sum(1 for ch in text[:100_000] if ord(ch) > 127)
    if _plausible(text) and non_ascii <= 0.1 * max(1, len(text[:100_000])):
        return text, "latin-1"
    if _control_share(text) > 0.2:
        raise _Fail(REASON_BINARY)
    raise _Fail(REASON_ENCODING)


def normalised_hash(text: str) -> str:
    """Hash of text with Unicode NFC and whitespace collapsed (finds duplicate articles)."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


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


def truncate_text(text: str, max_chars: int) -> tuple[str, bool]:
    """Cut ``text`` to at most ``max_chars`` characters, at a space when one is near the end."""
    if len(text) <= max_chars:
        return text, False
    cut = text.rfind(" ", max(0, max_chars - 1000), max_chars)
    return text[: cut if cut > 0 else max_chars], True


STOPWORDS = frozenset(
    """the of and to is was for that with on as by at from it be are were has have
    had this an which or not but they their his her he she its been will would who
    said after also more than about over into there when what one all can if after
    we you our them these those then out up new were do does did could should""".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_share(text: str) -> tuple[float, int]:
    """(share of words that are common English function words, number of words)."""
    words = [w.lower() for w in _WORD.findall(text[:50_000])]
    if not words:
        return 0.0, 0
    return sum(w in STOPWORDS for w in words) / len(words), len(words)


def likely_not_english(text: str, threshold: float = 0.12, min_words: int = 30) -> bool:
    share, n = english_share(text)
    return n >= min_words and share < threshold


# --------------------------------------------------------------------------- readers


def _with_timeout(fn, timeout: float):
    """Run ``fn()`` in a daemon thread; raise ``_Fail(parse time exceeded)`` after ``timeout``.

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
        raise _Fail(REASON_TIMEOUT, f"Reading took longer than {timeout:g} s.")
    if "error" in box:
        raise box["error"]
    return box.get("value")


class _TextOnlyParser(html.parser.HTMLParser):
    """Fallback HTML-to-text: drops script/style/etc., newline at block elements."""

    SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "head", "canvas"}
    BLOCK = frozenset(
        "p div br li h1 h2 h3 h4 h5 h6 tr section article blockquote header footer pre ul ol "
        "table figure figcaption hr".split()
    )

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self.skip_depth:
            self.parts.append(data)

    def text(self) -> str:
        raw = "".join(self.parts)
        lines = (" ".join(line.split()) for line in raw.split("\n"))
        return "\n".join(line for line in lines if line)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def _decode_html(data: bytes, declared: str = "") -> str:
    for enc in (declared, *(m.decode() for m in _META_CHARSET.findall(data[:4096]))):
        if not enc:
            continue
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return text
    return decode_bytes(data)[0]


def read_html(data: bytes, url: str = "", declared_charset: str = "") -> tuple[str, dict[str, str]]:
    """Main text and metadata hints of an HTML page (trafilatura, else a tag-stripper)."""
    markup = _decode_html(data, declared_charset)
    hints: dict[str, str] = {}
    text = ""
    try:
        import trafilatura

        result = trafilatura.bare_extraction(
            markup, url=url or None, with_metadata=True, include_comments=False
        )
    except Exception:  # noqa: BLE001 - fall back to the plain extractor
        result = None
    if result is not None:
        text = (getattr(result, "text", "") or "").strip()
        for attr, key in (
            ("title", "title"),
            ("author", "byline"),
            ("date", "published"),
            ("sitename", "outlet"),
            ("url", "url"),
        ):
            value = getattr(result, attr, "") or ""
            if value:
                hints[key] = str(value).strip()
    if not text:
        parser = _TextOnlyParser()
        try:
            parser.feed(markup)
            parser.close()
        except Exception:  # noqa: BLE001 - html.parser is lenient; be safe anyway
            pass
        text = parser.text()
        if parser.title.strip() and "title" not in hints:
            hints["title"] = " ".join(parser.title.split())
    if url and "url" not in hints:
        hints["url"] = url
    return text, hints


def read_pdf(data: bytes, limits: Limits) -> str:
    """Text of a PDF, page by page, stopping at the parse deadline."""
    from pypdf import PdfReader

    start = time.monotonic()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001
                ok = 0
            if not ok:
                raise _Fail(REASON_ENCRYPTED)
        pages = reader.pages
        count = len(pages)
    except _Fail:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds
        raise _Fail(REASON_CORRUPT, f"Corrupt PDF ({type(exc).__name__}).") from None
    if count == 0:
        raise _Fail(REASON_CORRUPT, "Corrupt PDF (no pages).")
    texts = []
    for page in pages:
        if time.monotonic() - start > limits.parse_timeout_s:
            raise _Fail(
                REASON_TIMEOUT, f"Reading the PDF took longer than {limits.parse_timeout_s:g} s."
            )
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # noqa: BLE001 - one bad page does not spoil the rest
            texts.append("")
    text = "\n\n".join(t.strip() for t in texts if t.strip())
    if not text.strip():
        raise _Fail(REASON_NO_TEXT, "No extractable text (a scanned or image-only PDF?).")
    return text


def check_zip_safety(zf: zipfile.ZipFile, size: int, limits: Limits, what: str = "zip") -> None:
    """Raise ``_Fail(zip bomb)`` for too many entries, too much data or a huge total ratio."""
    infos = [i for i in zf.infolist() if not i.is_dir()]
    if len(infos) > limits.max_zip_entries:
        raise _Fail(
            REASON_ZIP_BOMB,
            f"The {what} has {len(infos)} entries (limit {limits.max_zip_entries}).",
        )
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_bytes:
        raise _Fail(
            REASON_ZIP_BOMB,
            f"The {what} expands to {total:,} bytes (limit {limits.max_unzipped_bytes:,}).",
        )
    if total > limits.zip_ratio_min_bytes and total / max(size, 1) > limits.max_zip_ratio:
        raise _Fail(
            REASON_ZIP_BOMB,
            f"The {what} expands {total / max(size, 1):.0f}:1 (limit {limits.max_zip_ratio:g}:1).",
        )


def _entry_ratio_fail(info: zipfile.ZipInfo, limits: Limits) -> _Fail | None:
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > limits.zip_ratio_min_bytes and ratio > limits.max_zip_ratio:
        return _Fail(
            REASON_ZIP_BOMB,
            f"Entry expands {ratio:.0f}:1 (limit {limits.max_zip_ratio:g}:1).",
        )
    return None


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """Read one member, never more than ``cap`` bytes (headers can lie)."""
    if info.flag_bits & 0x1:
        raise _Fail(REASON_ENCRYPTED)
    out = bytearray()
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(65_536):
                out += chunk
                if len(out) > cap:
                    raise _Fail(REASON_ZIP_BOMB, "Entry is larger than its header says.")
    except _Fail:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise _Fail(REASON_CORRUPT, f"Corrupt zip entry ({exc}).") from None
    except NotImplementedError:
        raise _Fail(REASON_UNSUPPORTED, "Unsupported zip compression method.") from None
    return bytes(out)


def read_docx(data: bytes, limits: Limits) -> tuple[str, dict[str, str]]:
    """Paragraph (and table) text of a DOCX, after zip-bomb checks on its parts."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _Fail(REASON_CORRUPT, f"Corrupt DOCX (not a valid zip: {exc}).") from None
    check_zip_safety(zf, len(data), limits, "DOCX")
    for info in infos:
        fail = _entry_ratio_fail(info, limits)
        if fail:
            raise _Fail(REASON_ZIP_BOMB, f"DOCX part {info.filename}: {fail.message}")
        if info.file_size > limits.max_file_bytes * 4:
            raise _Fail(REASON_ZIP_BOMB, f"DOCX part {info.filename} is too large.")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise _Fail(REASON_CORRUPT, "Corrupt DOCX (no word/document.xml).")

    def parse():
        import docx

        document = docx.Document(io.BytesIO(data))
        paras = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    if cell.text.strip() and cell.text not in cells:
                        cells.append(cell.text)
                if cells:
                    paras.append(" | ".join(cells))
        title = (document.core_properties.title or "").strip()
        return "\n\n".join(p.strip() for p in paras if p.strip()), title

    try:
        text, title = _with_timeout(parse, limits.parse_timeout_s)
    except _Fail:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many kinds
        raise _Fail(REASON_CORRUPT, f"Corrupt DOCX ({type(exc).__name__}).") from None
    if not text.strip():
        raise _Fail(REASON_NO_TEXT, "No extractable text in the DOCX.")
    return text, ({"title": title} if title else {})


def _read_text_file(data: bytes) -> str:
    return decode_bytes(data)[0]


def extract(name: str, data: bytes, limits: Limits) -> tuple[str, dict[str, str]]:
    """Raw article text and metadata hints of one (non-zip) file, or raise ``_Fail``."""
    ext = _suffix(name)
    if ext not in SUPPORTED_TYPES or ext == ".zip":
        raise _Fail(REASON_UNSUPPORTED, f"Unsupported type ({ext or 'no extension'}).")
    if not data.strip():
        raise _Fail(REASON_EMPTY)
    if ext in HTML_TYPES:
        text, hints = _with_timeout(lambda: read_html(data), limits.parse_timeout_s)
    elif ext == ".pdf":
        text, hints = _with_timeout(lambda: read_pdf(data, limits), limits.parse_timeout_s), {}
    elif ext == ".docx":
        text, hints = read_docx(data, limits)
    else:
        text, hints = _read_text_file(data), {}
    if not text.strip():
        raise _Fail(REASON_EMPTY if ext in TEXT_TYPES else REASON_NO_TEXT)
    return text, hints


# --------------------------------------------------------------------------- building documents


@dataclass
class _Batch:
    """State shared while reading one batch: ids in use, content hashes seen, manifest."""

    limits: Limits
    used_ids: set[str] = field(default_factory=set)
    hashes: dict[str, str] = field(default_factory=dict)
    manifest: dict[str, dict[str, str]] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)


def _build(batch: _Batch, name: str, raw: str, hints: dict[str, str], id_base: str = "") -> None:
    """Normalise, check and parse one article's raw text; append a Document and a row."""
    try:
        _build_checked(batch, name, raw, hints, id_base)
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
        batch.rows.append(_row(name, SKIPPED, REASON_CORRUPT, f"Unreadable ({exc})."))


def _build_checked(batch: _Batch, name: str, raw: str, hints: dict[str, str], id_base: str) -> None:
    limits = batch.limits
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    if not raw.strip():
        batch.rows.append(_row(name, SKIPPED, REASON_EMPTY))
        return
    digest = normalised_hash(raw)
    if digest in batch.hashes:
        other = batch.hashes[digest]
        batch.rows.append(_row(name, SKIPPED, REASON_DUPLICATE, f"Duplicate of {other}."))
        return
    notes: list[str] = []
    raw, cut = truncate_text(raw, limits.max_doc_chars)
    if cut:
        notes.append(f"Truncated to {limits.max_doc_chars:,} characters.")
    raw, split = split_long_lines(raw)
    base = id_base or sanitise_id(name)
    merged = {k: v for k, v in hints.items() if v}
    merged.update({k: v for k, v in batch.manifest.get(base, {}).items() if v})
    merged["source_name"] = name
    doc_id = unique_id(base, batch.used_ids)
    try:
        doc = _with_timeout(lambda: parse_document(doc_id, raw, merged), limits.parse_timeout_s)
    except _Fail as fail:
        batch.rows.append(_row(name, SKIPPED, fail.reason, fail.message))
        return
    if not doc.text.strip():
        batch.rows.append(
            _row(name, SKIPPED, REASON_NO_TEXT, "No article text after removing page furniture.")
        )
        return
    if len(doc.text) > limits.max_doc_chars:
        doc.text, _ = truncate_text(doc.text, limits.max_doc_chars)
        if not cut:
            cut = True
            notes.append(f"Truncated to {limits.max_doc_chars:,} characters.")
    if split:
        notes.append("Very long lines were split into paragraphs.")
    foreign = likely_not_english(doc.text)
    if foreign:
        notes.append(REASON_MESSAGES[REASON_NOT_ENGLISH])
    doc.notes.extend(notes)
    batch.used_ids.add(doc_id)
    batch.hashes[digest] = name
    batch.documents.append(doc)
    if cut:
        status, reason = TRUNCATED, REASON_TRUNCATED
    elif foreign:
        status, reason = ANALYSED, REASON_NOT_ENGLISH
    else:
        status, reason = ANALYSED, REASON_OK
    message = " ".join(notes) if reason else ""
    batch.rows.append(_row(name, status, reason, message, doc_id, len(doc.text)))


def _parse_manifest(data: bytes) -> dict[str, dict[str, str]]:
    text = decode_bytes(data)[0].lstrip("\ufeff")
    rows = csv.DictReader(io.StringIO(text, newline=""))
    out = {}
    for row in rows:
        doc_id = (row.get("doc_id") or "").strip()
        if doc_id:
            out[doc_id] = {k: (row.get(k) or "").strip() for k in MANIFEST_FIELDS}
    return out


def _is_junk(member: str) -> bool:
    parts = member.replace("\\", "/").split("/")
    return parts[0] == "__MACOSX" or parts[-1].startswith(".") or parts[-1] in ("Thumbs.db",)


def _unsafe(member: str) -> bool:
    name = member.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or "\x00" in name:
        return True
    return any(part == ".." for part in name.split("/"))


def _expand_zip(
    name: str, data: bytes, limits: Limits, rows: list[dict]
) -> list[tuple[str, bytes]]:
    """Members of an uploaded zip as ``(display name, bytes)``; problems go to ``rows``."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        rows.append(_row(name, SKIPPED, REASON_CORRUPT, f"Corrupt zip ({exc})."))
        return []
    try:
        check_zip_safety(zf, len(data), limits)
    except _Fail as fail:
        rows.append(_row(name, SKIPPED, fail.reason, fail.message))
        return []
    out: list[tuple[str, bytes]] = []
    read_total = 0
    for info in infos:
        member = info.filename
        shown = f"{name}/{member}"
        if info.is_dir() or _is_junk(member):
            continue
        if _unsafe(member):
            rows.append(_row(shown, SKIPPED, REASON_UNSAFE_PATH))
            continue
        ext = _suffix(member)
        if ext == ".zip":
            rows.append(_row(shown, SKIPPED, REASON_NESTED_ZIP))
            continue
        if ext not in SUPPORTED_TYPES and PurePosixPath(member).name != MANIFEST_NAME:
            rows.append(_row(shown, SKIPPED, REASON_UNSUPPORTED, f"Unsupported type ({ext})."))
            continue
        fail = _entry_ratio_fail(info, limits)
        if fail:
            rows.append(_row(shown, SKIPPED, fail.reason, fail.message))
            continue
        if info.file_size > limits.max_file_bytes:
            rows.append(
                _row(shown, SKIPPED, REASON_TOO_LARGE, f"{info.file_size:,} bytes when unzipped.")
            )
            continue
        try:
            content = _read_member(zf, info, min(info.file_size, limits.max_file_bytes))
        except _Fail as fail:
            rows.append(_row(shown, SKIPPED, fail.reason, fail.message))
            continue
        read_total += len(content)
        if read_total > limits.max_unzipped_bytes:
            rows.append(_row(shown, SKIPPED, REASON_ZIP_BOMB, "Archive expands too much."))
            break
        out.append((shown, content))
    return out


def is_bundle(data: bytes) -> bool:
    """True for a zip holding a Coverage Lens ``bundle.json`` marker."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo(BUNDLE_MARKER)
            if info.file_size > MB:
                return False
            marker = json.loads(zf.read(info).decode("utf-8"))
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    return isinstance(marker, dict) and marker.get("format") == BUNDLE_FORMAT


def read_uploads(
    files: list[tuple[str, bytes]], limits: Limits | None = None, existing_ids=()
) -> IngestResult:
    """Read uploaded ``(file name, bytes)`` pairs into Documents plus a status table.

    Zips are expanded one level (bundles written by :func:`write_bundle` are restored
    as they were); a ``sources.csv`` among the files supplies metadata by doc_id.
    ``existing_ids`` are doc_ids already in use (new ones get ``-2``, ``-3`` suffixes).
    Never raises for bad input: each problem is a status row.
    """
    limits = limits or Limits()
    batch = _Batch(limits, used_ids=set(existing_ids))
    items: list[tuple[str, bytes]] = []
    total = 0
    for name, data in files:
        name = str(name)
        data = data.encode("utf-8") if isinstance(data, str) else bytes(data or b"")
        if len(data) > limits.max_file_bytes:
            batch.rows.append(
                _row(
                    name,
                    SKIPPED,
                    REASON_TOO_LARGE,
                    f"{len(data):,} bytes (limit {limits.max_file_bytes:,}).",
                )
            )
            continue
        if total + len(data) > limits.max_total_bytes:
            batch.rows.append(
                _row(
                    name,
                    SKIPPED,
                    REASON_TOTAL_TOO_LARGE,
                    f"The upload passed the total limit of {limits.max_total_bytes:,} bytes.",
                )
            )
            continue
        total += len(data)
        if _suffix(name) == ".zip":
            try:
                if is_bundle(data):
                    _bundle_into(batch, name, data)
                else:
                    items.extend(_expand_zip(name, data, limits, batch.rows))
            except Exception as exc:  # noqa: BLE001 - one bad file never stops the rest
                batch.rows.append(_row(name, SKIPPED, REASON_CORRUPT, f"Unreadable zip ({exc})."))
        else:
            items.append((name, data))
    articles = []
    for name, data in items:
        if PurePosixPath(name.replace("\\", "/")).name.lower() == MANIFEST_NAME:
            try:
                manifest = _parse_manifest(data)
            except (_Fail, csv.Error, UnicodeError) as exc:
                batch.rows.append(
                    _row(name, SKIPPED, REASON_CORRUPT, f"Unreadable manifest: {exc}")
                )
                continue
            batch.manifest.update(manifest)
            batch.rows.append(
                _row(
                    name,
                    ANALYSED,
                    REASON_MANIFEST,
                    f"Metadata for {len(manifest)} document(s).",
                )
            )
        else:
            articles.append((name, data))
    count = len(batch.documents)
    for name, data in articles:
        if count >= limits.max_files:
            batch.rows.append(
                _row(name, SKIPPED, REASON_TOO_MANY, f"Only {limits.max_files} files are read.")
            )
            continue
        try:
            raw, hints = extract(name, data, limits)
        except _Fail as fail:
            batch.rows.append(_row(name, SKIPPED, fail.reason, fail.message))
            continue
        except Exception as exc:  # noqa: BLE001 - one bad file never stops the rest
            batch.rows.append(_row(name, SKIPPED, REASON_CORRUPT, f"Unreadable ({exc})."))
            continue
        before = len(batch.documents)
        _build(batch, name, raw, hints)
        count += len(batch.documents) - before
    return IngestResult(batch.documents, statuses_frame(batch.rows))


def document_from_paste(
    text: str, outlet: str = "", title: str = "", existing_ids=(), limits: Limits | None = None
) -> Document:
    """A Document from pasted article text; ``doc_id`` from the title (else ``pasted``).

    Raises ``ValueError`` with a human message when there is no article text.
    Truncation / language warnings are in ``Document.notes``.
    """
    limits = limits or Limits()
    raw = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not raw.strip():
        raise ValueError("The pasted text is empty.")
    batch = _Batch(limits, used_ids=set(existing_ids))
    base = sanitise_id(re.sub(r"\s+", "_", title.strip().lower())[:40] + ".txt") if title else ""
    if not base or base == "doc":
        base = "pasted"
    _build(batch, "pasted text", raw, {"outlet": outlet, "title": title}, id_base=base)
    if not batch.documents:
        raise ValueError(batch.rows[-1]["message"] if batch.rows else "No article text.")
    return batch.documents[0]


# --------------------------------------------------------------------------- URLs


def address_refusal(ip_text: str) -> str:
    """Why an IP address may not be fetched (``loopback``, ``private``...), or ``""``."""
    try:
        ip = ipaddress.ip_address(ip_text.split("%", 1)[0])
    except ValueError:
        return "invalid"
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_private:
        return "private"
    if ip.is_reserved:
        return "reserved"
    if not ip.is_global:
        return "not public"
    return ""


#: Refusals that ``allow_private`` lifts (a local setting); the others always apply.
PRIVATE_KINDS = frozenset({"loopback", "private"})


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise _Fail(REASON_FETCH_FAILED, f"Cannot resolve host {host!r} ({exc}).") from None
    addresses = []
    for info in infos:
        addr = str(info[4][0])
        if addr not in addresses:
            addresses.append(addr)
    if not addresses:
        raise _Fail(REASON_FETCH_FAILED, f"Host {host!r} has no address.")
    return addresses


def _connect_any(ips: list[str], port: int, timeout) -> socket.socket:
    """Connect to the first reachable of the already validated addresses."""
    error: OSError | None = None
    for ip in ips:
        try:
            return socket.create_connection((ip, port), timeout)
        except OSError as exc:
            error = exc
    raise error or OSError("no address")


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to already validated IPs (no second DNS lookup); Host header unchanged."""

    def __init__(self, host, port, ips, timeout):
        super().__init__(host, port, timeout=timeout)
        self._ips = ips

    def connect(self):
        self.sock = _connect_any(self._ips, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, ips, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ips = ips

    def connect(self):
        sock = _connect_any(self._ips, self.port, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _check_url(url: str, allow_private: bool) -> tuple[str, int, list[str], str]:
    """Validate scheme and every resolved address; returns (host, port, addresses, path)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise _Fail(REASON_REFUSED_URL, f"Malformed URL ({exc}).") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise _Fail(
            REASON_REFUSED_URL,
            f"Only http and https URLs can be fetched (not {parts.scheme or 'no scheme'}).",
        )
    host = parts.hostname
    if not host:
        raise _Fail(REASON_REFUSED_URL, "The URL has no host.")
    if parts.username or parts.password:
        raise _Fail(REASON_REFUSED_URL, "URLs with a user name or password are not fetched.")
    port = port or (443 if parts.scheme.lower() == "https" else 80)
    addresses = _resolve(host, port)
    for addr in addresses:
        kind = address_refusal(addr)
        if kind and not (allow_private and kind in PRIVATE_KINDS):
            raise _Fail(
                REASON_REFUSED_URL,
                f"{host} resolves to a {kind} address ({addr}); only public hosts are fetched.",
            )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return host, port, addresses, path


def _download(url: str, limits: Limits, allow_private: bool) -> tuple[str, str, bytes]:
    """GET with manual, re-validated redirects; returns (final url, content type, body)."""
    deadline = time.monotonic() + limits.url_timeout_s
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        host, port, ips, path = _check_url(current, allow_private)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _Fail(REASON_FETCH_FAILED, "Timed out.")
        cls = (
            _PinnedHTTPSConnection if current.lower().startswith("https") else _PinnedHTTPConnection
        )
        conn = cls(host, port, ips, timeout=min(remaining, limits.url_timeout_s))
        try:
            conn.request(
                "GET",
                path,
                headers={
                    "User-Agent": "CoverageLens/0.1 (+article fetch)",
                    "Accept": "text/html,application/xhtml+xml,text/plain,application/pdf;q=0.9",
                    "Accept-Encoding": "identity",
                },
            )
            resp = conn.getresponse()
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.getheader("Location") or ""
                if not location:
                    raise _Fail(REASON_FETCH_FAILED, f"HTTP {resp.status} without a Location.")
                current = urljoin(current, location.strip())
                continue
            if resp.status != 200:
                raise _Fail(REASON_FETCH_FAILED, f"HTTP {resp.status} {resp.reason}.")
            length = resp.getheader("Content-Length")
            if length and length.isdigit() and int(length) > limits.url_max_bytes:
                raise _Fail(
                    REASON_TOO_LARGE,
                    f"The page is {int(length):,} bytes (limit {limits.url_max_bytes:,}).",
                )
            body = bytearray()
            while True:
                if time.monotonic() > deadline:
                    raise _Fail(REASON_FETCH_FAILED, "Timed out while downloading.")
                chunk = resp.read(65_536)
                if not chunk:
                    break
                body += chunk
                if len(body) > limits.url_max_bytes:
                    raise _Fail(
                        REASON_TOO_LARGE,
                        f"The page is larger than {limits.url_max_bytes:,} bytes.",
                    )
            return current, resp.getheader("Content-Type") or "", bytes(body)
        except _Fail:
            raise
        except (OSError, http.client.HTTPException, ssl.SSLError) as exc:
            raise _Fail(
                REASON_FETCH_FAILED, f"Download failed ({type(exc).__name__}: {exc})."
            ) from None
        finally:
            conn.close()
    raise _Fail(REASON_TOO_MANY_REDIRECTS, f"More than {MAX_REDIRECTS} redirects.")


def _url_id(url: str) -> str:
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    base = sanitise_id(segments[-1]) if segments else ""
    if not base or base in ("doc", "index"):
        base = sanitise_id((parts.hostname or "page").replace(".", "_") + ".x")
    return base


def fetch_url(
    url: str,
    limits: Limits | None = None,
    allow_private: bool | None = None,
    existing_ids=(),
) -> tuple[Document | None, dict]:
    """Download one article (http/https, public hosts only) into a Document.

    Refuses other schemes and hosts resolving to loopback, private, link-local,
    multicast, reserved or unspecified addresses, also after each redirect (at
    most 3). ``allow_private`` (default: env ``COVERAGE_LENS_ALLOW_PRIVATE_URLS=1``)
    lifts the loopback/private refusal for local use. Size and time are bounded.
    Returns ``(document or None, status row dict)``; never raises for bad input.
    """
    limits = limits or Limits()
    url = (url or "").strip()
    if allow_private is None:
        allow_private = os.environ.get(ENV_ALLOW_PRIVATE, "").strip() == "1"
    try:
        final_url, content_type, body = _download(url, limits, allow_private)
    except _Fail as fail:
        return None, _row(url, SKIPPED, fail.reason, fail.message)
    except Exception as exc:  # noqa: BLE001 - never raise for a bad URL
        return None, _row(url, SKIPPED, REASON_FETCH_FAILED, f"Download failed ({exc}).")
    mime = content_type.split(";")[0].strip().lower()
    charset = ""
    m = re.search(r"charset=([\w\-]+)", content_type, re.I)
    if m:
        charset = m.group(1)
    path_ext = _suffix(urlsplit(final_url).path)
    if not body.strip():
        return None, _row(url, SKIPPED, REASON_EMPTY, "The page is empty.")
    try:
        if mime in ("text/html", "application/xhtml+xml") or (not mime and path_ext in HTML_TYPES):
            raw, hints = _with_timeout(
                lambda: read_html(body, final_url, charset), limits.parse_timeout_s
            )
        elif mime == "application/pdf" or (not mime and path_ext == ".pdf"):
            raw = _with_timeout(lambda: read_pdf(body, limits), limits.parse_timeout_s)
            hints = {}
        elif mime in ("text/plain", "text/markdown") or (not mime and path_ext in TEXT_TYPES):
            raw, hints = decode_bytes(body)[0], {}
        else:
            raise _Fail(REASON_UNSUPPORTED, f"Unsupported content type ({mime or 'unknown'}).")
    except _Fail as fail:
        return None, _row(url, SKIPPED, fail.reason, fail.message)
    except Exception as exc:  # noqa: BLE001
        return None, _row(url, SKIPPED, REASON_CORRUPT, f"Unreadable page ({exc}).")
    hints = dict(hints)
    hints.setdefault("url", final_url)
    if not hints.get("outlet"):
        hints["outlet"] = outlet_from_url(final_url)
    batch = _Batch(limits, used_ids=set(existing_ids))
    _build(batch, url, raw, hints, id_base=_url_id(final_url))
    row = batch.rows[-1]
    return (batch.documents[0] if batch.documents else None), row


# --------------------------------------------------------------------------- bundles


def _bundle_filename(doc_id: str, used: set[str]) -> str:
    base = doc_id if re.fullmatch(r"[A-Za-z0-9_-]{1,120}", doc_id) else sanitise_id(doc_id)
    name = unique_id(base, used)
    used.add(name)
    return f"{name}.txt"


def write_bundle(documents: list[Document]) -> bytes:
    """One zip: ``<doc_id>.txt`` per document, ``sources.csv`` metadata and ``bundle.json``.

    :func:`read_bundle` restores the same doc_ids, text and metadata exactly.
    """
    buf = io.BytesIO()
    used: set[str] = {"sources", "bundle"}
    entries = []
    csv_buf = io.StringIO(newline="")
    writer = csv.writer(csv_buf, lineterminator="\n")
    writer.writerow(["doc_id", *MANIFEST_FIELDS])
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for doc in documents:
            filename = _bundle_filename(doc.doc_id, used)
            zf.writestr(filename, doc.text.encode("utf-8"))
            writer.writerow([doc.doc_id, *(getattr(doc, k) for k in MANIFEST_FIELDS)])
            entries.append(
                {
                    "doc_id": doc.doc_id,
                    "file": filename,
                    "source_name": doc.source_name,
                    "boilerplate": doc.boilerplate,
                    "notes": list(doc.notes),
                }
            )
        zf.writestr(MANIFEST_NAME, csv_buf.getvalue().encode("utf-8"))
        marker = {"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION, "documents": entries}
        zf.writestr(BUNDLE_MARKER, json.dumps(marker, ensure_ascii=False, indent=1))
    return buf.getvalue()


def _bundle_into(batch: _Batch, name: str, data: bytes) -> None:
    """Restore a bundle's documents into ``batch`` (status rows per document)."""
    limits = batch.limits
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        check_zip_safety(zf, len(data), limits, "bundle")
        marker = json.loads(_read_member(zf, zf.getinfo(BUNDLE_MARKER), 16 * MB).decode("utf-8"))
        if int(marker.get("version", 0)) > BUNDLE_VERSION:
            raise _Fail(REASON_UNSUPPORTED, f"Bundle version {marker.get('version')} is newer.")
        manifest_text = _read_member(zf, zf.getinfo(MANIFEST_NAME), 16 * MB).decode("utf-8")
    except _Fail as fail:
        batch.rows.append(_row(name, SKIPPED, fail.reason, fail.message))
        return
    except (KeyError, ValueError, zipfile.BadZipFile, OSError, EOFError) as exc:
        batch.rows.append(_row(name, SKIPPED, REASON_CORRUPT, f"Damaged bundle ({exc})."))
        return
    extras = {e.get("doc_id"): e for e in marker.get("documents", []) if isinstance(e, dict)}
    for row in csv.DictReader(io.StringIO(manifest_text, newline="")):
        doc_id = row.get("doc_id") or ""
        extra = extras.get(doc_id, {})
        filename = extra.get("file") or f"{doc_id}.txt"
        shown = f"{name}/{filename}"
        if len(batch.documents) >= limits.max_files:
            batch.rows.append(_row(shown, SKIPPED, REASON_TOO_MANY))
            continue
        if _unsafe(filename):
            batch.rows.append(_row(shown, SKIPPED, REASON_UNSAFE_PATH))
            continue
        try:
            info = zf.getinfo(filename)
            fail = _entry_ratio_fail(info, limits)
            if fail:
                raise fail
            text = _read_member(zf, info, limits.max_file_bytes).decode("utf-8")
        except _Fail as fail:
            batch.rows.append(_row(shown, SKIPPED, fail.reason, fail.message))
            continue
        except (KeyError, UnicodeDecodeError) as exc:
            batch.rows.append(_row(shown, SKIPPED, REASON_CORRUPT, f"Missing or bad text ({exc})."))
            continue
        if not doc_id or doc_id in batch.used_ids:
            new_id = unique_id(doc_id or sanitise_id(filename), batch.used_ids)
        else:
            new_id = doc_id
        doc = Document(
            doc_id=new_id,
            text=text,
            boilerplate=str(extra.get("boilerplate", "")),
            source_name=str(extra.get("source_name", "")),
            notes=[str(n) for n in extra.get("notes", [])],
            **{k: row.get(k) or "" for k in MANIFEST_FIELDS},
        )
        batch.used_ids.add(new_id)
        batch.hashes.setdefault(normalised_hash(text), shown)
        batch.documents.append(doc)
        batch.rows.append(_row(shown, ANALYSED, REASON_OK, "", new_id, len(text)))


def read_bundle(data: bytes, name: str = "bundle.zip", limits: Limits | None = None) -> Corpus:
    """Restore the documents of a bundle written by :func:`write_bundle`."""
    batch = _Batch(limits or LOCAL_LIMITS)
    _bundle_into(batch, name, data)
    return Corpus(batch.documents, statuses_to_problems(statuses_frame(batch.rows)))


def load_corpus_path(path: str | Path, limits: Limits | None = None) -> Corpus:
    """Load a folder, a ``.zip`` (bundle or plain articles) or one article file.

    Folder files go through the same readers as uploads (so Latin-1, HTML, PDF,
    DOCX work and binary/empty files are reported by name); ``sources.csv`` is the
    manifest. Defaults to :data:`LOCAL_LIMITS`. Raises ``FileNotFoundError`` when
    the path does not exist.
    """
    limits = limits or LOCAL_LIMITS
    p = Path(path)
    if p.is_dir():
        files = []
        problems = []
        for file in sorted(p.iterdir()):
            if not file.is_file() or file.name.startswith("."):
                continue
            try:
                files.append((file.name, file.read_bytes()))
            except OSError as exc:
                problems.append((file.name, f"unreadable ({exc.strerror})"))
        # The manifest first, so it applies to every article.
        files.sort(key=lambda f: f[0].lower() != MANIFEST_NAME)
        result = read_uploads(files, limits)
        return Corpus(result.documents, problems + result.problems)
    if p.is_file():
        try:
            data = p.read_bytes()
        except OSError as exc:
            return Corpus([], [(p.name, f"unreadable ({exc.strerror})")])
        if p.suffix.lower() == ".zip" and is_bundle(data):
            return read_bundle(data, p.name, limits)
        return read_uploads([(p.name, data)], limits).to_corpus()
    raise FileNotFoundError(f"corpus not found: {p}")
