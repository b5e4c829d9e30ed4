"""Entity mentions: cleaning, canonical names and labels.

Interface used by ``lib.extract`` (keep these signatures):

- :func:`add_entity_components` adds four components to a freshly loaded pipeline,
  after ``ner``: an ``entity_ruler`` with place and alias phrase patterns from
  :mod:`lib.gazetteer` (``overwrite_ents=False``: it only adds names the model
  missed), ``coverage_ruler_filter`` (drops single-word ruler matches that the
  tagger does not call a proper noun: "Reading", "Mobile") and
  ``coverage_title_person`` (the name after a job title is a PERSON:
  "Defense Minister Rustem Umerov") and ``coverage_surname_person`` (a bare
  surname of a person named in full in the same document is a PERSON).
- :func:`mention_records` turns one Doc into plain mention dicts (``sentence_id,
  start_char, end_char, text, label`` + cue fields ``cue, prev_word, next_word,
  in_title, expansion``). Text is cleaned: possessives, determiners, titles and
  region words ("Kherson region") are cut off; model labels outside the name
  labels are kept only for gazetteer places (the model's "Kherson" PRODUCT).
- :func:`resolve_entities` is the corpus-level pass: canonical ``entity`` names
  (aliases, acronyms defined in the text, surnames linked to the full name in the
  same document else the corpus), one ``label`` per entity (gazetteer first, then
  a vote of model labels and context cues) and rejection of headline fragments
  and non-names.
- :func:`entity_variants`, :func:`demonym_country`, :func:`link_demonyms` help
  the views.

Label order of preference when votes tie: :data:`LABEL_PREFERENCE`.
"""

from __future__ import annotations

import bisect
import os
import re
from collections import defaultdict

import pandas as pd
from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from lib.constants import NAME_LABELS
from lib.gazetteer import gazetteer, norm_key
from lib.pipeline import doc_text

RULER_NAME = "coverage_entity_ruler"
#: Surname spelling variants: minimum length and rapidfuzz ratio ("Navalny"/"Navalnyy").
FUZZY_MIN_LEN = 6
FUZZY_MIN_RATIO = 88
#: Cue field names added by :func:`mention_records` (with their empty values).
CUE_DEFAULTS = {"cue": "", "prev_word": "", "next_word": "", "in_title": False, "expansion": ""}
#: Words after a place name that mark it as a region ("Kherson region", "Kharkiv Oblast").
REGION_WORDS = frozenset(
    {"region", "oblast", "province", "krai", "kray", "governorate", "prefecture", "okrug"}
    | {"district", "county", "municipality", "state"}
)
#: Region words cut even when capitalised and the place is unknown ("Kherson Oblast").
STRONG_REGION_WORDS = frozenset({"oblast", "krai", "kray", "governorate", "prefecture", "okrug"})
#: Words before a name that suggest a place ("in Kherson", "from Kyiv").
PLACE_PREPOSITIONS = frozenset({"in", "from", "near", "into", "across", "outside", "towards"})
#: Small words that may stay lower case in a title-case heading.
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "off",
        "on",
        "onto",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "is",
        "are",
        "was",
        "be",
        "after",
        "amid",
    ]
)
#: Share of capitalised words that makes a line a title-case heading.
HEADING_CAPS_SHARE = 0.75
DETERMINERS = frozenset({"the", "a", "an", "this", "that"})
EDGE_PUNCT = "\"“”‘’'()[]{}.,;:!?-–—*#«»"
BRACKETS = frozenset("()[]{}")
POSSESSIVE_TOKENS = frozenset({"’s", "'s", "’", "'", "s’", "s'"})
LABEL_PREFERENCE = ["PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART"]
#: Extra label votes a context cue gives (label, weight).
CUE_VOTES = {
    "region": ("GPE", 2.0),
    "based": ("GPE", 2.0),
    "title": ("PERSON", 2.0),
    "in": ("GPE", 0.5),
}
#: Model labels that may be relabelled when the text is a known place (the model's
#: "Kherson" PRODUCT); numeric labels never are.
RELABEL_FROM = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE", "FAC", "LAW"})
ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w’'\-.]*\s+(?:(?:of|the|and|for|on|de|du|des|la)\s+)*){1,10}[A-Z][\w’'\-.]*)"
    r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,9})\s*\)"
)
_POSSESSIVE_END = re.compile(r"(?:[’']s|(?<=s)[’'])$")
#: "U.S." / "Jr." keep their final full stop.
_ABBREV_END = re.compile(r"(?:\b[A-Z]\.[A-Z]\.|\b(?:Jr|Sr|St|Co|Inc|Ltd)\.)$")
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_HAS_UPPER_WORD = re.compile(r"(?:^|[\s\-])[A-Z\u00c0-\u00de]")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w’'\-.]*")


# ----------------------------------------------------------------------------- components


@Language.component("coverage_ruler_filter", requires=["doc.ents", "token.pos"])
def ruler_filter(doc):
    """Drop one-word entity-ruler matches that are not proper nouns ("Reading the ...")."""
    keep = []
    changed = False
    for ent in doc.ents:
        if ent.ent_id_ and len(ent) == 1 and ent[0].pos_ != "PROPN":
            changed = True
            continue
        keep.append(ent)
    if changed:
        doc.ents = keep
    return doc


def _name_end(doc, end: int, stop: frozenset[str], max_words: int = 3) -> int:
    """End of the capitalised proper-noun run starting at ``end`` ("Jean-Luc Picard")."""
    n = len(doc)
    k = end
    words = 0
    while k < n and words < max_words:
        tok = doc[k]
        if tok.text == "-" and k > end and not doc[k - 1].whitespace_ and k + 1 < n:
            k += 1
            continue
        if not (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha):
            break
        if tok.text in stop:
            break
        words += 1
        k += 1
    while k > end and doc[k - 1].text == "-":
        k -= 1
    return k


@Language.component("coverage_title_person", requires=["doc.ents", "token.pos"])
def title_person(doc):
    """Mark the name after a job title or honorific as PERSON.

    "Defense Minister Rustem Umerov": a run of title words (``data/titles.csv``)
    containing a head title or honorific, then 1-3 capitalised proper nouns that
    are not title words nor places. Entities inside the title run ("Defense" ORG)
    and PERSON entities overlapping the name are replaced; any other entity
    reaching into the name ("General Motors" ORG) blocks the match.
    """
    titles = gazetteer().titles
    heads = titles["head"] | titles["honorific"]
    words = heads | titles["modifier"]
    stop = titles["not_name"] | words
    new_spans = []
    drop_ranges = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if tok.text not in heads:
            i += 1
            continue
        # extend the run left and right over title words
        start = i
        while start > 0 and doc[start - 1].text in words and doc[start - 1].text[:1].isupper():
            start -= 1
        end = i + 1
        while end < n and doc[end].text in words:
            end += 1
        name_end = _name_end(doc, end, stop)
        ok = name_end > end and not (name_end < n and doc[name_end].text in stop)
        if ok and gazetteer().lookup(doc[end:name_end].text) is not None:
            ok = False
        if ok:
            for ent in doc.ents:
                if ent.end <= start or ent.start >= name_end:
                    continue
                if ent.label_ == "PERSON":
                    name_end = max(name_end, ent.end)  # keep the model's longer name
                elif ent.start < start or ent.end > end:
                    ok = False
                    break
        if ok:
            new_spans.append(doc[end:name_end])
            drop_ranges.append((start, name_end))
        i = max(name_end, i + 1)
    if not new_spans:
        return doc
    kept = [
        ent for ent in doc.ents if not any(ent.start < e and ent.end > s for s, e in drop_ranges)
    ]
    persons = [Span(doc, s.start, s.end, label="PERSON") for s in new_spans]
    doc.ents = filter_spans(kept + persons)
    return doc


@Language.component("coverage_surname_person", requires=["doc.ents", "token.pos"])
def surname_person(doc):
    """Tag later bare surnames of a person named in full in the same document.

    "Senator Mark Kelly said ... Kelly spoke": the model often misses the second
    "Kelly". A capitalised proper-noun token outside any entity that equals the
    last word of exactly one multi-word PERSON of the document becomes PERSON.
    """
    gaz = gazetteer()
    surnames: dict[str, set[str]] = defaultdict(set)
    for ent in doc.ents:
        last = ent[-1]
        if (
            ent.label_ == "PERSON"
            and len(ent) >= 2
            and last.is_alpha
            and last.lower_ not in REGION_WORDS
            and gaz.lookup(last.text) is None
            and gaz.lookup(ent[0].text) is None
        ):
            surnames[last.text].add(ent.text)
    surnames = {k: v for k, v in surnames.items() if len(v) == 1 and k[:1].isupper()}
    if not surnames:
        return doc
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    added = [
        Span(doc, tok.i, tok.i + 1, label="PERSON")
        for tok in doc
        if tok.text in surnames and tok.i not in taken and tok.pos_ == "PROPN"
    ]
    if added:
        doc.ents = list(doc.ents) + added
    return doc


def add_entity_components(nlp: Language) -> None:
    """Add the gazetteer entity ruler and the cleanup components after ``ner``."""
    if RULER_NAME in nlp.pipe_names:
        return
    after = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        after=after,
        config={"overwrite_ents": False, "validate": False},
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer().patterns())
    nlp.add_pipe("coverage_ruler_filter", after=RULER_NAME)
    nlp.add_pipe("coverage_title_person", after="coverage_ruler_filter")
    nlp.add_pipe("coverage_surname_person", after="coverage_title_person")


# ----------------------------------------------------------------------------- cleaning


def is_title_only(text: str) -> bool:
    """True when every word of ``text`` is a job title / honorific ("Defense Minister")."""
    words = gazetteer().title_words
    parts = text.split()
    return bool(parts) and all(p in words or p.rstrip(".") in words for p in parts)


def clean_entity_text(text: str, label: str = "") -> str | None:
    """Clean a name span; ``None`` when it is not a name.

    Collapses whitespace, strips edge punctuation, a trailing possessive, a
    leading determiner, a job title after an acronym or known name ("FEMA
    Administrator" -> "FEMA", "Kremlin Spokesman" -> "Kremlin") and, for PERSON
    spans, leading titles/honorifics ("Mr. Sunak" -> "Sunak"). Rejects spans
    without a capitalised word (``n’t``) or made only
    of titles ("Defense", "Secretary-General", "Defense Secretary").
    """
    text = " ".join(text.split()).strip(EDGE_PUNCT + " ")
    for _ in range(3):
        before = text
        text = _POSSESSIVE_END.sub("", text).strip(EDGE_PUNCT + " ")
        text = _LEADING_DET.sub("", text).strip(EDGE_PUNCT + " ")
        if text == before:
            break
    if not text or is_title_only(text):
        return None
    if label == "PERSON":
        text = _strip_titles(text)
    parts = text.split(" ")
    if (
        label != "PERSON"
        and len(parts) == 2
        and parts[1] in gazetteer().titles["head"]
        and (parts[0].isupper() or gazetteer().lookup(parts[0]) is not None)
    ):
        text = parts[0]
    if _ABBREV_END.search(text + "."):
        text += "."
    if len(text) < 2 or not _HAS_UPPER_WORD.search(text) or not re.search(r"[A-Za-z]", text):
        return None
    return text


def _strip_titles(text: str) -> str:
    """Remove leading title words ending in a head title or honorific ("Prime Minister")."""
    titles = gazetteer().titles
    words = titles["head"] | titles["modifier"] | titles["honorific"]
    heads = titles["head"] | titles["honorific"]
    parts = text.split(" ")
    cut = 0
    for k, part in enumerate(parts[:-1]):
        if part not in words and part.rstrip(".") not in words:
            break
        if part in heads or part.rstrip(".") in heads:
            cut = k + 1
    return " ".join(parts[cut:])


def _strip_region(text: str) -> tuple[str, bool]:
    """'Kherson Region' -> ('Kherson', True); other text unchanged.

    A lower-case region word is always cut ("Jajarkot district"); a capitalised
    one only when it is a strong region word or the rest is a known place
    ("Orange County" stays whole).
    """
    parts = text.split(" ")
    if len(parts) < 2 or parts[-1].lower() not in REGION_WORDS:
        return text, False
    base = " ".join(parts[:-1])
    last = parts[-1]
    if last.islower() or last.lower() in STRONG_REGION_WORDS or gazetteer().lookup(base):
        return base, True
    return text, False


def is_heading_line(line: str) -> bool:
    """A title-case heading: most (>= 75 %) non-small words capitalised, >= 2 such words,
    and no final full stop."""
    if line.rstrip().endswith("."):
        return False  # a sentence, however many names it holds
    words = [w for w in _WORD.findall(line) if w.lower() not in SMALL_WORDS]
    if len(words) < 2 or len(words) > 25:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps / len(words) >= HEADING_CAPS_SHARE


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms defined in the text: ``"Long Name (LN)"`` -> ``{"LN": "Long Name"}``."""
    found: dict[str, str] = {}
    for m in ACRONYM_DEF.finditer(text):
        long_words = m.group(1).split()
        acr = m.group(2)
        letters = [c for c in acr if c.isalpha() and c.isupper()]
        if len(letters) < 2:
            continue
        # walk back over capitalised words until there is one per acronym letter
        picked: list[str] = []
        caps = 0
        for w in reversed(long_words):
            picked.append(w)
            if w[:1].isupper():
                caps += 1
                if caps == len(letters):
                    break
        picked.reverse()
        initials = [w[0] for w in picked if w[:1].isupper()]
        if [c.upper() for c in initials] != letters:
            continue
        long_name = clean_entity_text(" ".join(picked))
        if long_name:
            found.setdefault(acr, long_name)
    return found


def _line_starts(text: str) -> tuple[list[int], list[bool]]:
    starts, flags = [], []
    pos = 0
    for line in text.split("\n"):
        starts.append(pos)
        flags.append(is_heading_line(line))
        pos += len(line) + 1
    return starts, flags


def _is_possessive(tok) -> bool:
    return tok.tag_ == "POS" or tok.text in POSSESSIVE_TOKENS


def _pieces(doc: Doc, ent: Span, cut_possessive: bool):
    """Token ranges of an entity split at brackets ("Center (NHC" -> "Center", "NHC")
    and cut at a possessive ("Russia’s Kherson" -> "Russia")."""
    start = ent.start
    for tok in doc[ent.start : ent.end]:
        if tok.text in BRACKETS:
            if tok.i > start:
                yield start, tok.i
            start = tok.i + 1
        elif cut_possessive and tok.i > ent.start and _is_possessive(tok):
            if tok.i > start:
                yield start, tok.i
            return
    if ent.end > start:
        yield start, ent.end


def mention_records(doc: Doc, sent_ids: list[int]) -> list[dict]:
    """Cleaned name mentions of ``doc`` as plain dicts.

    Keys: ``sentence_id, start_char, end_char, text, label`` and the cues
    ``cue`` ("region", "based", "title", "in" or ""), ``prev_word``,
    ``next_word`` (lower case), ``in_title`` (the mention's line is a
    title-case heading) and ``expansion`` (long form when the document
    defines the mention as an acronym, else "").
    """
    gaz = gazetteer()
    titles = gaz.titles["head"] | gaz.titles["honorific"]
    full_text = doc_text(doc)
    line_starts, heading = _line_starts(full_text)
    acronyms = find_acronyms(full_text)
    records = []
    for ent in doc.ents:
        if "\n" in ent.text.strip():
            continue
        whole_known = gaz.lookup(_LEADING_DET.sub("", ent.text.strip())) is not None
        for start, end in _pieces(doc, ent, cut_possessive=not whole_known):
            label = ent.label_
            piece_end = end
            while start < end and (
                doc[start].is_punct or doc[start].lower_ in DETERMINERS or doc[start].is_space
            ):
                start += 1
            region_word = end - start > 1 and doc[end - 1].lower_ in REGION_WORDS
            if region_word and doc[end - 1].is_lower:
                end -= 1
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_lower):
                end -= 1
            if end <= start:
                continue
            span = doc[start:end]
            text = clean_entity_text(span.text, label)
            if text is None:
                continue
            cue = "region" if region_word else ""
            base, is_region = _strip_region(text)
            nxt = doc[piece_end] if piece_end < len(doc) else None
            if is_region:
                text, cue = base, "region"
            elif cue:
                pass
            elif nxt is not None and nxt.lower_ in REGION_WORDS:
                cue = "region"
            elif (
                nxt is not None
                and nxt.text == "-"
                and piece_end + 1 < len(doc)
                and doc[piece_end + 1].lower_ == "based"
            ):
                cue = "based"
            if label not in NAME_LABELS:
                hit = gaz.lookup(text) if label in RELABEL_FROM or cue == "region" else None
                if hit is not None:
                    label = hit[1]
                elif label in RELABEL_FROM and cue in ("region", "based"):
                    label = "GPE"  # "Zorvan region" tagged PRODUCT
                else:
                    continue
            prev = doc[start - 1] if start > 0 else None
            if not cue and (text != span.text.strip() and span[0].text in gaz.title_words):
                cue = "title"
            if not cue and prev is not None and prev.text in titles:
                cue = "title"
            if not cue and prev is not None and prev.lower_ in PLACE_PREPOSITIONS:
                cue = "in"
            pos = full_text.find(text, span.start_char, span.end_char)
            start_char, end_char = (
                (pos, pos + len(text)) if pos >= 0 else (span.start_char, span.end_char)
            )
            line_no = bisect.bisect_right(line_starts, start_char) - 1
            records.append(
                {
                    "sentence_id": sent_ids[span.start],
                    "start_char": start_char,
                    "end_char": end_char,
                    "text": text,
                    "label": label,
                    "cue": cue,
                    "prev_word": prev.lower_ if prev is not None else "",
                    "next_word": nxt.lower_ if nxt is not None else "",
                    "in_title": bool(heading[line_no]),
                    "expansion": acronyms.get(text, ""),
                }
            )
    return records


# ----------------------------------------------------------------------------- resolving


def _canonical_base(key: str, expansion: str) -> tuple[str, str | None]:
    """(canonical, gazetteer label or None) of a cleaned mention key."""
    gaz = gazetteer()
    if expansion:
        hit = gaz.lookup(expansion)
        return (hit[0], hit[1]) if hit else (expansion, None)
    hit = gaz.lookup(key)
    if hit:
        return hit
    base, is_region = _strip_region(key)
    if is_region:
        hit = gaz.lookup(base)
        return (hit[0], hit[1]) if hit else (base, None)
    if " " in key and not key.isupper():
        first, rest = key.split(" ", 1)
        hit = gaz.lookup(first)
        if hit and hit[1] == "ORG" and first.isupper():
            return f"{hit[0]} {rest}", None
    return key, None


def _rows(frame: pd.DataFrame, *columns: str):
    """Fast row iteration over plain Python values (Arrow-backed strings iterate slowly)."""
    return zip(*(frame[c].tolist() for c in columns), strict=True)


def _pair_series(df: pd.DataFrame, a: str, b: str) -> pd.Series:
    """Series of ``(df[a], df[b])`` tuples on ``df``'s index (a dict-mappable key)."""
    return pd.Series(list(_rows(df, a, b)), index=df.index, dtype=object)


def _is_person_full(name: str) -> bool:
    parts = name.split(" ")
    return len(parts) >= 2 and all(p[:1].isupper() for p in parts)


def _link_people(
    df: pd.DataFrame, known: dict[str, str | None], variants: dict[str, str]
) -> pd.Series:
    """Map short person names to the full name (same document first, else corpus).

    A one-word name (surname, or first word of a 3+ word name such as a family
    name written first) links to the single full name in the same document
    that ends with it; if no full name in the document has it, to the single
    full name in the corpus (only for mentions the model or a cue calls a
    PERSON). Two different full names sharing the word leave it unlinked;
    spelling variants of one name (``variants``, see :func:`_person_variants`)
    count as one.
    """
    is_person = (df["label"] == "PERSON") | (df["cue"] == "title")
    full = df.loc[is_person & df["entity"].map(_is_person_full), ["doc_id", "entity"]]
    full = full.drop_duplicates()
    full = full.loc[full["entity"].map(lambda e: known.get(e) is None).astype(bool)]
    doc_last: dict[tuple[str, str], set[str]] = defaultdict(set)
    doc_first: dict[tuple[str, str], set[str]] = defaultdict(set)
    corpus_last: dict[str, set[str]] = defaultdict(set)
    doc_surnames: dict[str, set[str]] = defaultdict(set)
    for doc_id, name in _rows(full, "doc_id", "entity"):
        parts = name.split(" ")
        doc_last[(doc_id, parts[-1])].add(name)
        corpus_last[parts[-1]].add(name)
        doc_surnames[doc_id].add(parts[-1])
        if len(parts) >= 3:
            doc_first[(doc_id, parts[0])].add(name)
    single = ~df["entity"].str.contains(" ", regex=False)
    cand = df.loc[single, ["doc_id", "entity"]].assign(person=is_person[single])
    links: dict[tuple[str, str], str] = {}
    for doc_id, name, person in _rows(cand.drop_duplicates(), "doc_id", "entity", "person"):
        if (doc_id, name) in links:
            continue
        is_place = known.get(name) is not None
        if is_place and not person:
            continue
        names = doc_last.get((doc_id, name)) or doc_first.get((doc_id, name))
        if not names and person and len(name) >= FUZZY_MIN_LEN:
            similar = [
                last for last in doc_surnames.get(doc_id, ()) if _similar_surname(name, last)
            ]
            names = set().union(*(doc_last[(doc_id, last)] for last in similar))
        if not names and person and not is_place:
            names = corpus_last.get(name)
        names = {variants.get(full_name, full_name) for full_name in names or ()}
        if len(names) == 1:
            links[(doc_id, name)] = next(iter(names))
    if not links:
        return df["entity"]
    keys = _pair_series(df, "doc_id", "entity")
    return keys.map(links).fillna(df["entity"])


def _similar_surname(a: str, b: str) -> bool:
    """Spelling variants of one surname that differ at the end ("Navalny" / "Navalnyy" /
    "Navalniy"), both >= 6 letters; "Johnson" / "Johnston" differ inside and are not."""
    if a == b or min(len(a), len(b)) < FUZZY_MIN_LEN:
        return False
    prefix = len(os.path.commonprefix([a, b]))
    return prefix >= min(len(a), len(b)) - 1 and fuzz.ratio(a, b) >= FUZZY_MIN_RATIO


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[:1].isupper()


def _same_person_name(a: list[str], b: list[str]) -> bool:
    """Two full names (same first word) naming one person: same or similar surname and
    same middle words, or middle initials on one side only ("Vladimir V. Putin")."""
    if a[-1] != b[-1] and not _similar_surname(a[-1], b[-1]):
        return False
    mid_a, mid_b = a[1:-1], b[1:-1]
    if mid_a == mid_b:
        return True
    return (not mid_a and all(map(_is_initial, mid_b))) or (
        not mid_b and all(map(_is_initial, mid_a))
    )


def _person_variants(df: pd.DataFrame, is_person: pd.Series) -> dict[str, str]:
    """Map variant spellings of one full PERSON name to the most mentioned one.

    "Alexei Navalnyy" -> "Alexei Navalny" (similar surname, same first
    name), "Vladimir V. Putin" -> "Vladimir Putin" (middle initials). A name
    matching two different names ("George Bush": "George W. Bush" and
    "George H. W. Bush") is left alone.
    """
    people = df.loc[is_person, "entity"]
    counts = people[people.map(_is_person_full).astype(bool)].value_counts()
    groups: dict[str, list[str]] = defaultdict(list)
    for name in counts.index:  # most mentioned first
        groups[name.split(" ", 1)[0]].append(name)
    merge: dict[str, str] = {}
    for names in groups.values():
        reps: list[list[str]] = []
        for name in names:
            parts = name.split(" ")
            same = [r for r in reps if _same_person_name(parts, r)]
            if not same:
                reps.append(parts)
            elif len(same) == 1 and same[0] != parts:
                merge[name] = " ".join(same[0])
    return merge


def _vote_labels(df: pd.DataFrame, known: dict[str, str | None]) -> pd.Series:
    """One label per entity: gazetteer label if any, else model labels + cue votes."""
    parts = [df.groupby(["entity", "label"]).size().astype(float).rename("votes").reset_index()]
    cue_rows = df[df["cue"].isin(CUE_VOTES.keys())]
    if len(cue_rows):
        extra = cue_rows.groupby(["entity", "cue"]).size().rename("n").reset_index()
        extra["label"] = extra["cue"].map(lambda c: CUE_VOTES[c][0])
        extra["votes"] = extra["n"] * extra["cue"].map(lambda c: CUE_VOTES[c][1])
        parts.append(extra[["entity", "label", "votes"]])
    votes = pd.concat(parts).groupby(["entity", "label"])["votes"].sum()
    votes = votes[votes.index.get_level_values(1).isin(NAME_LABELS)]
    rank = {label: i for i, label in enumerate(LABEL_PREFERENCE)}
    table = votes.rename("votes").reset_index()
    table["rank"] = table["label"].map(rank).fillna(len(rank))
    table = table.sort_values(["entity", "votes", "rank"], ascending=[True, False, True])
    best = table.drop_duplicates("entity").set_index("entity")["label"]
    gaz_label = {e: lab for e, lab in known.items() if lab}
    demonyms = gazetteer().demonyms
    out = best.to_dict()
    for entity in out:
        if entity in gaz_label:
            out[entity] = gaz_label[entity]
        elif entity in demonyms or (entity.endswith("s") and entity[:-1] in demonyms):
            out[entity] = "NORP"
    return df["entity"].map(out).fillna(df["label"])


def _shrink_headings(
    df: pd.DataFrame, supported: set[str], known: dict[str, str | None]
) -> pd.DataFrame:
    """Headline spans: keep supported ones, shrink others to a supported prefix, else drop."""
    rows = df.index[df["in_title"] & ~df["entity"].isin(supported)]
    drop = []
    for idx in rows:
        words = df.at[idx, "text"].split(" ")
        for k in range(len(words) - 1, 0, -1):
            prefix = " ".join(words[:k])
            canon, lab = _canonical_base(prefix, "")
            if lab or canon in supported or prefix in supported:
                if lab:
                    known[canon] = lab
                df.at[idx, "text"] = prefix
                df.at[idx, "entity"] = canon
                df.at[idx, "end_char"] = df.at[idx, "start_char"] + len(prefix)
                break
        else:
            drop.append(idx)
    return df.drop(index=drop)


def resolve_entities(mentions: pd.DataFrame) -> pd.DataFrame:
    """Corpus-level pass: canonical ``entity``, final ``label``, rejects dropped.

    Input columns: ``doc_id, outlet, sentence_id, start_char, end_char, text,
    label`` plus optional cue columns from :func:`mention_records` (missing
    ones get empty defaults). Output: the same columns plus ``entity``, rows
    in input order minus rejected ones (non-names, headline fragments). The
    surface ``text`` is kept (cleaned of possessives and titles).
    """
    df = mentions.copy()
    for col, default in CUE_DEFAULTS.items():
        if col not in df.columns:
            df[col] = default
        else:
            df[col] = df[col].fillna(default)
    df["in_title"] = df["in_title"].astype(bool)
    if df.empty:
        df["entity"] = pd.Series(dtype=str)
        return df
    df = df[~df["text"].str.contains("\n", regex=False)]
    pairs = df[["text", "label"]].drop_duplicates()
    cleaned = {(t, lab): clean_entity_text(t, lab) for t, lab in _rows(pairs, "text", "label")}
    df["text"] = _pair_series(df, "text", "label").map(cleaned)
    df = df[df["text"].notna()].copy()
    if df.empty:
        df["entity"] = pd.Series(dtype=str)
        return df
    df["key"] = df["text"].map({t: norm_key(t) for t in df["text"].unique()})
    base = {}
    for key, exp in _rows(df[["key", "expansion"]].drop_duplicates(), "key", "expansion"):
        base[(key, exp)] = _canonical_base(key, exp)
    # acronyms defined in one document name the same thing in every document
    defined = df.loc[df["expansion"] != "", ["key", "expansion"]].drop_duplicates()
    corpus_exp = defined.groupby("key")["expansion"].agg(lambda s: s.iloc[0] if len(s) == 1 else "")
    corpus_exp = corpus_exp[corpus_exp != ""]
    need = (df["expansion"] == "") & df["key"].isin(corpus_exp.index)
    df.loc[need, "expansion"] = df.loc[need, "key"].map(corpus_exp)
    for key, exp in _rows(df.loc[need, ["key", "expansion"]].drop_duplicates(), "key", "expansion"):
        base[(key, exp)] = _canonical_base(key, exp)
    pairs = _pair_series(df, "key", "expansion")
    resolved = pairs.map(base)
    df["entity"] = [pair[0] for pair in resolved]
    known: dict[str, str | None] = {}
    for canon, lab in base.values():
        if lab or canon not in known:
            known[canon] = lab
    supported = set(df.loc[~df["in_title"], "entity"]) | {e for e, lab in known.items() if lab}
    df = _shrink_headings(df, supported, known)
    is_person = (df["label"] == "PERSON") | (df["cue"] == "title")
    variants = _person_variants(df, is_person)
    df["entity"] = _link_people(df, known, variants)
    if variants:
        df["entity"] = df["entity"].map(lambda e: variants.get(e, e))
    df["label"] = _vote_labels(df, known)
    bad = df["entity"].map({e: clean_entity_text(e) is None for e in df["entity"].unique()})
    df = df[~bad & df["label"].isin(NAME_LABELS)]
    return df.drop(columns=["key"])


# ----------------------------------------------------------------------------- views


def entity_variants(mentions: pd.DataFrame) -> pd.DataFrame:
    """Surface forms per entity: columns ``entity, label, variant, count``.

    Sorted by entity, then most frequent variant first ("Rishi Sunak": Sunak x8,
    Rishi Sunak x1).
    """
    cols = ["entity", "label", "variant", "count"]
    if mentions.empty:
        return pd.DataFrame(columns=cols)
    out = (
        mentions.groupby(["entity", "label", "text"])
        .size()
        .rename("count")
        .reset_index()
        .rename(columns={"text": "variant"})
    )
    out = out.sort_values(["entity", "count", "variant"], ascending=[True, False, True])
    return out[cols].reset_index(drop=True)


_COUNTRY_ENDINGS = (("ian", ("ia", "", "e", "a")), ("an", ("a", "", "e")), ("ese", ("", "a")))


def demonym_country(name: str) -> str | None:
    """Country (or nation) a demonym refers to, else ``None``.

    "North Korean" -> "North Korea", "Ukrainians" -> "Ukraine", "American" ->
    "United States". Uses ``data/demonyms.csv`` first, then derives the
    country from the word's ending when the result is a pycountry country
    ("Kenyan" -> "Kenya").
    """
    gaz = gazetteer()
    key = norm_key(name)
    key = re.sub(r"^(?:the)\s+", "", key, flags=re.IGNORECASE)
    if not key:
        return None
    candidates = [key, key.title()] if key.isupper() else [key]
    for cand in candidates:
        for form in (cand, cand[:-1] if cand.endswith("s") else None):
            if form and form in gaz.demonyms:
                return gaz.demonyms[form]
    for cand in candidates:
        form = cand.removesuffix("s")
        for ending, roots in _COUNTRY_ENDINGS:
            if not form.endswith(ending):
                continue
            stem = form[: -len(ending)]
            for root in roots:
                hit = gaz.lookup(stem + root)
                if hit and hit[1] == "GPE" and hit[0] != form:
                    return hit[0]
    return None


def link_demonyms(mentions: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``mentions`` with NORP demonyms mapped to their country.

    A NORP row whose ``entity`` is a demonym ("Ukrainian") gets the country as
    ``entity`` ("Ukraine") and label ``GPE``; other rows are unchanged.
    """
    out = mentions.copy()
    if out.empty:
        return out
    norp = out["label"] == "NORP"
    countries = {e: demonym_country(e) for e in out.loc[norp, "entity"].unique()}
    mapped = out.loc[norp, "entity"].map(countries)
    hit = mapped.notna()
    idx = mapped.index[hit]
    out.loc[idx, "entity"] = mapped[hit]
    out.loc[idx, "label"] = "GPE"
    return out
