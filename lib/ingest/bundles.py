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
from lib.csvsafe import neutralise, restore
from lib.ingest.archives import check_zip_safety, member_problem, read_member, unsafe_member
from lib.ingest.batch import Batch, sanitise_id, unique_id
from lib.ingest.decode import normalised_hash
from lib.ingest.limits import LOCAL_LIMITS, MB, Limits, limit_text
from lib.ingest.paths import payload_size, zip_source
from lib.ingest.status import (
    ANALYSED,
    REASON_CORRUPT,
    REASON_EMPTY,
    REASON_NOT_LISTED,
    REASON_OK,
    REASON_PARTIAL_BUNDLE,
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


def is_bundle(data) -> bool:
    """True for a zip (bytes or a checked local file) holding a ``bundle.json`` marker."""
    try:
        with zip_source(data) as source, zipfile.ZipFile(source) as zf:
            info = zf.getinfo(BUNDLE_MARKER)
            if info.file_size > MB:
                return False
            marker = json.loads(zf.read(info).decode("utf-8"))
    except RecursionError:
        return True  # a bundle.json nested too deep to read: a damaged bundle, said so
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, IngestError):
        return False
    return isinstance(marker, dict) and marker.get("format") == BUNDLE_FORMAT


def _load_marker(data: bytes):
    """``bundle.json`` as Python values; nesting too deep for the parser is a damaged bundle
    (one clear reason, never Python's RecursionError)."""
    try:
        return json.loads(data.decode("utf-8"))
    except RecursionError:
        raise IngestError(REASON_CORRUPT, "Damaged bundle: nesting too deep.") from None


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
            cells = [doc.doc_id, *(getattr(doc, k) for k in MANIFEST_FIELDS)]
            writer.writerow([neutralise(c) for c in cells])  # formula-safe, read back exactly
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


def restore_bundle(batch: Batch, name: str, data) -> None:
    """Restore a bundle's documents into ``batch``: one row per document, a row for every
    file in the zip that is not restored, and a ``partial bundle`` row for the bundle
    itself when not everything it lists could be restored."""
    try:
        with zip_source(data) as source, zipfile.ZipFile(source) as zf:
            marker, listed = _open_bundle(zf, payload_size(data), batch.limits)
            extras = {e.get("doc_id"): e for e in marker.get("documents") or []}
            before = len(batch.rows)
            for row in listed:
                _restore_one(batch, zf, name, row, extras.get(str(row.get("doc_id") or ""), {}))
            files = {r["file"] for r in batch.rows[before:]}
            _name_unlisted(batch, zf, name, files)
    except IngestError as fail:
        batch.rows.append(status_row(name, SKIPPED, fail.reason, fail.message))
        return
    except KeyError as exc:  # zf.getinfo: bundle.json or sources.csv missing
        message = f"Damaged bundle: {exc.args[0] if exc.args else exc}."
        batch.rows.append(status_row(name, SKIPPED, REASON_CORRUPT, message))
        return
    except (ValueError, csv.Error, zipfile.BadZipFile, OSError, EOFError) as exc:
        message = f"Damaged bundle ({type(exc).__name__}: {exc})."
        batch.rows.append(status_row(name, SKIPPED, REASON_CORRUPT, message))
        return
    rows = batch.rows[before:]
    kept = sum(r["status"] != SKIPPED for r in rows)
    if kept < len(rows):
        message = (
            f"{kept} of {len(rows)} files restored; the rows for {name}/… say why the "
            "others were not."
        )
        status = ANALYSED if kept else SKIPPED
        batch.rows.append(status_row(name, status, REASON_PARTIAL_BUNDLE, message))


def _open_bundle(zf: zipfile.ZipFile, size: int, limits: Limits) -> tuple[dict, list[dict]]:
    """The checked ``bundle.json`` and the rows of ``sources.csv``."""
    check_zip_safety(zf, size, limits, "bundle", whole=False)
    marker = _load_marker(read_member(zf, zf.getinfo(BUNDLE_MARKER), 16 * MB))
    check_marker(marker)
    if marker.get("version", 0) > BUNDLE_VERSION:
        raise IngestError(REASON_UNSUPPORTED, f"Bundle version {marker.get('version')} is newer.")
    manifest_text = read_member(zf, zf.getinfo(MANIFEST_NAME), 16 * MB).decode("utf-8")
    rows = [
        {k: restore(v) for k, v in row.items()}
        for row in csv.DictReader(io.StringIO(manifest_text, newline=""))
    ]
    if rows and "doc_id" not in rows[0]:
        raise IngestError(REASON_CORRUPT, "Damaged bundle: sources.csv has no doc_id column.")
    return marker, rows


def _restore_one(batch: Batch, zf: zipfile.ZipFile, name: str, row: dict, extra: dict) -> None:
    """One document of a bundle (its row says analysed, truncated or why it was skipped);
    ``extra`` is its entry in ``bundle.json``."""
    limits = batch.limits
    doc_id = str(row.get("doc_id") or "")
    filename = extra.get("file") or f"{doc_id}.txt"
    shown = f"{name}/{filename}"
    try:
        if len(batch.documents) >= limits.max_files:
            raise IngestError(REASON_TOO_MANY)
        if unsafe_member(filename):
            raise IngestError(REASON_UNSAFE_PATH)
        info = zf.getinfo(filename)
        fail = member_problem(info, limits)
        if fail:
            raise fail
        text = read_member(zf, info, limits.max_file_bytes).decode("utf-8")
    except IngestError as fail:
        batch.rows.append(status_row(shown, SKIPPED, fail.reason, fail.message))
        return
    except KeyError:
        message = "Damaged bundle: sources.csv lists this file but the zip does not hold it."
        batch.rows.append(status_row(shown, SKIPPED, REASON_CORRUPT, message))
        return
    except UnicodeDecodeError:
        message = "Damaged bundle: this text is not valid UTF-8."
        batch.rows.append(status_row(shown, SKIPPED, REASON_CORRUPT, message))
        return
    if not text.strip():
        batch.rows.append(status_row(shown, SKIPPED, REASON_EMPTY))
        return
    text, notes, cut = limit_text(text, limits.max_doc_chars)
    if not doc_id or doc_id in batch.used_ids:
        new_id = unique_id(doc_id or sanitise_id(filename), batch.used_ids)
    else:
        new_id = doc_id
    doc = Document(
        doc_id=new_id,
        text=text,
        boilerplate=str(extra.get("boilerplate", "")),
        source_name=str(extra.get("source_name", "")),
        notes=[str(n) for n in extra.get("notes", [])] + notes,
        **{k: str(row.get(k) or "") for k in MANIFEST_FIELDS},
    )
    batch.used_ids.add(new_id)
    batch.hashes.setdefault(normalised_hash(text), shown)
    batch.documents.append(doc)
    status, reason = (TRUNCATED, REASON_TRUNCATED) if cut else (ANALYSED, REASON_OK)
    message = " ".join(notes) if cut else ""
    batch.rows.append(status_row(shown, status, reason, message, new_id, len(text)))


def _name_unlisted(batch: Batch, zf: zipfile.ZipFile, name: str, seen: set[str]) -> None:
    """A row for each file in the bundle that ``sources.csv`` does not list."""
    for info in zf.infolist():
        member = info.filename
        shown = f"{name}/{member}"
        if info.is_dir() or member in (BUNDLE_MARKER, MANIFEST_NAME) or shown in seen:
            continue
        batch.rows.append(status_row(shown, SKIPPED, REASON_NOT_LISTED))


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


def read_bundle(data, name: str = "bundle.zip", limits: Limits | None = None) -> Corpus:
    """Restore the documents of a bundle written by :func:`write_bundle` (bytes or a
    :class:`~lib.ingest.paths.LocalFile`)."""
    batch = Batch(limits or LOCAL_LIMITS)
    restore_bundle(batch, name, data)
    return Corpus(batch.documents, statuses_to_problems(statuses_frame(batch.rows)))
