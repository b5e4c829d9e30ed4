"""Entity views: every written form of each entity, nationalities read as their country."""

from __future__ import annotations

import pandas as pd

from lib.nlp.gazetteer import gazetteer
from lib.nlp.names import demonym_country
from lib.nlp.people import vocab as people_vocab

#: How each outlet writes each entity, courtesy and job titles included ("Mr. Trump").
OUTLET_FORM_COLUMNS = ["entity", "outlet", "written", "count"]


def written_forms(mentions: pd.DataFrame, texts: pd.DataFrame) -> pd.Series:
    """Each mention as the article wrote it: the cleaned name with the courtesy or job
    title in front of it ("Mr. Trump", "President Trump", "Rep. Ed Royce"), read from the
    article text so capitals are the outlet's own."""
    if mentions.empty:
        return pd.Series(dtype=object)
    titled = mentions["cue"] == "title" if "cue" in mentions else pd.Series(False, mentions.index)
    out = mentions["text"].astype(str).copy()
    if not titled.any():
        return out
    body = texts.set_index("doc_id")["text"]
    words = set(people_vocab()["honorifics"]) | gazetteer().titles["head"]
    for idx, doc_id, start in mentions.loc[titled, ["doc_id", "start_char"]].itertuples():
        before = body.get(doc_id, "")[max(0, int(start) - 30) : int(start)].split()
        if before and before[-1] in words:
            out.at[idx] = f"{before[-1]} {out.at[idx]}"
    return out


def outlet_forms(mentions: pd.DataFrame, texts: pd.DataFrame) -> pd.DataFrame:
    """OUTLET_FORM_COLUMNS: how often each outlet wrote each entity in each form, most
    used first ("NYT: Mr. Trump ×22" is itself a finding about house style)."""
    if mentions.empty:
        return pd.DataFrame(columns=OUTLET_FORM_COLUMNS)
    out = (
        mentions.assign(written=written_forms(mentions, texts))
        .groupby(["entity", "outlet", "written"], sort=False)
        .size()
        .rename("count")
        .reset_index()
    )
    out = out.sort_values(["entity", "outlet", "count", "written"], ascending=[1, 1, 0, 1])
    return out[OUTLET_FORM_COLUMNS].reset_index(drop=True)


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
