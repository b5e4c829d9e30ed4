"""Named storms within a story: "Odalys" after "Hurricane Odalys" is the storm.

News names a storm in full once ("Hurricane Odalys", "Tropical Storm Bret", "Storm
Ciarán") and then by its name alone ("Odalys weakened …"), which the model types as
whatever the name looks like (an organisation, a person). A name written alone that is the
name of exactly one storm of its story is that storm, and every mention of a storm is an
EVENT (the label OntoNotes gives named hurricanes).
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from lib.nlp.names import name_heads

#: The words a storm's full name starts with (longest first).
STORM_KINDS = (
    "Post-Tropical Cyclone", "Tropical Depression", "Tropical Storm", "Winter Storm",
    "Superstorm", "Hurricane", "Typhoon", "Cyclone", "Storm",
)  # fmt: skip
STORM_LABEL = "EVENT"


def storm_name(entity: str) -> str:
    """The name of a storm's full name ("Hurricane Odalys" -> "Odalys"), else "" (also for
    a body's short name: "the Hurricane Center" ends in a head word)."""
    for kind in STORM_KINDS:
        rest = entity.removeprefix(kind + " ")
        if rest != entity and rest[:1].isupper() and " " not in rest:
            return "" if rest in name_heads() else rest
    return ""


def fold_storm_names(df: pd.DataFrame, stories: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(entity, label) per mention: a storm's name written alone -> the one storm of its
    story so named (never a name with a courtesy title or a role: "Mr. Odalys"); storms
    labelled EVENT. ``df`` has ``entity, label`` and optionally ``honorific, role``; a
    full name the model typed a person ("Storm Reid") is no storm."""
    full = df[df["label"] != "PERSON"]
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for story, ent in zip(stories[full.index], full["entity"], strict=True):
        if storm_name(ent):
            named[(story, storm_name(ent))].add(ent)
    if not named:
        return df["entity"], df["label"]
    cue = pd.Series(False, index=df.index)
    for col in ("honorific", "role"):
        if col in df.columns:
            cue |= df[col].fillna("").astype(str) != ""
    storms = {e for forms in named.values() for e in forms}
    entity, label = df["entity"].copy(), df["label"].copy()
    for idx, story, ent, titled in zip(df.index, stories, df["entity"], cue, strict=True):
        forms = named.get((story, ent), set())
        if len(forms) == 1 and not titled:
            entity[idx] = next(iter(forms))
        if entity[idx] in storms:
            label[idx] = STORM_LABEL
    return entity, label
