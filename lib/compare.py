"""Outlet × thing comparison tables."""

from __future__ import annotations

import pandas as pd

COMPARE_BASE_COLUMNS = ["entity", "label", "outlets", "mentions"]


def entity_outlet_table(entities: pd.DataFrame, outlets: list[str] | None = None) -> pd.DataFrame:
    """Which outlets name which entity, and how often.

    Input: the ENTITY_COLUMNS table. Output columns: ``entity, label, outlets``
    (number of outlets naming it), ``mentions`` (total), then one column per
    outlet with its mention count (0 = not named). Sorted by outlets, mentions.
    """
    outlets = list(outlets) if outlets is not None else list(dict.fromkeys(entities["outlet"]))
    if entities.empty:
        return pd.DataFrame(columns=COMPARE_BASE_COLUMNS + outlets)
    wide = entities.pivot_table(
        index=["entity", "label"], columns="outlet", values="mentions", aggfunc="sum", fill_value=0
    )
    wide = wide.reindex(columns=outlets, fill_value=0)
    wide.columns = [str(c) for c in wide.columns]
    wide = wide.astype(int)
    out = wide.reset_index()
    out.insert(2, "outlets", (wide > 0).sum(axis=1).to_numpy())
    out.insert(3, "mentions", wide.sum(axis=1).to_numpy())
    out = out.sort_values(["outlets", "mentions", "entity"], ascending=[False, False, True])
    return out.reset_index(drop=True)


def entities_per_outlet(entities: pd.DataFrame) -> pd.DataFrame:
    """Distinct entities per outlet and label: columns ``outlet, label, entities``."""
    if entities.empty:
        return pd.DataFrame(columns=["outlet", "label", "entities"])
    return (
        entities.groupby(["outlet", "label"], sort=False)["entity"]
        .nunique()
        .rename("entities")
        .reset_index()
    )
