"""Name strings: cleaning a mention, job titles, region words, headings, acronyms, demonyms.

Pure string functions over the gazetteer (no spaCy objects), used by the pipeline
components, the mention extractor and the corpus-level entity resolution alike.
"""

from __future__ import annotations

import functools
import re

from lib.datafiles import read_csv
from lib.nlp.gazetteer import gazetteer, norm_key

#: Words after a place name that mark it as a region ("Kherson region", "Kharkiv Oblast").
REGION_WORDS = frozenset(
    {"region", "oblast", "province", "krai", "kray", "governorate", "prefecture", "okrug"}
    | {"district", "county", "municipality", "state"}
)


#: Region words cut even when capitalised and the place is unknown ("Kherson Oblast").
STRONG_REGION_WORDS = frozenset({"oblast", "krai", "kray", "governorate", "prefecture", "okrug"})


#: Small words that may stay lower case in a title-case heading.
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "off",
        "on",
        "onto",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "is",
        "are",
        "was",
        "be",
        "after",
        "amid",
    ]
)


#: Share of capitalised words that makes a line a title-case heading.
HEADING_CAPS_SHARE = 0.75


EDGE_PUNCT = "\"“”‘’'()[]{}.,;:!?-–—*#«»"


ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w’'\-.]*\s+(?:(?:of|the|and|for|on|de|du|des|la)\s+)*){1,10}[A-Z][\w’'\-.]*)"
    r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,9})\s*\)"
)


_POSSESSIVE_END = re.compile(r"(?:[’']s|(?<=s)[’'])$")


#: "U.S." / "Jr." keep their final full stop.
_ABBREV_END = re.compile(r"(?:\b[A-Z]\.[A-Z]\.|\b(?:Jr|Sr|St|Co|Inc|Ltd)\.)$")


LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
#: Lower-case words before a name that are no part of it ("another Justice Department
#: investigation", "every Senate Democrat", a possessive pronoun: "her State Department", a
#: demonstrative or a clause's first word: "last Tidewater Party convention", "where
#: Tidewater Party leaders met"); written in capitals they may open a title or a name ("Our
#: Principles PAC", "This Old House").
LEADING_QUANTIFIER = re.compile(
    r"^(?:(?:another|every|each|any|either|neither|her|his|its|their|our|my|your)\s+|"
    r"(?:this|that|these|those|last|next|both|all|some|most|other|such|where|when|while|"
    r"whereas)\s+(?=[A-Z]))"
)

#: The kind of a campaign committee written before its name ("the super PAC America
#: Rising", which the model tags "PAC America Rising"): no part of the name; one word left
#: is kept ("PAC Correct" of "super PAC Correct the Record" is no "Correct").
LEADING_KIND = re.compile(r"^(?:[Ss]uper )?PACs? (?=[A-Z]\S* \S)")


_HAS_UPPER_WORD = re.compile(r"(?:^|[\s\-])[A-Z\u00c0-\u00de]")


_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w’'\-.]*")


#: Words that begin a surname ("van der Berg", "de la Fuente", "al-Khatib", "bin Salman").
SURNAME_PARTICLES = frozenset(
    "van von der den de del della degli di da das dos du la le ter ten bin ibn".split()
)
#: Arabic articles joined to a surname by a hyphen, which English reports often drop
#: ("Samir al-Khatib" ... "Khatib said").
_ARTICLE_PREFIX = re.compile(r"^(?:al|el)-(?=\w)")


def is_bare_surname(text: str) -> bool:
    """One word, or a surname led by its particles: lower-case ("de Blasio"), or two of
    them however capitalised ("Van der Berg said", "De la Fuente"); a surname alone, not
    a full name. One capitalised particle is a given name too ("Van Jones")."""
    words = text.split()
    if len(words) == 1:
        return True
    lead = words[:-1]
    return all(w.lower() in SURNAME_PARTICLES for w in lead) and (
        len(lead) >= 2 or lead[0].islower()
    )


def surname_keys(key: str) -> tuple[str, ...]:
    """The folded surname ``key`` and the word it ends in without its particles or article,
    which reports (or the model's cut) also give: "khatib" of "al-khatib", "meulen" of
    "van der meulen"."""
    words = key.split()
    while len(words) > 1 and words[0] in SURNAME_PARTICLES:
        words = words[1:]
    bare = _ARTICLE_PREFIX.sub("", " ".join(words))
    return (key, bare) if bare != key and len(bare) > 2 else (key,)


def is_title_only(text: str) -> bool:
    """True when every word of ``text`` is a job title / honorific ("Defense Minister")."""
    words = gazetteer().title_words
    parts = text.split()
    return bool(parts) and all(p in words or p.rstrip(".") in words for p in parts)


#: Lower-case prefixes that make a word an adjective, not a name ("anti-Trump").
NON_NAME_PREFIXES = ("anti-", "ex-", "pro-", "non-", "post-", "pre-", "neo-", "un-")
#: Time zones, legal suffixes, the kind of a local area ("Parish" of "Parish President
#: Ana Roe") and of a campaign committee ("a super PAC") are never entities on their own.
NOT_NAMES = frozenset(
    {"GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST"}
    | {"LLC", "L.L.C.", "L.L.C", "Inc.", "Inc", "Ltd", "Ltd.", "Co.", "Corp.", "LLP", "L.P.", "PLC"}
    | {"County", "Parish", "Township", "Borough"}
    | {"PAC", "P.A.C.", "Super PAC", "super PAC"}
)


#: Prepositions and conjunctions: no person's name starts with one, though a title-case
#: headline ("Pressure on Roe Over Budget Comments") leads the model to tag one as a name.
FUNCTION_WORDS = frozenset(
    "about above across after against amid among and as at before behind below beside "
    "between but by despite during for from into near nor of off on onto or over past per "
    "since than through to toward towards under until upon versus via vs with within "
    "without".split()
)


def _not_a_name(text: str) -> bool:
    """Prefixed adjectives, time zones, legal suffixes, hashtags, handles, web addresses, and
    two places glued by a hyphen ("U.S.-Mexico")."""
    if text.startswith(NON_NAME_PREFIXES) or text in NOT_NAMES:
        return True
    if re.search(r"(?:^|\s)[#@]\w", text) or "http" in text or "www." in text:
        return True  # "#Vote", "@handle", "Twitter @handle"
    if "-" in text and " " not in text:
        parts = [p for p in text.split("-") if p]
        gaz = gazetteer()
        return len(parts) == 2 and all(gaz.lookup(p) is not None for p in parts)
    return False


#: A dash glued to a name and what follows it: an em dash anywhere, an en dash before a
#: figure or a lower-case word ("Ted Cruz—35 to 12 percent", "Lena Roe–who"); no name
#: holds one.
_GLUED_DASH = re.compile(r"\s*(?:—|–(?=\s*[\d a-z]))")
#: A vote tally after a name ("passed the Oregon House 90 to 55", "the Senate 52-48"), and
#: any number after a person's ("Ada Roe 384" delegates): no part of the name.
_TRAILING_TALLY = re.compile(r"\s+\d[\d,]*\s*(?:to|-|–)\s*\d[\d,]*$")
_TRAILING_COUNT = re.compile(r"(?:\s+\d[\d,]*)+$")


def clean_entity_text(text: str, label: str = "") -> str | None:
    """Clean a name span; ``None`` when it is not a name.

    Collapses whitespace, strips edge punctuation, a trailing possessive, a
    leading determiner, a job title after an acronym or known name ("FEMA
    Administrator" -> "FEMA", "Kremlin Spokesman" -> "Kremlin") and, for PERSON
    spans, leading titles/honorifics ("Mr. Sunak" -> "Sunak"). Rejects spans
    without a capitalised word (``n’t``) or made only
    of titles ("Defense", "Secretary-General", "Defense Secretary").
    """
    if label == "PERSON":
        text = re.sub(r"^[^(]*\)", lambda m: m.group(0)[:-1], text)  # "Muammar) al-Qaddafi"
        text = text.replace("[", " ").replace("]", " ")  # "[George W.] Bush"
    text = " ".join(text.split()).strip(EDGE_PUNCT + " ")
    text = _GLUED_DASH.split(text, maxsplit=1)[0].strip(EDGE_PUNCT + " ")  # "Ted Cruz—35"
    text = _TRAILING_COUNT.sub("", text) if label == "PERSON" else _TRAILING_TALLY.sub("", text)
    for _ in range(3):
        before = text
        text = _POSSESSIVE_END.sub("", text).strip(EDGE_PUNCT + " ")
        text = LEADING_DET.sub("", text).strip(EDGE_PUNCT + " ")
        text = LEADING_QUANTIFIER.sub("", text)
        text = LEADING_KIND.sub("", text)
        if text == before:
            break
    if not text or is_title_only(text) or _not_a_name(text):
        return None
    if label == "PERSON":
        text = _strip_titles(text)
        if text.split(" ", 1)[0].lower() in FUNCTION_WORDS:
            return None  # a title-case headline read as a name: "Over Afghanistan"
    parts = text.split(" ")
    if (
        label != "PERSON"
        and len(parts) == 2
        and parts[1] in gazetteer().titles["head"]
        and (parts[0].isupper() or gazetteer().lookup(parts[0]) is not None)
    ):
        text = parts[0]
    if _ABBREV_END.search(text + "."):
        text += "."
    if len(text) < 2 or not _HAS_UPPER_WORD.search(text) or not re.search(r"[A-Za-z]", text):
        return None
    return text


def _strip_titles(text: str) -> str:
    """Remove leading title words ending in a head title or honorific ("Prime Minister")."""
    titles = gazetteer().titles
    words = titles["head"] | titles["modifier"] | titles["honorific"]
    heads = titles["head"] | titles["honorific"]
    parts = text.split(" ")
    cut = 0
    for k, part in enumerate(parts[:-1]):
        if part not in words and part.rstrip(".") not in words:
            break
        if part in heads or part.rstrip(".") in heads:
            cut = k + 1
    return " ".join(parts[cut:])


def strip_region(text: str) -> tuple[str, bool]:
    """'Kherson Region' -> ('Kherson', True); other text unchanged.

    A lower-case region word is always cut ("Jajarkot district"); a capitalised
    one only when it is a strong region word or the rest is a known place
    ("Orange County" stays whole).
    """
    parts = text.split(" ")
    if len(parts) < 2 or parts[-1].lower() not in REGION_WORDS:
        return text, False
    base = " ".join(parts[:-1])
    last = parts[-1]
    if last.islower() or last.lower() in STRONG_REGION_WORDS or gazetteer().lookup(base):
        return base, True
    return text, False


def is_heading_line(line: str) -> bool:
    """A title-case heading: most (>= 75 %) non-small words capitalised, >= 2 such words,
    and no final full stop."""
    if line.rstrip().endswith("."):
        return False  # a sentence, however many names it holds
    words = [w for w in _WORD.findall(line) if w.lower() not in SMALL_WORDS]
    if len(words) < 2 or len(words) > 25:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps / len(words) >= HEADING_CAPS_SHARE


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms defined in the text: ``"Long Name (LN)"`` -> ``{"LN": "Long Name"}``."""
    found: dict[str, str] = {}
    for m in ACRONYM_DEF.finditer(text):
        long_words = m.group(1).split()
        acr = m.group(2)
        letters = [c for c in acr if c.isalpha() and c.isupper()]
        if len(letters) < 2:
            continue
        # walk back over capitalised words until there is one per acronym letter
        picked: list[str] = []
        caps = 0
        for w in reversed(long_words):
            picked.append(w)
            if w[:1].isupper():
                caps += 1
                if caps == len(letters):
                    break
        picked.reverse()
        initials = [w[0] for w in picked if w[:1].isupper()]
        if [c.upper() for c in initials] != letters:
            continue
        long_name = clean_entity_text(" ".join(picked))
        if long_name:
            found.setdefault(acr, long_name)
    return found


_COUNTRY_ENDINGS = (("ian", ("ia", "", "e", "a")), ("an", ("a", "", "e")), ("ese", ("", "a")))


def demonym_country(name: str) -> str | None:
    """Country (or nation) a demonym refers to, else ``None``.

    "North Korean" -> "North Korea", "Ukrainians" -> "Ukraine", "American" ->
    "United States". Uses ``data/demonyms.csv`` first, then derives the
    country from the word's ending when the result is a pycountry country
    ("Kenyan" -> "Kenya").
    """
    gaz = gazetteer()
    key = norm_key(name)
    key = re.sub(r"^(?:the)\s+", "", key, flags=re.IGNORECASE)
    if not key:
        return None
    candidates = [key, key.title()] if key.isupper() else [key]
    for cand in candidates:
        for form in (cand, cand[:-1] if cand.endswith("s") else None):
            if form and form in gaz.demonyms:
                return gaz.demonyms[form]
    for cand in candidates:
        form = cand.removesuffix("s")
        for ending, roots in _COUNTRY_ENDINGS:
            if not form.endswith(ending):
                continue
            stem = form[: -len(ending)]
            for root in roots:
                hit = gaz.lookup(stem + root)
                if hit and hit[1] == "GPE" and hit[0] != form:
                    return hit[0]
    return None


@functools.lru_cache(maxsize=1)
def name_heads() -> dict[str, str]:
    """Last word -> label of ``lib/data/name_heads.csv`` ("Tower" -> FAC, "Foundation" ->
    ORG): a multi-word name ending so is that kind of thing, never a person."""
    return {row["word"]: row["label"] for row in read_csv("name_heads.csv") if row["label"]}


@functools.cache
def head_words(role: str) -> frozenset[str]:
    """The words of ``lib/data/name_heads.csv`` with ``role`` among their roles ("generic",
    "office", "org_word", …; the file's header says what each means)."""
    words = frozenset(
        row["word"] for row in read_csv("name_heads.csv") if role in row["roles"].split()
    )
    if not words:
        raise ValueError(f"no head word has the role {role!r}")
    return words


Q_OPEN = "\"“‘'"
Q_CLOSE = "\"”’'"
#: Given name (and initials), a quoted nickname, a surname (and a suffix).
NICKNAME = re.compile(
    rf"\b(?P<given>[A-Z][a-z]+(?:\s[A-Z]\.)*)\s[{Q_OPEN}](?P<nick>[A-Z][a-z]+)[{Q_CLOSE}]\s"
    r"(?P<surname>[A-Z][A-Za-z'’-]+(?:\s[A-Z][a-z]+(?=\s(?:Jr|Sr)\.))?(?:,?\s(?:Jr\.|Sr\.|II|III|IV)\b)?)"
)


def nicknames_in(text: str) -> list[re.Match]:
    """Every ``Given "Nick" Surname`` of ``text``; a function word that is no given name
    ("Is", "And"; not "Will") is no part of one, so a headline's ``Mayor Is 'Calm' And …``
    is none."""
    return [
        m
        for m in NICKNAME.finditer(text)
        if not (_function_word(m.group("given")) or _function_word(m.group("surname")))
    ]


#: Function words that are also common given names ("Will Harrow", "May Roe").
GIVEN_FUNCTION_WORDS = frozenset({"will", "may", "else", "per"})


def _function_word(name: str) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS

    word = name.split()[0].lower()
    return word in STOP_WORDS and word not in GIVEN_FUNCTION_WORDS


#: Small words initials skip ("Federal Bureau of Investigation" -> FBI).
INITIAL_SKIP = frozenset("of and the for on in at to &".split())


def initials(name: str) -> set[str]:
    """Capital initials of a multi-word name, without and with its small words:
    "Federal Bureau of Investigation" -> {"FBI"}, "Department of Justice" -> {"DJ", "DOJ"},
    "U.S. Conference of Catholic Bishops" -> {"USCCB", "USCOCB"}; empty for one word, also
    one hyphenated word ("Anti-Gala" is no "AG"; "Trans-Pacific Partnership" is "TPP")."""
    if len(name.split()) < 2:
        return set()
    words = name.replace("-", " ").split()
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
