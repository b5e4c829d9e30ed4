"""The per-document run: one parsed Doc -> its :class:`~lib.parts.Parts` (sentences,
mentions, figures, quotes, content words, statements, word count). It depends only on the
text, so its result is cached by the text's hash (``lib.store.cache``) and survives metadata
edits."""

from __future__ import annotations

import bisect

import numpy as np

from lib.extract.figures import extract_figures
from lib.extract.mentions import mention_records
from lib.extract.quotes import attributor_for, extract_quotes
from lib.extract.statements import statement_records
from lib.extract.terms import term_records
from lib.nlp.headline import title_end
from lib.nlp.index import extensions
from lib.parts import Parts
from lib.records import Sentence


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where each blank-line separated paragraph starts."""
    starts = [0]
    pos = text.find("\n\n")
    while pos != -1:
        starts.append(pos + 2)
        pos = text.find("\n\n", pos + 2)
    return starts


def _sentences(doc, text: str) -> tuple[list[Sentence], np.ndarray]:
    """Sentence records and, per token, the index of its sentence."""
    para = paragraph_starts(text)
    rows: list[Sentence] = []
    sent_ids = np.zeros(len(doc), dtype=np.int32)
    sid = -1
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if stripped:
            sid += 1
            start = sent.start_char + len(raw) - len(raw.lstrip())
            rows.append(
                Sentence(
                    sentence_id=sid,
                    paragraph_id=bisect.bisect_right(para, start) - 1,
                    start_char=start,
                    end_char=start + len(stripped),
                    text=stripped,
                )
            )
        sent_ids[sent.start : sent.end] = max(sid, 0)
    return rows, sent_ids


def process_doc(doc, text: str) -> Parts:
    """Per-document records of one parsed ``Doc`` (plain values only; no ids or outlet)."""
    extensions(doc).coverage_text = text  # extractors read it via lib.nlp.pipeline.doc_text
    sent_rows, sent_ids = _sentences(doc, text)
    ids = sent_ids.tolist()
    mentions = mention_records(doc, ids)
    att = attributor_for(doc)
    quots = extract_quotes(doc, att)
    headline = title_end(text)  # the headline is the title: no figure is counted from it
    figs = [f for f in extract_figures(doc, attributor=att) if f.start_char >= headline]
    starts = [r.start_char for r in sent_rows]
    for rec in figs + quots:
        rec.sentence_id = max(bisect.bisect_right(starts, rec.start_char) - 1, 0)
    words = sum(1 for t in doc if not (t.is_punct or t.is_space))
    return Parts(
        words=words,
        sentences=sent_rows,
        mentions=mentions,
        figures=figs,
        quotes=quots,
        terms=term_records(doc),
        statements=statement_records(doc, sent_rows, text),
    )
