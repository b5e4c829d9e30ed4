"""A small pipeline for worker tests: ``spacy.blank("en")`` + sentencizer, and a component
that sleeps on texts containing :data:`SLOW_MARK` (an invented document that is too slow)."""

from __future__ import annotations

import time

SLOW_MARK = "[[slow]]"


def make_nlp():
    import spacy
    from spacy.language import Language

    if "test_slow_on_mark" not in Language.factories:

        @Language.component("test_slow_on_mark")
        def slow_on_mark(doc):
            if SLOW_MARK in doc.text:
                time.sleep(30)
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_slow_on_mark")
    return nlp


def make_broken():
    raise RuntimeError("no pipeline here")
