"""Canonical entity names and labels for every mention of a corpus.

:func:`resolve_entities` is the corpus-level pass: canonical ``entity`` names (aliases,
acronyms defined in the text, surnames linked to the full name in the same document else
the corpus), one ``label`` per entity and rejection of headline fragments and non-names.
"""

from __future__ import annotations

import pandas as pd

from lib.extract.mentions import CUE_DEFAULTS
from lib.nlp.gazetteer import ascii_fold, gazetteer, norm_key
from lib.nlp.names import clean_entity_text, strip_region
from lib.resolve.dual_places import read_dual_places
from lib.resolve.frames import pair_series, rows
from lib.resolve.labels import vote_labels
from lib.resolve.people import person_clusters
from lib.resolve.person_links import link_people, person_forms
from lib.resolve.short_forms import fold_short_forms
from lib.resolve.storms import fold_storm_names
from lib.resolve.typed_apart import fold_acronyms_across_labels, fold_school_towns
from lib.schema import NAME_LABELS


def canonical_base(key: str, expansion: str) -> tuple[str, str | None]:
    """(canonical, gazetteer label or None) of a cleaned mention key."""
    gaz = gazetteer()
    if expansion:
        hit = gaz.lookup(expansion)
        return (hit[0], hit[1]) if hit else (expansion, None)
    hit = gaz.lookup(key)
    if hit:
        return hit
    base, is_region = strip_region(key)
    if is_region:
        hit = gaz.lookup(base)
        return (hit[0], hit[1]) if hit else (base, None)
    if " " in key and not key.isupper():
        first, rest = key.split(" ", 1)
        hit = gaz.lookup(first)
        if hit and hit[1] == "ORG" and first.isupper():
            return f"{hit[0]} {rest}", None
    return key, None


def shrink_headings(
    df: pd.DataFrame, supported: set[str], known: dict[str, str | None]
) -> pd.DataFrame:
    """Headline spans: keep supported ones, shrink others to a supported prefix, else drop."""
    rows = df.index[df["in_title"] & ~df["entity"].isin(supported)]
    drop = []
    for idx in rows:
        words = df.at[idx, "text"].split(" ")
        for k in range(len(words) - 1, 0, -1):
            prefix = " ".join(words[:k])
            canon, lab = canonical_base(prefix, "")
            if lab or canon in supported or prefix in supported:
                if lab:
                    known[canon] = lab
                df.at[idx, "text"] = prefix
                df.at[idx, "entity"] = canon
                df.at[idx, "end_char"] = df.at[idx, "start_char"] + len(prefix)
                break
        else:
            drop.append(idx)
    return df.drop(index=drop)


def story_keys(df: pd.DataFrame) -> pd.Series:
    """The story of each row: ``story_id`` when the table has one, else one story for the
    whole corpus. Cross-article passes (nicknames, short forms, names the model missed in
    one outlet) look only within a story."""
    if "story_id" in df.columns:
        return df["story_id"].fillna("").astype(str)
    return pd.Series("", index=df.index, dtype=object)


def link_nicknames(df: pd.DataFrame) -> pd.Series:
    """Entity per mention with a nickname written inside a name (``Thomas "Tam" Okoro``)
    read as that person: "Tam" alone and "Tam Okoro" become "Thomas Okoro" in the same
    article, or anywhere in the story when one person only has that nickname there; such
    mentions are labelled PERSON in ``df`` (a "Del." read as Delaware is Delbert)."""
    named = df[df["nickname"].astype(str) != ""]
    if named.empty:
        return df["entity"]
    story = story_keys(df)
    in_doc = {
        (d, n): e
        for d, n, e in zip(named["doc_id"], named["nickname"], named["entity"], strict=True)
    }
    in_story: dict[tuple, set[str]] = {}
    for st, n, e in zip(story[named.index], named["nickname"], named["entity"], strict=True):
        in_story.setdefault((st, n), set()).add(e)
    out, labels = [], []
    for d, st, ent, text, lab, prev in zip(
        df["doc_id"], story, df["entity"], df["text"], df["label"], df["prev_word"], strict=True
    ):
        # the text as written: "Del." may have been read as Delaware
        words = text.rstrip(".").split(" ") if " " not in ent else ent.split(" ")
        nick = words[0] if len(words) <= 2 else ""
        full = in_doc.get((d, nick))
        if full is None and len(in_story.get((st, nick), ())) == 1:
            full = next(iter(in_story[(st, nick)]))
        same_surname = full is not None and (len(words) == 1 or full.split(" ")[-1] == words[-1])
        same_surname &= not (lab == "GPE" and prev == ",")  # "Dover, Del." is Delaware
        out.append(full if same_surname else ent)
        labels.append("PERSON" if same_surname else lab)
    df["label"] = labels
    return pd.Series(out, index=df.index, dtype=object)


def _resolve_people(df: pd.DataFrame, known: dict[str, str | None]) -> pd.DataFrame:
    """Person names: "Barack" of "Barack and Michelle Obama" read as "Barack Obama", one
    canonical form per person, one-word names linked (see :mod:`lib.resolve.people`)."""
    hinted = df["full_hint"].astype(str) != ""
    df.loc[hinted, "entity"] = df.loc[hinted, "full_hint"]
    df["entity"] = link_nicknames(df)
    forms = person_forms(df)
    canon = person_clusters(forms, df)
    df["entity"] = link_people(df, known, canon)
    df["entity"] = df["entity"].map(lambda e: canon.get(e, e))
    return df


def spelling_key(name: str) -> str:
    """Names equal but for case, accents, apostrophes, hyphens and spaces share this key
    ("YA'AN", "Ya'an", "Yaan")."""
    folded = ascii_fold(name).lower()
    return "".join(ch for ch in folded if ch.isalnum())


def _well_cased(name: str) -> bool:
    return not (name.isupper() and len(name) > 4)


def fold_spellings(df: pd.DataFrame) -> pd.Series:
    """Entity per mention with spelling variants of one non-person name folded to its most
    used well-cased spelling (an all-capitals headline form only if nothing else)."""
    names = df.loc[df["label"] != "PERSON", "entity"].value_counts()
    groups: dict[str, list[str]] = {}
    for name in names.index:  # most used first
        groups.setdefault(spelling_key(name), []).append(name)
    mapping = {}
    for forms in groups.values():
        if len(forms) < 2:
            continue
        best = next((f for f in forms if _well_cased(f)), forms[0])
        mapping.update({f: best for f in forms if f != best})
    return df["entity"].map(lambda e: mapping.get(e, e)) if mapping else df["entity"]


def with_article(df: pd.DataFrame, known: dict[str, str | None]) -> pd.Series:
    """Entity per mention with a place the gazetteer knows only with its article ("The
    Hague", "The Bronx") read so where the text writes "the" before the name ("in the
    Hague", which the model tags "Hague"); "Hague said" stays a name of its own (a
    person's, perhaps). ``known`` gains the places found."""
    gaz = gazetteer()
    after_the = df["prev_word"].astype(str) == "the"
    mapping = {}
    for entity in set(df.loc[after_the, "entity"]):
        hit = None if " " in entity or known.get(entity) else gaz.lookup(f"The {entity}")
        if hit is not None and hit[0].startswith("The ") and hit[1] in PLACE_LABELS:
            mapping[entity] = hit[0]
            known[hit[0]] = hit[1]
    if not mapping:
        return df["entity"]
    found = after_the & df["entity"].isin(mapping.keys())
    return df["entity"].where(~found, df["entity"].map(mapping))


#: Labels of places, for :func:`fold_bare_places`.
PLACE_LABELS = ("GPE", "LOC")


def fold_bare_places(df: pd.DataFrame, stories: pd.Series) -> pd.Series:
    """Entity per mention with a one-word place the gazetteer does not know read as the one
    known place of its story that it ends: "Korea" beside "South Korea" (and no "North
    Korea"), "Dakota" beside "North Dakota" only. Known places ("Sudan", "Jersey") and a
    word two places of the story end ("Korea" beside both Koreas) stay as they are."""
    gaz = gazetteer()
    places = df["label"].isin(PLACE_LABELS)
    longer: dict[tuple[str, str], set[str]] = {}
    for story, entity in set(zip(stories[places], df.loc[places, "entity"], strict=True)):
        if " " in entity and gaz.lookup(entity) is not None:
            longer.setdefault((story, entity.rsplit(" ", 1)[-1]), set()).add(entity)
    if not longer:
        return df["entity"]
    out = []
    for story, entity, is_place in zip(stories, df["entity"], places, strict=True):
        full = longer.get((story, entity), ()) if is_place and " " not in entity else ()
        one = len(full) == 1 and gaz.lookup(entity) is None
        out.append(next(iter(full)) if one else entity)
    return pd.Series(out, index=df.index, dtype=object)


def resolve_entities(mentions: pd.DataFrame) -> pd.DataFrame:
    """Corpus-level pass: canonical ``entity``, final ``label``, rejects dropped.

    Input columns: ``doc_id, outlet, sentence_id, start_char, end_char, text,
    label`` plus optional cue columns from :func:`mention_records` (missing
    ones get empty defaults). Output: the same columns plus ``entity``, rows
    in input order minus rejected ones (non-names, headline fragments). The
    surface ``text`` is kept (cleaned of possessives and titles).
    """
    df = mentions.copy()
    for col, default in CUE_DEFAULTS.items():
        if col not in df.columns:
            df[col] = default
        else:
            df[col] = df[col].fillna(default)
    df["in_title"] = df["in_title"].astype(bool)
    if df.empty:
        df["entity"] = pd.Series(dtype=str)
        return df
    df = df[~df["text"].str.contains("\n", regex=False)]
    pairs = df[["text", "label"]].drop_duplicates()
    cleaned = {(t, lab): clean_entity_text(t, lab) for t, lab in rows(pairs, "text", "label")}
    df["text"] = pair_series(df, "text", "label").map(cleaned)
    df = df[df["text"].notna()].copy()
    if df.empty:
        df["entity"] = pd.Series(dtype=str)
        return df
    df["key"] = df["text"].map({t: norm_key(t) for t in df["text"].unique()})
    base = {}
    for key, exp in rows(df[["key", "expansion"]].drop_duplicates(), "key", "expansion"):
        base[(key, exp)] = canonical_base(key, exp)
    # acronyms defined in one document name the same thing in every document
    defined = df.loc[df["expansion"] != "", ["key", "expansion"]].drop_duplicates()
    corpus_exp = defined.groupby("key")["expansion"].agg(lambda s: s.iloc[0] if len(s) == 1 else "")
    corpus_exp = corpus_exp[corpus_exp != ""]
    need = (df["expansion"] == "") & df["key"].isin(corpus_exp.index)
    df.loc[need, "expansion"] = df.loc[need, "key"].map(corpus_exp)
    for key, exp in rows(df.loc[need, ["key", "expansion"]].drop_duplicates(), "key", "expansion"):
        base[(key, exp)] = canonical_base(key, exp)
    pairs = pair_series(df, "key", "expansion")
    resolved = pairs.map(base)
    df["entity"] = [pair[0] for pair in resolved]
    known: dict[str, str | None] = {}
    for canon, lab in base.values():
        if lab or canon not in known:
            known[canon] = lab
    df["entity"] = with_article(df, known)  # "in the Hague": The Hague
    body = df.loc[~df["in_title"]]
    supported = set(body["entity"]) | {e for e, lab in known.items() if lab}
    people = body.loc[body["label"] == "PERSON", "entity"]
    supported |= {p.rsplit(" ", 1)[-1] for p in people if " " in p}  # "Roe" of "Ada Roe"
    df = shrink_headings(df, supported, known)
    df = _resolve_people(df, known)
    model = df["label"].copy()  # the model's labels, before the vote
    df["entity"] = fold_spellings(df)
    df["label"] = vote_labels(df, known)
    before = df["entity"]
    df["entity"] = fold_short_forms(df, story_keys(df))  # "the Post", "Springfield"
    df["entity"] = fold_acronyms_across_labels(df, story_keys(df))  # "QHC" / its building
    df["entity"] = fold_school_towns(df, story_keys(df), model)  # "Brakeford" / its university
    df["entity"] = fold_bare_places(df, story_keys(df))  # "Korea" of "South Korea"
    df["entity"], df["label"] = fold_storm_names(df, story_keys(df))  # "Odalys"
    df["entity"] = read_dual_places(df, story_keys(df))  # "New York": the state or the city
    orgs = set(df.loc[df["label"] == "ORG", "entity"])
    joined = (df["entity"] != before) & (df["label"] != "ORG") & df["entity"].isin(orgs)
    df.loc[joined, "label"] = "ORG"  # "the Enquirer" read as a person is the newspaper
    df["label"] = vote_labels(df, known)
    bad = df["entity"].map({e: clean_entity_text(e) is None for e in df["entity"].unique()})
    bad = bad.astype(bool)  # an empty frame maps to a text column
    df = df[~bad & df["label"].isin(NAME_LABELS)]
    return df.drop(columns=["key"])
