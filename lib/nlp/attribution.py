"""Who said it: the attribution engine behind quote speakers and figure sources.

Quotes: the subject of the reporting verb that governs the quote (or whose clause the quote
heads), ``said X`` inversions, ``according to X``, appositives (``X's spokesman Jane Doe
said`` gives the PERSON in the subject, not the possessor), pronouns (``he said``) resolved
to the most recent PERSON that was a subject or speaker before it, and role nouns ("the
minister said") resolved the same way. When the subject holds no name, its description is
kept (``One local farmer``).

Figures: the speaker of the quote a figure sits in, a saying verb or noun governing it
("X said that ...", "the ministry's estimate"), "according to X" or "citing X" in the
sentence, and the previous sentence's source when it continues the same count (marked
inferred).
"""

from __future__ import annotations

import bisect

from lib.extract.numbers import vocab
from lib.nlp.gazetteer import gazetteer
from lib.nlp.names import clean_entity_text
from lib.nlp.pipeline import doc_text
from lib.nlp.quotemarks import in_quote

#: Lemmas of verbs that introduce or attribute speech.
REPORT_VERBS = frozenset(
    """say tell add warn state write claim confirm insist stress urge note explain argue
    declare announce emphasize emphasise underscore tweet post reply respond ask answer admit
    acknowledge deny comment remark recall suggest conclude describe call label quote promise
    vow pledge predict caution complain accuse allege assert contend maintain report reveal
    shout joke concede observe point highlight cite decry characterize characterise brand
    dismiss term dub condemn criticize criticise praise welcome demand question wonder lament
    reiterate repeat testify boast threaten signal indicate agree disagree recount mention
    exclaim murmur whisper yell scream speak continue summarize summarise""".split()
)


#: Verbs that take an inverted subject after a quote (``"...," said the official``).
INVERSION_VERBS = frozenset(
    "say add write state explain continue ask reply respond note warn argue insist recall "
    "conclude declare claim".split()
)


#: Subject pronouns resolved to a PERSON.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})


SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


PRONOUNS_PERSON = ("he", "she", "him", "her")


NOMINAL_DEPS = ("dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "compound")


# ----------------------------------------------------------------------------- quotes


class DocIndex:
    """Token-level lookups shared by every quote of one Doc."""

    def __init__(self, doc):
        self.doc = doc
        self.ent_of: dict[int, object] = {}
        for ent in doc.ents:
            for tok in ent:
                self.ent_of[tok.i] = ent
        self.in_quote: set[int] = set()
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]

    def tokens_between(self, start: int, end: int) -> list:
        """Tokens whose first character lies in [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        return [t for t in span if start <= t.idx < end]


def entity_offsets(ent) -> tuple[str, int, int] | None:
    """Cleaned text and offsets of an entity span (possessive and article cut)."""
    doc = ent.doc
    end = ent.end
    for tok in ent:
        if tok.tag_ == "POS" or tok.text in ("’s", "'s", "’", "'"):
            end = tok.i
            break
    span = doc[ent.start : end]
    if len(span) == 0:
        return None
    text = clean_entity_text(span.text, ent.label_)
    if text is None:
        return None
    # search the span's own text: Doc.text joins every token on each access
    span_text = span.text
    pos = span_text.find(text)
    if pos < 0:  # cleaning changed the text (e.g. added a full stop): keep the raw span
        raw = span_text.strip()
        pos = span_text.find(raw)
        text = raw
    pos = span.start_char + pos if pos >= 0 else -1
    return text, pos, pos + len(text)


def _subject(verb, index: DocIndex):
    """Subject token of ``verb`` (relative pronouns replaced by their antecedent)."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.i not in index.in_quote:
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.head.i < verb.i:
        # "Jane Doe, a former minister ..., called" misparsed as a clause on the noun
        if verb.head.pos_ in ("PROPN", "NOUN") and verb.head.i not in index.in_quote:
            return verb.head
    return None


def _inverted_subject(verb, index: DocIndex):
    """``said the official`` parsed without nsubj: the noun right after the verb."""
    doc = verb.doc
    if verb.lemma_.lower() not in INVERSION_VERBS:
        return None
    for child in verb.children:
        if child.i <= verb.i or child.i in index.in_quote:
            continue
        if child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd") and child.pos_ in (
            "PROPN",
            "NOUN",
        ):
            between = doc[verb.i + 1 : child.left_edge.i]
            if all(t.is_punct or t.is_space for t in between):
                return child
    return None


def _description(subj, floor: int) -> str:
    """The subject noun with its left modifiers: ``One local farmer``."""
    start = max(subj.left_edge.i, floor)
    toks = list(subj.doc[start : subj.i + 1])
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    if not toks:
        return ""
    text = doc_text(subj.doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
    return " ".join(text.split())


def _name_for(subj, index: DocIndex):
    """Named entity span standing for the subject token, or None."""
    ent = index.ent_of.get(subj.i)
    if ent is not None and ent.label_ in SPEAKER_LABELS:
        return ent
    candidates = []
    for child in subj.children:
        if child.dep_ in ("appos", "compound", "flat", "nmod") and child.i not in index.in_quote:
            c_ent = index.ent_of.get(child.i)
            if c_ent is not None and c_ent.label_ == "PERSON":
                if child.dep_ == "appos" or c_ent.end > subj.i or c_ent.end == subj.i:
                    candidates.append(c_ent)
    return candidates[0] if candidates else None


def _resolve_pronoun(pron, index: DocIndex, speakers: list[tuple[int, int]]):
    """Most recent PERSON before ``pron`` that was a subject or speaker (else any)."""
    best_pref = None
    best_any = None
    speaker_starts = {s for s, _ in speakers}
    for ent in index.persons:
        if ent.end_char > pron.idx:
            break
        if any(t.i in index.in_quote for t in ent):
            continue
        best_any = ent
        is_speaker = any(ent.start_char <= s < ent.end_char for s in speaker_starts)
        root = ent.root
        is_subject = root.dep_ in SUBJECT_DEPS or (
            root.dep_ in ("appos", "compound") and root.head.dep_ in SUBJECT_DEPS
        )
        if is_subject or is_speaker:
            best_pref = ent
    return best_pref or best_any


def _climb(tokens, region: set[int], index: DocIndex, fragment: bool):
    """Reporting verb and subject reached by climbing heads from the quote's tokens.

    Along the chain of heads outside the quote, the subject of the first reporting
    verb that has one wins; fragments fall back to the subject of any verb
    (``The ministry dismissed the claims as "fake news"``). A direct quote stops at
    a non-reporting clause with its own subject.
    """
    qset = {t.i for t in tokens}
    best = None  # (rank, chain_length, verb, subject)
    for tok in tokens:
        if tok.head.i in qset or tok.head.i == tok.i:
            continue
        h = tok.head
        first_report = first_verb = None
        fallback = None
        steps = 0
        while h.i in region and steps < 15:
            steps += 1
            if h.pos_ in ("VERB", "AUX") and h.i not in index.in_quote:
                is_report = h.lemma_.lower() in REPORT_VERBS
                first_verb = first_verb or h
                if is_report:
                    first_report = first_report or h
                subj = _subject(h, index)
                if subj is None and is_report and h.i > tok.i:
                    subj = _inverted_subject(h, index)
                if subj is not None and is_report:
                    cand = (0, steps, first_report, subj)
                    break
                if subj is not None:
                    if not fragment and first_report is None:
                        cand = None
                        break
                    fallback = fallback or (1, steps, first_report or first_verb, subj)
            if h.head.i == h.i:
                cand = None
                break
            h = h.head
        else:
            cand = None
        cand = cand or (fallback if fragment else None)
        if cand is not None and (best is None or cand[:2] < best[:2]):
            best = cand
    return None if best is None else (best[2], best[3], best[0])


def _children_verb(tokens, region: set[int], index: DocIndex):
    """A reporting verb outside the quote hanging from a quote token (parataxis)."""
    qset = {t.i for t in tokens}
    for tok in tokens:
        for child in tok.children:
            if (
                child.i not in qset
                and child.i in region
                and child.i not in index.in_quote
                and child.pos_ == "VERB"
                and child.lemma_.lower() in REPORT_VERBS
            ):
                subj = _subject(child, index) or _inverted_subject(child, index)
                if subj is not None:
                    return child, subj, 0
    return None


def _nearby_verb(q_first: int, q_last: int, region_tokens, index: DocIndex):
    """Positional fallback: a reporting verb within a few tokens of the quote."""
    best = None
    for tok in region_tokens:
        if tok.i in index.in_quote or tok.pos_ != "VERB":
            continue
        if tok.lemma_.lower() not in REPORT_VERBS:
            continue
        if tok.i > q_last:
            gap = range(q_last + 1, tok.i)
        else:
            gap = range(tok.i + 1, q_first)
        if len(gap) > 6 or any(g in index.in_quote for g in gap):
            continue
        subj = _subject(tok, index)
        if subj is None and tok.i > q_last:
            subj = _inverted_subject(tok, index)
        if subj is None:
            continue
        dist = len(gap)
        if best is None or dist < best[0]:
            best = (dist, tok, subj)
    return None if best is None else (best[1], best[2], 0)


def _according_to(region_tokens, index: DocIndex):
    """``according to X`` outside quotes: the object of ``to``."""
    doc = index.doc
    for tok in region_tokens:
        if tok.lower_ != "according" or tok.i in index.in_quote or tok.i + 1 >= len(doc):
            continue
        to = doc[tok.i + 1]
        if to.lower_ != "to":
            continue
        for child in to.children:
            if child.dep_ == "pobj":
                return child
        j = to.i + 1
        while j < len(doc) and not doc[j].is_punct:
            j += 1
        if j > to.i + 1 and doc[j - 1].pos_ in ("PROPN", "NOUN"):
            return doc[j - 1]
    return None


def _is_role_reference(subj, description: str) -> bool:
    """A definite singular job title standing for a person: "the NATO chief", "the minister"."""
    if not description.lower().startswith("the ") or subj.tag_ not in ("NN", "NNP"):
        return False
    heads = {w.lower() for w in gazetteer().titles["head"]}
    return subj.lower_ in heads


def _proper_noun(subj, index: DocIndex):
    """A capitalised proper-noun subject the NER missed (``Kuleba said``)."""
    if subj.pos_ != "PROPN" or not subj.text[:1].isupper():
        return None
    left = subj.i
    while left > 0:
        prev = subj.doc[left - 1]
        if prev.pos_ == "PROPN" and prev.head.i == subj.i and prev.dep_ in ("compound", "flat"):
            left -= 1
        else:
            break
    span = subj.doc[left : subj.i + 1]
    text = clean_entity_text(span.text, "PERSON")
    if text is None:
        return None
    offset = max(span.text.find(text), 0)
    return text, span.start_char + offset, span.start_char + offset + len(text)


def quote_speaker(toks, region_tokens, index: DocIndex, fragment: bool, speakers):
    """Reporting verb, speaker and how it was found for one quote, from the parse.

    Returns ``(verb lemma, speaker (text, start, end) or None, description, source)``.
    ``speakers`` are the (start, end) offsets of speakers found so far in the document.
    """
    region = {t.i for t in region_tokens}
    verb, description, source, subj = "", "", "", None
    found = _climb(toks, region, index, fragment)
    weak = found is not None and found[2] > 0  # subject of a non-reporting verb
    if found is None or weak:
        found = _children_verb(toks, region, index) or found
    if found is None and toks:
        found = _nearby_verb(toks[0].i, toks[-1].i, region_tokens, index)
    acc = None
    if found is None or found[2] > 0:
        acc = _according_to(region_tokens, index)
    if acc is not None:
        verb, subj, source = "according to", acc, "according to"
    elif found is not None:
        verb, subj, source = found[0].lemma_.lower(), found[1], "subject"
    speaker = None
    if subj is None:
        return verb, None, description, source
    if subj.lower_ in PERSON_PRONOUNS:
        ent = _resolve_pronoun(subj, index, speakers)
        speaker = entity_offsets(ent) if ent is not None else None
        source = "pronoun" if speaker else source
    elif subj.pos_ == "PRON":
        description = ""  # "they said", "it said": no one to name
    else:
        speaker_ent = _name_for(subj, index)
        speaker = entity_offsets(speaker_ent) if speaker_ent is not None else None
        if speaker is None:
            speaker = _proper_noun(subj, index)
        if speaker is None:
            floor = toks[-1].i + 1 if toks and subj.i > toks[-1].i else 0
            if region_tokens:
                floor = max(floor, region_tokens[0].i)
            description = _description(subj, floor)
            if _is_role_reference(subj, description):
                # "the NATO chief said": the role names someone already named
                ent = _resolve_pronoun(subj, index, speakers)
                speaker = entity_offsets(ent) if ent is not None else None
                source = "role" if speaker else source
    return verb, speaker, description, source


# ----------------------------------------------------------------------------- figures


def _ent_at(doc, tok, labels=SPEAKER_LABELS):
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in labels:
            return ent
    return None


def _nearest_person(doc, before_char: int, quotes):
    for ent in reversed(doc.ents):
        if ent.end_char > before_char or ent.label_ != "PERSON":
            continue
        if in_quote(ent.start_char, quotes):
            continue
        return ent
    return None


def _np_span(doc, tok) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok`` (without clauses and appositions)."""
    drop_deps = ("relcl", "acl", "appos", "punct", "advcl", "parataxis", "prep")
    idxs = {tok.i}
    for child in tok.children:
        if child.dep_ in drop_deps and not (child.dep_ == "prep" and child.lower_ in ("of",)):
            continue
        if child.dep_ == "punct":
            continue
        if child.dep_ == "prep" and child.i < tok.i:
            continue
        for t in child.subtree:
            idxs.add(t.i)
    lo, hi = min(idxs), max(idxs) + 1
    while lo < hi and doc[lo].lower_ in ("the", "a", "an", ",", "“", '"'):
        lo += 1
    while hi > lo and doc[hi - 1].is_punct:
        hi -= 1
    return lo, hi


def _speaker_from_token(doc, tok, quotes) -> dict | None:
    """Speaker description + entity offsets for the subject token of a saying."""
    v = vocab()
    low = tok.lower_
    if low in PRONOUNS_PERSON:
        ent = _nearest_person(doc, tok.idx, quotes)
        if ent is None:
            return None
        return {"text": ent.text, "start": ent.start_char, "end": ent.end_char}
    if tok.pos_ == "PRON" or low in v["non_speaker_heads"]:
        return None
    lo, hi = _np_span(doc, tok)
    phrase = doc[lo:hi]
    ents = [e for e in doc.ents if e.label_ in SPEAKER_LABELS and lo <= e.start and e.end <= hi]
    chosen = _ent_at(doc, tok)
    if chosen is None:
        persons = [e for e in ents if e.label_ == "PERSON" and doc[e.end - 1].dep_ != "poss"]
        if persons:
            chosen = persons[-1]
    title_like = tok.lemma_.lower() in v["title_words"] and tok.tag_ in ("NN", "NNP")
    if chosen is None and title_like and doc[tok.left_edge.i].lower_ == "the":
        ent = _nearest_person(doc, tok.idx, quotes)
        if ent is not None:
            return {"text": ent.text, "start": ent.start_char, "end": ent.end_char}
    if chosen is None:
        for label in ("ORG", "GPE", "NORP"):
            cands = [e for e in ents if e.label_ == label]
            if cands:
                chosen = cands[0]
                break
    text = phrase.text if len(phrase) else tok.text
    text = " ".join(text.split())
    if chosen is None:
        return {"text": text, "start": None, "end": None}
    return {"text": text, "start": chosen.start_char, "end": chosen.end_char}


def _say_subject(verb, quotes):
    """Subject token of a saying verb, climbing from participles ("noting that ...")."""
    node = verb
    for _ in range(5):
        subj = None
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.dep_ != "expl":
                subj = child
                break
            if child.dep_ == "agent":
                pobjs = [c for c in child.children if c.dep_ == "pobj"]
                if pobjs:
                    subj = pobjs[0]
                    break
        if subj is not None and not (node.dep_ == "acl"):
            if subj.lower_ in ("it", "there"):
                return None
            return subj
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def figure_source(doc, anchor, fig_start: int, quotes) -> dict | None:
    v = vocab()
    sent = anchor.sent
    quote = in_quote(fig_start, quotes)
    if quote is not None:
        # the quote's attribution: a saying verb outside the quote in the sentences it touches
        for s in doc.sents:
            if s.end_char < quote[0] or s.start_char > quote[1] + 1:
                continue
            for tok in s:
                if tok.lemma_.lower() in v["say_verbs"] and tok.pos_ in ("VERB", "AUX"):
                    if in_quote(tok.idx, quotes):
                        continue
                    subj = _say_subject(tok, quotes)
                    if subj is not None and not in_quote(subj.idx, quotes):
                        spk = _speaker_from_token(doc, subj, quotes)
                        if spk:
                            return spk
    # ancestors: "X said that ...", "... reports that ...", "X accused Y of sending ..."
    for anc in anchor.ancestors:
        lemma = anc.lemma_.lower()
        if lemma in v["say_verbs"] or lemma in v["say_nouns"]:
            nominal = anc.pos_ in ("NOUN", "PROPN") or (
                anc.dep_ in NOMINAL_DEPS and not any(c.dep_ == "nsubj" for c in anc.children)
            )
            if anc.dep_ == "acl" and anc.pos_ == "VERB":
                continue  # "losses estimated at ...": no speaker
            if nominal:
                spk = _speaker_of_noun(doc, anc, quotes)
                if spk:
                    return spk
                continue
            subj = _say_subject(anc, quotes)
            if subj is not None:
                spk = _speaker_from_token(doc, subj, quotes)
                if spk:
                    return spk
    # sentence-level: "according to X", "citing X"
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            pobjs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if pobjs:
                spk = _speaker_from_token(doc, pobjs[0], quotes)
                if spk:
                    return spk
        if tok.lemma_ == "cite" and tok.pos_ == "VERB":
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if objs:
                spk = _speaker_from_token(doc, objs[0], quotes)
                if spk:
                    return spk
    return None


def _speaker_of_noun(doc, noun, quotes) -> dict | None:
    """Source of "Brazilian police reports", "the ministry's estimate", "data from X"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            if pobjs:
                return _speaker_from_token(doc, pobjs[0], quotes)
    for child in noun.children:
        if child.dep_ == "poss":
            return _speaker_from_token(doc, child, quotes)
    for child in noun.children:
        if child.dep_ == "compound" and child.i < noun.i:
            return _speaker_from_token(doc, child, quotes)
    for child in noun.children:
        if child.dep_ == "amod" and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return _speaker_from_token(doc, child, quotes)
    return None


def carry_sources(doc, figures: list[dict]) -> None:
    """A figure with no source in the sentence right after an attributed figure counting the
    same kind of thing, in the same paragraph, continues that report ("X reported that 11,000
    troops ... . Some 3,000 troops have ..."); it takes that source, marked as inferred."""
    starts = [s.start_char for s in doc.sents]
    prev = None
    for fig in figures:
        if fig["said_by_text"] is None and prev is not None and prev["said_by_text"]:
            i_prev = bisect.bisect_right(starts, prev["sent_start_char"]) - 1
            i_cur = bisect.bisect_right(starts, fig["sent_start_char"]) - 1
            between = doc_text(doc)[prev["sent_start_char"] : fig["sent_start_char"]]
            same_thing = fig["counted_head"] and fig["counted_head"] == prev["counted_head"]
            if i_cur == i_prev + 1 and "\n\n" not in between and same_thing:
                for key in ("said_by_text", "said_by_start", "said_by_end"):
                    fig[key] = prev[key]
                fig["said_by_inferred"] = True
        prev = fig
