"""Tables as downloadable CSV: UTF-8 with a byte-order mark (so Excel shows ≥, —, ’) and
cells that a spreadsheet would run as a formula neutralised (:mod:`lib.csvsafe`).
"""

from __future__ import annotations

import pandas as pd

from lib.csvsafe import safe_table

BOM = "\ufeff"


def csv_bytes(table: pd.DataFrame) -> bytes:
    """The CSV a download button serves: BOM + UTF-8, formula-safe cells, no index."""
    return (BOM + safe_table(table).to_csv(index=False)).encode("utf-8")


def readable(
    table: pd.DataFrame, headers: dict[str, str], values: dict[str, dict] | None = None
) -> pd.DataFrame:
    """``table`` in the page's words, for a download: each column in ``values`` mapped to
    the names the page shows (``{"label": {"GPE": "Country / state / city"}}``; values without a
    name are kept), then columns renamed to the page's ``headers`` (others keep theirs)."""
    out = table.copy()
    for col, names in (values or {}).items():
        if col in out:
            out[col] = out[col].map(lambda v, names=names: names.get(v, v))
    return out.rename(columns=headers)
