"""Per-document records + Documents -> one :class:`~lib.schema.Analysis`.

Adds ids and outlets, groups the articles into stories, then runs the corpus-level passes
within each story: canonical entity names, speakers and sources as entities, claims across
outlets, quote groups.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from lib.corpus.document import Document, outlet_labels
from lib.resolve.claims import build_claims
from lib.resolve.entities import resolve_entities
from lib.resolve.quote_groups import group_quotes
from lib.resolve.speakers import resolve_sources, span_entities
from lib.resolve.stories import StoryFeatures, group_stories, story_features, story_table
from lib.schema import (
    CLAIM_COLUMNS,
    DOCUMENT_COLUMNS,
    ENTITY_COLUMNS,
    FIGURE_COLUMNS,
    MENTION_COLUMNS,
    QUOTE_COLUMNS,
    SENTENCE_COLUMNS,
    TABLE_PARTS,
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


def _collect(
    documents: Sequence[Document], parts, labels: Sequence[str] | None = None
) -> tuple[dict, list[dict], list[dict]]:
    """Per-part record lists with ``doc_id``/``outlet`` added, document rows, text rows;
    ``labels`` are the outlets shown (default :func:`outlet_labels` of ``documents``)."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLE_PARTS}
    doc_rows, text_rows = [], []
    labels = outlet_labels(documents) if labels is None else labels
    for document, part, label in zip(documents, parts, labels, strict=True):
        meta = {"doc_id": document.doc_id, "outlet": label}
        for name in TABLE_PARTS:
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


def _figures(records: list[dict], spans) -> tuple[pd.DataFrame, pd.DataFrame]:
    figs = frame(records, FIGURE_COLUMNS)
    if len(figs):
        figs["said_by"], figs["said_by_entity"] = resolve_sources(figs, spans, "said_by")
    figs = _first(figs, FIGURE_COLUMNS)
    claims = build_claims(figs) if len(figs) else pd.DataFrame(columns=CLAIM_COLUMNS)
    return figs.reset_index(drop=True), claims.reset_index(drop=True)


def _quotes(records: list[dict], spans) -> pd.DataFrame:
    group_cols = ("group_id", "group_size")
    quots = frame(records, [c for c in QUOTE_COLUMNS if c not in group_cols])
    if len(quots):
        quots["speaker"], quots["speaker_entity"] = resolve_sources(quots, spans, "speaker")
        quots = group_quotes(quots)
    else:
        quots = quots.assign(group_id=pd.Series(dtype=object), group_size=pd.Series(dtype=int))
    return _first(quots, QUOTE_COLUMNS).reset_index(drop=True)


def _passes(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    """The corpus-level passes over one story's records: mentions with canonical entities,
    the entity table, figures and claims, quotes and their groups."""
    mentions = _mentions(rows["mentions"])
    spans = span_entities(mentions)
    figs, claims = _figures(rows["figures"], spans)
    return {
        "mentions": mentions,
        "entities": entity_table(mentions),
        "figures": figs,
        "claims": claims,
        "quotes": _quotes(rows["quotes"], spans),
    }


def _prefixed(values: pd.Series, story: str) -> pd.Series:
    """Claim and quote-group ids of one story made unique in the pile ("S2-C01"); a list of
    ids ("C02, C03", the ``related`` claims) gets each one prefixed."""

    def one(value):
        if not isinstance(value, str) or not value:
            return value
        return ", ".join(f"{story}-{v}" for v in value.split(", "))

    return values.map(one)


def _story_rank(story: str) -> int:
    """Position of a story id ("S12" -> 12) in story order."""
    return int(story[1:]) if story[1:].isdigit() else 0


def _in_story_order(table: pd.DataFrame, story_of: dict[str, str]) -> pd.DataFrame:
    """Rows of ``table`` grouped by story (S1 first), in document order within a story."""
    if table.empty:
        return table.reset_index(drop=True)
    position = {doc_id: k for k, doc_id in enumerate(story_of)}
    key = [(_story_rank(story_of[d]), position[d]) for d in table["doc_id"].tolist()]
    order = sorted(range(len(key)), key=key.__getitem__)
    return table.iloc[order].reset_index(drop=True)


def _story_passes(rows: dict[str, list[dict]], story_of: dict[str, str]) -> dict:
    """:func:`_passes` run on each story alone, so no name, claim or quote group ever links
    two stories. Ids are prefixed with the story id ("S2-C01"); rows are grouped by story
    (S1 first) and keep document order within a story, so a pile assembled a few stories
    at a time (:mod:`lib.store.stream`) gives the same tables."""
    split: dict[str, dict[str, list[dict]]] = {}
    for sid in sorted(set(story_of.values()), key=_story_rank):
        split[sid] = {name: [] for name in TABLE_PARTS}
    for name in TABLE_PARTS:
        for rec in rows[name]:
            split[story_of[rec["doc_id"]]][name].append(rec)
    results: dict[str, list[pd.DataFrame]] = {}
    for sid, story_rows in split.items():
        tables = _passes(story_rows)
        tables["claims"] = tables["claims"].assign(
            claim_id=_prefixed(tables["claims"]["claim_id"], sid),
            related=_prefixed(tables["claims"]["related"], sid),
        )
        tables["quotes"] = tables["quotes"].assign(
            group_id=_prefixed(tables["quotes"]["group_id"], sid)
        )
        for name, table in tables.items():
            results.setdefault(name, []).append(table)
    out = {}
    for name, tables in results.items():
        table = pd.concat([t for t in tables if len(t)] or tables[:1], ignore_index=True)
        out[name] = table if name == "claims" else _in_story_order(table, story_of)
    return out


def _features(documents: Sequence[Document], parts) -> list[StoryFeatures]:
    return [
        story_features(doc.published, doc.outlet, part)
        for doc, part in zip(documents, parts, strict=True)
    ]


def assemble(
    documents: Sequence[Document],
    parts: Sequence[dict[str, list[dict]]],
    *,
    problems: Sequence[tuple[str, str]] = (),
    stories: Sequence[str] | None = None,
    map_fn=None,
    outlets: Sequence[str] | None = None,
    story_count: int | None = None,
) -> Analysis:
    """Combine per-document records into an :class:`~lib.schema.Analysis`.

    Articles are first grouped into stories (:mod:`lib.resolve.stories`; ``stories`` may
    give each document's story id instead; ``map_fn`` runs grouping's tasks elsewhere, see
    :func:`lib.resolve.linkage.cluster`); every corpus-level pass then runs within one story
    at a time.

    A pile assembled a few stories at a time (:mod:`lib.store.stream`) passes the whole
    pile's ``outlets`` labels and ``story_count``, so ids and labels are the pile's.
    """
    rows, doc_rows, text_rows = _collect(documents, parts, outlets)
    if stories is None:
        stories = group_stories(_features(documents, parts), map_fn=map_fn)
    story_of = dict(zip((d.doc_id for d in documents), stories, strict=True))
    sentences = frame(rows["sentences"], SENTENCE_COLUMNS)[SENTENCE_COLUMNS]
    if (story_count or len(set(stories))) > 1:
        tables = _story_passes(rows, story_of)
        sentences = _in_story_order(sentences, story_of)
    else:
        tables = _passes(rows)
    for row, story in zip(doc_rows, stories, strict=True):
        row["story_id"] = story
    documents_df = frame(doc_rows, DOCUMENT_COLUMNS + ["sentences"])
    documents_df = _first(documents_df, DOCUMENT_COLUMNS)
    ents = tables["entities"]
    counts = ents.groupby("doc_id")["entity"].nunique()
    documents_df["entity_count"] = (
        documents_df["doc_id"].map(counts).fillna(0).astype(int).to_numpy()
    )
    return Analysis(
        documents=documents_df,
        texts=frame(text_rows, TEXT_COLUMNS),
        sentences=sentences,
        **tables,
        stories=story_table(documents_df, tables["mentions"]),
        problems=list(problems),
    )
