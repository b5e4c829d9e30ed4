"""One article (:class:`Document`) and a set of them with per-file problems (:class:`Corpus`)."""

from __future__ import annotations

import functools
import hashlib
import re
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
    """Label of one document with no known outlet, seen alone (see :func:`outlet_labels`)."""
    return f"Unknown ({doc_id})"


#: Bidirectional controls and zero-width characters: "rtl_\u202etxt.exe" must not display as
#: "rtl_exe.txt". Kept in the data, stripped wherever a name is shown.
INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]")


def display_name(text: str) -> str:
    """``text`` as shown to a user: bidi controls and zero-width characters removed."""
    return INVISIBLE_RE.sub("", text or "")


FALLBACK_RE = re.compile(r"^Article \d+(?: \(.*\))?$")


def outlet_labels(documents) -> list[str]:
    """The outlet label of each document of a corpus: its outlet, else a short "Article N"
    (N = its position, 1-based) that fits chips, columns and legends; "Article N (doc id)"
    if a real outlet already has that name."""
    real = {display_name(d.outlet) for d in documents if d.outlet}
    labels = []
    for n, d in enumerate(documents, start=1):
        label = display_name(d.outlet) or f"Article {n}"
        if not d.outlet and label in real:
            label = f"{label} ({d.doc_id})"
        labels.append(label)
    return labels


def is_fallback_label(label: str) -> bool:
    """Is ``label`` one :func:`outlet_labels` made up (not a real outlet)?"""
    return bool(FALLBACK_RE.match(label or ""))
