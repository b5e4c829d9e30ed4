"""Whose measurement a figure is: its *holder*, read from the dependency parse.

"The couple's effective tax rate of 35.7%" is the couple's; "a rival's own rate was 36%"
the rival's; "Okafor with 18 percent, Baptiste and Moreau with 11 percent": 18 percent is
Okafor's, 11 percent Baptiste's and Moreau's; "21 percent for Romney" Romney's; "Wal-Mart
stores" Wal-Mart's; "Ford cut 13,000 jobs" Ford's. In order, the first that applies:

- ``aged``: the person an age describes ("the 64-year-old Delgado", "Delgado, a
  64-year-old senator", "At 64, Delgado …", "Delgado, who is 64, …");
- ``with``: the names right before "X with N" (a list's share goes to the names it follows,
  whatever the parser made of the list; "X and Y, with N each" too); a verb there ("led
  with 21 percent", "were at 17 percent each") gives its subject;
- ``for``: a name after the figure ("N for X");
- ``possessor``: the possessor of what is counted or measured ("Trump's net worth of …",
  "his age"); a he/she possessive is resolved to the person it stands for (else nobody);
- ``apposition``: the name the figure is set beside ("Smith, 52 percent, …", "Smith (52
  percent)");
- ``modifier``: a person or organisation naming what is counted ("Wal-Mart stores");
- ``subject``: the subject of the clause whose object or complement the figure is ("the
  couple paid …", "Trump had 17 percent"), with the names coordinated with it ("Okafor
  and Moreau each had 11 percent": a figure shared by every name of the list), reporting
  verbs and pronouns that name nobody skipped. A dateline the parser joined to the
  subject ("TUNIS, Tunisia — South Korea and Tunisia signed …") holds nothing: the
  subject starts after its dash.

A record has ``holder_text`` (the name or noun phrase as written), ``holder_start`` /
``holder_end`` (character offsets, for the canonical entity) and ``holder_how`` (the rule
above, "" when there is no holder). :mod:`lib.resolve.holders` turns it into the
``holder`` column: the canonical entity where it is one.
"""

from __future__ import annotations

from lib.extract.candidates import Candidate
from lib.extract.exclusions import age_person, anchor_token
from lib.extract.numbers import vocab
from lib.nlp.index import ent_at, sent_of
from lib.nlp.subjects import DATELINE_DASHES  # the speakers skip datelines the same way

#: Entity types that can hold a measurement.
HOLDER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LAW", "EVENT", "WORK_OF_ART"})
#: Entity types a counted noun's modifier must have to be its holder ("Wal-Mart stores");
#: nationalities and places are the counted groups' job ("Haitian migrants").
MODIFIER_LABELS = frozenset({"PERSON", "ORG"})
#: Possessive pronouns resolved to a person.
PERSON_POSSESSIVES = {"his": "m", "her": "f"}
#: Words that never hold a measurement as subjects or possessors.
NOT_HOLDERS = frozenset(
    "it its they them their this that these those which who whom whose what there here "
    "i we you me us our your my one some all both each any many few others other".split()
)
#: Dependencies through which a figure is its clause's object or complement.
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "acomp", "npadvmod", "nummod", "quantmod"})
#: Verbs whose subject reports a figure rather than holding it (``lib/data/attribution.json``
#: has the full reporting list; these are the common ones for figures).
REPORT_LEMMAS = frozenset(
    "say tell report estimate claim show find put note add cite count calculate "
    "announce state predict project forecast suggest indicate".split()
)
#: Words before a name in a list that are part of how it is named ("and former Gov. X").
NAME_PREMODIFIERS = frozenset({"former", "late", "then", "acting", "fellow"})
#: What joins the last name of a list.
LIST_AND = frozenset({"and", "&"})
#: At most this many tokens before a dateline's dash.
DATELINE_MAX_TOKENS = 12
EMPTY = {"holder_text": "", "holder_start": -1, "holder_end": -1, "holder_how": ""}


def figure_holder(doc, cand: Candidate, noun, attributor=None) -> dict:
    """The holder record of one figure candidate (see the module docstring).

    ``noun``: the noun the figure counts or measures (or None); ``attributor``: the Doc's
    :class:`lib.nlp.attribution.Attributor`, used to resolve "his"/"her" (optional).
    """
    for how, find in (
        ("aged", _aged),
        ("with", _with_names),
        ("for", _for_name),
        ("possessor", lambda d, c, n: _possessor(d, c, n, attributor)),
        ("apposition", _apposition),
        ("modifier", _modifier),
        ("subject", _subject),
        ("subject", _hung_on_name),
    ):
        found = find(doc, cand, noun)
        if found is not None:
            start, end = found
            text = doc.text[start:end].strip() if hasattr(doc, "text") else ""
            if text and text.lower() not in NOT_HOLDERS:
                return {
                    "holder_text": text,
                    "holder_start": start,
                    "holder_end": end,
                    "holder_how": how,
                }
    return dict(EMPTY)


# ----------------------------------------------------------------------------- spans


def _name_span(doc, tok) -> tuple[int, int] | None:
    """Character span of the name ``tok`` belongs to (its entity, possessive cut), or of
    its noun phrase's compounds and head when it is no entity; None for pronouns."""
    if tok.lower_ in NOT_HOLDERS or tok.pos_ == "PRON" or tok.like_num:
        return None
    ent = ent_at(doc, tok.i)
    if ent is not None and ent.label_ in HOLDER_LABELS:
        toks = [t for t in ent if t.tag_ != "POS" and t.text not in ("'s", "’s", "'", "’")]
        if toks and toks[0].lower_ == "the":
            toks = toks[1:]
        if toks:
            return toks[0].idx, toks[-1].idx + len(toks[-1].text)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    lo = tok.i
    while lo - 1 >= 0 and doc[lo - 1].dep_ in ("compound", "amod") and doc[lo - 1].head.i == tok.i:
        if doc[lo - 1].like_num:
            break
        lo -= 1
    return doc[lo].idx, tok.idx + len(tok.text)


def _names_before(doc, k: int, floor: int) -> tuple[int, int] | None:
    """The names ending right before token ``k``: "Okafor", "Baptiste and Moreau",
    "Mitt Romney" (proper nouns joined by "and" / "&"), or None."""
    j = k - 1
    if j < floor or doc[j].pos_ != "PROPN" or doc[j].ent_type_ in ("DATE", "TIME"):
        return None  # "elected on Tuesday with 52%": a day holds nothing
    lo, listed = j, False
    while lo - 1 >= floor:
        prev = doc[lo - 1]
        before = doc[lo - 2] if lo - 2 >= floor else None
        if prev.pos_ == "PROPN" or (prev.tag_ == "NNP" and prev.is_title):
            lo -= 1
        elif prev.lower_ in NAME_PREMODIFIERS and before is not None and before.lower_ in LIST_AND:
            lo -= 1  # "Trump and former Gov. Mike Huckabee"
        elif prev.lower_ in LIST_AND and before is not None and before.pos_ == "PROPN":
            lo, listed = lo - 2, True
        elif prev.text == "," and listed and before is not None and before.pos_ == "PROPN":
            lo -= 2  # "Okafor, Lindqvist and Moreau"
        else:
            break
    return doc[lo].idx, doc[j].idx + len(doc[j].text)


# ----------------------------------------------------------------------------- rules


def _with_names(doc, cand: Candidate, noun):
    """ "Okafor with 18 percent", "Huckabee at 17 percent": the names right before "with"
    or "at"; "Romney led with 21 percent", "Trump tied … at 17 percent": the subject of
    the verb the preposition belongs to."""
    start = cand.start
    sent = doc[cand.anchor_span[0]].sent
    if start - 1 <= sent.start or doc[start - 1].lower_ not in ("with", "at"):
        return None
    names = _names_before(doc, start - 1, sent.start)
    if names is not None:
        return names
    if doc[start - 2].text == "," and start - 2 > sent.start:
        names = _names_before(doc, start - 2, sent.start)  # "Smith and Jones, with 11 percent each"
        if names is not None and (_shared(doc, cand) or _is_list(doc, names)):
            return names
    prep, prev = doc[start - 1], doc[start - 2]
    verb = None
    if prev.pos_ in ("VERB", "AUX") or (prev.pos_ == "ADV" and prev.head.pos_ == "VERB"):
        verb = prev if prev.pos_ in ("VERB", "AUX") else prev.head
    elif prep.dep_ == "prep" and prep.head.pos_ == "VERB":
        verb = prep.head
    return _subject_of(doc, verb, cand) if verb is not None else None


def _shared(doc, cand: Candidate) -> bool:
    """ "… 11 percent each": one figure held by every name before it."""
    end = cand.end
    return end < len(doc) and doc[end].lower_ == "each"


def _is_list(doc, span: tuple[int, int]) -> bool:
    text = doc.text[span[0] : span[1]]
    return " and " in text or " & " in text


def _for_name(doc, cand: Candidate, noun):
    """ "21 percent for Romney": a name right after "for"."""
    end = cand.end
    sent_end = doc[cand.anchor_span[0]].sent.end
    if noun is not None and noun.i >= end and noun.i - end <= 2:
        end = noun.i + 1  # "21 percent of the vote for Romney" is not read: keep it simple
    if end + 1 >= sent_end or doc[end].lower_ != "for":
        return None
    nxt = doc[end + 1]
    if nxt.lower_ == "the" and end + 2 < sent_end:
        nxt = doc[end + 2]
    ent = ent_at(doc, nxt.i)
    named = ent is not None and ent.label_ in HOLDER_LABELS - {"NORP"}
    # a proper noun the tagger missed (or took for a date) is a name too, months aside
    if not named and not (nxt.pos_ == "PROPN" and nxt.lower_ not in vocab()["months"]):
        return None
    return _name_span(doc, nxt)


def _figure_top(doc, cand: Candidate):
    """The token of the figure's own tokens that the rest of the sentence hangs on."""
    tok = anchor_token(doc, *cand.anchor_span)
    for _ in range(3):
        if cand.start <= tok.head.i < cand.end and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    return tok


def _measured(doc, cand: Candidate, noun):
    """The noun whose holder decides: what is counted, or what the figure measures ("the
    rate of 35.7%")."""
    if noun is not None:
        return noun
    tok = _figure_top(doc, cand)
    if any(child.dep_ == "poss" for child in tok.children):
        return tok  # "Haskins's 46 percent"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        return tok.head.head
    if tok.dep_ == "attr" and tok.head.pos_ == "AUX":
        for child in tok.head.children:
            if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN"):
                return child  # "a rival's own rate was 36%"
    return None


def _possessor(doc, cand: Candidate, noun, attributor):
    target = _measured(doc, cand, noun)
    if target is None:
        return None
    for child in target.children:
        if child.dep_ != "poss":
            continue
        if child.lower_ in PERSON_POSSESSIVES:
            if attributor is None:
                return None
            ent = attributor.resolve_person(child, PERSON_POSSESSIVES[child.lower_])
            if ent is None:
                return None
            return _name_span(doc, ent.root)
        return _name_span(doc, child)
    for child in target.children:  # "the net worth of Donald Trump"
        if child.dep_ == "prep" and child.lower_ == "of" and child.i > cand.end - 1:
            for pobj in child.children:
                ent = ent_at(doc, pobj.i)
                if pobj.dep_ == "pobj" and ent is not None and ent.label_ in MODIFIER_LABELS:
                    return _name_span(doc, pobj)
    return None


def _aged(doc, cand: Candidate, noun):
    """ "the 64-year-old Delgado", "Delgado, a 64-year-old senator": the person an age
    describes (the name "N-year-old" modifies, or the name its noun is set beside); "At
    64, Delgado …", "Delgado, who is 64, …" (:func:`lib.extract.exclusions.age_person`)."""
    named = age_person(doc, cand, doc[cand.start].sent.start)
    if named is not None:  # "At 64, Delgado …", "Delgado, who is 64, …"
        return _name_span(doc, named)
    old = next((t for t in doc[cand.end : min(cand.end + 4, len(doc))] if t.lower_ == "old"), None)
    if old is None or old.dep_ != "amod":
        return None
    person = old.head
    if person.dep_ == "appos" and person.head.i < person.i:
        person = person.head  # "Delgado, a 64-year-old senator"
    ent = ent_at(doc, person.i)
    label = ent.label_ if ent is not None else ""
    if label != "PERSON" and (person.pos_ != "PROPN" or label not in ("", "ORG")):
        return None  # a name (the small model often types a surname ORG), not a place
    return _name_span(doc, person)


def _apposition(doc, cand: Candidate, noun):
    """ "Smith, 52 percent, …" / "Smith (52 percent)": the figure set beside a name."""
    tok = anchor_token(doc, *cand.anchor_span)
    for _ in range(2):
        if cand.start <= tok.head.i < cand.end and tok.head.i != tok.i:
            tok = tok.head
    head = tok.head
    if tok.dep_ == "appos" and head.i < tok.i:
        ent = ent_at(doc, head.i)
        if ent is not None and ent.label_ in MODIFIER_LABELS:
            return _name_span(doc, head)
    start = cand.start
    if start >= 2 and doc[start - 1].text == "(":
        ent = ent_at(doc, start - 2)
        if ent is not None and ent.label_ in MODIFIER_LABELS:
            return _name_span(doc, doc[start - 2])
    return None


def _hung_on_name(doc, cand: Candidate, noun):
    """ "the $3 million Ada Roe raised": a relative clause without "that", which the parser
    reads as the figure modifying the name after it; the name is whose the figure is (the
    name is never what is counted: :func:`lib.extract.counted.counted_noun`)."""
    if noun is not None:
        return None
    tok = _figure_top(doc, cand)
    head = tok.head
    if head.i < cand.end or tok.dep_ not in ("nummod", "quantmod", "compound"):
        return None
    if head.ent_type_ != "PERSON" or head.tag_ != "NNP" or head.dep_ != "nsubj":
        return None
    return _name_span(doc, head)


def _modifier(doc, cand: Candidate, noun):
    return None if noun is None else _owner(doc, noun, cand.start, cand.end)


def _owner(doc, noun, lo: int, hi: int):
    """A person or organisation naming what is counted ("Wal-Mart stores"), outside the
    figure's tokens ``[lo, hi)``."""
    for child in noun.lefts:
        if child.dep_ in ("compound", "nmod", "amod", "poss") and not (lo <= child.i < hi):
            ent = ent_at(doc, child.i)
            if ent is not None and ent.label_ in MODIFIER_LABELS:
                return _name_span(doc, child)
    return None


def _subject(doc, cand: Candidate, noun):
    """The subject of the clause whose object or complement the figure (or what it
    counts) is: "The couple paid a rate of 35.7%", "Trump had 17 percent"."""
    node = noun if noun is not None else anchor_token(doc, *cand.anchor_span)
    for _ in range(3):  # out of the figure's tokens and "of" phrases ("a rate of 35.7%")
        head = node.head
        if head.i == node.i:
            return None
        if cand.start <= head.i < cand.end or node.dep_ in ("pobj", "prep"):
            node = head
            continue
        break
    if node.dep_ not in OBJECT_DEPS or node.head.pos_ not in ("VERB", "AUX"):
        return None
    return _subject_of(doc, node.head, cand, climb=2)


def _subject_of(doc, verb, cand: Candidate, climb: int = 0):
    """The holder among ``verb``'s subjects; with ``climb``, a verb with no subject of its
    own ("won the race, taking 52 percent of the vote") shares the subject of the verb it
    hangs from (at most ``climb`` clauses up)."""
    if verb.lemma_.lower() in REPORT_LEMMAS:
        return None
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "csubj", "expl"):
            continue
        if child.dep_ not in ("nsubj", "nsubjpass") or cand.start <= child.i < cand.end:
            return None
        if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            child = verb.head  # "Roe, who has a net worth of $4 billion": Roe's
        elif child.dep_ == "nsubjpass" or child.lower_ in NOT_HOLDERS or child.pos_ == "PRON":
            return None
        owner = _owner(doc, child, -1, -1)
        return owner if owner is not None else _coordinated(doc, _named_beside(child))
    if climb and verb.dep_ in SHARED_SUBJECT_DEPS and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(doc, verb.head, cand, climb - 1)
    prep = verb.head
    if (
        climb
        and verb.dep_ == "pcomp"
        and prep.lower_ in SUBJECT_PREPOSITIONS
        and prep.head.pos_ in ("VERB", "AUX")
    ):
        # "Roe has seen mixed results after raising $2.5 million": a gerund after "after",
        # "by", "while" … shares the subject of the verb its phrase hangs from
        return _subject_of(doc, prep.head, cand, climb - 1)
    return None


#: Prepositions whose gerund is done by the clause's subject ("after raising", "by
#: cutting"); not "of" / "for", whose gerund is often the object's ("accused Ruritania of
#: preparing to send 10,000 troops": Ruritania sends them, not the accusers).
SUBJECT_PREPOSITIONS = frozenset(
    {"after", "before", "by", "while", "since", "upon", "without", "despite", "through"}
)


#: Clause links through which a verb without a subject of its own shares its head's.
SHARED_SUBJECT_DEPS = frozenset({"advcl", "xcomp", "conj"})


def _named_beside(tok):
    """The name set beside a common-noun subject ("Her opponent, Carl Haskins, received
    46%": Haskins), else the subject itself."""
    if tok.pos_ != "NOUN":
        return tok
    for child in tok.children:
        ent = ent_at(tok.doc, child.i)
        if child.dep_ == "appos" and ent is not None and ent.label_ in MODIFIER_LABELS:
            return child
    return tok


def _coordinated(doc, tok) -> tuple[int, int] | None:
    """The span of a subject and the names coordinated with it ("Okafor and Moreau each
    had 11 percent": both hold it), or of the subject alone. A subject inside its line's
    dateline gives way to the first name after the dateline (:func:`past_dateline`)."""
    tok = past_dateline(doc, tok)
    if tok is None:
        return None
    span = _name_span(doc, tok)
    if span is None:
        return None
    end = span[1]
    for conj in tok.conjuncts:
        if conj.i > tok.i and conj.pos_ == "PROPN":
            conj_span = _name_span(doc, conj)
            if conj_span is not None and conj_span[1] > end:
                end = conj_span[1]
    return span[0], end


def past_dateline(doc, tok):
    """``tok``, or when it lies in the dateline that opens its line ("TUNIS, Tunisia —",
    "SEOUL, Feb. 25 (Agency) —", which the parser may join to the subject after it) the
    first name coordinated under it after the dateline's dash, or the verb's other subject
    after it, else None."""
    after = _dateline_end(doc, tok)
    if tok.i >= after:
        return tok
    later = (t for t in tok.subtree if t.i >= after and t.dep_ == "conj" and t.pos_ == "PROPN")
    # or the verb's other subject, after the dash, when the parse gives the verb two
    siblings = (c for c in tok.head.children if c.i >= after and c.dep_ == tok.dep_)
    return next(later, None) or next(siblings, None)


def _dateline_end(doc, tok) -> int:
    """The index of the first token after the dateline that opens ``tok``'s line: a line
    that starts with a proper noun and holds only names, numbers and punctuation before a
    dash; else the sentence start."""
    sent = sent_of(doc, tok.i)
    start, end = sent.start, sent.end
    while start < end - 1 and doc[start].is_space:
        start += 1
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return start
    if doc[start].pos_ != "PROPN":
        return start
    for t in doc[start : min(end, start + DATELINE_MAX_TOKENS)]:
        if t.text in DATELINE_DASHES:
            return t.i + 1 if t.i > start else start
        if t.pos_ not in ("PROPN", "PUNCT", "NUM") and not t.is_punct:
            return start
    return start
