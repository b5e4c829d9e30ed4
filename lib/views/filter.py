"""The one outlet filter: keep only rows of the chosen outlets, and recompute what depends
on which outlets are compared (a claim's status and explanation, a quote group's size); and
the one story scope (:func:`filter_story`), applied before it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields

import pandas as pd

from lib.resolve.verdicts import claim_status, describe_claim
from lib.schema import Analysis


def filter_outlets(analysis: Analysis, outlets: Iterable[str] | None) -> Analysis:
    """The one outlet filter: keep only rows of the given outlets (None keeps all).

    Claims get the status and explanation of the selected outlets' figures only (a claim
    two outlets disagree on is ``single source`` when one of them is filtered out); quote
    groups get the number of selected documents carrying them; facts the number of
    selected outlets reporting them.
    """
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
    kwargs["claims"] = _restatus(kwargs["claims"])
    kwargs["quotes"] = _regroup(kwargs["quotes"])
    kwargs["facts"] = _recount_facts(kwargs["facts"])
    return Analysis(**kwargs)


def _restatus(claims: pd.DataFrame) -> pd.DataFrame:
    if claims.empty or "claim_id" not in claims:
        return claims
    claims = claims.copy()
    for _cid, rows in claims.groupby("claim_id", sort=False):
        status = claim_status(rows)
        claims.loc[rows.index, "status"] = status
        if "why" in claims:
            claims.loc[rows.index, "why"] = describe_claim(rows, status)
    return claims


def _regroup(quotes: pd.DataFrame) -> pd.DataFrame:
    if quotes.empty or "group_id" not in quotes or "group_size" not in quotes:
        return quotes
    quotes = quotes.copy()
    sizes = quotes.groupby("group_id")["doc_id"].transform("nunique")
    quotes["group_size"] = sizes.where(quotes["group_id"].notna(), quotes["group_size"])
    return quotes


def _recount_facts(facts: pd.DataFrame) -> pd.DataFrame:
    if facts.empty or "fact_id" not in facts or "outlets" not in facts:
        return facts
    facts = facts.copy()
    facts["outlets"] = facts.groupby("fact_id")["outlet"].transform("nunique").astype(int)
    return facts


def filter_story(analysis: Analysis, story: str | None) -> Analysis:
    """The one story scope: keep only the articles of ``story`` (None or "" keeps all) and
    every row of theirs; the ``stories`` table keeps that story's row.

    Claims, quote groups and facts never span two stories (they are built within each), so
    their status and sizes stay as they are.
    """
    if not story:
        return analysis
    docs = analysis.documents
    ids = set(docs.loc[docs["story_id"] == story, "doc_id"]) if "story_id" in docs else set()
    kwargs = {}
    for f in fields(analysis):
        value = getattr(analysis, f.name)
        if isinstance(value, pd.DataFrame):
            if "doc_id" in value.columns:
                value = value[value["doc_id"].isin(ids)]
            elif "story_id" in value.columns:
                value = value[value["story_id"] == story]
            value = value.reset_index(drop=True)
        kwargs[f.name] = value
    return Analysis(**kwargs)
