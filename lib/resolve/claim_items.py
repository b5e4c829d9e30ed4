"""Claim items: what :mod:`lib.resolve.claims` compares about each figure.

One dict per figure (:func:`claim_items`): its value and interval in one unit (durations
in days, so "three weeks" and "21 days" compare), the counted head noun and its class
("girls" and "women" are people), the lemmas of what is counted, the event or predicate
(its outcome class when it has one: "arrested", "detained" and "jailed" are one; an
event noun counts the people it happened to), named groups ("Haitian" vs "Cuban"),
places, time scope and resolved time, the holder (canonical entity, else as written) and
whether its rule tells measurements apart, the sentence's content words, the source and
the facts its statement shares with other outlets.
"""

from __future__ import annotations

import re

import pandas as pd

from lib.columns import columns
from lib.extract.numbers import vocab
from lib.records import Figure
from lib.resolve import claim_pairs
from lib.resolve.claim_pairs import content_words
from lib.resolve.claim_pairs import people as _people
from lib.resolve.intervals import figure_interval

#: Figure kinds that never form claims: counts of one ("one resident said", "one of the
#: shelters") describe no measurement outlets share.
NO_CLAIM_KINDS = frozenset({"one"})
#: What separates the names of a holder that is a list ("Okafor, Lindqvist and Moreau").
LIST_SEPARATORS = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
#: Holders read from these rules are specific enough to tell two measurements apart even
#: when they name no entity ("the couple's rate" vs "a rival's rate").
STRONG_HOLDER_RULES = frozenset({"aged", "with", "for", "possessor", "apposition", "modifier"})
#: Time units as days, so "three weeks" and "21 days" compare.
DAYS_PER_UNIT = {"day": 1, "week": 7, "fortnight": 14, "month": 30.4375, "year": 365.25,
                 "decade": 3652.5}  # fmt: skip

#: How far an outlet's conversion of another unit may be rounded ("150 mph (240 km/h)":
#: 150 mph is 241.4 km/h), as a share of the value.
CONVERSION_SLACK = 0.025
#: Units outlets spell differently for one measure: what one outlet writes "450,000 tonnes"
#: another writes "450,000 tons" (US spelling; the value is the source's, not a conversion).
SAME_UNIT = {"ton": "tonne"}

DEMONYM_SUFFIXES = tuple("ians ian ia eans ean ese ish ans an i a e y".split())

CURRENCY_CODES = frozenset(
    list(vocab()["currency_symbols"].values())
    + list(vocab()["currency_words"].values())
    + list(vocab()["minor_currency_words"].values())
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


def _outcomes_of(lemmas: str, head: str = "") -> frozenset:
    """The outcome classes a counted phrase names. Losing is a casualty only of people:
    "14,000 jobs lost" or "lost $2 billion" count things, and "lost" is their predicate."""
    of = vocab()["outcome_of"]
    things = bool(head) and not _people(head) and head not in of
    return frozenset(
        of[w] for w in lemmas.split() if w in of and not (things and of[w] == "casualties")
    )


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


def _in_compared_unit(row: dict, value: float) -> tuple[float, str]:
    """Durations in days ("three weeks" -> 21 days), converted measures in the unit they
    are compared in ("240 km/h" in mph: ``unit_conversions`` in lib/data/numbers.json),
    other values unchanged (in the unit :data:`SAME_UNIT` compares them in)."""
    unit = row["unit"]
    if row["kind"] == "duration" and unit in DAYS_PER_UNIT:
        return value * DAYS_PER_UNIT[unit], "day"
    if unit in vocab()["unit_conversions"]:
        common, factor = vocab()["unit_conversions"][unit]
        return value * factor, common
    return value, SAME_UNIT.get(unit, unit)


def _item(row: dict) -> dict:
    lo, hi = figure_interval(row["value"], row["value_max"], row["qualifier"], row["text"])
    value, unit = _in_compared_unit(row, float(row["value"]))
    if unit != row["unit"]:
        lo, hi = _in_compared_unit(row, lo)[0], _in_compared_unit(row, hi)[0]
    if row["unit"] in vocab()["unit_conversions"]:  # an outlet's conversion is rounded
        lo, hi = lo * (1 - CONVERSION_SLACK), hi * (1 + CONVERSION_SLACK)
    holder, strong_holder = _holder_key(row)
    head = "" if _bare(row) else _event_head(row["counted_head"])
    outcomes = _outcomes_of(row["counted_lemmas"], head)
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
