"""Claims: figures from different outlets that report the same measurement, and whether
the outlets agree on it.

A *measurement* is what a figure counts (head noun and modifiers: "effective federal tax
rate" is not "combined tax rate"), its unit and kind (count, money, percent …), the event
or predicate it counts (killed, trained, deployed …), whose it is (its *holder*: "the
couple's rate" is not "a rival's rate"), the time it is about (resolved against the
article's date: "Wednesday" is not "the previous night"), the places it applies to and its
time scope (see :mod:`lib.extract.measure`, :mod:`lib.extract.holder`,
:mod:`lib.resolve.holders`). The event is the outcome class when there is one, so
"arrested", "detained" and "jailed" are one event, and an event noun counts the people it
happened to ("dozens of arrests" ~ "200 people were arrested"). Only the noun a figure
quantifies is grouped on (``counted_how`` "noun"); a phrase read from the clause's context
is shown, never grouped on. :func:`build_claims` groups figures by average linkage over a
pairwise score with vetoes, inside blocks of one unit and kind (ages: of one holder;
:mod:`lib.resolve.claim_blocks`: never a pass over all pairs). The score of a pair the
rules do not veto is the hand-set score below, raised to the trained pair model's
probability (:mod:`lib.resolve.claim_pairs`, shifted so its threshold meets the merge
threshold) when both figures count a noun:

- never together: different unit or kind, different holders (two names, or two holders
  read from a possessive, "X with N" or "N for X"), different resolved times ("2017-03-21"
  and "2017-03-22"), different groups ("Haitian" vs "Cuban" migrants) or outcomes (killed
  vs injured), disjoint places unless the values agree, figures about different times (a
  year, "last year", or what is expected against what happened) unless their values
  agree, figures of one document whose values cannot both hold (an article that gives 60
  and 51 votes is giving two measurements), different predicates with different values,
  ages of nobody named or of different people, and figures whose only "counted" word is
  the unit itself ("eight years" vs "two years") unless their values agree;
- the score rewards the same counted head (or head class: "girls" and "women" are people,
  "sources" too), shared modifiers and predicates, and **agreeing values**: most figures
  that several outlets share have one value, so agreement is evidence of one measurement
  and disagreement needs strong evidence. Durations compare in days ("three weeks" = "21
  days").

- figures whose statements the facts alignment pairs across outlets (:mod:`lib.resolve.facts`,
  :func:`lib.resolve.claim_pairs.shared_fact`) score at least the merge threshold when no
  rule vetoes them, their values agree and what they count can be one thing (a noun on
  one side only, alike nouns, people, or one telling value): "five senior senators" and
  "five past and present senators" in two outlets' sentences that report one fact.

A group whose values cannot all hold keeps together only when the evidence is strong
(:func:`_strong`: same counted head, holder, time, event, place); otherwise it is split
into value-consistent claims listed as each other's ``related`` measurements. Verdicts
(``agree``, ``differ`` with the gap in %, ``conflict``, ``single source``) and their
reasons are in :mod:`lib.resolve.verdicts`; each figure's interval is in ``low`` /
``high``. A claim holds at most :data:`MAX_CLAIM_FIGURES` figures. Counts of one form no
claims; ages do only for one named person.

Modules by job: what is compared about each figure in :mod:`lib.resolve.claim_items`,
the vetoes and hand-set score in :mod:`lib.resolve.claim_rules`, the trained pair model
in :mod:`lib.resolve.claim_pairs`, blocking and linkage in :mod:`lib.resolve.claim_blocks`,
verdicts in :mod:`lib.resolve.verdicts`; this module clusters, splits and builds.
"""

from __future__ import annotations

import math

import pandas as pd

from lib.columns import names
from lib.records import Claim
from lib.resolve import claim_blocks, claim_pairs
from lib.resolve.claim_items import NO_CLAIM_KINDS, _head_class, claim_items
from lib.resolve.claim_pairs import distinctive as _distinctive
from lib.resolve.claim_rules import _similarity
from lib.resolve.intervals import figure_interval
from lib.resolve.verdicts import (
    STATUS_AGREE,
    STATUS_CONFLICT,
    STATUS_DIFFER,
    STATUS_SINGLE,
    claim_status,
    describe_claim,
    described,
)
from lib.schema import CLAIM_COLUMNS

__all__ = [
    "NO_CLAIM_KINDS",
    "STATUS_AGREE",
    "STATUS_CONFLICT",
    "STATUS_DIFFER",
    "STATUS_SINGLE",
    "build_claims",
    "claim_items",
    "claim_status",
    "describe_claim",
    "figure_interval",
]

#: Most figures in one claim; a larger group is split into value-consistent claims (then
#: in order) so a corpus of thousands of articles never makes one claim of thousands.
MAX_CLAIM_FIGURES = 200
#: Working columns the claims table keeps after :data:`CLAIM_COLUMNS`, the rest of
#: :class:`~lib.records.Claim` (the filter recomputes verdicts from them; benchmarks join
#: figures by offsets).
CLAIM_WORK_COLUMNS = [n for n in names(Claim) if n not in CLAIM_COLUMNS]


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
FEATURES += ("_pred", "_places", "_time", "_when", "_holder", "_holder_strong", "_lo", "_hi")
FEATURES += ("_facts",)


def _cluster(items: list[dict], fitted: dict | None = None) -> list[int]:
    """A cluster index per item (see :mod:`lib.resolve.claim_blocks`): pairs the rules do
    not veto are scored by the trained pair model (:mod:`lib.resolve.claim_pairs`),
    inside blocks of one unit and kind (ages: of one holder)."""
    fitted = fitted or claim_pairs.model()
    weights, bias = claim_pairs.linear(fitted)
    shift = float(fitted["threshold"]) - claim_blocks.MERGE_THRESHOLD

    codes: dict[tuple, int] = {}
    for item in items:  # equal measurements share one rule score and measure features
        item["_code"] = codes.setdefault(tuple(item[f] for f in FEATURES), len(codes))
    scored: dict[tuple[int, int], tuple[float, dict | None]] = {}

    def similarity(a: dict, b: dict) -> float:
        key = (a["_code"], b["_code"])
        if key not in scored:
            rule = _similarity(a, b)
            headed = rule >= 0 and bool(a["_head"] and b["_head"])
            scored[key] = rule, claim_pairs.measure_features(a, b, rule) if headed else None
        rule, measured = scored[key]
        if measured is None:
            return rule  # vetoed, or a figure counting nothing: grouped by the rules alone
        features = claim_pairs.pair_features(a, b, rule, measured)
        return max(rule, claim_pairs.pair_probability(features, weights, bias) - shift)

    return claim_blocks.cluster(
        items, similarity, pair_block_key, (*FEATURES, "_words", "_source", "_doc"), _may_join
    )


def pair_block_key(item: dict) -> tuple[str, str, str]:
    """Block of the pair model: unit and kind (ages: whose age; nobody's age stays loose)."""
    if item["_kind"] == "age":
        return item["_unit"], item["_kind"], item["_holder"]
    return item["_unit"], item["_kind"], "*"


def pair_features(a: dict, b: dict, rule: float) -> list[float]:
    """The pair model's features (:func:`lib.resolve.claim_pairs.pair_features`)."""
    return claim_pairs.pair_features(a, b, rule)


def candidate_pairs(items: list[dict]):
    """(i, j, hand-set score) of every pair the pair model scores: same block, not vetoed,
    both counting a noun (the training pairs of ``benchmarks/train_claims.py``)."""
    for rows in claim_blocks.blocks(items, pair_block_key, _may_join):
        for x, i in enumerate(rows):
            for j in rows[x + 1 :]:
                a, b = items[i], items[j]
                rule = _similarity(a, b)
                if rule >= 0 and a["_head"] and b["_head"]:
                    yield i, j, rule


def _may_join(item: dict) -> bool:
    """May a figure counting nothing join the block of a headed figure with its value (see
    :func:`_similarity`): a telling value, or a duration ("60 days", "a 60-day ban")."""
    return _distinctive(item) or item["_kind"] == "duration"


# ----------------------------------------------------------------------------- groups


def _fits_one_value(items: list[dict]) -> bool:
    return max(x["_lo"] for x in items) <= min(x["_hi"] for x in items) * 1.0000001


def _strong(items: list[dict]) -> bool:
    """Evidence strong enough to keep differing values as one measurement: every figure
    counts the same head noun or kind of thing ("residents", "people"), names one event or
    predicate (or none: then one head noun, or shared modifiers), and nothing else (holder,
    place, time, group) tells them apart."""
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
    if len({x["_when"] for x in items}) > 1:
        return False
    named = {x["_holder"] for x in items if x["_holder"].startswith("e:") or x["_holder_strong"]}
    if len(named) > 1:
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


def _final_groups(labels: list[int], items: list[dict]) -> list[tuple[list[int], int, bool]]:
    """(members, family, strong) per final claim: weak disagreements split into related
    claims that share a family number; groups over :data:`MAX_CLAIM_FIGURES` split too."""
    clusters: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        clusters.setdefault(label, []).append(i)
    out = []
    for family, members in enumerate(clusters.values()):
        sub = [items[i] for i in members]
        several = len({x["_doc"] for x in sub}) > 1
        strong = _strong(sub)
        if (several and not _fits_one_value(sub) and not strong) or (
            len(members) > MAX_CLAIM_FIGURES
        ):
            for part in _value_groups(members, items):
                for k in range(0, len(part), MAX_CLAIM_FIGURES):
                    out.append((part[k : k + MAX_CLAIM_FIGURES], family, strong))
        else:
            out.append((members, family, strong))
    return out


def build_claims(
    figures: pd.DataFrame, fitted: dict | None = None, facts: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Group figures that report the same measurement across outlets into claims.

    Input: one row per figure with the :data:`~lib.schema.FIGURE_KEYS` columns
    (``counted_groups`` optional) plus ``doc_id``, ``outlet`` and ``said_by``, and
    optionally ``holder`` / ``holder_entity`` / ``time`` (:mod:`lib.resolve.holders`) and
    ``published`` (the article's date); ``facts``: the facts their statements report
    (:func:`lib.resolve.claim_pairs.statement_facts`), when aligned. Output:
    :data:`CLAIM_COLUMNS` then :data:`CLAIM_WORK_COLUMNS`, one row per figure, claims
    ordered by number of outlets (desc), then figures (desc), then first appearance.
    """
    out_columns = CLAIM_COLUMNS + CLAIM_WORK_COLUMNS
    if figures is None or figures.empty:
        return pd.DataFrame(columns=out_columns)
    df, items = claim_items(figures, facts)
    if df.empty:
        return pd.DataFrame(columns=out_columns)
    # compared in one unit (durations in days), shown as written
    df["norm_value"] = [x["value"] for x in items]
    df["norm_low"] = [x["_lo"] for x in items]
    df["norm_high"] = [x["_hi"] for x in items]
    df["low"], df["high"] = df["norm_low"], df["norm_high"]
    for k, x in enumerate(items):
        if x["_unit"] != df.at[k, "unit"]:
            df.at[k, "low"], df.at[k, "high"] = figure_interval(
                df.at[k, "value"], df.at[k, "value_max"], df.at[k, "qualifier"], df.at[k, "text"]
            )
    df["measure_head"] = [x["_head"] for x in items]
    groups = _final_groups(_cluster(items, fitted), items)
    outlets = df["outlet"].to_numpy()
    groups.sort(key=lambda g: (-len({outlets[i] for i in g[0]}), -len(g[0]), min(g[0])))
    return described(df, groups)[out_columns].reset_index(drop=True)
