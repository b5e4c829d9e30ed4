"""Short forms of one name within a story: one organisation or place, one row.

Runs on resolved mentions (canonical ``entity`` and final ``label``), story by story
(``story_id``, or the whole corpus as one story):

- **organisations**: "the Post" after "The Washington Post" (a place dropped before the
  name), "BuzzFeed" beside "BuzzFeed News" (a generic word dropped after it), "House" beside
  "House of Representatives" (an "of" phrase dropped) and "U.S. House of Representatives"
  (a place dropped) are one organisation, when the short form fits exactly one longer
  name of the story; so are an acronym and the one name of the story whose initials it is
  ("FBI" / "Federal Bureau of Investigation") and the two word orders of an office
  ("Justice Department" / "Department of Justice"); a committee without its chamber
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

import re
from collections import defaultdict

import pandas as pd

from lib.extract.name_forms import regions
from lib.extract.pieces import POLL_WORDS
from lib.nlp.gazetteer import gazetteer, norm_key
from lib.nlp.names import INITIAL_SKIP, head_words, initials
from lib.resolve.bare_places import bare_places, place_initials
from lib.resolve.committees import committee_forms, court_forms
from lib.resolve.first_word import first_word_owners
from lib.resolve.grouping import UnionFind
from lib.resolve.parties import is_state, party_order, state_branch

# Head words are declared once, with what each means, in ``lib/data/name_heads.csv``.
#: Words after a name that do not change what it names ("BuzzFeed News", "Acme Inc.").
GENERIC_TAILS = head_words("tail")
#: Last words of an institution's name that its short form drops ("Heritage Foundation" ->
#: "Heritage", "Fox News Channel" -> "Fox News", "Quinnipiac University poll" -> "Quinnipiac").
INSTITUTION_TAILS = head_words("institution_tail")
#: One word that is the head of many names and so never stands alone for one of them by
#: being its last word ("Committee", "Party"; "House" of "White House" is no House).
GENERIC_HEADS = head_words("generic")
#: Bodies named after their polity ("U.S. House", "Maine Senate"): the place dropped must be
#: a state or country ("Cordoba House" is no short "House").
LEGISLATURES = head_words("legislature")
#: "Justice Department" = "Department of Justice".
OFFICE_WORDS = head_words("office")
#: Offices whose name without the word is still theirs ("Treasury" of "Treasury
#: Department"); not "Administration" ("Obama Administration") nor "Office" ("Oval Office").
DEPARTMENT_WORDS = head_words("department")
#: Generic heads that never stand alone for the one name of a story they end: a chamber
#: ("House" is no short "White House", "Senate" no short "Texas Senate"; the place rule
#: of :func:`shorter_forms` joins "U.S. House") and words that head no body.
LONE_HEAD_EXCLUDED = head_words("lone_excluded")
#: Heads of bodies commonly named after a person or a movement that is not the body: "Tea
#: Party" is no short "Tea Party Caucus", "Ana Ruiz" no short "Ana Ruiz Foundation".
NAMED_AFTER_HEADS = head_words("named_after")
#: A company's legal form ("Inc.", "Corp.", "Company"): "Acme Inc." / "Acme Corp." are one.
LEGAL_FORMS = head_words("legal")
#: Last words of companies' names ("Freight", "Motors"): the company goes by its first word.
COMPANY_WORDS = head_words("company")
#: Chambers whose committees go by their name alone ("Senate Judiciary Committee").
CHAMBERS = head_words("chamber")
#: Last words of a chamber's body.
COMMITTEES = head_words("committee")
#: Abbreviations written inside organisations' names, and British spellings of their
#: words: "Brakeford Police Dept." is "Brakeford Police Department", "World Food
#: Programme" "World Food Program" ("Labour" stays: "Labour Party" and "Labor Party" are
#: two parties).
WORD_FORMS = {
    "Dept.": "Department", "Dept": "Department", "Assn.": "Association", "Assn": "Association",
    "Univ.": "University", "Intl.": "International", "Natl.": "National",
    "Programme": "Program", "Organisation": "Organization", "Defence": "Defense",
    "Centre": "Center",
    # ordinals as figures: "Ninth Circuit" / "9th Circuit"
    "First": "1st", "Second": "2nd", "Third": "3rd", "Fourth": "4th", "Fifth": "5th",
    "Sixth": "6th", "Seventh": "7th", "Eighth": "8th", "Ninth": "9th", "Tenth": "10th",
    "Eleventh": "11th", "Twelfth": "12th",
}  # fmt: skip
#: A web address's ending after a company's or group's name ("Quarrow.com", "Harbor.org").
WEB_DOMAIN = re.compile(r"(?<=[A-Za-z])\.(?:com|org|net)$")
#: A possessive ending ("Russia's", "Russia’s").
POSSESSIVE = re.compile(r"['’]s$")
ORG_LABELS = frozenset({"ORG"})
LAW_LABELS = frozenset({"LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC"})


def same_office(name: str) -> str:
    """ "Department of Justice" -> "Justice Department" (one key for both word orders; an
    office of "... Affairs" without it: "Ministry of Foreign Affairs" -> "Foreign
    Ministry"); other names unchanged."""
    words = name.split(" ")
    rest = words[2:]
    if (
        2 < len(words) <= 6
        and words[0] in OFFICE_WORDS
        and words[1] == "of"
        and rest[0][:1].isupper()
        and all(w[:1].isupper() or w == "and" for w in rest)
    ):  # "Department of Homeland Security" -> "Homeland Security Department"
        words = [*rest, words[0]]
    if len(words) > 2 and words[-1] in OFFICE_WORDS and words[-2] == "Affairs":
        del words[-2]  # "Ministry of Foreign Affairs" / "Foreign Ministry"
    return " ".join(words)


def _place_of(words: list[str]) -> str | None:
    """The place a name's leading words name: a place of the gazetteer ("U.S." -> "United
    States"), or one word that is its demonym ("British" -> "United Kingdom", as in "British
    Foreign Office" / "UK Foreign Office"); else None."""
    if not words:
        return None
    words = [*words[:-1], POSSESSIVE.sub("", words[-1])]  # "Russia's Foreign Ministry"
    hit = gazetteer().lookup(" ".join(words))
    if hit is not None:
        return hit[0] if hit[1] == "GPE" else None
    if len(words) == 1 and words[0][:1].isupper():
        return gazetteer().demonyms.get(norm_key(words[0]))
    return None


def _is_place(words: list[str]) -> bool:
    return _place_of(words) is not None


def shorter_forms(name: str) -> list[str]:
    """The short forms a longer organisation name may go by in the same story:
    "Washington Post" -> ["Post"], "BuzzFeed News" -> ["BuzzFeed"], "House of
    Representatives" -> ["House"], "U.S. House of Representatives" -> ["House of
    Representatives", "House"], "Quarrow.com" -> ["Quarrow"]."""
    words = name.split(" ")
    out = []
    # "Senate Committee on X and Y" -> "Senate X Committee"; "9th U.S. Circuit Court of
    # Appeals" -> "9th Circuit"
    for form in [*committee_forms(name), *court_forms(name)]:
        out += [form, *[f for f in shorter_forms(form) if f not in out]]
    if len(words) >= 3 and _is_parent_acronym(words[0]):  # "U.N. World Food Program"
        out.append(" ".join(words[1:]))
    for k in range(1, min(3, len(words) - 1) + 1):  # a place before: "New York Times"
        if _is_place(words[:k]):
            rest = " ".join(words[k:])
            if rest.split(" ")[0] in LEGISLATURES and _place_of(words[:k]) not in regions():
                break
            if state_branch(words[:k], words[k:]):  # "Ohio Republican Party" is no GOP
                break
            out += [rest, *[f for f in shorter_forms(rest) if f not in out]]
            break
    tails = GENERIC_TAILS | INSTITUTION_TAILS
    if len(words) >= 2 and words[-1] in tails and words[-2][:1].isupper():
        rest = " ".join(words[:-1])  # "Wal-Mart Stores Inc." -> "Wal-Mart Stores" -> …
        out += [rest, *[f for f in shorter_forms(rest) if f not in out]]
    if len(words) == 1 and WEB_DOMAIN.search(name):  # "Quarrow.com" -> "Quarrow"
        out.append(WEB_DOMAIN.sub("", name))
    if len(words) >= 3 and words[0] in CHAMBERS and words[-1] in COMMITTEES:
        out.append(" ".join(words[1:]))  # "Senate Judiciary Committee" -> "Judiciary Committee"
    if "of" in words[1:-1]:  # "Planned Parenthood Federation of America" -> "Planned Parenthood"
        head = words[: words.index("of", 1)]
        tail = words[words.index("of", 1) + 1 :]
        if all(w[:1].isupper() for w in head) and not is_state(tail):  # a state's branch
            out.append(" ".join(head))
            if len(head) > 1:
                out += [f for f in shorter_forms(" ".join(head)) if f not in out]
    return [f for f in dict.fromkeys(out) if f and f != name]


def _is_parent_acronym(word: str) -> bool:
    """Is ``word`` an organisation's acronym the gazetteer knows ("U.N.", "EU"), written
    before the name of one of its bodies?"""
    hit = gazetteer().lookup(word) if word.replace(".", "").isupper() else None
    return hit is not None and hit[1] == "ORG"


def suffix_forms(name: str) -> list[str]:
    """The endings of a name that keep its head word and may stand for it in a story when
    nothing else does: "National Enquirer" -> ["Enquirer"], "Wall Street Journal" ->
    ["Street Journal", "Journal"]; never one generic word ("Committee", "House", "Party")."""
    words = name.split(" ")
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return []
    out = []
    for k in range(1, len(words)):
        rest = words[k:]
        if len(rest) == 1 and (rest[0] in GENERIC_HEADS or not rest[0][1:].islower()):
            continue  # one generic word, or an acronym / odd casing
        if state_branch(words[:k], rest):
            break
        out.append(" ".join(rest))
    return out


def head_word(name: str) -> str:
    """The word a multi-word name is a kind of: its last word, or the word before its
    "of" ("Defense Department" -> "Department", "House of Representatives" -> "House");
    "" for one word or a name not written in capitals."""
    words = name.split(" ")
    if len(words) < 2 or not all(w[:1].isupper() or w in INITIAL_SKIP for w in words):
        return ""
    return words[words.index("of", 1) - 1] if "of" in words[1:-1] else words[-1]


def company_first_word(name: str) -> str:
    """The first word a company goes by: "Quillon Pharmaceuticals Inc." -> "Quillon",
    "Brill Motors" -> "Brill"; "" unless the name (without its legal form) ends in a
    company word of ``name_heads.csv`` and starts with a capitalised word that is no place
    ("American Airlines" keeps its name: "American" is a demonym, never "America")."""
    words = name.replace(",", "").split(" ")
    while len(words) > 2 and words[-1] in LEGAL_FORMS:
        words = words[:-1]
    if len(words) < 2 or words[-1] not in COMPANY_WORDS or words[0] == "The" or "of" in words:
        return ""  # "Department of Health" goes by no first word
    first = words[0]
    if not (first[:1].isupper() and first[1:].islower()) or _is_place([first]):
        return ""
    return first


def without_head(name: str) -> str:
    """A name of three or more capitalised words without its generic last word ("Senate
    Judiciary Committee" -> "Senate Judiciary", "Boston Police Department" -> "Boston
    Police"), else "" (one word left is too loose: "Judiciary", "State"; a body named after
    someone or something else keeps its head: "Tea Party Caucus")."""
    words = name.split(" ")
    if len(words) < 3 or words[-1] not in GENERIC_HEADS - NAMED_AFTER_HEADS:
        return ""
    if not all(w[:1].isupper() for w in words):
        return ""
    short = words[:-1]
    return "" if _is_place(short) else " ".join(short)


def legal_stem(name: str) -> str:
    """A company's name without its legal form ("Acme Dynamics Inc." / "Acme Dynamics Corp."
    -> "Acme Dynamics"), marked so that it never equals a name written as such; other names
    unchanged."""
    words = name.split(" ")
    k = len(words)
    while k > 1 and words[k - 1].rstrip(",") in LEGAL_FORMS:
        k -= 1
    if k == len(words) or not words[k - 1][:1].isupper() or words[:k] == ["The"]:
        return name
    return " ".join(words[:k]).rstrip(",") + " (company)"


def place_key(name: str) -> str:
    """One key for a name whose leading place, or parent organisation, is written two ways:
    "U.S. Conference of Catholic Bishops" and "United States Conference of Catholic Bishops"
    -> "United States Conference of Catholic Bishops", "UN Security Council" -> "United
    Nations Security Council"; names without either unchanged."""
    words = name.split(" ")
    for k in range(min(3, len(words) - 1), 0, -1):
        place = _place_of(words[:k])
        if place is None and (k > 1 or _is_parent_acronym(words[0])):
            hit = gazetteer().lookup(" ".join(words[:k]))
            place = hit[0] if hit is not None and hit[1] == "ORG" else None
        if place is not None:
            return " ".join([place, *words[k:]])
    return name


def org_spelling(name: str) -> str:
    """One spelling of an organisation's name: its abbreviated and British words written
    out the American way ("Police Dept." -> "Police Department", "Programme" -> "Program"),
    its ordinals as figures ("Ninth Circuit" -> "9th Circuit"), its leading place or parent
    organisation as the gazetteer names it (:func:`place_key`: "U.N. Security Council" /
    "United Nations Security Council"), a state's party in
    one word order, whatever its case
    (a house style in capitals: "POLITICO" / "Politico", "USA TODAY" / "USA Today")."""
    words = party_order(name).split(" ")  # "Republican Party of Ohio" / "Ohio Republican Party"
    return place_key(" ".join(WORD_FORMS.get(w, w) for w in words)).casefold()


def acronym_branch(name: str) -> str:
    """A body's branch "of" a place with its body written as initials: "American Civil
    Liberties Union of Ohio" and "ACLU of Ohio" -> "ACLU of Ohio"; else ""."""
    head, of, rest = name.partition(" of ")
    if not of or not rest[:1].isupper():
        return ""
    if " " not in head and head.isupper() and len(head) >= 2:
        return name
    short = sorted(initials(head), key=len)
    return f"{short[0]} of {rest}" if short and " " in head else ""


def fold_short_forms(df: pd.DataFrame, stories: pd.Series) -> pd.Series:
    """Entity per mention with short organisation names folded into the one longer name of
    the story they fit, and bare places into their one qualified form (module docstring).
    ``df`` has ``doc_id, entity, label``; ``stories`` the story of each row."""
    mapping: dict[tuple[str, str], str] = {}
    df = df.assign(entity=place_initials(df))  # "SC" beside "South Carolina"
    df = df.assign(entity=owned_bodies(df))
    people = df[df["label"] == "PERSON"]
    people_words: dict[str, set[str]] = defaultdict(set)  # "Morgan" of "Ada Morgan"
    for story, name in zip(stories[people.index], people["entity"], strict=True):
        people_words[story].update(name.split(" "))
    for labels in (ORG_LABELS, LAW_LABELS):  # laws drop a place too ("U.S. X Act" / "X Act")
        orgs = df[df["label"].isin(labels)]
        for story, names in orgs.groupby(stories[orgs.index])["entity"]:
            taken = people_words[story] if labels is ORG_LABELS else None
            counts = names.value_counts()
            mapping.update({(story, k): v for k, v in _org_groups(counts, taken).items()})
    mapping.update(_strays(df, stories, mapping))
    out = [mapping.get((s, e), e) for s, e in zip(stories, df["entity"], strict=True)]
    result = _lone_heads(df.assign(entity=pd.Series(out, index=df.index, dtype=object)), stories)
    return bare_places(df.assign(entity=result), stories)


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
        if owner and _place_of(name.split(" ")[:1]) is None:
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
    for name in names:  # "FBI" (or "F.B.I.") / "Federal Bureau of Investigation"
        spelled = by_initials.get(name.replace(".", ""), set())
        owners = {org_spelling(n) for n in spelled}
        if name.isupper() and " " not in name and len(owners) == 1:
            longer[name] |= spelled
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
    _add_office_forms(offices, longer)
    return longer


def _add_office_forms(offices: dict[str, set[str]], longer: dict[str, set[str]]) -> None:
    """An office's two word orders ("Justice Department" / "Department of Justice") and,
    when nothing else fits, its name without the word ("Treasury" of "Treasury
    Department"). ``offices``: :func:`same_office` key -> the story's names of it."""
    for forms in offices.values():
        if len(forms) == 2:
            a, b = sorted(forms)
            longer[a].add(b)
    for key, forms in offices.items():
        words = key.split(" ")
        if len(words) >= 2 and words[-1] in DEPARTMENT_WORDS:
            short = " ".join(words[:-1])
            if short not in longer:
                longer[short] |= forms


def _one_chamber(short: str, owners: set[str]) -> bool:
    """Do the longer names of a chamber written alone name one chamber: "House" beside
    "House of Representatives" and "U.S. House" (one polity at most, one "of" phrase at
    most), not beside "Maine House" and "U.S. House"?"""
    if short not in LEGISLATURES:
        return False
    places, phrases = set(), set()
    for name in owners:
        words = name.split(" ")
        k = next((k for k in range(min(3, len(words) - 1), 0, -1) if _is_place(words[:k])), 0)
        if k:
            places.add(_place_of(words[:k]))
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


def _org_groups(counts: pd.Series, people_words: set[str] | None = None) -> dict[str, str]:
    """Name -> the name of its group, for the organisation names of one story (counts:
    mentions per name; ``people_words``: the words of its people's names, when a first
    word may stand for a name, :mod:`lib.resolve.first_word`)."""
    names = list(counts.index)
    index = {n: i for i, n in enumerate(names)}
    uf = UnionFind(len(names))
    spelled: dict[str, set[str]] = defaultdict(set)
    for name in names:
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
    # "Exxon" of "Exxon Mobil", when nothing else fits
    longer = {**first_word_owners(names, people_words), **_longer_names(names)}
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


def bare_names(name: str) -> list[str]:
    """The one word an organisation's name may be written as alone, and typed a person by
    the model: "Zephyr" of "Zephyr News" (a generic tail dropped: a network's short name)
    and "Quarrow" of "Quarrow.com" (a web address's ending dropped)."""
    head, _, tail = name.rpartition(" ")
    if tail in GENERIC_TAILS and " " not in head:
        return [head]
    return [WEB_DOMAIN.sub("", name)] if " " not in name and WEB_DOMAIN.search(name) else []


#: Labels the model may give an organisation's short form by mistake ("Quinnipiac" a place,
#: "the Enquirer" a person).
STRAY_LABELS = frozenset({"GPE", "LOC", "FAC", "PERSON"})


def _strays(df: pd.DataFrame, stories: pd.Series, mapping: dict) -> dict[tuple[str, str], str]:
    """A name the model typed as a place or person that is the short form of exactly one
    organisation of its story ("Quinnipiac" / "Quinnipiac University", "Enquirer" /
    "National Enquirer") -> that organisation. A name the gazetteer knows stays what it is
    ("Georgia" is no short "Georgia Power"); a person joins only by an ending of the name
    ("Enquirer"), the first word a company goes by ("Harlow's chief executive" of "Harlow
    Dynamics") or its bare name (:func:`bare_names`: "Zephyr" of "Zephyr News", "Quarrow"
    of "Quarrow.com"), never another first word ("Ford" is no short "Ford Foundation"), and
    only when no honorific, title or person of the story's names claims it; a word written before
    "poll" or "survey" ("two Quinnipiac polls") may also be the first word of the one
    institution it fits ("Quinnipiac University"), since a person's name before "poll" is
    a person the story names in full ("Roe poll numbers")."""
    out: dict[tuple[str, str], str] = {}
    ent_story = pd.DataFrame({"story": stories, "entity": df["entity"], "label": df["label"]})
    cue = pd.Series(False, index=df.index)
    for col in ("honorific", "role"):
        if col in df.columns:
            cue |= df[col].fillna("").astype(str) != ""
    ent_story["cue"] = cue
    places = set(df.loc[df["cue"] == "place", "entity"]) if "cue" in df.columns else set()
    nxt = df["next_word"] if "next_word" in df.columns else pd.Series("", index=df.index)
    polled = set(df.loc[nxt.isin(POLL_WORDS), "entity"])  # a name before "poll" polls
    for story, rows in ent_story.groupby("story"):
        orgs = sorted(set(rows.loc[rows["label"].isin(ORG_LABELS), "entity"]))
        if not orgs:
            continue
        people = rows.loc[rows["label"] == "PERSON", "entity"]
        surnames = {p.split(" ")[-1] for p in people if " " in p}
        primary: dict[str, set[str]] = defaultdict(set)
        ending: dict[str, set[str]] = defaultdict(set)
        for org in orgs:
            top = mapping.get((story, org), org)
            for short in shorter_forms(org):
                primary[short].add(top)
            for short in bare_names(org):
                ending[short].add(top)
            for short in filter(None, [*suffix_forms(org), company_first_word(org)]):
                ending[short].add(top)
        strays = rows[rows["label"].isin(STRAY_LABELS)]
        for name, group in strays.groupby("entity"):
            if gazetteer().lookup(name) is not None or name in places:
                continue  # a known place, or one the story makes a place ("nearby X")
            if (group["label"] == "PERSON").any():
                if " " in name or name in surnames or group["cue"].any():
                    continue
                owners = ending.get(name, set())
                if not owners and name in polled:  # "two Quinnipiac polls": the pollster
                    owners = primary.get(name, set())
            else:
                owners = primary.get(name) or ending.get(name, set())
            if len(owners) == 1:
                out[(story, name)] = next(iter(owners))
    return out
