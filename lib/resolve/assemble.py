"""Per-document records + Documents -> one :class:`~lib.schema.Analysis`.

Adds ids and outlets, then runs the corpus-level passes: canonical entity names, speakers
and sources as entities, claims across outlets, quote groups.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from lib.corpus.document import Document, outlet_labels
from lib.resolve.claims import build_claims
from lib.resolve.entities import resolve_entities
from lib.resolve.propagate import propagate_names
from lib.resolve.quote_groups import group_quotes
from lib.resolve.speakers import apply_story_roles, resolve_sources, span_entities, story_roles
from lib.schema import (
    CLAIM_COLUMNS,
    DOCUMENT_COLUMNS,
    ENTITY_COLUMNS,
    FIGURE_COLUMNS,
    MENTION_COLUMNS,
    PARTS,
    QUOTE_COLUMNS,
    SENTENCE_COLUMNS,
    TEXT_COLUMNS,
    Analysis,
)


def frame(rows: list[dict], columns: Sequence[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for col in columns:
        if col not in frame.columns:
            frame[col] = pd.Series(dtype=object)
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


def _collect(documents: Sequence[Document], parts) -> tuple[dict, list[dict], list[dict]]:
    """Per-part record lists with ``doc_id``/``outlet`` added, document rows, text rows."""
    rows: dict[str, list[dict]] = {name: [] for name in PARTS}
    doc_rows, text_rows = [], []
    labels = outlet_labels(documents)
    for document, part, label in zip(documents, parts, labels, strict=True):
        meta = {"doc_id": document.doc_id, "outlet": label}
        for name in PARTS[1:]:
            rows[name].extend({**meta, **rec} for rec in part[name])
        stats = part["stats"][0]
        doc_rows.append(
            {
                **meta,
                "title": document.title,
                "published": document.published,
                "byline": document.byline,
                "url": document.url,
                **stats,
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
    return rows, doc_rows, text_rows


def _first(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``frame`` with ``columns`` first (those it has), then its other columns."""
    head = [c for c in columns if c in frame.columns]
    return frame[head + [c for c in frame.columns if c not in head]]


def _mentions(records: list[dict]) -> pd.DataFrame:
    raw = frame(records, MENTION_COLUMNS[:-2] + ["label"])
    if not len(raw):
        return pd.DataFrame(columns=MENTION_COLUMNS + ["raw_label"])
    mentions = resolve_entities(raw)
    if "raw_label" not in mentions.columns:
        mentions["raw_label"] = raw.loc[mentions.index, "label"]
    return _first(mentions, MENTION_COLUMNS).reset_index(drop=True)


def _figures(records: list[dict], spans, roles, story_of) -> tuple[pd.DataFrame, pd.DataFrame]:
    figs = frame(records, FIGURE_COLUMNS)
    if len(figs):
        figs["said_by"], figs["said_by_entity"] = resolve_sources(figs, spans, "said_by")
        apply_story_roles(figs, "said_by", roles, story_of)
    figs = _first(figs, FIGURE_COLUMNS)
    claims = build_claims(figs) if len(figs) else pd.DataFrame(columns=CLAIM_COLUMNS)
    return figs.reset_index(drop=True), claims.reset_index(drop=True)


def _quotes(records: list[dict], spans, roles, story_of) -> pd.DataFrame:
    group_cols = ("group_id", "group_size")
    quots = frame(records, [c for c in QUOTE_COLUMNS if c not in group_cols])
    if len(quots):
        quots["speaker"], quots["speaker_entity"] = resolve_sources(quots, spans, "speaker")
        apply_story_roles(quots, "speaker", roles, story_of)
        quots = group_quotes(quots)
    else:
        quots = quots.assign(group_id=pd.Series(dtype=object), group_size=pd.Series(dtype=int))
    return _first(quots, QUOTE_COLUMNS).reset_index(drop=True)


def _with_story_names(documents: Sequence[Document], rows: dict) -> list[dict]:
    """Mention records plus the story's names the model missed in an article
    (:func:`lib.resolve.propagate.propagate_names`), in document and text order. A story
    is ``story_id`` when documents carry one, else the whole corpus."""
    story_of = {d.doc_id: str(getattr(d, "story_id", "") or "") for d in documents}
    texts = {d.doc_id: d.text for d in documents}
    added = propagate_names(rows["mentions"], texts, rows["sentences"], story_of)
    if any(story_of.values()):  # entity resolution looks within a story
        for r in rows["mentions"] + added:
            r["story_id"] = story_of.get(r["doc_id"], "")
    if not added:
        return rows["mentions"]
    order = {d.doc_id: i for i, d in enumerate(documents)}
    merged = rows["mentions"] + added
    return sorted(merged, key=lambda r: (order.get(r["doc_id"], 0), int(r["start_char"])))


def assemble(
    documents: Sequence[Document],
    parts: Sequence[dict[str, list[dict]]],
    *,
    problems: Sequence[tuple[str, str]] = (),
) -> Analysis:
    """Combine per-document records into an :class:`~lib.schema.Analysis`."""
    rows, doc_rows, text_rows = _collect(documents, parts)
    rows["mentions"] = _with_story_names(documents, rows)
    mentions = _mentions(rows["mentions"])
    ents = entity_table(mentions)
    spans = span_entities(mentions)
    story_of = {d.doc_id: str(getattr(d, "story_id", "") or "") for d in documents}
    roles = story_roles(mentions, story_of)
    figs, claims = _figures(rows["figures"], spans, roles, story_of)
    quots = _quotes(rows["quotes"], spans, roles, story_of)
    documents_df = frame(doc_rows, DOCUMENT_COLUMNS + ["sentences"])
    counts = ents.groupby("doc_id")["entity"].nunique()
    documents_df["entity_count"] = (
        documents_df["doc_id"].map(counts).fillna(0).astype(int).to_numpy()
    )
    return Analysis(
        documents=documents_df,
        texts=frame(text_rows, TEXT_COLUMNS),
        sentences=frame(rows["sentences"], SENTENCE_COLUMNS)[SENTENCE_COLUMNS],
        mentions=mentions,
        entities=ents,
        figures=figs,
        claims=claims,
        quotes=quots,
        problems=list(problems),
    )
