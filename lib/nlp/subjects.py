"""Whose words: the subject token of a reporting verb (its own subject, a passive's agent,
a relative pronoun's antecedent, the clause subject of a participle or infinitive, or the
noun right after an inverted "said"). A mixin of :class:`lib.nlp.attribution.Attributor`,
kept apart because finding the subject is one job and turning it into a source another."""

from __future__ import annotations

from lib.nlp.clauses import asked_by, sender
from lib.nlp.people import vocab

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Clause links through which a participle or infinitive takes its head verb's subject.
INHERIT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl"})


class Subjects:
    """Subject finding for an attributor (needs ``doc``, ``in_quote`` and ``ent_of``)."""

    def subject_of(self, verb):
        """Subject token of a (reporting) verb: its own subject, the agent of a passive, the
        antecedent of a relative pronoun, or — for participles and infinitives ("...,
        saying ...", "went on to say") — the subject of the clause it belongs to."""
        if verb.tag_ == "VBG" and verb.i > 0:
            found = self._participle_subject(verb)
            if found is not None:
                return found
        node = verb
        for _ in range(4):
            climb = False
            # not a dateline: "MARLOW, Ore. — Gov. Ada Roe declared …" is Roe's
            kids = [c for c in node.children if not _dateline(node, c)]
            # of two subjects the parse gave one verb ("in Marlow, OR, … Gov. Ada Roe
            # (R-OR), said"), a person's name is the verb's
            kids.sort(key=lambda c: (c.dep_ not in SUBJECT_DEPS, not self._named_person(c)))
            for child in kids:
                if child.dep_ in SUBJECT_DEPS and child.i not in self.in_quote:
                    asker = asked_by(node, child)  # "Roe was asked by host Ana Ruiz, “…”"
                    if asker is not None:
                        return asker
                    if child.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                        return node.head
                    if child.lower_ in ("there",) or child.dep_ == "expl":
                        return None
                    if self._inanimate_host(verb, node, child):
                        climb = True  # "X emphasized that the situation is …, labeling it …"
                        break
                    return self._joined(verb, node, child)
                if child.dep_ == "agent":
                    pobjs = [c for c in child.children if c.dep_ == "pobj"]
                    if pobjs:
                        return pobjs[0]
            if node.dep_ == "acl" and node.tag_ in ("VBD", "VBZ", "VBP") and node.head.i < node.i:
                head = node.head  # "Jane Roe, a former minister ..., called" misparsed
                if head.pos_ in ("PROPN", "NOUN") and head.i not in self.in_quote:
                    return head
            if (node.dep_ not in INHERIT_DEPS and not climb) or node.head.i == node.i:
                return None
            node = _verb_above(node) if climb else _up(node)
        return None

    def _named_person(self, tok) -> bool:
        ent = self.ent_of.get(tok.i)
        return ent is not None and ent.label_ == "PERSON"

    def _participle_subject(self, verb):
        """ "footage of Jane Roe saying …": the person right before the participle; a
        participle hanging on a noun is that noun's, unless the noun is whom a message was
        sent to ("wrote to members saying …": the writer's)."""
        prev = self.ent_of.get(verb.i - 1)
        if prev is not None and prev.label_ == "PERSON" and prev.end == verb.i:
            if _carrier(prev.root) is None:  # not "a message on Twitter reading …"
                return prev.root
        if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
            return sender(self, verb) or _carrier(verb.head) or verb.head
        return None

    def _joined(self, verb, node, subj):
        """The subject ``subj`` of the clause ``node`` a verb takes its subject from, unless
        the parse joined the verb to a clause about a thing (see the two methods below)."""
        return (
            self._clause_between(verb, node, subj)
            or self._reporter_of_reported(verb, node, subj)
            or subj
        )

    def _clause_between(self, verb, node, subj):
        """A reporting verb the parse joined to a copula clause about a thing ("The remark
        was part of a speech in which Roe criticized …, but argued “…”"): a thing that *is*
        something argues nothing; the verb continues the relative or adverbial clause
        between them, so its subject is that clause's person (a name or a he/she). None when
        ``subj`` is a person or no such clause sits between."""
        if node.i == verb.i or node.lemma_.lower() != "be" or not node.i < verb.i:
            return None
        if verb.dep_ != "conj" or subj.pos_ != "NOUN" or subj.ent_type_:
            return None
        if _personal(subj):
            return None
        for tok in reversed(self.doc[node.i + 1 : verb.i]):
            clause = tok.head
            if tok.dep_ not in SUBJECT_DEPS or tok.i in self.in_quote or clause.i == node.i:
                continue
            if clause.dep_ not in ("relcl", "advcl") or not node.i < clause.i < verb.i:
                continue
            ent = self.ent_of.get(tok.i)
            if (ent is not None and ent.label_ == "PERSON") or tok.lower_ in ("he", "she"):
                return tok
        return None

    def _reporter_of_reported(self, verb, node, subj):
        """ "Roe said it was too early but added, “…”", "Roe said the move was made by Ruiz
        and said, “…”": the parse joined the second reporting verb to the clause Roe
        reported, whose subject is a thing ("it", "the move"); things add nothing, the
        reporter does. The subject of the reporting verb that holds that clause, or None."""
        if verb.dep_ != "conj" or verb.head.i != node.i or node.dep_ != "ccomp":
            return None
        if node.head.lemma_.lower() not in vocab()["reporting_verbs"]:
            return None
        thing = subj.lower_ == "it" or (
            subj.pos_ == "NOUN" and not subj.ent_type_ and not _personal(subj)
        )
        if not thing:
            return None
        reporter = self.subject_of(node.head)
        return reporter if reporter is not None and reporter.i not in self.in_quote else None

    def _inanimate_host(self, verb, node, subj) -> bool:
        """A participle ("labeling", "calling") hosted by a reported clause whose subject is
        a thing ("the situation"): the speaker is the reporting clause's subject instead."""
        return (
            node.i != verb.i
            and verb.tag_ == "VBG"
            and node.dep_ in ("ccomp", "acl", "relcl")
            and subj.pos_ == "NOUN"
            and not subj.ent_type_
            and subj.lemma_.lower() not in vocab()["source_nouns"]
        )

    def inverted_subject(self, verb):
        """``said the official`` parsed without a subject: the noun right after the verb."""
        if verb.lemma_.lower() not in vocab()["inversion_verbs"]:
            return None
        for child in verb.children:
            if child.i <= verb.i or child.i in self.in_quote:
                continue
            if child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd", "nsubj") and (
                child.pos_ in ("PROPN", "NOUN")
            ):
                between = self.doc[verb.i + 1 : child.left_edge.i]
                if all(t.is_punct or t.is_space for t in between):
                    return child
        return None


#: Dashes that end a dateline ("TUNIS, Tunisia —", "SEOUL, Feb. 25 (Agency) -"); the
#: figure holders (:mod:`lib.extract.holder`) use them too.
DATELINE_DASHES = frozenset({"—", "–", "-", "--"})


def _dateline(verb, subj) -> bool:
    """Is ``subj`` a dateline the parser made a second subject of ``verb`` ("MARLOW,
    Ore. — Gov. Ada Roe declared …")? It opens the sentence, a dash follows it within a
    dozen tokens, and ``verb`` has another subject after that dash."""
    start = subj.sent.start
    if subj.i != start:
        return False
    dash = next(
        (t.i for t in subj.doc[start : min(start + 12, verb.i)] if t.text in DATELINE_DASHES),
        None,
    )
    return dash is not None and any(
        c.dep_ in SUBJECT_DEPS and c.i > dash for c in verb.children
    )


def _carrier(noun):
    """ "a message on Twitter reading …", "a post on her page saying …": a participle the
    parse hung on the place a message was put is the message's (which its poster wrote);
    the message noun, or None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("on", "in", "to") or prep.head.i == prep.i:
        return None
    message = prep.head
    v = vocab()
    written = message.lemma_.lower() in v["source_nouns"] | v["written_things"]
    return message if written and message.pos_ == "NOUN" else None


def _verb_above(node):
    """The nearest verb above a clause ("pouncing on news that the server had handled …":
    "pouncing" above "handled"), else the top of the sentence."""
    head = node.head
    while head.i != node.i and head.pos_ not in ("VERB", "AUX"):
        node, head = head, head.head
    return head


def _personal(noun) -> bool:
    """Does a common noun name people or a body of them ("the mayor", "the crowd")?"""
    from lib.nlp.around import person_noun

    return person_noun(noun) or noun.lemma_.lower() in vocab()["collective_nouns"]


def _up(node):
    """The clause a participle or infinitive takes its subject from: its head, or the verb
    a preposition hangs on ("he began by saying …": "began")."""
    head = node.head
    if head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return head
