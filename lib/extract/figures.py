"""Figures of one Doc: numbers with value, unit, qualifier, what they count and who said them.

Record keys: ``lib.schema.FIGURE_KEYS``. ``value`` / ``value_max`` are floats (equal unless
a range), ``qualifier`` one of :data:`QUALIFIERS` (vague values are orders of magnitude:
"thousands" -> 1000), ``unit`` ("", "%", "percentage points", an ISO currency code or a
measurement unit like "km"), ``counted`` the thing counted (original casing),
``counted_head`` its lemma, ``counted_lemmas`` head + modifier + context lemmas (for
grouping), ``counted_groups`` "; "-joined nationality/actor names, offsets into the doc
text, and the source (``said_by_*``) from :mod:`lib.nlp.attribution`.
"""

from __future__ import annotations

from lib.extract.candidates import candidates
from lib.extract.counted import counted_context, counted_noun, counted_phrase, ent_text, noun_after
from lib.extract.exclusions import anchor_token, is_excluded
from lib.extract.numbers import vocab
from lib.extract.quotes import attributor_for, extract_quotes
from lib.nlp.attribution import Attributor, empty_record

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range", "vague")


def extract_figures(doc, include_vague: bool = True, attributor=None) -> list[dict]:
    """Numeric figures of one spaCy ``Doc`` as plain dicts (keys :data:`FIGURE_KEYS`).

    Dates, times, years, ordinals, ages, durations, reference numbers ("Article 5") and
    counts of one are skipped. ``include_vague=False`` drops "thousands of ..." figures.
    ``attributor``: the Doc's attribution engine after its quotes were attributed (built
    here when not given), so a figure inside a quote gets that quote's speaker.
    """
    att = attributor if attributor is not None else _attributed(doc)
    figures = []
    for cand in candidates(doc):
        sent = doc[cand["_anchor_span"][0]].sent
        if is_excluded(doc, cand, sent.start, sent.end):
            continue
        if cand["qualifier"] == "vague" and not include_vague:
            continue
        noun, context = counted_noun(doc, cand)
        if noun is None and cand["_end"] < sent.end:
            nxt = doc[cand["_end"]]  # "12 dead", "150 injured"
            if nxt.pos_ in ("ADJ", "VERB") and nxt.lower_ in vocab()["outcome_of"]:
                noun = nxt
            elif not cand["unit"]:
                noun = noun_after(doc, cand["_end"], sent.end)
        counted, lemmas, group_toks = "", [], []
        if noun is not None:
            if noun.lemma_.lower() in vocab()["time_units"] and not cand["unit"]:
                continue
            counted, lemmas, group_toks = counted_phrase(doc, noun, cand)
        ctx_lemmas, ctx_groups = counted_context(doc, noun, cand)
        groups = []
        for tok in group_toks:
            name = ent_text(doc, tok)
            if name not in groups:
                groups.append(name)
        if not groups:
            groups = list(dict.fromkeys(ctx_groups))
        for lemma in context + ctx_lemmas:
            if lemma not in lemmas:
                lemmas.append(lemma)
        span = doc[cand["_start"] : cand["_end"]]
        anchor = anchor_token(doc, *cand["_anchor_span"])
        source = att.for_figure(anchor, span.start_char)
        figures.append(
            {
                "text": span.text,
                "value": cand["value"],
                "value_max": cand["value_max"],
                "qualifier": cand["qualifier"],
                "unit": cand["unit"],
                "counted": counted,
                "counted_head": noun.lemma_.lower() if noun is not None else "",
                "counted_lemmas": " ".join(lemmas),
                "counted_groups": "; ".join(groups),
                "start_char": span.start_char,
                "end_char": span.end_char,
                "sentence": sent.text.strip(),
                "sent_start_char": sent.start_char,
                **(source.record("said_by") if source else empty_record("said_by")),
            }
        )
    att.carry_figure_sources(figures)
    return figures


def _attributed(doc) -> Attributor:
    """An attribution engine for ``doc`` whose quotes already have their speakers."""
    att = attributor_for(doc)
    extract_quotes(doc, att)
    return att
