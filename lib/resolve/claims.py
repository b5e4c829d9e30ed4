"""Claims: figures that count the same thing, grouped across outlets, with a status.

:func:`build_claims` clusters figures (average linkage with vetoes: different units,
groups or outcomes never merge) by what they count (head lemma and its class, modifier and
context lemmas, fuzzy matching with rapidfuzz) and compares the intervals their values and
qualifiers allow: ``agree`` when one value fits all, ``conflict`` when none does,
``single source`` when one document reports it.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from lib.extract.numbers import WRITTEN_NUM_RE, vocab
from lib.resolve.grouping import UnionFind
from lib.schema import CLAIM_COLUMNS

STATUS_AGREE, STATUS_CONFLICT, STATUS_SINGLE = "agree", "conflict", "single source"


#: Interval each qualifier allows around the stated value (lo factor, hi factor).
INTERVALS = {
    "exact": (0.995, 1.005),
    "approx": (0.9, 1.1),
    "at_least": (1.0, 2.0),
    "at_most": (0.5, 1.0),
    "vague": (1.0, 100.0),
}


MERGE_THRESHOLD = 0.55


DEMONYM_SUFFIXES = tuple("ians ian ia eans ean ese ish ans an i a e y".split())


CURRENCY_CODES = frozenset(
    list(vocab()["currency_symbols"].values()) + list(vocab()["currency_words"].values())
)


def _norm_group(name: str) -> str:
    """Comparable stem of a group name: "South African" ~ "South Africa", "Chilean" ~ "Chile"."""
    words = re.sub(r"[’']s\b", "", name.lower()).replace(".", "").split()
    words = [w for w in words if w not in ("the",)]
    if not words:
        return ""
    alias = vocab()["group_aliases"].get(" ".join(words))
    if alias:
        words = alias.split()
    last = words[-1]
    for suffix in DEMONYM_SUFFIXES:
        if last.endswith(suffix) and len(last) - len(suffix) >= 3:
            last = last[: -len(suffix)]
            break
    return " ".join([*words[:-1], last])


def _stems_match(a: str, b: str) -> bool:
    if a == b:
        return True
    wa, wb = sorted((a.split(), b.split()), key=len)
    wb = wb[len(wb) - len(wa) :]  # "Silva" ~ "Maria Silva": compare the trailing words
    if wa[:-1] != wb[:-1]:
        return False
    x, y = sorted((wa[-1], wb[-1]), key=len)
    return len(x) >= 3 and y.startswith(x)


def _groups_match(ga: frozenset, gb: frozenset) -> bool:
    return any(_stems_match(x, y) for x in ga for y in gb)


def _groups_of(row) -> frozenset:
    raw = row.get("counted_groups")
    names = []
    if isinstance(raw, str):
        names = [g for g in raw.split(";") if g.strip()]
    elif isinstance(row.get("counted"), str):
        # fall back to capitalised words of the counted phrase ("Haitian migrants")
        caps = re.findall(r"(?:[A-Z][\w.’'-]*\s?)+", row["counted"])
        names = [c for c in caps if c.strip()]
    return frozenset(n for n in (_norm_group(x) for x in names) if n)


def _outcomes_of(lemmas: str) -> frozenset:
    of = vocab()["outcome_of"]
    found = {of[w] for w in lemmas.split() if w in of}
    return frozenset(found)


def _outcomes_compatible(a: frozenset, b: frozenset) -> bool:
    if a & b:
        return True
    umbrella = vocab()["outcome_umbrella"]
    for big, parts in umbrella.items():
        if (big in a and b & set(parts)) or (big in b and a & set(parts)):
            return True
    return False


def _unit_kind(unit: str) -> str:
    return unit or ""


def _head_class(head: str) -> str:
    return vocab()["head_class_of"].get(head, head)


def _similarity(a: dict, b: dict) -> float:
    """Score in [0, 1] that two figures count the same thing; -1 vetoes a merge."""
    if a["_unit"] != b["_unit"]:
        return -1.0
    ga, gb = a["_groups"], b["_groups"]
    if ga and gb and not _groups_match(ga, gb):
        return -1.0
    oa, ob = a["_outcomes"], b["_outcomes"]
    if oa and ob and not _outcomes_compatible(oa, ob):
        return -1.0
    ha, hb = a["_head"], b["_head"]
    if ha and hb:
        if ha == hb:
            head_sim = 1.0
        elif _head_class(ha) == _head_class(hb):
            head_sim = 0.9
        else:
            head_sim = 0.8 * fuzz.ratio(ha, hb) / 100.0
            if head_sim < 0.6:
                head_sim = 0.0
    elif a["_unit"] and a["_unit"] in CURRENCY_CODES:
        # money with nothing (or nothing on one side) counted: same currency and value
        return 0.6 if max(a["_lo"], b["_lo"]) <= min(a["_hi"], b["_hi"]) else 0.3
    else:
        head_sim = 0.0
    score = 0.7 * head_sim
    if a["_lemmas"] and b["_lemmas"]:
        score += 0.1 * fuzz.token_set_ratio(a["_lemmas"], b["_lemmas"]) / 100.0
    if ga and gb:
        score += 0.1
    lo = max(a["_lo"], b["_lo"])
    hi = min(a["_hi"], b["_hi"])
    if lo <= hi:
        score += 0.1
    elif a["value"] > 0 and b["value"] > 0:
        if abs(math.log10(a["value"]) - math.log10(b["value"])) < 1:
            score += 0.03  # same order of magnitude: weak hint only
    if bool(oa) != bool(ob):
        score -= 0.3
    return score


def _rounding(text: str) -> float:
    """Relative half-step of the precision the figure is written with ("52%" -> 0.5/52)."""
    m = WRITTEN_NUM_RE.search(text or "")
    if not m:
        return 0.0
    written = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
    if written <= 0:
        return 0.0
    return 0.5 * 10 ** -len(m.group(2) or "") / written


def _interval(
    value: float, value_max: float, qualifier: str, text: str = ""
) -> tuple[float, float]:
    """Values a figure allows: its stated interval widened by the qualifier and rounding."""
    value, value_max = float(value), float(value_max)
    if qualifier == "range":
        return value, value_max
    lo, hi = INTERVALS.get(qualifier, INTERVALS["exact"])
    if qualifier == "exact":
        step = max(_rounding(text), 1 - lo)
        lo, hi = 1 - step, 1 + step
    return value * lo, value * hi


#: Above this many figures, only figures with the same unit and kind of counted thing are
#: compared (merges need both); below it every pair is scored, as before.
BLOCKING_MIN = 400


def _block_key(item: dict) -> tuple[str, str]:
    head = item["_head"]
    return item["_unit"], _head_class(head) if head else ""


def _cluster(items: list[dict]) -> list[int]:
    """Average-linkage grouping with vetoes; returns a cluster index per item.

    Large inputs are split into blocks by :func:`_block_key` (pairs across blocks differ in
    unit, which vetoes a merge, or in the kind of thing counted), each clustered on its own,
    which keeps time and memory near-linear in the number of figures.
    """
    if len(items) <= BLOCKING_MIN:
        return _cluster_block(items)
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, item in enumerate(items):
        blocks.setdefault(_block_key(item), []).append(i)
    labels = [0] * len(items)
    for rows in blocks.values():
        for k, local in enumerate(_cluster_block([items[i] for i in rows])):
            labels[rows[k]] = rows[local]  # a member's global index names the cluster
    return labels


def _cluster_block(items: list[dict]) -> list[int]:
    """:func:`_cluster` on one block: every pair of items is scored."""
    n = len(items)
    # the similarity depends only on these features: score each distinct pair once
    feats = ("value", "_unit", "_groups", "_outcomes", "_head", "_lemmas", "_lo", "_hi")
    codes: dict[tuple, int] = {}
    uniq: list[dict] = []
    inv = np.empty(n, dtype=np.intp)
    for i, item in enumerate(items):
        key = tuple(item[f] for f in feats)
        code = codes.get(key)
        if code is None:
            code = codes[key] = len(uniq)
            uniq.append(item)
        inv[i] = code
    u = len(uniq)
    usim = np.zeros((u, u))
    for a in range(u):
        for b in range(a, u):
            usim[a, b] = _similarity(uniq[a], uniq[b])
            if b != a:
                usim[b, a] = _similarity(uniq[b], uniq[a])
    sim = usim[np.ix_(inv, inv)]
    np.fill_diagonal(sim, 0.0)
    groups = UnionFind(n)
    # candidate pairs i < j in row-major order, strongest first (stable, as a list sort)
    rows, cols = np.nonzero(np.triu(sim >= 0.5, k=1))
    order = np.argsort(-sim[rows, cols], kind="stable")
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        ri, rj = groups.find(i), groups.find(j)
        if ri == rj:
            continue
        block = sim[np.ix_(groups.members(ri), groups.members(rj))]
        if block.min() < 0 or block.mean() < MERGE_THRESHOLD:
            continue
        groups.union(ri, rj)
    return groups.roots()


def _status(rows: pd.DataFrame) -> str:
    if rows["doc_id"].nunique() <= 1:
        return STATUS_SINGLE
    spans = [_interval(r.value, r.value_max, r.qualifier, r.text) for r in rows.itertuples()]
    lo = max(span[0] for span in spans)
    hi = min(span[1] for span in spans)
    return STATUS_AGREE if lo <= hi * 1.0000001 else STATUS_CONFLICT


def _label(rows: pd.DataFrame) -> str:
    counted = [c for c in rows["counted"].fillna("") if c]
    if not counted:
        unit = rows["unit"].iloc[0] if "unit" in rows else ""
        return f"amount ({unit})" if unit else "(unspecified)"
    counts = pd.Series(counted).value_counts()
    best = counts[counts == counts.max()].index
    return max(best, key=len)


def build_claims(figures: pd.DataFrame) -> pd.DataFrame:
    """Group figures counting the same thing across outlets into claims.

    Input: one row per figure with the :data:`FIGURE_KEYS` columns (``counted_groups`` optional)
    plus ``doc_id``, ``outlet`` and ``said_by``. Output: :data:`CLAIM_COLUMNS`, one row per figure,
    claims ordered by number of outlets (desc), then figures (desc).
    """
    if figures is None or figures.empty:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    df = figures.reset_index(drop=True).copy()
    for col, default in (
        ("unit", ""),
        ("said_by", ""),
        ("counted_lemmas", ""),
        ("counted", ""),
        ("text", ""),
        ("sentence", ""),
    ):
        if col not in df:
            df[col] = default
        df[col] = df[col].fillna(default).astype(str)
    if "counted_head" not in df:
        df["counted_head"] = df["counted_lemmas"].str.split().str[-1].fillna("")
    df["counted_head"] = df["counted_head"].fillna("").astype(str)
    if "value_max" not in df:
        df["value_max"] = df["value"]
    df["value_max"] = df["value_max"].fillna(df["value"])
    items = []
    for row in df.to_dict("records"):
        lo, hi = _interval(row["value"], row["value_max"], row["qualifier"], row["text"])
        items.append(
            {
                "value": float(row["value"]),
                "_unit": _unit_kind(row["unit"]),
                "_groups": _groups_of(row),
                "_outcomes": _outcomes_of(row["counted_lemmas"]),
                "_head": row["counted_head"],
                "_lemmas": row["counted_lemmas"],
                "_lo": lo,
                "_hi": hi,
            }
        )
    df["_cluster"] = _cluster(items)
    stats = df.groupby("_cluster").agg(
        n_outlets=("outlet", "nunique"), n_figs=("doc_id", "size"), first=("_cluster", "first")
    )
    stats["order"] = df.groupby("_cluster").apply(lambda g: g.index.min(), include_groups=False)
    stats = stats.sort_values(["n_outlets", "n_figs", "order"], ascending=[False, False, True])
    width = max(2, len(str(len(stats))))
    ids = {c: f"C{k + 1:0{width}d}" for k, c in enumerate(stats.index)}
    parts = []
    by_cluster = dict(tuple(df.groupby("_cluster", sort=False)))  # one pass, row order kept
    for cluster in stats.index:
        rows = by_cluster[cluster].copy()
        rows["claim_id"] = ids[cluster]
        rows["counted"] = _label(rows)
        rows["status"] = _status(rows)
        parts.append(rows)
    out = pd.concat(parts, ignore_index=True)
    for col in CLAIM_COLUMNS:
        if col not in out:
            out[col] = ""
    return out[CLAIM_COLUMNS].reset_index(drop=True)
