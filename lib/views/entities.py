"""Entity views: every written form of each entity, nationalities read as their country."""

from __future__ import annotations

import pandas as pd

from lib.nlp.names import demonym_country
from lib.schema import VARIANT_COLUMNS


def entity_variants(mentions: pd.DataFrame) -> pd.DataFrame:
    """Surface forms per entity: columns ``entity, label, variant, count``.

    Sorted by entity, then most frequent variant first ("Rishi Sunak": Sunak x8,
    Rishi Sunak x1).
    """
    if mentions.empty:
        return pd.DataFrame(columns=VARIANT_COLUMNS)
    out = (
        mentions.groupby(["entity", "label", "text"])
        .size()
        .rename("count")
        .reset_index()
        .rename(columns={"text": "variant"})
    )
    out = out.sort_values(["entity", "count", "variant"], ascending=[True, False, True])
    return out[VARIANT_COLUMNS].reset_index(drop=True)


def link_demonyms(mentions: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``mentions`` with NORP demonyms mapped to their country.

    A NORP row whose ``entity`` is a demonym ("Ukrainian") gets the country as
    ``entity`` ("Ukraine") and label ``GPE``; other rows are unchanged.
    """
    out = mentions.copy()
    if out.empty:
        return out
    norp = out["label"] == "NORP"
    countries = {e: demonym_country(e) for e in out.loc[norp, "entity"].unique()}
    mapped = out.loc[norp, "entity"].map(countries)
    hit = mapped.notna()
    idx = mapped.index[hit]
    out.loc[idx, "entity"] = mapped[hit]
    out.loc[idx, "label"] = "GPE"
    return out
