"""Sources written as a job title ("the mayor said", "the chief executive replied"): the
person of the document written with that title before (a title before the name, "Gov. Jane
Roe", or in apposition, "Jane Roe, the governor,"); and sources written as the kind of body
they are ("the company said"): the organisation the document called so before ("Quarrow
Freight, a hauling company,")."""

from __future__ import annotations

import functools
import re

from lib.nlp.gazetteer import gazetteer
from lib.nlp.people import vocab
from lib.nlp.pipeline import doc_text
from lib.nlp.spans import entity_offsets


def role_holder(subj, written: str, people, in_quote) -> tuple[str, int, int] | None:
    """(text, start, end) of the person holding the job title ``subj`` heads ("the mayor"),
    the latest such person named before it outside quotations, else None. ``people``: the
    document's :class:`lib.nlp.people.People`; ``in_quote``: token indices inside quotes."""
    heads = {w.lower() for w in gazetteer().titles["head"]}
    low = subj.lower_
    modifiers = [c.lower_ for c in subj.lefts if c.dep_ in ("compound", "amod", "nmod")]
    if subj.tag_ not in ("NN", "NNP") or not _role_noun(low, modifiers, heads):
        return None
    if not written.lower().startswith(("the ", "his ", "her ", "their ")) and "'s " not in (
        written.lower().replace("’", "'")
    ):
        return None
    gendered = vocab()["gendered_words"].get(low)
    before = [
        e
        for e in reversed(people.mentions)
        if e.end <= subj.i
        and e.start not in in_quote
        and not (gendered and not people.compatible(e, gendered))
    ]
    # "the NATO chief": a person written with "NATO" before; else with "chief" before
    for test in (
        lambda e: modifiers and all(people.has_title(e, m) for m in modifiers),
        lambda e: people.has_title(e, low),
    ):
        for ent in before:
            if test(ent):
                return entity_offsets(ent)
    return None


def _role_noun(low: str, modifiers: list[str], heads: set[str]) -> bool:
    """A job title's noun: a title head ("mayor"), or a title word after a title modifier
    ("the chief executive", "the executive director")."""
    if low in heads:
        return True
    words = {w.lower().rstrip(".") for w in gazetteer().title_words}
    return low in words and any(m in words for m in modifiers)


#: A word between the article and the noun of an apposition ("a hauling company"), never a
#: preposition or article: "a lawyer for the company" calls the lawyer no company.
_MODIFIER = r"(?!(?:for|of|at|with|to|in|on|by|from|the|a|an)\b)[\w'’-]+"


@functools.lru_cache(maxsize=64)
def _called(noun: str) -> re.Pattern:
    """", a hauling <noun>" / ", the <noun>" right after a name."""
    return re.compile(rf",\s+(?:a|an|the)\s+(?:{_MODIFIER}\s+){{0,3}}{noun}\b", re.I)


def body_holder(subj, written: str, names, in_quote) -> tuple[str, int, int] | None:
    """(text, start, end) of the organisation "the company" (``subj`` its noun) stands for:
    the latest of ``names`` (the document's name entities: the model may type a company
    PERSON) named before it outside quotations and written with that noun in apposition
    ("Quarrow Freight, a hauling company," / "Quarrow Freight, the company that ..."), else
    None."""
    low = subj.lower_
    if low not in vocab()["body_nouns"] or not written.lower().startswith("the "):
        return None
    text = doc_text(subj.doc)
    called = _called(low)
    for ent in reversed(names):
        if ent.end > subj.i or ent.start in in_quote:
            continue
        if called.match(text, ent.end_char):
            return entity_offsets(ent)
    return None
