"""One label per entity: the gazetteer's when it knows the name, else a vote of the model's
labels and the context cues (ties broken by :data:`LABEL_PREFERENCE`)."""

from __future__ import annotations

import functools

import pandas as pd

from lib.datafiles import read_csv
from lib.nlp.gazetteer import gazetteer
from lib.nlp.names import name_heads
from lib.schema import NAME_LABELS

#: Last words that make a name a place ("Hampton Township", "Cook County").
PLACE_SUFFIXES = frozenset(
    {"Township", "County", "Village", "Borough", "Parish", "Municipality", "Prefecture"}
)


@functools.lru_cache(maxsize=1)
def media_names() -> frozenset[str]:
    """News outlets and platforms of ``lib/data/media.csv``."""
    return frozenset(row["name"] for row in read_csv("media.csv") if row["name"])


def head_label(entity: str) -> str | None:
    """FAC / ORG / LOC when a multi-word name ends in a word of :func:`name_heads`."""
    if " " not in entity:
        return None
    return name_heads().get(entity.rsplit(" ", 1)[-1])


LABEL_PREFERENCE = ["PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART"]


#: Extra label votes a context cue gives (label, weight).
CUE_VOTES = {
    "region": ("GPE", 2.0),
    "based": ("GPE", 2.0),
    "title": ("PERSON", 2.0),
    "place": ("GPE", 2.0),  # lib/extract/place_cues.py: "governor of X", "central X", datelines
    "in": ("GPE", 0.5),
}


def vote_labels(df: pd.DataFrame, known: dict[str, str | None]) -> pd.Series:
    """One label per entity: gazetteer label if any, else model labels + cue votes."""
    parts = [df.groupby(["entity", "label"]).size().astype(float).rename("votes").reset_index()]
    cue_rows = df[df["cue"].isin(CUE_VOTES.keys())]
    if len(cue_rows):
        extra = cue_rows.groupby(["entity", "cue"]).size().rename("n").reset_index()
        extra["label"] = extra["cue"].map(lambda c: CUE_VOTES[c][0])
        extra["votes"] = extra["n"] * extra["cue"].map(lambda c: CUE_VOTES[c][1])
        parts.append(extra[["entity", "label", "votes"]])
    votes = pd.concat(parts).groupby(["entity", "label"])["votes"].sum()
    votes = votes[votes.index.get_level_values(1).isin(NAME_LABELS)]
    rank = {label: i for i, label in enumerate(LABEL_PREFERENCE)}
    table = votes.rename("votes").reset_index()
    table["rank"] = table["label"].map(rank).fillna(len(rank))
    table = table.sort_values(["entity", "votes", "rank"], ascending=[True, False, True])
    best = table.drop_duplicates("entity").set_index("entity")["label"]
    gaz_label = {e: lab for e, lab in known.items() if lab}
    demonyms = gazetteer().demonyms
    media = media_names()
    out = best.to_dict()
    for entity in out:
        if entity in gaz_label:
            out[entity] = gaz_label[entity]
        elif entity in media:
            out[entity] = "ORG"  # outlets and platforms: never people or places
        elif entity in demonyms or (entity.endswith("s") and entity[:-1] in demonyms):
            out[entity] = "NORP"
        elif entity.rsplit(" ", 1)[-1] in PLACE_SUFFIXES and " " in entity:
            out[entity] = "GPE"  # "Lower Merion Township", "Orange County"
        elif head_label(entity):
            out[entity] = head_label(entity)  # "Halvorsen Tower": a building, not a person
    return df["entity"].map(out).fillna(df["label"])
