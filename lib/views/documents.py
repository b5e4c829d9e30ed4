"""Document views: how the pages name each file status."""

from __future__ import annotations

import pandas as pd

#: Status of a file as the *Your articles* page shows it.
STATUS_NAMES = {
    "analysed": "Analysed",
    "truncated": "Analysed (truncated)",
    "skipped": "Skipped",
    "note": "Note",
}


#: Longest file name a table or note shows; longer ones keep their start and end.
MAX_NAME_CHARS = 120


def short_name(name: str, limit: int = MAX_NAME_CHARS) -> str:
    """A file name as shown: invisible characters removed and, past ``limit`` characters,
    its start and end around "…" (so the extension stays visible)."""
    from lib.corpus.document import display_name

    name = display_name(str(name or ""))
    if len(name) <= limit:
        return name
    tail = min(30, limit // 3)
    return f"{name[: limit - tail - 1]}…{name[-tail:]}"


def status_table(statuses: pd.DataFrame) -> pd.DataFrame:
    """The *Your articles* status rows as shown: statuses in words, file names shortened."""
    return statuses.assign(
        status=statuses["status"].map(STATUS_NAMES), file=statuses["file"].map(short_name)
    )


def metadata_table(documents, fields: list[str]) -> pd.DataFrame:
    """One row per document: ``doc_id`` and the editable metadata ``fields``."""
    rows = [{"doc_id": d.doc_id, **{f: getattr(d, f) for f in fields}} for d in documents]
    return pd.DataFrame(rows, columns=["doc_id", *fields])


def outlet_notes(analysis) -> dict[str, str]:
    """A hover note per outlet naming its articles, so an outlet shown as *Article N* (the
    text names none) can be traced to its file: "Article 3 (no outlet named in the text) ·
    file 002.txt", "The Daily Example · “Storm hits the coast” (file storm.txt)".

    Uses ``analysis.documents`` (outlet, title) and ``analysis.texts`` (source_name)."""
    from lib.corpus.document import display_name, is_fallback_label

    docs = analysis.documents
    if docs.empty:
        return {}
    files = analysis.texts.set_index("doc_id")["source_name"] if len(analysis.texts) else {}
    notes: dict[str, list[str]] = {}
    for doc in docs.itertuples():
        title = display_name(doc.title) if isinstance(doc.title, str) else ""
        name = short_name(str(files.get(doc.doc_id, "") or ""))
        item = f"“{title}” (file {name})" if title else f"file {name}"
        head = f"{doc.outlet} (no outlet named in the text)"
        notes.setdefault(doc.outlet, [head if is_fallback_label(doc.outlet) else doc.outlet])
        notes[doc.outlet].append(item if name or title else "")
    return {outlet: " · ".join(i for i in items if i) for outlet, items in notes.items()}
