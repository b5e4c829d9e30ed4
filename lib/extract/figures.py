"""Figures of one Doc: numbers with value, unit, qualifier, what they count and who said them.

Records: :class:`lib.records.Figure`, whose fields say what each column holds. Vague
values are orders of magnitude ("thousands" -> 1000 to 10,000); ``counted_how`` is "noun"
when the figure quantifies a noun, "context" when only its clause says what it is about
(shown, never grouped on); sources (``said_by_*``) come from :mod:`lib.nlp.attribution`.
"""

from __future__ import annotations

from dataclasses import replace

from lib.columns import names
from lib.extract.candidates import Candidate, candidates
from lib.extract.counted import (
    counted_context,
    counted_noun,
    counted_phrase,
    ent_text,
    fill_from_context,
    hyphen_measure,
    measured_noun,
    noun_after,
)
from lib.extract.exclusions import anchor_token, figure_kind, is_excluded
from lib.extract.holder import figure_holder
from lib.extract.measure import places, predicate, time_scope, time_text
from lib.extract.numbers import vocab
from lib.extract.quotes import attributor_for, extract_quotes
from lib.nlp.attribution import Attributor, empty_record
from lib.nlp.caps import number_cutoff
from lib.nlp.index import sent_of
from lib.nlp.pipeline import doc_text
from lib.records import Figure

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range", "change", "vague")


def extract_figures(doc, include_vague: bool = True, attributor=None) -> list[Figure]:
    """Numeric figures of one spaCy ``Doc`` as :class:`~lib.records.Figure` records.

    Dates, times, years, ordinals, reference numbers ("Article 5") and names with numbers
    are skipped; ages, durations and counts of one are figures of their own ``kind``.
    ``include_vague=False`` drops "thousands of ..." figures.
    ``attributor``: the Doc's attribution engine after its quotes were attributed (built
    here when not given), so a figure inside a quote gets that quote's speaker.
    """
    att = attributor if attributor is not None else _attributed(doc)
    figures: list[Figure] = []
    cands: list[Candidate] = []  # each figure's candidate (token offsets), for the last pass
    cutoff = number_cutoff(doc_text(doc))  # bounded work per document (lib.nlp.caps)
    for cand in candidates(doc):
        if cutoff is not None and doc[cand.start].idx >= cutoff:
            break
        sent = sent_of(doc, cand.anchor_span[0])
        if is_excluded(doc, cand, sent.start, sent.end):
            continue
        if cand.qualifier == "vague" and not include_vague:
            continue
        noun, context = counted_noun(doc, cand)
        if noun is None:
            noun = _fallback_noun(doc, cand, sent)
        adjectival = hyphen_measure(doc, cand, noun)  # "a 38-word oath": unit word, of an oath
        if adjectival is not None:
            cand, noun = adjectival
        counted, lemmas, group_toks = "", [], []
        head = noun.lemma_.lower() if noun is not None else ""
        kind = figure_kind(doc, cand, sent.start, sent.end, head if not cand.unit else "")
        if kind == "duration" and not cand.unit and noun is not None:
            cand = replace(cand, unit=head)  # "three years": the time unit is the unit
            noun = _duration_noun(doc, cand, noun) or noun
            head = noun.lemma_.lower() if noun is not None else ""
        if noun is not None:
            counted, lemmas, group_toks = counted_phrase(doc, noun, cand)
        ctx_lemmas, ctx_groups = counted_context(doc, noun, cand)
        groups = list(dict.fromkeys(ent_text(doc, tok) for tok in group_toks))
        if not groups and adjectival is None:  # the oath's length is nobody's action
            groups = list(dict.fromkeys(ctx_groups))
        for lemma in context + ctx_lemmas:
            if lemma not in lemmas:
                lemmas.append(lemma)
        if cand.tally:  # a vote tally names what it counts
            counted, head, joined = cand.tally
            lemmas = joined.split()
        span = doc[cand.start : cand.end]
        anchor = anchor_token(doc, *cand.anchor_span)
        source = att.for_figure(anchor, span.start_char)
        figures.append(
            Figure(
                text=span.text,
                value=cand.value,
                value_max=cand.value_max,
                qualifier=cand.qualifier,
                unit=cand.unit,
                kind=kind,
                predicate="" if adjectival else predicate(doc, cand, noun),
                places=places(doc, cand, noun),
                time_scope=time_scope(doc, cand, noun),
                time_text=time_text(doc, cand, noun),
                **figure_holder(doc, cand, noun, att),
                counted=counted,
                counted_head=head,
                counted_lemmas=" ".join(lemmas),
                counted_groups="; ".join(groups),
                counted_how="noun" if counted else "",
                start_char=span.start_char,
                end_char=span.end_char,
                sentence=sent.text.strip(),
                sent_start_char=sent.start_char,
                **(source.record("said_by") if source else empty_record("said_by")),
            )
        )
        cands.append(cand)
    att.carry_figure_sources(figures)
    _resolve_partitives(figures)
    _conversions(doc, figures)
    fill_from_context(doc, figures, cands)
    return figures


#: Units whose clause subject is not what they measure: the payer of money, the holder
#: of a share ("Trump had 17 percent"); a measure ("the field stretched 7 miles") is.
NOT_SUBJECT_UNITS = (
    frozenset(vocab()["currency_display"])
    | frozenset(vocab()["currency_words"].values())
    | {"%", "percentage points"}
)
#: What a figure counts (the ``counted*`` columns), then its predicate: carried together.
COUNTED_KEYS = (*(n for n in names(Figure) if n.startswith("counted")), "predicate")
#: Whose it is and when: carried with what is counted by a conversion in brackets.
HOLDER_KEYS = (*(n for n in names(Figure) if n.startswith("holder_")), "time_text")


def _fallback_noun(doc, cand: Candidate, sent):
    """The counted noun when the figure modifies none: "12 dead", the noun phrase after
    it, "a fine of $7.5 million", "shares rose 8%" (see :func:`measured_noun`)."""
    noun = None
    if cand.end < sent.end:
        nxt = doc[cand.end]  # "12 dead", "150 injured"
        if nxt.pos_ in ("ADJ", "VERB") and nxt.lower_ in vocab()["outcome_of"]:
            noun = nxt
        elif not cand.unit:
            noun = noun_after(doc, cand.end, sent.end)
    if noun is None:
        noun = measured_noun(doc, cand, subject=cand.unit not in NOT_SUBJECT_UNITS)
    return noun


def _conversions(doc, figures: list[Figure]) -> None:
    """A figure in brackets right after another ("87 mph (140 km/h)", "A$10.5 million
    ($7.5 million)") converts it: it counts the same thing."""
    for prev, fig in zip(figures, figures[1:], strict=False):
        if fig.counted or not prev.counted or fig.sentence != prev.sentence:
            continue
        if doc_text(doc)[prev.end_char : fig.start_char].strip() == "(":
            for key in COUNTED_KEYS + HOLDER_KEYS:
                setattr(fig, key, getattr(prev, key))


def _resolve_partitives(figures: list[Figure]) -> None:
    """ "3,000 of them": the figure counts what the figure before it in the sentence
    counted ("11,000 troops")."""
    for prev, fig in zip(figures, figures[1:], strict=False):
        if fig.counted.lower() in ("them", "those", "these") and prev.sentence == fig.sentence:
            for key in COUNTED_KEYS[:-1]:
                setattr(fig, key, getattr(prev, key))


def _duration_noun(doc, cand: Candidate, unit_noun):
    """What a duration is of: "three years in prison" -> prison, "a five-year award" ->
    award; else None (the unit says it all)."""
    for child in unit_noun.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "behind"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                    return pobj
    head = unit_noun.head
    if unit_noun.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN":
        return head
    return None


def _attributed(doc) -> Attributor:
    """An attribution engine for ``doc`` whose quotes already have their speakers."""
    att = attributor_for(doc)
    extract_quotes(doc, att)
    return att
