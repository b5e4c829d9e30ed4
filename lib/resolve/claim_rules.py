"""Claim rules: the hand-set score that two figure items report one measurement, and the
vetoes that keep them apart (see :mod:`lib.resolve.claims` for the list).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from lib.extract.measure import EXPECTED
from lib.extract.numbers import vocab
from lib.resolve import claim_pairs
from lib.resolve.claim_items import (
    CURRENCY_CODES,
    LIST_SEPARATORS,
    _groups_match,
    _outcomes_compatible,
    _stems_match,
)
from lib.resolve.claim_pairs import distinctive as _distinctive
from lib.resolve.claim_pairs import head_similarity as _head_similarity
from lib.resolve.claim_pairs import people as _people
from lib.resolve.claim_pairs import same_telling_value as _same_telling_value
from lib.resolve.holders import times_compatible
from lib.resolve.intervals import overlap


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
        similar = _head_similarity(ha, hb) or (0.9 if _one_thing_in_other_words(a, b) else 0)
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


def _one_thing_in_other_words(a: dict, b: dict) -> bool:
    """Two counted heads that name one thing: one is the other's initials ("180,000 SUVs"
    / "180,000 sport utility vehicles"), one a measure of the other ("unemployment rate" /
    "unemployment"), or one money figure's head is what the other's
    verb says ("the cost of the recall, $250 million" / "the recall will cost $250
    million")."""
    for x, y in ((a, b), (b, a)):
        if _initials_of(x["_head"], y["_lemmas"].split(), y["_head"]):
            return True
        if _measure_of(y, x["_head"]):
            return True
        money = x["_unit"] in CURRENCY_CODES and y["_pred"]
        if money and _stems_match(x["_head"], y["_pred"]):
            return True
    return False


def _measure_of(item: dict, head: str) -> bool:
    """Does ``item`` count a measure of ``head`` ("unemployment rate", "turnout figure" for
    "unemployment", "turnout")? Its head is a measure noun and ``head`` modifies it."""
    if item["_head"] not in vocab()["measure_nouns"] or head in vocab()["measure_nouns"]:
        return False
    words = item["_lemmas"].split()
    return item["_head"] in words and head in words[: words.index(item["_head"])]


def _initials_of(short: str, words: list[str], head: str) -> bool:
    """Is ``short`` ("suv") the initials of the phrase ending in ``head`` ("sport utility
    vehicle")?"""
    n = len(short)
    if not 2 <= n <= 5 or head not in words:
        return False
    end = words.index(head) + 1
    phrase = words[max(0, end - n) : end]
    return len(phrase) == n and "".join(w[0] for w in phrase) == short
