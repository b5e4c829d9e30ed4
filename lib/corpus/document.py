"""One article (:class:`Document`) and a set of them with per-file problems (:class:`Corpus`)."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from lib.records import METADATA_FIELDS

#: Metadata shown as names (cleaned on construction with :func:`display_name`): the
#: metadata columns except the address.
NAME_FIELDS = tuple(c for c in METADATA_FIELDS if c != "url")


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

    def __post_init__(self) -> None:
        # names and dates are shown and compared as they look (see display_name): an outlet
        # written with a zero-width joiner or full-width letters is the same outlet
        for name in NAME_FIELDS:
            value = getattr(self, name)
            if value:
                setattr(self, name, display_name(value))

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


#: Unicode's default-ignorable code points (DerivedCoreProperties.txt,
#: Default_Ignorable_Code_Point): zero-width spaces and joiners (U+200B-U+200D, U+2060),
#: bidirectional controls ("rtl_\u202etxt.exe" must not display as "rtl_exe.txt"), soft
#: hyphens, variation selectors, fillers and tag characters (U+E0000-U+E0FFF). They draw
#: nothing, so "Daily\u2060News" would look like another "DailyNews".
INVISIBLE_RE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def strip_invisible(text: str) -> str:
    """``text`` without default-ignorable code points (see :data:`INVISIBLE_RE`)."""
    return INVISIBLE_RE.sub("", text)


def display_name(text: str) -> str:
    """``text`` as shown to a user: default-ignorable code points removed, NFKC-normalised
    (full-width letters, ligatures, no-break spaces read as their plain forms) and runs of
    white space made one space, so names that look the same are the same."""
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFKC", strip_invisible(text)).split())


FALLBACK_RE = re.compile(r"^Article \d+(?: \(.*\))?$")


def outlet_labels(documents) -> list[str]:
    """The outlet label of each document of a corpus: its outlet, else a short "Article N"
    (N = its position, 1-based) that fits chips, columns and legends; "Article N (doc id)"
    if a real outlet already has that name."""
    real = {display_name(d.outlet) for d in documents if d.outlet}
    labels = []
    for n, d in enumerate(documents, start=1):
        label = _one_outlet_name(d, real) or f"Article {n}"
        if not d.outlet and label in real:
            label = f"{label} ({d.doc_id})"
        labels.append(label)
    return labels


def _one_outlet_name(document, real: set[str]) -> str:
    """The outlet shown for ``document``: its own, except that an outlet only its file
    name gave ("fox" of ``fox.txt``) is the one outlet another article names in full
    ("Fox News", :func:`lib.corpus.title.names_same_outlet`), so one outlet is one
    name."""
    from lib.corpus.title import as_name, names_same_outlet, outlet_from_file_name

    own = display_name(document.outlet)
    named = outlet_from_file_name(document.source_name)
    if not own or own.casefold() != named.casefold():
        return own
    if own != as_name(named):  # "POLITICO" of politico_….txt: the article writes it so
        return own
    fuller = {o for o in real if o != own and names_same_outlet(own, o)}
    # "politico" of a file beside "POLITICO" another article of that file name writes:
    # the written form, whatever other names fit
    written = sorted(o for o in fuller if o.casefold() == own.casefold())
    if written:
        return written[0]
    return fuller.pop() if len(fuller) == 1 else own


def one_name_per_outlet(documents: list[Document]) -> list[Document]:
    """``documents`` with every outlet only a file name gave written as another article
    names it in full (see :func:`_one_outlet_name`), so the metadata a user edits shows
    the outlet every page shows."""
    from dataclasses import replace

    real = {display_name(d.outlet) for d in documents if d.outlet}
    out = []
    for d in documents:
        name = _one_outlet_name(d, real)
        out.append(replace(d, outlet=name) if d.outlet and name != display_name(d.outlet) else d)
    return out


def is_fallback_label(label: str) -> bool:
    """Is ``label`` one :func:`outlet_labels` made up (not a real outlet)?"""
    return bool(FALLBACK_RE.match(label or ""))
