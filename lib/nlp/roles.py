"""Sources written as a job title ("the mayor said", "the chief executive replied"): the
person of the document written with that title before (a title before the name, "Gov. Jane
Roe", or in apposition, "Jane Roe, the governor,")."""

from __future__ import annotations

from lib.nlp.gazetteer import gazetteer
from lib.nlp.people import vocab
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
