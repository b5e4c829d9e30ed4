"""Per-file status rows: every input file gets exactly one (see ``docs/limits.md``).

``reason`` is a stable short code (the ``REASON_*`` constants), ``message`` the sentence a
user reads. Readers raise :class:`IngestError` (reason + message); the batch turns it into
a row and goes on with the next file.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.corpus.document import Corpus, Document
from lib.schema import STATUS_COLUMNS

ANALYSED, SKIPPED, TRUNCATED = "analysed", "skipped", "truncated"


#: A row about the analysis as a whole, not one file (the corpus time budget, a cache
#: folder that cannot be written): the articles are analysed, the note says what is missing.
NOTE = "note"


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


REASON_COMPRESSED = "compressed file"


REASON_BOMB = "decompression bomb"


REASON_NOT_ENGLISH_SCRIPT = "not English"


REASON_MIXED_ENCODING = "warning: mixed encoding"


REASON_NOT_REGULAR = "not a regular file"


REASON_BAD_LINK = "bad link"


REASON_HIDDEN = "hidden file"


REASON_SUBFOLDER = "subfolder"


REASON_PARTIAL_BUNDLE = "partial bundle"


REASON_NOT_LISTED = "not listed in bundle"


#: The text goes over a per-document work limit (numbers, quotations): see lib.nlp.caps.
REASON_CAPPED = "warning: analysis capped"


#: Key of the metadata hints under which a reader passes a warning (reason, message) on.
WARNING_HINT = "_warning"


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
    REASON_COMPRESSED: "The file is compressed (gzip, bzip2, 7z or RAR); decompress it first.",
    REASON_BOMB: "Compressed content expands far more than a normal file would "
    "(decompression bomb).",
    REASON_NOT_ENGLISH_SCRIPT: "The text is not in the Latin script; only English articles "
    "are analysed.",
    REASON_MIXED_ENCODING: "Mixed UTF-8 and Windows-1252/Latin-1 bytes: each part was decoded "
    "separately; check accented letters and quotes.",
    REASON_NOT_REGULAR: "Not a regular file (a FIFO, socket or device); not opened.",
    REASON_BAD_LINK: "A symbolic link that is broken, loops, or points outside the folder; "
    "not followed.",
    REASON_HIDDEN: "Hidden files (names starting with '.') are not read.",
    REASON_SUBFOLDER: "Subfolders are not read; put the articles in the folder itself.",
    REASON_PARTIAL_BUNDLE: "Only part of the bundle was restored; see the rows of its files.",
    REASON_NOT_LISTED: "The file is in the bundle but not in its sources.csv; not restored.",
}


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


class IngestError(Exception):
    """A file cannot be read: carries a reason code and a human message."""

    def __init__(self, reason: str, message: str = ""):
        super().__init__(message or REASON_MESSAGES.get(reason, reason))
        self.reason = reason
        self.message = message or REASON_MESSAGES.get(reason, reason)


def status_row(
    file: str, status: str, reason: str = "", message: str = "", doc_id: str = "", chars=0
):
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
