"""Run the spaCy pipeline over documents and return an :class:`Analysis` of tidy tables.

Work is split in two so it can be cached per document:

1. :func:`process_doc` turns one parsed spaCy ``Doc`` into plain per-document
   records (sentences, raw mentions, figures, quotes). It depends only on the
   text, so its result is keyed by the text's hash plus the pipeline version
   (see ``lib.cache``) and survives metadata edits.
2. :func:`assemble` adds ids and outlets, then runs the corpus-level passes:
   canonical entity names, speakers, claims across outlets, quote groups.

spaCy ``Doc``/``Span`` objects never leave this module: every table holds plain
strings and integer character offsets into ``Document.text``.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields

import numpy as np
import pandas as pd

from lib.constants import (
    DOCUMENT_COLUMNS,
    ENTITY_COLUMNS,
    FIGURE_COLUMNS,
    MENTION_COLUMNS,
    PIPELINE_VERSION,
    QUOTE_COLUMNS,
    SENTENCE_COLUMNS,
)
from lib.corpus import Document

TEXT_COLUMNS = ["doc_id", "text", "boilerplate", "source_name", "content_hash"]
#: Per-document record lists produced by :func:`process_doc`.
PARTS = ("stats", "sentences", "mentions", "figures", "quotes")


@dataclass
class Analysis:
    """Everything the app and CLI show about one corpus.

    - ``documents``: DOCUMENT_COLUMNS + ``sentences``, ``entity_count``
    - ``texts``: doc_id, text, boilerplate, source_name, content_hash
    - ``sentences``: SENTENCE_COLUMNS
    - ``mentions``: MENTION_COLUMNS (+ ``raw_label``)
    - ``entities``: ENTITY_COLUMNS (one row per document and canonical entity)
    - ``figures``: FIGURE_COLUMNS (+ unit, offsets, counted lemmas)
    - ``claims``: CLAIM_COLUMNS (figures grouped across outlets, with status)
    - ``quotes``: QUOTE_COLUMNS (+ kind, verb, offsets, group_id, group_size)
    """

    documents: pd.DataFrame
    texts: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    figures: pd.DataFrame
    claims: pd.DataFrame
    quotes: pd.DataFrame
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        """Outlets in document order, each once."""
        return list(dict.fromkeys(self.documents["outlet"]))

    def table(self, name: str) -> pd.DataFrame:
        value = getattr(self, name, None)
        if not isinstance(value, pd.DataFrame):
            raise KeyError(name)
        return value


def text_key(text: str) -> str:
    """Cache key of one document's NLP results: its text hash plus the pipeline version."""
    return hashlib.sha256(f"{PIPELINE_VERSION}\x1e{text}".encode()).hexdigest()


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where each blank-line separated paragraph starts."""
    starts = [0]
    pos = text.find("\n\n")
    while pos != -1:
        starts.append(pos + 2)
        pos = text.find("\n\n", pos + 2)
    return starts


def _sentences(doc, text: str) -> tuple[list[dict], np.ndarray]:
    """Sentence records (no ids yet) and, per token, the index of its sentence."""
    para = paragraph_starts(text)
    rows: list[dict] = []
    sent_ids = np.zeros(len(doc), dtype=np.int32)
    sid = -1
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if stripped:
            sid += 1
            start = sent.start_char + len(raw) - len(raw.lstrip())
            rows.append(
                {
                    "sentence_id": sid,
                    "paragraph_id": bisect.bisect_right(para, start) - 1,
                    "start_char": start,
                    "end_char": start + len(stripped),
                    "text": stripped,
                }
            )
        sent_ids[sent.start : sent.end] = max(sid, 0)
    return rows, sent_ids


def _sentence_of(sent_rows: list[dict], char: int) -> int:
    starts = [r["start_char"] for r in sent_rows]
    return max(bisect.bisect_right(starts, char) - 1, 0)


def process_doc(doc, text: str) -> dict[str, list[dict]]:
    """Per-document records of one parsed ``Doc`` (plain values only; no ids or outlet)."""
    doc.user_data["text"] = text  # extractors read it via lib.pipeline.doc_text
    from lib import entities, figures, quotes

    sent_rows, sent_ids = _sentences(doc, text)
    ids = sent_ids.tolist()
    mentions = entities.mention_records(doc, ids)
    figs = figures.extract_figures(doc)
    quots = quotes.extract_quotes(doc)
    for rec in figs + quots:
        rec["sentence_id"] = _sentence_of(sent_rows, rec["start_char"])
    words = sum(1 for t in doc if not (t.is_punct or t.is_space))
    return {
        "stats": [{"words": words, "sentences": len(sent_rows)}],
        "sentences": sent_rows,
        "mentions": mentions,
        "figures": figs,
        "quotes": quots,
    }


def _frame(rows: list[dict], columns: Sequence[str]) -> pd.DataFrame:
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


def _span_entities(mentions: pd.DataFrame) -> dict[str, list[tuple[int, int, str, str]]]:
    """Per doc_id: sorted (start, end, entity, label) of every mention."""
    out: dict[str, list[tuple[int, int, str, str]]] = {}
    cols = ["doc_id", "start_char", "end_char", "entity", "label"]
    for doc_id, s, e, ent, lab in mentions[cols].itertuples(index=False):
        out.setdefault(doc_id, []).append((int(s), int(e), ent, lab))
    for spans in out.values():
        spans.sort()
    return out


def canonical_at(spans, doc_id: str, start, end) -> str:
    """Canonical entity of the mention overlapping ``[start, end)`` in ``doc_id``, or ""."""
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return ""
    start, end = int(start), int(end)
    best, best_overlap = "", 0
    for s, e, ent, _lab in spans.get(doc_id, ()):
        if s >= end:
            break
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = ent, overlap
    return best


def _resolve_speakers(table: pd.DataFrame, spans, prefix: str) -> pd.Series:
    """Canonical names for ``<prefix>_start/_end`` offsets, falling back to the raw text."""
    if table.empty:
        return pd.Series(dtype=object)
    names = [
        canonical_at(spans, d, s, e) or (t if isinstance(t, str) else "")
        for d, s, e, t in table[
            ["doc_id", f"{prefix}_start", f"{prefix}_end", f"{prefix}_text"]
        ].itertuples(index=False)
    ]
    return pd.Series(names, index=table.index, dtype=object)


def assemble(
    documents: Sequence[Document],
    parts: Sequence[dict[str, list[dict]]],
    *,
    problems: Sequence[tuple[str, str]] = (),
) -> Analysis:
    """Combine per-document records into an :class:`Analysis` (corpus-level passes here)."""
    # imported here, not at module level: they import spaCy (~0.5 s), which an app
    # start that finds its analysis in the disk cache never needs
    from lib import entities, figures, quotes

    rows: dict[str, list[dict]] = {name: [] for name in PARTS}
    doc_rows, text_rows = [], []
    for document, part in zip(documents, parts, strict=True):
        meta = {"doc_id": document.doc_id, "outlet": document.display_outlet}
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
    raw = _frame(rows["mentions"], MENTION_COLUMNS[:-2] + ["label"])
    if len(raw):
        mentions = entities.resolve_entities(raw)
        if "raw_label" not in mentions.columns:
            mentions["raw_label"] = raw.loc[mentions.index, "label"]
        extra = [c for c in mentions.columns if c not in MENTION_COLUMNS]
        mentions = mentions[MENTION_COLUMNS + extra].reset_index(drop=True)
    else:
        mentions = pd.DataFrame(columns=MENTION_COLUMNS + ["raw_label"])
    ents = entity_table(mentions)
    spans = _span_entities(mentions)

    figs = _frame(rows["figures"], FIGURE_COLUMNS)
    figs["said_by"] = _resolve_speakers(figs, spans, "said_by") if len(figs) else []
    figs = figs[FIGURE_COLUMNS + [c for c in figs.columns if c not in FIGURE_COLUMNS]]
    claims = (
        figures.build_claims(figs) if len(figs) else pd.DataFrame(columns=figures.CLAIM_COLUMNS)
    )

    quots = _frame(rows["quotes"], QUOTE_COLUMNS)
    if len(quots):
        named = _resolve_speakers(quots, spans, "speaker")
        desc = quots["speaker_description"].fillna("").astype(str)
        quots["speaker"] = [n or d for n, d in zip(named, desc, strict=True)]
        quots = quotes.group_quotes(quots)
    else:
        quots = quots.assign(group_id=pd.Series(dtype=object), group_size=pd.Series(dtype=int))
    quots = quots[QUOTE_COLUMNS + [c for c in quots.columns if c not in QUOTE_COLUMNS]]

    documents_df = _frame(doc_rows, DOCUMENT_COLUMNS + ["sentences"])
    counts = ents.groupby("doc_id")["entity"].nunique()
    documents_df["entity_count"] = (
        documents_df["doc_id"].map(counts).fillna(0).astype(int).to_numpy()
    )
    return Analysis(
        documents=documents_df,
        texts=_frame(text_rows, TEXT_COLUMNS),
        sentences=_frame(rows["sentences"], SENTENCE_COLUMNS)[SENTENCE_COLUMNS],
        mentions=mentions,
        entities=ents,
        figures=figs.reset_index(drop=True),
        claims=claims.reset_index(drop=True),
        quotes=quots.reset_index(drop=True),
        problems=list(problems),
    )


def analyze(
    documents: Iterable[Document],
    nlp,
    *,
    problems: Sequence[tuple[str, str]] = (),
    batch_size: int = 32,
    cache=None,
    n_process: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Analysis:
    """Analyse documents with ``nlp`` and return an :class:`Analysis`.

    ``cache`` (optional) has ``get(key) -> parts | None`` and ``put(key, parts)``;
    documents whose text is cached are not parsed again. When it also has
    ``get_analysis``/``put_analysis`` (:class:`lib.cache.DiskCache`), the whole
    Analysis is cached by :func:`lib.cache.corpus_key`, so reopening an unchanged
    corpus skips the corpus-level passes too. ``n_process > 1`` parses with a pool of
    worker processes (:func:`lib.batch.parse_parts`); the parent only assembles.
    ``nlp`` may also be a zero-argument function returning the pipeline (e.g.
    ``lib.pipeline.get_nlp``): it is called only if some document is not cached.
    """
    from lib.batch import parse_parts

    docs = list(documents)
    whole = None
    if cache is not None and hasattr(cache, "get_analysis"):
        from lib.cache import corpus_key

        whole = corpus_key(docs)
        found = cache.get_analysis(whole)
        if found is not None:
            found.problems = list(problems)
            if progress is not None:
                progress(len(docs), len(docs))
            return found
    keys = [text_key(d.text) for d in docs]
    parts: list[dict | None] = [cache.get(k) if cache is not None else None for k in keys]
    todo = [i for i, p in enumerate(parts) if p is None]
    done = 0

    def on_part(n: int, part: dict) -> None:
        nonlocal done
        i = todo[n]
        parts[i] = part
        if cache is not None:
            cache.put(keys[i], part)
        done += 1
        if progress is not None:
            progress(done, len(todo))

    if todo:
        if callable(nlp) and not hasattr(nlp, "pipe"):
            nlp = nlp()  # a lazy loader: only load the model when something needs parsing
        parse_parts(
            [docs[i].text for i in todo],
            nlp,
            processes=n_process,
            batch_size=batch_size,
            on_part=on_part,
        )
    analysis = assemble(docs, parts, problems=problems)
    if whole is not None:
        cache.put_analysis(whole, analysis)
    return analysis


def filter_outlets(analysis: Analysis, outlets: Iterable[str] | None) -> Analysis:
    """The one outlet filter: keep only rows of the given outlets (None keeps all)."""
    if outlets is None:
        return analysis
    keep = set(outlets)
    ids = set(analysis.documents.loc[analysis.documents["outlet"].isin(keep), "doc_id"])
    kwargs = {}
    for f in fields(analysis):
        value = getattr(analysis, f.name)
        if isinstance(value, pd.DataFrame):
            if "outlet" in value.columns:
                value = value[value["outlet"].isin(keep)]
            elif "doc_id" in value.columns:
                value = value[value["doc_id"].isin(ids)]
            value = value.reset_index(drop=True)
        kwargs[f.name] = value
    return Analysis(**kwargs)
