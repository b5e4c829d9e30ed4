"""One person, one name: short names linked to the full name, spelling variants folded.

Surnames (and family names written first) link to the single full name in the same
document that has them, else in the corpus; two different full names sharing the word leave
it unlinked. Full names that are spelling or initial variants of one another fold to the
most mentioned one.
"""

from __future__ import annotations

import os
from collections import defaultdict

import pandas as pd
from rapidfuzz import fuzz

from lib.resolve.frames import pair_series, rows

#: Surname spelling variants: minimum length and rapidfuzz ratio ("Navalny"/"Navalnyy").
FUZZY_MIN_LEN = 6


FUZZY_MIN_RATIO = 88


def is_person_full(name: str) -> bool:
    parts = name.split(" ")
    return len(parts) >= 2 and all(p[:1].isupper() for p in parts)


def link_people(
    df: pd.DataFrame, known: dict[str, str | None], variants: dict[str, str]
) -> pd.Series:
    """Map short person names to the full name (same document first, else corpus).

    A one-word name (surname, or first word of a 3+ word name such as a family
    name written first) links to the single full name in the same document
    that ends with it; if no full name in the document has it, to the single
    full name in the corpus (only for mentions the model or a cue calls a
    PERSON). Two different full names sharing the word leave it unlinked;
    spelling variants of one name (``variants``, see :func:`person_variants`)
    count as one.
    """
    is_person = (df["label"] == "PERSON") | (df["cue"] == "title")
    full = df.loc[is_person & df["entity"].map(is_person_full), ["doc_id", "entity"]]
    full = full.drop_duplicates()
    full = full.loc[full["entity"].map(lambda e: known.get(e) is None).astype(bool)]
    doc_last: dict[tuple[str, str], set[str]] = defaultdict(set)
    doc_first: dict[tuple[str, str], set[str]] = defaultdict(set)
    corpus_last: dict[str, set[str]] = defaultdict(set)
    doc_surnames: dict[str, set[str]] = defaultdict(set)
    for doc_id, name in rows(full, "doc_id", "entity"):
        parts = name.split(" ")
        doc_last[(doc_id, parts[-1])].add(name)
        corpus_last[parts[-1]].add(name)
        doc_surnames[doc_id].add(parts[-1])
        if len(parts) >= 3:
            doc_first[(doc_id, parts[0])].add(name)
    single = ~df["entity"].str.contains(" ", regex=False)
    cand = df.loc[single, ["doc_id", "entity"]].assign(person=is_person[single])
    links: dict[tuple[str, str], str] = {}
    for doc_id, name, person in rows(cand.drop_duplicates(), "doc_id", "entity", "person"):
        if (doc_id, name) in links:
            continue
        is_place = known.get(name) is not None
        if is_place and not person:
            continue
        names = doc_last.get((doc_id, name)) or doc_first.get((doc_id, name))
        if not names and person and len(name) >= FUZZY_MIN_LEN:
            similar = [
                last for last in doc_surnames.get(doc_id, ()) if _similar_surname(name, last)
            ]
            names = set().union(*(doc_last[(doc_id, last)] for last in similar))
        if not names and person and not is_place:
            names = corpus_last.get(name)
        names = {variants.get(full_name, full_name) for full_name in names or ()}
        if len(names) == 1:
            links[(doc_id, name)] = next(iter(names))
    if not links:
        return df["entity"]
    keys = pair_series(df, "doc_id", "entity")
    return keys.map(links).fillna(df["entity"])


def _similar_surname(a: str, b: str) -> bool:
    """Spelling variants of one surname that differ at the end ("Navalny" / "Navalnyy" /
    "Navalniy"), both >= 6 letters; "Johnson" / "Johnston" differ inside and are not."""
    if a == b or min(len(a), len(b)) < FUZZY_MIN_LEN:
        return False
    prefix = len(os.path.commonprefix([a, b]))
    return prefix >= min(len(a), len(b)) - 1 and fuzz.ratio(a, b) >= FUZZY_MIN_RATIO


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[:1].isupper()


def _same_person_name(a: list[str], b: list[str]) -> bool:
    """Two full names (same first word) naming one person: same or similar surname and
    same middle words, or middle initials on one side only ("Vladimir V. Putin")."""
    if a[-1] != b[-1] and not _similar_surname(a[-1], b[-1]):
        return False
    mid_a, mid_b = a[1:-1], b[1:-1]
    if mid_a == mid_b:
        return True
    return (not mid_a and all(map(_is_initial, mid_b))) or (
        not mid_b and all(map(_is_initial, mid_a))
    )


def person_variants(df: pd.DataFrame, is_person: pd.Series) -> dict[str, str]:
    """Map variant spellings of one full PERSON name to the most mentioned one.

    "Alexei Navalnyy" -> "Alexei Navalny" (similar surname, same first
    name), "Vladimir V. Putin" -> "Vladimir Putin" (middle initials). A name
    matching two different names ("George Bush": "George W. Bush" and
    "George H. W. Bush") is left alone.
    """
    people = df.loc[is_person, "entity"]
    counts = people[people.map(is_person_full).astype(bool)].value_counts()
    groups: dict[str, list[str]] = defaultdict(list)
    for name in counts.index:  # most mentioned first
        groups[name.split(" ", 1)[0]].append(name)
    merge: dict[str, str] = {}
    for names in groups.values():
        reps: list[list[str]] = []
        for name in names:
            parts = name.split(" ")
            same = [r for r in reps if _same_person_name(parts, r)]
            if not same:
                reps.append(parts)
            elif len(same) == 1 and same[0] != parts:
                merge[name] = " ".join(same[0])
    return merge
