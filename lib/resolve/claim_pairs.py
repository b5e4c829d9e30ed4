"""Is a pair of figures one measurement? Pair features and a small trained model.

:mod:`lib.resolve.claims` vetoes the pairs that can never be one measurement by rule
(different unit or kind, holders or times apart, values apart without strong evidence
…), and a figure that counts nothing (or only a reading from context) is grouped by the
rules alone. Every other pair inside a block is also scored here: the probability,
from a logistic regression fitted on the BASIL *tune* events' claim gold
(``benchmarks/train_claims.py``), that the two figures report one measurement. The
features describe the pair, never a particular story: whether the values' intervals
overlap and how far apart they are, whether the value is telling ("$447 billion", not
"two"), how alike the counted nouns and their lemmas are, shared predicate, holder,
time, place and source, how many content words the two sentences share, the figures'
kind, and the hand-set score of the rules that came before the model (so the model
weighs that evidence with the rest, rather than replacing it). The weights and the
clustering threshold (chosen by cross-validation over tune events, never check events)
are in ``lib/data/claims_model.json``.
"""

from __future__ import annotations

import functools
import math
import re

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from lib.datafiles import data_path, read_json
from lib.extract.numbers import vocab
from lib.resolve.intervals import overlap

MODEL_PATH = data_path("claims_model.json")

#: Pair features, in the model's order (see :func:`pair_features`).
FEATURES = (
    "agree",
    "same_value",
    "telling_value",
    "log_gap",
    "both_heads",
    "head_similarity",
    "people_heads",
    "lemma_similarity",
    "same_predicate",
    "predicates_apart",
    "same_holder",
    "same_when",
    "scopes_apart",
    "places_apart",
    "outcome_one_side",
    "same_document",
    "both_exact",
    "sentence_overlap",
    "same_source",
    "money",
    "percent",
    "duration",
    "age",
    "rule_score",
)

#: Short function words left out of a sentence's content words.
_STOP = frozenset(
    "the and for that with was were are has have had but not from this his her its their "
    "they she him who whom which what when where than then said says about into over "
    "after before more most some would could will been being also just our out all".split()
)


def _head_class(head: str) -> str:
    return vocab()["head_class_of"].get(head, head)


def people(head: str) -> bool:
    """Does the counted head name people ("voters", "troops", "women")?"""
    return head in vocab()["person_nouns"] or _head_class(head) in ("people", "military")


def head_similarity(ha: str, hb: str) -> float:
    """1 for one head, 0.9 for one class ("girls"/"women"), else a fuzzy ratio (0 below 0.6)."""
    if ha == hb:
        return 1.0
    if _head_class(ha) == _head_class(hb):
        return 0.9
    sim = 0.8 * fuzz.ratio(ha, hb) / 100.0
    return sim if sim >= 0.6 else 0.0


def distinctive(item: dict) -> bool:
    """A value telling enough that two outlets giving it exactly likely report one thing:
    exact, with two or more significant digits, and a share only with its decimals ("134",
    "$5.7 billion", "54.2 percent", "21 days"; not "two", "39 percent", "100" or "2,000")."""
    value = abs(item["value"])
    if item["_qualifier"] != "exact" or value < 13:
        return False
    if value == int(value) and item["_kind"] == "percent":
        return False  # "39 percent": a poll story holds many shares; "54.2 percent" tells
    digits = f"{value:.6g}".replace(".", "").split("e")[0].strip("0")
    return len(digits) >= 2


def same_telling_value(a: dict, b: dict) -> bool:
    """The same value written the same way and telling: exact and distinctive ("at least
    544" too), or a qualified round number ("nearly 90", "more than 30")."""
    if a["value"] != b["value"] or a["_qualifier"] != b["_qualifier"]:
        return False
    if a["_qualifier"] in ("vague", "range", "change") or abs(a["value"]) < 13:
        return False
    if a["_qualifier"] != "exact":
        return True
    return distinctive(a)


def content_words(sentence: str) -> frozenset:
    """Lower-case content words of a sentence (three letters or more, no function words)."""
    words = re.findall(r"[a-z][a-z'’-]{2,}", (sentence or "").lower())
    return frozenset(w for w in words if w not in _STOP)


def _log_gap(a: dict, b: dict) -> float:
    va, vb = abs(a["value"]), abs(b["value"])
    if va == vb:
        return 0.0
    if min(va, vb) == 0:
        return 3.0
    return min(abs(math.log10(va / vb)), 3.0)


#: Features that depend on the two figures' own sentences and articles (the rest depend
#: only on what each figure measures, so one score serves every pair of equal figures).
CONTEXT_FEATURES = ("same_document", "sentence_overlap", "same_source")


def measure_features(a: dict, b: dict, rule: float) -> dict[str, float]:
    """The features of :data:`FEATURES` that depend only on what the figures measure."""
    ha, hb = a["_head"], b["_head"]
    both = bool(ha and hb)
    kind = a["_kind"]
    lemmas = a["_lemmas"] and b["_lemmas"]
    return {
        "agree": float(overlap(a, b)),
        "same_value": float(a["value"] == b["value"]),
        "telling_value": float(same_telling_value(a, b)),
        "log_gap": _log_gap(a, b),
        "both_heads": float(both),
        "head_similarity": head_similarity(ha, hb) if both else 0.0,
        "people_heads": float(both and people(ha) and people(hb)),
        "lemma_similarity": fuzz.token_set_ratio(a["_lemmas"], b["_lemmas"]) / 100.0
        if lemmas
        else 0.0,
        "same_predicate": float(bool(a["_pred"]) and a["_pred"] == b["_pred"]),
        "predicates_apart": float(bool(a["_pred"] and b["_pred"]) and a["_pred"] != b["_pred"]),
        "same_holder": float(bool(a["_holder"]) and a["_holder"] == b["_holder"]),
        "same_when": float(bool(a["_when"]) and a["_when"] == b["_when"]),
        "scopes_apart": float(a["_time"] != b["_time"]),
        "places_apart": float(a["_places"] != b["_places"]),
        "outcome_one_side": float(bool(a["_outcomes"]) != bool(b["_outcomes"])),
        "both_exact": float(a["_qualifier"] == "exact" and b["_qualifier"] == "exact"),
        "money": float(kind == "money"),
        "percent": float(kind == "percent"),
        "duration": float(kind == "duration"),
        "age": float(kind == "age"),
        "rule_score": max(rule, 0.0),
    }


def pair_features(a: dict, b: dict, rule: float, measured: dict | None = None) -> list[float]:
    """The :data:`FEATURES` of two figure items (see :func:`lib.resolve.claim_items._item`);
    ``rule``: the hand-set score of :func:`lib.resolve.claim_rules._similarity`; ``measured``:
    :func:`measure_features` of the pair when already computed."""
    values = dict(measured or measure_features(a, b, rule))
    wa, wb = a["_words"], b["_words"]
    values["same_document"] = float(a["_doc"] == b["_doc"])
    values["sentence_overlap"] = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
    values["same_source"] = float(bool(a["_source"]) and a["_source"] == b["_source"])
    return [values[name] for name in FEATURES]


@functools.lru_cache(maxsize=1)
def model() -> dict:
    """The fitted logistic model: ``features``, ``coef``, ``intercept``, ``mean``,
    ``scale`` and the clustering ``threshold``."""
    data = read_json(MODEL_PATH.name)
    if list(data["features"]) != list(FEATURES):
        raise ValueError(f"{MODEL_PATH.name} was fitted on other features; refit it")
    return data


def linear(fitted: dict | None = None) -> tuple[tuple[float, ...], float]:
    """The model as plain weights and bias over raw (unscaled) features."""
    fitted = fitted or model()
    coef, mean, scale = fitted["coef"], fitted["mean"], fitted["scale"]
    weights = tuple(c / s for c, s in zip(coef, scale, strict=True))
    bias = float(fitted["intercept"]) - sum(w * m for w, m in zip(weights, mean, strict=True))
    return weights, bias


def pair_probability(features: list[float], weights: tuple[float, ...], bias: float) -> float:
    """:func:`probability` of one pair from :func:`linear`'s weights, in plain Python (the
    claims pass scores pairs one at a time, where numpy's per-call cost would dominate)."""
    logit = bias + sum(w * x for w, x in zip(weights, features, strict=True))
    return 1.0 / (1.0 + math.exp(-max(min(logit, 500.0), -500.0)))


def probability(features, fitted: dict | None = None) -> np.ndarray:
    """Probability that each pair (a row of features) is one measurement."""
    fitted = fitted or model()
    x = np.atleast_2d(np.asarray(features, dtype=float))
    if not x.size:
        return np.zeros(0)
    z = (x - np.asarray(fitted["mean"])) / np.asarray(fitted["scale"])
    logit = z @ np.asarray(fitted["coef"]) + float(fitted["intercept"])
    return 1.0 / (1.0 + np.exp(-logit))


def figure_facts(figures, facts) -> list[frozenset]:
    """The facts (:mod:`lib.resolve.facts`) that each figure's statement reports with
    another outlet: a statement holds the figure when its span holds the figure's span.
    ``facts``: one row per statement and fact with the statement's ``doc_id``,
    ``start_char``, ``end_char``, ``fact_id`` and ``outlets`` (see :func:`statement_facts`);
    ``None`` or empty: no figure shares a fact."""
    if facts is None or not len(facts):
        return [frozenset()] * len(figures)
    shared = facts[facts["outlets"] >= 2]
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for doc, start, end, fact in zip(
        shared["doc_id"], shared["start_char"], shared["end_char"], shared["fact_id"], strict=True
    ):
        spans.setdefault(doc, []).append((int(start), int(end), str(fact)))
    out = []
    for doc, start, end in zip(
        figures["doc_id"], figures["start_char"], figures["end_char"], strict=True
    ):
        if pd.isna(start) or pd.isna(end):
            out.append(frozenset())
            continue
        s, e = int(start), int(end)
        out.append(frozenset(f for a, b, f in spans.get(doc, ()) if a <= s and e <= b))
    return out


def statement_facts(statements, facts):
    """Facts with their statements' character spans (the input of :func:`figure_facts`)."""
    keys = ["doc_id", "sentence_id", "clause"]
    if statements is None or facts is None or not len(statements) or not len(facts):
        return None
    spans = statements[[*keys, "start_char", "end_char"]]
    return facts[[*keys, "fact_id", "outlets"]].merge(spans, on=keys, how="inner")


#: Qualifiers that give one value (within rounding), not a bound or a vague amount.
CLOSED = frozenset({"exact", "approx"})


def shared_fact(a: dict, b: dict) -> bool:
    """Do two figures sit in statements that report one fact, with
    values that can agree and counted nouns that can be one thing (a noun missing on one
    side, alike or both people), or one telling value ("$447 billion")? Aligned sentences
    that give one value for one thing report one measurement."""
    if not (a["_facts"] & b["_facts"]) or not overlap(a, b):
        return False
    ha, hb = a["_head"], b["_head"]
    if not ha or not hb:
        # a figure counting nothing: aligned sentences are weak evidence, enough for one
        # value within rounding ("five" beside "five senators", "54 percent" beside "54.2
        # percent") but not for a bound that merely admits the other ("at least 56"
        # beside another clause's "71")
        return a["_qualifier"] in CLOSED and b["_qualifier"] in CLOSED
    if head_similarity(ha, hb) or (people(ha) and people(hb)):
        return True
    return same_telling_value(a, b)
