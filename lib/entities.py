"""Entity mentions: cleaning, canonical names and labels.

Interface used by ``lib.extract`` (keep these signatures):

- ``add_entity_components(nlp)``: add pipeline components (entity ruler, ...).
- ``mention_records(doc, sent_ids)``: raw, cleaned mentions of one spaCy Doc as
  plain dicts (``start_char, end_char, text, label, sentence_id`` + cue fields).
- ``resolve_entities(mentions)``: corpus-level pass over a mentions DataFrame
  adding the canonical ``entity`` and final ``label`` columns, dropping rejects.
"""

from __future__ import annotations

import re

import pandas as pd

from lib.constants import NAME_LABELS

POSSESSIVE = re.compile(r"[’']s?$")
LEADING_DET = re.compile(r"^(the|a|an)\s+", re.I)
EDGE_PUNCT = "\"“”‘’'()[]{}.,;:!?-–—*#"


def add_entity_components(nlp) -> None:
    """Add the project's entity components to a loaded pipeline (none yet)."""
    return None


def clean_entity_text(text: str) -> str | None:
    """First-pass cleaning of a name span; ``None`` when it is not a name.

    Trims whitespace/newlines, strips a trailing possessive and a leading
    determiner, and rejects spans without a capitalised word (e.g. ``n’t``).
    """
    text = " ".join(text.split())
    text = text.strip(EDGE_PUNCT + " ")
    text = POSSESSIVE.sub("", text) if re.search(r"[’']s$", text) else text
    text = LEADING_DET.sub("", text).strip(EDGE_PUNCT + " ")
    if len(text) < 2 or not any(ch.isupper() for ch in text):
        return None
    if not re.search(r"[A-Za-z]", text):
        return None
    return text


def mention_records(doc, sent_ids: list[int]) -> list[dict]:
    """Cleaned name mentions of ``doc``; a span is cut at a possessive token."""
    records = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        end = ent.end
        for tok in ent:
            if tok.tag_ == "POS" or tok.text in ("’s", "'s", "’", "'"):
                end = tok.i
                break
        span = doc[ent.start : end]
        if len(span) == 0:
            continue
        text = clean_entity_text(span.text)
        if text is None:
            continue
        offset = span.text.find(text)
        start_char = span.start_char + max(offset, 0)
        records.append(
            {
                "sentence_id": sent_ids[span.start],
                "start_char": start_char,
                "end_char": start_char + len(text),
                "text": text,
                "label": ent.label_,
            }
        )
    return records


def resolve_entities(mentions: pd.DataFrame) -> pd.DataFrame:
    """Add canonical ``entity`` names (first pass: the cleaned text itself)."""
    out = mentions.copy()
    out["entity"] = out["text"]
    return out
