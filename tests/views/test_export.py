"""lib.views.export: CSV downloads open right in Excel and never run a formula."""

from __future__ import annotations

import io

import pandas as pd

from lib.views.export import csv_bytes, safe_table


def test_formula_cells_are_neutralised_numbers_kept():
    table = pd.DataFrame(
        {
            "speaker": ['=HYPERLINK("http://x")', "+1 555", "-cmd", "@SUM(A1)", "\tx", "Ann"],
            "value": [-3, 1, 2, 3, 4, 5],
        }
    )
    safe = safe_table(table)
    assert list(safe["speaker"]) == [
        "'=HYPERLINK(\"http://x\")", "'+1 555", "'-cmd", "'@SUM(A1)", "'\tx", "Ann"
    ]  # fmt: skip
    assert list(safe["value"]) == [-3, 1, 2, 3, 4, 5]
    assert list(table["speaker"])[0].startswith("=")  # the input is not modified


def test_csv_has_a_bom_and_round_trips():
    data = csv_bytes(pd.DataFrame({"figure": ["≥600,000"], "quote": ["it’s — fine"]}))
    assert data.startswith("\ufeff".encode())
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(back.iloc[0]) == ["≥600,000", "it’s — fine"]


def test_readable_uses_the_pages_names_and_headers():
    from lib.schema import LABEL_NAMES
    from lib.views.export import readable

    table = pd.DataFrame({"entity": ["Oslo", "Jane"], "label": ["GPE", "ODD"], "n": [1, 2]})
    out = readable(table, {"entity": "Entity", "label": "Type"}, {"label": LABEL_NAMES})
    assert list(out.columns) == ["Entity", "Type", "n"]
    assert list(out["Type"]) == ["Country / state / city", "ODD"]  # unnamed values kept
    assert list(table["label"]) == ["GPE", "ODD"]  # the input is not modified
