"""What a headline carries: which line is the headline and where it ends are read by
:mod:`lib.nlp.headline` (one rule for the reader, the extractors and attribution); here are
a trailing ``" | Outlet Name"`` on a headline (:func:`split_outlet_suffix`) and
the outlet a plain-text file's name gives (:func:`outlet_from_file_name`: ``fox.txt`` ->
``fox``).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from lib.corpus.metadata import OUTLET_WORDS, WIRE_AGENCIES, is_section_label

#: "Storm hits coast | The Daily Example": the part after the bar names the outlet.
_OUTLET_SUFFIX = re.compile(r"^(?P<title>.*?\S)\s+\|\s+(?P<outlet>[^|]{2,60})$")
#: "Storm hits coast - The Daily Example" (a page's <title>): a dash names the outlet only
#: when the part after it reads as one (below).
_DASH_SUFFIX = re.compile(r"^(?P<title>.*?\S)\s+[-–—]\s+(?P<outlet>[^-–—|]{2,60})$")


def split_outlet_suffix(title: str) -> tuple[str, str]:
    """(headline, outlet) of ``"Storm hits coast | The Daily Example"``; (title, "") when the
    headline ends in no ``| name`` of at most six capitalised words. After a dash
    (``"Storm hits coast - The Daily Example"``) the name must also read as an outlet: every
    word capitalised and a newsroom word in it ("Times", "News", "Post") or a news agency's
    name ("Reuters"), so "Storm hits - Live Updates" or "Vote - Officials" keep their dash.
    A page may name itself first ("The Daily Example | Storm hits coast"): a name that
    reads as an outlet before a sentence-case headline is the outlet."""
    m = _OUTLET_SUFFIX.match(title or "")
    if m and _outlet_first(m.group("title").strip(), m.group("outlet").strip()):
        return m.group("outlet").strip(), m.group("title").strip()
    if m and _is_outlet_name(m.group("outlet").strip()):
        return _without_section(m.group("title").strip()), m.group("outlet").strip()
    m = _DASH_SUFFIX.match(title or "")
    if m and _is_outlet_name(m.group("outlet").strip(), strict=True):
        return _without_section(m.group("title").strip()), m.group("outlet").strip()
    return title, ""


def _outlet_first(head: str, tail: str) -> bool:
    """ "The Daily Example | Storm hits coast": ``head`` reads as an outlet's name (strictly:
    capitalised, a newsroom word) and ``tail`` as a headline in sentence case (3+ words, a
    small word in lower case), never as a name."""
    words = tail.split()
    return (
        len(words) >= 3
        and any(w[:1].islower() for w in words[1:])
        and _is_outlet_name(head, strict=True)
        and not _is_outlet_name(tail, strict=True)
    )


#: "Storm hits coast | World" (what is left of "… | World | The Daily Example").
_SECTION_SUFFIX = re.compile(r"^(?P<title>.*?\S)\s+[|–—-]\s+(?P<section>[^|–—-]{2,40})$")


def _without_section(title: str) -> str:
    """``title`` without the section names a page's <title> puts between the headline and
    the outlet ("Storm hits coast | World | The Daily Example")."""
    m = _SECTION_SUFFIX.match(title)
    while m and is_section_label(m.group("section")):
        title = m.group("title").strip()
        m = _SECTION_SUFFIX.match(title)
    return title


def _is_outlet_name(outlet: str, strict: bool = False) -> bool:
    words = outlet.split()
    if len(words) > 6 or not outlet[:1].isalnum() or not any(w[:1].isupper() for w in words):
        return False
    if not strict:
        return True
    capitalised = all(w[:1].isupper() or w.lower() in _GLUE for w in words)
    known = outlet.lower().rstrip(".") in WIRE_AGENCIES or bool(OUTLET_WORDS.search(outlet))
    # a section name made only of newsroom words ("World News", "Today") names no outlet
    named = any(not OUTLET_WORDS.fullmatch(w) and w.lower() not in _GLUE for w in words)
    return capitalised and known and (named or outlet.lower() in WIRE_AGENCIES)


_GLUE = frozenset({"of", "the", "and", "&", "live", "latest", "world", "local", "breaking"})


#: File stems that name no outlet.
GENERIC_STEMS = frozenset(
    """article articles story stories text texts document documents doc docs file files
    untitled new news copy paste pasted upload uploaded sample test example draft page
    content body input output source sources readme notes note item""".split()
)
#: A stem that may name an outlet: letters, spaces, dots, ampersands, apostrophes, hyphens
#: and underscores (no digits: "article_12" or a date names no outlet), 1-40 characters.
_OUTLET_STEM = re.compile(r"^[A-Za-z][A-Za-z&.'’ _-]{0,39}$")
#: Plain-text files whose name may give the outlet.
PLAIN_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")


def outlet_from_file_name(name: str) -> str:
    """The outlet a plain-text file's name gives when nothing else names one: ``fox.txt``
    -> ``fox``, ``daily_example.txt`` -> ``daily example``, and so do a copy's number, a
    date or a word saying what the file holds around the name (``fox (1).txt``,
    ``fox_2025-03-04.txt``, ``fox_article.txt``), and a date and the headline's words after
    it (``fox_2025-03-04_storm-hits-coast.txt``); "" for other file types and for names
    that are not a name (``article_12.txt``, ``untitled.txt``)."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    stem, dot, suffix = base.rpartition(".")
    if not dot or f".{suffix.lower()}" not in PLAIN_TEXT_SUFFIXES:
        return ""
    middle = _DATED_MIDDLE.match(stem)  # "fox_2025-03-04_storm-hits-coast.txt"
    stem = middle.group("name") if middle else stem
    stem = _COPY_MARK.sub("", _DATED.sub("", stem)).strip(" _-")
    stem = _CONTAINER_END.sub("", _CONTAINER_START.sub("", stem))  # "fox_article.txt"
    if not _OUTLET_STEM.match(stem):
        return ""
    words = stem.replace("_", " ").split()
    if not words or len(words) > 4 or all(w.lower() in GENERIC_STEMS for w in words):
        return ""
    return " ".join(words)


#: A date written in a file's name: "fox_2025-03-04_storm-hits.txt", "20250304 fox.txt".
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_file_name(name: str) -> str:
    """The ISO date (``YYYY-MM-DD``) a plain-text file's name gives, as scrapers and
    archives save articles (``fox_2025-03-04_storm-hits-coast.txt``, ``2025-03-04 fox.txt``);
    "" for other file types, names without one or an impossible date (2025-02-30)."""
    from datetime import date

    base = PurePosixPath((name or "").replace("\\", "/")).name
    stem, dot, suffix = base.rpartition(".")
    if not dot or f".{suffix.lower()}" not in PLAIN_TEXT_SUFFIXES:
        return ""
    found = _NAME_DATE.search(stem)
    if not found:
        return ""
    try:
        return date(*map(int, found.groups())).isoformat()
    except ValueError:
        return ""


#: A copy's number a browser or a user adds: "fox (1).txt", "fox_2.txt", "fox-3.txt", "fox2.txt".
_COPY_MARK = re.compile(r"(?:\s*\(\d{1,3}\)|[ _-]+\d{1,3}|(?<=[A-Za-z])\d{1,2})$")
#: A date before or after the name: "fox_2025-03-04.txt", "20250304 fox.txt".
_DATED = re.compile(r"(?:[ _-]*\d{4}-?\d{2}-?\d{2}$|^\d{4}-?\d{2}-?\d{2}[ _-]*)")
#: A name, a date, then the headline's words: "fox_2025-03-04_storm-hits-coast.txt", as
#: saved by scrapers and archives (outlet, date, slug); the name before the date is the outlet.
_DATED_MIDDLE = re.compile(r"^(?P<name>[A-Za-z][A-Za-z&.' -]{0,39}?)_\d{4}-?\d{2}-?\d{2}_\w.*$")
#: Words that say what the file holds, not who published it ("fox_article.txt",
#: "article-fox.txt"), cut from either end of a longer name.
_CONTAINERS = (
    r"(?:articles?|story|stories|text|document|doc|file|copy|uploaded|upload|pasted|paste|"
    r"draft|page|untitled)"
)
_CONTAINER_END = re.compile(rf"(?<=\w)(?:[ _-]+{_CONTAINERS})+$", re.I)
_CONTAINER_START = re.compile(rf"^(?:{_CONTAINERS}[ _-]+)+(?=\w)", re.I)


def as_written(name: str, text: str) -> str:
    """``name`` (an outlet read from a file name, "kxmn", "seoul tribune") as the article
    itself writes it ("KXMN", "Seoul Tribune"), so one article gives one outlet name spelled
    as the outlet spells it; else ``name``. Only where the text plainly credits the outlet:
    in parentheses ("MINNEAPOLIS (KXMN) —"), as call letters in capitals, or as a name of
    two or more capitalised words; "Fox" in "Fox News" or "Michael J. Fox" is not "fox"."""
    words = name.split()
    if not words:
        return name
    pattern = r"(?<!\w)" + r"[\s_-]+".join(map(re.escape, words)) + r"(?!\w)"
    for m in re.finditer(pattern, text[:20_000], re.I):
        found = " ".join(m.group().split())
        credit = text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")"
        letters = len(words) == 1 and len(found) >= 3 and found.isupper()
        capitalised = len(words) > 1 and all(w[:1].isupper() for w in found.split())
        if credit or letters or capitalised:
            return found
    return name


#: Short words a name keeps in lower case after its first word ("Voice of the Valley").
_NAME_SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})


def as_name(name: str) -> str:
    """An outlet read from a file name of two or more lower-case words ("maghreb review")
    capitalised as the name of a publication is written ("Maghreb Review"): file names are
    lower case by habit, not because the outlet is. One word is left as written ("fox",
    "nyt", "kxmn": a word, initials or call letters cannot be told apart), and so is a name
    with capitals or figures of its own ("Harbour-Daily", "wrc 4")."""
    words = name.split()
    if len(words) < 2 or not all(w.isalpha() and w.islower() for w in words):
        return name
    return " ".join(
        w if k and w in _NAME_SMALL_WORDS else w[0].upper() + w[1:] for k, w in enumerate(words)
    )


def _outlet_words(name: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", name.casefold())
    return words[1:] if words[:1] == ["the"] and len(words) > 1 else words


def names_same_outlet(from_file: str, outlet: str) -> bool:
    """Does ``from_file`` (an outlet read from a file name: "fox", "foxnews", "nyt",
    "meridian post") name ``outlet`` as another article of the corpus writes it ("Fox
    News", "The New York Times", "The Meridian Post")? The same letters without spaces,
    the outlet's first word alone, or its initials."""
    short, full = _outlet_words(from_file), _outlet_words(outlet)
    if not short or not full or short == full:
        return bool(short) and short == full
    joined = "".join(short)
    return joined == "".join(full) or (
        len(short) == 1 and len(full) > 1 and (joined == full[0] or (
            len(joined) >= 2 and joined == "".join(w[0] for w in full)))
    )

