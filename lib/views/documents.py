"""Document views: how the pages name each file status."""

from __future__ import annotations

import pandas as pd

from lib.records import OVERVIEW_PAGE, READER_ENTITIES_PAGE

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
    file 002.txt", "The Daily Example · “Storm hits the coast” (file storm.txt)", and one
    only a file's name gave says so: "Health Desk (from the file name; rename it on Your
    articles) · …".

    Uses ``analysis.documents`` (outlet, title) and ``analysis.texts`` (source_name)."""
    from lib.corpus.document import display_name, is_fallback_label

    docs = analysis.documents
    if docs.empty:
        return {}
    texts = analysis.texts.set_index("doc_id") if len(analysis.texts) else None
    files = texts["source_name"] if texts is not None else {}
    notes: dict[str, list[str]] = {}
    for doc in docs.itertuples():
        title = display_name(doc.title) if isinstance(doc.title, str) else ""
        name = short_name(str(files.get(doc.doc_id, "") or ""))
        item = f"“{title}” (file {name})" if title else f"file {name}"
        head = doc.outlet
        if is_fallback_label(doc.outlet):
            head = f"{doc.outlet} (no outlet named in the text)"
        elif _named_by_file_only(doc.outlet, name, texts, doc.doc_id):
            head = f"{doc.outlet} (from the file name; rename it on Your articles)"
        notes.setdefault(doc.outlet, [head])
        notes[doc.outlet].append(item if name or title else "")
    return {outlet: " · ".join(i for i in items if i) for outlet, items in notes.items()}


def _named_by_file_only(outlet: str, file_name: str, texts, doc_id: str) -> bool:
    """Did only the file's name give ``outlet`` ("Health Desk" of ``health_desk.txt``), the
    article itself naming it nowhere, not even in its set-aside lines?"""
    from lib.corpus.title import outlet_from_file_name

    if outlet_from_file_name(file_name).casefold() != str(outlet).casefold():
        return False
    row = texts.loc[doc_id] if texts is not None and doc_id in texts.index else None
    written = "" if row is None else f"{row['text']}\n{row['boilerplate']}"
    return str(outlet).casefold() not in written.casefold()


def article_rows(documents: pd.DataFrame, table=OVERVIEW_PAGE) -> pd.DataFrame:
    """The Overview's articles table (``table``: :data:`lib.records.OVERVIEW_PAGE`, or its
    version with each article's story, with the CSV-only columns: the address and document
    id), one row per article."""
    return documents.reindex(columns=table.csv_names()).fillna({"url": ""})


def article_entities(mentions: pd.DataFrame) -> pd.DataFrame:
    """One article's entity mentions in text order (:data:`lib.records.READER_ENTITIES_PAGE`
    with its CSV-only columns; start and end are character offsets into the article's text
    as the Reader shows it)."""
    rows = mentions.sort_values(["start_char", "end_char"]) if len(mentions) else mentions
    return rows.reindex(columns=READER_ENTITIES_PAGE.csv_names()).reset_index(drop=True)


def article_text_file(meta, text: str) -> bytes:
    """One article as a plain-text download: its outlet, title, date and address on top
    (lines that are empty left out), a blank line, then its text (UTF-8)."""
    fields = [("Outlet", "outlet"), ("Title", "title"), ("Published", "published"),
              ("Byline", "byline"), ("Address", "url")]  # fmt: skip
    values = {col: meta.get(col) for _name, col in fields}
    head = [f"{name}: {values[col]}" for name, col in fields if isinstance(values[col], str)
            and values[col].strip()]  # fmt: skip
    return ("\n".join(head) + "\n\n" + text).encode("utf-8")


def entities_per_outlet(entities: pd.DataFrame) -> pd.DataFrame:
    """Distinct entities per outlet and label: columns ``outlet, label, entities`` (the
    Overview's bars; this module stays light, so a new server's first page imports little)."""
    if entities.empty:
        return pd.DataFrame(columns=["outlet", "label", "entities"])
    return (
        entities.groupby(["outlet", "label"], sort=False)["entity"]
        .nunique()
        .rename("entities")
        .reset_index()
    )
