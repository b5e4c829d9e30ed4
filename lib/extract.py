"""Run the spaCy pipeline over documents and return an :class:`Analysis` of tidy tables.

spaCy ``Doc``/``Span`` objects never leave this module: every table holds plain
strings and integer character offsets into ``Document.text``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields

import pandas as pd

from lib import entities
from lib.constants import (
    DOCUMENT_COLUMNS,
    ENTITY_COLUMNS,
    MENTION_COLUMNS,
    SENTENCE_COLUMNS,
)
from lib.corpus import Document

TEXT_COLUMNS = ["doc_id", "text", "boilerplate", "source_name", "content_hash"]


@dataclass
class Analysis:
    """Everything the app and CLI show about one corpus.

    - ``documents``: DOCUMENT_COLUMNS + ``entity_count``, ``sentences``
    - ``texts``: doc_id, text, boilerplate, source_name, content_hash
    - ``sentences``: SENTENCE_COLUMNS
    - ``mentions``: MENTION_COLUMNS (+ ``raw_label``)
    - ``entities``: ENTITY_COLUMNS (one row per document and canonical entity)
    """

    documents: pd.DataFrame
    texts: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        """Outlets in document order, each once."""
        return list(dict.fromkeys(self.documents["outlet"]))

    def table(self, name: str) -> pd.DataFrame:
        if name not in {f.name for f in fields(self)} or name == "problems":
            raise KeyError(name)
        return getattr(self, name)


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where each blank-line separated paragraph starts."""
    starts = [0]
    pos = text.find("\n\n")
    while pos != -1:
        starts.append(pos + 2)
        pos = text.find("\n\n", pos + 2)
    return starts


def _sentence_records(doc, doc_id: str, outlet: str, text: str) -> tuple[list[dict], list[int]]:
    """Sentence rows and, per token, the index of its sentence."""
    para = paragraph_starts(text)
    rows: list[dict] = []
    sent_ids = [0] * len(doc)
    sid = -1
    for sent in doc.sents:
        stripped = sent.text.strip()
        if stripped:
            sid += 1
            lead = len(sent.text) - len(sent.text.lstrip())
            start = sent.start_char + lead
            rows.append(
                {
                    "doc_id": doc_id,
                    "outlet": outlet,
                    "sentence_id": sid,
                    "paragraph_id": bisect.bisect_right(para, start) - 1,
                    "start_char": start,
                    "end_char": start + len(stripped),
                    "text": stripped,
                }
            )
        for i in range(sent.start, sent.end):
            sent_ids[i] = max(sid, 0)
    return rows, sent_ids


def _frame(rows: list[dict], columns: Sequence[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=list(columns))
    return frame


def entity_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """ENTITY_COLUMNS: mention counts per document and canonical entity."""
    if mentions.empty:
        return pd.DataFrame(columns=ENTITY_COLUMNS)
    table = (
        mentions.groupby(["doc_id", "outlet", "entity", "label"], sort=False)
        .size()
        .rename("mentions")
        .reset_index()
    )
    return table.sort_values(["doc_id", "mentions", "entity"], ascending=[True, False, True])[
        ENTITY_COLUMNS
    ].reset_index(drop=True)


def analyze(
    documents: Iterable[Document],
    nlp,
    *,
    problems: Sequence[tuple[str, str]] = (),
    batch_size: int = 32,
) -> Analysis:
    """Analyse documents with ``nlp`` and return an :class:`Analysis`."""
    docs = list(documents)
    doc_rows, text_rows, sent_rows, mention_rows = [], [], [], []
    texts = (d.text for d in docs)
    for document, sdoc in zip(docs, nlp.pipe(texts, batch_size=batch_size), strict=True):
        outlet = document.display_outlet
        rows, sent_ids = _sentence_records(sdoc, document.doc_id, outlet, document.text)
        sent_rows.extend(rows)
        for rec in entities.mention_records(sdoc, sent_ids):
            rec["doc_id"] = document.doc_id
            rec["outlet"] = outlet
            mention_rows.append(rec)
        doc_rows.append(
            {
                "doc_id": document.doc_id,
                "outlet": outlet,
                "title": document.title,
                "published": document.published,
                "byline": document.byline,
                "url": document.url,
                "words": sum(1 for t in sdoc if not (t.is_punct or t.is_space)),
                "sentences": len(rows),
            }
        )
        text_rows.append(
            {
                "doc_id": document.doc_id,
                "text": document.text,
                "boilerplate": document.boilerplate,
                "source_name": document.source_name,
                "content_hash": document.content_hash,
            }
        )
    raw = _frame(mention_rows, MENTION_COLUMNS[:-2] + ["label"])
    if not raw.empty:
        mentions = entities.resolve_entities(raw)
        if "raw_label" not in mentions.columns:
            mentions["raw_label"] = raw.loc[mentions.index, "label"]
        extra = [c for c in mentions.columns if c not in MENTION_COLUMNS]
        mentions = mentions[MENTION_COLUMNS + extra].reset_index(drop=True)
    else:
        mentions = pd.DataFrame(columns=MENTION_COLUMNS + ["raw_label"])
    ents = entity_table(mentions)
    documents_df = _frame(doc_rows, DOCUMENT_COLUMNS + ["sentences"])
    counts = ents.groupby("doc_id")["entity"].nunique() if not ents.empty else pd.Series()
    documents_df["entity_count"] = (
        documents_df["doc_id"].map(counts).fillna(0).astype(int) if len(documents_df) else []
    )
    return Analysis(
        documents=documents_df,
        texts=_frame(text_rows, TEXT_COLUMNS),
        sentences=_frame(sent_rows, SENTENCE_COLUMNS),
        mentions=mentions,
        entities=ents,
        problems=list(problems),
    )


def filter_outlets(analysis: Analysis, outlets: Iterable[str] | None) -> Analysis:
    """The one outlet filter: keep only rows of the given outlets (None keeps all)."""
    if outlets is None:
        return analysis
    keep = set(outlets)
    kwargs = {}
    for f in fields(analysis):
        value = getattr(analysis, f.name)
        if isinstance(value, pd.DataFrame):
            if "outlet" in value.columns:
                value = value[value["outlet"].isin(keep)]
            elif "doc_id" in value.columns:
                ids = analysis.documents.loc[analysis.documents["outlet"].isin(keep), "doc_id"]
                value = value[value["doc_id"].isin(set(ids))]
            value = value.reset_index(drop=True)
        kwargs[f.name] = value
    return Analysis(**kwargs)
