"""Names the model missed in one article but tagged in another of the same story.

"… identified the suspect as Carlos Mendel of Aventura, Florida" may come out untagged in
one outlet while the others tag "Carlos Mendel": that outlet would then look as if it never
named the suspect. :func:`propagate_names` searches every article of a story for the
multi-word names the story's other articles tagged (exact, case-sensitive, whole words, not
inside a mention already there) and adds those mentions, labelled as the story labels the
name; in an article that names a person so, the person's bare surname is found the same
way ("Mendel was charged"). One-word names are never propagated on their own: too many are
ordinary words somewhere.

The longest name wins: where an article tags only part of a name the story tags whole
("America" of "America Rising", "Senate" of "Senate Ethics Committee"), :func:`shadowed`
finds that part, which gives way to the whole name. A person is never such a part: "Erik
Halvorsen" stays a person inside "Erik Halvorsen Tower".
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict

import pandas as pd

from lib.columns import to_frame
from lib.datafiles import read_csv
from lib.nlp.gazetteer import gazetteer
from lib.nlp.headline import title_end
from lib.nlp.names import SMALL_WORDS, name_heads
from lib.records import Mention
from lib.resolve.initialisms import story_initialisms
from lib.resolve.joined import fit_names, split_joined
from lib.resolve.labels import mistyped_people
from lib.resolve.short_forms import (
    GENERIC_HEADS,
    INSTITUTION_TAILS,
    company_first_word,
    shorter_forms,
)

#: A run of capitalised words: where a propagated name may start.
CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")
#: Labels of one-word story names looked for in headlines.
SINGLE_LABELS = frozenset({"ORG", "GPE", "LOC"})
#: The end of what comes before a word that starts a sentence or a line.
SENTENCE_START = re.compile(r"(?:^|[.!?:\n][\"'”’)]?\s*)$")
#: Names longer than this many words are not propagated (headline fragments).
MAX_WORDS = 6


def _names_by_story(records: list[dict], story_of: dict[str, str]) -> dict[str, dict]:
    """story -> {name: label}: multi-word names tagged anywhere in the story (label: the
    most frequent one)."""
    votes: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for r in records:
        if r.get("in_title"):
            continue  # a headline's capitalised words are no evidence of a name
        text = r["text"]
        words = text.split(" ")
        if 2 <= len(words) <= MAX_WORDS and all(
            w[:1].isupper() or w in ("of", "the", "and", "for") for w in words
        ):
            votes[story_of.get(r["doc_id"], "")][text][r["label"]] += 1
    return {
        story: {name: c.most_common(1)[0][0] for name, c in names.items()}
        for story, names in votes.items()
    }


def shadowed(records: list[dict], texts: dict[str, str], story_of: dict[str, str]) -> set[int]:
    """Positions in ``records`` of mentions that are a strict part of a multi-word name the
    story tags or a curated one (written whole around them in the same text: "Islamic" of
    "Islamic State"; a leading "The" is no part of it); persons never are."""
    names = _names_by_story(records, story_of)
    by_doc: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
    for k, r in enumerate(records):
        by_doc[r["doc_id"]].append((int(r["start_char"]), int(r["end_char"]), k, r["label"]))
    out: set[int] = set()
    for doc_id, text in texts.items():
        curated = {n: lab for n, lab in _curated_in(text).items() if not n.startswith("The ")}
        story_names = {**curated, **names.get(story_of.get(doc_id, ""), {})}
        mine = by_doc.get(doc_id, [])
        if not story_names or not mine:
            continue
        for s, e, _name, _label in _find(text, story_names, [], title_end(text)):
            inner = [m for m in mine if s <= m[0] and m[1] <= e and m[1] - m[0] < e - s]
            if inner and all(m[3] != "PERSON" for m in inner):
                out.update(m[2] for m in inner)
    return out


def title_fragments(
    records: list[dict], story_of: dict[str, str], texts: dict[str, str] | None = None
) -> set[int]:
    """Positions in ``records`` of headline mentions that are no name of their story but
    hold one whole, run into other words by a headline's capitals: after a small word
    ("Ring for White House") or before a word that heads no name ("Democratic Senate
    Candidate"); "Harbor Rescue Committee" and "Senate Judiciary Committee" are names of
    their own; people never give way. They give way to the name inside, which
    :func:`propagate_names` then finds in the headline (``texts``: doc_id -> text, when
    given only the headline itself counts, not a heading line further down)."""
    names = _names_by_story(records, story_of)
    for story, single in _single_names_by_story(records, story_of).items():
        names.setdefault(story, {}).update(single)
    people: dict[str, set[str]] = defaultdict(set)  # words of the story's people's names
    for r in records:
        if r["label"] == "PERSON" and not r.get("in_title"):
            people[story_of.get(r["doc_id"], "")].update(r["text"].split(" "))
    out: set[int] = set()
    for k, r in enumerate(records):
        text = r["text"]
        if not r.get("in_title") or r["label"] == "PERSON" or " " not in text:
            continue
        if texts is not None and r["start_char"] >= title_end(texts.get(r["doc_id"], "")):
            continue
        story = names.get(story_of.get(r["doc_id"], ""), {})
        mine = people.get(story_of.get(r["doc_id"], ""), set())
        if text not in story and any(_run_into(text, name, mine) for name in story):
            out.add(k)
    return out


def _run_into(text: str, name: str, people: set[str] = frozenset()) -> bool:
    """Is ``name`` inside ``text`` run into other words (see :func:`title_fragments`)? Also
    when the words before it start with a word of a person the story names ("Roe Taunts
    G.O.P.": a person, a verb, then the name)."""
    at = f" {text} ".find(f" {name} ")
    if at < 0:
        return False
    before, after = text[:at].split(), text[at + len(name) :].split()
    headed = bool(name_heads().get(text.rsplit(" ", 1)[-1]))
    if len(before) >= 2 and before[0] in people and not headed:
        return True
    return any(w[:1].islower() for w in before) or (bool(after) and not headed)


def _single_names_by_story(records: list[dict], story_of: dict[str, str]) -> dict[str, dict]:
    """story -> {name: label}: one-word organisations and places the story's bodies tag
    ("Senate", "G.O.P."), looked for in its headlines only; an acronym also as another
    outlet's house style writes it ("GOP" / "G.O.P.")."""
    votes: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for r in records:
        text = r["text"]
        if r.get("in_title") or " " in text or r["label"] not in SINGLE_LABELS:
            continue
        if text[:1].isupper() and len(text) > 2:
            for form in {text, *_acronym_styles(text)}:
                votes[story_of.get(r["doc_id"], "")][form][r["label"]] += 1
    return {
        story: {name: c.most_common(1)[0][0] for name, c in names.items()}
        for story, names in votes.items()
    }


def _acronym_styles(text: str) -> list[str]:
    """The other way an acronym is written: "GOP" -> ["G.O.P."], "F.B.I." -> ["FBI"]."""
    letters = text.replace(".", "")
    if not (2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()):
        return []
    dotted = ".".join(letters) + "."
    return [letters] if text == dotted else [dotted] if text == letters else []


def _is_acronym(name: str, label: str) -> bool:
    """An organisation's acronym of three to six capitals ("DCCC", "S.E.C."): unlike a
    capitalised word, never an ordinary word where a sentence starts."""
    letters = name.replace(".", "")
    return label == "ORG" and 3 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _short_names_by_story(records: list[dict], story_of: dict[str, str]) -> dict[str, dict]:
    """story -> {word: "ORG"}: the one word an organisation of the story goes by ("Quinnipiac"
    of "Quinnipiac University", "Harlan" of "Harlan Motor Co."), when it is the short form of
    one organisation only and no place or name of a person of the story; looked for in the
    bodies of all its articles, never where a sentence starts ("Urban" of "Urban
    Institute" may be an ordinary word there)."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    taken: dict[str, set[str]] = defaultdict(set)  # words of the story's people
    for r in records:
        story, text = story_of.get(r["doc_id"], ""), r["text"]
        if r["label"] == "PERSON":
            taken[story].update(text.split(" "))
        if r["label"] != "ORG" or r.get("in_title") or " " not in text:
            continue
        words = text.split(" ")
        for word in {
            company_first_word(text),
            words[0] if len(words) == 2 and words[1] in INSTITUTION_TAILS else "",
        } - {""}:
            owners[(story, word)].add(text)
    out: dict[str, dict] = defaultdict(dict)
    for (story, word), names in owners.items():
        plain = word[:1].isupper() and word[1:].islower() and len(word) > 3
        if plain and len(names) == 1 and word not in taken[story]:
            if gazetteer().lookup(word) is None and word not in GENERIC_HEADS:
                out[story][word] = "ORG"
    return out


def _lone_orgs(single: dict[str, str], surnames: dict[str, str], found: list) -> dict:
    """{name: "ORG"}: one-word organisations of the story's bodies ("Hamas", "Medicaid")
    looked for mid-sentence in every body, where a capitalised word is a name, not a
    sentence's first word; never a place, a generic head ("Senate": the chamber of which
    polity?), a word of the story's people's names, nor one the article already found
    as part of a person's name."""
    taken = set(surnames) | {w for _s, _e, name, _l in found for w in name.split(" ")}
    return {
        name: "ORG"
        for name, label in single.items()
        if label == "ORG"
        and len(name) > 3
        and name[1:] != name[1:].upper()  # acronyms have their own search
        and name not in taken
        and name not in GENERIC_HEADS
        and gazetteer().lookup(name) is None
    }


def _shorter_names(names: dict[str, str]) -> dict[str, str]:
    """{short form: "ORG"}: the shorter names of several capitalised words a story's
    organisations may go by (:func:`lib.resolve.short_forms.shorter_forms`: "Joint Chiefs" of
    "Joint Chiefs of Staff", "Freedom Caucus" of "House Freedom Caucus"), that the story
    does not tag itself; looked for in article bodies."""
    out = {}
    for name, label in names.items():
        for form in shorter_forms(name) if label == "ORG" else ():
            if " " in form and form not in names and all(w[:1].isupper() for w in form.split()):
                out[form] = "ORG"
    return out


@functools.lru_cache(maxsize=1)
def curated_names() -> dict[str, str]:
    """Name -> label of the curated names looked for in every article, tagged or not: news
    outlets and platforms (``media.csv``: "Twitter", "Facebook") and the organisations and
    regions of ``aliases.csv`` (aliases and the names they stand for) written as several
    words or as an acronym ("Islamic State", "ISIS", "Middle East")."""
    out = {row["name"]: "ORG" for row in read_csv("media.csv") if len(row["name"]) > 2}
    for row in read_csv("aliases.csv"):
        label = row["label"]
        for name in (row["alias"], row["canonical"]):  # "ISIS" and "Islamic State"
            if label in ("ORG", "LOC") and (" " in name or (name.isupper() and len(name) > 2)):
                out.setdefault(name, label)
    return out


def _curated_in(text: str) -> dict[str, str]:
    """The curated names written in ``text``."""
    return {n: lab for n, lab in curated_names().items() if n in text}


def _free(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """No mention of ``spans`` (sorted, with their ``starts``) overlaps ``[s, e)``."""
    k = bisect.bisect_left(starts, e)
    return not any(spans[j][1] > s for j in range(max(0, k - 3), k))


def propagate_names(
    records: list[dict], texts: dict[str, str], sentences: list[dict], story_of: dict[str, str]
) -> list[dict]:
    """New mention records (same keys as ``records``) for story names missing in an article.

    ``records``: mention records with ``doc_id``, ``outlet``, offsets, ``text`` and
    ``label``; ``texts``: doc_id -> analysed text; ``sentences``: sentence records with
    ``doc_id``, ``sentence_id``, ``start_char``; ``story_of``: doc_id -> story.
    """
    names = _names_by_story(records, story_of)
    single = _single_names_by_story(records, story_of)
    short = _short_names_by_story(records, story_of)
    initialisms = story_initialisms(records, story_of)
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    outlet: dict[str, str] = {}
    people: dict[str, list[tuple]] = defaultdict(list)  # doc -> its own tagged full names
    mistyped = mistyped_people(records, texts)  # "Tyrese Olawale" typed WORK_OF_ART
    for r in records:
        spans[r["doc_id"]].append((int(r["start_char"]), int(r["end_char"])))
        outlet[r["doc_id"]] = r["outlet"]
        person = r["label"] == "PERSON" or r["text"] in mistyped
        if person and " " in r["text"] and not r.get("in_title"):
            people[r["doc_id"]].append((r["start_char"], r["end_char"], r["text"], "PERSON"))
    story_people = _surnames_by_story(people, story_of)
    sent_starts: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s in sentences:
        sent_starts[s["doc_id"]].append((int(s["start_char"]), int(s["sentence_id"])))
    added: list[dict] = []
    for doc_id, text in texts.items():
        story = story_of.get(doc_id, "")
        story_names = {**_curated_in(text), **names.get(story, {})}
        if not (
            story_names
            or single.get(story)
            or short.get(story)
            or people.get(doc_id)
            or story_people.get(story)
        ):
            continue
        taken = sorted(spans.get(doc_id, []))
        heading = title_end(text)
        found = _find(text, story_names, taken, heading)
        found += _surnames(text, found, taken, people.get(doc_id, []), heading)
        found += _cued_surnames(text, found, taken, story_people.get(story, {}), heading)
        if single.get(story) and heading:  # a headline's capitals hide the story's names
            taken_now = sorted(taken + [(s, e) for s, e, _, _ in found])
            found += _find(text[:heading], single[story], taken_now, heading)
        if story_people.get(story) and heading:  # "Roe Taunts G.O.P.": Roe, then the party
            taken_now = sorted(taken + [(s, e) for s, e, _, _ in found])
            found += _headline_surnames(text, heading, story_people[story], taken_now)
        acronyms = {n: lab for n, lab in single.get(story, {}).items() if _is_acronym(n, lab)}
        acronyms = {**initialisms.get(story, {}), **acronyms}  # "DNC" of a story's name
        # "The DCCC, the House Democrats' campaign arm": any body may miss one; "the Joint
        # Chiefs" of the story's "Joint Chiefs of Staff"
        found += _in_body(text, acronyms, taken, found, heading)
        found += _in_body(text, _shorter_names(names.get(story, {})), taken, found, heading)
        # mid-sentence only: "a Quinnipiac poll" of the story's "Quinnipiac University", and
        # "Quillmark" the model tagged in two outlets' bodies and missed in the third
        found += _in_body(text, short.get(story, {}), taken, found, heading, mid=True)
        lone = _lone_orgs(single.get(story, {}), story_people.get(story, {}), found)
        found += _in_body(text, lone, taken, found, heading, mid=True)
        sents = sorted(sent_starts.get(doc_id, []))
        for s, e, name, label in found:
            k = bisect.bisect_right(sents, (s, 1 << 30)) - 1
            added.append(
                _record(doc_id, outlet.get(doc_id, ""), text, s, e, name, label)
                | {"sentence_id": sents[k][1] if k >= 0 else 0, "in_title": s < heading}
            )
    return added


def _in_body(text, names: dict, taken: list, found: list, heading: int, mid: bool = False):
    """:func:`_find` hits of ``names`` in the body (after ``heading``), outside the spans
    ``taken`` and ``found`` so far; with ``mid``, never a sentence's first word."""
    if not names:
        return []
    taken_now = sorted(taken + [(s, e) for s, e, _, _ in found])
    return [
        hit
        for hit in _find(text, names, taken_now, heading)
        if hit[0] >= heading and not (mid and SENTENCE_START.search(text[: hit[0]][-4:]))
    ]


def _find(
    text: str, story_names: dict[str, str], taken: list[tuple[int, int]], heading: int = 0
) -> list[tuple]:
    """(start, end, name, label) of story names in ``text`` outside ``taken`` spans (in the
    headline, before ``heading``, every word is capitalised: no longer name is read there)."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in story_names:
        by_first[name.split(" ", 1)[0]].append(name)
    for group in by_first.values():
        group.sort(key=len, reverse=True)  # the longest name wins
    starts = [s for s, _ in taken]
    out: list[tuple] = []
    last_end = -1
    for m in CAPITALISED.finditer(text):
        s = m.start()
        if s < last_end:
            continue
        word = m.group(0)  # "Quillmark." ends a sentence: its full stop is no part of it
        for name in by_first.get(word) or by_first.get(word.rstrip("."), ()):
            e = s + len(name)
            if text.startswith(name, s) and (e == len(text) or not text[e].isalnum()):
                inside = s >= heading and _inside_longer(text, s, e)
                if _free(taken, starts, s, e) and not inside:
                    out.append((s, e, name, story_names[name]))
                    last_end = e
                break
    return out


#: Capitalised words that follow a name without being part of it: a day or month written
#: right after it ("wrote on Twitter Sunday morning", "the Senate in March").
NOT_NAME_WORDS = re.compile(
    r" (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"| (?:January|February|March|April|June|July|August|September|October|November|December)\b"
)


def _inside_longer(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` part of a longer capitalised name ("Carlos Mendel Foundation")? A
    day or month after it is no part of it ("on Twitter Sunday"), nor a capitalised word
    ending the sentence before it ("on Monday. Mendel said"), nor an owner's possessive
    before it ("the governor's pick for the Harbor Commission", "Acme's Board of
    Directors": the name starts after the owner), nor a small word starting a sentence
    ("The Harbor Commission met", "In Harbor City, …")."""
    after = bool(re.match(r" [A-Z]", text[e : e + 2])) and not NOT_NAME_WORDS.match(text, e)
    before = text[max(0, s - 30) : s]  # "Carlos J. Mendel", not "on Monday. Mendel"
    word = re.search(r"(?:\b[A-Z][\w'’-]*(?<![’']s)|\b[A-Z]\.) $", before)
    return after or (word is not None and word.group(0).strip().lower() not in SMALL_WORDS)


#: Suffixes after a surname ("Daniel J. Reyes Jr."): never a surname of their own.
SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


def _surname(name: str) -> str:
    words = [w.rstrip(",") for w in name.split(" ")]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return words[-1]


def _surnames(text, found, taken, tagged=(), heading: int = 0) -> list[tuple]:
    """Bare surnames of the people named in full in ``text``, outside mentions, not part of
    a longer capitalised name, and no place: of the people :func:`_find` found anywhere, and
    of the people the model tagged in full there (``tagged``), whose later bare surname it
    may still miss ("Rafael Odunsi …", then "Odunsi, 52,"), after their first full mention
    and the headline."""
    since: dict[str, int] = {}
    for _s, _e, name, label in found:
        if label == "PERSON":
            since[_surname(name)] = 0
    for s, _e, name, _label in tagged:
        word = _surname(name)
        since[word] = min(since.get(word, 1 << 30), max(int(s), heading))
    people = {
        w: k
        for w, k in since.items()
        if len(w) > 2 and w[:1].isupper() and gazetteer().lookup(w) is None
    }
    if not people:
        return []
    spans = sorted(taken + [(s, e) for s, e, _, _ in found])
    starts = [s for s, _ in spans]
    out = []
    for m in re.finditer(r"\b(" + "|".join(map(re.escape, people)) + r")\b", text):
        s, e = m.span()
        if s < people[m.group(1)]:
            continue  # before the person is named in full: no evidence it is them
        if _inside_longer(text, s, e) or text[max(0, s - 1) : s] in ("-", "'"):
            continue
        if not _free(spans, starts, s, e):
            continue
        out.append((s, e, m.group(1), "PERSON"))
    return out


#: What follows a bare surname that only a person's would be followed by: an apposition
#: or relative clause ("Kilbride, the former president,", "Kilbride, who ..."), an age
#: ("Kilbride, 81,") or a reporting verb ("Kilbride said", "Kilbride told reporters").
PERSON_CUE_AFTER = re.compile(
    r"(?:, (?:the|a|an) [a-z][\w-]*(?: [\w.'’-]+){0,5},"
    r"|, who\b"
    r"|, \d{1,3},"
    r"| (?:said|says|told|tells|added|adds|wrote|writes|argued|asked|noted|recalled"
    r"|insisted|explained|replied|responded|testified|acknowledged|declined)\b)"
)


def _surnames_by_story(people: dict[str, list[tuple]], story_of: dict[str, str]) -> dict:
    """story -> {surname: full name} of the people its articles tag in full, when one
    person of the story has that surname (family members sharing one are left out)."""
    owners: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for doc_id, named in people.items():
        for _s, _e, name, _label in named:
            owners[story_of.get(doc_id, "")][_surname(name)].add(name.split(" ")[0])
    return {
        story: {w: next(iter(given)) for w, given in words.items() if len(given) == 1}
        for story, words in owners.items()
    }


def _cued_surnames(text, found, taken, surnames: dict[str, str], heading: int) -> list[tuple]:
    """Bare surnames of the story's people in an article that never names them in full,
    where the words after say a person is meant (:data:`PERSON_CUE_AFTER`): "Kilbride, the
    former president, recorded …" in one outlet of a story whose others name "Everett
    Kilbride". Without such a cue the word may be a building, a place or a company named
    after them, and is left alone."""
    named = {_surname(name) for _s, _e, name, label in found if label == "PERSON"}
    words = {
        w
        for w in surnames
        if w not in named
        and len(w) > 2
        and w[:1].isupper()
        and w[1:].islower()
        and gazetteer().lookup(w) is None
    }
    if not words:
        return []
    spans = sorted(taken + [(s, e) for s, e, _, _ in found])
    starts = [s for s, _ in spans]
    out = []
    for m in re.finditer(r"\b(" + "|".join(map(re.escape, sorted(words))) + r")\b", text):
        s, e = m.span()
        if s < heading or not PERSON_CUE_AFTER.match(text, e):
            continue
        if _inside_longer(text, s, e) or text[max(0, s - 1) : s] in ("-", "'"):
            continue
        if _free(spans, starts, s, e):
            out.append((s, e, m.group(1), "PERSON"))
    return out


def _headline_surnames(text: str, heading: int, surnames: dict[str, str], taken) -> list:
    """The story's people's surnames written alone in the headline (``text[:heading]``),
    outside mentions (a headline the model read as one name, "Roe Taunts G.O.P.", gave way
    to its parts); never a word the article also writes in lower case ("Young" of "young
    voters")."""
    headline, body = text[:heading], text[heading:]
    words = [
        w
        for w in surnames
        if len(w) > 2
        and w[:1].isupper()
        and w[1:].islower()
        and not re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", body)
    ]
    if not words:
        return []
    starts = [s for s, _ in taken]
    out = []
    for m in re.finditer(r"\b(" + "|".join(map(re.escape, sorted(words))) + r")\b", headline):
        s, e = m.span()
        if headline[max(0, s - 1) : s] not in ("-", "'") and _free(taken, starts, s, e):
            out.append((s, e, m.group(1), "PERSON"))
    return out


def _record(doc_id, outlet, text, s, e, name, label) -> dict:
    before = text[:s].split()
    after = text[e:].split()
    return {
        "doc_id": doc_id,
        "outlet": outlet,
        "start_char": s,
        "end_char": e,
        "text": name,
        "label": label,
        "prev_word": before[-1].lower() if before else "",
        "next_word": after[0].lower() if after else "",
    }


def with_story_names(mentions: pd.DataFrame, sentences: pd.DataFrame, texts: dict[str, str]):
    """The mentions table of one story plus the names :func:`propagate_names` finds, in
    document and text order (``texts``: doc_id -> analysed text)."""
    if mentions.empty or not texts:
        return mentions
    mentions = split_joined(mentions)  # "NBC News/Wall Street Journal", "Adams and Jefferson"
    mentions = fit_names(mentions, texts)  # "Republican party", "Member of Congress"
    docs = dict.fromkeys([*mentions["doc_id"], *sentences["doc_id"]])  # untagged ones too
    mine = {d: texts[d] for d in docs if d in texts}
    outlets = (
        dict(zip(sentences["doc_id"], sentences["outlet"], strict=True))
        if ("outlet" in sentences.columns)
        else {}
    )
    outlets.update(zip(mentions["doc_id"], mentions["outlet"], strict=True))
    cols = ["doc_id", "outlet", "start_char", "end_char", "text", "label", "in_title"]
    parts = shadowed(mentions[cols].to_dict("records"), mine, dict.fromkeys(mine, ""))
    parts |= title_fragments(mentions[cols].to_dict("records"), dict.fromkeys(mine, ""), mine)
    if parts:  # the longest name wins: the part gives way, the whole is found below
        mentions = mentions.drop(index=mentions.index[sorted(parts)]).reset_index(drop=True)
    records = mentions[cols]
    sents = sentences[["doc_id", "sentence_id", "start_char"]].to_dict("records")
    added = propagate_names(records.to_dict("records"), mine, sents, dict.fromkeys(mine, ""))
    if not added:
        return mentions
    for row in added:
        row["outlet"] = row["outlet"] or outlets.get(row["doc_id"], "")
    extra = to_frame([Mention(**row) for row in added], Mention)
    order = {d: k for k, d in enumerate(mine)}
    both = pd.concat([mentions, extra], ignore_index=True)
    key = [
        (order.get(d, 0), int(c)) for d, c in zip(both["doc_id"], both["start_char"], strict=True)
    ]
    return both.iloc[sorted(range(len(key)), key=key.__getitem__)].reset_index(drop=True)
