"""The parser interface every executor implements (see :mod:`lib.parsing`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from lib.records import Parts

#: ``on_part(index, parts)`` and ``on_skip(index, message)`` of :meth:`Parser.parse`.
OnPart = Callable[[int, Parts], None]
OnSkip = Callable[[int, str], None]


class Parser(Protocol):
    """Parses texts into per-article parts (see the module docstring)."""

    def parse(self, texts: Sequence[str], on_part: OnPart, on_skip: OnSkip) -> None: ...

    def close(self) -> None: ...


def budget_message(budget_s: float) -> str:
    """What a user reads for an article stopped by its time budget."""
    return (
        f"Skipped: took longer than {budget_s:g} s to analyse (the limit per article); "
        "the other articles are kept."
    )
