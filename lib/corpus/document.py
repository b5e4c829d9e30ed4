"""One article (:class:`Document`) and a set of them with per-file problems (:class:`Corpus`)."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field


@dataclass
class Document:
    """One article: metadata, clean body text and the furniture set aside.

    ``text`` is what the NLP pipeline sees (paragraphs separated by blank
    lines); ``boilerplate`` holds removed lines, one per line.
    """

    doc_id: str
    text: str
    outlet: str = ""
    title: str = ""
    published: str = ""
    byline: str = ""
    url: str = ""
    boilerplate: str = ""
    source_name: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def display_outlet(self) -> str:
        return self.outlet or unknown_outlet(self.doc_id)

    @functools.cached_property
    def content_hash(self) -> str:
        """Hash of text and metadata (computed once: documents are replaced, never mutated)."""
        meta = "\x1f".join([self.doc_id, self.outlet, self.title, self.published, self.byline])
        return hashlib.sha256((meta + "\x1e" + self.text).encode("utf-8")).hexdigest()


@dataclass
class Corpus:
    """Documents read from a source plus per-file problems (name, reason)."""

    documents: list[Document]
    problems: list[tuple[str, str]] = field(default_factory=list)


def unknown_outlet(doc_id: str) -> str:
    return f"Unknown ({doc_id})"
