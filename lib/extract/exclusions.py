"""Numbers that are not figures, and what kind of figure the others are.

Not figures: dates, times, years standing alone or as modifiers ("2024 candidates"), "one"
as a pronoun or in an idiom ("one of the …", "no one", "one day", "under one pretense"),
ordinals, references ("Article 5", "No. 3",
"category 4", "the 90049 ZIP code"), list numbering, names glued to numbers ("F-16"),
names that contain numbers (``lib/data/number_names.json``: "Final Four", "S&P 500"),
product and model numbers ("iPhone 11 Pro", "737 Max"), street addresses ("575 Wilbraham
Road") and abbreviated years ("'08").

Kinds (:func:`figure_kind`): ``money``, ``percent``, ``measure`` (any other unit),
``duration`` ("three years"), ``age`` ("a 50-year-old", "Smith, 66,"), ``one`` (a count of
one: "one of the best") and ``count``.
"""

from __future__ import annotations

import functools
import re

from lib.corpus.metadata import KICKER_PREFIX
from lib.datafiles import read_json
from lib.extract.candidates import Candidate
from lib.extract.numbers import ORDINAL_RE, THOUSANDS_RE, vocab
from lib.nlp.pipeline import doc_text

SKIP_LABELS = ("DATE", "TIME", "ORDINAL")


@functools.lru_cache(maxsize=1)
def number_names() -> dict:
    raw = read_json("number_names.json")
    names = sorted((tuple(n.split()) for n in raw["names"]), key=len, reverse=True)
    by_word: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        for word in dict.fromkeys(name):
            by_word.setdefault(word, []).append(name)
    return {
        "names": names,
        "names_by_word": by_word,
        "streets": frozenset(raw["street_words"]),
        "codes": [tuple(w.split()) for w in raw["code_words_after"]],
        "models": frozenset(raw["model_words_after"]),
    }


def anchor_token(doc, a: int, b: int):
    """The token of ``doc[a:b]`` whose head lies outside the span (its syntactic root)."""
    for tok in doc[a:b]:
        if not (a <= tok.head.i < b) or tok.head.i == tok.i:
            return tok
    return doc[b - 1]


DATE_WORDS_EXTRA = frozenset(
    "ago today yesterday tomorrow morning afternoon evening tonight monday tuesday wednesday "
    "thursday friday saturday sunday spring summer autumn fall winter".split()
)


def _trusted_date(doc, tok) -> bool:
    """Is the NER's DATE/TIME/ORDINAL entity around ``tok`` really one? The small model also
    tags bare counts ("at around 45") as DATE; a real date or time has a month, weekday,
    time word, a year-like number or a date/time punctuation in it."""
    if tok.ent_type_ == "ORDINAL":
        return tok.lower_ not in vocab()["fractions"]  # "a third of" is a share
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    v = vocab()
    if _duration_after_preposition(doc, tok, start, end):
        return False
    for t in doc[start:end]:
        low = t.lower_.rstrip(".")
        if low in v["months"] or low in DATE_WORDS_EXTRA:
            return True
        if t.lemma_.lower() in v["time_units"] and not _counted_duration(doc, tok, t):
            return True
        if t.like_num and len(t.text) == 4 and t.text.isdigit() and 1800 <= int(t.text) <= 2200:
            return True
        if any(ch in t.text for ch in "/:") or t.text.lower().endswith(("s", "h")) and t.is_digit:
            return True
    return False


def _duration_after_preposition(doc, tok, start: int, end: int) -> bool:
    """A duration the NER ran into a date before it: "sentenced on Tuesday to 48 months":
    the part of the entity after its last preposition before ``tok`` counts a time unit."""
    cut = max((t.i for t in doc[start : tok.i] if t.pos_ == "ADP"), default=-1)
    if cut < 0:
        return False
    units = vocab()["time_units"]
    return any(
        t.lemma_.lower() in units and _counted_duration(doc, tok, t) for t in doc[tok.i + 1 : end]
    )


def _counted_duration(doc, num, unit_tok) -> bool:
    """ "three years", "a five-year award": a number counting a time unit is a duration
    (a figure), not a date."""
    if not (unit_tok.i > num.i and unit_tok.i - num.i <= 4):
        return False
    between = doc[num.i + 1 : unit_tok.i]  # "40-60 hours", "two to three weeks"
    return len(between) <= 1 or all(
        t.like_num or t.lower_ in ("-", "–", "to", "and", "or") for t in between
    )


def _words(doc, a: int, b: int) -> tuple[str, ...]:
    return tuple(t.lower_ for t in doc[max(0, a) : min(len(doc), b)])


def _in_number_name(doc, a: int, b: int) -> bool:
    """The number is part of a listed name ("Final Four", "S&P 500")."""
    if not 0 <= a < len(doc):
        return False
    # a name covering token ``a`` contains its word: only those names are tried
    for name in number_names()["names_by_word"].get(doc[a].lower_, ()):
        n = len(name)
        for start in range(a - n + 1, b):
            if start >= 0 and start + n <= len(doc) and start <= a < start + n:
                if _words(doc, start, start + n) == name:
                    return True
    return False


def _is_name_number(doc, cand: Candidate, s0: int, s1: int) -> bool:
    """Model numbers, addresses and codes: "iPhone 11 Pro", "737 Max", "575 Wilbraham Road",
    "9 E 71st St", "the 90049 ZIP code"."""
    a, b = cand.anchor_span
    if not all(t.text[:1].isdigit() for t in doc[a:b]) or cand.unit:
        return False
    names = number_names()
    end = cand.end
    after = doc[end] if end < s1 else None
    if after is not None and after.lower_ in names["models"] and after.text[:1].isupper():
        return True
    # a street: title-case words then a street word ("49 Zorro Ranch Road", "9 E 71st St")
    k = end
    while k < min(end + 4, s1) and (
        doc[k].is_title or doc[k].is_upper or ORDINAL_RE.match(doc[k].text)
    ):
        if doc[k].lower_ in names["streets"] and k > end:
            return True
        k += 1
    for code in names["codes"]:
        if _words(doc, end, end + len(code)) == code:
            return True
    # right after a product name and before no counted noun ("iPhone 11", "Note 20 Ultra")
    prev = doc[cand.start - 1] if cand.start > s0 else None
    if prev is not None and prev.pos_ == "PROPN" and prev.ent_type_ not in ("DATE", "TIME"):
        if (
            prev.text[:1].isupper()
            or prev.text[:1].islower()
            and any(c.isupper() for c in prev.text)
        ):
            nxt_noun = after is not None and after.tag_ in ("NNS", "NNPS")
            if not nxt_noun and prev.lower_ not in vocab()["currency_symbols"]:
                return prev.lower_ not in vocab()["unit_before"]
    return False


def is_excluded(doc, cand: Candidate, s0: int, s1: int) -> bool:
    v = vocab()
    a, b = cand.anchor_span
    toks = doc[a:b]
    # dates, times, ordinals recognised by the NER
    # (a NER date/time label is not trusted on numbers with thousands separators: "20,000+")
    # (nor on a number with a currency or a unit that is not a time unit: "$32280", "5pc")
    unit = cand.unit
    measured = bool(unit) and unit not in v["time_units"]
    if not measured and any(
        t.ent_type_ in SKIP_LABELS and not THOUSANDS_RE.match(t.text) and _trusted_date(doc, t)
        for t in toks
    ):
        return True
    if any(ORDINAL_RE.match(t.text) or ":" in t.text for t in toks):
        return True
    if _in_number_name(doc, a, b) or _in_kicker(doc, cand):
        return True
    if cand.qualifier == "vague":
        return False
    # next to a month name: "28 October", "October 28", "27-28 October"
    before = doc[cand.start - 1].lower_ if cand.start > s0 else ""
    after = doc[cand.end].lower_ if cand.end < s1 else ""
    if before in v["months"] or after in v["months"]:
        return True
    # a number glued to letters before it: "F-16", "COVID-19", "Su-25"; "'08"
    if a > s0 and doc[a - 1].text in ("-", "–") and doc[a - 1].whitespace_ == "":
        if a - 2 >= s0 and doc[a - 2].is_alpha and doc[a - 2].whitespace_ == "":
            return True
    if re.fullmatch(r"[’']\d\d", toks[0].text) or (before in ("’", "'") and len(toks[0].text) == 2):
        return True
    has_unit = bool(cand.unit)
    if _is_year(doc, cand, s0) or _one_as_word(doc, cand, s0, s1):
        return True
    nxt = [t.lower_ for t in doc[cand.end : min(cand.end + 4, s1)]]
    if nxt and nxt[0] in ("am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "o'clock"):
        return True
    if not has_unit and _is_reference(doc, cand, s0, a, b):
        return True
    # list numbering at the start of a line: "1." / "2)"
    if cand.start == s0 and after in (".", ")"):
        return True
    if _is_rank(doc, cand, before):
        return True
    return _is_name_number(doc, cand, s0, s1)


def _is_rank(doc, cand: Candidate, before: str) -> bool:
    """A place in a ranking, not a count: "finishing in the top three", "among the bottom
    10" (a number after "top" / "bottom" that counts no noun of its own; "the top three
    candidates" still counts candidates)."""
    if before not in ("top", "bottom") or cand.unit or cand.qualifier != "exact":
        return False
    last, word = doc[cand.anchor_span[1] - 1], cand.start - 1
    noun = last.head if last.dep_ == "nummod" and last.head.i != word else None
    return noun is None or noun.pos_ not in ("NOUN", "PROPN")


def _is_year(doc, cand: Candidate, s0: int) -> bool:
    """A year standing alone, or a year as a modifier ("2024 candidates are demanding …");
    not a count of a plural noun ("2024 candidates" as a number of candidates is rare)."""
    toks = doc[cand.anchor_span[0] : cand.anchor_span[1]]
    if cand.unit or len(toks) != 1 or cand.qualifier not in ("exact", "range", "change"):
        return False
    if not re.fullmatch(r"(19|20)\d\d|2100", toks[0].text):
        return False
    if not (toks[0].dep_ == "nummod" and toks[0].head.tag_ in ("NNS", "NNPS")):
        return True
    return _year_modifier(doc, cand, s0)


#: How far into its line a kicker's number can stand ("UPDATE 12-", "WRAPUP 3-").
KICKER_REACH = 24


def _in_kicker(doc, cand: Candidate) -> bool:
    """The number of a kicker before a headline: "UPDATE 2-Floodwaters force …"."""
    text = doc_text(doc)
    start = doc[cand.start].idx
    line = text.rfind("\n", max(0, start - KICKER_REACH), start) + 1
    if line == 0 and start > KICKER_REACH:
        return False
    found = KICKER_PREFIX.match(text[line : line + 2 * KICKER_REACH])
    return found is not None and line + found.end() > start


def _is_reference(doc, cand: Candidate, s0: int, a: int, b: int) -> bool:
    """ "Article 5", "Resolution 2231", "No. 3", "category 4", "Unit 3"."""
    v = vocab()
    if cand.start <= s0:
        return False
    prev = doc[cand.start - 1]
    if prev.lower_ in v["reference_words"] and (prev.is_title or prev.is_upper or cand.value < 100):
        return cand.qualifier in ("exact", "range")
    if prev.lower_ in ("no.", "#", "nos", "nos."):
        return True
    if prev.text == "." and cand.start - 2 >= s0 and doc[cand.start - 2].text == "No":
        return True  # "No. 2" tokenised as "No" "." "2"
    anchor = anchor_token(doc, a, b)
    head = anchor.head
    return (
        head.i < anchor.i
        and head.i == cand.start - 1
        and (head.is_title or head.is_upper)
        and head.pos_ == "PROPN"
        and anchor.dep_ in ("nummod", "appos", "npadvmod", "compound", "pobj")
        and head.lower_ not in v["currency_symbols"]
    )


AGE_AFTER = ("- year - old", "year - old", "years old", "year old", "-year-old", "- month - old",
             "month - old", "months old", "month old")  # fmt: skip


def figure_kind(doc, cand: Candidate, s0: int, s1: int, counted_head: str = "") -> str:
    """The kind of a figure (see the module docstring)."""
    v = vocab()
    unit = cand.unit
    joined = " ".join(t.lower_ for t in doc[cand.end : min(cand.end + 4, s1)])
    before = doc[cand.start - 1].lower_ if cand.start > s0 else ""
    if joined.startswith(AGE_AFTER) or before in ("aged", "age", "ages"):
        return "age"
    if _person_aside(doc, cand, s0, s1) or age_person(doc, cand, s0) is not None:
        return "age"
    if unit in v["currency_display"] or (len(unit) == 3 and unit.isupper()):
        return "money"
    if unit in v["minor_currency_words"].values() or unit in v["currency_words"].values():
        # "63 cents", "2 billion crowns" (a name several currencies share, kept as written)
        return "money"
    if unit in ("%", "percentage points"):
        return "percent"
    if unit in v["time_units"] or counted_head in v["time_units"]:
        return "duration"
    if unit:
        return "measure"
    if cand.value == 1 and cand.value_max == 1 and not cand.tally:
        return "one"  # "one resident said" (a tally's "97-1" is a count)
    return "count"


def age_person(doc, cand: Candidate, s0: int):
    """The person token whose age a bare whole number gives in "At 64, Delgado is …" (the
    sentence's opening "At N," and a person or he/she as the subject of its clause) or
    "Delgado, who is 64, …" (a "who is N" clause on a name, whatever type the model gave
    it); None otherwise."""
    if cand.unit or cand.value != cand.value_max or not 0 < cand.value <= 120:
        return None
    if cand.value != int(cand.value):
        return None
    tok = anchor_token(doc, *cand.anchor_span)
    head = tok.head
    if cand.start - 1 == s0 and doc[s0].lower_ == "at" and cand.end < len(doc):
        if doc[cand.end].text != ",":
            return None
        subjects = [c for c in doc[s0].head.children if c.dep_ == "nsubj"]
        if not subjects or tok.ent_type_ == "TIME":  # "At 10, the Dow …" is a time
            return None
        person = subjects[0]
        return person if person.lower_ in ("he", "she") or person.ent_type_ == "PERSON" else None
    if tok.dep_ == "attr" and head.lemma_ == "be" and head.dep_ == "relcl":
        if any(c.dep_ == "nsubj" and c.lower_ == "who" for c in head.children):
            return head.head if head.head.pos_ == "PROPN" else None  # "who": a person
    return None


def _person_aside(doc, cand: Candidate, s0: int, s1: int) -> bool:
    """ "Maddon, 66, has …": a bare number between commas after a person's name."""
    start, end = cand.start, cand.end
    return (
        not cand.unit
        and start - 2 >= s0
        and doc[start - 1].text == ","
        and end < s1
        and doc[end].text == ","
        and (doc[start - 2].ent_type_ == "PERSON" or doc[start - 2].pos_ == "PROPN")
        and (
            doc[start - 2].ent_type_ not in ("GPE", "LOC", "DATE", "ORG")
            or _surname_of_person(doc, doc[start - 2])
        )
    )


def _surname_of_person(doc, tok) -> bool:
    """Is ``tok`` the surname of a person the document names in full ("Everett Kilbride" …
    "Kilbride, 81,", where the model typed the lone "Kilbride" a place)?"""
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == tok.text for e in doc.ents)


#: Words before a number that make a bare year-like number ("2024") a year modifying its
#: noun ("the 2024 candidates", "their 2019 returns"); a count comes after a verb, a
#: preposition or a qualifier ("sent 2000 troops") and is written "2,000" anyway.
YEAR_LEADS = frozenset(
    "the a an this that these those its their his her our my your whose every each all "
    "both some many most other such last next".split()
)


def _year_modifier(doc, cand: Candidate, s0: int) -> bool:
    """A year-like number without a thousands comma modifying a plural noun at the start of
    its sentence, after a determiner or possessive, or before another modifier ("2024
    presidential candidates") is a year, not a count of 2,024."""
    start = cand.start
    if start == s0:
        return True
    prev = doc[start - 1]
    if prev.lower_ in YEAR_LEADS or prev.tag_ in ("PRP$", "POS", "DT") or prev.is_punct:
        return True
    nxt = doc[cand.end] if cand.end < len(doc) else None
    return nxt is not None and nxt.pos_ in ("ADJ", "PROPN") and nxt.i != nxt.head.i


def _one_as_word(doc, cand: Candidate, s0: int, s1: int) -> bool:
    """ "one" (the word) as a pronoun or in an idiom, not a count: "one of the shelters",
    "the one who", "no one", "one day", "one another", "at one point", "under one
    pretense" (:data:`numbers.json` ``one_idioms``)."""
    a, b = cand.anchor_span
    if b - a != 1 or doc[a].lower_ != "one" or cand.unit or cand.qualifier != "exact":
        return False
    if cand.value != 1:
        return False  # "one in five": a share
    one, idioms = doc[a], vocab()["one_idioms"]
    prev = doc[cand.start - 1].lower_ if cand.start > s0 else ""
    nxt = doc[cand.end] if cand.end < s1 else None
    if prev in idioms["before"] or (nxt is not None and nxt.lower_ in idioms["after"]):
        return True
    if one.dep_ not in ("nummod", "quantmod") or one.head.pos_ not in ("NOUN", "PROPN"):
        return True  # a pronoun: "one of the …", "one who …", "the one"
    noun = one.head
    # "under one pretense", "in one way": a single thing in an adverbial phrase
    return noun.dep_ == "pobj" and noun.head.lower_ != "of" and noun.head.head.pos_ == "VERB"
