"""A US state and its city of one bare name, told apart by the words around the mention.

News writes "New York" for the state and for the city, "Washington" for the city (the
federal capital) and for the state. The gazetteer reads both one way, so a story about a
New York congressman that also names the city would show one place. The text often says
which: "Sen. Ada Roe of New York", "(D-Wash.)", "a Washington Democrat", "Washington
state", "upstate New York" are the state; "the mayor of New York", "New York's mayor's office",
"Washington, D.C." the city. :func:`state_or_city` gives such a mention the cue "state" or
"city"; :mod:`lib.resolve.dual_places` reads the story's mentions by it. The names and
words live in ``lib/data/dual_places.json``.
"""

from __future__ import annotations

import functools
import re

from lib.datafiles import read_json
from lib.nlp.gazetteer import gazetteer
from lib.records import Mention

#: A state's abbreviation as news writes it ("N.Y.", "Wash.").
ABBREVIATION = re.compile(r"[A-Z][a-z]*\.|[A-Z]\.[A-Z]\.")
#: Cues given to a mention of a bare state-and-city name.
STATE_CUE, CITY_CUE = "state", "city"


@functools.cache
def vocab() -> dict:
    """The names and word lists of ``lib/data/dual_places.json``."""
    return read_json("dual_places.json")


def dual_name(text: str) -> str | None:
    """The bare state-and-city name a mention's text names ("N.Y." -> "New York",
    "Washington, D.C." -> "Washington"), else None."""
    hit = gazetteer().lookup(text)
    name = hit[0] if hit is not None else text
    return name if name in vocab()["dual"] else None


@functools.cache
def _title_of(kind: str) -> re.Pattern:
    """ "<title> <one to five words of a name> of " ending where a place name starts."""
    titles = "|".join(re.escape(t) for t in vocab()[f"{kind}_titles"])
    word = r"(?:[A-Z][\w.'’-]*|de|van|von|da|del|la|le)"  # "Mayor Ada de Roe of"
    return re.compile(rf"(?i:\b(?:{titles}))\s+(?:{word},?\s+){{1,5}}of\s+$")


def _after_word(text: str, end: int) -> str:
    """The lower-case word right after a name, past its possessive ("New York's mayor")."""
    rest = re.sub(r"^['’]s\b", "", text[end : end + 40])
    m = re.match(r"\s+([A-Za-z]+)", rest)
    return m.group(1).lower() if m else ""


def reading(text: str, start: int, end: int, written: str) -> str:
    """ "state", "city" or "" for a mention ``text[start:end]`` written ``written``."""
    words = vocab()
    if "D.C." in written or written.endswith(" City"):
        return CITY_CUE
    if written.endswith((" State", " state")) or ABBREVIATION.fullmatch(written):
        return STATE_CUE  # "Washington State"; an abbreviation: "N.Y.", "Wash."
    before = text[max(0, start - 80) : start]
    low = before.lower().rstrip()
    nxt = _after_word(text, end)
    for kind, cue in (("state", STATE_CUE), ("city", CITY_CUE)):
        if nxt in words[f"{kind}_after"] or nxt.rstrip(".") in words[f"{kind}_after"]:
            return cue
        if any(low.endswith(w) for w in words[f"{kind}_before"]):
            return cue
        if _title_of(kind).search(before):
            return cue
    if before.endswith("-") and text[end : end + 1] == ")":
        return STATE_CUE  # "(D-N.Y.)": a member of Congress and the state they represent
    return ""


def state_or_city(records: list[Mention], text: str) -> None:
    """Give each place mention of a bare state-and-city name the cue "state" or "city"
    when the words around it say which (module docstring)."""
    for rec in records:
        if rec.label not in ("GPE", "LOC") or dual_name(rec.text) is None:
            continue
        cue = reading(text, rec.start_char, rec.end_char, rec.text)
        if cue:
            rec.cue = cue
