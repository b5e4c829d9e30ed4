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

import pandas as pd

from lib.extract.numbers import vocab
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


def intervals(rows: pd.DataFrame) -> list[tuple[float, float]]:
    """The interval each row's figure allows, in the unit figures are compared in
    (``norm_low``/``norm_high``: durations in days), else ``low``/``high``, else computed."""
    for lo, hi in (("norm_low", "norm_high"), ("low", "high")):
        if lo in rows and hi in rows and not rows[[lo, hi]].isna().any().any():
            return list(zip(rows[lo].astype(float), rows[hi].astype(float), strict=True))
    return [figure_interval(r.value, r.value_max, r.qualifier, r.text) for r in rows.itertuples()]


def common_range(rows: pd.DataFrame) -> tuple[float, float] | None:
    """The values every figure allows, or None when there is none."""
    spans = intervals(rows)
    lo, hi = max(s[0] for s in spans), min(s[1] for s in spans)
    return (lo, hi) if lo <= hi * SLACK or lo <= hi else None


def gap_percent(rows: pd.DataFrame) -> float:
    """How far apart the stated values are: (largest - smallest) / smallest, in %
    (ranges by their middle)."""
    mids = [
        (float(r.value) + float(r.value if pd.isna(r.value_max) else r.value_max)) / 2
        for r in rows.itertuples()
    ]
    if "norm_value" in rows and not rows["norm_value"].isna().any():
        scale = [
            n / v if v else 1.0 for n, v in zip(rows["norm_value"], rows["value"], strict=True)
        ]
        mids = [m * k for m, k in zip(mids, scale, strict=True)]
    lo, hi = min(mids), max(mids)
    if lo == 0:
        return math.inf if hi else 0.0
    return abs(hi - lo) / abs(lo) * 100.0


def _later_update(rows: pd.DataFrame) -> bool:
    """Does a later article give the larger value (a running count updated)?"""
    if "published" not in rows:
        return False
    dated = []
    for r in rows.itertuples():
        when = publication_date(r.published if isinstance(r.published, str) else "")
        if when is None:
            return False
        dated.append((when.date(), float(r.value)))
    days = sorted({d for d, _ in dated})
    if len(days) < 2:
        return False
    first = max(v for d, v in dated if d == days[0])
    last = max(v for d, v in dated if d == days[-1])
    return last > first


def _heads(rows: pd.DataFrame) -> list[str]:
    """What the figures count, as compared (event nouns as the people they happened to)."""
    column = "measure_head" if "measure_head" in rows else "counted_head"
    return sorted(
        {c for c in rows.get(column, pd.Series(dtype=object)) if isinstance(c, str) and c}
    )


def _other_words(rows: pd.DataFrame) -> list[str]:
    heads = _heads(rows)
    return heads if len(heads) > 1 else []


def claim_verdict(rows: pd.DataFrame) -> tuple[str, str]:
    """(status, short reason) of a claim from its rows (see the module docstring)."""
    if rows["doc_id"].nunique() <= 1:
        return STATUS_SINGLE, "only one article reports it"
    common = common_range(rows)
    if common is not None:
        return STATUS_AGREE, f"one value fits every figure: {_range_text(common, rows)}"
    gap = gap_percent(rows)
    strong = "strength" not in rows or (rows["strength"] == "strong").all()
    reasons = []
    if not strong:
        reasons.append("what is counted, the event or the time may not be the same")
    words = _other_words(rows)
    if words:
        reasons.append("counted as " + " and ".join(f"“{w}”" for w in words[:3]))
    if gap < CLOSE_GAP * 100:
        reasons.append("close enough to be another definition or rounding")
    if _later_update(rows):
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


def _range_text(span: tuple[float, float], rows: pd.DataFrame) -> str:
    unit = rows["unit"].iloc[0] if "unit" in rows else ""
    unit = unit if isinstance(unit, str) else ""
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


def source_values(rows: pd.DataFrame) -> str:
    """ "Daily Alpha (Jane Smith): about 5,000 [4,500 to 5,500] · Gamma Times: 6,000", at
    most :data:`MAX_OUTLETS_NAMED` outlets."""
    parts = []
    groups = list(rows.groupby("outlet", sort=False))
    for outlet, group in groups[:MAX_OUTLETS_NAMED]:
        written = "; ".join(list(dict.fromkeys(group["text"]))[:3])
        said = group["said_by"] if "said_by" in group else pd.Series(dtype=object)
        who = "; ".join(list(dict.fromkeys(s for s in said if isinstance(s, str) and s))[:2])
        parts.append(f"{outlet}{f' ({who})' if who else ''}: {written}")
    more = len(groups) - MAX_OUTLETS_NAMED
    return " · ".join(parts) + (f" · and {more} more outlets" if more > 0 else "")


def _common(rows: pd.DataFrame, column: str) -> str:
    """The one value every figure gives for ``column`` ("" when they differ or some give
    none)."""
    if column not in rows:
        return ""
    found = {v if isinstance(v, str) else "" for v in rows[column]}
    return next(iter(found)) if len(found) == 1 else ""


def describe_claim(rows: pd.DataFrame, status: str | None = None) -> str:
    """Why these figures were grouped and the verdict's reason, in words, at most
    :data:`MAX_WHY_CHARS` characters."""
    verdict, reason = claim_verdict(rows)
    status = status or verdict
    grouped = []
    heads = _heads(rows)
    column = "measure_head" if "measure_head" in rows else "counted_head"
    every = column in rows and all(isinstance(h, str) and h for h in rows[column])
    named = "" if every else " (where they name it)"
    if len(heads) == 1:
        grouped.append(f"{'all count' if every else 'they count'} “{heads[0]}”{named}")
    elif heads:
        grouped.append(f"they count the same kind of thing ({', '.join(heads[:4])}){named}")
    unit = rows["unit"].iloc[0] if "unit" in rows else ""
    if isinstance(unit, str) and unit:
        grouped.append(f"same unit ({unit})")
    for column, name in (
        ("holder", "whose"),
        ("predicate", "event"),
        ("places", "place"),
        ("time", "time"),
        ("time_scope", "time"),
    ):
        common = _common(rows, column)
        if common and f"{name}: " not in " ".join(grouped):
            grouped.append(f"{name}: {common}")
    text = "; ".join(grouped) if grouped else "same value and unit"
    if status == verdict and status != STATUS_SINGLE:
        text += f". {status.capitalize()}: {reason}"
    if status in (STATUS_CONFLICT, STATUS_DIFFER):
        text += ". " + source_values(rows)
    if len(text) > MAX_WHY_CHARS:
        text = text[: MAX_WHY_CHARS - 1].rstrip() + "…"
    return text
