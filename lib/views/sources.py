"""How each speaker or source was found, in words a reader can check.

The attribution engine (:mod:`lib.nlp.attribution`) records ``<prefix>_how`` and
``<prefix>_written`` (the source as the sentence wrote it: "he", "the senator") for every
quote speaker and figure source; :func:`how_found` turns them into one short phrase.
"""

from __future__ import annotations

import pandas as pd

#: Phrase per ``how`` value; ``{written}`` is the source as written, ``{shown}`` who it is.
HOW_PHRASES = {
    "explicit": "named beside it (“{written}”)",
    "according to": "“according to {written}”",
    "beside": "the subject of the verb beside it (“{written}”)",
    "pronoun": "pronoun “{written}” read as {shown}",
    "role": "“{written}” read as {shown}",
    "story role": "“{written}” read as {shown}, so titled in another article of the story",
    "carried over": "carried over from the quote before (“{written}”)",
    "next quote": "named at the next quote in the paragraph (“{written}”)",
    "sentence before": "the speaker of the sentence before it (“{written}”)",
    "statement before": "who put out the statement the paragraph before names (“{written}”)",
}
#: Figures carry a source over from the previous sentence, not from a quote.
FIGURE_PHRASES = {**HOW_PHRASES, "carried over": "carried over from the previous sentence"}
NOT_FOUND = "no speaker found"


def how_found(how: str, written: str, shown: str, phrases: dict[str, str] = HOW_PHRASES) -> str:
    """One phrase saying how a source was found ("pronoun “she” read as Jane Doe")."""
    how = how if isinstance(how, str) else ""
    written = " ".join(written.split()) if isinstance(written, str) else ""
    shown = shown if isinstance(shown, str) else ""
    if not how or not shown:
        return NOT_FOUND
    template = phrases.get(how, how)
    return template.format(written=written or shown, shown=shown)


def explain(table: pd.DataFrame, prefix: str, shown: str, phrases=HOW_PHRASES) -> pd.Series:
    """:func:`how_found` for every row of a quotes (``prefix="speaker"``) or figures
    (``prefix="said_by"``) table; rows without the columns read as not found."""
    if table.empty:
        return pd.Series(dtype=object, index=table.index)
    blank = pd.Series("", index=table.index)
    how = table.get(f"{prefix}_how", blank)
    written = table.get(f"{prefix}_written", blank)
    return pd.Series(
        [how_found(h, w, s, phrases) for h, w, s in zip(how, written, table[shown], strict=True)],
        index=table.index,
        dtype=object,
    )
