"""Speakers and sources as canonical entities: the mention overlapping their offsets."""

from __future__ import annotations

import pandas as pd


def span_entities(mentions: pd.DataFrame) -> dict[str, list[tuple[int, int, str, str]]]:
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


def resolve_speakers(table: pd.DataFrame, spans, prefix: str) -> pd.Series:
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
