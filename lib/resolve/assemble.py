"""Per-document records + Documents -> one :class:`~lib.schema.Analysis`.

Adds ids and outlets, groups the articles into stories, then runs the corpus-level passes
within each story: canonical entity names, speakers and sources as entities, claims across
outlets, quote groups, statements aligned into facts (the last three under the corpus time
budget of :mod:`lib.resolve.budget`, one budget for the whole pile).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from lib.columns import empty_frame, names, to_frame
from lib.corpus.document import Document, outlet_labels
from lib.parts import Parts
from lib.records import Claim, DocumentRow, Entity, Mention, Quote, TextRow
from lib.resolve.budget import Budget, run_pass
from lib.resolve.claim_pairs import statement_facts
from lib.resolve.claims import build_claims
from lib.resolve.entities import resolve_entities
from lib.resolve.facts import align_facts, single_facts
from lib.resolve.holders import holder_columns, resolve_times
from lib.resolve.propagate import with_story_names
from lib.resolve.quote_groups import group_quotes
from lib.resolve.speakers import apply_story_roles, resolve_sources, span_entities, story_roles
from lib.resolve.statements import statement_table
from lib.resolve.stories import StoryFeatures, group_stories, story_features, story_table
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
    documents: Sequence[Document],
    parts: Sequence[Parts],
    stories: Sequence[str],
    labels: Sequence[str] | None = None,
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, pd.DataFrame]:
    """Per-article tables (``doc_id``/``outlet`` added), the documents and texts tables;
    ``labels`` are the outlets shown (default :func:`outlet_labels` of ``documents``)."""
    labels = outlet_labels(documents) if labels is None else labels
    metas = [{"doc_id": d.doc_id, "outlet": o} for d, o in zip(documents, labels, strict=True)]
    tables = {
        name: _per_article(Parts.LISTS[name], [getattr(p, name) for p in parts], metas)
        for name in Parts.TABLE_LISTS
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
            story_id=story,
            sentences=len(part.sentences),
        )
        for d, part, label, story in zip(documents, parts, labels, stories, strict=True)
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


def _figures(figs: pd.DataFrame, spans, published: dict[str, str], roles: dict) -> pd.DataFrame:
    if len(figs):
        figs["said_by"], figs["said_by_entity"] = resolve_sources(figs, spans, "said_by")
        apply_story_roles(figs, "said_by", roles)  # "the governor said": the story's one
        figs["holder"], figs["holder_entity"] = holder_columns(figs, spans)
        figs["time"] = resolve_times(figs, published)
    return figs.reset_index(drop=True)


def _claims(figs: pd.DataFrame, budget: Budget, published: dict[str, str], facts) -> pd.DataFrame:
    """Claims under the corpus time budget (left out, with a note, when it runs out); the
    facts the statements report tell which figures sit in aligned sentences."""
    claims = empty_frame(Claim)
    if len(figs):
        empty = claims
        dated = figs.assign(published=figs["doc_id"].map(published).fillna(""))
        claims = run_pass(
            budget,
            "Claims across outlets",
            lambda: build_claims(dated, facts=facts),
            lambda: empty,
        )
    return claims.reset_index(drop=True)


def _quotes(quots: pd.DataFrame, spans, budget: Budget, roles: dict) -> pd.DataFrame:
    if len(quots):
        quots["speaker"], quots["speaker_entity"] = resolve_sources(quots, spans, "speaker")
        apply_story_roles(quots, "speaker", roles)  # "the governor replied"
        quots = group_quotes(quots, budget)  # stops where it is when the budget runs out
    return quots[names(Quote)].reset_index(drop=True)


def _passes(
    tables: dict[str, pd.DataFrame],
    budget: Budget,
    published: dict[str, str],
    bodies: dict[str, str] | None = None,
) -> dict[str, pd.DataFrame]:
    """The corpus-level passes over one story's per-article tables: mentions with canonical
    entities (plus the story's names the model missed in an article, found in ``bodies``),
    the entity table, figures (with the time each is about, read against its article's
    ``published`` date) and claims, quotes and their groups (a source written as a job
    title read as the story's one holder of it), statements and the facts they report."""
    mentions = _mentions(with_story_names(tables["mentions"], tables["sentences"], bodies or {}))
    spans = span_entities(mentions)
    roles = story_roles(mentions)
    figs = _figures(tables["figures"], spans, published, roles)
    quots = _quotes(tables["quotes"], spans, budget, roles)
    statements = tables["statements"]
    facts = run_pass(
        budget,
        "Facts across outlets",
        lambda: align_facts(statements, mentions, figs, quots),
        lambda: single_facts(statements),
    )
    claims = _claims(figs, budget, published, statement_facts(statements, facts))
    return {
        "mentions": mentions,
        "entities": entity_table(mentions),
        "figures": figs,
        "claims": claims,
        "quotes": quots,
        "statements": statements,
        "facts": facts,
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


def _story_passes(
    tables: dict[str, pd.DataFrame],
    story_of: dict[str, str],
    budget: Budget,
    published: dict[str, str],
    bodies: dict[str, str],
) -> dict:
    """:func:`_passes` run on each story alone, so no name, claim or quote group ever links
    two stories. Ids are prefixed with the story id ("S2-C01"); rows are grouped by story
    (S1 first) and keep document order within a story, so a pile assembled a few stories
    at a time (:mod:`lib.store.stream`) gives the same tables."""
    stories_of_rows = {name: t["doc_id"].map(story_of) for name, t in tables.items()}
    results: dict[str, list[pd.DataFrame]] = {}
    for sid in sorted(set(story_of.values()), key=_story_rank):
        mine = {
            name: t[stories_of_rows[name] == sid].reset_index(drop=True)
            for name, t in tables.items()
        }
        found = _passes(mine, budget, published, bodies)
        found["claims"] = found["claims"].assign(
            claim_id=_prefixed(found["claims"]["claim_id"], sid),
            related=_prefixed(found["claims"]["related"], sid),
        )
        found["quotes"] = found["quotes"].assign(
            group_id=_prefixed(found["quotes"]["group_id"], sid)
        )
        found["facts"] = found["facts"].assign(fact_id=_prefixed(found["facts"]["fact_id"], sid))
        for name, table in found.items():
            results.setdefault(name, []).append(table)
    out = {}
    for name, parts in results.items():
        table = pd.concat([t for t in parts if len(t)] or parts[:1], ignore_index=True)
        in_order = name in ("claims", "facts")  # numbered in their own order
        out[name] = table if in_order else _in_story_order(table, story_of)
    return out


def _features(documents: Sequence[Document], parts: Sequence[Parts]) -> list[StoryFeatures]:
    return [
        story_features(doc.published, doc.outlet, part)
        for doc, part in zip(documents, parts, strict=True)
    ]


def assemble(
    documents: Sequence[Document],
    parts: Sequence[Parts],
    *,
    problems: Sequence[tuple[str, str]] = (),
    stories: Sequence[str] | None = None,
    map_fn=None,
    outlets: Sequence[str] | None = None,
    story_count: int | None = None,
    budget: Budget | None = None,
) -> Analysis:
    """Combine per-document records into an :class:`~lib.schema.Analysis`.

    Articles are first grouped into stories (:mod:`lib.resolve.stories`; ``stories`` may
    give each document's story id instead; ``map_fn`` runs grouping's tasks elsewhere, see
    :func:`lib.resolve.linkage.cluster`); every corpus-level pass then runs within one story
    at a time. A pile assembled a few stories at a time (:mod:`lib.store.stream`) passes
    the whole pile's ``outlets`` labels and ``story_count``, so ids and labels are the pile's.

    The passes that compare rows with rows (claims, quote groups) run under ``budget``
    (default: a new :class:`~lib.resolve.budget.Budget` of the configured seconds); what it
    cuts is named in ``problems`` under ``CORPUS_NOTE``."""
    budget = budget if budget is not None else Budget()
    if stories is None:
        stories = group_stories(_features(documents, parts), map_fn=map_fn)
    tables, documents_df, texts = _collect(documents, parts, stories, outlets)
    tables["statements"] = statement_table(
        tables["statements"], documents_df, texts, tables["sentences"]
    )
    story_of = dict(zip((d.doc_id for d in documents), stories, strict=True))
    published = {d.doc_id: d.published or "" for d in documents}
    bodies = {d.doc_id: d.text for d in documents}  # the story's names are searched here
    sentences = tables["sentences"]
    if (story_count or len(set(stories))) > 1:
        found = _story_passes(tables, story_of, budget, published, bodies)
        sentences = _in_story_order(sentences, story_of)
    else:
        found = _passes(tables, budget, published, bodies)
    counts = found["entities"].groupby("doc_id")["entity"].nunique()
    documents_df["entity_count"] = (
        documents_df["doc_id"].map(counts).fillna(0).astype(int).to_numpy()
    )
    return Analysis(
        documents=documents_df,
        texts=texts,
        sentences=sentences,
        **found,
        stories=story_table(documents_df, found["mentions"]),
        problems=[*problems, *budget.problems()],
    )
