"""Bundles: a corpus saved with its edited metadata as one zip, restored exactly.

A bundle holds ``<doc_id>.txt`` per document, ``sources.csv`` (metadata) and
``bundle.json`` (format marker, original file names, furniture, notes).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile

from lib.corpus.document import Corpus, Document
from lib.corpus.manifest import MANIFEST_FIELDS, MANIFEST_NAME
from lib.ingest.archives import check_zip_safety, entry_ratio_fail, read_member, unsafe_member
from lib.ingest.batch import Batch, sanitise_id, unique_id
from lib.ingest.decode import normalised_hash
from lib.ingest.limits import LOCAL_LIMITS, MB, Limits, truncate_text
from lib.ingest.status import (
    ANALYSED,
    REASON_CORRUPT,
    REASON_OK,
    REASON_TOO_MANY,
    REASON_TRUNCATED,
    REASON_UNSAFE_PATH,
    REASON_UNSUPPORTED,
    SKIPPED,
    TRUNCATED,
    IngestError,
    status_row,
    statuses_frame,
    statuses_to_problems,
)

BUNDLE_MARKER = "bundle.json"


BUNDLE_FORMAT = "coverage-lens-bundle"


BUNDLE_VERSION = 1


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


def restore_bundle(batch: Batch, name: str, data: bytes) -> None:
    """Restore a bundle's documents into ``batch`` (status rows per document)."""
    limits = batch.limits
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        check_zip_safety(zf, len(data), limits, "bundle")
        marker = json.loads(read_member(zf, zf.getinfo(BUNDLE_MARKER), 16 * MB).decode("utf-8"))
        check_marker(marker)
        if marker.get("version", 0) > BUNDLE_VERSION:
            raise IngestError(
                REASON_UNSUPPORTED, f"Bundle version {marker.get('version')} is newer."
            )
        manifest_text = read_member(zf, zf.getinfo(MANIFEST_NAME), 16 * MB).decode("utf-8")
    except IngestError as fail:
        batch.rows.append(status_row(name, SKIPPED, fail.reason, fail.message))
        return
    except (KeyError, ValueError, zipfile.BadZipFile, OSError, EOFError) as exc:
        batch.rows.append(status_row(name, SKIPPED, REASON_CORRUPT, f"Damaged bundle ({exc})."))
        return
    extras = {e.get("doc_id"): e for e in marker.get("documents", []) if isinstance(e, dict)}
    for row in csv.DictReader(io.StringIO(manifest_text, newline="")):
        doc_id = row.get("doc_id") or ""
        extra = extras.get(doc_id, {})
        filename = extra.get("file") or f"{doc_id}.txt"
        shown = f"{name}/{filename}"
        if len(batch.documents) >= limits.max_files:
            batch.rows.append(status_row(shown, SKIPPED, REASON_TOO_MANY))
            continue
        if unsafe_member(filename):
            batch.rows.append(status_row(shown, SKIPPED, REASON_UNSAFE_PATH))
            continue
        try:
            info = zf.getinfo(filename)
            fail = entry_ratio_fail(info, limits)
            if fail:
                raise fail
            text = read_member(zf, info, limits.max_file_bytes).decode("utf-8")
            text, cut = truncate_text(text, limits.max_doc_chars)
        except IngestError as fail:
            batch.rows.append(status_row(shown, SKIPPED, fail.reason, fail.message))
            continue
        except (KeyError, UnicodeDecodeError) as exc:
            batch.rows.append(
                status_row(shown, SKIPPED, REASON_CORRUPT, f"Missing or bad text ({exc}).")
            )
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
        status, reason = (TRUNCATED, REASON_TRUNCATED) if cut else (ANALYSED, REASON_OK)
        batch.rows.append(status_row(shown, status, reason, "", new_id, len(text)))


#: Types of the fields ``bundle.json`` may carry (top level, then per document).
MARKER_FIELDS = {"version": int, "format": str, "documents": list, "notes": (list, str)}
DOCUMENT_FIELDS = {"doc_id": str, "file": str, "boilerplate": str, "source_name": str}


def check_marker(marker) -> None:
    """Validate ``bundle.json``: wrong types give one clear reason, never Python internals."""

    def bad(what: str) -> IngestError:
        return IngestError(REASON_CORRUPT, f"Damaged bundle: bundle.json {what}.")

    if not isinstance(marker, dict):
        raise bad("is not an object")
    for key, kind in MARKER_FIELDS.items():
        value = marker.get(key)
        if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
            raise bad(f"field '{key}' has the wrong type")
    for n, entry in enumerate(marker.get("documents") or [], start=1):
        if not isinstance(entry, dict):
            raise bad(f"document {n} is not an object")
        for key, kind in DOCUMENT_FIELDS.items():
            if entry.get(key) is not None and not isinstance(entry[key], kind):
                raise bad(f"document {n}: field '{key}' has the wrong type")
        notes = entry.get("notes")
        if notes is not None and not (
            isinstance(notes, list) and all(isinstance(x, str) for x in notes)
        ):
            raise bad(f"document {n}: 'notes' must be a list of texts")


def read_bundle(data: bytes, name: str = "bundle.zip", limits: Limits | None = None) -> Corpus:
    """Restore the documents of a bundle written by :func:`write_bundle`."""
    batch = Batch(limits or LOCAL_LIMITS)
    restore_bundle(batch, name, data)
    return Corpus(batch.documents, statuses_to_problems(statuses_frame(batch.rows)))
