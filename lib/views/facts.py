"""Fact views: which facts every, some or one outlet reports, and what each leaves out.

Works on the (outlet-filtered) ``analysis.facts`` table: one row per statement and fact it
reports (a lead sentence can report several) with its ``fact_id`` and ``outlets`` (how many
of the selected outlets report the fact). In a pile
of several stories, "every outlet" and "left out" count only the outlets with an article in
the fact's story: an outlet that does not cover a story leaves none of its facts out.
"""

from __future__ import annotations

import pandas as pd

from lib.records import FACT_OUTLETS_PAGE, FACTS_PAGE

#: The "Reported by" filter: label -> which facts it keeps (see :func:`select_facts`).
REPORTED = {
    "Any number": "any",
    "Every outlet": "all",
    "Some outlets": "some",
    "One outlet": "one",
}
#: The outlet focus: what to show of the chosen outlet.
FOCUS = {
    "Reported by it": "reports",
    "Only in this outlet": "only",
    "Left out by this outlet": "left_out",
}
EVERY_OUTLET = "Every outlet"


def fact_coverage(
    facts: pd.DataFrame, documents: pd.DataFrame | None, selected: list[str]
) -> dict[str, tuple[str, ...]]:
    """Per fact, the selected outlets with an article in its story (all selected outlets
    when the documents carry no ``story_id``)."""
    if documents is None or "story_id" not in documents.columns or facts.empty:
        return {}
    docs = documents[documents["outlet"].isin(selected)]
    story_of = dict(zip(docs["doc_id"], docs["story_id"], strict=True))
    by_story = {
        story: tuple(o for o in selected if o in set(grp["outlet"]))
        for story, grp in docs.groupby("story_id", sort=False)
    }
    first_doc = facts.groupby("fact_id", sort=False)["doc_id"].first()
    return {f: by_story.get(story_of.get(d), tuple(selected)) for f, d in first_doc.items()}


def fact_summary(
    facts: pd.DataFrame, selected: list[str], coverage: dict | None = None
) -> pd.DataFrame:
    """One row per fact: ``fact_id, outlets, reporters`` (the outlets reporting it, in
    ``selected`` order), ``covering`` (the selected outlets covering its story:
    ``coverage`` from :func:`fact_coverage`, default all), ``headline`` (a headline states
    it), ``first`` (its first statement's text), in the facts table's order."""
    order = {o: k for k, o in enumerate(selected)}
    grouped = facts.groupby("fact_id", sort=False)
    summary = pd.DataFrame(
        {
            "outlets": grouped["outlet"].nunique(),
            "reporters": grouped["outlet"].agg(
                lambda s: tuple(sorted(set(s), key=lambda o: order.get(o, len(order))))
            ),
            "headline": grouped["headline"].agg(lambda s: bool(s.fillna(False).any())),
            "first": grouped["text"].first(),
        }
    ).reset_index()
    every = tuple(selected)
    summary["covering"] = [(coverage or {}).get(f, every) for f in summary["fact_id"]]
    return summary


def select_facts(
    summary: pd.DataFrame,
    selected: list[str],
    reported: str = "any",
    outlet: str | None = None,
    focus: str = "reports",
    search: str = "",
    facts: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Rows of ``summary`` kept by the page's filters.

    ``reported``: ``any``, ``all`` (every selected outlet covering its story), ``some``
    (more than one, not all), ``one`` (a single outlet). ``outlet`` with ``focus``: facts it
    ``reports``, facts ``only`` it reports, facts it leaves out (``left_out``: reported by
    others in a story it covers, not by it). ``search``: facts with a statement containing
    the words (case-insensitive).
    """
    present = summary["covering"].map(len) if len(summary) else summary["outlets"]
    keep = pd.Series(True, index=summary.index)
    if reported == "all":
        keep &= summary["outlets"] >= present
    elif reported == "some":
        keep &= (summary["outlets"] > 1) & (summary["outlets"] < present)
    elif reported == "one":
        keep &= summary["outlets"] == 1
    if outlet:
        has = summary["reporters"].map(lambda r: outlet in r)
        if focus == "only":
            keep &= has & (summary["outlets"] == 1)
        elif focus == "left_out":
            keep &= ~has & summary["covering"].map(lambda c: outlet in c)
        else:
            keep &= has
    if search.strip() and facts is not None:
        needle = " ".join(search.split()).casefold()
        hits = facts.loc[facts["text"].str.casefold().str.contains(needle, regex=False)]
        keep &= summary["fact_id"].isin(set(hits["fact_id"]))
    return summary[keep].reset_index(drop=True)


def outlet_summary(
    facts: pd.DataFrame, selected: list[str], coverage: dict | None = None
) -> pd.DataFrame:
    """Per selected outlet: ``statements``, ``facts`` it reports, ``shared_by_all`` (with
    every outlet covering the story), ``only`` (facts only it reports) and ``left_out``
    (facts other outlets of a story it covers report and it does not). Facts of one outlet
    count as "only" when another outlet covers the story."""
    summary = fact_summary(facts, selected, coverage)
    present = summary["covering"].map(len)
    # a statement that reports several facts has a row for each: count it once
    distinct = facts.drop_duplicates(["doc_id", "sentence_id", "clause"])
    rows = []
    for outlet in selected:
        has = summary["reporters"].map(lambda r, o=outlet: o in r)
        covers = summary["covering"].map(lambda c, o=outlet: o in c)
        several = has & (present > 1)
        rows.append(
            {
                "outlet": outlet,
                "statements": int(len(distinct[distinct["outlet"] == outlet])),
                "facts": int(has.sum()),
                "shared_by_all": int((several & (summary["outlets"] >= present)).sum()),
                "only": int((several & (summary["outlets"] == 1)).sum()),
                "left_out": int((~has & covers).sum()),
            }
        )
    return pd.DataFrame(rows, columns=FACT_OUTLETS_PAGE.names())


def reported_label(outlets: int, selected: int, reporters: tuple[str, ...]) -> str:
    """How the page says who reports a fact (``selected``: outlets covering its story):
    "every outlet (3)", "2 of 3 outlets", "only The Daily Example"."""
    if outlets <= 1 and reporters:
        return f"only {reporters[0]}" if selected > 1 else "1 outlet"
    if outlets >= selected:
        return f"every outlet ({outlets})"
    return f"{outlets} of {selected} outlets"


def fact_rows(facts: pd.DataFrame, fact_ids: list[str]) -> pd.DataFrame:
    """Statement rows of the given facts, in the order of ``fact_ids`` then reading order,
    with the columns of the Facts page's download (:data:`lib.records.FACTS_PAGE`)."""
    columns = FACTS_PAGE.csv_names()
    if facts.empty or not fact_ids:
        return pd.DataFrame(columns=columns)
    rank = {f: k for k, f in enumerate(fact_ids)}
    rows = facts[facts["fact_id"].isin(rank)]
    rows = rows.assign(_rank=rows["fact_id"].map(rank)).sort_values("_rank", kind="stable")
    return rows[columns].reset_index(drop=True)


def facts_overview(analysis, selected: tuple[str, ...]) -> pd.DataFrame:
    """:func:`fact_summary` of the analysis's facts plus ``label`` (who reports each fact,
    in words: :func:`reported_label`)."""
    selected = list(selected)
    coverage = fact_coverage(analysis.facts, analysis.documents, selected)
    summary = fact_summary(analysis.facts, selected, coverage)
    summary["label"] = [
        reported_label(int(n), len(c), r)
        for n, c, r in zip(
            summary["outlets"], summary["covering"], summary["reporters"], strict=True
        )
    ]
    return summary


def outlets_overview(analysis, selected: tuple[str, ...]) -> pd.DataFrame:
    """:func:`outlet_summary` of the analysis's facts."""
    selected = list(selected)
    coverage = fact_coverage(analysis.facts, analysis.documents, selected)
    return outlet_summary(analysis.facts, selected, coverage)
