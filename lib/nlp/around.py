"""Speakers written around a quotation rather than through a reporting verb: a name before a
colon ("Jane Roe: “…”"), a name after a dash ("“…” — Jane Roe") and a person who is the
subject of a verb right beside the quote ("“Go back,” Trump barked"), the person a clause
or the sentence before introduces a whole quoted sentence with, whatever its verb ("Roe
looked back at the storm, “…”"). ``att`` is the
document's :class:`lib.nlp.attribution.Attributor`; each function returns its Source or
None."""

from __future__ import annotations

import re

from lib.nlp.people import vocab

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
DASHES = "―—–-"
#: The end of a sentence, a closing quote mark allowed after its stop ("… this?” His").
SENTENCE_END = re.compile(r"[.?!][\"”’']?\s+")


def colon(att, open_idx: int):
    """``X: “...”`` — the named source in the line before the colon ending at the quote (or
    ending the paragraph before, when the quote opens its own paragraph)."""
    line_start = att.text.rfind("\n", 0, open_idx) + 1
    prefix = att.text[line_start:open_idx].rstrip().rstrip("'`\"“‘").rstrip()  # '' marks
    if not prefix and line_start > 0:  # the quote opens its paragraph: "Roe said:\n\n“…”"
        end = len(att.text[:line_start].rstrip())
        line_start = att.text.rfind("\n", 0, end) + 1
        prefix = att.text[line_start:end]
    if not prefix.endswith(":"):
        return None
    ends = [m.end() for m in SENTENCE_END.finditer(prefix)]
    if ends:  # only the sentence that ends with the colon
        line_start += ends[-1]
        prefix = prefix[ends[-1] :]
    if len(prefix) > 200:
        return None
    toks = [t for t in att.tokens_between(line_start, line_start + len(prefix) - 1)
            if t.i not in att.in_quote]  # fmt: skip
    for tok in toks:  # "His response: “…”"
        if tok.dep_ == "poss" and tok.lower_ in ("his", "her") and tok.head.dep_ == "ROOT":
            return att.source_of(tok, "")
    for tok in reversed(toks):  # the subject nearest the colon: "…, Roe shot back:"
        proper = tok.pos_ == "PROPN" and tok.text[:1].isupper()
        if tok.dep_ in SUBJECT_DEPS and (proper or att._name_for(tok) is not None):
            source = att.source_of(tok, "", how="explicit")
            if source is not None:
                return source
    source = _last_reporting(att, toks)
    if source is not None:
        return source
    for tok in toks:
        ent = att.ent_of.get(tok.i)
        if ent is not None and ent.label_ == "PERSON":
            return att.source_of(ent.root, "", how="explicit")
    for tok in toks:  # "She went on: “…”"
        if tok.dep_ in SUBJECT_DEPS and vocab()["pronouns"].get(tok.lower_) in ("m", "f"):
            return att.source_of(tok, tok.head.lemma_.lower())
    return None


def _last_reporting(att, toks):
    """ "…, saying in a post on Twitter:": the subject of the reporting verb nearest the
    colon says the words (the parse may hang the verb on a clause about a thing), as a
    Source, or None."""
    from lib.nlp.clauses import _reporting

    verb = next((t for t in reversed(toks) if t.pos_ == "VERB" and _reporting(t)), None)
    subj = att.subject_of(verb) if verb is not None else None
    if subj is None or subj.i in att.in_quote:
        return None
    return att.source_of(subj, verb.lemma_.lower(), quote=True)


def sentence_before(att, open_idx: int):
    """A quote standing alone with nothing to carry over: the person who is the subject of
    a reporting verb in the sentence right before it, in the same paragraph ("Ms. Roe said
    she had doubts. “I hate the term.”"). Its ``how`` is ``sentence before``."""
    from lib.nlp.index import sent_of

    first = att.tokens_between(open_idx, open_idx + 1)
    if not first or first[0].i == 0:
        return None
    sent = sent_of(att.doc, first[0].i)
    paragraph_start = att.text.rfind("\n\n", 0, open_idx) + 1
    if sent.start == 0 or att.doc[sent.start - 1].idx < paragraph_start:
        return None
    prev = sent_of(att.doc, sent.start - 1)
    between = att.text[prev.end_char : open_idx].strip(" '‘“\"`\n")
    if between or not att.text[prev.start_char : prev.end_char].rstrip(" '’”‘“`\"\n").endswith(
        (".", "!", "?")
    ):
        return None  # "A footnote makes that clear: “…”": the quote's own sentence says whose
    reporting = vocab()["reporting_verbs"]
    for tok in prev:
        if tok.i in att.in_quote or tok.dep_ not in SUBJECT_DEPS:
            continue
        if tok.head.lemma_.lower() not in reporting:
            continue
        ent = att.ent_of.get(tok.i)
        he_she = vocab()["pronouns"].get(tok.lower_) in ("m", "f")
        if (ent is not None and ent.label_ == "PERSON") or he_she:
            return att.source_of(tok, tok.head.lemma_.lower(), how="sentence before")
    # "Senator Roe reflected on her years in office. “I never thought …”": the person the
    # sentence before is about (its main clause's subject) speaks, whatever the verb
    root = prev.root
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if root.pos_ in ("VERB", "AUX") and subj is not None and subj.i not in att.in_quote:
        return _person_source(att, subj, root, how="sentence before")
    return None


#: Verbs of putting words out in writing: "issued a statement", "released a letter".
ISSUING = frozenset({"issue", "release", "send", "post", "publish", "put", "distribute"})


def statement_before(att, open_idx: int):
    """A quote opening its paragraph right after a paragraph whose last sentence says who
    put out a statement or another thing that carries words (``source_nouns`` of
    ``lib/data/attribution.json``: "The council issued a statement about Roe." then "“We
    are sorry …”"): its author speaks, a person or an organisation (which issues
    statements as much as people do). ``how`` is ``statement before``."""
    from lib.nlp.index import sent_of

    start = att.text.rfind("\n\n", 0, open_idx) + 2
    if start < 2 or att.text[start:open_idx].strip():
        return None  # not at its paragraph's start, or the first paragraph
    before = att.tokens_between(max(0, start - 400), start - 2)
    if not before:
        return None
    last = sent_of(att.doc, before[-1].i)
    carriers = vocab()["source_nouns"]
    for verb in last:
        if verb.lemma_.lower() not in ISSUING or verb.i in att.in_quote:
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in carriers for c in verb.children):
            continue
        subj = att.subject_of(verb)
        if subj is not None and subj.i not in att.in_quote:
            return att.source_of(subj, verb.lemma_.lower(), how="statement before")
    return None


def leading_clause(att, toks):
    """ "Mayor Roe looked back at the storm, “It was the worst night of my life.”": a whole
    quoted sentence that a clause introduces with a comma or colon right before its opening
    mark is the words of that clause's subject, whatever the verb, when the subject is a
    person (a PERSON name or a he/she). The clause is the nearest verb with a subject
    before the mark in the same sentence; a thing as its subject names nobody. ``how``
    is ``explicit``."""
    from lib.nlp.index import sent_of

    if not toks:
        return None
    doc = att.doc
    k = toks[0].i - 1
    while k >= 0 and k in att.in_quote and doc[k].is_punct and toks[0].i - k <= 2:
        k -= 1  # the opening mark
    if k <= 0 or doc[k].text not in (",", ":") or k in att.in_quote:
        return None
    sent = sent_of(doc, k)
    for verb in reversed(doc[sent.start : k]):
        if verb.pos_ not in ("VERB", "AUX") or verb.i in att.in_quote:
            continue
        subj = att.subject_of(verb)
        if subj is None:
            continue
        return _person_source(att, subj, verb)
    return None


def _person_source(att, subj, verb, how: str = "explicit"):
    """The Source of ``subj`` when it is a person (a PERSON name or a he/she), else None."""
    ent = att.ent_of.get(subj.i)
    he_she = vocab()["pronouns"].get(subj.lower_) in ("m", "f")
    if (ent is not None and ent.label_ == "PERSON") or he_she:
        return att.source_of(subj, verb.lemma_.lower(), how=how)
    return None


def beside(att, toks):
    """A named person right beside the quote followed by a verb, when no reporting verb was
    found: "“Go back,” Trump barked", "Trump snapped: “…”". Read from the words, not the
    parse (which often fails on such verbs): after the quote and at most two marks, or
    before its opening mark and a colon or comma, one to three capitalised proper nouns
    (a person, or no entity) and then a past or present verb."""
    if not toks:
        return None
    doc = att.doc
    after = toks[-1].i + 1
    while after < len(doc) and after - toks[-1].i <= 3 and doc[after].is_punct:
        after += 1
    found = _name_then_verb(att, after) or _verb_then_name(att, after)
    if found is not None and toks[-1].text in (".", "!", "?"):
        from lib.nlp.clauses import says_its_own

        verb = found[1]
        colon_next = verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":"
        if says_its_own(verb, att) or colon_next:  # “… not.” Mr. Roe said he had … / said: “…”
            found = None
    if found is None:
        before = toks[0].i - 1
        while before >= 0 and doc[before].is_punct and toks[0].i - before <= 2:
            before -= 1
        if before >= 0 and doc[before + 1].text in (":", ","):
            start = before
            while start > 0 and doc[start - 1].pos_ == "PROPN" and before - start < 3:
                start -= 1
            found = _name_then_verb(att, start - 1 if doc[before].tag_ in VERB_TAGS else -1)
            if found is None and doc[before].tag_ in VERB_TAGS:
                start = before - 1
                while start > 0 and doc[start - 1].pos_ == "PROPN" and before - start < 4:
                    start -= 1
                found = _name_then_verb(att, start)
    if found is None:
        return None
    name, verb = found
    return att.source_of(name, verb.lemma_.lower(), how="beside")


VERB_TAGS = frozenset({"VBD", "VBZ", "VBN"})  # the tagger calls some VBN ("Trump barked")


def _verb_then_name(att, i: int):
    """(name token, verb) of "said Del." after a quote when the parser cut the name off
    into a sentence of its own (an abbreviation-like name ends it): an inversion verb, then
    1-3 capitalised proper nouns (a person, a place the name was mistaken for, or no
    entity), then the end of the sentence."""
    doc = att.doc
    if i >= len(doc) - 1 or doc[i].lemma_.lower() not in vocab()["inversion_verbs"]:
        return None
    k = i + 1
    # any capitalised word: the tagger calls some surnames adverbs ("said Skelly,")
    while k < len(doc) and k - i <= 3 and _capitalised(doc[k].text.rstrip(".")):
        if doc[k].is_stop:
            return None  # "said The …"
        ent = att.ent_of.get(k)
        if ent is not None and ent.label_ not in ("PERSON", "GPE"):
            return None
        k += 1
    end = k == len(doc) or doc[k].is_punct or doc[k].is_space
    return (doc[k - 1], doc[i]) if k > i + 1 and end else None


def _capitalised(word: str) -> bool:
    return word.isalpha() and word[:1].isupper()


def _name_then_verb(att, i: int):
    """(last name token, verb) when tokens from ``i`` are 1-3 capitalised proper nouns of a
    person (or no entity) followed by a past or present verb; else None."""
    doc = att.doc
    if i < 0:
        return None
    k = i
    while k < len(doc) and k - i < 3 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
        ent = att.ent_of.get(k)
        if k in att.in_quote or (ent is not None and ent.label_ != "PERSON"):
            return None
        k += 1
    if k == i or k >= len(doc) or doc[k].tag_ not in VERB_TAGS or doc[k].i in att.in_quote:
        return None
    return doc[k - 1], doc[k]


def dash(att, close_idx: int):
    """``“...” — Jane Roe`` — a name right after a dash following the closing mark, also
    as a short line of its own under a quote that ends its paragraph (fact-check style:
    ``“...”`` then ``- Jane Roe.``)."""
    after = att.text[close_idx + 1 : close_idx + 80]
    stripped = after.lstrip(" \u00a0")
    if stripped.startswith("\n"):
        line = stripped.lstrip()
        if not line or len(line.split("\n", 1)[0]) > 60 or "\n" not in line:
            return None
        stripped = line
    if not stripped or stripped[0] not in DASHES:
        return None
    start = close_idx + 1 + len(after) - len(stripped) + 1
    for tok in att.tokens_between(start, start + 60):
        if tok.is_space or tok.text in DASHES:
            continue
        ent = att.ent_of.get(tok.i)
        if ent is not None and ent.label_ in ("PERSON", "ORG"):
            return att.source_of(ent.root, "", how="explicit")
        if tok.pos_ == "PROPN" and tok.text[:1].isupper():
            return att.source_of(tok, "", how="explicit")
        return None
    return None


def region_verb(att, toks, region_tokens):
    """Last resort inside the quote's own sentence(s): a reporting verb outside the quote
    whose subject the parse did not link to it ("As Jane Roe put it: …" is not one;
    "a staffer in the room wondered."): the verb nearest the quote with a subject (or an
    inverted one after it) that names or describes a source. ``how`` is ``explicit``."""
    from lib.nlp.clauses import _reporting

    if not toks:
        return None
    q_first, q_last = toks[0].i, toks[-1].i
    verbs = [
        t
        for t in region_tokens
        if t.i not in att.in_quote
        and not q_first <= t.i <= q_last
        and t.tag_.startswith("VB")
        and _reporting(t)
    ]
    verbs.sort(key=lambda t: min(abs(t.i - q_first), abs(t.i - q_last)))
    for verb in verbs:
        subj = att.subject_of(verb)
        if subj is None and verb.i > q_last:
            subj = att.inverted_subject(verb) or _name_after(att, q_last, verb)
        if subj is None:
            continue
        source = att.source_of(subj, verb.lemma_.lower(), floor=region_tokens[0].i)
        if source is not None and (source.name or source.how == "pronoun" or _person(subj)):
            return source
    return None


def _name_after(att, q_last: int, verb):
    """The person named right after the closing mark, before ``verb`` ("“…,” Jane Roe, 58,
    told the paper": the parse left "told" without a subject), as a token, or None."""
    doc = att.doc
    k = q_last + 1
    while k < verb.i and (doc[k].is_punct or doc[k].is_space):
        k += 1
    first = k
    while k < verb.i and k - first < 2 and k not in att.ent_of and _capitalised(doc[k].text):
        k += 1  # a given name the tagger left out of the entity ("Ana" of "Ana Ramirez")
    ent = att.ent_of.get(k)
    if ent is None or ent.label_ != "PERSON" or ent.start != k or ent.end > verb.i:
        return None
    return ent.root


def person_noun(tok) -> bool:
    """Does a common noun name people ("a staffer", "his nephew", "the governor")?"""
    return tok.pos_ == "NOUN" and _person(tok)


def _person(tok) -> bool:
    """Does a common noun name people ("a staffer", "two witnesses"), not a thing?"""
    from lib.nlp.gazetteer import gazetteer

    v = vocab()
    lemma = tok.lemma_.lower()
    titles = {w.lower().rstrip(".") for w in gazetteer().titles["head"]}
    return lemma in v["person_nouns"] or lemma in v["gendered_words"] or lemma in titles


#: Marks a quote ends with when a tag follows it in the same sentence ("“…,” Roe said").
TAG_ENDS = (",", "?", "!", "—", "–")
#: Tags of this kind are finite verbs: "“…,” adding …" is the previous speaker's.
FINITE = frozenset({"VBD", "VBZ", "VBP"})


def tag_after(att, toks, close_idx: int, found=None):
    """``“…?” asked Dunn`` / ``“…,” Roe said``: the reporting verb and its subject written
    right after a quote that ends with a comma, question or exclamation mark, as
    ``(verb, subject, 0)``. In English that tag names the quote's speaker whatever verb the
    parse hangs the quote on ("…, as rivals claim, but Moscow denies — “…?” asked Dunn";
    "“…,” Roe said, after Ruiz said that …"). Not when ``found`` (the verb the parse gave)
    introduces the quote ("Roe asked, “…?” Ruiz then wrote back, …"), nor when the verb
    reports words of its own ("She replied that …") or opens the next quote; after a
    question or exclamation only a plain tag ("asked Dunn", "Dunn asked.") counts. The verb
    is at most three words after the closing mark, in the same paragraph; None otherwise."""
    from lib.nlp.clauses import _reporting, says_its_own

    inner = att.text[:close_idx].rstrip(" '’\"”")
    if not toks or not inner.endswith(TAG_ENDS) or _introduces(att, found, toks[0]):
        return None
    doc = att.doc
    k = toks[-1].i + 1
    while k < len(doc) and (doc[k].is_punct or doc[k].is_space) and k - toks[-1].i <= 3:
        k += 1  # the closing mark and the comma after it
    first, comma = k, inner.endswith(",")
    while k < len(doc) and k - first < 4 and k not in att.in_quote:
        tok = doc[k]
        if tok.is_punct or "\n" in tok.text_with_ws and tok.i < first + 3:
            return None  # "“…,” Roe, 58, said" is the parse's job (region_verb)
        if tok.pos_ == "VERB" and tok.tag_ in FINITE and _reporting(tok, weak_ok=False):
            subj = att.subject_of(tok)
            if subj is None or subj.i < toks[-1].i:
                subj = att.inverted_subject(tok)
            if subj is None and k == first:  # the parse lost it: read the words
                read = _phrase_after(att, tok)
                return None if read is None or _opens_quote(att, tok) else (tok, read, 0)
            plain = comma or k == first or all(t.pos_ in ("PROPN", "PRON") for t in doc[first:k])
            if subj is None or not plain or says_its_own(tok, att) or _opens_quote(att, tok):
                return None
            return tok, subj, 0
        k += 1
    return None


#: Parts of speech of a plain noun phrase ("the woman", "a local Democratic official").
PHRASE_POS = frozenset({"DET", "ADJ", "NUM", "NOUN", "PROPN"})


def _phrase_after(att, verb):
    """ "“…,” said the woman, who …": the head of the plain noun phrase right after an
    inversion verb that ends at a comma, a full stop or the text's end (the parse may hang
    it on the clause after it), else None. Read from the words, at most five of them."""
    if verb.lemma_.lower() not in vocab()["inversion_verbs"]:
        return None
    doc, k = att.doc, verb.i + 1
    while k < len(doc) and k - verb.i <= 5 and doc[k].pos_ in PHRASE_POS and k not in att.in_quote:
        k += 1
    last = doc[k - 1]
    ends = k == len(doc) or doc[k].text in (",", ".")
    return last if k > verb.i + 1 and ends and last.pos_ in ("NOUN", "PROPN") else None


def _introduces(att, found, first) -> bool:
    """Is ``found``'s verb written right before the quote's first token, only a comma or
    colon (and marks) between ("Roe asked, “…”")?"""
    if found is None or found[0].i >= first.i:
        return False
    verb = found[0]
    between = att.text[verb.idx + len(verb.text) : first.idx]
    return between.strip(" ,:'‘“\"`") == "" and any(c in between for c in ",:")


def _opens_quote(att, verb) -> bool:
    """Is ``verb`` followed by a comma or colon and an opening mark ("Ruiz wrote back, “…”")?"""
    after = att.text[verb.idx + len(verb.text) : verb.idx + len(verb.text) + 12]
    return after.lstrip()[:1] in (",", ":") and after.lstrip()[1:].lstrip()[:1] in "“\"‘'`"


def named_after_comma(att, subj):
    """ "his best friend at Calder College, Rob Tierney, said": a person noun whose phrase
    ends in a comma and a person's name (the parse may join the name to the phrase's last
    noun instead of the person noun) is that person: the name's (text, start, end)."""
    from lib.nlp.spans import entity_offsets

    if not person_noun(subj):
        return None
    for tok in subj.subtree:
        ent = att.ent_of.get(tok.i)
        if tok.i <= subj.i or tok.i in att.in_quote or ent is None or tok.i != ent.start:
            continue
        if ent.label_ == "PERSON" and tok.i > 0 and att.doc[tok.i - 1].text == ",":
            if ent.root.dep_ in ("appos", "conj") and ent.end - ent.start >= 2:
                return entity_offsets(ent)
    return None
