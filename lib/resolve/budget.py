"""The corpus time budget: one deadline for the corpus-level passes of one analysis.

Parsing is bounded per article (``DOC_ANALYSIS_BUDGET_S``, in the parse worker); the
passes over the whole corpus (claims across outlets, quote groups) are bounded here. A
:class:`Budget` starts when the passes start. A pass either polls :meth:`Budget.expired`
and stops where it is (quote grouping keeps the groups found so far), or calls
:func:`check` in its loops, which raises :class:`OverBudget` once the time is up (the pass
is then left out: :func:`run_pass`). Either way the analysis gets a note, named
:data:`CORPUS_NOTE` in ``Analysis.problems``, that the app shows as a status row on *Your
articles* and the command line prints on stderr (``warning All articles: …``).

The budget is :data:`CORPUS_BUDGET_S` seconds, or ``$COVERAGE_LENS_CORPUS_BUDGET_S``
(``off`` for none). Passes that find the current budget through :func:`current` need no
extra argument: :meth:`Budget.active` makes a budget current for the code it wraps.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

from lib.settings import CORPUS_BUDGET_ENV, corpus_budget_s

#: Seconds the corpus-level passes of one analysis may take together.
CORPUS_BUDGET_S = 60.0


#: Environment variable overriding :data:`CORPUS_BUDGET_S` (seconds, or ``off``).
ENV_BUDGET = CORPUS_BUDGET_ENV


#: The name under which budget notes appear in ``Analysis.problems`` (a note about every
#: article, not one file).
CORPUS_NOTE = "All articles"


T = TypeVar("T")


class OverBudget(Exception):
    """The corpus time budget ran out inside a pass."""


def budget_seconds() -> float:
    """The configured budget: ``$COVERAGE_LENS_CORPUS_BUDGET_S`` or :data:`CORPUS_BUDGET_S`
    (``inf`` when set to ``off``; an unreadable value means the default)."""
    return corpus_budget_s(CORPUS_BUDGET_S)


class Budget:
    """A deadline ``seconds`` from now, and the notes of the passes it cut."""

    def __init__(self, seconds: float | None = None, clock: Callable[[], float] = time.monotonic):
        self.seconds = budget_seconds() if seconds is None else float(seconds)
        self._clock = clock
        self._deadline = clock() + self.seconds
        self.notes: list[str] = []

    def expired(self) -> bool:
        """Has the deadline passed? (cheap: poll it inside loops)"""
        return self._clock() >= self._deadline

    def left(self) -> float:
        return max(0.0, self._deadline - self._clock())

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def problems(self) -> list[tuple[str, str]]:
        """The notes as ``Analysis.problems`` rows."""
        return [(CORPUS_NOTE, message) for message in self.notes]

    def describe(self) -> str:
        """ "the corpus time budget (60 s)" for notes."""
        return f"the corpus time budget ({self.seconds:g} s)"

    @contextlib.contextmanager
    def active(self) -> Iterator[Budget]:
        """Make this budget :func:`current` for the code in the ``with`` block."""
        token = _CURRENT.set(self)
        try:
            yield self
        finally:
            _CURRENT.reset(token)


#: A budget that never runs out (the default when no analysis set one).
UNLIMITED = Budget(math.inf)


_CURRENT: contextvars.ContextVar[Budget] = contextvars.ContextVar(
    "corpus_budget", default=UNLIMITED
)


def current() -> Budget:
    """The budget of the analysis being assembled (:data:`UNLIMITED` outside one)."""
    return _CURRENT.get()


def check() -> None:
    """Raise :class:`OverBudget` when the current budget has run out (call it in loops)."""
    if _CURRENT.get().expired():
        raise OverBudget


def run_pass(budget: Budget, what: str, compute: Callable[[], T], fallback: Callable[[], T]) -> T:
    """``compute()`` under ``budget``; when the budget runs out before or during it, the
    ``fallback()`` result and a note that ``what`` was left out."""
    if budget.expired():
        budget.note(f"{what} were not computed: {budget.describe()} ran out before them.")
        return fallback()
    try:
        with budget.active():
            return compute()
    except OverBudget:
        budget.note(f"{what} were not computed: {budget.describe()} ran out.")
        return fallback()
