"""Uploaded files and pasted text -> Documents plus one status row per file."""

from __future__ import annotations

import csv
import re
from pathlib import PurePosixPath

from lib.corpus.document import Document
from lib.corpus.manifest import MANIFEST_NAME, parse_manifest
from lib.ingest.archives import expand_zip
from lib.ingest.batch import Batch, add_article, sanitise_id
from lib.ingest.bundles import is_bundle, restore_bundle
from lib.ingest.decode import decode_bytes
from lib.ingest.filetypes import file_suffix
from lib.ingest.limits import Limits
from lib.ingest.paths import LocalFile, payload_bytes, payload_size
from lib.ingest.readers import read_file
from lib.ingest.status import (
    ANALYSED,
    REASON_CORRUPT,
    REASON_EMPTY,
    REASON_MANIFEST,
    REASON_TOO_LARGE,
    REASON_TOO_MANY,
    REASON_TOTAL_TOO_LARGE,
    SKIPPED,
    IngestError,
    IngestResult,
    status_row,
    statuses_frame,
)


def _screen(batch: Batch, files) -> list[tuple[str, object]]:
    """Size checks per file and in total, from the size alone (``stat`` for local files);
    zips expanded (bundles restored into the batch). Returns the items left to read."""
    limits = batch.limits
    items: list[tuple[str, object]] = []
    total = 0
    for name, data in files:
        name = str(name)
        if not isinstance(data, LocalFile):
            data = data.encode("utf-8") if isinstance(data, str) else bytes(data or b"")
        size = payload_size(data)
        if size > limits.max_file_bytes and file_suffix(name) != ".zip":
            message = f"{size:,} bytes (limit {limits.max_file_bytes:,})."
            batch.rows.append(status_row(name, SKIPPED, REASON_TOO_LARGE, message))
            continue
        if total + size > limits.max_total_bytes:
            message = (
                f"{size:,} bytes would pass the total limit of {limits.max_total_bytes:,} "
                "bytes for all files together."
            )
            batch.rows.append(status_row(name, SKIPPED, REASON_TOTAL_TOO_LARGE, message))
            continue
        total += size
        if file_suffix(name) != ".zip":
            items.append((name, data))
            continue
        try:
            if is_bundle(data):
                restore_bundle(batch, name, data)
            else:
                items.extend(expand_zip(name, data, limits, batch.rows))
        except Exception as exc:  # noqa: BLE001 - one bad file never stops the rest
            batch.rows.append(status_row(name, SKIPPED, REASON_CORRUPT, f"Unreadable zip ({exc})."))
    return items


def _take_manifests(batch: Batch, items) -> list[tuple[str, object]]:
    """Read every ``sources.csv`` among the items into the batch; returns the articles."""
    articles = []
    for name, data in items:
        if PurePosixPath(name.replace("\\", "/")).name.lower() != MANIFEST_NAME:
            articles.append((name, data))
            continue
        try:
            text = decode_bytes(payload_bytes(data, batch.limits.max_file_bytes))[0]
            manifest = parse_manifest(text)
        except (IngestError, csv.Error, UnicodeError) as exc:
            message = f"Unreadable manifest: {exc}"
            batch.rows.append(status_row(name, SKIPPED, REASON_CORRUPT, message))
            continue
        batch.manifest.update(manifest)
        message = f"Metadata for {len(manifest)} document(s)."
        batch.rows.append(status_row(name, ANALYSED, REASON_MANIFEST, message))
    return articles


def read_uploads(
    files: list[tuple[str, bytes]], limits: Limits | None = None, existing_ids=()
) -> IngestResult:
    """Read uploaded ``(file name, bytes)`` pairs into Documents plus a status table.

    The data may also be a :class:`~lib.ingest.paths.LocalFile` (a folder's file, sized by
    ``stat`` and read only when it passes the size limits).
    Zips are expanded one level (bundles written by ``write_bundle`` are restored
    as they were); a ``sources.csv`` among the files supplies metadata by doc_id.
    ``existing_ids`` are doc_ids already in use (new ones get ``-2``, ``-3`` suffixes).
    Never raises for bad input: each problem is a status row.
    """
    limits = limits or Limits()
    batch = Batch(limits, used_ids=set(existing_ids))
    articles = _take_manifests(batch, _screen(batch, files))
    count = len(batch.documents)
    for name, data in articles:
        if count >= limits.max_files:
            message = f"Only {limits.max_files} files are read."
            batch.rows.append(status_row(name, SKIPPED, REASON_TOO_MANY, message))
            continue
        try:
            raw, hints = read_file(name, payload_bytes(data, limits.max_file_bytes), limits)
        except IngestError as fail:
            batch.rows.append(status_row(name, SKIPPED, fail.reason, fail.message))
            continue
        except Exception as exc:  # noqa: BLE001 - one bad file never stops the rest
            batch.rows.append(status_row(name, SKIPPED, REASON_CORRUPT, f"Unreadable ({exc})."))
            continue
        before = len(batch.documents)
        add_article(batch, name, raw, hints)
        count += len(batch.documents) - before
    return IngestResult(batch.documents, statuses_frame(batch.rows))


def document_from_paste(
    text: str, outlet: str = "", title: str = "", existing_ids=(), limits: Limits | None = None
) -> Document:
    """A Document from pasted article text; ``doc_id`` from the title (else ``pasted``).

    Raises :class:`PasteError` (a ``ValueError``: ``reason`` and a human message) when
    the text cannot be used (empty, not English, nothing left after page furniture).
    Truncation / language warnings are in ``Document.notes``.
    """
    limits = limits or Limits()
    raw = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not raw.strip():
        raise PasteError(REASON_EMPTY, "The pasted text is empty.")
    batch = Batch(limits, used_ids=set(existing_ids))
    base = sanitise_id(re.sub(r"\s+", "_", title.strip().lower())[:40] + ".txt") if title else ""
    if not base or base == "doc":
        base = "pasted"
    add_article(batch, "pasted text", raw, {"outlet": outlet, "title": title}, id_base=base)
    if not batch.documents:
        row = batch.rows[-1]
        raise PasteError(row["reason"], row["message"])
    return batch.documents[0]


class PasteError(ValueError):
    """Pasted text that cannot be used: ``reason`` is the status reason code (``str()`` the
    message a user reads)."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
