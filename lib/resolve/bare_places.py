"""Bare place names within a story: a town written alone is its one qualified form.

Runs on resolved mentions (canonical ``entity`` and final ``label``), story by story, after
the organisations' short forms (:mod:`lib.resolve.short_forms`): "Springfield" is the one
"Springfield, Illinois" of its article (from "SPRINGFIELD, Ill."), else of the story.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from lib.extract.name_forms import regions
from lib.nlp.gazetteer import gazetteer
from lib.nlp.names import initials

PLACE_LABELS = frozenset({"GPE", "LOC"})


#: Last words of a county-like area whose bare name is the same place ("Miami-Dade County"
#: / "Miami-Dade") when the bare name is no other place the gazetteer knows.
AREA_WORDS = (" County", " Parish", " Borough")


def _saint(name: str) -> str:
    """One spelling of a saint's name in a place: "Saint Petersburg" -> "St. Petersburg"."""
    for form in ("Saint ", "St "):
        if name.startswith(form):
            return "St. " + name[len(form) :]
    return name


def bare_places(df: pd.DataFrame, stories: pd.Series) -> pd.Series:
    """A bare place name -> its one qualified form in the same article, else in the story,
    else the story's one qualified form in the state of all the article's own qualified
    places ("Delmont" beside "Port Villeray, Louisiana" when the story names "Delmont,
    Louisiana" and "Delmont, Mississippi"); "Saint Petersburg" and "St. Petersburg" are
    written alike; a bare name the gazetteer
    does not know -> the story's one county of that name ("Miami-Dade" -> "Miami-Dade
    County")."""
    places = df[df["label"].isin(PLACE_LABELS)]
    qualified = places[places["entity"].str.contains(", ", regex=False)]
    areas = places[places["entity"].str.endswith(AREA_WORDS)]
    if qualified.empty and areas.empty:
        return df["entity"]
    in_doc: dict[tuple, set[str]] = defaultdict(set)
    in_story: dict[tuple, set[str]] = defaultdict(set)
    for doc, story, ent in zip(
        qualified["doc_id"], stories[qualified.index], qualified["entity"], strict=True
    ):
        bare = _saint(ent.split(", ", 1)[0])
        in_doc[(doc, bare)].add(ent)
        in_story[(story, bare)].add(ent)
    counties: dict[tuple, set[str]] = defaultdict(set)
    for story, ent in zip(stories[areas.index], areas["entity"], strict=True):
        bare = ent.rsplit(" ", 1)[0]
        if gazetteer().lookup(bare) is None:
            counties[(story, bare)].add(ent)
    states: dict[str, set[str]] = defaultdict(set)  # the regions each article qualifies by
    for doc, ent in zip(qualified["doc_id"], qualified["entity"], strict=True):
        states[doc].add(ent.split(", ", 1)[1])
    out = []
    for doc, story, ent, lab in zip(df["doc_id"], stories, df["entity"], df["label"], strict=True):
        key = _saint(ent)
        forms = in_doc.get((doc, key))
        if not forms and ent not in regions():  # "Washington" may be the state or the city
            forms = in_story.get((story, key), set())
            if len(forms) > 1:  # "Delmont" in an article whose places are all in Louisiana
                forms = {f for f in forms if states[doc] == {f.split(", ", 1)[1]}}
        forms = forms or counties.get((story, ent), set())
        out.append(next(iter(forms)) if lab in PLACE_LABELS and len(forms) == 1 else ent)
    return pd.Series(out, index=df.index, dtype=object)


def place_initials(df: pd.DataFrame) -> pd.Series:
    """Entity per mention with an acronym an article writes for a place it names in full
    read as that place: "SC" beside "South Carolina", "NH" beside "New Hampshire" (a state
    written short, as in tweets and headlines), never as an organisation whose initials it
    also is ("SC" of a "Supreme Court" named in another article). An organisation of the
    same article with those initials ("Security Council") leaves it alone."""
    if "doc_id" not in df.columns:
        return df["entity"]
    places: dict[tuple[str, str], set[str]] = defaultdict(set)
    taken: set[tuple[str, str]] = set()
    for doc, entity, label in zip(df["doc_id"], df["entity"], df["label"], strict=True):
        if " " not in entity:
            continue
        for key in initials(entity):
            if label in PLACE_LABELS:
                places[(doc, key)].add(entity)
            elif label == "ORG":
                taken.add((doc, key))
    if not places:
        return df["entity"]
    out = []
    for doc, entity, label in zip(df["doc_id"], df["entity"], df["label"], strict=True):
        key = entity.replace(".", "")
        found = places.get((doc, key), ())
        short = " " not in entity and key.isupper() and label in ("ORG", "GPE")
        one = short and len(found) == 1 and (doc, key) not in taken
        out.append(next(iter(found)) if one else entity)
    return pd.Series(out, index=df.index, dtype=object)
