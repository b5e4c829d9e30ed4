"""Which values a figure allows: its stated value widened by its qualifier ("about",
"nearly", "at least", "up to") and by the rounding it is written with ("$139 million" is
139 million rounded to the million: 138.5 to 139.5 million), so claims can tell rounding
from disagreement (:mod:`lib.resolve.claims`) and the Figures page can show each cell's
interval."""

from __future__ import annotations

import re

import pandas as pd

from lib.extract.numbers import vocab

#: Interval each qualifier allows around the stated value (lo factor, hi factor).
INTERVALS = {
    "approx": (0.9, 1.1),
    "approx_below": (0.9, 1.0),
    "at_least": (1.0, 2.0),
    "at_most": (0.5, 1.0),
}
#: Widest rounding a round number stands for, as a share of its value: "700" may be 716
#: rounded to the hundred (±5%), "2,000" is not 1,500.
ROUND_NUMBER_SLACK = 0.05
NUMBER_RE = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")
SCALE_RE = re.compile(
    r"\d\s*(?:million|billion|trillion|thousand|mn|bn|tn|m|b|k)\b|"
    r"\b(?:million|billion|trillion)\b",
    re.I,
)


def _tolerance(text: str, value: float) -> float:
    """Absolute slack of an exact figure from the rounding it is written with: half a step
    of its last written digit ("52" -> 0.5, "6.6" -> 0.05, "$139 million" -> 0.5
    million); a whole number ending in two or more zeros ("700", "2,000", "$700
    billion") may stand for a value rounded to its last non-zero digit, up to
    :data:`ROUND_NUMBER_SLACK` of it. Adjacent whole numbers (1 and 2) never touch."""
    m = NUMBER_RE.search(text or "")
    scaled = bool(SCALE_RE.search(text or ""))
    if m:
        whole, decimals = m.group(1).replace(",", ""), m.group(2) or ""
        written = float(whole + ("." + decimals if decimals else ""))
        step = 10.0 ** -len(decimals)
        if not decimals:
            zeros = len(whole) - len(whole.rstrip("0"))
            if zeros >= 2 and whole.strip("0"):
                step = min(10.0**zeros, 2 * ROUND_NUMBER_SLACK * written)
        factor = value / written if written else 1.0
    else:  # number words: "two", "two million", "two-thirds"
        if abs(value) < 1:
            return 0.005  # a fraction written in words is exact
        step, factor = 1.0, 1.0
        if scaled:  # "two million": the scale word's unit
            for scale in (1e12, 1e9, 1e6, 1e3):
                if abs(value) >= scale:
                    factor = scale
                    break
    return 0.49 * step * factor


def figure_interval(
    value: float, value_max: float, qualifier: str, text: str = ""
) -> tuple[float, float]:
    """The values a figure allows: its stated value or range widened by its qualifier
    ("about": ±10%, "nearly": 90–100%, "at least": up to twice, "up to": down to half) and,
    for exact figures, by the precision it is written with (:func:`_tolerance`)."""
    value = float(value)
    value_max = value if value_max is None or pd.isna(value_max) else float(value_max)
    if qualifier in ("range", "vague", "change"):
        return min(value, value_max), max(value, value_max)
    if qualifier == "approx":
        first = (text or "").lower().lstrip()
        if any(first.startswith(w + " ") for w in vocab().get("approx_below", [])):
            qualifier = "approx_below"
    if qualifier in INTERVALS:
        lo, hi = INTERVALS[qualifier]
        return value * lo, value * hi
    tol = _tolerance(text, value)
    return value - tol, value + tol


def overlap(a: dict, b: dict) -> bool:
    """Do two items (``_lo``/``_hi`` bounds) share a value?"""
    return max(a["_lo"], b["_lo"]) <= min(a["_hi"], b["_hi"]) * 1.0000001
