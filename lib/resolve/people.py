"""One person, one entity, whatever each outlet's style.

Full names are parsed with ``nameparser`` (given name, middle names and initials, surname,
suffix) and grouped per surname across the corpus: two forms are one person when their
given names agree (the same, an initial, a nickname from ``lib/data/nicknames.csv``:
Bill/William, or a name the person goes by as a middle name: "A. Barry Rand", "Byron Todd
Jones"), their middle initials do not contradict each other and their suffixes do not
differ (Jr./Sr.). A form that fits two different people ("George Bush" beside "George W.
Bush" and "George H. W. Bush") stays apart: two people are never merged.

One-word names are then linked mention by mention: a surname or a given name (or a family
name written first, "Li" of "Li Keqiang") takes the one person of the same article it
belongs to; when the article names two (Hillary and Bill Clinton) it takes the nearest one
named before it whose gender fits a courtesy title ("Mrs. Clinton"); a surname no article
name explains takes the corpus's one person with that surname, if there is exactly one.
"""

from __future__ import annotations

import bisect
import functools
import os
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from lib.datafiles import read_csv
from lib.nlp.gazetteer import ascii_fold
from lib.nlp.names import is_bare_surname, surname_keys
from lib.nlp.people import SUFFIXES, given_name_gender, name_words
from lib.nlp.people import vocab as people_vocab
from lib.resolve.grouping import UnionFind
from lib.resolve.labels import head_label


@functools.lru_cache(maxsize=1)
def nicknames() -> dict[str, set[str]]:
    """Lower-case given name -> the lower-case names it may be short for or stand for."""
    out: dict[str, set[str]] = defaultdict(set)
    for row in read_csv("nicknames.csv"):
        nick, formal = row["nickname"].lower(), row["formal"].lower()
        out[nick].add(formal)
        out[formal].add(nick)
    return out


@functools.lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """Comparison key of a name word: accents, case, dots and apostrophes ignored."""
    return ascii_fold(word).lower().replace(".", "").replace("'", "").replace("’", "")


#: Spelling variants of one surname ("Navalny" / "Navalnyy"): minimum length and rapidfuzz
#: ratio, differing only at the end.
FUZZY_MIN_LEN = 6
FUZZY_MIN_RATIO = 88


def similar_surname(a: str, b: str) -> bool:
    """Spelling variants of one surname, both >= 6 letters: differing at the end ("Navalny"
    / "Navalnyy") or by two swapped letters ("Priebus" / "Preibus"); "Johnson" / "Johnston"
    differ inside and are not."""
    from rapidfuzz import fuzz

    a, b = fold(a), fold(b)
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LEN:
        return False
    if len(a) == len(b):  # two letters swapped: "Priebus" / "Preibus"
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]:
            return a[diff[1]] == b[diff[0]]
    prefix = len(os.path.commonprefix([a, b]))
    return prefix >= min(len(a), len(b)) - 1 and fuzz.ratio(a, b) >= FUZZY_MIN_RATIO


@dataclass(frozen=True)
class Name:
    """A parsed full name."""

    text: str
    first: str
    middles: tuple[str, ...]
    last: str
    suffix: str
    key: str  # fold(last)


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[:1].isalpha()


@functools.lru_cache(maxsize=200_000)
def parse_name(text: str) -> Name | None:
    """``Name`` of a full name of two or more words (courtesy titles dropped), else None."""
    from nameparser import HumanName  # small and pure Python; only when people are resolved

    words = name_words(text)
    if len(words) < 2 or is_bare_surname(" ".join(words)):  # "Van der Berg" is a surname
        return None
    h = HumanName(" ".join(words))
    first, last = h.first, h.last
    if not first or not last:
        return None
    middles = tuple(h.middle.split()) if h.middle else ()
    return Name(text, first, middles, last, _suffix(text), fold(last))


def _suffix(text: str) -> str:
    """The generational suffix ending a name ("jr", "sr", "iii"), else ""."""
    words = text.replace(",", " ").split()
    last = words[-1].lower().rstrip(".") if words else ""
    return last if last in {s.rstrip(".") for s in SUFFIXES} else ""


def firsts_agree(a: str, b: str) -> bool:
    """Two given names that can be one person's: equal, an initial, a nickname, or one a
    prefix of the other of three letters or more ("Chris" / "Christopher")."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if _is_initial(a) or _is_initial(b):
        return fa[0] == fb[0]
    nick = nicknames()
    if (
        fb in nick.get(fa, ())
        or fa in nick.get(fb, ())
        or nick.get(fa, set()) & nick.get(fb, set())
    ):
        return True
    short, long_ = sorted((fa, fb), key=len)
    return len(short) >= 3 and long_.startswith(short)


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return True
    ia, ib = [fold(m)[:1] for m in a], [fold(m)[:1] for m in b]
    return ia == ib


def same_person(a: Name, b: Name) -> bool:
    """Can these two full names be one person? (See the module docstring.)"""
    if a.key != b.key and not similar_surname(a.key, b.key):
        return False
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return False
    if firsts_agree(a.first, b.first):
        return _middles_agree(a.middles, b.middles)
    # a person who goes by a middle name: "A. Barry Rand" ~ "Barry Rand"
    for x, y in ((a, b), (b, a)):
        if x.middles and not y.middles and any(firsts_agree(m, y.first) for m in x.middles):
            if not _is_initial(x.middles[0]) or _is_initial(x.first):
                return True
    return False


def _fits(name: Name, cluster: list[Name]) -> bool:
    """Given names, initials and suffixes that agree with every form of the cluster."""
    return all(same_person(name, m) for m in cluster)


class _Evidence:
    """Where each full-name form is named and with which job titles (see
    :func:`person_clusters`)."""

    def __init__(self, context: pd.DataFrame | None):
        self.docs: dict[str, set] = defaultdict(set)
        self.titles: dict[str, set[str]] = defaultdict(set)
        self.doc_titles: dict[tuple, set[str]] = defaultdict(set)  # (doc, surname) -> titles
        self.first_at: dict[tuple, int] = {}  # (form, doc) -> first mention's offset
        self.kin: set[tuple] = set()  # (form, doc) written beside "father", "son" ...
        self.story: dict[str, str] = {}  # doc -> story
        if context is None:
            return
        honorifics = {h.lower() for h in people_vocab()["honorifics"]}
        cols = ["doc_id", "entity", "cue", "prev_word"]
        extra = context.reindex(columns=["start_char", "kin"])
        stories = context["story_id"] if "story_id" in context.columns else [""] * len(context)
        for (doc, entity, cue, prev), start, kin, story in zip(
            context[cols].itertuples(index=False),
            extra["start_char"],
            extra["kin"],
            stories,
            strict=True,
        ):
            self.docs[entity].add(doc)
            self.story[doc] = story
            if start == start and start is not None:  # not NaN
                key = (entity, doc)
                self.first_at[key] = min(self.first_at.get(key, int(start)), int(start))
            if kin is True:
                self.kin.add((entity, doc))
            if cue == "title" and prev and prev not in honorifics:
                self.titles[entity].add(prev)
                if " " not in entity:
                    self.doc_titles[(doc, fold(entity))].add(prev)

    def relatives(self, name: Name, cluster: list[Name]) -> bool:
        """Is ``name`` the father or son of a form in ``cluster``?"""
        for other in cluster:
            if bool(name.suffix) == bool(other.suffix):
                continue
            plain, suffixed = (other, name) if name.suffix else (name, other)
            if any(self._two_in(doc, plain.text, suffixed.text)
                   for doc in self.docs[plain.text] & self.docs[suffixed.text]):  # fmt: skip
                return True
            own = self.titles[suffixed.text]
            for doc in self.docs[suffixed.text]:
                titled = self.doc_titles.get((doc, suffixed.key), set()) - own
                if titled & self.titles[plain.text]:
                    return True
        return False

    def _two_in(self, doc: str, plain: str, suffixed: str) -> bool:
        """Does ``doc`` name two people, "Donald Trump" and "Donald Trump Jr."? Yes when a
        kinship word stands beside either ("his father, Donald Trump") or the plain form
        comes first (the father introduced before the son); "Daniel J. Reyes Jr." then
        "Daniel Reyes" is one man named in full, then shorter."""
        if (plain, doc) in self.kin or (suffixed, doc) in self.kin:
            return True
        first_plain = self.first_at.get((plain, doc))
        first_suffixed = self.first_at.get((suffixed, doc))
        return first_plain is None or first_suffixed is None or first_plain < first_suffixed

    def stories(self, names: list[Name]) -> set[str]:
        return {self.story.get(d, "") for n in names for d in self.docs[n.text]}


#: Surnames one letter apart are one person's ("Okoro" / "Okaro") from this length on.
TYPO_MIN_LEN = 5


def _join_typos(clusters: list[list[Name]], evidence: _Evidence) -> list[list[Name]]:
    """Clusters whose main forms share a given name and whose surnames (5+ letters, same
    length and first letter) differ in one letter ("Thomas Okoro" / "Thomas Okaro"), in one
    story but never in one article together: one person, misspelled by one outlet. A letter
    added is another name ("Kelly" / "Kelley", "Johnson" / "Johnston")."""
    from rapidfuzz.distance import Hamming

    by_first: dict[str, list[int]] = defaultdict(list)
    for i, cluster in enumerate(clusters):
        by_first[fold(cluster[0].first)].append(i)
    uf = UnionFind(len(clusters))
    docs = {i: set().union(*(evidence.docs[n.text] for n in c)) for i, c in enumerate(clusters)}
    for group in by_first.values():
        if len(group) < 2 or len(group) > 300:  # bounded: one given name, few people
            continue
        for k, a in enumerate(group):
            for b in group[k + 1 :]:
                ka, kb = clusters[a][0].key, clusters[b][0].key
                if ka == kb or len(ka) != len(kb) or len(ka) < TYPO_MIN_LEN or ka[0] != kb[0]:
                    continue
                if not (ka.isalpha() and kb.isalpha()):
                    continue
                if Hamming.distance(ka, kb) != 1:
                    continue  # one letter swapped for another, not added ("Kelly" / "Kelley")
                ra, rb = uf.find(a), uf.find(b)
                if ra == rb or docs[ra] & docs[rb]:
                    continue  # named in one article together: two people
                if evidence.stories(clusters[a]) & evidence.stories(clusters[b]):
                    kept, gone = uf.union(ra, rb)
                    docs[kept] |= docs.pop(gone)
    groups: dict[int, list[Name]] = defaultdict(list)
    for i, root in enumerate(uf.roots()):
        groups[root].extend(clusters[i])
    return list(groups.values())


def _similar_keys(keys: list[str]) -> list[tuple[str, str]]:
    """Pairs of surname keys that are spelling variants (see :func:`similar_surname`),
    found through a sorted list, never by comparing every pair."""
    ordered = sorted(k for k in keys if len(k) >= FUZZY_MIN_LEN)
    pairs = []
    for short in ordered:
        stem = short[:-1]
        i = bisect.bisect_left(ordered, stem)
        while i < len(ordered) and ordered[i].startswith(stem):
            other = ordered[i]
            if other != short and len(other) >= len(short) and similar_surname(short, other):
                pairs.append((short, other))
            i += 1
    anagrams: dict[str, list[str]] = defaultdict(list)  # swapped letters: same letters
    for key in ordered:
        anagrams["".join(sorted(key))].append(key)
    for group in anagrams.values():
        for i, a in enumerate(group):
            pairs += [(a, b) for b in group[i + 1 :] if similar_surname(a, b)]
    return pairs


def person_clusters(names: pd.Series, context: pd.DataFrame | None = None) -> dict[str, str]:
    """Canonical full name for every full-name form in ``names`` (a Series of the forms of
    every person mention; counts decide the canonical form: the most used one).

    ``context`` (all mentions: ``doc_id, entity, cue, prev_word``) adds the father-and-son
    vetoes: a form with a generational suffix and the same name without it are two people
    when both are named in one article ("Donald Trump Jr." beside "Donald Trump"), or when
    the suffixed form's article gives the bare surname a job title that the suffix-less
    form carries elsewhere and the suffixed form never does ("President Trump" in an article
    about "Donald Trump Jr.", "President Donald Trump" in another).
    """
    counts = names.value_counts()
    evidence = _Evidence(context)
    parsed = {text: parse_name(text) for text in counts.index}
    # the most specific forms first (suffix, middle names), so that a plainer form which
    # fits two of them ("Gerald Oakes" beside "Gerald Oakes Jr." and "Gerald Oakes Sr.")
    # sees both and joins neither
    order = sorted(
        (t for t, n in parsed.items() if n is not None),
        key=lambda t: (-(bool(parsed[t].suffix) + len(parsed[t].middles)), -counts[t]),
    )
    by_key: dict[str, list[list[Name]]] = defaultdict(list)
    for text in order:
        name = parsed[text]
        clusters = by_key[name.key]
        fits = [c for c in clusters if _fits(name, c) and not evidence.relatives(name, c)]
        if len(fits) == 1:
            fits[0].append(name)
        else:
            clusters.append([name])  # new, or fits two people: kept apart
    return _canonical(_join_typos(_join_spellings(by_key), evidence), counts)


def _join_spellings(by_key: dict[str, list[list[Name]]]) -> list[list[Name]]:
    """Clusters after spelling variants of a surname ("Gaddafi" / "Qaddafi" /
    "Kadhafi") are joined: a cluster joins the one cluster of the other spelling whose main
    form is the same person; a join that would put two people of one spelling together is
    refused."""
    flat = [(key, c) for key, clusters in by_key.items() for c in clusters]
    index = {id(c): i for i, (_, c) in enumerate(flat)}
    uf = UnionFind(len(flat))
    keys = {i: {key} for i, (key, _) in enumerate(flat)}
    for short, long_ in _similar_keys(list(by_key)):
        for cluster in by_key[short]:
            fits = [c for c in by_key[long_] if same_person(cluster[0], c[0])]
            if len(fits) != 1:
                continue
            a, b = uf.find(index[id(cluster)]), uf.find(index[id(fits[0])])
            if a != b and not keys[a] & keys[b]:
                kept, gone = uf.union(a, b)
                keys[kept] |= keys.pop(gone)
    groups: dict[int, list[Name]] = defaultdict(list)
    for i, root in enumerate(uf.roots()):
        groups[root].extend(flat[i][1])
    return list(groups.values())


def _canonical(clusters: list[list[Name]], counts: pd.Series) -> dict[str, str]:
    out: dict[str, str] = {}
    for cluster in clusters:
        best = max(cluster, key=lambda n: counts[n.text])
        for name in cluster:
            out[name.text] = best.text
    return out


# ----------------------------------------------------------------------------- one-word names


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
                if not _is_initial(m):
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


def _may_be_person(name: str) -> bool:
    """A multi-word name that can be a person's: no thing's last word ("Halvorsen Tower")
    and no comma but before a suffix ("Dover, Delaware" no; "Jay Roe, Jr." yes)."""
    if head_label(name) is not None:
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
        strong = df.loc[single & (df["cue"] == "place")]  # lib/extract/place_cues.py
        self.places = set(zip(strong["doc_id"], strong["entity"].map(fold), strict=True))

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
        if target is None and ((person and self.known.get(word) is None) or given):
            target = _corpus_owner(
                word, gender, self.last, self.first, self.weight, self.sexes, given
            )
        return target


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
    out = df["entity"].copy()
    hit = mapped.notna()
    out.loc[mapped.index[hit]] = mapped[hit]
    return out
