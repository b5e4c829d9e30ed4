"""Parsing in this process: ``nlp.pipe`` with the given pipeline, no time budget.

Only tests ask for it (a test pipeline object, a counting wrapper): everything else parses
through :class:`lib.parsing.workers.Workers`, whose per-article budget a thread could not
enforce.
"""

from __future__ import annotations

from collections.abc import Sequence

from lib.parsing.interface import OnPart, OnSkip
from lib.parsing.process import parse_texts


class InProcess:
    """A parser over ``nlp`` (a spaCy ``Language``) in this process."""

    def __init__(self, nlp, batch_size: int = 32) -> None:
        self.nlp = nlp
        self.batch_size = batch_size

    def parse(self, texts: Sequence[str], on_part: OnPart, on_skip: OnSkip) -> None:
        for i, (kind, value) in enumerate(parse_texts(self.nlp, list(texts), self.batch_size)):
            if kind == "part":
                on_part(i, value)
            else:
                on_skip(i, f"Skipped: the analysis failed ({value}).")

    def close(self) -> None:
        pass
