"""Document views: how the pages name each file status."""

from __future__ import annotations

import pandas as pd

#: Status of a file as the *Your articles* page shows it.
STATUS_NAMES = {"analysed": "Analysed", "truncated": "Analysed (truncated)", "skipped": "Skipped"}


def metadata_table(documents, fields: list[str]) -> pd.DataFrame:
    """One row per document: ``doc_id`` and the editable metadata ``fields``."""
    rows = [{"doc_id": d.doc_id, **{f: getattr(d, f) for f in fields}} for d in documents]
    return pd.DataFrame(rows, columns=["doc_id", *fields])
