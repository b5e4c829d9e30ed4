"""The progress of an analysis ("**Analysing 3 articles…** parsed 1/3"), in the page's place."""

from __future__ import annotations

import streamlit as st


def articles_phrase(n: int) -> str:
    """ "1 article", "3 articles"."""
    return f"{n} article" + ("" if n == 1 else "s")


class MainArea:
    """The main area's first place: the page, or, while articles are analysed, "Analysing 3
    articles…" with a progress bar in its stead, so nothing of the page before ("No articles
    yet") stays on screen meanwhile. Make it before anything is drawn in the main area."""

    def __init__(self) -> None:
        self._slot = None

    def busy(self):
        """The place for the progress: one element, which takes the page drawn before (a
        container and everything in it) off the screen."""
        if self._slot is None:
            self._slot = st.empty()
        return self._slot

    def body(self):
        """The container the page is drawn in."""
        return self._slot.container() if self._slot is not None else st.container()


class Progress:
    """A progress bar with counts ("**Analysing 3 articles…** parsed 1/3") for
    ``analyze(progress=...)`` of ``what`` ("your articles"), in the main area's place (see
    :class:`MainArea`) or where called."""

    def __init__(self, what: str, total: int, main: MainArea | None = None) -> None:
        where = main.busy() if main is not None else st
        self.head = f"**Analysing {articles_phrase(total)}…**"
        self.bar = where.progress(0.0, text=f"{self.head} starting")
        self.what = what

    def __call__(self, done: int, total: int) -> None:
        self.bar.progress(done / max(total, 1), text=f"{self.head} parsed {done}/{total}")

    def close(self) -> None:
        self.bar.empty()
