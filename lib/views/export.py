"""Tables as downloadable CSV: UTF-8 with a byte-order mark (so Excel shows ≥, —, ’) and
cells that a spreadsheet would run as a formula neutralised.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
prefixed with an apostrophe (OWASP's advice against CSV injection); numbers are written as
numbers, so a negative value stays ``-3``.
"""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def _safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_table(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with every text cell that could start a formula prefixed with ``'``."""
    out = table.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_safe_cell)
    out.columns = [_safe_cell(str(c)) for c in out.columns]
    return out


def csv_bytes(table: pd.DataFrame) -> bytes:
    """The CSV a download button serves: BOM + UTF-8, formula-safe cells, no index."""
    return (BOM + safe_table(table).to_csv(index=False)).encode("utf-8")


def readable(
    table: pd.DataFrame, headers: dict[str, str], values: dict[str, dict] | None = None
) -> pd.DataFrame:
    """``table`` in the page's words, for a download: each column in ``values`` mapped to
    the names the page shows (``{"label": {"GPE": "Country / city"}}``; values without a
    name are kept), then columns renamed to the page's ``headers`` (others keep theirs)."""
    out = table.copy()
    for col, names in (values or {}).items():
        if col in out:
            out[col] = out[col].map(lambda v, names=names: names.get(v, v))
    return out.rename(columns=headers)
