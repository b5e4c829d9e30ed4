"""What a figure measures beyond its noun: the event or predicate it counts ("killed",
"trained", "deployed", "paid"), the places it applies to, and its time scope.

- ``predicate``: the lemma of the outcome verb of the counted phrase ("soldiers killed"), of
  a verb modifying the counted noun ("troops deployed to the border"), or of the clause verb the
  figure belongs to ("Russia has trained 11,000 troops"), reporting verbs and copulas skipped;
  "" when none.
- ``places``: the places (GPE/LOC entities) named in the counted phrase or in a
  prepositional phrase of the figure's clause ("troops in Syria"), "; "-joined.
- ``time_scope``: the time the figure is about when its clause says so: a year ("2008"), a
  relative time as written ("last year", "since 2007"), ``expected`` for what will, could
  or is planned to happen ("will send up to 10,000", "could take 19 steps"); "" for the
  article's own present.
"""

from __future__ import annotations

import re

from lib.extract.candidates import Candidate
from lib.extract.exclusions import anchor_token
from lib.extract.numbers import vocab
from lib.nlp.index import sent_ents, sent_of

#: Verbs that carry no measurement of their own.
LIGHT_VERBS = frozenset(
    "be have do get make say tell report add note claim estimate believe show put cite "
    "include reach total stand number amount remain become".split()
)
#: Time scope of a figure in a clause about the future or the possible.
EXPECTED = "expected"
MODALS = frozenset("will would could can may might should shall 'll wo ca".split())
#: Verbs whose complement is a plan or expectation ("plans to send 10,000 troops").
PLAN_VERBS = frozenset(
    "plan expect intend aim propose seek want threaten hope promise pledge vow aim".split()
)
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d|2100)\b")
RELATIVE_TIME = re.compile(
    r"\b(last|next|previous|this|past|coming)\s+(year|month|week|decade|quarter|season)\b"
    r"|\b(since|until|by|before|after)\s+(1[89]\d\d|20\d\d)\b",
    re.I,
)


def _clause_verb(doc, tok):
    """The nearest verb governing ``tok`` (or None)."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.i != tok.i:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def predicate(doc, cand: Candidate, noun) -> str:
    """See the module docstring; only a real word (letters, three or more) counts."""
    lemma = _predicate(doc, cand, noun)
    return lemma if lemma.isalpha() and len(lemma) >= 3 else ""


def _predicate(doc, cand: Candidate, noun) -> str:
    v = vocab()
    if noun is not None:
        for child in noun.children:
            if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
                if child.lemma_.lower() not in LIGHT_VERBS:
                    return child.lemma_.lower()
        head = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ in ("VERB", "ADJ"):
            if head.lemma_.lower() not in LIGHT_VERBS or head.lower_ in v["outcome_of"]:
                return head.lemma_.lower()
    anchor = anchor_token(doc, *cand.anchor_span)
    verb = _clause_verb(doc, noun if noun is not None else anchor)
    for _ in range(3):
        if verb is None:
            return ""
        lemma = verb.lemma_.lower()
        if lemma not in LIGHT_VERBS and lemma not in v["say_verbs"]:
            return lemma
        # "said Russia had trained 11,000": the reported clause's own verb comes first
        if verb.dep_ in ("ccomp", "xcomp", "conj", "advcl") and verb.head.i != verb.i:
            verb = _clause_verb(doc, verb)
        else:
            return ""
    return ""


def places(doc, cand: Candidate, noun) -> str:
    """See the module docstring."""
    found: list[str] = []
    sent = sent_of(doc, cand.anchor_span[0])
    lo, hi = cand.start, cand.end
    scope = set()
    if noun is not None:
        scope |= {t.i for t in noun.subtree}
    verb = _clause_verb(doc, noun if noun is not None else doc[cand.anchor_span[0]])
    if verb is not None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "to", "into", "across", "from"):
                scope |= {t.i for t in child.subtree}
    for ent in sent_ents(sent):
        if ent.label_ in ("GPE", "LOC") and ent.start in scope and not (lo <= ent.start < hi):
            if ent.text not in found:
                found.append(ent.text)
    return "; ".join(found)


def time_scope(doc, cand: Candidate, noun) -> str:
    """See the module docstring."""
    sent = sent_of(doc, cand.anchor_span[0])
    lo, hi = cand.start, cand.end
    verb = _clause_verb(doc, noun if noun is not None else doc[cand.anchor_span[0]])
    scope = {t.i for t in verb.subtree} if verb is not None else set(range(sent.start, sent.end))
    # the figure's own clause only: not a year inside another figure's clause of the sentence
    for ent in sent_ents(sent):
        if ent.label_ != "DATE" or lo <= ent.start < hi or ent.start not in scope:
            continue
        rel = RELATIVE_TIME.search(ent.text)
        if rel:
            return " ".join(rel.group(0).lower().split())
        year = YEAR_RE.search(ent.text)
        if year:
            return year.group(1)
    text = doc[min(scope, default=sent.start) : max(scope, default=sent.end - 1) + 1].text
    rel = RELATIVE_TIME.search(text)
    if rel:
        return " ".join(rel.group(0).lower().split())
    clauses = [verb] if verb is not None else []
    if noun is not None:  # "19 steps that the president can take"
        clauses += [c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"]
    return EXPECTED if any(_expected(v) for v in clauses) else ""


def _expected(verb) -> bool:
    """Is the clause about what will, could or is planned to happen ("will send", "could
    take", "plans to deploy", "is expected to reach"), not what happened?"""
    node = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in node.children):
            return True
        if node.lemma_.lower() in PLAN_VERBS and node is not verb:
            return True
        if node.dep_ not in ("xcomp", "relcl", "acl", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False
