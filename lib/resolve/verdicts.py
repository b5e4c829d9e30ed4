"""A claim's verdict and the reason it gives, from its own rows (so the outlet filter can
recompute them for the outlets selected).

- ``single source``: one document reports it;
- ``agree``: the figures' intervals (:mod:`lib.resolve.intervals`: rounding as written and
  qualifiers) share a value; the reason names that common range;
- ``differ``: the same measurement with values whose intervals do not overlap, but the
  wording leaves room for another definition (different counted nouns, values within
  :data:`CLOSE_GAP` of each other) or a later update (the larger value in a later article);
  the reason gives the gap in % and which of these applies;
- ``conflict``: the same measurement, holder and time with values that cannot all be true
  and nothing of the above; the reason says who gave which value.

Rows need ``doc_id``, ``outlet``, ``value``, ``value_max``, ``qualifier`` and ``text``;
optional ``low`` / ``high`` (the intervals), ``strength`` ("strong" when the claim is
one measurement beyond doubt, see :func:`lib.resolve.claims.build_claims`; rows without it
count as strong), ``published``, ``counted``, ``unit``, ``said_by``, ``holder``, ``time``,
``predicate``, ``places``, ``time_scope``. Reasons are bounded: at most
:data:`MAX_OUTLETS_NAMED` outlets are named and :data:`MAX_WHY_CHARS` characters used.
"""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from lib.columns import names
from lib.extract.numbers import vocab
from lib.records import Claim
from lib.resolve.holders import publication_date
from lib.resolve.intervals import figure_interval

STATUS_AGREE, STATUS_DIFFER = "agree", "differ"
STATUS_CONFLICT, STATUS_SINGLE = "conflict", "single source"
STATUSES = (STATUS_AGREE, STATUS_DIFFER, STATUS_CONFLICT, STATUS_SINGLE)
#: Values this close (relative gap) may be one measurement defined or rounded another way.
CLOSE_GAP = 0.05
#: Outlets named in a reason before "… and N more".
MAX_OUTLETS_NAMED = 6
#: Longest reason, in characters.
MAX_WHY_CHARS = 600
SLACK = 1.0000001


def _records(rows) -> list[dict]:
    return rows.to_dict("records") if isinstance(rows, pd.DataFrame) else list(rows)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def intervals(rows) -> list[tuple[float, float]]:
    """The interval each figure allows, in the unit figures are compared in
    (``norm_low``/``norm_high``: durations in days), else ``low``/``high``, else computed.
    ``rows``: a DataFrame or a list of dicts, one per figure."""
    recs = _records(rows)
    for lo, hi in (("norm_low", "norm_high"), ("low", "high")):
        if recs and all(not _missing(r.get(lo)) and not _missing(r.get(hi)) for r in recs):
            return [(float(r[lo]), float(r[hi])) for r in recs]
    return [
        figure_interval(r["value"], r.get("value_max"), r["qualifier"], r["text"]) for r in recs
    ]


def common_range(rows) -> tuple[float, float] | None:
    """The values every figure allows, or None when there is none."""
    spans = intervals(rows)
    lo, hi = max(s[0] for s in spans), min(s[1] for s in spans)
    return (lo, hi) if lo <= hi * SLACK or lo <= hi else None


def gap_percent(rows) -> float:
    """How far apart the stated values are: (largest - smallest) / smallest, in %
    (ranges by their middle; durations in days)."""
    mids = []
    for r in _records(rows):
        value = float(r["value"])
        top = value if _missing(r.get("value_max")) else float(r["value_max"])
        scale = 1.0
        if not _missing(r.get("norm_value")) and value:
            scale = float(r["norm_value"]) / value
        mids.append((value + top) / 2 * scale)
    lo, hi = min(mids), max(mids)
    if lo == 0:
        return math.inf if hi else 0.0
    return abs(hi - lo) / abs(lo) * 100.0


def _later_update(recs: list[dict]) -> bool:
    """Does a later article give the larger value (a running count updated)?"""
    dated = []
    for r in recs:
        published = r.get("published")
        when = publication_date(published if isinstance(published, str) else "")
        if when is None:
            return False
        dated.append((when.date(), float(r["value"])))
    days = sorted({d for d, _ in dated})
    if len(days) < 2:
        return False
    first = max(v for d, v in dated if d == days[0])
    last = max(v for d, v in dated if d == days[-1])
    return last > first


def _heads(recs: list[dict]) -> list[str]:
    """What the figures count, as compared (event nouns as the people they happened to)."""
    column = "measure_head" if any("measure_head" in r for r in recs) else "counted_head"
    return sorted({r.get(column) for r in recs if isinstance(r.get(column), str)} - {""})


def claim_verdict(rows) -> tuple[str, str]:
    """(status, short reason) of a claim from its rows (a DataFrame or a list of dicts;
    see the module docstring)."""
    recs = _records(rows)
    if len({r["doc_id"] for r in recs}) <= 1:
        return STATUS_SINGLE, "only one article reports it"
    common = common_range(recs)
    if common is not None:
        return STATUS_AGREE, f"one value fits every figure: {_range_text(common, recs)}"
    gap = gap_percent(recs)
    strong = all(r.get("strength", "strong") == "strong" for r in recs)
    reasons = []
    if not strong:
        reasons.append("what is counted, the event or the time may not be the same")
    words = _heads(recs)
    if len(words) > 1:
        reasons.append("counted as " + " and ".join(f"“{w}”" for w in words[:3]))
    if gap < CLOSE_GAP * 100:
        reasons.append("close enough to be another definition or rounding")
    if _later_update(recs):
        reasons.append("a later article gives the larger value (an update?)")
    if reasons:
        return STATUS_DIFFER, f"values differ by {gap:.1f}%: " + "; ".join(reasons)
    return STATUS_CONFLICT, f"values {gap:.1f}% apart cannot all be true"


def claim_status(rows: pd.DataFrame) -> str:
    """The status alone (see :func:`claim_verdict`)."""
    return claim_verdict(rows)[0]


def _num(x: float, digits: int = 4) -> str:
    """A number for a reason: at most ``digits`` significant digits, scale words from a
    million ("51.5", "138.5 million", "1,500")."""
    ax = abs(x)
    for scale, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if ax >= scale:
            return f"{float(f'{x / scale:.{digits}g}'):,.{digits}g}" + word
    rounded = float(f"{x:.{digits}g}") if ax >= 1 else round(x, digits)
    if float(rounded).is_integer():
        return f"{int(rounded):,}"
    return f"{rounded:,.6f}".rstrip("0").rstrip(".")


def _in_days(recs: list[dict], unit: str) -> bool:
    """Are the claim's intervals durations compared in days ("three weeks" = 21 days)?"""
    if not any(r.get("kind") == "duration" for r in recs):
        return False
    return unit == "day" or any(
        not _missing(r.get("norm_value")) and float(r["norm_value"]) != float(r["value"])
        for r in recs
    )


def _range_text(span: tuple[float, float], recs: list[dict]) -> str:
    unit = recs[0].get("unit", "") if recs else ""
    unit = unit if isinstance(unit, str) else ""
    if _in_days(recs, unit):
        unit = "days"  # the range is in the unit durations are compared in, not "week"
    elif unit in vocab()["unit_conversions"]:
        unit = vocab()["unit_conversions"][unit][0]  # "240 km/h" is compared in mph
    symbol = vocab()["currency_display"].get(unit, "")
    unit = "%" if unit == "%" else (f" {unit}" if unit and not symbol else "")
    lo, hi = span
    for digits in (3, 4, 6, 9):
        a, b = _num(lo, digits), _num(hi, digits)
        if a != b or abs(hi - lo) <= 1e-9 * max(1.0, abs(hi)):
            break
    if a == b:
        return f"{symbol}{a}{unit}"
    return f"{symbol}{a} to {symbol}{b}{unit}"


def source_values(rows) -> str:
    """ "Daily Alpha (Jane Smith): about 5,000 · Gamma Times: 6,000", at most
    :data:`MAX_OUTLETS_NAMED` outlets."""
    by_outlet: dict[str, list[dict]] = {}
    for r in _records(rows):
        by_outlet.setdefault(r["outlet"], []).append(r)
    parts = []
    for outlet, group in list(by_outlet.items())[:MAX_OUTLETS_NAMED]:
        written = "; ".join(list(dict.fromkeys(r["text"] for r in group))[:3])
        said = [r.get("said_by") for r in group]
        who = "; ".join(list(dict.fromkeys(s for s in said if isinstance(s, str) and s))[:2])
        parts.append(f"{outlet}{f' ({who})' if who else ''}: {written}")
    more = len(by_outlet) - MAX_OUTLETS_NAMED
    return " · ".join(parts) + (f" · and {more} more outlets" if more > 0 else "")


def common_value(records: list[dict], column: str) -> str:
    """The one value every figure gives for ``column`` ("" when they differ or some give
    none)."""
    found = {r.get(column) if isinstance(r.get(column), str) else "" for r in records}
    return next(iter(found)) if len(found) == 1 else ""


def grouped_because(records: list[dict]) -> str:
    """Why figures were grouped, in words: what they count, unit, whose, event, place,
    time (records: one dict per figure)."""
    grouped = []
    column = "measure_head" if any("measure_head" in r for r in records) else "counted_head"
    heads = sorted({r.get(column) for r in records if isinstance(r.get(column), str)} - {""})
    every = all(isinstance(r.get(column), str) and r.get(column) for r in records)
    named = "" if every else " (where they name it)"
    if len(heads) == 1:
        grouped.append(f"{'all count' if every else 'they count'} “{heads[0]}”{named}")
    elif heads:
        grouped.append(f"they count the same kind of thing ({', '.join(heads[:4])}){named}")
    units = sorted({r.get("unit") for r in records if isinstance(r.get("unit"), str)} - {""})
    if len(units) == 1:
        grouped.append(f"same unit ({units[0]})")
    elif units:  # "240 km/h" and "150 mph", compared in one unit (lib/data/numbers.json)
        grouped.append(f"units converted ({', '.join(units)})")
    for column, name in (
        ("holder", "whose"),
        ("predicate", "event"),
        ("places", "place"),
        ("time", "time"),
        ("time_scope", "time"),
    ):
        common = common_value(records, column)
        if common and f"{name}: " not in " ".join(grouped):
            grouped.append(f"{name}: {common}")
    return "; ".join(grouped) if grouped else "same value and unit"


def bounded(text: str) -> str:
    """``text`` cut to :data:`MAX_WHY_CHARS` characters."""
    return text if len(text) <= MAX_WHY_CHARS else text[: MAX_WHY_CHARS - 1].rstrip() + "…"


def describe_claim(rows, status: str | None = None) -> str:
    """Why these figures were grouped and the verdict's reason, in words, at most
    :data:`MAX_WHY_CHARS` characters (``rows``: a DataFrame or a list of dicts)."""
    recs = _records(rows)
    verdict, reason = claim_verdict(recs)
    status = status or verdict
    text = grouped_because(recs)
    if status == verdict and status != STATUS_SINGLE:
        text += f". {status.capitalize()}: {reason}"
    if status in (STATUS_CONFLICT, STATUS_DIFFER):
        text += ". " + source_values(recs)
    return bounded(text)


# ----------------------------------------------------------------------------- per claim


def claim_label(records: list[dict]) -> str:
    """The claim's "counted": its most frequent phrase (the longest of ties), read from the
    noun the figures quantify when any has one, else from their context; with whose it is
    and when, when all its figures that say agree ("Clintons: effective federal tax rate,
    2014"). ``records``: one dict per figure."""
    holder, time = _one(records, "holder"), _one(records, "time")
    if records and all(r.get("kind") == "age" for r in records) and holder:
        return f"{holder}: age"
    hows = [r.get("counted_how") or "" for r in records]
    guessed = "context" in hows and "noun" not in hows
    if "noun" in hows:
        records = [r for r, how in zip(records, hows, strict=True) if how == "noun"]
    counted = [c for c in (r.get("counted") for r in records) if isinstance(c, str) and c]
    if not counted:
        unit = records[0].get("unit") if records else ""
        return f"amount ({unit})" if unit else "(unspecified)"
    counts = Counter(counted)
    top = max(counts.values())
    best = max((c for c, n in counts.items() if n == top), key=len)
    # a phrase read from the figures' context, not a noun they count: say so
    best = f"{best} (from context)" if guessed else best
    if holder and holder.lower() not in best.lower():
        best = f"{holder}: {best}"
    return f"{best}, {time}" if time else best


def _one(records: list[dict], column: str) -> str:
    """The one value of ``column`` the figures give (empty values aside), else ""."""
    found = {r.get(column) for r in records if isinstance(r.get(column), str) and r.get(column)}
    return next(iter(found)) if len(found) == 1 else ""


#: Columns the verdict, reason and label of a claim read besides its own (a narrow frame
#: per claim is built from these only: the per-claim pass stays cheap for thousands).
VERDICT_EXTRA = ("counted_how",)


def described(df: pd.DataFrame, groups: list[tuple[list[int], int, bool]]) -> pd.DataFrame:
    """``df`` in claim order with claim id, status, gap, related claims, reason, label and
    strength per row."""
    width = max(2, len(str(len(groups))))
    ids = [f"C{k + 1:0{width}d}" for k in range(len(groups))]
    family_ids: dict[int, list[str]] = {}
    for cid, (_members, family, _strong) in zip(ids, groups, strict=True):
        family_ids.setdefault(family, []).append(cid)
    wanted = [c for c in (*names(Claim), *VERDICT_EXTRA) if c in df]
    records = df[wanted].to_dict("records")
    order, per_row = [], []
    for cid, (members, family, strong) in zip(ids, groups, strict=True):
        recs = [records[i] for i in members]
        strength = "strong" if strong else "weak"
        related = ", ".join(c for c in family_ids[family][:12] if c != cid)
        recs = [{**r, "strength": strength} for r in recs]
        status, _reason = claim_verdict(recs)
        fields = (cid, status, _gap_of(recs, status), related, describe_claim(recs, status))
        fields += (claim_label(recs), strength)
        order += members
        per_row += [fields] * len(members)
    out = df.iloc[order].reset_index(drop=True)
    made = ("claim_id", "status", "gap", "related", "why", "counted", "strength")
    for k, name in enumerate(made):
        out[name] = [fields[k] for fields in per_row]
    return out


def _gap_of(rows, status: str) -> float:
    """The gap in % between the values of a claim that differs or conflicts, else NaN."""
    if status not in (STATUS_DIFFER, STATUS_CONFLICT):
        return math.nan
    return round(gap_percent(rows), 1)
