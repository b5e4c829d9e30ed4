"""Who said it: the one attribution engine behind quote speakers and figure sources.

An :class:`Attributor` is built once per parsed Doc (with the quote spans found in it) and
answers two questions with a :class:`Source`:

- :meth:`Attributor.for_quote`: the speaker of a quote;
- :meth:`Attributor.for_figure`: the source of a figure (a figure inside a quote takes that
  quote's speaker, found by the same rules).

Order of evidence (the first that applies wins):

1. **explicit** in the same sentence: the subject of the reporting verb whose clause holds
   the quote or figure ("X said ...", "..., X said", inverted "said X", participles
   "saying ..." take the subject of their clause), a reporting noun's source ("the
   ministry's estimate", "a report by X"), "according to X" / "citing X", a colon
   attribution ("X: “...”") or a dash after the quote ("“...” — X");
2. **carried over**: a quote with no attribution of its own takes the speaker of the quote
   just before it, only when that quote is in the same or the previous paragraph and no
   other person is the subject of a sentence in between; a figure takes the source of the
   figure in the previous sentence of its paragraph when it counts the same thing.

The subject then becomes a Source: a named person or organisation (appositions and ages
between name and verb allowed: "Jane Roe, 70, told ..."), a pronoun resolved to the most
recent *speaker-like* person (subject of a sentence or an earlier speaker) of the same
gender ("she" never resolves to a man; ``lib.nlp.people``) or group ("they", "it"), a role
noun resolved to the person who holds that title ("the mayor"), or else the source phrase
as written ("U.S. officials", "a former Kremlin official"), kept with the entity it names.

Vocabulary (reporting verbs, source nouns, pronouns): ``lib/data/attribution.json``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from lib.nlp import antecedents, around
from lib.nlp.clauses import (
    POSSESSIVES,
    according_to,
    children_verb,
    climb,
    nearby_verb,
)
from lib.nlp.headline import title_end
from lib.nlp.index import doc_ents, ents_within, sent_of
from lib.nlp.names import clean_entity_text
from lib.nlp.party_members import party_member
from lib.nlp.people import People, vocab
from lib.nlp.pipeline import doc_text
from lib.nlp.roles import body_holder, role_holder
from lib.nlp.spans import entity_offsets, np_span
from lib.nlp.subjects import SUBJECT_DEPS, Subjects

#: Dependency labels of a noun's slot (a VERB-tagged token there is read as a noun).
NOMINAL_DEPS = frozenset(
    {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "compound"}
)
#: Entity labels that can name a source.
SOURCE_LABELS = ("PERSON", "ORG", "GPE", "NORP")
#: Verbs by which a poll, survey or count says a quotation ("the survey said", "the tally
#: read"); with any other verb ("polls show", "polls predicted") it is no quote's source.
THINGS_SAY = frozenset({"say", "state", "read", "conclude", "note", "report"})
#: A person described by age alone ("the 46-year-old", "a 19-year-old").
AGED = re.compile(r"(?:the|a|an)\s+\d{1,3}-year-old", re.IGNORECASE)
#: Words before a quote or figure that are never a source: wire kickers and labels.
KICKERS = frozenset({"update", "updated", "breaking", "exclusive", "watch", "video", "live"})


@dataclass
class Source:
    """Who said it, and how the engine knows.

    ``written`` is the source as the text gives it ("he", "the mayor", "U.S. officials");
    ``name`` the named person or organisation it is (text, start, end offsets of one
    mention), or None; ``description`` the phrase kept when nobody is named; ``entity``
    offsets of an entity inside the description ("U.S." in "U.S. officials"); ``how`` one
    of explicit | according to | pronoun | role | carried over | next quote.
    """

    written: str
    how: str
    verb: str = ""
    name: tuple[str, int, int] | None = None
    description: str = ""
    entity: tuple[int, int] | None = None

    def record(self, prefix: str) -> dict:
        """Plain record fields ``<prefix>_text/_start/_end/_description/_ent_start/_ent_end/
        _written/_how``."""
        name = self.name or (None, None, None)
        ent = self.entity or (None, None)
        return {
            f"{prefix}_text": name[0],
            f"{prefix}_start": name[1],
            f"{prefix}_end": name[2],
            f"{prefix}_description": "" if self.name else self.description,
            f"{prefix}_ent_start": ent[0],
            f"{prefix}_ent_end": ent[1],
            f"{prefix}_written": self.written,
            f"{prefix}_how": self.how,
        }


def _aged(written: str, how: str, verb: str) -> Source | None:
    """A person described by age alone ("the 46-year-old") as a described source, else None."""
    return Source(written, how, verb, None, written) if AGED.fullmatch(written or "") else None


def empty_record(prefix: str) -> dict:
    """The record of "no source found"."""
    return Source("", "").record(prefix) | {f"{prefix}_how": ""}


class Attributor(Subjects):
    """Attribution of the quotes and figures of one Doc (see the module docstring)."""

    def __init__(self, doc, quote_spans: list[tuple[int, int]], marks: list[int] = ()):
        self.doc = doc
        self.text = doc_text(doc)
        self.ent_of: dict[int, object] = {t.i: ent for ent in doc_ents(doc) for t in ent}
        self.quote_spans = sorted(quote_spans)
        self._quote_starts = [start for start, _ in self.quote_spans]
        self.in_quote: set[int] = set()
        for start, end in self.quote_spans:
            self.in_quote.update(t.i for t in self.tokens_between(start, end))
        for mark in marks:
            span = doc.char_span(mark, mark + 1, alignment_mode="expand")
            if span is not None and len(span) == 1 and not span[0].is_alpha:
                self.in_quote.add(span[0].i)
        self.people = People(doc, self.in_quote, title_end(self.text))
        self.bodies = [e for e in doc_ents(doc) if e.label_ in ("ORG", "PERSON", "FAC", "NORP")]
        self.speakers: list[tuple] = []  # (PERSON entity, quote span) so far, in order
        self.quote_sources: dict[tuple[int, int], Source] = {}
        self._last: tuple[int, int, Source] | None = None  # (paragraph, end char, source)
        self._antecedents = None  # built on the first he/she

    # -- small helpers --------------------------------------------------------------------

    def tokens_between(self, start: int, end: int) -> list:
        """Tokens whose first character lies in [start, end)."""
        end = min(end, len(self.doc.text))  # a window past the end of the text
        if end <= start:
            return []
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return [] if span is None else [t for t in span if start <= t.idx < end]

    def _quote_of(self, char: int) -> tuple[int, int] | None:
        """The quote span holding ``char`` (quote spans never overlap: binary search)."""
        k = bisect.bisect_right(self._quote_starts, char) - 1
        if k >= 0 and char < self.quote_spans[k][1]:
            return self.quote_spans[k]
        return None

    # -- quotes ---------------------------------------------------------------------------

    def for_quote(self, toks, region_tokens, *, span: tuple[int, int], paragraph: int,
                  standalone: bool, fragment: bool, open_idx: int, close_idx: int,
                  region_end: int) -> Source | None:  # fmt: skip
        """The speaker of one quote (text ``span``, tokens ``toks``) in its sentence region
        (tokens ``region_tokens``, ending at char ``region_end``)."""
        if fragment and self._labelled(open_idx):
            self.quote_sources[span] = None
            return None  # the so-called "reform": the writer's label, nobody's words
        region = {t.i for t in region_tokens}
        found = climb(toks, region, self, fragment)
        if found is None or found[2] > 0:
            found = children_verb(toks, region, self) or found
        found = around.tag_after(self, toks, close_idx, found) or found  # “…?” asked Dunn
        if found is None and toks:
            found = nearby_verb(toks[0].i, toks[-1].i, region_tokens, self)
        source = None
        acc = according_to(region_tokens, self) if found is None or found[2] > 0 else None
        if acc is not None:
            source = self.source_of(acc, "according to", how="according to")
        elif found is not None:
            floor = max(region_tokens[0].i if region_tokens else 0, 0)
            source = self.source_of(found[1], found[0].lemma_.lower(), floor=floor, quote=True)
        if source is None:
            source = around.colon(self, open_idx) or around.dash(self, close_idx)
            source = source or around.beside(self, toks)
            source = source or around.region_verb(self, toks, region_tokens)
            if source is None and not fragment:
                source = around.leading_clause(self, toks)
        if source is None and standalone:
            source = self._carry(paragraph, open_idx)
            source = source or around.sentence_before(self, open_idx)
            source = source or around.statement_before(self, open_idx)
        if source is not None:
            self._last = (paragraph, max(region_end, close_idx + 1), source)
            if source.name is not None and source.name[1] is not None:
                ent = self.ent_of.get(self._token_at(source.name[1]))
                if ent is not None and ent.start in self.people.starts:
                    self.speakers.append((ent, span))  # a PERSON, or a name used as one
        self.quote_sources[span] = source
        return source

    def _labelled(self, open_idx: int) -> bool:
        """Is the quotation mark at ``open_idx`` right after "so-called" (a scare quote)?"""
        before = self.text[max(0, open_idx - 12) : open_idx].rstrip().lower()
        return before.endswith(("so-called", "so called"))

    def _token_at(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0].i if span is not None and len(span) else -1

    def _carry(self, paragraph: int, open_idx: int) -> Source | None:
        """The previous quote's speaker, when nothing else names one (see module doc)."""
        if self._last is None:
            return None
        para, end, source = self._last
        if paragraph - para > 1:
            return None
        between = self.tokens_between(end, open_idx)
        for tok in between:
            if tok.i in self.in_quote:
                continue
            ent = self.ent_of.get(tok.i)
            if ent is not None and ent.label_ == "PERSON" and tok.dep_ in SUBJECT_DEPS:
                if self._person_of(source) != self.people.person(ent):
                    return None  # someone else has been introduced since ("Roe noted" is Roe)
            if tok.dep_ in SUBJECT_DEPS and tok.lower_ in ("he", "she") and tok.head.pos_ == "VERB":
                if not self._same_person(tok, source):
                    return None
        return Source(source.written, "carried over", source.verb, source.name,
                      source.description, source.entity)  # fmt: skip

    def _person_of(self, source: Source):
        """The person id (:class:`lib.nlp.people.People`) a source names, or None."""
        if source.name is None or source.name[1] is None:
            return None
        ent = self.ent_of.get(self._token_at(source.name[1]))
        return self.people.person(ent) if ent is not None and ent.label_ == "PERSON" else None

    def _same_person(self, tok, source: Source) -> bool:
        """Does the he/she at ``tok`` stand for the person ``source`` names ("'…,' Roe said.
        He then asked the crowd: …")?"""
        if source.name is None or source.name[1] is None:
            return False
        ent = self.ent_of.get(self._token_at(source.name[1]))
        if ent is None or ent.start not in self.people.starts:
            return False
        found = self.resolve_person(tok, vocab()["pronouns"][tok.lower_])
        return found is not None and self.people.person(found) == self.people.person(ent)

    # -- figures --------------------------------------------------------------------------

    def for_figure(self, anchor, fig_start: int) -> Source | None:
        """The source of a figure whose number token is ``anchor``."""
        quote = self._quote_of(fig_start)
        if quote is not None:
            return self.quote_sources.get(quote)
        v = vocab()
        for anc in anchor.ancestors:
            lemma = anc.lemma_.lower()
            if anc.i in self.in_quote:
                continue
            # "intelligence reports that ...": the tagger's VERB in a noun's slot is a noun
            nominal = anc.pos_ in ("NOUN", "PROPN") or (
                anc.dep_ in NOMINAL_DEPS and not any(c.dep_ in SUBJECT_DEPS for c in anc.children)
            )
            if nominal and lemma in v["source_nouns"]:
                source = self._noun_source(anc)
                if source is not None:
                    return source
            elif anc.pos_ in ("VERB", "AUX") and (
                lemma in v["reporting_verbs"] or lemma in v["figure_verbs"]
            ):
                if anc.dep_ == "acl":
                    continue  # "losses estimated at ...": nobody estimates here
                subj = self.subject_of(anc)
                if subj is not None and subj.left_edge.i <= anchor.i <= subj.right_edge.i:
                    continue  # "four deaths had been confirmed": the figure, no source
                if subj is not None:
                    source = self.source_of(subj, lemma)
                    if source is not None:
                        return source
        acc = according_to(list(sent_of(self.doc, anchor.i)), self)
        if acc is not None:
            return self.source_of(acc, "according to", how="according to")
        return None

    def carry_figure_sources(self, figures: list) -> None:
        """A figure with no source, in the sentence right after an attributed figure that
        counts the same kind of thing in the same paragraph, continues that report ("X
        reported that 11,000 troops ... . Some 3,000 troops have ..."): it takes that
        source with ``said_by_how = "carried over"``."""
        starts = [s.start_char for s in self.doc.sents]
        prev = None
        for fig in figures:
            if not fig.said_by_how and prev is not None and prev.said_by_how:
                i_prev = bisect.bisect_right(starts, prev.sent_start_char) - 1
                i_cur = bisect.bisect_right(starts, fig.sent_start_char) - 1
                between = self.text[prev.sent_start_char : fig.sent_start_char]
                same = fig.counted_head and fig.counted_head == prev.counted_head
                if i_cur == i_prev + 1 and "\n\n" not in between and same:
                    for key in empty_record("said_by"):
                        setattr(fig, key, getattr(prev, key))
                    fig.said_by_how = "carried over"
            prev = fig

    def _issuer(self, noun) -> Source | None:
        """Who issued a statement, letter or post that "said" something: the possessor or
        the "from"/"by" phrase of the noun ("a statement from the governor's office"), or
        the subject of the verb it is the object of ("Roe released a statement saying")."""
        source = self._noun_source(noun)
        if source is not None or noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
            return source
        subj = next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), None)
        if (
            subj is None
            or subj.i in self.in_quote
            or subj.lemma_.lower() in vocab()["source_nouns"]
        ):
            return None
        return self.source_of(subj, noun.head.lemma_.lower())

    def _noun_source(self, noun) -> Source | None:
        """Source of "a report by X", "data from X", "the ministry's estimate", "a statement
        released by X"."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                pobjs = [c for c in child.children if c.dep_ == "pobj"]
                if pobjs and (child.lower_ != "of" or self._name_for(pobjs[0]) is not None):
                    return self.source_of(pobjs[0], noun.lemma_.lower())
            if child.dep_ == "acl" and child.tag_ == "VBN":  # "a statement issued by X"
                agents = [a for a in child.children if a.dep_ == "agent"]
                pobjs = [c for a in agents for c in a.children if c.dep_ == "pobj"]
                if pobjs and pobjs[0].i not in self.in_quote:
                    return self.source_of(pobjs[0], noun.lemma_.lower())
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.i < noun.i):
                if child.pos_ in ("PROPN", "NOUN") or child.ent_type_:
                    return self.source_of(child, noun.lemma_.lower())
        for child in noun.children:
            if child.dep_ == "amod" and child.ent_type_ in ("NORP", "GPE", "ORG"):
                return self.source_of(child, noun.lemma_.lower())
        return None

    # -- subject -> Source ------------------------------------------------------------------

    def source_of(self, subj, verb: str, *, how: str = "explicit", floor: int = 0,
                  quote: bool = False):  # fmt: skip
        """The Source a subject token stands for (None when it names nobody). ``quote``: the
        subject of the verb that reports a quotation (a poll speaks one only by saying it)."""
        v = vocab()
        low = subj.lower_
        written = self._written(subj, floor)
        if low in v["pronouns"] or low in POSSESSIVES:
            return self._pronoun(subj, verb, how)
        # a common word that names no speaker ("the tally said"), unless it is part of a
        # name written with a capital inside the sentence ("said farmer Gwen Tally")
        named = subj.ent_type_ == "PERSON" or (
            subj.pos_ == "PROPN" and subj.text[:1].isupper() and not subj.is_sent_start
        )
        apposed = self._apposed_name(subj)
        if apposed is not None:  # "another figure, Dan Roe, told …", "the mayor, Ana Ruiz, said"
            return Source(written or apposed[0], how, verb, apposed)
        if quote and not named and subj.lemma_.lower() in v["non_speakers"]:
            return self._thing_said(subj, written, verb, how)
        if subj.pos_ == "PRON" or (low in v["non_speakers"] and not named) or low in KICKERS:
            return None
        if subj.ent_type_ in ("DATE", "TIME", "CARDINAL") or "@" in subj.text:
            return _aged(written, how, verb)  # "said the 46-year-old": a person, typed DATE
        holder = self._holder(subj, written, verb, how)
        if holder is not None:  # "his office said": the office's holder, named before
            return holder
        member = party_member(self, subj)  # "The Texas Republican said": that senator
        if member is not None:
            return Source(written, "role", verb, member)
        name = self._name_for(subj)
        if name is None and subj.lemma_.lower() in v["source_nouns"] | v["written_things"]:
            issued = self._issuer(subj)  # "she released a statement saying …": hers
            if issued is not None:
                return issued
        if name is not None:
            return Source(written or name[0], how, verb, name)
        proper = self._proper_noun(subj)
        if proper is not None:
            return Source(written or proper[0], how, verb, proper)
        role = self._role(subj, written)
        if role is not None:
            return Source(written, "role", verb, role)
        body = body_holder(subj, written, self.bodies, self.in_quote)
        if body is not None:
            return Source(written, "role", verb, body)
        if not written:
            return None
        return Source(written, how, verb, None, written, self._entity_in(subj))

    def _thing_said(self, subj, written: str, verb: str, how: str) -> Source | None:
        """A poll, survey or count is the source of a quotation only when the text says it
        said or stated the words ("“…,” the survey said"); "Recent polls show …" or "polls
        predicted …" beside a quotation is nobody's speech. Who issued it comes first."""
        if subj.lemma_.lower() not in vocab()["source_nouns"] or verb not in THINGS_SAY:
            return None
        issued = self._issuer(subj)
        return issued or Source(written, how, verb, None, written, self._entity_in(subj))

    def _holder(self, subj, written: str, verb: str, how: str) -> Source | None:
        """ "his office said", "her campaign said": the person the his/her stands for, when
        the paragraph names exactly one person it can be before it (written stays "his
        office"); otherwise None, and the words are shown as written."""
        if subj.lemma_.lower() not in vocab()["holder_nouns"]:
            return None
        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
        if poss is None or POSSESSIVES.get(poss.lower_) not in ("m", "f"):
            return None
        gender = POSSESSIVES[poss.lower_]
        start = self.text.rfind("\n\n", 0, poss.idx) + 1
        people = self.people
        fits = {}  # person id -> latest mention, of the paragraph, before the his/her
        for ent in people.mentions:
            if ent.start_char >= start and ent.end <= poss.i and ent.start not in self.in_quote:
                if people.compatible(ent, gender):
                    fits[people.person(ent)] = ent
        if len(fits) != 1:
            return None  # nobody, or more than one it could be: shown as written
        (ent,) = fits.values()
        return Source(written or subj.text, "pronoun", verb, entity_offsets(ent))

    def _pronoun(self, tok, verb: str, how: str) -> Source | None:
        kind = vocab()["pronouns"].get(tok.lower_) or POSSESSIVES[tok.lower_]
        if kind in ("m", "f"):
            ent = self.resolve_person(tok, kind)
            name = entity_offsets(ent) if ent is not None else None
            return Source(tok.text, "pronoun", verb, name)  # unresolved: nobody named
        if kind in ("pl", "n"):
            group = self._resolve_group(tok, kind)
            if group is None:
                return None
            written = self._written(group, 0)
            name = self._name_for(group)
            if name is not None:
                return Source(tok.text, "pronoun", verb, name)
            return Source(tok.text, "pronoun", verb, None, written, self._entity_in(group))
        return None  # I / we / you: the writer or the people quoted

    def resolve_person(self, tok, gender: str):
        """The person a he/she at ``tok`` stands for: the best-scored person named before it
        whose gender fits (:mod:`lib.nlp.antecedents`); a person of the other gender is
        never chosen."""
        if self._antecedents is None:
            self._antecedents = antecedents.Context(self, title_end(self.text))
        return antecedents.best(self._antecedents, tok, gender)

    def _resolve_group(self, tok, kind: str):
        """ "they" -> the most recent plural or collective subject; "it" -> the most recent
        organisation or thing (a statement, a newspaper) that was a subject."""
        collective = vocab()["collective_nouns"]
        sent_start = sent_of(self.doc, tok.i).start
        first = max(0, sent_start - 120)
        for cand in reversed(self.doc[first : tok.i]):
            if cand.i in self.in_quote or cand.dep_ not in SUBJECT_DEPS:
                continue
            if cand.pos_ == "PRON":
                continue
            ent = self.ent_of.get(cand.i)
            plural = cand.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in cand.children)
            if kind == "pl" and cand.lemma_.lower() in vocab()["non_speakers"]:
                continue  # "Recent polls show …": polls are no "they" who said something
            if kind == "pl" and plural and ent is None and not _people_noun(cand, collective):
                continue  # "rising rents cost homes … they argued": things argue nothing
            if kind == "pl" and (plural or cand.lemma_.lower() in collective or (
                ent is not None and ent.label_ in ("NORP", "ORG"))):  # fmt: skip
                return cand
            if (
                kind == "n"
                and not plural
                and (
                    (ent is not None and ent.label_ in ("ORG", "GPE"))
                    or (cand.pos_ == "NOUN" and cand.lemma_.lower() not in vocab()["non_speakers"])
                )
            ):
                return cand
        return None

    def _role(self, subj, written: str):
        """ "the mayor said" -> the person of the document who holds that title."""
        return role_holder(subj, written, self.people, self.in_quote)

    def _name_for(self, subj):
        """(text, start, end) of the named entity standing for the subject token, or None."""
        ent = self.ent_of.get(subj.i)
        if ent is not None and ent.label_ in SOURCE_LABELS:
            return entity_offsets(ent)
        for child in subj.children:
            if child.i in self.in_quote or child.dep_ not in ("appos", "compound", "flat", "nmod"):
                continue
            c_ent = self.ent_of.get(child.i)
            if c_ent is not None and c_ent.label_ == "PERSON":
                if child.dep_ == "appos" or c_ent.end >= subj.i:
                    return entity_offsets(c_ent)
        return None

    def _apposed_name(self, subj):
        """The person named in apposition to a common-noun subject ("a spokesman, Dan Roe,"):
        a PERSON entity, or a capitalised proper name the model left untagged. A name is
        always a better speaker than the noun it explains."""
        if subj.pos_ != "NOUN" or subj.ent_type_:
            return None
        for child in subj.children:
            if child.dep_ != "appos" or child.i in self.in_quote or child.i < subj.i:
                continue
            ent = self.ent_of.get(child.i)
            if ent is not None:
                return entity_offsets(ent) if ent.label_ == "PERSON" else None
            if child.pos_ == "PROPN" and any(t.pos_ == "PROPN" for t in child.lefts):
                return self._proper_noun(child)  # two or more capitalised words
        return around.named_after_comma(self, subj)

    def _proper_noun(self, subj):
        """A capitalised proper-noun subject the NER missed (``Kuleba said``)."""
        if subj.pos_ != "PROPN" or not subj.text[:1].isupper() or subj.is_upper:
            return None
        left = subj.i
        while left > 0:
            prev = self.doc[left - 1]
            if prev.pos_ == "PROPN" and prev.head.i == subj.i and prev.dep_ in ("compound", "flat"):
                left -= 1
            else:
                break
        span = self.doc[left : subj.i + 1]
        text = clean_entity_text(span.text, "PERSON")
        if text is None:
            return None
        offset = max(span.text.find(text), 0)
        return text, span.start_char + offset, span.start_char + offset + len(text)

    def _written(self, subj, floor: int) -> str:
        """The subject's noun phrase as written: left modifiers, compounds and an "of"
        phrase ("Critics of the program"), not clauses or appositions."""
        lo, hi = np_span(subj, people=around.person_noun(subj))
        lo = max(lo, floor)
        if hi <= lo:
            return subj.text
        toks = [t for t in self.doc[lo:hi] if t.i not in self.in_quote]
        if not toks:
            return ""
        text = self.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
        return " ".join(text.split()).strip(" ,")

    def _entity_in(self, subj) -> tuple[int, int] | None:
        lo, hi = np_span(subj)
        for ent in ents_within(self.doc, lo, hi):
            if ent.label_ in SOURCE_LABELS:
                return ent.start_char, ent.end_char
        return None


#: Endings of nouns for people ("economist", "historian", "engineer"; not "list").
PEOPLE_ENDINGS = ("ist", "ian", "eer")


def _people_noun(tok, collective: frozenset) -> bool:
    """Can a plural common noun stand for people a "they" who speaks is: a person noun or a
    collective of the vocabulary, or a noun with a person's ending ("economists",
    "historians"); "imports", "numbers" cannot."""
    lemma = tok.lemma_.lower()
    if lemma in vocab()["person_nouns"] or lemma in collective or tok.pos_ == "PROPN":
        return True
    return len(lemma) > 5 and lemma.endswith(PEOPLE_ENDINGS)

