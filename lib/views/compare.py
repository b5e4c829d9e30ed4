"""Outlet × entity comparison tables, written forms and keyword-in-context lines."""

from __future__ import annotations

import pandas as pd

from lib.records import COMPARE_PAGE
from lib.resolve.assemble import entity_table
from lib.schema import COMPARE_BASE_COLUMNS, KWIC_COLUMNS
from lib.views.entities import link_demonyms, outlet_forms


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


def forms_label(forms: pd.DataFrame, outlets: list[str] | None = None) -> pd.Series:
    """Per entity, the forms each outlet wrote with counts, outlets in ``outlets`` order:
    "NYT: Mr. Trump ×22 · Fox News: Trump ×24, Donald Trump ×3".

    Input: OUTLET_FORM_COLUMNS (see lib.views.entities.outlet_forms).
    """
    if forms.empty:
        return pd.Series(dtype=object)
    order = {o: i for i, o in enumerate(outlets or dict.fromkeys(forms["outlet"]))}
    forms = forms.assign(_o=forms["outlet"].map(order).fillna(len(order)))
    forms = forms.sort_values(["entity", "_o", "count", "written"], ascending=[1, 1, 0, 1])
    labels: dict[str, str] = {}
    for entity, group in forms.groupby("entity", sort=False):
        parts = []
        for outlet, g in group.groupby("outlet", sort=False):
            written = ", ".join(f"{w} ×{c}" for w, c in zip(g["written"], g["count"], strict=True))
            parts.append(f"{outlet}: {written}")
        labels[entity] = " · ".join(parts)
    return pd.Series(labels, dtype=object)


def keyword_in_context(
    mentions: pd.DataFrame, texts: pd.DataFrame, entity: str, width: int = 70
) -> pd.DataFrame:
    """Keyword-in-context lines for every mention of ``entity``: KWIC_COLUMNS.

    ``left``/``right`` hold up to ``width`` characters of the mention's own paragraph
    around it (whitespace folded), cut at word boundaries ("…" where cut), so a headline
    never runs into the dateline under it.
    """
    rows = mentions[mentions["entity"] == entity]
    if rows.empty:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    body = texts.set_index("doc_id")["text"]
    out = []
    for r in rows.sort_values(["doc_id", "start_char"]).itertuples():
        text = body[r.doc_id]
        first = max(text.rfind("\n", 0, r.start_char) + 1, 0)  # the paragraph's bounds
        last = text.find("\n", r.end_char)
        last = len(text) if last < 0 else last
        left = " ".join(text[max(first, r.start_char - width) : r.start_char].split())
        right = " ".join(text[r.end_char : min(last, r.end_char + width)].split())
        if r.start_char - width > first and " " in left:
            left = "…" + left.split(" ", 1)[1]
        if r.end_char + width < last and " " in right:
            right = right.rsplit(" ", 1)[0] + "…"
        out.append(
            {
                "outlet": r.outlet,
                "doc_id": r.doc_id,
                "sentence_id": r.sentence_id,
                "left": left,
                "match": text[r.start_char : r.end_char],
                "right": right,
            }
        )
    return pd.DataFrame(out, columns=KWIC_COLUMNS)


def entity_outlet_wide(analysis, link: bool) -> pd.DataFrame:
    """The Compare table: :func:`entity_outlet_table` plus, after ``label``, ``written``
    (every form across outlets, most used first: "Harlow ×20, Jane Harlow ×5") and
    ``written_as`` (the forms each outlet wrote, with counts); nationalities counted as their
    country when ``link``."""
    mentions = link_demonyms(analysis.mentions) if link else analysis.mentions
    table = entity_outlet_table(entity_table(mentions), analysis.outlets)
    forms = outlet_forms(mentions, analysis.texts)
    labels = forms_label(forms, analysis.outlets)
    table.insert(2, "written", table["entity"].map(total_forms(forms)).fillna(""))
    table.insert(3, "written_as", table["entity"].map(labels).fillna(""))
    return table


def total_forms(forms: pd.DataFrame) -> pd.Series:
    """Per entity, every form across outlets with its count, most used first:
    "Harlow ×20, Jane Harlow ×5". Input: OUTLET_FORM_COLUMNS."""
    if forms.empty:
        return pd.Series(dtype=object)
    totals = forms.groupby(["entity", "written"], sort=False)["count"].sum().reset_index()
    totals = totals.sort_values(["entity", "count", "written"], ascending=[1, 0, 1])
    return totals.groupby("entity", sort=False).apply(
        lambda g: ", ".join(f"{w} ×{c}" for w, c in zip(g["written"], g["count"], strict=True)),
        include_groups=False,
    )


def cell_forms(analysis, link: bool) -> dict[tuple[str, str], str]:
    """How each outlet wrote each entity, for the Compare table's cells:
    ``(entity, outlet) -> "Harlow ×8, Mayor Jane Harlow ×1"``."""
    mentions = link_demonyms(analysis.mentions) if link else analysis.mentions
    forms = outlet_forms(mentions, analysis.texts)
    return {
        key: ", ".join(f"{w} ×{c}" for w, c in zip(g["written"], g["count"], strict=True))
        for key, g in forms.groupby(["entity", "outlet"], sort=False)
    }


def entity_forms(analysis, entity: str) -> pd.DataFrame:
    """How each outlet wrote one entity: ``outlet, written`` ("Mr. Trump ×22, Trump ×3"),
    ``mentions``, in the analysis's outlet order, outlets that never name it left out."""
    rows = analysis.mentions[analysis.mentions["entity"] == entity]
    forms = outlet_forms(rows, analysis.texts)
    if forms.empty:
        return pd.DataFrame(columns=["outlet", "written", "mentions"])
    out = []
    for outlet in analysis.outlets:
        g = forms[forms["outlet"] == outlet]
        if len(g):
            written = ", ".join(f"{w} ×{c}" for w, c in zip(g["written"], g["count"], strict=True))
            out.append({"outlet": outlet, "written": written, "mentions": int(g["count"].sum())})
    return pd.DataFrame(out, columns=["outlet", "written", "mentions"])


def mentions_in_context(analysis, entity: str) -> pd.DataFrame:
    """Keyword-in-context lines of one entity in the analysis: ``entity``, ``label`` (its
    type), then KWIC_COLUMNS, so a download says whose mentions they are."""
    lines = keyword_in_context(analysis.mentions, analysis.texts, entity)
    labels = analysis.mentions.loc[analysis.mentions["entity"] == entity, "label"]
    lines.insert(0, "entity", entity)
    lines.insert(1, "label", labels.mode().iloc[0] if len(labels) else "")
    return lines


#: How the Compare table can be sorted (besides by one outlet's mentions).
COMPARE_SORTS = {
    "outlets": COMPARE_PAGE.get("outlets").header,
    "mentions": COMPARE_PAGE.get("mentions").header,
    "entity": "Name (A–Z)",
}


def sort_compare(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """The Compare table sorted by ``by``: a key of :data:`COMPARE_SORTS` or an outlet
    column (its mentions, most first); ties by outlets, mentions, then name."""
    if by == "entity":
        keys, ascending = ["entity"], [True]
    elif by == "mentions":
        keys, ascending = ["mentions", "outlets", "entity"], [False, False, True]
    elif by in table.columns and by not in COMPARE_SORTS:
        keys, ascending = [by, "outlets", "mentions", "entity"], [False, False, False, True]
    else:
        keys, ascending = ["outlets", "mentions", "entity"], [False, False, True]
    return table.sort_values(keys, ascending=ascending, kind="stable").reset_index(drop=True)
