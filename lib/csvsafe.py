"""CSV cells a spreadsheet will not run as formulas, on every path that writes a CSV.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
prefixed with an apostrophe (OWASP's advice against CSV injection: ``=HYPERLINK(…)``,
``=cmd|…``, ``@SUM(…)`` show as text). Numbers are written as numbers, so ``-3`` stays a
number. The guard can be undone (:func:`restore`): a cell that already starts with
apostrophes before such a character gets one more, so reading a guarded ``sources.csv``
back gives every value exactly as it was.

Used by the app's downloads (:mod:`lib.views.export`), the bundle's ``sources.csv``
(:mod:`lib.ingest.bundles`, read back by :mod:`lib.corpus.manifest`) and the command
line's CSV output (``--raw`` keeps cells as they are, for programs).
"""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_guard(text: str) -> bool:
    """Would a spreadsheet read ``text`` as a formula, or is it an already guarded one?"""
    return text.lstrip("'").startswith(FORMULA_STARTS)


def neutralise(value):
    """``value`` with an apostrophe in front when a spreadsheet would run it."""
    if isinstance(value, str) and _needs_guard(value):
        return "'" + value
    return value


def restore(value):
    """The value :func:`neutralise` was given (text read back from a guarded CSV)."""
    if isinstance(value, str) and value.startswith("'") and _needs_guard(value[1:]):
        return value[1:]
    return value


def safe_table(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with every text cell (and header) that could start a formula guarded."""
    out = table.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out
