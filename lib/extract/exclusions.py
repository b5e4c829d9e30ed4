"""Numbers that are not figures: dates, times, years, ordinals, ages, durations, references
("Article 5", "No. 3"), list numbering, names glued to numbers ("F-16") and counts of one."""

from __future__ import annotations

import re

from lib.extract.numbers import ORDINAL_RE, THOUSANDS_RE, vocab

SKIP_LABELS = ("DATE", "TIME", "ORDINAL")


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
        return True
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    v = vocab()
    for t in doc[start:end]:
        low = t.lower_.rstrip(".")
        if low in v["months"] or t.lemma_.lower() in v["time_units"] or low in DATE_WORDS_EXTRA:
            return True
        if t.like_num and len(t.text) == 4 and t.text.isdigit() and 1800 <= int(t.text) <= 2200:
            return True
        if any(ch in t.text for ch in "/:") or t.text.lower().endswith(("s", "h")) and t.is_digit:
            return True
    return False


def is_excluded(doc, cand: dict, s0: int, s1: int) -> bool:
    v = vocab()
    a, b = cand["_anchor_span"]
    toks = doc[a:b]
    # dates, times, ordinals recognised by the NER
    # (a NER date/time label is not trusted on numbers with thousands separators: "20,000+")
    if any(
        t.ent_type_ in SKIP_LABELS and not THOUSANDS_RE.match(t.text) and _trusted_date(doc, t)
        for t in toks
    ):
        return True
    if any(ORDINAL_RE.match(t.text) or ":" in t.text for t in toks):
        return True
    if cand["qualifier"] == "vague":
        return False
    # next to a month name: "28 October", "October 28", "27-28 October"
    before = doc[cand["_start"] - 1].lower_ if cand["_start"] > s0 else ""
    after = doc[cand["_end"]].lower_ if cand["_end"] < s1 else ""
    if before in v["months"] or after in v["months"]:
        return True
    # a number glued to letters before it: "F-16", "COVID-19", "Su-25"
    if a > s0 and doc[a - 1].text in ("-", "–") and doc[a - 1].whitespace_ == "":
        if a - 2 >= s0 and doc[a - 2].is_alpha and doc[a - 2].whitespace_ == "":
            return True
    has_unit = bool(cand["unit"])
    # years standing alone
    if not has_unit and len(toks) == 1 and cand["qualifier"] in ("exact", "range"):
        text = toks[0].text
        if re.fullmatch(r"(19|20)\d\d|2100", text):
            head = toks[0].head
            if not (toks[0].dep_ == "nummod" and head.tag_ in ("NNS", "NNPS")):
                return True
    # times: "5 pm", ages: "aged 45", "45-year-old", "45 years old"
    nxt = [t.lower_ for t in doc[cand["_end"] : min(cand["_end"] + 4, s1)]]
    joined = " ".join(nxt)
    if joined.startswith(("- year - old", "year - old", "years old", "year old", "-year-old")):
        return True
    if nxt and nxt[0] in ("am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "o'clock"):
        return True
    if before in ("aged", "age", "ages"):
        return True
    if (
        not has_unit
        and before == ","
        and after == ","
        and cand["_start"] - 2 >= s0
        and doc[cand["_start"] - 2].ent_type_ == "PERSON"
    ):
        return True
    # references: "Article 5", "Resolution 2231", "No. 3"
    anchor = anchor_token(doc, a, b)
    if not has_unit and cand["_start"] > s0:
        prev = doc[cand["_start"] - 1]
        if prev.lower_ in v["reference_words"] and (prev.is_title or prev.is_upper):
            return True
        if prev.lower_ in ("no.", "#", "nos", "nos."):
            return True
        head = anchor.head
        if (
            head.i < anchor.i
            and head.i == cand["_start"] - 1
            and (head.is_title or head.is_upper)
            and head.pos_ == "PROPN"
            and anchor.dep_ in ("nummod", "appos", "npadvmod", "compound", "pobj")
        ):
            return True
    # list numbering at the start of a line: "1." / "2)"
    if cand["_start"] == s0 and after in (".", ")"):
        return True
    # durations: "three years", "10 days"
    if not has_unit:
        head = anchor.head
        if anchor.dep_ in ("nummod", "quantmod") and head.lemma_.lower() in v["time_units"]:
            return True
        if after in v["time_units"] or (after and doc[cand["_end"]].lemma_ in v["time_units"]):
            return True
    # a count of one for a singular noun ("one audio clip"): not worth reporting
    if not has_unit and cand["value"] == 1 and cand["value_max"] == 1:
        return True
    return False
