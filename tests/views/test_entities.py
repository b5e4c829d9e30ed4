"""lib.views.entities: written forms per entity, nationalities as countries."""

from __future__ import annotations

import pandas as pd

from lib.resolve.entities import resolve_entities
from lib.views.entities import entity_variants, link_demonyms


def frame(rows: list[dict]) -> pd.DataFrame:
    """A raw mentions table from short row dicts (doc_id, text, label + optional cues)."""
    out = []
    for i, row in enumerate(rows):
        base = {
            "doc_id": "d1",
            "outlet": "Outlet",
            "sentence_id": i,
            "start_char": 10 * i,
            "end_char": 10 * i + len(row["text"]),
        }
        out.append({**base, **row})
    return pd.DataFrame(out)


def test_link_demonyms():
    raw = frame(
        [
            {"text": "Ukrainian", "label": "NORP"},
            {"text": "Ukraine", "label": "GPE"},
            {"text": "Western", "label": "NORP"},
        ]
    )
    out = link_demonyms(resolve_entities(raw))
    assert list(out["entity"]) == ["Ukraine", "Ukraine", "Western"]
    assert list(out["label"]) == ["GPE", "GPE", "NORP"]
    assert list(out["text"]) == ["Ukrainian", "Ukraine", "Western"]


def test_entity_variants_columns_and_order():
    raw = frame(
        [
            {"text": "Rutte", "label": "PERSON"},
            {"text": "Mark Rutte", "label": "PERSON"},
            {"text": "Rutte", "label": "PERSON"},
        ]
    )
    out = entity_variants(resolve_entities(raw))
    assert list(out.columns) == ["entity", "label", "variant", "count"]
    assert out.values.tolist() == [
        ["Mark Rutte", "PERSON", "Rutte", 2],
        ["Mark Rutte", "PERSON", "Mark Rutte", 1],
    ]
