"""One person, one entity, whatever each outlet's style: full names.

Full names are parsed with ``nameparser`` (given name, middle names and initials, surname,
suffix) and grouped per surname across the corpus: two forms are one person when their
given names agree (the same, an initial, a nickname from ``lib/data/nicknames.csv``:
Bill/William, or a name the person goes by as a middle name: "A. Barry Rand", "Byron Todd
Jones"), their middle initials do not contradict each other and their suffixes do not
differ (Jr./Sr.). A form that fits two different people ("George Bush" beside "George W.
Bush" and "George H. W. Bush") stays apart: two people are never merged.

One-word names are linked to these people in :mod:`lib.resolve.person_links`.
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
from lib.nlp.names import is_bare_surname
from lib.nlp.people import SUFFIXES, given_name_gender, name_words
from lib.nlp.people import vocab as people_vocab
from lib.resolve.grouping import UnionFind


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


def is_initial(word: str) -> bool:
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
    if is_initial(a) or is_initial(b):
        return fa[0] == fb[0]
    nick = nicknames()
    if (
        fb in nick.get(fa, ())
        or fa in nick.get(fb, ())
        or nick.get(fa, set()) & nick.get(fb, set())
    ):
        return True
    short, long_ = sorted((fa, fb), key=len)
    return len(short) >= 3 and long_.startswith(short) and not _other_sex(a, b)


def _other_sex(a: str, b: str) -> bool:
    """Are two given names clearly a man's and a woman's ("Eric" / "Erica", "Paul" /
    "Paula")? Then the one is not the other's short form: a father and his daughter."""
    sex_a, weight_a = given_name_gender(a)
    sex_b, weight_b = given_name_gender(b)
    return bool(sex_a and sex_b and sex_a != sex_b and min(weight_a, weight_b) == 1.0)


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
            if not is_initial(x.middles[0]) or is_initial(x.first):
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
    """Clusters whose main forms share a given name (or one is the other's nickname: "Peg" /
    "Margaret"; never a bare initial) and whose surnames (5+ letters, same first letter)
    differ in one letter or a doubled one ("Thomas Okoro" / "Thomas Okaro", "Dwayne Polacek"
    / "Dwayne Pollacek"), in one story but never in one article together: one person,
    misspelled by one outlet. Another letter added is another name ("Kelly" / "Kelley",
    "Johnson" / "Johnston")."""

    by_first: dict[str, list[int]] = defaultdict(list)
    for i, cluster in enumerate(clusters):
        if cluster[0].key and not is_initial(cluster[0].first):
            by_first[cluster[0].key[0]].append(i)  # by the surname's first letter
    uf = UnionFind(len(clusters))
    docs = {i: set().union(*(evidence.docs[n.text] for n in c)) for i, c in enumerate(clusters)}
    for group in by_first.values():
        if len(group) < 2 or len(group) > 300:  # bounded: one given name, few people
            continue
        for k, a in enumerate(group):
            for b in group[k + 1 :]:
                ka, kb = clusters[a][0].key, clusters[b][0].key
                if ka == kb or min(len(ka), len(kb)) < TYPO_MIN_LEN or ka[0] != kb[0]:
                    continue
                if not (ka.isalpha() and kb.isalpha()):
                    continue
                if not _one_letter_off(ka, kb):
                    continue
                if not firsts_agree(clusters[a][0].first, clusters[b][0].first):
                    continue
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


def _one_letter_off(a: str, b: str) -> bool:
    """One letter swapped for another ("Okoro" / "Okaro") or one letter doubled ("Polacek" /
    "Pollacek"); a different letter added is another name ("Kelly" / "Kelley")."""
    from rapidfuzz.distance import Hamming

    if len(a) == len(b):
        return Hamming.distance(a, b) == 1
    short, long_ = sorted((a, b), key=len)
    if len(long_) != len(short) + 1:
        return False
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return long_[:i] + long_[i + 1 :] == short and i > 0 and long_[i] == long_[i - 1]


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
    joined = _join_typos(_join_spellings(by_key), evidence)
    return _canonical(_join_reordered(joined, evidence), counts)


#: Fewest words of a name whose words, written in another order, are the same person's.
REORDERED_MIN_WORDS = 3


def _join_reordered(clusters: list[list[Name]], evidence: _Evidence) -> list[list[Name]]:
    """Clusters whose main forms hold the same three or more words in another order
    ("Marta Oyelaran Bede" / "Marta Bede Oyelaran": names whose family name comes first
    in one outlet's style), accents aside, in one story but never in one article together:
    one person."""
    by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, cluster in enumerate(clusters):
        words = tuple(sorted(fold(w) for w in name_words(cluster[0].text)))
        if len(words) >= REORDERED_MIN_WORDS:
            by_words[words].append(i)
    groups = [g for g in by_words.values() if len(g) > 1]
    if not groups:
        return clusters
    uf = UnionFind(len(clusters))
    for group in groups:
        first, *rest = group
        docs = set().union(*(evidence.docs[n.text] for n in clusters[first]))
        for other in rest:
            other_docs = set().union(*(evidence.docs[n.text] for n in clusters[other]))
            if docs & other_docs:
                continue  # named in one article together: two people
            if evidence.stories(clusters[first]) & evidence.stories(clusters[other]):
                uf.union(first, other)
                docs |= other_docs
    merged: dict[int, list[Name]] = defaultdict(list)
    for i, root in enumerate(uf.roots()):
        merged[root].extend(clusters[i])
    return list(merged.values())


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
    """Each name -> its cluster's most used form; when that form opens with no given name
    and the cluster also writes it after one ("Castellanos Vance" beside "Margaret Castellanos
    Vance"), the most used such longer form, so a row is named as a reader knows it."""
    out: dict[str, str] = {}
    for cluster in clusters:
        best = max(cluster, key=lambda n: counts[n.text])
        if given_name_gender(best.first)[0] is None:
            fuller = [n for n in cluster if n.text.endswith(" " + best.text)]
            best = max(fuller, key=lambda n: counts[n.text]) if fuller else best
        for name in cluster:
            out[name.text] = best.text
    return out
