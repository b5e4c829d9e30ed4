"""The statements table: per-document statement records with their text, outlet and
whether they are the headline."""

from __future__ import annotations

import re

import pandas as pd

from lib.columns import empty_frame, names
from lib.records import Statement

_SPACE = re.compile(r"\s+")


def _plain(text: str) -> str:
    return _SPACE.sub(" ", str(text or "")).strip().casefold()


def statement_table(
    table: pd.DataFrame, documents: pd.DataFrame, texts: pd.DataFrame, sentences: pd.DataFrame
) -> pd.DataFrame:
    """The ``statements`` table (:class:`~lib.records.Statement`) from every article's
    statement records (with ``doc_id`` and ``outlet``), the documents (``title``), texts
    (``text``) and sentences tables.

    ``text`` is the statement's slice of its article; ``headline`` is True for the
    statements of the article's first paragraph when that paragraph is its title (most
    files open with their headline line).
    """
    if table.empty:
        return empty_frame(Statement)
    table = table.copy()
    body = dict(zip(texts["doc_id"], texts["text"], strict=False))
    table["text"] = [
        body.get(d, "")[int(s) : int(e)]
        for d, s, e in zip(table["doc_id"], table["start_char"], table["end_char"], strict=True)
    ]
    titles = {d: _plain(t) for d, t in zip(documents["doc_id"], documents["title"], strict=False)}
    first_para = sentences[sentences["paragraph_id"] == 0]
    first_text = first_para.groupby("doc_id")["text"].agg(" ".join).map(_plain)
    headline_docs = {d for d, t in first_text.items() if t and titles.get(d) == t}
    para_of = dict(
        zip(
            zip(sentences["doc_id"], sentences["sentence_id"], strict=True),
            sentences["paragraph_id"],
            strict=True,
        )
    )
    table["headline"] = [
        d in headline_docs and para_of.get((d, s)) == 0
        for d, s in zip(table["doc_id"], table["sentence_id"], strict=True)
    ]
    return table[names(Statement)].reset_index(drop=True)
