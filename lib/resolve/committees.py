"""Committee names as newsrooms write them: one committee, several spellings.

A legislature's committee goes by its formal name ("Senate Committee on Energy and Natural
Resources", "House Committee on the Judiciary"), by the same words in the newsroom order
("Senate Energy and Natural Resources Committee") and by its first subject alone ("Senate
Energy Committee"; "Senate Banking Committee" of "Senate Banking, Housing and Urban Affairs
Committee"). :func:`committee_forms` gives the other spellings a name may go by;
:mod:`lib.resolve.short_forms` folds them into one organisation when they fit one name of the
story. A federal appeals court goes the same way by its circuit (:func:`court_forms`).
"""

from __future__ import annotations

import re

from lib.nlp.names import head_words

#: Last words of a chamber's body ("Committee", "Subcommittee", "Panel", "Caucus").
COMMITTEES = head_words("committee")
#: Chambers whose committees go by their name alone ("House", "Senate").
CHAMBERS = head_words("chamber")
#: Days and months: "the Senate Harbor Committee on Monday" is no committee "on Monday".
CALENDAR_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April"
    " May June July August September October November December".split()
)
#: Words that say what kind of committee a committee is, which newsrooms drop ("Select
#: Committee on Benghazi" -> "Benghazi Committee"); "Joint" stays ("Joint Economic Committee").
KIND_WORDS = frozenset({"Permanent", "Select", "Standing", "Special"})


def committee_order(name: str) -> str:
    """ "Senate Committee on Energy and Natural Resources" -> "Senate Energy and Natural
    Resources Committee", "House Committee on the Judiciary" -> "House Judiciary
    Committee"; other names unchanged (the words before "Committee" and after "on" must all
    be capitalised: "Committee on Foreign Relations" -> "Foreign Relations Committee")."""
    words = name.split(" ")
    for i, word in enumerate(words[:-2]):
        if word in COMMITTEES and words[i + 1] == "on":
            before, rest = words[:i], words[i + 2 :]
            if rest[:1] == ["the"]:
                rest = rest[1:]
            capital = all(w[:1].isupper() for w in before)
            dated = any(w in CALENDAR_WORDS for w in rest)  # "Committee on Monday"
            if rest and rest[0][:1].isupper() and capital and not dated:
                if all(w[:1].isupper() or w == "and" for w in rest):
                    return " ".join([*before, *rest, word])
            break
    return name


def first_subject(name: str) -> str:
    """ "Senate Energy and Natural Resources Committee" -> "Senate Energy Committee",
    "Senate Banking, Housing and Urban Affairs Committee" -> "Senate Banking Committee": a
    committee of several subjects by its first one; "" for other names (one subject, or no
    subject word before the first "and")."""
    words = name.split(" ")
    if len(words) < 4 or words[-1] not in COMMITTEES:
        return ""
    if not all(w[:1].isupper() or w == "and" for w in words[:-1]):
        return ""
    for i, word in enumerate(words[:-1]):
        if word == "and" or word.endswith(","):
            kept = words[:i] if word == "and" else [*words[:i], word[:-1]]
            subject = [w for w in kept if w not in CHAMBERS]
            return " ".join([*kept, words[-1]]) if subject and i > 0 else ""
    return ""


def committee_forms(name: str) -> list[str]:
    """The other spellings a committee's name may go by: :func:`committee_order`, without
    the words that say what kind of committee it is ("House Permanent Select Committee on
    Intelligence" -> "House Intelligence Committee") and by its :func:`first_subject`;
    [] for other names."""
    ordered = committee_order(name)
    words = ordered.split(" ")
    out = [ordered] if ordered != name else []
    if words[-1] in COMMITTEES and len(words) > 2:
        plain = [w for w in words[:-1] if w not in KIND_WORDS]
        if plain and len(plain) < len(words) - 1 and not all(w in CHAMBERS for w in plain):
            out.append(" ".join([*plain, words[-1]]))
    for form in list(out) or [name]:
        first = first_subject(form)
        if first and first not in out:
            out.append(first)
    return out


#: "U.S. Court of Appeals for the Ninth Circuit" / "9th U.S. Circuit Court of Appeals".
_APPEALS_FOR = re.compile(
    r"^(?:U\.S\. |United States )?Court of Appeals for the (?P<c>[\w.]+(?: [\w.]+)?) Circuit$"
)
_CIRCUIT_APPEALS = re.compile(r"^(?P<c>[\w.]+(?: [\w.]+)?) (?:U\.S\. )?Circuit Court of Appeals$")


def court_forms(name: str) -> list[str]:
    """An appeals court by its circuit alone, as newsrooms write it: "U.S. Court of Appeals
    for the Ninth Circuit" and "9th U.S. Circuit Court of Appeals" -> ["Ninth Circuit"] and
    ["9th Circuit"] (one spelling of the number: ``short_forms.org_spelling``); [] for
    other names."""
    hit = _APPEALS_FOR.match(name) or _CIRCUIT_APPEALS.match(name)
    return [f"{hit['c'].removesuffix(' U.S.')} Circuit"] if hit else []
