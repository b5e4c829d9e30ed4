"""Per-document records + Documents -> one :class:`~lib.schema.Analysis`.

Adds ids and outlets, then runs the corpus-level passes: canonical entity names, speakers
and sources as entities, claims across outlets, quote groups.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from lib.columns import empty_frame, names, to_frame
from lib.corpus.document import Document, outlet_labels
from lib.records import Claim, DocumentRow, Entity, Mention, Parts, Quote, TextRow
from lib.resolve.claims import build_claims
from lib.resolve.entities import resolve_entities
from lib.resolve.quote_groups import group_quotes
from lib.resolve.speakers import resolve_sources, span_entities
from lib.schema import Analysis


def entity_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """The ``entities`` table (:class:`~lib.records.Entity`): mention counts per document
    and canonical entity."""
    if mentions.empty:
        return empty_frame(Entity)
    table = (
        mentions.groupby(["doc_id", "outlet", "entity", "label"], sort=False)
        .size()
        .rename("mentions")
        .reset_index()
    )
    return table.sort_values(["doc_id", "mentions", "entity"], ascending=[True, False, True])[
        names(Entity)
    ].reset_index(drop=True)


def _per_article(record_type: type, lists: list[list], metas: list[dict]) -> pd.DataFrame:
    """One table of every article's records, with its ``doc_id`` and ``outlet``."""
    frame = to_frame([r for records in lists for r in records], record_type)
    for key in ("doc_id", "outlet"):
        if key in frame.columns and len(frame):
            frame[key] = [m[key] for m, records in zip(metas, lists, strict=True) for _ in records]
    return frame


def _collect(
    documents: Sequence[Document], parts: Sequence[Parts]
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, pd.DataFrame]:
    """Per-article tables (``doc_id``/``outlet`` added), the documents and texts tables."""
    labels = outlet_labels(documents)
    metas = [{"doc_id": d.doc_id, "outlet": o} for d, o in zip(documents, labels, strict=True)]
    tables = {
        name: _per_article(record_type, [getattr(p, name) for p in parts], metas)
        for name, record_type in Parts.LISTS.items()
    }
    doc_rows = [
        DocumentRow(
            doc_id=d.doc_id,
            outlet=label,
            title=d.title,
            published=d.published,
            byline=d.byline,
            url=d.url,
            words=part.words,
            sentences=len(part.sentences),
        )
        for d, part, label in zip(documents, parts, labels, strict=True)
    ]
    text_rows = [
        TextRow(
            doc_id=d.doc_id,
            text=d.text,
            boilerplate=d.boilerplate,
            source_name=d.source_name,
            content_hash=d.content_hash,
        )
        for d in documents
    ]
    return tables, to_frame(doc_rows, DocumentRow), to_frame(text_rows, TextRow)


def _mentions(raw: pd.DataFrame) -> pd.DataFrame:
    if not len(raw):
        return empty_frame(Mention)
    mentions = resolve_entities(raw)
    mentions["raw_label"] = raw.loc[mentions.index, "label"]
    return mentions[names(Mention)].reset_index(drop=True)


def _figures(figs: pd.DataFrame, spans) -> tuple[pd.DataFrame, pd.DataFrame]:
    if len(figs):
        figs["said_by"], figs["said_by_entity"] = resolve_sources(figs, spans, "said_by")
    claims = build_claims(figs) if len(figs) else empty_frame(Claim)
    return figs.reset_index(drop=True), claims.reset_index(drop=True)


def _quotes(quots: pd.DataFrame, spans) -> pd.DataFrame:
    if len(quots):
        quots["speaker"], quots["speaker_entity"] = resolve_sources(quots, spans, "speaker")
        quots = group_quotes(quots)
    return quots[names(Quote)].reset_index(drop=True)


def assemble(
    documents: Sequence[Document],
    parts: Sequence[Parts],
    *,
    problems: Sequence[tuple[str, str]] = (),
) -> Analysis:
    """Combine per-document records into an :class:`~lib.schema.Analysis`."""
    tables, documents_df, texts = _collect(documents, parts)
    mentions = _mentions(tables["mentions"])
    ents = entity_table(mentions)
    spans = span_entities(mentions)
    figs, claims = _figures(tables["figures"], spans)
    quots = _quotes(tables["quotes"], spans)
    counts = ents.groupby("doc_id")["entity"].nunique()
    documents_df["entity_count"] = (
        documents_df["doc_id"].map(counts).fillna(0).astype(int).to_numpy()
    )
    return Analysis(
        documents=documents_df,
        texts=texts,
        sentences=tables["sentences"],
        mentions=mentions,
        entities=ents,
        figures=figs,
        claims=claims,
        quotes=quots,
        problems=list(problems),
    )
