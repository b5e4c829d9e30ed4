"""Figure views: short labels ("~2,000", "≥450,000") and the claim x outlet table."""

from __future__ import annotations

import math
import re

import pandas as pd

from lib.extract.numbers import vocab
from lib.records import FIGURES_PAGE
from lib.resolve.verdicts import claim_verdict
from lib.views.sources import FIGURE_PHRASES, explain

VAGUE_WORDS = {
    12: "dozens",
    20: "scores",
    100: "hundreds",
    1_000: "thousands",
    10_000: "tens of thousands",
    100_000: "hundreds of thousands",
    1_000_000: "millions",
    10_000_000: "tens of millions",
    1_000_000_000: "billions",
}


def _num(value: float, big_words: bool) -> str:
    if big_words and abs(value) >= 1e6:
        for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(value) >= scale:
                return f"{value / scale:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


#: Units written as words but never given a plural ending, and plurals that are not "+s".
UNCOUNTED_UNITS = frozenset({"mph", "mpg", "bhp", "sq", "square", "times", "am", "pm"})
IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches", "century": "centuries", "penny": "pence"}


def unit_label(unit: str, value: float) -> str:
    """The unit as a reader writes it after ``value``: "3 days", "38 words", "1 day", "5 km"
    (symbols and abbreviations unchanged)."""
    if value == 1 or not (unit.isalpha() and unit.islower() and len(unit) >= 3):
        return unit
    if unit in UNCOUNTED_UNITS or unit in vocab()["unit_before"].values():
        return unit
    if unit in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[unit]
    if unit.endswith(("s", "x", "ch", "sh")):
        return unit + "es"
    if unit.endswith("y") and unit[-2] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"


def format_figure(value, value_max=None, qualifier: str = "exact", unit: str = "") -> str:
    """Short label: "~2,000", "≤20,000", "≥450,000", "1,200–2,500", "$5.7 billion", "12%"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    value = float(value)
    vmax = value if value_max is None or pd.isna(value_max) else float(value_max)
    unit = unit or ""
    if qualifier == "vague":
        word = VAGUE_WORDS.get(int(value), f"~{_num(value, True)}")
        cur = vocab()["currency_display"].get(unit, "")
        shown = cur or unit_label(unit, 2)
        return f"{word} of {shown}".strip() if unit and unit != "%" else word
    money = unit in vocab()["currency_display"] or re.fullmatch(r"[A-Z]{3}", unit or "")
    big = bool(money) or value >= 1e6

    def one(x: float) -> str:
        s = _num(x, big)
        if money and not float(x).is_integer() and abs(x) < 1e6:
            s = f"{x:,.2f}"  # "$0.90", "$3.10": money keeps its cents
        if unit == "%":
            return s + "%"
        if unit in vocab()["currency_display"]:
            return vocab()["currency_display"][unit] + s
        if unit in vocab()["unit_before"].values():
            return f"{unit} {s}"  # "magnitude 6.6"
        if unit:
            return f"{s} {unit_label(unit, vmax)}"
        return s

    if qualifier == "range" and vmax != value:
        return f"{one(value)}–{one(vmax)}"
    if qualifier == "change":
        return f"{one(value)} → {one(vmax)}"
    prefix = {"approx": "~", "at_least": "≥", "at_most": "≤"}.get(qualifier, "")
    return prefix + one(value)


def clean_text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def format_interval(low, high, unit: str = "") -> str:
    """The values a figure stands for ("1,151–1,249", "$138.5 million–$139.5 million");
    "" when unknown."""
    if low is None or high is None or pd.isna(low) or pd.isna(high):
        return ""
    lo, hi = float(low), float(high)
    if abs(hi - lo) <= 1e-9 * max(1.0, abs(hi)):
        return format_figure(lo, lo, "exact", unit)
    return format_figure(_round3(lo), _round3(hi), "range", unit)


def _round3(x: float) -> float:
    """Four significant digits: enough to read an interval ("51.51", "1,151")."""
    return float(f"{x:.4g}") if abs(x) >= 1 else round(x, 4)


def claim_cells(claims: pd.DataFrame, outlets=None) -> pd.DataFrame:
    """What each outlet reports for each claim: one row per distinct figure, columns
    ``claim_id, outlet, figure`` (a short label, "≥450,000"), ``said_by`` ("" when no
    source) and ``interval`` (the values the figure stands for: rounding as written and
    its qualifier, "" when unknown), claims in their order, outlets in ``outlets`` order
    (others left out)."""
    columns = ["claim_id", "outlet", "figure", "said_by", "interval"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    if outlets is None:
        outlets = list(dict.fromkeys(claims["outlet"]))
    order = {o: i for i, o in enumerate(outlets)}
    rows = claims[claims["outlet"].isin(order)]
    records = [
        {
            "claim_id": r.claim_id,
            "outlet": r.outlet,
            "figure": format_figure(r.value, r.value_max, r.qualifier, getattr(r, "unit", "")),
            "said_by": clean_text(getattr(r, "said_by", "")),
            "interval": format_interval(
                getattr(r, "low", None), getattr(r, "high", None), getattr(r, "unit", "")
            ),
        }
        for r in rows.itertuples()
    ]
    cells = pd.DataFrame.from_records(records, columns=columns).drop_duplicates()
    claim_order = {c: i for i, c in enumerate(dict.fromkeys(claims["claim_id"]))}
    keys = cells["claim_id"].map(claim_order) * len(order) + cells["outlet"].map(order)
    return cells.iloc[keys.argsort(kind="stable")].reset_index(drop=True)


def claim_summary(claims: pd.DataFrame, outlets=None) -> pd.DataFrame:
    """Wide table: one row per claim (claim_id, counted, status) x one column per outlet.

    Cells read like "≥450,000 (Jane Smith)"; several figures from one outlet are joined
    with "; "; an outlet that does not report the claim gets "—".
    """
    if outlets is None:
        outlets = list(dict.fromkeys(claims["outlet"])) if not claims.empty else []
    outlets = list(outlets)
    columns = ["claim_id", "counted", "status", *outlets]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    cells = claim_cells(claims, outlets)
    labels = cells["figure"].where(
        cells["said_by"] == "", cells["figure"] + " (" + cells["said_by"] + ")"
    )
    joined = labels.groupby([cells["claim_id"], cells["outlet"]], sort=False).agg("; ".join)
    heads = claims.drop_duplicates("claim_id")[["claim_id", "counted", "status"]]
    records = []
    for head in heads.itertuples(index=False):
        rec = head._asdict()
        for outlet in outlets:
            rec[outlet] = joined.get((head.claim_id, outlet), "—")
        records.append(rec)
    return pd.DataFrame.from_records(records, columns=columns)


#: How the Figures page names each qualifier and claim status.
QUALIFIER_NAMES = {
    "exact": "exact",
    "approx": "~ about",
    "at_least": "≥ at least",
    "at_most": "≤ at most",
    "range": "range",
    "change": "change (from … to …)",
    "vague": "vague (thousands, millions…)",
}
#: How the Figures page names each kind of figure; counts of one are hidden by default.
KIND_NAMES = {
    "count": "counts",
    "money": "money",
    "percent": "percentages",
    "measure": "measures (km, magnitude …)",
    "duration": "durations",
    "age": "ages",
    "one": "counts of one (“one resident”)",
}
DEFAULT_HIDDEN_KINDS = frozenset({"one"})
STATUS_HELP = {
    "agree": "the values share a value once rounding and qualifiers are allowed for",
    "differ": "the values do not overlap, but the outlets may count or define it "
    "differently, or a later report may update it",
    "conflict": "the same measurement, holder and time with values that cannot all be true",
    "single source": "only one outlet reports it",
}


def exact_value(value, value_max=None) -> str:
    """The value at full precision, no rounding ("6.6", "43,885,310", "1,500–3,000")."""
    if value is None or pd.isna(value):
        return ""

    def one(x: float) -> str:
        x = float(x)
        return f"{int(x):,}" if x.is_integer() else f"{x:,.10f}".rstrip("0").rstrip(".")

    if value_max is not None and not pd.isna(value_max) and float(value_max) != float(value):
        return f"{one(value)}–{one(value_max)}"
    return one(value)


def claims_by_outlet(analysis) -> pd.DataFrame:
    """Claims as rows, outlets as columns (see :func:`claim_summary`)."""
    return claim_summary(analysis.claims, analysis.outlets)


def figure_rows(figures: pd.DataFrame, qualifiers, query: str = "", kinds=None) -> pd.DataFrame:
    """The All figures table: chosen qualifiers and kinds (None: all but
    :data:`DEFAULT_HIDDEN_KINDS`), ``counted`` containing ``query``, a short ``figure``
    label, the exact value at full precision, the measurement (predicate, time scope),
    sources carried over from the previous sentence and ``counted`` phrases read from the
    clause's context (never grouped on) marked as such, and ``how_found``: how
    the source was found (see :mod:`lib.views.sources`). Columns: those of
    :data:`lib.records.FIGURES_PAGE` with its CSV-only ones (which article)."""
    if kinds is None:
        kinds = [k for k in KIND_NAMES if k not in DEFAULT_HIDDEN_KINDS]
    flat = figures[figures["qualifier"].isin(list(qualifiers))]
    if "kind" in flat:
        flat = flat[flat["kind"].fillna("count").isin(list(kinds))]
    if query.strip():
        flat = flat[flat["counted"].str.contains(query.strip(), case=False, regex=False)]
    inferred = flat["said_by_how"].fillna("").eq("carried over")
    guessed = (
        flat["counted_how"].fillna("").eq("context")
        if "counted_how" in flat
        else pd.Series(False, index=flat.index)
    )
    flat = flat.assign(
        counted=flat["counted"].where(~guessed, flat["counted"] + " (from context)"),
        how_found=explain(flat, "said_by", "said_by", FIGURE_PHRASES).where(
            flat["said_by"].fillna("") != "", ""
        ),
        said_by=flat["said_by"].where(~inferred, flat["said_by"] + " (previous sentence)"),
        figure=[
            format_figure(r.value, r.value_max, r.qualifier, r.unit) for r in flat.itertuples()
        ],
        exact_value=[exact_value(r.value, r.value_max) for r in flat.itertuples()],
    )
    missing = {c: "" for c in FIGURES_PAGE.csv_names() if c not in flat}
    return flat.assign(**missing)[FIGURES_PAGE.csv_names()]


def claim_cells_by_outlet(analysis) -> pd.DataFrame:
    """The figures each outlet reports per claim (see :func:`claim_cells`)."""
    return claim_cells(analysis.claims, analysis.outlets)


def linked_claim(label: str, labels: dict[str, str]) -> str | None:
    """The claim a link's label ("C03 · North Korean personnel (agree)") names when the
    label no longer matches exactly because the claim's status changed with the outlets
    chosen: the claim with the same id and the same counted phrase, else None."""
    for claim_id, current in labels.items():
        if current.rpartition(" (")[0] == label.rpartition(" (")[0]:
            return claim_id
    return None


def claim_reason(rows: pd.DataFrame) -> str:
    """The verdict's reason for one claim's rows as the page shows them ("values differ by
    20.0%: counted as “people” and “resident”")."""
    return claim_verdict(rows)[1] if len(rows) else ""
