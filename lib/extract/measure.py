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
    origin = _change_origin(doc, cand)
    if origin is not None:  # "from $2.5 billion in 2024": not the clause's "last year"
        scope = {t.i for t in origin.subtree}
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


#: Words that make a date or time expression a moment the figure is about.
MOMENT_WORDS = frozenset(
    "today yesterday tomorrow tonight overnight night morning afternoon evening weekend "
    "spring summer autumn fall winter monday tuesday wednesday thursday friday saturday "
    "sunday".split()
)
#: Period words that name a moment only with one of :data:`PERIOD_MODIFIERS` ("last
#: week", not the "-year" of "a 10-year-old").
PERIOD_WORDS = frozenset("week month year decade quarter".split())
PERIOD_MODIFIERS = frozenset("last next this previous past coming that same earlier".split())
#: Reporting verbs whose own date is when something was said, not what the figure is about.
REPORTING = frozenset("say tell report announce add note state confirm".split())


def time_text(doc, cand: Candidate, noun) -> str:
    """The date or time the figure is about, as written: the DATE / TIME expression
    nearest to the figure in its own clause ("Wednesday", "the previous night", "last
    week", "March 3", "in 2014" -> "2014"), durations the figure counts left out ("four
    days last week" -> "last week"), and not the date of a reporting verb ("…, officials
    said on Thursday"); "" when none. :mod:`lib.resolve.holders` resolves it against the
    article's date."""
    v = vocab()
    lo, hi = cand.start, cand.end
    sent = sent_of(doc, cand.anchor_span[0])
    anchor = noun if noun is not None else anchor_token(doc, *cand.anchor_span)
    verb = _clause_verb(doc, anchor)
    if verb is None or _described(anchor, verb):
        return ""
    reported = set()
    for child in verb.children:
        if child.pos_ == "VERB" and child.lemma_.lower() in REPORTING:
            reported |= {t.i for t in child.subtree}
    origin = _change_origin(doc, cand)
    within = origin.subtree if origin is not None else verb.subtree
    scope = [t.i for t in within if t.i not in reported and not (lo <= t.i < hi)]
    timed = [
        i for i in scope if doc[i].ent_type_ in ("DATE", "TIME") and sent.start <= i < sent.end
    ]
    runs: list[list[int]] = []
    for i in timed:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    best, best_distance = "", None
    for run in runs:
        toks = [doc[i] for i in run]
        # a duration inside the expression ("four days", "two years") is a figure's
        # business: keep only what follows it ("four days last week" -> "last week")
        k = 0
        while k < len(toks) and toks[k].like_num and not YEAR_RE.fullmatch(toks[k].text):
            k += 1
        if k < len(toks) and toks[k].lemma_.lower() in v["time_units"] and (k or run[0] == hi):
            toks = toks[k + 1 :]
        while toks and not toks[0].is_alpha and not toks[0].like_num:
            toks = toks[1:]  # "-year": the rest of a hyphenated measure
        words = {t.lower_.rstrip(".") for t in toks}
        dated = (
            words & (MOMENT_WORDS | set(v["months"]))
            or (words & PERIOD_WORDS and words & PERIOD_MODIFIERS)
            or any(YEAR_RE.fullmatch(t.text) for t in toks)
        )
        if not toks or not dated:
            continue
        distance = min(lo - t.i if t.i < lo else t.i - hi + 1 for t in toks)
        if best_distance is None or distance < best_distance:
            best, best_distance = " ".join(t.text for t in toks), distance
    return best


def _change_origin(doc, cand: Candidate):
    """The "from" of a change the figure starts ("rose to $3 billion last year from $2.5
    billion in 2024", "nine on Tuesday, up from seven"): the clause's time is the new
    value's, so the figure's own time is only inside that phrase. None otherwise."""
    tok = anchor_token(doc, *cand.anchor_span)
    for _ in range(3):
        if cand.start <= tok.head.i < cand.end and tok.head.i != tok.i:
            tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "from":
        return tok.head
    return None


#: Links through which a figure describes a noun rather than taking part in the clause's
#: event ("Strzok, a 21-year FBI veteran, was fired on Friday": Friday is not when he
#: served 21 years).
DESCRIPTION_DEPS = frozenset({"appos", "acl", "relcl", "parataxis"})


def _described(tok, verb) -> bool:
    """Is ``tok`` inside a description (apposition, clause modifier) below ``verb``?"""
    node = tok
    for _ in range(8):
        if node.i == verb.i or node.head.i == node.i:
            return False
        if node.dep_ in DESCRIPTION_DEPS and node.head.i != verb.i:
            return True
        if node.dep_ == "appos":
            return True
        node = node.head
    return False
