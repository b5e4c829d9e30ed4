"""Short forms of one name within a story: one organisation or place, one row.

Runs on resolved mentions (canonical ``entity`` and final ``label``), story by story
(``story_id``, or the whole corpus as one story):

- **organisations**: "the Post" after "The Washington Post" (a place dropped before the
  name), "BuzzFeed" beside "BuzzFeed News" (a generic word dropped after it), "House" beside
  "House of Representatives" (an "of" phrase dropped) and "U.S. House of Representatives"
  (a place dropped) and "Quorvex" beside "Quorvex.com" (its web address) are one
  organisation, when the short form fits exactly one longer
  name of the story; so are an acronym and the one name of the story whose initials it is
  ("FBI" / "Federal Bureau of Investigation") and the two word orders of an office
  ("Justice Department" / "Department of Justice") and of a committee ("Senate Select
  Committee on Intelligence" / "Senate Intelligence Committee"); a committee without its
  chamber
  ("Judiciary Committee" / "Senate Judiciary Committee") and a name without its generic
  last word ("Senate Judiciary"); one name with its place written
  two ways ("U.S. Conference of Catholic Bishops" / "United States Conference of Catholic
  Bishops": the gazetteer's one place). A generic head written alone ("the Department",
  "the Court") is the name it heads that its article named last before it, else the
  article's or the story's one such name (a chamber never: "House" is no "White House").
  "House" beside both "Maine House"
  and "U.S. House" fits two and stays apart; "White House" is no longer form of "House"
  ("White" is no place), nor "Cordoba House" (a legislature is named by a state or
  country);
- **places**: a place written bare ("Springfield") is the one qualified place of the same
  article ("Springfield, Illinois", from "SPRINGFIELD, Ill."), else of the story when the
  story names only one and the bare name is no state or country ("Washington").
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from lib.extract.name_forms import regions
from lib.nlp.gazetteer import gazetteer
from lib.resolve.bare_places import bare_places
from lib.resolve.grouping import UnionFind
from lib.resolve.org_forms import (
    GENERIC_HEADS,
    INSTITUTION_TAILS,
    LEGISLATURES,
    LONE_HEAD_EXCLUDED,
    acronym_branch,
    company_first_word,
    head_word,
    initials,
    is_place,
    legal_stem,
    org_spelling,
    place_of,
    same_office,
    shorter_forms,
    suffix_forms,
    web_stem,
    without_head,
)

ORG_LABELS = frozenset({"ORG"})


def fold_short_forms(df: pd.DataFrame, stories: pd.Series) -> pd.Series:
    """Entity per mention with short organisation names folded into the one longer name of
    the story they fit, and bare places into their one qualified form (module docstring).
    ``df`` has ``doc_id, entity, label``; ``stories`` the story of each row."""
    mapping: dict[tuple[str, str], str] = {}
    df = df.assign(entity=owned_bodies(df))
    orgs = df[organisations(df)]
    for story, names in orgs.groupby(stories[orgs.index])["entity"]:
        counts = names.value_counts()
        mapping.update({(story, k): v for k, v in _org_groups(counts).items()})
    mapping.update(_strays(df, stories, mapping))
    out = [mapping.get((s, e), e) for s, e in zip(stories, df["entity"], strict=True)]
    result = _lone_heads(df.assign(entity=pd.Series(out, index=df.index, dtype=object)), stories)
    return bare_places(df.assign(entity=result), stories)


def organisations(df: pd.DataFrame) -> pd.Series:
    """Rows naming an organisation: typed ORG, or a facility whose last word is an
    institution's ("Harbor Policy Center", typed FAC by its head word, is a body that
    goes by its initials and short forms too)."""
    last = df["entity"].astype(str).str.rsplit(" ", n=1).str[-1]
    institution = (df["label"] == "FAC") & df["entity"].str.contains(" ", regex=False)
    return df["label"].isin(ORG_LABELS) | (institution & last.isin(INSTITUTION_TAILS))


def owned_bodies(df: pd.DataFrame) -> pd.Series:
    """Entity per mention with an organisation written after its country's possessive
    named with it: "Russia's Foreign Ministry" (the model tags "Russia" and "Foreign
    Ministry" apart), so that it is no "Foreign Ministry" of another country the story
    names ("Germany's Foreign Ministry"), and one with "Russian Foreign Ministry"."""
    if "prev_word" not in df.columns or "end_char" not in df.columns:
        return df["entity"]
    owned = df.index[df["label"].isin(ORG_LABELS) & df["prev_word"].isin(("'s", "’s"))]
    if not len(owned):
        return df["entity"]
    places = df[df["label"] == "GPE"]
    ends = {
        (d, int(e)): t
        for d, e, t in zip(places["doc_id"], places["end_char"], places["entity"], strict=True)
    }
    out = df["entity"].copy()
    for idx in owned:
        doc, start, name = df.at[idx, "doc_id"], int(df.at[idx, "start_char"]), out[idx]
        owner = ends.get((doc, start - 3)) or ends.get((doc, start - 2))
        if owner and place_of(name.split(" ")[:1]) is None:
            out[idx] = f"{owner}'s {name}"
    return out


def _lone_heads(df: pd.DataFrame, stories: pd.Series) -> pd.Series:
    """A generic head written alone ("the Department", "the Court", "the Committee") -> the
    organisation it refers back to: the nearest name it heads earlier in the same article
    ("Defense Department"), else the one such name of the article, else of the story; a
    choice of two with nothing earlier leaves it alone."""
    if "start_char" not in df.columns:
        df = df.assign(start_char=0)
    orgs = df[df["label"].isin(ORG_LABELS)]
    in_doc: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
    in_story: dict[tuple, set[str]] = defaultdict(set)
    for doc, story, start, ent in zip(
        orgs["doc_id"], stories[orgs.index], orgs["start_char"], orgs["entity"], strict=True
    ):
        head = head_word(ent)
        if head in GENERIC_HEADS and head not in LONE_HEAD_EXCLUDED:
            in_doc[(doc, head)].append((int(start), ent))
            in_story[(story, head)].add(ent)
    if not in_story:
        return df["entity"]
    out = []
    for doc, story, start, ent, lab in zip(
        df["doc_id"], stories, df["start_char"], df["entity"], df["label"], strict=True
    ):
        named = sorted(in_doc.get((doc, ent), []))
        earlier = [e for s, e in named if s < start]
        owners = {earlier[-1]} if earlier else {e for _, e in named}
        owners = owners or in_story.get((story, ent), set())
        out.append(next(iter(owners)) if lab in ORG_LABELS and len(owners) == 1 else ent)
    return pd.Series(out, index=df.index, dtype=object)


def _longer_names(names: list[str]) -> dict[str, set[str]]:
    """Short form -> the longer names of the story it may stand for: dropped words
    (:func:`shorter_forms`), initials ("FBI") and an office's other word order."""
    longer: dict[str, set[str]] = defaultdict(set)
    by_initials: dict[str, set[str]] = defaultdict(set)
    offices: dict[str, set[str]] = defaultdict(set)
    _add_dropped_forms(names, longer)
    for name in names:
        for key in initials(name):
            by_initials[key].add(name)
        offices[same_office(name)].add(name)
    for name in names:  # "FBI" / "F.B.I." / "Federal Bureau of Investigation"
        letters = name.replace(".", "") if name.endswith(".") else name
        owners = {org_spelling(n) for n in by_initials.get(letters, ())}
        if name.isupper() and " " not in name and len(owners) == 1:
            longer[name] |= by_initials[letters]
    # "the Enquirer" of "National Enquirer"; "Quillon" of "Quillon Pharmaceuticals Inc.";
    # each when nothing else fits
    for forms in (suffix_forms, lambda n: [s for s in [company_first_word(n)] if s]):
        found: dict[str, set[str]] = defaultdict(set)
        for name in names:
            for short in forms(name):
                if short not in longer:
                    found[short].add(name)
        for short, owners in found.items():
            longer[short] |= owners
    for name in names:  # "Senate Judiciary" of "Senate Judiciary Committee", when nothing else
        short = without_head(name)
        if short and short not in longer:
            longer[short].add(name)
    for forms in offices.values():  # "Justice Department" / "Department of Justice"
        if len(forms) == 2:
            a, b = sorted(forms)
            longer[a].add(b)
    return longer


def _one_chamber(short: str, owners: set[str]) -> bool:
    """Do the longer names of a chamber written alone name one chamber: "House" beside
    "House of Representatives" and "U.S. House" (one polity at most, one "of" phrase at
    most), not beside "Maine House" and "U.S. House"?"""
    if short not in LEGISLATURES:
        return False
    places, phrases = set(), set()
    for name in owners:
        words = name.split(" ")
        k = next((k for k in range(min(3, len(words) - 1), 0, -1) if is_place(words[:k])), 0)
        if k:
            places.add(place_of(words[:k]))
        rest = words[k:]
        if rest[0] != short or (len(rest) > 1 and (len(rest) < 3 or rest[1] != "of")):
            return False
        phrases.add(" ".join(rest[2:]))
    return len(places) <= 1 and len(phrases - {""}) <= 1


def _add_dropped_forms(names: list[str], longer: dict[str, set[str]]) -> None:
    """Each name under its :func:`shorter_forms`, and under a name of the story that is one
    of them written in the office's other order ("Ministry of Foreign Affairs" of "Russian
    Foreign Ministry")."""
    office_of: dict[str, set[str]] = defaultdict(set)
    for name in names:
        office_of[same_office(name)].add(name)
    for name in names:
        for short in shorter_forms(name):
            longer[short].add(name)
            for other in office_of.get(same_office(short), ()):
                if other not in (name, short):
                    longer[other].add(name)


def _org_groups(counts: pd.Series) -> dict[str, str]:
    """Name -> the name of its group, for the organisation names of one story (counts:
    mentions per name)."""
    names = list(counts.index)
    index = {n: i for i, n in enumerate(names)}
    uf = UnionFind(len(names))
    spelled: dict[str, set[str]] = defaultdict(set)
    for name in names:
        if " " in name:
            spelled[org_spelling(name)].add(name)
    for name in names:
        stem = legal_stem(name)
        if stem != name:
            spelled[stem].add(name)
        if acronym_branch(name):  # "ACLU of Ohio" / "American Civil Liberties Union of Ohio"
            spelled[acronym_branch(name)].add(name)
    for forms in spelled.values():  # "U.S. X" / "United States X", "X Inc." / "X Corp."
        first, *rest = sorted(forms)
        for other in rest:
            uf.union(index[first], index[other])
    longer = _longer_names(names)
    for short, owners in longer.items():
        if short not in index:
            continue
        tops = {o for o in owners if not any(o in longer.get(x, ()) for x in owners)}
        roots = {uf.find(index[o]) for o in owners}
        if len(tops) == 1 or len(roots) == 1 or _one_chamber(short, tops):  # fits one name
            for owner in owners:
                uf.union(index[short], index[owner])
    groups: dict[int, list[str]] = defaultdict(list)
    for name, root in zip(names, uf.roots(), strict=True):
        groups[root].append(name)
    out = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        full = [m for m in members if " " in m] or members
        best = max(full, key=lambda m: (counts[m], -len(m)))
        out.update({m: best for m in members if m != best})
    return out


def _acronym(name: str) -> bool:
    """Three capitals or more, dotted or not ("RNC", "R.N.C.")."""
    letters = name.replace(".", "")
    return len(letters) >= 3 and letters.isalpha() and letters.isupper()


#: Last words of a school's name, whose first word is what the school goes by
#: ("Georgetown" of "Georgetown University").
SCHOOL_WORDS = frozenset({"University", "College"})
#: Cues of a place written at a mention (``lib/extract``): "in X", "X-based", "X County",
#: a place's slot.
PLACE_CUES = ("place", "in", "region", "based")


def _school_short(name: str, group: pd.DataFrame, schools: set[str], placed: set[str]) -> bool:
    """Is a known place's name that of the one school of the story named after it, typed a
    place ("faculty at Kelsey" of "Kelsey University", Kelsey a town)? Only when nothing
    in the story writes it as a place ("in Kelsey", "Kelsey, Ohio"), no person is called
    so, and it is no state or country ("Virginia" of "Virginia College" is the state)."""
    if len(schools) != 1 or name in placed or name in regions():
        return False
    return not (group["label"] == "PERSON").any()


#: Labels the model may give an organisation's short form by mistake ("Quinnipiac" a place,
#: "the Enquirer" a person).
STRAY_LABELS = frozenset({"GPE", "LOC", "FAC", "PERSON"})


def _short_form_owners(tops: dict[str, str]) -> tuple[dict, dict, dict]:
    """The organisations of a story (``tops``: name -> its group's name) under the forms a
    stray may take: dropped words (:func:`shorter_forms`); an ending, a company's first
    word, the name of its web address or its initials; the first word of a school."""
    primary: dict[str, set[str]] = defaultdict(set)
    ending: dict[str, set[str]] = defaultdict(set)
    schools: dict[str, set[str]] = defaultdict(set)
    for org, top in tops.items():
        words = org.split(" ")
        if len(words) == 2 and words[1] in SCHOOL_WORDS:
            schools[words[0]].add(top)
        for short in shorter_forms(org):
            primary[short].add(top)
        for short in filter(None, [*suffix_forms(org), company_first_word(org), web_stem(org)]):
            ending[short].add(top)
        for short in initials(org) | ({org.replace(".", "")} if _acronym(org) else set()):
            ending[short].add(top)  # "R.N.C." typed a person: "RNC", its initials
    return primary, ending, schools


def _strays(df: pd.DataFrame, stories: pd.Series, mapping: dict) -> dict[tuple[str, str], str]:
    """A name the model typed as a place or person that is the short form of exactly one
    organisation of its story ("Quinnipiac" / "Quinnipiac University", "Enquirer" /
    "National Enquirer") -> that organisation. A name the gazetteer knows stays what it is
    ("Georgia" is no short "Georgia Power") unless it is a school's
    (:func:`_school_short`); a person joins only by an ending of the name
    ("Enquirer"), its initials ("R.N.C." of "Republican National Committee"), the first
    word a company goes by ("Harlow's chief executive" of "Harlow
    Dynamics") or the name of its web address ("Harlow" of "Harlow.com"), never another
    first word ("Ford" is no short "Ford Foundation"), and only when no honorific, title or
    person of the story's names claims it."""
    out: dict[tuple[str, str], str] = {}
    ent_story = pd.DataFrame({"story": stories, "entity": df["entity"], "label": df["label"]})
    cue = pd.Series(False, index=df.index)
    for col in ("honorific", "role"):
        if col in df.columns:
            cue |= df[col].fillna("").astype(str) != ""
    ent_story["cue"] = cue
    places = set(df.loc[df["cue"] == "place", "entity"]) if "cue" in df.columns else set()
    placed = set(df.loc[df["cue"].isin(PLACE_CUES), "entity"]) if "cue" in df.columns else set()
    ent_story["org"] = organisations(df)
    for story, rows in ent_story.groupby("story"):
        orgs = sorted(set(rows.loc[rows["org"], "entity"]))
        if not orgs:
            continue
        people = rows.loc[rows["label"] == "PERSON", "entity"]
        surnames = {p.split(" ")[-1] for p in people if " " in p}
        tops = {org: mapping.get((story, org), org) for org in orgs}
        primary, ending, schools = _short_form_owners(tops)
        strays = rows[rows["label"].isin(STRAY_LABELS)]
        for name, group in strays.groupby("entity"):
            if name in places:
                continue  # one the story makes a place ("nearby X")
            if gazetteer().lookup(name) is not None:  # a known place stays one, unless …
                school = schools.get(name, set())
                if _school_short(name, group, school, placed):
                    out[(story, name)] = next(iter(school))
                continue
            key = name.replace(".", "") if _acronym(name) else name
            if (group["label"] == "PERSON").any():
                if " " in name or name in surnames or group["cue"].any():
                    continue
                owners = ending.get(key, set())
            else:
                owners = primary.get(name) or ending.get(key, set())
            if len(owners) == 1:
                out[(story, name)] = next(iter(owners))
    return out
