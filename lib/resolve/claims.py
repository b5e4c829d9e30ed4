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
"""

from __future__ import annotations

import math
import re

import pandas as pd
from rapidfuzz import fuzz

from lib.columns import columns, names
from lib.extract.measure import EXPECTED
from lib.extract.numbers import vocab
from lib.records import Claim, Figure
from lib.resolve import claim_blocks, claim_pairs
from lib.resolve.claim_pairs import content_words
from lib.resolve.claim_pairs import distinctive as _distinctive
from lib.resolve.claim_pairs import head_similarity as _head_similarity
from lib.resolve.claim_pairs import people as _people
from lib.resolve.claim_pairs import same_telling_value as _same_telling_value
from lib.resolve.holders import times_compatible
from lib.resolve.intervals import figure_interval, overlap
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
    "STATUS_AGREE",
    "STATUS_CONFLICT",
    "STATUS_DIFFER",
    "STATUS_SINGLE",
    "build_claims",
    "claim_status",
    "describe_claim",
    "figure_interval",
]

#: Figure kinds that never form claims: counts of one ("one resident said", "one of the
#: shelters") describe no measurement outlets share.
NO_CLAIM_KINDS = frozenset({"one"})
#: Most figures in one claim; a larger group is split into value-consistent claims (then
#: in order) so a corpus of thousands of articles never makes one claim of thousands.
MAX_CLAIM_FIGURES = 200
#: Working columns the claims table keeps after :data:`CLAIM_COLUMNS`, the rest of
#: :class:`~lib.records.Claim` (the filter recomputes verdicts from them; benchmarks join
#: figures by offsets).
CLAIM_WORK_COLUMNS = [n for n in names(Claim) if n not in CLAIM_COLUMNS]
#: Holders read from these rules are specific enough to tell two measurements apart even
#: when they name no entity ("the couple's rate" vs "a rival's rate").
#: What separates the names of a holder that is a list ("Okafor, Lindqvist and Moreau").
LIST_SEPARATORS = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
STRONG_HOLDER_RULES = frozenset({"aged", "with", "for", "possessor", "apposition", "modifier"})
#: Time units as days, so "three weeks" and "21 days" compare.
DAYS_PER_UNIT = {"day": 1, "week": 7, "fortnight": 14, "month": 30.4375, "year": 365.25,
                 "decade": 3652.5}  # fmt: skip

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


def _holder_key(row: dict) -> tuple[str, bool]:
    """(comparable holder, whether it tells measurements apart): the canonical entity, or
    the holder as written without articles. It tells them apart when read from a
    possessive, "X with N", "N for X", an apposition or a name on what is counted, and,
    for a share or rate, from the clause's subject ("the couple paid 35.7%"); other
    subjects are often the agent, not the holder ("police arrested 47")."""
    how = row.get("holder_how", "")
    strong = how in STRONG_HOLDER_RULES or (how == "subject" and row.get("kind") == "percent")
    entity = row.get("holder_entity") or ""
    if entity:
        return "e:" + entity.lower(), strong
    text = (row.get("holder") or row.get("holder_text") or "").lower()
    text = re.sub(r"[’']s\b", "", text)
    words = [w for w in re.findall(r"[\w.-]+|,", text) if w not in ("the", "a", "an", "own")]
    if not [w for w in words if w != ","]:
        return "", False
    return "n:" + " ".join(words).replace(" ,", ",").strip(", "), strong  # lists keep commas


def _in_days(row: dict, value: float) -> tuple[float, str]:
    """Durations in days ("three weeks" -> 21 days), other values unchanged."""
    unit = row["unit"]
    if row["kind"] == "duration" and unit in DAYS_PER_UNIT:
        return value * DAYS_PER_UNIT[unit], "day"
    return value, unit


def _item(row: dict) -> dict:
    lo, hi = figure_interval(row["value"], row["value_max"], row["qualifier"], row["text"])
    value, unit = _in_days(row, float(row["value"]))
    if unit != row["unit"]:
        lo, hi = _in_days(row, lo)[0], _in_days(row, hi)[0]
    outcomes = _outcomes_of(row["counted_lemmas"])
    holder, strong_holder = _holder_key(row)
    head = "" if _bare(row) else _event_head(row["counted_head"])
    return {
        "value": value,
        "_qualifier": row["qualifier"],
        "_doc": row["doc_id"],
        "_unit": unit,
        "_kind": row["kind"],
        "_groups": _groups_of(row),
        "_outcomes": outcomes,
        "_head": head,
        "_lemmas": row["counted_lemmas"],
        "_pred": _event(row, outcomes),
        "_places": _places_of(row["places"]),
        "_time": row["time_scope"].strip().lower(),
        "_when": (row.get("time") or "").lower(),
        "_holder": holder,
        "_holder_strong": strong_holder,
        "_lo": lo,
        "_hi": hi,
        "_class": ("people" if _people(head) else _head_class(head)) if head else "",
        "_words": content_words(row.get("sentence") or ""),
        "_source": (row.get("said_by_entity") or row.get("said_by") or "").lower(),
        "_facts": row.get("_facts") or frozenset(),
    }


# ----------------------------------------------------------------------------- similarity


def _holders_apart(a: dict, b: dict) -> bool:
    """Two holders that tell the figures apart: both given, different, both named or both
    unnamed, and both read by a rule that finds holders rather than agents (see
    :func:`_holder_key`: "the couple paid 35.7%" is not "a rival's rate was 36%")."""
    ha, hb = a["_holder"], b["_holder"]
    if not ha or not hb or ha == hb or _stems_match(ha[2:], hb[2:]):
        return False  # "Silva" is "Maria Silva"
    if not (a["_holder_strong"] and b["_holder_strong"]):
        return False
    ma, mb = _members(ha), _members(hb)
    if len(ma) > 1 or len(mb) > 1:  # "Baptiste and Moreau, 11 percent each" is Moreau's too
        return not any(_stems_match(x, y) for x in ma for y in mb)
    return ha[:2] == hb[:2]


def _members(holder: str) -> list[str]:
    """The names a holder key lists ("n:baptiste and moreau" -> baptiste, moreau)."""
    return [m for m in LIST_SEPARATORS.split(holder[2:]) if m]


def _vetoed(a: dict, b: dict, agree: bool) -> bool:
    """True when two figures cannot be one measurement (see the module docstring)."""
    if a["_unit"] != b["_unit"] or a["_kind"] != b["_kind"]:
        return True
    if _holders_apart(a, b) or times_compatible(a["_when"], b["_when"]) is False:
        return True
    if a["_kind"] == "age" and not (a["_holder_strong"] and a["_holder"] == b["_holder"]):
        return True  # ages: of one named person only
    if not agree and a["_when"] != b["_when"]:
        return True  # values apart at times written differently ("overnight", "Wednesday")
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


def _headless_similarity(a: dict, b: dict, agree: bool) -> float:
    """:func:`_similarity` when one figure or both name nothing counted."""
    if agree and a["value"] == b["value"] and _distinctive(a) and _distinctive(b):
        return 0.6  # one side names nothing counted, but both give the same telling value
    if a["_kind"] == "duration" and a["value"] == b["value"] and (a["_head"] or b["_head"]):
        return 0.6  # "60 days" and "a 60-day suspension"
    if a["_kind"] == "age":
        return 0.6  # one person's age, told by two outlets
    if a["_unit"] in CURRENCY_CODES or (not a["_head"] and not b["_head"]):
        # money, or a bare count of the same unit, with nothing counted: agreeing values
        # decide, when they are the same value or the same holder's or event's
        if not agree:
            return -1.0
        same = _same_telling_value(a, b) or (a["_holder"] and a["_holder"] == b["_holder"])
        return 0.6 if same or (a["_pred"] and a["_pred"] == b["_pred"]) else 0.45
    return 0.0


def _similarity(a: dict, b: dict) -> float:
    """Score in [0, 1] that two figures report one measurement; -1 vetoes a merge. Figures
    whose statements report one fact with another outlet (:func:`claim_pairs.shared_fact`)
    score at least the merge threshold's 0.6 unless a rule vetoes them."""
    score = _rule_similarity(a, b)
    if 0 <= score < 0.6 and claim_pairs.shared_fact(a, b):
        return 0.6
    return score


def _rule_similarity(a: dict, b: dict) -> float:
    agree = overlap(a, b)
    if _vetoed(a, b, agree):
        return -1.0
    ha, hb = a["_head"], b["_head"]
    if ha and hb:
        similar = _head_similarity(ha, hb)
        if not similar and _people(ha) and _people(hb) and _same_telling_value(a, b):
            return 0.6  # the same people in other words: "at least 544 women / managers"
        score = 0.6 * similar
    else:
        return _headless_similarity(a, b, agree)
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
    if agree and a["_holder"] and a["_holder"] == b["_holder"]:
        score += 0.1  # one holder's agreeing figures (never a reason to join values apart)
    if bool(a["_outcomes"]) != bool(b["_outcomes"]):
        score -= 0.3
    score += 0.25 if agree else -0.15
    return score


# ----------------------------------------------------------------------------- clustering


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


# ----------------------------------------------------------------------------- labels


# ----------------------------------------------------------------------------- build


def _prepare(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures with every text column of :class:`~lib.records.Figure` as text ("" when
    missing; a table without ``counted_groups`` reads groups from the counted phrase, see
    :func:`_groups_of`), the holder and time as written when they were not resolved against
    the corpus, an upper value and offsets."""
    df = figures.reset_index(drop=True).copy()
    if "counted_head" not in df and "counted_lemmas" in df:
        df["counted_head"] = df["counted_lemmas"].fillna("").astype(str).str.split().str[-1]
    for c in columns(Figure):
        if c.dtype in ("str", "object") and (c.name in df or c.name != "counted_groups"):
            df[c.name] = df[c.name].fillna("").astype(str) if c.name in df else ""
    for shown, written in (("holder", "holder_text"), ("time", "time_text")):
        df[shown] = df[shown].where(df[shown] != "", df[written])  # not resolved: as written
    df["published"] = df["published"].fillna("").astype(str) if "published" in df else ""
    if "value_max" not in df:
        df["value_max"] = df["value"]
    df["value_max"] = df["value_max"].fillna(df["value"])
    for col in ("start_char", "end_char"):
        if col not in df:
            df[col] = pd.NA
    return df[~df["kind"].isin(NO_CLAIM_KINDS)].reset_index(drop=True)


def claim_items(figures: pd.DataFrame, facts=None) -> tuple[pd.DataFrame, list[dict]]:
    """The figures that may form claims (see :func:`_prepare`) and their items; ``facts``:
    see :func:`build_claims`."""
    df = _prepare(figures)
    shared = claim_pairs.figure_facts(df, facts)
    rows = df.to_dict("records")
    return df, [_item({**row, "_facts": f}) for row, f in zip(rows, shared, strict=True)]


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
