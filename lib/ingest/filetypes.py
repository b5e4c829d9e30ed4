"""The formats the readers take, by extension and by MIME type: one table, so a file
uploaded as ``report.docx`` and a web address serving
``application/vnd.openxmlformats-officedocument.wordprocessingml.document`` reach the same
reader (:func:`lib.ingest.readers.read_article`)."""

from __future__ import annotations

from pathlib import PurePosixPath

#: Format -> (extensions, MIME types). "" is a file without extension (read as text).
FORMATS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "text": ((".txt", ".md", ".markdown", ""), ("text/plain", "text/markdown", "text/x-markdown")),
    "html": ((".html", ".htm", ".xhtml"), ("text/html", "application/xhtml+xml")),
    "pdf": ((".pdf",), ("application/pdf", "application/x-pdf")),
    "docx": (
        (".docx",),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
    ),
}
#: Archives: a zip of articles (uploads and folders expand it; a web page never is one).
ARCHIVE_TYPES = (".zip",)
ARCHIVE_MIMES = ("application/zip", "application/gzip", "application/x-gzip")
#: MIME types that say nothing about the format: the address's extension decides.
GENERIC_MIMES = ("", "application/octet-stream", "binary/octet-stream")

#: Every extension a folder, upload or zip member may have.
SUPPORTED_TYPES = tuple(ext for exts, _ in FORMATS.values() for ext in exts) + ARCHIVE_TYPES


def file_suffix(name: str) -> str:
    base = PurePosixPath(name.replace("\\", "/")).name
    return PurePosixPath(base).suffix.lower() if "." in base.lstrip(".") else ""


def format_of(name: str = "", mime: str = "") -> str | None:
    """The format of a payload: by its MIME type when that names one, else by the
    extension of ``name`` (a file name or an address's path); None when unknown."""
    mime = mime.split(";")[0].strip().lower()
    if mime not in GENERIC_MIMES:
        return next((f for f, (_, mimes) in FORMATS.items() if mime in mimes), None)
    ext = file_suffix(name)
    return next((f for f, (exts, _) in FORMATS.items() if ext in exts), None)
