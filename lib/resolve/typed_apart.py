"""One thing the model typed two ways within a story: one row.

Runs on resolved mentions (canonical ``entity`` and voted ``label``) after
:func:`lib.resolve.short_forms.fold_short_forms`, story by story (``story_id``, or the
whole corpus as one story). The short-form rules join names of one label; here:

- **an acronym and the one name of the story whose initials it is, typed apart**: "QHC"
  (an organisation) beside "Quarrow Harbor Center" (a building), "NSTA" beside the "No
  Student Tested Alone" act read as a work of art. Within one label the short-form rules
  already join them; an acronym whose initials fit two names of the story ("DNC": the
  committee and the convention) stays apart;
- **a university or college by the town it is named after**: "Brakeford" beside
  "Brakeford University" when the model reads some of its mentions as an organisation and
  no mention as a place ("in Brakeford", "Brakeford, Ohio"); a state or a country never
  ("Ohio" is no short "Ohio University").
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from lib.extract.name_forms import regions
from lib.nlp.names import initials

#: Labels of named things (not people, places or groups) that the model mixes up for one
#: name: an organisation, its building, its event, its programme or law.
THING_LABELS = frozenset({"ORG", "FAC", "LAW", "WORK_OF_ART", "EVENT", "PRODUCT"})


def _acronym(name: str) -> str:
    """The letters of a one-word acronym ("QHC", "Q.H.C."), else ""."""
    letters = name.replace(".", "")
    ok = " " not in name and 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
    return letters if ok else ""


def fold_acronyms_across_labels(df: pd.DataFrame, stories: pd.Series) -> pd.Series:
    """Entity per mention with a one-word acronym of :data:`THING_LABELS` read as the one
    multi-word name of its story with those initials, when that name carries another label
    (``df``: ``entity, label``; ``stories``: the story of each row)."""
    things = df[df["label"].isin(THING_LABELS)]
    if things.empty:
        return df["entity"]
    labels: dict[tuple[str, str], set[str]] = defaultdict(set)
    for story, ent, lab in zip(
        stories[things.index], things["entity"], things["label"], strict=True
    ):
        labels[(story, ent)].add(lab)
    by_initials: dict[tuple[str, str], set[str]] = defaultdict(set)
    for story, ent in labels:
        for key in initials(ent) if " " in ent else ():
            by_initials[(story, key)].add(ent)
    mapping: dict[tuple[str, str], str] = {}
    for (story, ent), labs in labels.items():
        letters = _acronym(ent)
        owners = by_initials.get((story, letters), set()) if letters else set()
        if len(owners) != 1:
            continue
        owner = next(iter(owners))
        if labels[(story, owner)] != labs:  # one label: the short-form rules decided
            mapping[(story, ent)] = owner
    if not mapping:
        return df["entity"]
    out = [mapping.get((s, e), e) for s, e in zip(stories, df["entity"], strict=True)]
    return pd.Series(out, index=df.index, dtype=object)


#: Last words of a school's name that a town's name goes before ("Brakeford University").
SCHOOL_HEADS = frozenset({"University", "College"})


def fold_school_towns(df: pd.DataFrame, stories: pd.Series, model: pd.Series) -> pd.Series:
    """Entity per mention with a town's name read as the one school of its story named
    after it (module docstring; ``df``: ``entity, label, cue``; ``model``: the model's label
    of each mention)."""
    towns = df["label"].isin(("GPE", "LOC")) & ~df["entity"].str.contains(r"[ ,]", regex=True)
    if not towns.any():
        return df["entity"]
    orgs = df[df["label"] == "ORG"]
    schools: dict[tuple[str, str], set[str]] = defaultdict(set)
    for story, ent in set(zip(stories[orgs.index], orgs["entity"], strict=True)):
        head, _, last = ent.rpartition(" ")
        if last in SCHOOL_HEADS and head and " " not in head:
            schools[(story, head)].add(ent)
    if not schools:
        return df["entity"]
    cue = df["cue"].fillna("").astype(str) if "cue" in df.columns else pd.Series("", index=df.index)
    rows = pd.DataFrame(
        {"story": stories, "entity": df["entity"], "org": model == "ORG", "cue": cue}
    )
    mapping: dict[tuple[str, str], str] = {}
    for (story, ent), group in rows[towns].groupby(["story", "entity"]):
        owners = schools.get((story, ent), set())
        if len(owners) == 1 and group["org"].any() and not group["cue"].ne("").any():
            if ent not in regions():
                mapping[(story, ent)] = next(iter(owners))
    if not mapping:
        return df["entity"]
    out = [mapping.get((s, e), e) for s, e in zip(stories, df["entity"], strict=True)]
    return pd.Series(out, index=df.index, dtype=object)
