"""File types the readers accept, by extension."""

from __future__ import annotations

from pathlib import PurePosixPath

TEXT_TYPES = (".txt", ".md", ".markdown", "")


HTML_TYPES = (".html", ".htm", ".xhtml")


SUPPORTED_TYPES = TEXT_TYPES + HTML_TYPES + (".pdf", ".docx", ".zip")


def file_suffix(name: str) -> str:
    base = PurePosixPath(name.replace("\\", "/")).name
    return PurePosixPath(base).suffix.lower() if "." in base.lstrip(".") else ""
