"""Speakers and sources as canonical entities: the mention overlapping their offsets.

A source record (``lib.schema.SOURCE_FIELDS``) names a person or organisation (offsets of
one mention) or only describes the source ("U.S. officials"), possibly naming an entity
inside the description. :func:`resolve_sources` gives both the column shown as the speaker
(the canonical name, else the description as written) and the entity it belongs to (the
canonical name, else the entity the description names, nationalities as their country).
"""

from __future__ import annotations

import bisect
import re

import pandas as pd

from lib.nlp.names import demonym_country
from lib.nlp.people import role_words


def span_entities(mentions: pd.DataFrame) -> dict[str, tuple[list[int], list[tuple]]]:
    """Per doc_id: mention starts (sorted) and (start, end, entity, label) in that order."""
    out: dict[str, list[tuple[int, int, str, str]]] = {}
    cols = ["doc_id", "start_char", "end_char", "entity", "label"]
    for doc_id, s, e, ent, lab in mentions[cols].itertuples(index=False):
        out.setdefault(doc_id, []).append((int(s), int(e), ent, lab))
    index = {}
    for doc_id, spans in out.items():
        spans.sort()
        index[doc_id] = ([s for s, *_ in spans], spans)
    return index


#: Longest mention in characters: a mention starting this far before a span cannot reach it.
MAX_MENTION_CHARS = 200


def entity_at(spans, doc_id: str, start, end) -> tuple[str, str]:
    """(canonical entity, label) of the mention overlapping ``[start, end)`` most, or ("", "")."""
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return "", ""
    start, end = int(start), int(end)
    starts, items = spans.get(doc_id, ([], []))
    lo = bisect.bisect_left(starts, start - MAX_MENTION_CHARS)
    best, best_overlap = ("", ""), 0
    for s, e, ent, lab in items[lo:]:
        if s >= end:
            break
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = (ent, lab), overlap
    return best


def person_named(spans, doc_id: str, text: str) -> str:
    """The one person of ``doc_id``'s mentions that ``text`` (a speaker's name with no
    mention of its own: "Odunsi said" where the model tagged only "Rafael Odunsi") names by
    surname (and given name, when written), else ``text`` as written. One word may also be
    the first word of the name: a family name written first ("Park" of "Park Ji-hoon")."""
    words = text.split()
    if not words:
        return text
    people = {
        ent
        for _s, _e, ent, lab in spans.get(doc_id, ([], []))[1]
        if lab == "PERSON"
        and " " in ent
        and (
            (ent.split()[-1] == words[-1] and (len(words) == 1 or ent.split()[0] == words[0]))
            or (len(words) == 1 and ent.split()[0] == words[0])
        )
    }
    return next(iter(people)) if len(people) == 1 else text


def _as_entity(name: str, label: str) -> str:
    if label == "NORP":
        return demonym_country(name) or name
    return name


def resolve_sources(table: pd.DataFrame, spans, prefix: str) -> tuple[pd.Series, pd.Series]:
    """(shown source, its entity) per row of ``table`` from its ``<prefix>_*`` fields.

    Shown: the canonical name of the named mention (else its text), else the description
    as written. Entity: that canonical name, else the entity named inside the description
    (nationalities as their country: "Ukrainian intelligence" -> "Ukraine"), else "".
    """
    if table.empty:
        return pd.Series(dtype=object), pd.Series(dtype=object)
    cols = ["doc_id", *(f"{prefix}_{k}" for k in ("text", "start", "end", "description"))]
    cols += [f"{prefix}_ent_start", f"{prefix}_ent_end"]
    shown, entity = [], []
    for d, text, s, e, desc, es, ee in table[cols].itertuples(index=False):
        name, _label = entity_at(spans, d, s, e)
        name = name or person_named(spans, d, text if isinstance(text, str) else "")
        if name:
            shown.append(name)
            entity.append(name)
            continue
        desc = desc if isinstance(desc, str) else ""
        shown.append(desc)
        inner, label = entity_at(spans, d, es, ee)
        entity.append(_as_entity(inner, label) if inner else "")
    return (
        pd.Series(shown, index=table.index, dtype=object),
        pd.Series(entity, index=table.index, dtype=object),
    )


#: Words before a role noun that make it someone else ("the former governor").
OTHER_HOLDER = frozenset(
    """former ex late previous then next new incoming outgoing deputy vice acting assistant
    lieutenant interim future""".split()
)
#: "the chief executive of Roe Health": the job is the words before "of" (the person holding
#: it in the story, not the body named after it).
OF_WHAT = re.compile(r"\s+of\s+.*$")
ROLE_PHRASE = re.compile(
    r"^(?:the|his|her|their|its|[\w.'’-]+['’]s)\s+((?:[\w-]+\s+){0,2})([a-z-]+)$"
)


def story_roles(mentions: pd.DataFrame) -> dict[str, str]:
    """Role noun -> the one person of the story (the ``mentions`` given) written with that
    job title ("Gov. Jane Roe", "Jane Roe, the governor,"): from the mentions' ``role``."""
    if mentions.empty or "role" not in mentions.columns:
        return {}
    people = mentions[(mentions["label"] == "PERSON") & (mentions["role"].fillna("") != "")]
    holders: dict[str, set[str]] = {}
    for role, ent in zip(people["role"], people["entity"], strict=True):
        for word in role_words(role):
            holders.setdefault(word, set()).add(ent)
    return {word: next(iter(ents)) for word, ents in holders.items() if len(ents) == 1}


def apply_story_roles(table: pd.DataFrame, prefix: str, roles: dict[str, str]) -> None:
    """Sources still described by a job title ("the governor replied") with nobody of that
    title in their own article: the story's one person with it (how: ``story role``).
    ``table`` has the resolved ``speaker``/``said_by`` columns and is changed in place."""
    if table.empty or not roles:
        return
    shown = "speaker" if prefix == "speaker" else "said_by"
    for idx, desc, text in zip(
        table.index, table[f"{prefix}_description"], table[f"{prefix}_text"], strict=True
    ):
        if isinstance(text, str) and text or not isinstance(desc, str):
            continue
        phrase = OF_WHAT.sub("", " ".join(desc.split()).lower())  # "the chief … of Roe Inc."
        m = ROLE_PHRASE.match(phrase)
        if m is None or OTHER_HOLDER & set(m.group(1).split()):
            continue
        words = m.group(1).split()[-1:] + [m.group(2)]  # "chief executive", else "executive"
        person = roles.get(" ".join(words)) or roles.get(m.group(2))
        if person is not None:
            table.at[idx, shown] = person
            table.at[idx, f"{shown}_entity"] = person
            table.at[idx, f"{prefix}_how"] = "story role"
