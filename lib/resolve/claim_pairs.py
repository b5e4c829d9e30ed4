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
    exact, with two or more significant digits and not a small count ("134", "$5.7
    billion"; not "two", "100" or "2,000")."""
    value = abs(item["value"])
    if item["_qualifier"] != "exact" or value < 13:
        return False
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


def pair_features(a: dict, b: dict, rule: float) -> list[float]:
    """The :data:`FEATURES` of two figure items (see :func:`lib.resolve.claims._item`);
    ``rule``: the hand-set similarity of :func:`lib.resolve.claims.rule_similarity`."""
    ha, hb = a["_head"], b["_head"]
    both = bool(ha and hb)
    wa, wb = a["_words"], b["_words"]
    kind = a["_kind"]
    return [
        float(overlap(a, b)),
        float(a["value"] == b["value"]),
        float(same_telling_value(a, b)),
        _log_gap(a, b),
        float(both),
        head_similarity(ha, hb) if both else 0.0,
        float(both and people(ha) and people(hb)),
        fuzz.token_set_ratio(a["_lemmas"], b["_lemmas"]) / 100.0
        if a["_lemmas"] and b["_lemmas"]
        else 0.0,
        float(bool(a["_pred"]) and a["_pred"] == b["_pred"]),
        float(bool(a["_pred"] and b["_pred"]) and a["_pred"] != b["_pred"]),
        float(bool(a["_holder"]) and a["_holder"] == b["_holder"]),
        float(bool(a["_when"]) and a["_when"] == b["_when"]),
        float(a["_time"] != b["_time"]),
        float(a["_places"] != b["_places"]),
        float(bool(a["_outcomes"]) != bool(b["_outcomes"])),
        float(a["_doc"] == b["_doc"]),
        float(a["_qualifier"] == "exact" and b["_qualifier"] == "exact"),
        len(wa & wb) / len(wa | wb) if wa and wb else 0.0,
        float(bool(a["_source"]) and a["_source"] == b["_source"]),
        float(kind == "money"),
        float(kind == "percent"),
        float(kind == "duration"),
        float(kind == "age"),
        max(rule, 0.0),
    ]


@functools.lru_cache(maxsize=1)
def model() -> dict:
    """The fitted logistic model: ``features``, ``coef``, ``intercept``, ``mean``,
    ``scale`` and the clustering ``threshold``."""
    data = read_json(MODEL_PATH.name)
    if list(data["features"]) != list(FEATURES):
        raise ValueError(f"{MODEL_PATH.name} was fitted on other features; refit it")
    return data


def probability(features, fitted: dict | None = None) -> np.ndarray:
    """Probability that each pair (a row of features) is one measurement."""
    fitted = fitted or model()
    x = np.atleast_2d(np.asarray(features, dtype=float))
    if not x.size:
        return np.zeros(0)
    z = (x - np.asarray(fitted["mean"])) / np.asarray(fitted["scale"])
    logit = z @ np.asarray(fitted["coef"]) + float(fitted["intercept"])
    return 1.0 / (1.0 + np.exp(-logit))
