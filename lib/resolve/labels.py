"""One label per entity: the gazetteer's when it knows the name, else a vote of the model's
labels and the context cues (ties broken by :data:`LABEL_PREFERENCE`)."""

from __future__ import annotations

import functools
import re

import pandas as pd

from lib.datafiles import read_csv
from lib.nlp.gazetteer import gazetteer
from lib.nlp.names import name_heads
from lib.schema import NAME_LABELS

#: Last words that make a name a place ("Hampton Township", "Cook County").
PLACE_SUFFIXES = frozenset(
    {"Township", "County", "Village", "Borough", "Parish", "Municipality", "Prefecture"}
)

#: First words that make a name a natural place, never a person ("Bayou Serpent", "Lake
#: Tamsen", "Mount Arlo"): the model types an unknown one by its shape, as a person.
PLACE_PREFIXES = frozenset({"Bayou", "Lake", "Mount", "Mt.", "Cape", "Isle"})


@functools.lru_cache(maxsize=1)
def media_names() -> frozenset[str]:
    """News outlets and platforms of ``lib/data/media.csv``."""
    return frozenset(row["name"] for row in read_csv("media.csv") if row["name"])


def head_label(entity: str) -> str | None:
    """FAC / ORG / LOC / EVENT when a multi-word name ends in a word of :func:`name_heads`."""
    if " " not in entity:
        return None
    return name_heads().get(entity.rsplit(" ", 1)[-1])


#: Labels the model gives a person's name by mistake where nothing in the name marks a
#: work or a thing ("Tyrese Olawale scored 31 points" as WORK_OF_ART).
WORK_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


def person_shaped(name: str) -> bool:
    """A clear given name then one or two capitalised words, none a thing's head word and
    the whole no known place: "Tyrese Olawale" yes, "Harry Potter Stadium" no."""
    from lib.nlp.people import given_name_gender

    words = name.split(" ")
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].replace("-", "").isalpha() for w in words)
        and given_name_gender(words[0])[1] == 1.0
        and head_label(name) is None
        and gazetteer().lookup(name) is None
        and gazetteer().lookup(words[0]) is None
    )


def _apostrophes(texts: pd.Series) -> pd.Series:
    """Texts with curly apostrophes written straight ("O’Malley" -> "O'Malley")."""
    return texts.astype(str).str.replace("’", "'", regex=False)


def _full_name_shaped(name: str) -> bool:
    """Two or three capitalised words, none a thing's head word, the whole and its first
    word no known place ("Ada Garland" and "Ada O'Garland" yes, "Lake Tamsen" and "New
    Hampshire" no)."""
    words = name.split(" ")
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and re.sub("[-'’]", "", w[1:]).isalpha() for w in words)
        and head_label(name) is None
        and gazetteer().lookup(name) is None
        and gazetteer().lookup(words[0]) is None
        and words[0] not in PLACE_PREFIXES
    )


def mistyped_people(records: list[dict], texts: dict[str, str]) -> set[str]:
    """Names of one story the model typed as works or products (:data:`WORK_LABELS`) that
    are people's: person-shaped (:func:`person_shaped`) and their last word written alone
    somewhere in the story's texts (``texts``: doc_id -> text), as a surname is ("Tyrese
    Olawale scored 31 points" ... "Olawale scored"). A book called "Harry Potter" stays a
    work unless the story also writes "Potter" alone."""
    names = {
        r["text"]
        for r in records
        if r["label"] in WORK_LABELS and " " in r["text"] and person_shaped(r["text"])
    }
    out = set()
    for name in names:
        first, last = name.split(" ")[0], name.rsplit(" ", 1)[-1]
        alone = re.compile(rf"(?<![\w’'-])(?<!{re.escape(first)} ){re.escape(last)}(?![\w’'-])")
        if any(alone.search(text) for text in texts.values()):
            out.add(name)
    return out


def _town_and_region(entity: str) -> bool:
    """A place named with its state or country ("Hialeah, Florida", as
    :func:`lib.extract.name_forms.qualify_places` writes a town the text qualifies)."""
    from lib.extract.name_forms import regions

    town, comma, region = entity.rpartition(", ")
    return bool(comma and town and region in regions() and town not in regions())


LABEL_PREFERENCE = ["PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART"]


#: Extra label votes a context cue gives (label, weight).
CUE_VOTES = {
    "region": ("GPE", 2.0),
    "based": ("GPE", 2.0),
    "title": ("PERSON", 2.0),
    "place": ("GPE", 2.0),  # lib/extract/place_cues.py: "governor of X", "central X", datelines
    "in": ("GPE", 0.5),
    "state": ("GPE", 2.0),  # lib/extract/state_city.py: "Sen. Ada Roe of New York"
    "city": ("GPE", 2.0),  # "the mayor of New York"
}


#: Relative pronouns that follow a person's name and never a place's.
WHO_WORDS = frozenset({"who", "whom", "whose"})
#: Words before a name after which a "who" is another noun's ("members of the Tidewater
#: Caucus who", "a professor at Brakeford who") or the name a group's ("a Zephyrian who"):
#: no person's vote.
WHO_NOT_AFTER = frozenset({"the", "at", "a", "an"})


def vote_labels(df: pd.DataFrame, known: dict[str, str | None]) -> pd.Series:
    """One label per entity: gazetteer label if any, else model labels + cue votes."""
    parts = [df.groupby(["entity", "label"]).size().astype(float).rename("votes").reset_index()]
    cue_rows = df[df["cue"].isin(CUE_VOTES.keys())]
    if len(cue_rows):
        extra = cue_rows.groupby(["entity", "cue"]).size().rename("n").reset_index()
        extra["label"] = extra["cue"].map(lambda c: CUE_VOTES[c][0])
        extra["votes"] = extra["n"] * extra["cue"].map(lambda c: CUE_VOTES[c][1])
        parts.append(extra[["entity", "label", "votes"]])
    if "next_word" in df.columns:  # "Rihanna who …": only people are "who"
        who = df[df["next_word"].fillna("").astype(str).str.lower().isin(WHO_WORDS)]
        if "prev_word" in who.columns:  # "members of the X Caucus who", "a professor at X
            who = who[~who["prev_word"].fillna("").astype(str).isin(WHO_NOT_AFTER)]  # who"
        who = who[who["label"] != "NORP"]  # "an American Zephyrian who": one of a group
        if len(who):
            parts.append(who.groupby("entity").size().rename("votes").reset_index()
                         .assign(label="PERSON", votes=lambda t: t["votes"] * 2.0))  # fmt: skip
    votes = pd.concat(parts).groupby(["entity", "label"])["votes"].sum()
    votes = votes[votes.index.get_level_values(1).isin(NAME_LABELS)]
    rank = {label: i for i, label in enumerate(LABEL_PREFERENCE)}
    table = votes.rename("votes").reset_index()
    table["rank"] = table["label"].map(rank).fillna(len(rank))
    table = table.sort_values(["entity", "votes", "rank"], ascending=[True, False, True])
    best = table.drop_duplicates("entity").set_index("entity")["label"]
    # a person-shaped name the model typed as a work, whose mentions include a person's
    # (its surname linked to it): a person ("Tyrese Olawale" ... "Olawale scored")
    people = set(table.loc[table["label"] == "PERSON", "entity"])
    work = best[best.isin(WORK_LABELS) & best.index.isin(people)]
    best[[e for e in work.index if person_shaped(e)]] = "PERSON"
    # a name of two or three words the model types PERSON where it is written in full is a
    # person however its bare surname, linked to it, is typed ("Ada Garland" ... "a vote on
    # Garland", a town's name): the vote of its full-name mentions alone
    # (apostrophes folded: "Martin O’Malley" is written so where the entity is "O'Malley")
    text, entity = _apostrophes(df["text"]), _apostrophes(df["entity"])
    full = df[(text == entity) & df["entity"].str.contains(" ", regex=False)]
    share = full.assign(p=full["label"] == "PERSON").groupby("entity")["p"].mean()
    bare = text == entity.str.rsplit(" ", n=1).str[-1]  # its surname alone
    named = best[(best != "PERSON") & best.index.isin(share.index[share > 0.5])]
    named = named[named.index.isin(set(df.loc[bare, "entity"]))]
    media = media_names()  # "Facebook" of a page "One Facebook" stays the platform
    named = named[[e.rsplit(" ", 1)[-1] not in media for e in named.index]]
    best[[e for e in named.index if _full_name_shaped(e)]] = "PERSON"
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
        elif out[entity] == "ORG" and _town_and_region(entity):
            out[entity] = "GPE"  # "Hialeah, Florida": a town its state names, however typed
        elif head_label(entity):
            out[entity] = head_label(entity)  # "Halvorsen Tower": a building, not a person
        elif out[entity] == "PERSON" and entity.split(" ")[0] in PLACE_PREFIXES and " " in entity:
            out[entity] = "LOC"  # "on Bayou Serpent": water, not a person
    return df["entity"].map(out).fillna(df["label"])
