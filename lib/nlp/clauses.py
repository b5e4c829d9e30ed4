"""Finding the reporting clause of a quote: the verb that introduces it and its subject.

Used by :mod:`lib.nlp.attribution` (``att`` is its Attributor: the Doc, the tokens inside
quotes, and the subject helpers). Each function returns ``(verb, subject token, rank)``
with rank 0 for a reporting verb, 1 for the subject of another verb (fragments only), or
None.
"""

from __future__ import annotations

from lib.nlp.people import vocab

#: Possessive determiners as the pronoun they stand for ("his claim" is his).
POSSESSIVES = {"his": "m", "her": "f", "its": "n", "their": "pl"}
#: Verbs that report through their object: "issued a statement", "posted a message".
ISSUING_VERBS = frozenset({"issue", "release", "publish", "send", "deliver", "give", "put"})


def _reporting(tok, weak_ok: bool = True) -> bool:
    v = vocab()
    lemma = tok.lemma_.lower()
    if lemma == "put" and _puts_it(tok):
        return True  # "as Roe put it, “…”"
    if lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children):
        return True  # "“…,” she went on": she continued
    if lemma not in v["reporting_verbs"]:
        return lemma in ISSUING_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in v["source_nouns"] for c in tok.children
        )
    return weak_ok or lemma not in v["weak_verbs"]


def says_its_own(verb, att) -> bool:
    """Does a reporting verb carry a content clause of its own, outside any quote ("Roe said
    he had warned them")? Then it tags no quote that closed a sentence before it."""
    return any(
        c.dep_ == "ccomp" and c.i > verb.i and c.i not in att.in_quote for c in verb.children
    )


def _puts_it(tok) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)


def climb(tokens, region: set[int], att, fragment: bool):
    """Reporting verb and subject reached by climbing heads from the quote's tokens.

    Along the chain of heads outside the quote, the subject of the first reporting verb
    that has one wins; fragments fall back to the subject of any verb but a copula (``The
    ministry dismissed the claims as "fake news"``; not "Turnout is higher among them
    (40% "very likely")"). A direct quote stops at a non-reporting clause
    with its own subject. Returns (verb, subject, rank) with rank 0 for reporting verbs.
    """
    qset = {t.i for t in tokens}
    best = None  # (rank, chain length, verb, subject)
    for tok in tokens:
        if tok.head.i in qset or tok.head.i == tok.i:
            continue
        h, steps, cand, fallback, first_verb = tok.head, 0, None, None, None
        below = tok
        while h.i in region and steps < 15:
            steps += 1
            if below.dep_ in ("acl", "ccomp") and h.i not in att.in_quote:
                holder = noun_holder(att, h)  # "his claim that Peru is “a war of choice”"
                if holder is not None:
                    cand = (0, steps, h, holder)
                    break
            if h.pos_ in ("VERB", "AUX") and h.i not in att.in_quote:
                is_report = _reporting(h)
                first_verb = first_verb or h
                subj = att.subject_of(h)
                if subj is None and is_report and h.i > tok.i:
                    subj = att.inverted_subject(h)
                if subj is not None and is_report:
                    cand = (0, steps, h, subj)
                    break
                if subj is not None:
                    if not fragment:
                        break
                    if h.lemma_ != "be":  # "Turnout is higher (40% “very likely”)": no one
                        fallback = fallback or (1, steps, first_verb, subj)
            if h.head.i == h.i:
                break
            below, h = h, h.head
        cand = cand or (fallback if fragment else None)
        if cand is not None and (best is None or cand[:2] < best[:2]):
            best = cand
    return None if best is None else (best[2], best[3], best[0])


def children_verb(tokens, region: set[int], att):
    """A reporting verb outside the quote hanging from a quote token (parataxis); of two,
    the one nearer the quote ("Asked by Roe whether …, she said, “…”": she said it)."""
    qset = {t.i for t in tokens}
    if not qset:
        return None
    lo, hi = min(qset), max(qset)
    best = None  # (distance, verb, subject)
    for tok in tokens:
        for child in tok.children:
            if (
                child.i not in qset
                and child.i in region
                and child.i not in att.in_quote
                and child.pos_ == "VERB"
                and _reporting(child)
            ):
                subj = att.subject_of(child) or att.inverted_subject(child)
                dist = lo - child.i if child.i < lo else child.i - hi
                if subj is not None and (best is None or dist < best[0]):
                    best = (dist, child, subj)
    return None if best is None else (best[1], best[2], 0)


def nearby_verb(q_first: int, q_last: int, region_tokens, att):
    """Positional fallback: a (strong) reporting verb within a few tokens of the quote."""
    best = None
    for tok in region_tokens:
        if tok.i in att.in_quote or tok.pos_ != "VERB" or not _reporting(tok, weak_ok=False):
            continue
        gap = range(q_last + 1, tok.i) if tok.i > q_last else range(tok.i + 1, q_first)
        if len(gap) > 6 or any(g in att.in_quote and not att.doc[g].is_punct for g in gap):
            continue  # another quote in between (this quote's own marks are fine)
        subj = att.subject_of(tok)
        if subj is None and tok.i > q_last:
            subj = att.inverted_subject(tok)
        if subj is not None and (best is None or len(gap) < best[0]):
            best = (len(gap), tok, subj)
    return None if best is None else (best[1], best[2], 0)


def _in_words_of(tok):
    """ "in Roe's words" / "in the words of Roe": Roe. None for any other token."""
    if tok.lower_ != "words":
        return None
    doc, i = tok.doc, tok.i - 1
    while i > 0 and doc[i].text in ("’", "'", "’s", "'s"):
        i -= 1
    if i < tok.i - 1 and doc[i].pos_ == "PROPN" and i > 0:
        j = i
        while j > 0 and doc[j - 1].pos_ == "PROPN":
            j -= 1
        if j > 0 and doc[j - 1].lower_ == "in":
            return doc[i]  # "in Harbour Weekly’ words", however the parse hangs it
    if tok.head.lower_ != "in":
        return None
    for child in tok.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _per_source(tok) -> bool:
    """ "per the ministry", "per officials", "per Reuters" name a source; "per hour", "per
    share", "per person" (a bare singular noun) make a rate."""
    if tok.lower_ != "per" or tok.dep_ != "prep" or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.pos_ in ("DET", "PROPN") or nxt.tag_ in ("NNS", "NNPS")


def according_to(region_tokens, att):
    """``according to X`` / ``citing X`` outside quotes: the phrase's object."""
    doc = att.doc
    for tok in region_tokens:
        if tok.i in att.in_quote:
            continue
        words_of = _in_words_of(tok)
        if words_of is not None and words_of.i not in att.in_quote:
            return words_of
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            head = doc[tok.i + 1]
        elif tok.lower_ in ("citing", "quoting") or _per_source(tok):
            head = tok
        else:
            continue
        for child in head.children:
            if child.dep_ in ("pobj", "dobj") and child.i not in att.in_quote:
                return child
        j = head.i + 1
        while j < len(doc) and not doc[j].is_punct and j - head.i < 8:
            j += 1
        if j > head.i + 1 and doc[j - 1].pos_ in ("PROPN", "NOUN"):
            return doc[j - 1]
    return None


def noun_holder(att, noun):
    """Whose statement, claim or remarks a reporting noun is, when the clause it heads
    holds the quote: the possessor ("his claim that …", "Roe's statement that …") or
    the "by"/"from" phrase. None for any other noun."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in vocab()["source_nouns"]:
        return None
    for child in noun.children:
        if child.i in att.in_quote:
            continue
        if child.dep_ == "poss" and (
            child.lower_ in POSSESSIVES or child.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        ):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and att._name_for(pobj) is not None:
                return pobj
    return None


def sender(att, participle):
    """ "Roe wrote to party members saying …": a participle hanging on the one written
    to is the writer's, not the recipients'. The subject of the verb of "to", or None."""
    noun = participle.head
    to = noun.head
    if noun.dep_ == "pobj" and to.lower_ == "to" and to.head.pos_ == "VERB":
        return att.subject_of(to.head)
    return None


#: Verbs whose passive subject is the one addressed: "Roe was asked by Ruiz, “…”" is Ruiz's.
ADDRESS_VERBS = frozenset({"ask", "tell", "question", "press", "urge", "challenge", "warn"})


def asked_by(verb, subject):
    """The agent of a passive verb of addressing ("was asked by host Ana Ruiz") when
    ``subject`` is its passive subject: the one who spoke. None otherwise."""
    if subject.dep_ != "nsubjpass" or verb.lemma_.lower() not in ADDRESS_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None
