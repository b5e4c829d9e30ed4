"""Claims: figures from different outlets that report the same measurement, and whether
the outlets agree on it.

A *measurement* is what a figure counts (head noun and modifiers: "effective federal tax
rate" is not "combined tax rate"), its unit and kind (count, money, percent …), the event
or predicate it counts (killed, trained, deployed …), the places it applies to and its time
scope (see :mod:`lib.extract.measure`). The event is the outcome class when there is one,
so "arrested", "detained" and "jailed" are one event, and an event noun counts the people
it happened to ("dozens of arrests" ~ "200 people were arrested"). Only the noun a figure
quantifies is grouped on (``counted_how`` "noun"); a phrase read from the clause's context
is shown, never grouped on. :func:`build_claims` groups figures by average linkage over a
pairwise score with vetoes:

- never together: different unit or kind, different groups ("Haitian" vs "Cuban"
  migrants) or outcomes (killed vs injured), disjoint places unless the values agree,
  figures about different times (a year, "last year", or what is expected against what
  happened) unless their values agree, figures of one document whose values cannot both
  hold (an article that gives 60 and 51 votes is giving two measurements), different
  predicates with different values, and
  figures whose only "counted" word is the unit itself ("eight years" vs "two years")
  unless their values agree;
- the score rewards the same counted head (or head class), shared modifiers and
  predicates, and **agreeing values**: most figures that several outlets share have one
  value, so agreement is evidence of one measurement and disagreement needs strong
  evidence.

Agreement is rounding- and qualifier-aware (:mod:`lib.resolve.intervals`): "about 140
million", "$139 million" and "$140,937,785" agree; "over 50,000" and "more than 50,000"
agree.
A group whose values cannot all hold is a ``conflict`` only when the evidence is strong
(:func:`_strong`: same counted head, nothing that tells the figures apart, and one event
or predicate); otherwise it is split into value-consistent claims listed as each other's
``related`` measurements, never as a conflict. ``single source`` when one document
reports it. ``why`` says, in words, why the figures were grouped and, for a conflict,
which outlet and source gave which value. Counts of one and ages never form claims.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from lib.columns import columns
from lib.extract.measure import EXPECTED
from lib.extract.numbers import vocab
from lib.records import Figure
from lib.resolve import budget
from lib.resolve.grouping import UnionFind
from lib.resolve.intervals import figure_interval, overlap
from lib.schema import CLAIM_COLUMNS

STATUS_AGREE, STATUS_CONFLICT, STATUS_SINGLE = "agree", "conflict", "single source"

#: Figure kinds that never form claims: counts of one ("one resident said", "one of the
#: shelters") and ages ("Pelosi, 76,"), which describe a person, not the event.
NO_CLAIM_KINDS = frozenset({"one", "age"})

MERGE_THRESHOLD = 0.55

DEMONYM_SUFFIXES = tuple("ians ian ia eans ean ese ish ans an i a e y".split())

CURRENCY_CODES = frozenset(
    list(vocab()["currency_symbols"].values()) + list(vocab()["currency_words"].values())
)


# ----------------------------------------------------------------------------- features


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
    return frozenset(of[w] for w in lemmas.split() if w in of)


def _outcomes_compatible(a: frozenset, b: frozenset) -> bool:
    if a & b:
        return True
    umbrella = vocab()["outcome_umbrella"]
    for big, parts in umbrella.items():
        if (big in a and b & set(parts)) or (big in b and a & set(parts)):
            return True
    return False


def _head_class(head: str) -> str:
    return vocab()["head_class_of"].get(head, head)


def _places_of(raw) -> frozenset:
    if not isinstance(raw, str):
        return frozenset()
    return frozenset(p.strip().lower() for p in raw.split(";") if p.strip())


def _bare(row: dict) -> bool:
    """Nothing counted but the unit or a time word ("six" years, "two" months)."""
    head = row["counted_head"]
    return not head or head in vocab()["time_units"] or head == row["unit"]


def _event_head(head: str) -> str:
    """An event noun counts the people it happened to: "dozens of arrests" counts people
    arrested, "300 deaths" people killed (the outcome is kept in the lemmas)."""
    if head in vocab()["outcome_of"] and _head_class(head) in (head, "casualties"):
        return "people"
    return head


def _event(row: dict, outcomes: frozenset) -> str:
    """What happened to what is counted: its outcome class when it has one ("arrested",
    "detained" and "jailed" are one), else the predicate lemma."""
    return "+".join(sorted(outcomes)) if outcomes else row["predicate"]


def _item(row: dict) -> dict:
    lo, hi = figure_interval(row["value"], row["value_max"], row["qualifier"], row["text"])
    outcomes = _outcomes_of(row["counted_lemmas"])
    return {
        "value": float(row["value"]),
        "_qualifier": row["qualifier"],
        "_doc": row["doc_id"],
        "_unit": row["unit"],
        "_kind": row["kind"],
        "_groups": _groups_of(row),
        "_outcomes": outcomes,
        "_head": "" if _bare(row) else _event_head(row["counted_head"]),
        "_lemmas": row["counted_lemmas"],
        "_pred": _event(row, outcomes),
        "_places": _places_of(row["places"]),
        "_time": row["time_scope"].strip().lower(),
        "_lo": lo,
        "_hi": hi,
    }


# ----------------------------------------------------------------------------- similarity


def _distinctive(item: dict) -> bool:
    """A value telling enough that two outlets giving it exactly likely report one thing:
    exact, with two or more significant digits and not a small count ("134", "$5.7
    billion"; not "two", "100" or "2,000")."""
    value = abs(item["value"])
    if item["_qualifier"] != "exact" or value < 13:
        return False
    digits = f"{value:.6g}".replace(".", "").split("e")[0].strip("0")
    return len(digits) >= 2


def _vetoed(a: dict, b: dict, agree: bool) -> bool:
    """True when two figures cannot be one measurement (see the module docstring)."""
    if a["_unit"] != b["_unit"] or a["_kind"] != b["_kind"]:
        return True
    if not agree and ("tally" in a["_lemmas"].split() or "tally" in b["_lemmas"].split()):
        return True  # a vote tally names its vote: other numbers are another vote
    ga, gb = a["_groups"], b["_groups"]
    oa, ob = a["_outcomes"], b["_outcomes"]
    if (ga and gb and not _groups_match(ga, gb)) or (
        oa and ob and not _outcomes_compatible(oa, ob)
    ):
        return True
    if a["_places"] and b["_places"] and not a["_places"] & b["_places"] and not agree:
        return True
    explicit = {a["_time"], b["_time"]} - {"", EXPECTED}
    if a["_time"] != b["_time"] and (not agree or len(explicit) == 2):
        return True  # other times (or what is expected vs what happened) are other figures
    if a["_pred"] and b["_pred"] and a["_pred"] != b["_pred"] and not agree:
        return True
    return not agree and not (a["_head"] and b["_head"])


def _head_similarity(ha: str, hb: str) -> float:
    if ha == hb:
        return 1.0
    if _head_class(ha) == _head_class(hb):
        return 0.9
    sim = 0.8 * fuzz.ratio(ha, hb) / 100.0
    return sim if sim >= 0.6 else 0.0


def _similarity(a: dict, b: dict) -> float:
    """Score in [0, 1] that two figures report one measurement; -1 vetoes a merge."""
    agree = overlap(a, b)
    if _vetoed(a, b, agree):
        return -1.0
    ha, hb = a["_head"], b["_head"]
    if ha and hb:
        score = 0.6 * _head_similarity(ha, hb)
    elif agree and a["value"] == b["value"] and _distinctive(a) and _distinctive(b):
        return 0.6  # one side names nothing counted, but both give the same telling value
    elif a["_unit"] in CURRENCY_CODES or (not ha and not hb):
        # money, or a bare count of the same unit, with nothing counted: the value decides
        return 0.6 if agree else -1.0
    else:
        return 0.0
    if a["_lemmas"] and b["_lemmas"]:
        score += 0.1 * fuzz.token_set_ratio(a["_lemmas"], b["_lemmas"]) / 100.0
    if a["_groups"] and b["_groups"]:
        score += 0.05
    if a["_pred"] and a["_pred"] == b["_pred"]:
        score += 0.1
    elif a["_pred"] != b["_pred"]:
        score -= 0.05 if agree else 0.15
    if a["_places"] != b["_places"]:
        score -= 0.05
    if a["_time"] != b["_time"]:
        score -= 0.1
    if bool(a["_outcomes"]) != bool(b["_outcomes"]):
        score -= 0.3
    score += 0.25 if agree else -0.15
    return score


# ----------------------------------------------------------------------------- clustering

#: Above this many figures, only figures with the same unit and kind of counted thing are
#: compared (merges need both); below it every pair is scored.
BLOCKING_MIN = 400


def _block_key(item: dict) -> tuple[str, str, str]:
    head = item["_head"]
    return item["_unit"], item["_kind"], _head_class(head) if head else ""


def _cluster(items: list[dict]) -> list[int]:
    """Average-linkage grouping with vetoes; returns a cluster index per item.

    Large inputs are split into blocks by :func:`_block_key` (pairs across blocks differ in
    unit or kind, which vetoes a merge, or in the kind of thing counted), each clustered on
    its own, which keeps time and memory near-linear in the number of figures.
    """
    if len(items) <= BLOCKING_MIN:
        return _cluster_block(items)
    blocks: dict[tuple[str, str, str], list[int]] = {}
    for i, item in enumerate(items):
        blocks.setdefault(_block_key(item), []).append(i)
    labels = [0] * len(items)
    for rows in blocks.values():
        budget.check()  # the corpus time budget (lib.resolve.budget): raises when it is out
        for k, local in enumerate(_cluster_block([items[i] for i in rows])):
            labels[rows[k]] = rows[local]  # a member's global index names the cluster
    return labels


FEATURES = (
    "value",
    "_qualifier",
    "_unit",
    "_kind",
    "_groups",
    "_outcomes",
    "_head",
    "_lemmas",
)
FEATURES += ("_pred", "_places", "_time", "_lo", "_hi")


def _cluster_block(items: list[dict]) -> list[int]:
    """:func:`_cluster` on one block: every distinct pair of features is scored once, then
    the same-document veto is applied on the whole matrix."""
    n = len(items)
    codes: dict[tuple, int] = {}
    uniq: list[dict] = []
    inv = np.empty(n, dtype=np.intp)
    for i, item in enumerate(items):  # score each distinct pair of features once
        key = tuple(item[f] for f in FEATURES)
        code = codes.get(key)
        if code is None:
            code = codes[key] = len(uniq)
            uniq.append(item)
        inv[i] = code
    u = len(uniq)
    usim = np.zeros((u, u))
    for a in range(u):
        for b in range(a, u):
            usim[a, b] = usim[b, a] = _similarity(uniq[a], uniq[b])
    sim = usim[np.ix_(inv, inv)]
    # one article giving two values that cannot both hold gives two measurements (the
    # document is not a scoring feature, so the pairs above stay few and distinct)
    docs = np.array([item["_doc"] for item in items], dtype=object)
    lo = np.array([item["_lo"] for item in items])
    hi = np.array([item["_hi"] for item in items])
    apart = np.maximum.outer(lo, lo) > np.minimum.outer(hi, hi) * 1.0000001
    sim[(docs[:, None] == docs[None, :]) & apart] = -1.0
    np.fill_diagonal(sim, 0.0)
    return _average_linkage(sim)


def _average_linkage(sim: np.ndarray) -> list[int]:
    """Merge pairs strongest first while the two groups' mean similarity stays at
    :data:`MERGE_THRESHOLD` or more and no pair between them is vetoed (negative).

    Sums and vetoes between groups are kept up to date on each merge (a row and a column
    added), so a check is O(1) and a merge O(n): no block of the matrix is re-read.
    """
    n = len(sim)
    groups = UnionFind(n)
    sums = sim.astype(np.float64, copy=True)
    vetoed = sim < 0
    size = np.ones(n)
    rows, cols = np.nonzero(np.triu(sim >= 0.5, k=1))
    order = np.argsort(-sim[rows, cols], kind="stable")  # strongest pairs first
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        ri, rj = groups.find(i), groups.find(j)
        if ri == rj or vetoed[ri, rj]:
            continue
        if sums[ri, rj] / (size[ri] * size[rj]) < MERGE_THRESHOLD - 1e-9:
            continue
        keep, gone = groups.union(ri, rj)
        sums[keep, :] += sums[gone, :]
        sums[:, keep] += sums[:, gone]
        vetoed[keep, :] |= vetoed[gone, :]
        vetoed[:, keep] |= vetoed[:, gone]
        size[keep] += size[gone]
    return groups.roots()


# ----------------------------------------------------------------------------- status


def _fits_one_value(items: list[dict]) -> bool:
    return max(x["_lo"] for x in items) <= min(x["_hi"] for x in items) * 1.0000001


def claim_status(rows: pd.DataFrame) -> str:
    """``single source``, ``agree`` (one value fits every figure) or ``conflict``; computed
    from the given rows only, so a filtered table gets the status of its own outlets."""
    if rows["doc_id"].nunique() <= 1:
        return STATUS_SINGLE
    spans = [figure_interval(r.value, r.value_max, r.qualifier, r.text) for r in rows.itertuples()]
    lo = max(s[0] for s in spans)
    hi = min(s[1] for s in spans)
    return STATUS_AGREE if lo <= hi * 1.0000001 else STATUS_CONFLICT


def _strong(items: list[dict]) -> bool:
    """Evidence strong enough to call differing values a conflict: every figure counts the
    same head noun or kind of thing ("residents", "people"), names one event or predicate
    (or none: then one head noun, or shared modifiers), and nothing else (place, time,
    group) tells them apart."""
    heads = {x["_head"] for x in items}
    if "" in heads or len({_head_class(h) for h in heads}) != 1:
        return False
    preds = {x["_pred"] for x in items}
    if len(preds) > 1:
        return False
    if preds == {""} and len(heads) > 1:
        lemma_sets = [set(x["_lemmas"].split()) - heads for x in items]
        if not set.intersection(*lemma_sets):
            return False
    return len({x["_time"] for x in items}) == 1 and len({x["_places"] for x in items}) == 1


def _value_groups(members: list[int], items: list[dict]) -> list[list[int]]:
    """Split figures into runs whose intervals share a value (sweep by lower bound)."""
    parts: list[list[int]] = []
    hi = -math.inf
    for i in sorted(members, key=lambda k: (items[k]["_lo"], items[k]["_hi"])):
        if parts and items[i]["_lo"] <= hi * 1.0000001:
            parts[-1].append(i)
            hi = min(hi, items[i]["_hi"])
        else:
            parts.append([i])
            hi = items[i]["_hi"]
    return [sorted(p) for p in parts]


def _final_groups(labels: list[int], items: list[dict]) -> list[tuple[list[int], int]]:
    """(members, family) per final claim: weak conflicts split into related claims that
    share a family number."""
    clusters: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        clusters.setdefault(label, []).append(i)
    out = []
    for family, members in enumerate(clusters.values()):
        sub = [items[i] for i in members]
        if len({x["_doc"] for x in sub}) > 1 and not _fits_one_value(sub) and not _strong(sub):
            out += [(part, family) for part in _value_groups(members, items)]
        else:
            out.append((members, family))
    return out


# ----------------------------------------------------------------------------- labels


def _label(rows: pd.DataFrame) -> str:
    """The claim's "counted": its most frequent phrase (the longest of ties), read from the
    noun the figures quantify when any has one, else from their context."""
    how = rows["counted_how"] if "counted_how" in rows else pd.Series("", index=rows.index)
    guessed = bool((how == "context").any() and not (how == "noun").any())
    if (how == "noun").any():
        rows = rows[how == "noun"]
    counted = [c for c in rows["counted"].fillna("") if c]
    if not counted:
        unit = rows["unit"].iloc[0] if "unit" in rows else ""
        return f"amount ({unit})" if unit else "(unspecified)"
    counts = pd.Series(counted).value_counts()
    best = max(counts[counts == counts.max()].index, key=len)
    # a phrase read from the figures' context, not a noun they count: say so
    return f"{best} (from context)" if guessed else best


def _common(values) -> str:
    found = sorted({v for v in values if v})
    return found[0] if len(found) == 1 else ""


def _source_values(rows: pd.DataFrame) -> str:
    """ "Daily Alpha (Jane Smith): about 5,000 · Gamma Times: 6,000" """
    parts = []
    for outlet, group in rows.groupby("outlet", sort=False):
        written = "; ".join(dict.fromkeys(group["text"]))
        who = "; ".join(dict.fromkeys(s for s in group["said_by"] if s))
        parts.append(f"{outlet}{f' ({who})' if who else ''}: {written}")
    return " · ".join(parts)


def describe_claim(rows: pd.DataFrame, status: str) -> str:
    """Why these figures were grouped, in words (and, for a conflict, who said what)."""
    reasons = []
    heads = sorted({h for h in rows.get("counted_head", rows["counted"]) if h})
    if len(heads) == 1:
        reasons.append(f"all count “{heads[0]}”")
    elif heads:
        reasons.append("they count the same kind of thing (" + ", ".join(heads) + ")")
    if rows["unit"].iloc[0]:
        reasons.append(f"same unit ({rows['unit'].iloc[0]})")
    for column, name in (("predicate", "event"), ("places", "place"), ("time_scope", "time")):
        common = _common(rows[column])
        if common:
            reasons.append(f"{name}: {common}")
    if status == STATUS_CONFLICT:
        reasons.append("values cannot all be true: " + _source_values(rows))
    elif status == STATUS_AGREE:
        reasons.append("one value fits all, allowing for rounding and qualifiers")
    return "; ".join(reasons) if reasons else "same value and unit"


# ----------------------------------------------------------------------------- build


def _prepare(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures with every text column of :class:`~lib.records.Figure` as text ("" when
    missing; a table without ``counted_groups`` reads groups from the counted phrase, see
    :func:`_groups_of`), and an upper value."""
    df = figures.reset_index(drop=True).copy()
    if "counted_head" not in df and "counted_lemmas" in df:
        df["counted_head"] = df["counted_lemmas"].fillna("").astype(str).str.split().str[-1]
    for c in columns(Figure):
        if c.dtype in ("str", "object") and (c.name in df or c.name != "counted_groups"):
            df[c.name] = df[c.name].fillna("").astype(str) if c.name in df else ""
    if "value_max" not in df:
        df["value_max"] = df["value"]
    df["value_max"] = df["value_max"].fillna(df["value"])
    return df[~df["kind"].isin(NO_CLAIM_KINDS)].reset_index(drop=True)


def build_claims(figures: pd.DataFrame) -> pd.DataFrame:
    """Group figures that report the same measurement across outlets into claims.

    Input: one row per figure with the columns of :class:`~lib.records.Figure` (missing
    text columns read as ""). Output:
    :data:`CLAIM_COLUMNS`, one row per figure, claims ordered by number of outlets (desc),
    then figures (desc), then first appearance.
    """
    if figures is None or figures.empty:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    df = _prepare(figures)
    if df.empty:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    items = [_item(row) for row in df.to_dict("records")]
    groups = _final_groups(_cluster(items), items)
    groups.sort(key=lambda g: (-df.loc[g[0], "outlet"].nunique(), -len(g[0]), min(g[0])))
    width = max(2, len(str(len(groups))))
    ids = [f"C{k + 1:0{width}d}" for k in range(len(groups))]
    family_ids: dict[int, list[str]] = {}
    for cid, (_members, family) in zip(ids, groups, strict=True):
        family_ids.setdefault(family, []).append(cid)
    parts = []
    for cid, (members, family) in zip(ids, groups, strict=True):
        rows = df.loc[members].copy()
        status = claim_status(rows)
        rows["claim_id"] = cid
        rows["status"] = status
        rows["related"] = ", ".join(c for c in family_ids[family] if c != cid)
        rows["why"] = describe_claim(rows, status)
        rows["counted"] = _label(rows)
        parts.append(rows)
    out = pd.concat(parts, ignore_index=True)
    return out[CLAIM_COLUMNS].reset_index(drop=True)
