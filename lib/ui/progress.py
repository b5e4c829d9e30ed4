"""The progress bar of an analysis ("parsed 12/40 articles")."""

from __future__ import annotations

import streamlit as st


class Progress:
    """A progress bar with counts ("Parsed 12/40 articles") for ``analyze(progress=...)``."""

    def __init__(self, what: str, total: int) -> None:
        self.bar = st.progress(0.0, text=f"Analysing {what}: {total} article(s) to parse…")
        self.what = what

    def __call__(self, done: int, total: int) -> None:
        self.bar.progress(
            done / max(total, 1), text=f"Analysing {self.what}: parsed {done}/{total} articles"
        )

    def close(self) -> None:
        self.bar.empty()
