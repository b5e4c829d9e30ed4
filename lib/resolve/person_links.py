"""One-word person names linked to the full names of :mod:`lib.resolve.people`.

A surname or a given name (or a family name written first, "Li" of "Li Keqiang") takes the
one person of the same article it belongs to; when the article names two (Hillary and Bill
Clinton) it takes the nearest one named before it whose gender fits a courtesy title
("Mrs. Clinton"); a surname no article name explains takes the corpus's one person with
that surname, if there is exactly one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from lib.nlp.names import is_bare_surname, surname_keys
from lib.nlp.people import SUFFIXES, given_name_gender
from lib.nlp.people import vocab as people_vocab
from lib.resolve.labels import head_label
from lib.resolve.people import Name, fold, is_initial, parse_name


@dataclass
class _Person:
    canonical: str
    name: Name
    gender: str | None


def _gender(name: Name) -> str | None:
    g, weight = given_name_gender(name.first)
    return g if weight >= 1.0 else None


#: A surname two people of an article share goes to the one named in full this many times
#: more often in the corpus.
DOMINANCE = 3


class _DocPeople:
    """Full-name mentions of one document and who each single word can stand for."""

    def __init__(self, people: list[_Person]):
        self.gender: dict[str, str | None] = {}
        self.by_last: dict[str, set[str]] = defaultdict(set)
        self.by_first: dict[str, set[str]] = defaultdict(set)
        for p in people:
            self.gender[p.canonical] = p.gender
            for key in surname_keys(p.name.key):
                self.by_last[key].add(p.canonical)
            self.by_first[fold(p.name.first)].add(p.canonical)
            for m in p.name.middles:
                if not is_initial(m):
                    self.by_last[fold(m)].add(p.canonical)  # "Peña" of "Enrique Peña Nieto"

    def resolve(self, word: str, gender: str, weight: dict[str, int]) -> str | None:
        """The one person of the document ``word`` names. With several (Bill and Hillary
        Clinton): the one a courtesy title's gender leaves, else the one the corpus names in
        full at least :data:`DOMINANCE` times as often as each other ("Trump" beside a
        "Melania Trump" named twice), else nobody."""
        key = fold(word)
        cands = self.by_last.get(key) or self.by_first.get(key)
        if not cands:
            return None
        if gender:
            # "Mrs. Biden" is not Joseph R. Biden Jr., "Mr. Obama" not Malia Obama
            cands = {c for c in cands if self.gender.get(c) in (gender, None)}
        if len(cands) > 1:
            ranked = sorted(cands, key=lambda c: -weight.get(c, 0))
            top, second = weight.get(ranked[0], 0), weight.get(ranked[1], 0)
            return ranked[0] if top >= DOMINANCE * max(second, 1) else None
        return next(iter(cands)) if cands else None


#: Words no person's name holds, whatever their case: a slogan or a title ("Settle For
#: Roe", "Friends of Roe") ends in a name without being one.
NOT_NAME_WORDS = frozenset({"for", "of", "the", "and", "to", "with", "from", "by", "on", "at"})


def _may_be_person(name: str) -> bool:
    """A multi-word name that can be a person's: no thing's last word ("Halvorsen Tower"),
    no word of :data:`NOT_NAME_WORDS` ("Settle For Roe") and no comma but before a suffix
    ("Dover, Delaware" no; "Jay Roe, Jr." yes)."""
    if head_label(name) is not None:
        return False
    if any(w.lower() in NOT_NAME_WORDS for w in name.split()):
        return False
    tail = name.split(", ", 1)[1] if ", " in name else ""
    return not tail or tail.lower() in SUFFIXES


def person_forms(df: pd.DataFrame) -> pd.Series:
    """The entity of every mention that names a person in full: a multi-word name labelled
    PERSON (or after a title) anywhere in the corpus, or one the model called something
    else whose surname is a PERSON on its own in the same article ("Aitan Goelman" ORG
    beside "Goelman" PERSON)."""
    is_person = (df["label"] == "PERSON") | (df["cue"] == "title")
    multi = ~df["entity"].map(is_bare_surname).astype(bool)
    # not "Halvorsen Tower", "Dover, Delaware"
    multi &= df["entity"].map(_may_be_person).astype(bool)
    person_names = set(df.loc[is_person & multi, "entity"])
    alone = df.loc[is_person & ~multi]
    lone = set(zip(alone["doc_id"], alone["entity"], strict=True))
    extra = [
        e in person_names or (d, e.rsplit(" ", 1)[-1]) in lone
        for d, e in zip(df.loc[multi, "doc_id"], df.loc[multi, "entity"], strict=True)
    ]
    chosen = df.loc[multi].loc[extra]
    return chosen["entity"]


def _dominant(target: str, same_surname: set[str], weight: dict, gender: str, sexes: dict) -> str:
    """A surname an article explains by one person ("Ivanka Trump" named once) goes to the
    corpus's much more often named bearer of it instead ("Donald Trump"), unless a courtesy
    title's gender rules that one out."""
    rivals = [
        r
        for r in same_surname - {target}
        if not (gender and sexes.get(r) not in (gender, None))
        and weight.get(r, 0) >= DOMINANCE * max(weight.get(target, 0), 1)
    ]
    return max(rivals, key=lambda r: weight.get(r, 0)) if rivals else target


def _corpus_owner(word, gender, corpus_last, corpus_first, weight, sexes, given) -> str | None:
    """The corpus's person for a word no article name explains: its one bearer (surname,
    or a clear given name: "Heidi" of "Heidi Cruz"), of a gender a courtesy title allows,
    or the one named in full :data:`DOMINANCE` times as often as each other."""
    owners = corpus_last.get(fold(word), set())
    if not owners and given:
        owners = corpus_first.get(fold(word), set())
    owners = {o for o in owners if not (gender and sexes.get(o) not in (gender, None))}
    if len(owners) == 1:
        return next(iter(owners))
    if len(owners) > 1:
        ranked = sorted(owners, key=lambda o: -weight.get(o, 0))
        if weight.get(ranked[0], 0) >= DOMINANCE * max(weight.get(ranked[1], 0), 1):
            return ranked[0]
    return None


#: Irregular forms of reporting verbs ("said" of "say").
IRREGULAR_REPORTING = {"said": "say", "told": "tell", "wrote": "write", "spoke": "speak"}


def reports(word: str) -> bool:
    """Is ``word`` (lower case, as written) a form of a reporting verb of
    ``lib/data/attribution.json`` ("said", "says", "told", "added", "insisted")?"""
    lemmas = people_vocab()["reporting_verbs"]
    forms = {word, IRREGULAR_REPORTING.get(word, word), word[:-1], word[:-2], word[:-3] + "y"}
    return len(word) > 2 and bool(forms & lemmas)


class _Linker:
    """Indexes of the full-name mentions of a corpus, and the rules that link one word."""

    def __init__(self, df: pd.DataFrame, known: dict[str, str | None], canon: dict[str, str]):
        self.known = known
        is_person = (df["label"] == "PERSON") | (df["cue"] == "title")
        people: dict[str, list[_Person]] = defaultdict(list)
        self.last: dict[str, set[str]] = defaultdict(set)
        self.first: dict[str, set[str]] = defaultdict(set)
        full = df.loc[df["entity"].isin(canon.keys()), ["doc_id", "entity"]]
        for doc_id, entity in full.drop_duplicates().itertuples(index=False):
            name = parse_name(entity)
            person = _Person(canon[entity], name, _gender(parse_name(canon[entity]) or name))
            people[doc_id].append(person)
            for key in surname_keys(name.key):
                self.last[key].add(person.canonical)
            self.first[fold(name.first)].add(person.canonical)
        self.per_doc = {d: _DocPeople(v) for d, v in people.items()}
        self.weight = full["entity"].map(canon).value_counts().to_dict()  # full-name mentions
        self.sexes = {p.canonical: p.gender for v in people.values() for p in v}
        # people written with a job title somewhere ("President Barack Obama"): a titled
        # bare surname ("President Obama") is one of them, not a daughter named in full
        self.titled = {canon[e] for e in set(df.loc[df["cue"] == "title", "entity"]) if e in canon}
        single = df["entity"].map(is_bare_surname).astype(bool)
        named = df.loc[single & is_person]
        self.person_words = set(zip(named["doc_id"], named["entity"], strict=True))
        # a word the corpus mostly calls a person ("Palin" tagged ORG once) is a name
        share = df.loc[single].assign(p=is_person[single]).groupby("entity")["p"].mean()
        self.mostly_person = set(share.index[share >= 0.5])
        # a word the model calls a place but no gazetteer knows ("Palin (12 percent)")
        in_gazetteer = df["entity"].map(lambda e: known.get(e) is not None).astype(bool)
        unknown_place = single & (df["label"] == "GPE") & ~in_gazetteer
        doubtful = df.loc[unknown_place]
        self.doubtful = set(zip(doubtful["doc_id"], doubtful["entity"], strict=True))
        place_cue = df.loc[single & df["cue"].isin(["in", "region", "based"])]
        self.place_words = set(zip(place_cue["doc_id"], place_cue["entity"], strict=True))
        strong = df.loc[single & df["cue"].isin(["place", "state", "city"])]  # place_cues.py
        self.places = set(zip(strong["doc_id"], strong["entity"].map(fold), strict=True))
        # "Halloran Motors Corp." in an article: its bare "Halloran" may be the company
        orgs = df.loc[~single & (df["label"] == "ORG")]
        first = orgs["entity"].str.split(" ", n=1).str[0]
        self.org_first = set(zip(orgs["doc_id"], first, strict=True))
        # "Brandt said": a reporting verb after the bare word marks a person (class 1)
        nxt = df["next_word"] if "next_word" in df.columns else pd.Series("", index=df.index)
        said = single & nxt.fillna("").astype(str).map(reports).astype(bool)
        self.reported = set(zip(df.loc[said, "doc_id"], df.loc[said, "entity"], strict=True))

    def link(self, doc_id: str, word: str, gender: str, has_title: bool) -> str | None:
        key = fold(word)
        doc_people = self.per_doc.get(doc_id)
        in_doc = doc_people is not None and (
            doc_people.by_last.get(key) or doc_people.by_first.get(key)
        )
        if (doc_id, key) in self.places or (not in_doc and key in {k for _, k in self.places}):
            return None  # "the mayor of X", "X, Y and Z counties": the story makes X a place
        # a place name is a person's name only when the article names that person in full
        # and never uses the word as a place ("Garland" of "Merrick Garland", "Nancy")
        if self.known.get(word) is not None and not (
            in_doc and (doc_id, word) not in self.place_words
        ):
            return None
        same = self.last.get(key, set())
        target = doc_people.resolve(word, gender, self.weight) if doc_people else None
        if target is not None and doc_people.by_last.get(key):
            target = _dominant(target, same, self.weight, gender, self.sexes)
            titled = same & self.titled
            if has_title and not gender and target not in self.titled and len(titled) == 1:
                target = next(iter(titled))  # a job title, not "Mrs."
        person = (
            (doc_id, word) in self.person_words
            or word in self.mostly_person
            or (doc_id, word) in self.doubtful
        )
        given = given_name_gender(word)[1] >= 0.5  # a given name ("Heidi", "Sasha")
        if target is None and self._company_word(doc_id, word, gender, has_title):
            return None
        if target is None and ((person and self.known.get(word) is None) or given):
            target = _corpus_owner(
                word, gender, self.last, self.first, self.weight, self.sexes, given
            )
        return target

    def _company_word(self, doc_id: str, word: str, gender: str, has_title: bool) -> bool:
        """A word the article writes as the first word of an organisation's name and never
        as a person's ("Halloran shares fell" beside "Halloran Motors Corp."), with no title
        or courtesy title and never before a reporting verb there: the company named after a
        person, not that person ("Brandt said" beside "Brandt Foundation" still is)."""
        return (
            (doc_id, word) in self.org_first
            and (doc_id, word) not in self.person_words
            and (doc_id, word) not in self.reported
            and not gender
            and not has_title
        )


def _titled_bearers(linker: _Linker, open_keys: pd.DataFrame) -> pd.Series:
    """A bare surname after a job title ("Former Governor Pryce") that two people of its
    article share, neither named far more often, is the one of them the corpus writes with
    a job title (the governor, not his daughter). A courtesy title ("Mr.") is no job; and
    without a title the surname stays unlinked: the nearest full name before it was tried
    and is often the relative introduced beside the one meant ("Pryce's son, Carl Pryce, …
    Pryce said")."""
    out: dict = {}
    for idx, (doc_id, word, honorific, title) in open_keys.iterrows():
        doc_people = linker.per_doc.get(doc_id)
        if not title or honorific or doc_people is None or linker.known.get(word) is not None:
            continue
        cands = doc_people.by_last.get(fold(word)) or set()
        titled = cands & linker.titled
        if len(cands) > 1 and len(titled) == 1:
            out[idx] = next(iter(titled))
    return pd.Series(out, dtype=object)


def link_people(df: pd.DataFrame, known: dict[str, str | None], canon: dict[str, str]) -> pd.Series:
    """Entity per mention with one-word person names linked to their full name.

    ``df`` has ``doc_id, entity, label, cue`` (+ ``honorific``: "m" / "f" / ""); ``canon``
    maps full-name forms to canonical names (:func:`person_clusters`); ``known`` holds
    gazetteer labels. Two passes: what the first links counts as evidence in the second
    ("Mr. Trump" linked in one article tips an ambiguous "Trump" in another).
    """
    linker = _Linker(df, known, canon)
    single = df["entity"].map(is_bare_surname).astype(bool)
    honor = df["honorific"] if "honorific" in df else pd.Series("", index=df.index)
    keys = pd.DataFrame(
        {"doc_id": df.loc[single, "doc_id"], "entity": df.loc[single, "entity"]}
    ).assign(
        honorific=honor[single].fillna("").astype(str),
        title=(df.loc[single, "cue"] == "title").to_numpy(),
    )
    key_tuples = list(keys.itertuples(index=False, name=None))
    uses = pd.Series(key_tuples).value_counts().to_dict()
    links: dict[tuple, str] = {}
    for _pass in range(2):
        for key in uses:
            if key not in links:
                target = linker.link(*key)
                if target is not None:
                    links[key] = target
        extra = defaultdict(int)
        for key, target in links.items():
            extra[target] += uses[key]
        linker.weight = {
            p: linker.weight.get(p, 0) + extra.get(p, 0) for p in set(linker.weight) | set(extra)
        }
    mapped = pd.Series([links.get(k) for k in key_tuples], index=keys.index, dtype=object)
    titled = _titled_bearers(linker, keys.loc[mapped.isna()])
    mapped.loc[titled.index] = titled
    out = df["entity"].copy()
    hit = mapped.notna()
    out.loc[mapped.index[hit]] = mapped[hit]
    return out
