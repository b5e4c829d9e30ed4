"""The acronym a story's organisation goes by, looked for where the model missed it.

One outlet writes "the Democratic National Committee", another only "the DNC
Communications Director": the model may tag the name and leave the acronym untagged, and
the second outlet then looks as if it never named the committee.
:func:`story_initialisms` gives, per story, the acronyms of its organisations
(:func:`lib.nlp.names.initials`, also dotted: "D.N.C.") that :mod:`lib.resolve.propagate`
then looks for in every article; :mod:`lib.resolve.short_forms` folds a found acronym into
the one name of the story whose initials it is.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lib.nlp.gazetteer import gazetteer
from lib.nlp.names import INITIAL_SKIP, initials

#: Acronyms shorter than this are too often something else ("AP", "DC").
MIN_LETTERS = 3
#: Nor are initials of names longer than this many words looked for.
MAX_LETTERS = 6
#: A leading article, no part of the name.
LEADING_THE = re.compile(r"^[Tt]he ")


def _name_words(text: str) -> list[str] | None:
    """The words of an organisation's name written in capitals (small words allowed inside),
    else None."""
    words = LEADING_THE.sub("", text).split(" ")
    if len(words) < 2 or not all(w[:1].isupper() or w in INITIAL_SKIP for w in words):
        return None
    return words


def story_initialisms(records: list[dict], story_of: dict[str, str]) -> dict[str, dict]:
    """story -> {acronym: "ORG"}: the initials of a multi-word organisation the story's
    bodies tag ("DNC" and "D.N.C." of "Democratic National Committee"), when they are the
    initials of no other organisation of the story and the gazetteer knows them as nothing
    but an organisation ("GA" is a state, and too short anyway)."""
    owners: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in records:
        if r["label"] != "ORG" or r.get("in_title"):
            continue
        words = _name_words(r["text"])
        if words is None:
            continue
        name = " ".join(words)
        for key in initials(name):
            if MIN_LETTERS <= len(key) <= MAX_LETTERS and key.isalpha():
                owners[story_of.get(r["doc_id"], "")][key].add(name)
    out: dict[str, dict] = {}
    for story, keys in owners.items():
        found = {}
        for key, names in keys.items():
            hit = gazetteer().lookup(key)
            if len(names) == 1 and (hit is None or hit[1] == "ORG"):
                found[key] = found[".".join(key) + "."] = "ORG"
        if found:
            out[story] = found
    return out
