"""What a figure counts, from the dependency parse: the noun, its modifiers, outcome verbs
("soldiers killed or wounded") and the actors or groups it belongs to ("Haitian migrants")."""

from __future__ import annotations

import functools
from dataclasses import replace

from lib.extract.candidates import Candidate
from lib.extract.exclusions import anchor_token
from lib.extract.holder import past_dateline
from lib.extract.numbers import vocab
from lib.nlp.index import ent_at
from lib.records import Figure

GROUP_LABELS = ("NORP", "GPE")
ACTOR_LABELS = ("GPE", "NORP", "ORG", "PERSON")


def counted_noun(doc, cand: Candidate):
    """The noun the figure quantifies (or None) and optional context nouns."""
    anchor = anchor_token(doc, *cand.anchor_span)
    lo, hi = cand.start, cand.end
    # "thousands of troops", "12% of voters", "millions of rounds of ammunition"
    noun = _pobj_of(anchor, ("of",), ("NOUN", "PROPN", "PRON"))
    if noun is not None:
        return noun, []
    tok = _climb_out(anchor, lo, hi)
    for find in (_noun_it_modifies, _of_after_span, _range_of, _predicate_noun):
        noun = find(doc, cand, tok)
        if noun is not None and not (find is _noun_it_modifies and _one_persons_name(noun)):
            return noun, []
    return None, []


def _one_persons_name(noun) -> bool:
    """A singular proper noun of a person's name that a figure modifies is no thing
    counted: "the $3 million Ada Roe raised" is the money she raised, not "3 million Roe"
    (the parser hangs the figure on the name). "three Kennedys" (plural) still counts, and
    so does a clause's subject ("Roe had 54 percent": see the claims' people heads)."""
    if noun.ent_type_ != "PERSON" or noun.tag_ != "NNP":
        return False
    doc = noun.doc
    alone = noun.ent_iob_ == "B" and (noun.i + 1 >= len(doc) or doc[noun.i + 1].ent_iob_ != "I")
    return not (alone and noun.is_sent_start)  # "Turnout was 67%": a word the model misread


def _pobj_of(tok, words: tuple[str, ...], pos: tuple[str, ...], after: int = -1):
    """The object of a preposition (one of ``words``) hanging from ``tok``, at or after
    token ``after``, when its part of speech is one of ``pos``; else None."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in words and child.i >= after:
            found = _object(child, pos)
            if found is not None:
                return found
    return None


def _object(prep, pos: tuple[str, ...]):
    """The first object of preposition ``prep`` whose part of speech is one of ``pos``."""
    return next((p for p in prep.children if p.dep_ == "pobj" and p.pos_ in pos), None)


def _climb_out(anchor, lo: int, hi: int):
    """The token standing for the whole figure: climb out of its own tokens and units
    ("%", "km", "$")."""
    tok = anchor
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            break
        if lo <= head.i < hi or head.lower_ in ("%", "percent", "cent"):
            tok = head
            continue
        break
    return tok


def _noun_it_modifies(doc, cand: Candidate, tok):
    """ "12 soldiers", "$5bn budget": the noun the figure modifies."""
    head = tok.head
    modifies = tok.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod")
    if modifies and head.pos_ in ("NOUN", "PROPN") and not (cand.start <= head.i < cand.end):
        return _past_names(doc, head, cand.end)
    return None


def _of_after_span(doc, cand: Candidate, tok):
    """ "of" attached to the unit or last token: "12 percent of voters"."""
    for t in doc[cand.start : cand.end]:
        noun = _pobj_of(t, ("of",), ("NOUN", "PROPN"), after=cand.end)
        if noun is not None:
            return noun
    return None


def _range_of(doc, cand: Candidate, tok):
    """ "winds of up to 150 km/h": the noun the "of" hangs from."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return tok.head.head
    return None


def _predicate_noun(doc, cand: Candidate, tok):
    """Predicate figures: "$8B in aid", "announced $5bn in aid", "the toll rose to 300",
    "deaths, estimated at 9,000", "police put the crowd at 20,000"."""
    noun = _pobj_of(tok, ("in", "for", "of"), ("NOUN",), after=cand.end)
    if noun is not None:
        return noun  # "$8B in aid"
    if tok.dep_ == "dobj" and cand.unit:
        for child in tok.head.children:
            if child.dep_ == "prep" and child.lower_ == "in" and child.i == cand.end:
                noun = _object(child, ("NOUN",))
                if noun is not None:
                    return noun  # "announced $5bn in aid"
    node = tok
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            node = node.head.head
        elif node.dep_ == "prep":
            node = node.head
        else:
            break
    if node is not tok or tok.dep_ in ("dobj", "attr", "nsubj", "npadvmod", "advmod"):
        return _measured(cand, tok, node)
    return None


def _measured(cand: Candidate, tok, node):
    """What a measuring verb measures: "the toll rose to 300" (its subject), "police put
    the crowd at 20,000" (its object), or the noun a participle describes."""
    verb = node if node.pos_ in ("VERB", "AUX") else (tok.head if tok is node else node)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in vocab()["measure_verbs"]:
        return None
    outside = [c for c in verb.children if c.i < cand.start or c.i >= cand.end]
    if node is not tok:  # "police put the crowd at 20,000"
        for child in outside:
            if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN"):
                return child
    for child in body_subjects(outside):
        if child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def body_subjects(children, deps: tuple[str, ...] = ("nsubj", "nsubjpass")):
    """The subjects (``deps``) among a verb's ``children``, read past the dateline that
    opens their line: in "HARBOURTON, May 2 (Agency) - The jobless rate climbed to 5%" the
    parser may make the town a second subject; the rate is what climbed."""
    for child in children:
        if child.dep_ in deps:
            subject = past_dateline(child.doc, child)
            if subject is not None:
                yield subject


#: Entity types that name the owner of what a figure counts rather than the thing counted
#: ("4,300 Wal-Mart and Sam's Club stores" counts stores).
OWNER_LABELS = frozenset({"ORG", "PERSON", "GPE", "FAC"})


def _past_names(doc, head, span_hi: int):
    """The noun a figure counts when the parser hung it on a name right after it: "more
    than 4,300 Wal-Mart and Sam's Club stores" counts stores, not "Wal"; else ``head``."""
    if head.pos_ != "PROPN" or head.ent_type_ not in OWNER_LABELS or head.i != span_hi:
        return head
    end = min(len(doc), head.sent.end, span_hi + 8)
    k = span_hi
    while k < end and (
        doc[k].ent_type_ in OWNER_LABELS
        or doc[k].lower_ in ("and", "&", "-", "'s", "’s")
        or doc[k].tag_ == "POS"
    ):
        k += 1
    if k < end and k > span_hi and doc[k].tag_ == "NNS" and doc[k].pos_ == "NOUN":
        return doc[k]
    return head


def noun_after(doc, k: int, end: int):
    """Fallback when the parse is broken: the noun phrase right after the figure."""
    j = k
    if j + 1 < end and doc[j].text in ("-", "–") and doc[j + 1].lower_ == "strong":
        j += 2  # "a 2,000-strong force"
    k = j
    while j < end and j < k + 4 and doc[j].pos_ in ("ADJ", "PROPN", "NOUN"):
        j += 1
    if j > k and doc[j - 1].pos_ == "NOUN":
        if doc[j - 1].lemma_.lower() not in vocab()["time_units"]:
            return doc[j - 1]
    return None


def counted_phrase(doc, noun, cand: Candidate) -> tuple[str, list[str], list]:
    """(label, lemmas, group entity tokens) for the counted noun and its modifiers."""
    keep, mods = _modifiers(noun, cand)
    extra_right = _of_phrase(noun, cand)  # "rounds of ammunition"
    label_toks = sorted((doc[i] for i in keep), key=lambda t: t.i)
    verbs = _outcome_verbs(noun)
    words = [t.text for t in label_toks] + [t.text for t in extra_right] + _verb_words(verbs)
    lemmas = [t.lemma_.lower() for t in mods] + [noun.lemma_.lower()]
    if extra_right:
        lemmas.append(extra_right[1].lemma_.lower())
    lemmas += [t.lemma_.lower() for t in verbs]
    groups = [t for t in mods if t.ent_type_ in GROUP_LABELS]
    return " ".join(words), lemmas, groups


def _modifiers(noun, cand: Candidate) -> tuple[set[int], list]:
    """Token indices of the noun and its modifiers (outside the figure, no numbers or
    stop words), and the modifier tokens."""
    stop = vocab()["modifier_stop"]
    keep, mods = {noun.i}, []
    for child in noun.lefts:
        inside = cand.start <= child.i < cand.end
        if inside or child.dep_ not in ("amod", "compound", "nmod", "nummod"):
            continue
        sub = [t for t in child.subtree if not (cand.start <= t.i < cand.end)]
        if any(t.like_num for t in sub) or child.lower_ in stop:
            continue
        for t in sub:
            named = t.pos_ == "PROPN" and t.ent_type_ != ""  # "New" of "New York trading"
            if t.dep_ in ("punct", "det", "cc", "case") or (t.lower_ in stop and not named):
                continue
            keep.add(t.i)
            mods.append(t)
    return keep, mods


def _of_phrase(noun, cand: Candidate) -> list:
    """["of", noun] when the counted noun is followed by "of" + a noun ("rounds of
    ammunition"), else []."""
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            if pobjs and pobjs[0].pos_ == "NOUN" and not (cand.start <= pobjs[0].i < cand.end):
                return [child, pobjs[0]]
            break
    return []


def _is_outcome(tok) -> bool:
    outcome_of = vocab()["outcome_of"]
    return tok.lemma_.lower() in outcome_of or tok.lower_ in outcome_of


def _outcome_verbs(noun) -> list:
    """Outcome verbs of the counted noun, in order: "soldiers have been killed or wounded",
    "people died", "people killed in"."""
    verbs = []
    head = noun.head
    transitive = noun.dep_ == "nsubj" and any(_object_of(c, head) for c in head.children)
    role = noun.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ in ("VERB", "ADJ", "AUX")
    if role and not transitive and _is_outcome(head):
        verbs.append(head)
        verbs += [c for c in head.children if _shared_outcome(c)]
    for child in noun.rights:
        if child.dep_ in ("acl", "amod") and _is_outcome(child):
            verbs.append(child)
            verbs += [c for c in child.children if c.dep_ == "conj" and not _own_object(c)]
    return sorted(verbs, key=lambda t: t.i)


def _shared_outcome(tok) -> bool:
    """A coordinated outcome verb that shares the noun ("killed or wounded"), not one with
    an object of its own ("killing seven people and injuring 40 others")."""
    return tok.dep_ == "conj" and _is_outcome(tok) and not _own_object(tok)


def _own_object(verb) -> bool:
    return any(
        c.dep_ in ("nsubj", "nsubjpass") or _object_of(c, verb) for c in verb.children
    )


def _object_of(tok, verb) -> bool:
    """Is ``tok`` the direct object of ``verb``? An object is never set off from its verb
    by a comma: in "four people had died, among them a local man" the parser's "object"
    is an aside, and "died" stays intransitive."""
    if tok.dep_ != "dobj":
        return False
    lo, hi = sorted((verb.i, tok.i))
    return not any(t.text in {",", ";", "—", "–"} for t in tok.doc[lo + 1 : hi])


def _verb_words(verbs: list) -> list[str]:
    """The verbs as written, joined by their own conjunctions ("killed or wounded")."""
    if not verbs:
        return []
    words = [verbs[0].text]
    for prev, cur in zip(verbs, verbs[1:], strict=False):
        ccs = [c.text for c in prev.children if c.dep_ == "cc"] or [
            c.text for c in cur.children if c.dep_ == "cc"
        ]
        words += [ccs[0] if ccs else "and", cur.text]
    return words


def counted_context(doc, noun, cand: Candidate) -> tuple[list[str], list[str]]:
    """Context lemmas (nouns the figure is an estimate of) and actor groups for grouping."""
    lemmas, groups = [], []
    if noun is None:
        noun = anchor_token(doc, *cand.anchor_span)
    # "losses, estimated at over 9,000 sheep": the noun the estimate belongs to
    node = noun
    for _ in range(3):
        if node.dep_ == "pobj":
            node = node.head
        if node.dep_ == "prep":
            node = node.head
        if node.dep_ == "acl" and node.head.pos_ == "NOUN":
            lemmas.append(node.head.lemma_.lower())
            for mod in node.head.lefts:
                if mod.dep_ in ("amod", "compound") and mod.ent_type_ in GROUP_LABELS:
                    groups.append(ent_text(doc, mod))
            break
        if node.pos_ in ("VERB", "AUX"):
            break
    # actor: "X deployed / is training / sent 4,000 workers", "Smith won 52% of the vote"
    node, via_object = anchor_token(doc, *cand.anchor_span), False
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        via_object = via_object or node.dep_ == "dobj"
        if node.dep_ not in ("dobj", "nummod", "quantmod", "compound", "nmod", "amod"):
            break
        node = node.head
    if via_object and node.pos_ == "VERB":
        for child in node.children:
            actor = past_dateline(doc, child) if child.dep_ == "nsubj" else None
            if actor is not None and actor.ent_type_ in ACTOR_LABELS:  # not "TUNIS, … —"
                groups.append(ent_text(doc, actor))
    return lemmas, groups


def ent_text(doc, tok) -> str:
    ent = ent_at(doc, tok.i)
    return ent.text if ent is not None else tok.text


#: Dependency labels of a number (or its unit) that measures its clause's subject.
MEASURE_DEPS = frozenset({"dobj", "attr", "npadvmod", "advmod", "acomp", "oprd", "nummod"})


def measured_noun(doc, cand: Candidate, subject: bool = True):
    """The noun a figure with nothing counted measures, from the syntax; None if none.

    "a fine of $7.5 million" and "net worth of 1.356 billion": the noun before "of";
    "Tesla shares were up 57%", "Nvidia advanced 8%", "the debris field stretched for some
    seven miles": the subject of the clause the figure measures (only when ``subject``).
    Pronouns do not count.
    """
    a, b = cand.anchor_span
    tok = doc[a:b].root
    for _ in range(3):  # climb out of the figure's own tokens ("$", "million", "%", "miles")
        if cand.start <= tok.head.i < cand.end and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("of", "at", "for", "to", "by"):
        holder = head.head
        if head.lower_ == "of" and holder.pos_ in ("NOUN", "PROPN"):
            return holder
        tok, head = head, holder  # "stretched for some seven miles": the verb's subject
    end = cand.end
    if end + 1 < len(doc) and doc[end].lower_ in ("per", "a", "an") and doc[end + 1].pos_ == "NOUN":
        if doc[end].lower_ == "per" or doc[end + 1].lemma_ in ("barrel", "gallon", "share"):
            return doc[end + 1]  # "$58.24 per barrel", "$2.11 a gallon"
    if not subject:
        return None
    if tok.dep_ in MEASURE_DEPS | {"prep", "pobj"} and head.pos_ in ("VERB", "AUX", "ADJ", "ADV"):
        verb = head if head.pos_ != "ADV" else head.head
        # "boost the range by 35 miles": a change measures the object; else the subject
        order = ("dobj", "nsubj", "nsubjpass") if tok.lower_ == "by" else ("nsubj", "nsubjpass")
        for dep in order:
            for child in body_subjects(verb.children, (dep,)):
                if child.pos_ in ("NOUN", "PROPN"):
                    return child
    return None


#: Dependencies through which a figure with nothing counted reaches what it describes.
CONTEXT_CLIMB = frozenset(
    "dobj attr npadvmod advmod acomp oprd nummod quantmod prep pobj appos amod compound nmod "
    "conj dep punct".split()
)
#: How far (tokens) the last fallback of :func:`context_noun` looks for a noun.
NEAR_WORDS = 5
#: Clause links through which a verb without a subject of its own takes its head's.
SUBJECT_CARRIERS = frozenset({"xcomp", "conj", "advcl", "acl", "relcl", "ccomp", "pcomp"})


def _nominal(tok) -> bool:
    """A noun that can say what a figure describes: not a number, a unit, a currency or a
    time word, nor a word glued to a number ("4.3M", "47 feet")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.like_num or any(c.isdigit() for c in tok.text):
        return False
    word = tok.lower_
    if word in _unit_words() or tok.lemma_.lower() in _unit_words():
        return False
    prev = tok.nbor(-1) if tok.i > 0 else None
    return not (prev is not None and prev.like_num and not prev.whitespace_ and tok.is_alpha)


@functools.lru_cache(maxsize=1)
def _unit_words() -> frozenset:
    v = vocab()
    words = set(v["units"]) | set(v["percent_words"]) | set(v["currency_words"])
    words |= set(v["currency_symbols"]) | set(v["time_units"]) | set(v["scales"])
    words |= {"cent", "per", "degree", "degrees", "celsius", "fahrenheit"}
    return frozenset(w.lower() for w in words)


def context_noun(doc, cand: Candidate):
    """What a figure with no counted noun describes, from its wider context (or None):

    - the subject of the clause the figure measures ("Tesla shares were up 57%",
      "Nvidia advanced 8%", "the aircraft is 72.7 metres long", "the pace of price
      increases is expected to rise to 1.9%"), through clauses that share a subject;
    - a noun the figure hangs from ("a grounding for more than three months"), or the
      object of a change ("pulled the healthcare sector 0.68 percent lower");
    - else the nearest noun before the figure in its sentence ("Dow +0.2%"), or after it,
      within :data:`NEAR_WORDS` tokens (farther nouns are guesses).

    For display only: :func:`lib.extract.figures.extract_figures` marks it
    ``counted_how = "context"`` and claims never group on it. Pronouns do not count.
    """
    lo, hi = cand.start, cand.end
    sent = doc[cand.anchor_span[0]].sent
    tok = anchor_token(doc, *cand.anchor_span)
    for _ in range(8):  # climb to the clause the figure belongs to
        head = tok.head
        if head.i == tok.i or (not (lo <= head.i < hi) and tok.dep_ not in CONTEXT_CLIMB):
            break
        if not (lo <= head.i < hi):
            if _nominal(head) and tok.dep_ in ("pobj", "prep", "appos", "compound", "nmod"):
                if not (head.dep_ == "pobj" and head.head.lower_ in ("in", "at", "on")):
                    return head  # "a grounding for three months", "index (+0.2%)"
            if head.pos_ in ("VERB", "AUX", "ADJ"):
                found = _clause_subject(head, lo, hi, tok)
                if found is not None:
                    return found
        tok = head
    before = doc[max(sent.start, lo - NEAR_WORDS) : lo]
    found = [t for t in before if _phrase_head(t, lo, hi)]
    if found:
        return found[-1]
    after = doc[hi : min(sent.end, hi + NEAR_WORDS)]
    found = [t for t in after if _phrase_head(t, lo, hi)]
    return found[0] if found else None


def _phrase_head(tok, lo: int, hi: int) -> bool:
    """A noun heading its phrase ("index" of "TA-35 index"), or one the parser hung on the
    figure itself ("Zentrix +0.3%")."""
    return _nominal(tok) and (tok.dep_ != "compound" or lo <= tok.head.i < hi)


def _clause_subject(verb, lo: int, hi: int, via):
    """The subject of ``verb``'s clause (climbing clauses that share it), or a changed
    object ("pulled the sector 0.7% lower") when the figure is not the object itself."""
    node = verb
    for _ in range(4):
        kids = [c for c in node.children if not (lo <= c.i < hi)]
        for dep in ("nsubj", "nsubjpass"):
            for child in body_subjects(kids, (dep,)):
                if _nominal(child):
                    return child
        if any(True for _ in body_subjects(kids)):
            return None  # a pronoun subject: the sentence's nearest noun decides
        if node is verb and via.dep_ != "dobj":
            for child in kids:
                if child.dep_ == "dobj" and _nominal(child):
                    return child
        if node.dep_ not in SUBJECT_CARRIERS or node.head.i == node.i:
            return None
        node = node.head
    return None


def fill_from_context(doc, figures: list[Figure], cands: list[Candidate]) -> None:
    """Give every figure still counting nothing its :func:`context_noun` phrase as
    ``counted`` (``counted_how = "context"``), leaving the grouping keys (head, lemmas)
    empty. ``cands``: each figure's candidate (its token offsets)."""
    before = None  # the sentence's last figure that counts a noun of its own
    for fig, cand in zip(figures, cands, strict=True):
        if fig.counted_how == "noun":
            before = fig
        if fig.counted:
            continue
        if before is not None and before.sentence == fig.sentence and before.unit == fig.unit:
            # "52 percent of the vote to Haskins's 46 percent": the vote, shown, not grouped on
            fig.counted, fig.counted_how = before.counted, "context"
            continue
        noun = context_noun(doc, cand)
        if noun is not None:
            fig.counted = counted_phrase(doc, noun, cand)[0]
            fig.counted_how = "context"


def hyphen_measure(doc, cand: Candidate, noun):
    """(candidate with its unit, counted noun) of an adjectival measure glued by a hyphen,
    or None: "a 38-word oath" measures the oath in words, "a 6.1-inch display" the display
    in inches; the figure's span takes in "-word". Such a figure describes its noun, not
    the clause's event (its predicate is left empty). With a time unit it is a duration
    of its noun: "a 60-day suspension" is 60 days long, "a 21-year FBI veteran" served 21
    years (ages, "a 10-year-old", are read elsewhere)."""
    end = cand.end
    if cand.unit or cand.tally or end + 1 >= len(doc):
        return None
    if doc[end].text not in ("-", "–") or doc[end].whitespace_ or doc[end - 1].whitespace_:
        return None
    unit_tok = doc[end + 1]
    lemma = unit_tok.lemma_.lower()
    if unit_tok.pos_ != "NOUN" or not unit_tok.is_alpha:
        return None
    head = unit_tok.head
    if unit_tok.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN" and head.i > end + 1:
        if noun is None or noun.i in (unit_tok.i, head.i):
            unit = vocab()["units"].get(unit_tok.lower_, lemma)
            return replace(cand, unit=unit, end=end + 2), head
    return None
