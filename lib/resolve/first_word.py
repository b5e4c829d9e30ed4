"""The first word an organisation goes by: "Exxon" of "Exxon Mobil", "Goldman" of "Goldman
Sachs".

Newsrooms shorten a company or group named by two or three capitalised words to its first
word ("Priorities" for "Priorities USA Action"). :func:`first_word_owners` reads one such
word as the one longer name of the story it starts, when nothing says otherwise: the word
is tagged an organisation itself, it is no place, no chamber or other generic head
("House" is no short "House Freedom Caucus"), no word of a person's name the story tags,
and the longer name ends in no head word of ``name_heads.csv`` (a body named after a person
or a place is another thing: "Ford" is no short "Ford Foundation", "Trump" no short "Trump
Tower"). A word two longer names start stays alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from lib.nlp.gazetteer import gazetteer
from lib.nlp.names import head_words, name_heads

#: Words heading many names, which never stand for one of them ("House", "Senate").
GENERIC_HEADS = head_words("generic")
#: Longest name (in words) whose first word may stand for it.
MAX_WORDS = 3


def _plain_word(word: str) -> bool:
    """A capitalised word of letters, not an acronym ("Exxon" yes, "USA" and "U.S." no)."""
    return len(word) > 2 and word[:1].isupper() and word[1:].isalpha() and word[1:].islower()


def first_word_owners(names: Iterable[str], people_words: set[str] | None) -> dict[str, set[str]]:
    """One-word organisation name -> the longer names of ``names`` (one story's
    organisations) it is the first word of, for the words that may stand for them (module
    docstring); ``people_words``: the words of the story's people's names (None: no
    first word stands for a name, as for laws)."""
    if people_words is None:
        return {}
    names = list(names)
    singles = {n for n in names if " " not in n}
    out: dict[str, set[str]] = defaultdict(set)
    starts: dict[str, set[str]] = defaultdict(set)
    for name in names:
        words = name.split(" ")
        if 2 <= len(words) <= MAX_WORDS:
            starts[words[0]].add(name)
    for word in singles:
        owners = starts.get(word, set())
        if len(owners) != 1 or not _plain_word(word) or word in GENERIC_HEADS:
            continue
        if word in people_words or gazetteer().lookup(word) is not None:
            continue
        owner = next(iter(owners))
        rest = owner.split(" ")[1:]
        if any(w in name_heads() for w in rest) or not all(w[:1].isupper() for w in rest):
            continue
        out[word].add(owner)
    return out
