"""The one outlet filter: keep only rows of the chosen outlets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields

import pandas as pd

from lib.schema import Analysis


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
