"""“The Texas Republican said”: a party member written as a description is the person the
article itself describes that way ("Sen. Jo Roe, R-Texas,", "Jo Roe (R-Texas)", "Jo Roe,
Republican of Texas,", "Jo Roe, a Texas Republican,"), not the party. Kept apart from
:mod:`lib.nlp.attribution`, which calls :func:`party_member` for a subject token."""

from __future__ import annotations

import re

from lib.nlp.spans import entity_offsets

#: Singular party-member nouns and the letter written after a lawmaker's name ("R-Texas").
PARTY_LETTERS = {"republican": "r", "democrat": "d", "independent": "i"}

_STATE = r"[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?"
#: The description right after a person's name: "(R-Texas)", ", R-Texas,", ", Republican of
#: Texas", ", a Texas Republican" / ", the Oregon Democrat".
DESCRIBED = (
    re.compile(rf"^\s*[,(]\s*(?P<party>[RDI])\.?\s*-\s*(?P<state>{_STATE})"),
    re.compile(
        rf"^\s*,\s*(?P<party>Republican|Democrat|Independent)\s+(?:from|of)\s+(?P<state>{_STATE})"
    ),
    re.compile(
        rf"^\s*,\s*(?:a|an|the)\s+(?P<state>{_STATE}\s+)?(?P<party>Republican|Democrat|Independent)\b"
    ),
)


def _same_state(a: str, b: str) -> bool:
    """ "Texas" / "Tex." / "Texas": one written as a prefix of the other (dots, case aside)."""
    a, b = a.replace(".", "").strip().lower(), b.replace(".", "").strip().lower()
    if not a or not b:
        return not a or not b  # a description without a state fits any
    return a.startswith(b) or b.startswith(a)


def party_member(att, subj):
    """(text, start, end) of the one person of the article described by the party (and
    state) of ``subj`` ("The Texas Republican called …"), or None. Only a singular party
    noun after "the" counts: "Republicans said" or "a Republican said" is nobody named."""
    letter = PARTY_LETTERS.get(subj.lower_)
    if letter is None or subj.tag_ not in ("NNP", "NN"):
        return None
    det = next((c for c in subj.lefts if c.dep_ == "det" and c.lower_ == "the"), None)
    if det is None:
        return None
    between = subj.doc[det.i + 1 : subj.i]  # "the New York Democrat": "New York"
    if any(not t.text[:1].isupper() for t in between):
        return None  # "the former Texas Republican", "the other Democrat"
    state = between.text
    fits = {}
    for ent in att.people.mentions:
        if ent.start_char >= subj.idx:
            continue
        after = att.text[ent.end_char : ent.end_char + 60]
        for pattern in DESCRIBED:
            m = pattern.match(after)
            if m is None:
                continue
            said = (m.group("party") or "")[:1].lower()
            written = (m.group("state") or "").strip().rstrip(",)")
            if said == letter and (not state or _same_state(written, state)):
                fits[att.people.person(ent)] = ent
            break
    if len(fits) != 1:
        return None
    (ent,) = fits.values()
    return entity_offsets(ent)
