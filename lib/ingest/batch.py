"""One batch of articles being read: ids in use, duplicates, manifest, status rows.

:func:`add_article` normalises, checks and parses one article's raw text into the batch
(a Document and a status row, or a status row saying why not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from lib.corpus.document import Document
from lib.corpus.parse import parse_document
from lib.ingest.decode import likely_not_english, non_latin_script, normalised_hash
from lib.ingest.limits import Limits, limit_text, truncate_text, with_timeout
from lib.ingest.status import (
    ANALYSED,
    REASON_CAPPED,
    REASON_CORRUPT,
    REASON_DUPLICATE,
    REASON_EMPTY,
    REASON_MESSAGES,
    REASON_NO_TEXT,
    REASON_NOT_ENGLISH,
    REASON_NOT_ENGLISH_SCRIPT,
    REASON_OK,
    REASON_TRUNCATED,
    SKIPPED,
    TRUNCATED,
    WARNING_HINT,
    IngestError,
    status_row,
)

DOC_ID_MAX = 80


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


@dataclass
class Batch:
    """State shared while reading one batch: ids in use, content hashes seen, manifest."""

    limits: Limits
    used_ids: set[str] = field(default_factory=set)
    hashes: dict[str, str] = field(default_factory=dict)
    manifest: dict[str, dict[str, str]] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)


def add_article(
    batch: Batch, name: str, raw: str, hints: dict[str, str], id_base: str = ""
) -> None:
    """Normalise, check and parse one article's raw text; append a Document and a row."""
    try:
        _add_checked(batch, name, raw, hints, id_base)
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
        batch.rows.append(status_row(name, SKIPPED, REASON_CORRUPT, f"Unreadable ({exc})."))


def _add_checked(batch: Batch, name: str, raw: str, hints: dict, id_base: str) -> None:
    limits = batch.limits
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    if not raw.strip():
        batch.rows.append(status_row(name, SKIPPED, REASON_EMPTY))
        return
    script = non_latin_script(raw)
    if script:
        message = f"Not English ({script}): only English articles are analysed."
        batch.rows.append(status_row(name, SKIPPED, REASON_NOT_ENGLISH_SCRIPT, message))
        return
    digest = normalised_hash(raw)
    if digest in batch.hashes:
        other = batch.hashes[digest]
        batch.rows.append(status_row(name, SKIPPED, REASON_DUPLICATE, f"Duplicate of {other}."))
        return
    raw, notes, cut = limit_text(raw, limits.max_doc_chars)
    base = id_base or sanitise_id(name)
    warning = hints.get(WARNING_HINT)
    merged = {k: v for k, v in hints.items() if v and k != WARNING_HINT}
    merged.update({k: v for k, v in batch.manifest.get(base, {}).items() if v})
    merged["source_name"] = name
    doc_id = unique_id(base, batch.used_ids)
    try:
        doc = with_timeout(lambda: parse_document(doc_id, raw, merged), limits.parse_timeout_s)
    except IngestError as fail:
        batch.rows.append(status_row(name, SKIPPED, fail.reason, fail.message))
        return
    if not doc.text.strip():
        batch.rows.append(
            status_row(
                name, SKIPPED, REASON_NO_TEXT, "No article text after removing page furniture."
            )
        )
        return
    if len(doc.text) > limits.max_doc_chars:
        doc.text, _ = truncate_text(doc.text, limits.max_doc_chars)
        if not cut:
            cut = True
            notes.insert(0, f"Truncated to {limits.max_doc_chars:,} characters.")
    if warning:
        notes.append(warning[1])
    foreign = likely_not_english(doc.text)
    if foreign:
        notes.append(REASON_MESSAGES[REASON_NOT_ENGLISH])
    capped = bool(doc.notes)  # work limits the text goes over (lib.nlp.caps)
    doc.notes.extend(notes)
    batch.used_ids.add(doc_id)
    batch.hashes[digest] = name
    batch.documents.append(doc)
    if cut:
        status, reason = TRUNCATED, REASON_TRUNCATED
    elif foreign:
        status, reason = ANALYSED, REASON_NOT_ENGLISH
    elif warning:
        status, reason = ANALYSED, warning[0]
    elif capped:
        status, reason = ANALYSED, REASON_CAPPED
    else:
        status, reason = ANALYSED, REASON_OK
    message = " ".join(doc.notes) if reason else ""
    batch.rows.append(status_row(name, status, reason, message, doc_id, len(doc.text)))
