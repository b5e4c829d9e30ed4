"""Figures: numbers reported in articles, who gave them, and cross-outlet claims.

Public functions
- ``extract_figures(doc, include_vague=True) -> list[dict]``: numeric figures in one spaCy Doc
  (keys: :data:`FIGURE_KEYS`; plain values only, char offsets into the doc text).
- ``build_claims(figures) -> DataFrame``: groups figures that count the same thing across
  outlets (columns :data:`CLAIM_COLUMNS`) with a per-claim ``status``.
- ``claim_summary(claims, outlets=None) -> DataFrame``: claim x outlet wide table of labels.
- ``format_figure(value, value_max, qualifier, unit="") -> str``: "~2,000", "≥450,000", ...
- ``claim_chart(claim_rows) -> plotly Figure``: one claim's values per outlet.

Figure keys: ``text`` (as written, qualifier included), ``value`` / ``value_max`` (floats;
equal unless a range), ``qualifier`` (exact|approx|at_least|at_most|range|vague; vague values are
orders of magnitude: "thousands" -> 1000), ``unit`` ("", "%", "percentage points", ISO currency
code, or a measurement unit like "km"), ``counted`` (the thing counted, original casing),
``counted_head`` (its lemma), ``counted_lemmas`` (head + modifier + context lemmas, for grouping),
``counted_groups`` ("; "-joined nationality/actor names: "Haitian"), ``start_char`` /
``end_char`` / ``sentence`` / ``sent_start_char`` (doc offsets), ``said_by_text`` (source as
written or the resolved person), ``said_by_start`` / ``said_by_end`` (doc offsets of an entity
span for the source, or None).

Vocabulary (qualifier words, units, currencies, say-verbs, head-noun classes) lives in
``lib/data/numbers.json``; nothing here is specific to one news event.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from pathlib import Path

import pandas as pd

from lib.pipeline import doc_text

DATA_FILE = Path(__file__).parent / "data" / "numbers.json"

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range", "vague")
FIGURE_KEYS = [
    "text",
    "value",
    "value_max",
    "qualifier",
    "unit",
    "counted",
    "counted_head",
    "counted_lemmas",
    "counted_groups",
    "start_char",
    "end_char",
    "sentence",
    "sent_start_char",
    "said_by_text",
    "said_by_start",
    "said_by_end",
    "said_by_inferred",
]
#: Columns of a figures table built from :func:`extract_figures` rows (+ doc, outlet, speaker).
FIGURE_COLUMNS = ["doc_id", "outlet", *FIGURE_KEYS, "said_by"]
CLAIM_COLUMNS = [
    "claim_id",
    "counted",
    "outlet",
    "doc_id",
    "value",
    "value_max",
    "qualifier",
    "unit",
    "text",
    "said_by",
    "sentence",
    "status",
]
STATUS_AGREE, STATUS_CONFLICT, STATUS_SINGLE = "agree", "conflict", "single source"
SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
GROUP_LABELS = ("NORP", "GPE")
ACTOR_LABELS = ("GPE", "NORP", "ORG", "PERSON")
SKIP_LABELS = ("DATE", "TIME", "ORDINAL")

NUM_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
SUFFIX_NUM_RE = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z]+)$", re.I)
GLUED_RANGE_RE = re.compile(r"^(\d[\d,.]*[a-z]*)(%?)[-–]([$€£]?)(\d[\d,.]*[a-z]*)(%?)$", re.I)
WRITTEN_NUM_RE = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")
THOUSANDS_RE = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
ORDINAL_RE = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
QUOTE_RE = re.compile(r"“[^”]{1,3000}”|\"[^\"\n]{1,3000}\"")
RANGE_LINKS = ("-", "–", "—", "to")
PRONOUNS_PERSON = ("he", "she", "him", "her")
NOMINAL_DEPS = ("dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "compound")

# ---------------------------------------------------------------------------------------------
# vocabulary


@functools.lru_cache(maxsize=1)
def vocab() -> dict:
    """The vocabulary from ``lib/data/numbers.json`` with derived lookup tables."""
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    v = {k: val for k, val in raw.items() if not k.startswith("_")}
    quals = []
    for qual, phrases in v["qualifiers"].items():
        for phrase in phrases:
            quals.append((tuple(phrase.split()), qual))
    quals.sort(key=lambda item: -len(item[0]))
    v["qualifier_seqs"] = quals
    v["suffix_seqs"] = sorted(
        ((tuple(p.split()), q) for p, q in v["suffix_qualifiers"].items()),
        key=lambda item: -len(item[0]),
    )
    v["outcome_of"] = {w: cls for cls, words in v["outcome_classes"].items() for w in words}
    v["head_class_of"] = {w: cls for cls, words in v["head_classes"].items() for w in words}
    for key in (
        "months",
        "time_units",
        "reference_words",
        "say_verbs",
        "say_nouns",
        "non_speaker_heads",
        "title_words",
        "modifier_stop",
        "vague_premodifiers",
    ):
        v[key] = frozenset(v[key])
    return v


# ---------------------------------------------------------------------------------------------
# number parsing


def _word_value(low: str) -> float | None:
    v = vocab()
    if low in v["word_numbers"]:
        return float(v["word_numbers"][low])
    if low in v["scales"]:
        return float(v["scales"][low])
    return None


def _digit_value(text: str) -> tuple[float, float] | None:
    """(number, suffix scale) of a digit token: '12,500' -> (12500, 1); '8B' -> (8, 1e9)."""
    if NUM_RE.match(text):
        return float(text.replace(",", "")), 1.0
    m = SUFFIX_NUM_RE.match(text)
    if m:
        scale = vocab()["suffix_scales"].get(m.group(2).lower())
        if scale:
            return float(m.group(1).replace(",", "")), float(scale)
    return None


def _is_num_token(tok) -> bool:
    low = tok.lower_
    return _digit_value(tok.text) is not None or _word_value(low) is not None


def _run_value(tokens) -> float | None:
    """Value of a run of number tokens ("1.5 million", "two hundred and fifty", "a dozen")."""
    v = vocab()
    total, current, seen = 0.0, 0.0, False
    for tok in tokens:
        low = tok.lower_
        if low in ("a", "an", "-", "and"):
            if low in ("a", "an"):
                current = current or 1.0
            continue
        if low == "half":
            current = 0.5
            continue
        digit = _digit_value(tok.text)
        if digit is not None:
            num, scale = digit
            if scale > 1:
                total += (current + num) * scale
                current = 0.0
            else:
                current += num
            seen = True
            continue
        if low in v["scales"]:
            scale = float(v["scales"][low])
            if scale == 100:
                current = (current or 1.0) * 100
            elif scale == 12:
                current = (current or 1.0) * 12
            else:
                total += (current or 1.0) * scale
                current = 0.0
            seen = True
            continue
        if low in v["suffix_scales"]:
            total += (current or 1.0) * v["suffix_scales"][low]
            current = 0.0
            continue
        wv = _word_value(low)
        if wv is not None:
            current += wv
            seen = True
    return total + current if seen else None


def _ends_with_scale(tokens) -> float:
    """Scale factor written at the end of a run ("2 million" -> 1e6), else 1."""
    v = vocab()
    last = tokens[-1]
    low = last.lower_
    if low in v["scales"] and v["scales"][low] >= 1000:
        return float(v["scales"][low])
    if low in v["suffix_scales"]:
        return float(v["suffix_scales"][low])
    digit = _digit_value(last.text)
    if digit and digit[1] > 1:
        return digit[1]
    return 1.0


# ---------------------------------------------------------------------------------------------
# scanning a doc for figure candidates


def _take_run(doc, i: int, end: int) -> int:
    """End index (exclusive) of the number run starting at token ``i`` (``i`` if none)."""
    v = vocab()
    j = i
    low = doc[i].lower_
    if low in ("a", "an") and i + 1 < end and doc[i + 1].lower_ in v["scales"]:
        j = i + 1
    elif low == "half" and i + 2 < end and doc[i + 1].lower_ in ("a", "an"):
        if doc[i + 2].lower_ in v["scales"]:
            j = i + 2
        else:
            return i
    elif not _is_num_token(doc[i]):
        return i
    prev_digit = _digit_value(doc[j].text) is not None
    j += 1
    while j < end:
        tok = doc[j]
        low = tok.lower_
        if low in v["scales"] or (prev_digit and low in v["suffix_scales"]):
            if low in v["suffix_scales"] and low not in v["scales"]:
                # "bn", "mn" are always scales; "m", "k", "b" only after a currency symbol or
                # glued to the number before a plural noun ("3m viewers")
                if low in ("m", "k", "b") and not _currency_before(doc, j):
                    glued = doc[j - 1].whitespace_ == ""
                    nxt = doc[j + 1] if j + 1 < end else None
                    if not (glued and nxt is not None and nxt.tag_ in ("NNS", "NNPS", "JJ")):
                        break  # "3 m" is metres; "3m viewers" is millions
            j += 1
            prev_digit = False
            continue
        if _word_value(low) is not None and _digit_value(tok.text) is None:
            prev = doc[j - 1].lower_
            if _word_value(prev) is not None or prev in ("-", "and"):
                j += 1
                prev_digit = False
                continue
            break
        if low == "-" and tok.whitespace_ == "" and doc[j - 1].whitespace_ == "":
            nxt = doc[j + 1] if j + 1 < end else None
            if (
                nxt is not None
                and _digit_value(nxt.text) is None
                and (_word_value(nxt.lower_) or 0) < 10
                and _word_value(doc[j - 1].lower_) is not None
                and _word_value(doc[j - 1].lower_) >= 20
            ):
                j += 1  # twenty-five
                continue
            break
        if low == "and" and j + 1 < end and doc[j - 1].lower_ in v["scales"]:
            nxt = doc[j + 1]
            if _word_value(nxt.lower_) is not None and _digit_value(nxt.text) is None:
                j += 1
                continue
        break
    return j


def _currency_before(doc, j: int) -> str:
    """Currency code of a symbol directly before the run containing token ``j``."""
    cur = vocab()["currency_symbols"]
    k = j
    while k > 0 and (_is_num_token(doc[k - 1]) or doc[k - 1].lower_ in ("a", "an")):
        k -= 1
    if k > 0 and doc[k - 1].lower_ in cur:
        return cur[doc[k - 1].lower_]
    return ""


def _match_before(doc, start: int, sent_start: int, seqs) -> tuple[int, str | None]:
    for seq, label in seqs:
        n = len(seq)
        if start - n < sent_start:
            continue
        if tuple(t.lower_ for t in doc[start - n : start]) == seq:
            return start - n, label
    return start, None


def _match_after(doc, end: int, sent_end: int, seqs) -> tuple[int, str | None]:
    for seq, label in seqs:
        n = len(seq)
        if end + n > sent_end:
            continue
        if tuple(t.lower_ for t in doc[end : end + n]) == seq:
            return end + n, label
    return end, None


def _unit_after(doc, k: int, sent_end: int) -> tuple[int, str]:
    """Percent / currency word / measurement unit right after token index ``k``."""
    v = vocab()
    if k >= sent_end:
        return k, ""
    low = doc[k].lower_
    if low in v["percent_words"]:
        return k + 1, "%"
    if low == "per" and k + 1 < sent_end and doc[k + 1].lower_ in ("cent", "centum"):
        return k + 2, "%"
    if low == "percentage" and k + 1 < sent_end and doc[k + 1].lower_ in ("point", "points"):
        return k + 2, "percentage points"
    if low in v["currency_words"]:
        if low in ("pound", "pounds") and doc[k].ent_type_ != "MONEY":
            return k + 1, "lb"
        if low == "won" and doc[k].pos_ == "VERB":
            return k, ""
        return k + 1, v["currency_words"][low]
    if low in ("square", "sq", "sq.", "cubic") and k + 1 < sent_end:
        nxt = doc[k + 1].lower_
        if nxt in v["units"]:
            return k + 2, f"square {v['units'][nxt]}" if low != "cubic" else f"cubic {nxt}"
    if low in v["units"] and low not in ("square", "sq"):
        unit = v["units"][low]
        if k + 2 < sent_end and doc[k + 1].text == "/" and doc[k + 2].lower_ in ("h", "hr", "s"):
            return k + 3, f"{unit}/{doc[k + 2].lower_}"  # km/h
        return k + 1, unit
    return k, ""


def _candidates(doc) -> list[dict]:
    """Raw number spans: token ranges with value, value_max, unit and qualifier."""
    v = vocab()
    out = []
    for sent in doc.sents:
        s0, s1 = sent.start, sent.end
        i = s0
        while i < s1:
            tok = doc[i]
            low = tok.lower_
            # vague plurals: "thousands of", "tens of thousands", "several hundred"
            if low in v["vague_plurals"] or (low == "tens" and i + 2 < s1):
                cand = _vague_candidate(doc, i, s0, s1)
                if cand:
                    out.append(cand)
                    i = cand["_end"]
                    continue
            glued = _glued_range(doc, i, s0, s1)
            if glued:
                out.append(glued)
                i = glued["_end"]
                continue
            j = _take_run(doc, i, s1)
            if j == i:
                i += 1
                continue
            cand = _number_candidate(doc, i, j, s0, s1)
            if cand and cand.get("_skip"):
                i = max(cand["_end"], j)
                continue
            if cand:
                out.append(cand)
                i = max(cand["_end"], j)
            else:
                i = j
    return out


def _glued_range(doc, i: int, s0: int, s1: int) -> dict | None:
    """A range written as one token: "3.2bn-$3.5bn", "5k-10k"."""
    m = GLUED_RANGE_RE.match(doc[i].text)
    if not m:
        return None
    a, b = _digit_value(m.group(1)), _digit_value(m.group(4))
    if not a or not b:
        return None
    v1 = a[0] * (a[1] if a[1] > 1 else b[1])
    v2 = b[0] * b[1]
    if v2 <= v1 or (1900 <= v1 <= 2100 and a[1] == 1 and "," not in m.group(1)):
        return None
    cur = vocab()["currency_symbols"]
    start, end, unit = i, i + 1, ""
    if start > s0 and doc[start - 1].lower_ in cur:
        unit = cur[doc[start - 1].lower_]
        start -= 1
    k, after = _unit_after(doc, end, s1)
    if after:
        end, unit = k, unit or after
    if not unit and (m.group(2) or m.group(5)):
        unit = "%"
    if start > s0 and doc[start - 1].lower_ in ("between", "from"):
        start -= 1
    return {
        "_start": start,
        "_num_start": i,
        "_end": end,
        "_anchor_span": (i, i + 1),
        "value": float(v1),
        "value_max": float(v2),
        "qualifier": "range",
        "unit": unit,
    }


def _vague_candidate(doc, i: int, s0: int, s1: int) -> dict | None:
    v = vocab()
    low = doc[i].lower_
    value = None
    end = i + 1
    if low == "tens":
        if doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in v["vague_plurals"]:
            value = 10.0 * v["vague_plurals"][doc[i + 2].lower_]
            end = i + 3
        else:
            return None
    else:
        value = float(v["vague_plurals"][low])
        if (
            i + 2 < s1
            and doc[i + 1].lower_ in ("of", "upon")
            and doc[i + 2].lower_ in v["vague_plurals"]
        ):
            value *= v["vague_plurals"][doc[i + 2].lower_]
            end = i + 3
    # needs to stand as a quantity: "thousands of X" or a bare noun phrase head
    if end < s1 and doc[end].lower_ not in ("of",) and doc[i].pos_ not in ("NOUN", "NUM"):
        return None
    unit = ""
    if end + 1 < s1 and doc[end].lower_ == "of":
        k, unit = _unit_after(doc, end + 1, s1)
        if unit not in vocab()["currency_display"] and unit not in (
            vocab()["currency_words"].values()
        ):
            unit = ""
    return {
        "_start": i,
        "_num_start": i,
        "_end": end,
        "_anchor_span": (i, end),
        "value": value,
        "value_max": value,
        "qualifier": "vague",
        "unit": unit,
    }


def _number_candidate(doc, i: int, j: int, s0: int, s1: int) -> dict | None:
    v = vocab()
    run1 = doc[i:j]
    value = _run_value(run1)
    if value is None:
        return None
    start, end = i, j
    value_max = value
    qualifier = None
    unit = ""
    # vague: "several hundred", "a few thousand"
    if run1[-1].lower_ in v["scales"] and len(run1) == 1 and i > s0:
        if doc[i - 1].lower_ in v["vague_premodifiers"] and doc[i - 1].lower_ != "some":
            start = i - 1
            if doc[i - 1].lower_ == "few" and i - 2 >= s0 and doc[i - 2].lower_ == "a":
                start = i - 2
            qualifier = "vague"
    # currency before
    currency = ""
    if start > s0 and doc[start - 1].lower_ in v["currency_symbols"]:
        currency = v["currency_symbols"][doc[start - 1].lower_]
        start -= 1
    # unit right after first run, then a range link
    k, unit1 = _unit_after(doc, end, s1)
    if unit1:
        end = k
    range_start = None
    if end < s1 and doc[end].lower_ in RANGE_LINKS:
        range_start = end + 1
    elif (
        end < s1
        and doc[end].lower_ == "and"
        and start > s0
        and doc[start - 1].lower_ in ("between",)
    ):
        range_start = end + 1
    elif end < s1 and doc[end].lower_ == "or" and end + 1 < s1 and _is_num_token(doc[end + 1]):
        range_start = end + 1
    if range_start is not None and range_start < s1:
        rs = range_start
        if doc[rs].lower_ in v["currency_symbols"]:
            rs += 1
        j2 = _take_run(doc, rs, s1) if rs < s1 else rs
        if j2 > rs:
            value2 = _run_value(doc[rs:j2])
            if value2 is not None:
                scale2 = _ends_with_scale(doc[rs:j2])
                if _ends_with_scale(run1) == 1 and scale2 > 1 and value * scale2 <= value2 * 1.0001:
                    value *= scale2
                if value2 > value:
                    value_max = value2
                    end = j2
                    qualifier = "range"
                    if start > s0 and doc[start - 1].lower_ in ("between", "from"):
                        start -= 1
                elif doc[range_start - 1].text in ("-", "–") and not unit1 and not currency:
                    return {"_skip": True, "_end": j2}  # scores and splits: "3-1", "50-50"
    k, unit2 = _unit_after(doc, end, s1)
    if unit2:
        end = k
    unit = unit2 or unit1
    if currency:
        unit = currency
    # suffix scale words for money: "€3 m", "$2 bn" (tokenised apart)
    if end < s1 and doc[end].lower_ in v["suffix_scales"] and currency:
        factor = v["suffix_scales"][doc[end].lower_]
        if _ends_with_scale(run1) == 1:
            value *= factor
            value_max = value_max * factor if qualifier == "range" else value
        end += 1
    # "3m-high wall", "a 5m drop": a suffix "m" without currency is metres, not millions
    if not currency and len(run1) == 1 and SUFFIX_NUM_RE.match(run1[0].text):
        suffix = SUFFIX_NUM_RE.match(run1[0].text).group(2)
        nxt = doc[end] if end < s1 else None
        if suffix == "m" and not (nxt is not None and nxt.tag_ in ("NNS", "NNPS", "JJ")):
            value, value_max, unit = value / 1e6, value_max / 1e6, unit or "m"
    # qualifiers
    if qualifier is None:
        qstart, qual = _match_before(doc, start, s0, v["qualifier_seqs"])
        if qual:
            qualifier = qual
            start = qstart
            # "estimated at over" -> keep nearest, include the rest in text only if adjacent
        else:
            qend, qual = _match_after(doc, end, s1, v["suffix_seqs"])
            if qual:
                qualifier = qual
                end = qend
    if qualifier is None:
        qualifier = "exact"
    if qualifier != "range":
        value_max = value
    return {
        "_start": start,
        "_num_start": i,
        "_end": end,
        "_anchor_span": (i, j),
        "value": float(value),
        "value_max": float(value_max),
        "qualifier": qualifier,
        "unit": unit,
    }


# ---------------------------------------------------------------------------------------------
# exclusion rules


def _anchor(doc, a: int, b: int):
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


def _is_excluded(doc, cand: dict, s0: int, s1: int) -> bool:
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
    anchor = _anchor(doc, a, b)
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


# ---------------------------------------------------------------------------------------------
# what is counted


def _counted_noun(doc, cand: dict):
    """The noun the figure quantifies (or None) and optional context nouns."""
    v = vocab()
    a, b = cand["_anchor_span"]
    anchor = _anchor(doc, a, b)
    span_lo, span_hi = cand["_start"], cand["_end"]
    context = []
    # "thousands of troops", "12% of voters", "millions of rounds of ammunition"
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN", "PRON"):
                    return pobj, context
    tok = anchor
    # climb out of the figure's own tokens / units ("%", "km", "$")
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            break
        if span_lo <= head.i < span_hi or head.lower_ in ("%", "percent", "cent"):
            tok = head
            continue
        break
    head = tok.head
    if tok.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod") and head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        if not (span_lo <= head.i < span_hi):
            return head, context
    # "of" attached to the unit/last token: "12 percent of voters"
    for t in doc[span_lo:span_hi]:
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span_hi:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                        return pobj, context
    # "winds of up to 150 km/h"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return tok.head.head, context
    # predicate figures: "the toll rose to 300", "deaths, estimated at 9,000"
    node = tok
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            node = node.head.head
        elif node.dep_ == "prep":
            node = node.head
        else:
            break
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "for", "of") and child.i >= span_hi:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                    return pobj, context  # "$8B in aid"
    if tok.dep_ == "dobj" and cand["unit"]:
        for child in tok.head.children:
            if child.dep_ == "prep" and child.lower_ == "in" and child.i == span_hi:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                        return pobj, context  # "announced $5bn in aid"
    if node is not tok or tok.dep_ in ("dobj", "attr", "nsubj", "npadvmod", "advmod"):
        verb = node if node.pos_ in ("VERB", "AUX") else (tok.head if tok is node else node)
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head, context
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in v["measure_verbs"]:
            outside = [c for c in verb.children if c.i < span_lo or c.i >= span_hi]
            if node is not tok:  # "police put the crowd at 20,000"
                for child in outside:
                    if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN"):
                        return child, context
            for child in outside:
                if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
                    return child, context
    return None, context


def _noun_after(doc, k: int, end: int):
    """Fallback when the parse is broken: the noun phrase right after the figure."""
    j = k
    if j + 1 < end and doc[j].text in ("-", "–") and doc[j + 1].lower_ == "strong":
        j += 2  # "a 2,000-strong force"
    k = j
    while j < end and j < k + 4 and doc[j].pos_ in ("ADJ", "PROPN", "NOUN"):
        j += 1
    if j > k and doc[j - 1].pos_ == "NOUN":
        if doc[j - 1].lemma_.lower() not in vocab()["time_units"]:
            return doc[j - 1]
    return None


def _counted_phrase(doc, noun, cand: dict) -> tuple[str, list[str], list]:
    """(label, lemmas, group entity tokens) for the counted noun and its modifiers."""
    v = vocab()
    span_lo, span_hi = cand["_start"], cand["_end"]
    keep = {noun.i}
    mods = []
    for child in noun.lefts:
        if span_lo <= child.i < span_hi or child.dep_ not in ("amod", "compound", "nmod", "nummod"):
            continue
        sub = [t for t in child.subtree if not (span_lo <= t.i < span_hi)]
        if any(t.like_num for t in sub):
            continue
        if child.lower_ in v["modifier_stop"]:
            continue
        for t in sub:
            if t.dep_ in ("punct", "det", "cc", "case") or t.lower_ in v["modifier_stop"]:
                continue
            keep.add(t.i)
            mods.append(t)
    # "rounds of ammunition"
    extra_right = []
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            if pobjs and pobjs[0].pos_ == "NOUN" and not (span_lo <= pobjs[0].i < span_hi):
                extra_right = [child, pobjs[0]]
            break
    label_toks = sorted((doc[i] for i in keep), key=lambda t: t.i)
    # outcome verbs: "soldiers have been killed or wounded", "people died", "people killed in"
    verbs = []
    outcome_of = v["outcome_of"]
    head = noun.head
    transitive = noun.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in head.children)
    if (
        noun.dep_ in ("nsubj", "nsubjpass", "dobj")
        and head.pos_ in ("VERB", "ADJ", "AUX")
        and not transitive
    ):
        if head.lemma_.lower() in outcome_of or head.lower_ in outcome_of:
            verbs.append(head)
            for conj in head.children:
                if conj.dep_ == "conj" and (
                    conj.lemma_.lower() in outcome_of or conj.lower_ in outcome_of
                ):
                    verbs.append(conj)
    for child in noun.rights:
        if child.dep_ in ("acl", "amod") and (
            child.lemma_.lower() in outcome_of or child.lower_ in outcome_of
        ):
            verbs.append(child)
            for conj in child.children:
                if conj.dep_ == "conj":
                    verbs.append(conj)
    words = [t.text for t in label_toks]
    if extra_right:
        words += [t.text for t in extra_right]
    if verbs:
        verbs.sort(key=lambda t: t.i)
        vwords = [verbs[0].text]
        for prev, cur in zip(verbs, verbs[1:], strict=False):
            ccs = [c.text for c in prev.children if c.dep_ == "cc"] or [
                c.text for c in cur.children if c.dep_ == "cc"
            ]
            vwords += [ccs[0] if ccs else "and", cur.text]
        words += vwords
    lemmas = [t.lemma_.lower() for t in mods] + [noun.lemma_.lower()]
    if extra_right:
        lemmas.append(extra_right[1].lemma_.lower())
    lemmas += [t.lemma_.lower() for t in verbs]
    groups = [t for t in mods if t.ent_type_ in GROUP_LABELS]
    return " ".join(words), lemmas, groups


def _context(doc, noun, cand: dict) -> tuple[list[str], list[str]]:
    """Context lemmas (nouns the figure is an estimate of) and actor groups for grouping."""
    lemmas, groups = [], []
    if noun is None:
        noun = _anchor(doc, *cand["_anchor_span"])
    # "losses, estimated at over 9,000 sheep": the noun the estimate belongs to
    node = noun
    for _ in range(3):
        if node.dep_ == "pobj":
            node = node.head
        if node.dep_ == "prep":
            node = node.head
        if node.dep_ == "acl" and node.head.pos_ == "NOUN":
            lemmas.append(node.head.lemma_.lower())
            for mod in node.head.lefts:
                if mod.dep_ in ("amod", "compound") and mod.ent_type_ in GROUP_LABELS:
                    groups.append(_ent_text(doc, mod))
            break
        if node.pos_ in ("VERB", "AUX"):
            break
    # actor: "X deployed / is training / sent 4,000 workers", "Smith won 52% of the vote"
    node, via_object = _anchor(doc, *cand["_anchor_span"]), False
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        via_object = via_object or node.dep_ == "dobj"
        if node.dep_ not in ("dobj", "nummod", "quantmod", "compound", "nmod", "amod"):
            break
        node = node.head
    if via_object and node.pos_ == "VERB":
        for child in node.children:
            if child.dep_ == "nsubj" and child.ent_type_ in ACTOR_LABELS:
                groups.append(_ent_text(doc, child))
    return lemmas, groups


def _ent_text(doc, tok) -> str:
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent.text
    return tok.text


# ---------------------------------------------------------------------------------------------
# who said it


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]


def _in_quote(idx: int, quotes) -> tuple[int, int] | None:
    for q in quotes:
        if q[0] <= idx < q[1]:
            return q
    return None


def _ent_at(doc, tok, labels=SPEAKER_LABELS):
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in labels:
            return ent
    return None


def _nearest_person(doc, before_char: int, quotes):
    for ent in reversed(doc.ents):
        if ent.end_char > before_char or ent.label_ != "PERSON":
            continue
        if _in_quote(ent.start_char, quotes):
            continue
        return ent
    return None


def _np_span(doc, tok) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok`` (without clauses and appositions)."""
    drop_deps = ("relcl", "acl", "appos", "punct", "advcl", "parataxis", "prep")
    idxs = {tok.i}
    for child in tok.children:
        if child.dep_ in drop_deps and not (child.dep_ == "prep" and child.lower_ in ("of",)):
            continue
        if child.dep_ == "punct":
            continue
        if child.dep_ == "prep" and child.i < tok.i:
            continue
        for t in child.subtree:
            idxs.add(t.i)
    lo, hi = min(idxs), max(idxs) + 1
    while lo < hi and doc[lo].lower_ in ("the", "a", "an", ",", "“", '"'):
        lo += 1
    while hi > lo and doc[hi - 1].is_punct:
        hi -= 1
    return lo, hi


def _speaker_from_token(doc, tok, quotes) -> dict | None:
    """Speaker description + entity offsets for the subject token of a saying."""
    v = vocab()
    low = tok.lower_
    if low in PRONOUNS_PERSON:
        ent = _nearest_person(doc, tok.idx, quotes)
        if ent is None:
            return None
        return {"text": ent.text, "start": ent.start_char, "end": ent.end_char}
    if tok.pos_ == "PRON" or low in v["non_speaker_heads"]:
        return None
    lo, hi = _np_span(doc, tok)
    phrase = doc[lo:hi]
    ents = [e for e in doc.ents if e.label_ in SPEAKER_LABELS and lo <= e.start and e.end <= hi]
    chosen = _ent_at(doc, tok)
    if chosen is None:
        persons = [e for e in ents if e.label_ == "PERSON" and doc[e.end - 1].dep_ != "poss"]
        if persons:
            chosen = persons[-1]
    title_like = tok.lemma_.lower() in v["title_words"] and tok.tag_ in ("NN", "NNP")
    if chosen is None and title_like and doc[tok.left_edge.i].lower_ == "the":
        ent = _nearest_person(doc, tok.idx, quotes)
        if ent is not None:
            return {"text": ent.text, "start": ent.start_char, "end": ent.end_char}
    if chosen is None:
        for label in ("ORG", "GPE", "NORP"):
            cands = [e for e in ents if e.label_ == label]
            if cands:
                chosen = cands[0]
                break
    text = phrase.text if len(phrase) else tok.text
    text = " ".join(text.split())
    if chosen is None:
        return {"text": text, "start": None, "end": None}
    return {"text": text, "start": chosen.start_char, "end": chosen.end_char}


def _say_subject(verb, quotes):
    """Subject token of a saying verb, climbing from participles ("noting that ...")."""
    node = verb
    for _ in range(5):
        subj = None
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.dep_ != "expl":
                subj = child
                break
            if child.dep_ == "agent":
                pobjs = [c for c in child.children if c.dep_ == "pobj"]
                if pobjs:
                    subj = pobjs[0]
                    break
        if subj is not None and not (node.dep_ == "acl"):
            if subj.lower_ in ("it", "there"):
                return None
            return subj
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _speaker_for(doc, anchor, fig_start: int, quotes) -> dict | None:
    v = vocab()
    sent = anchor.sent
    quote = _in_quote(fig_start, quotes)
    if quote is not None:
        # the quote's attribution: a saying verb outside the quote in the sentences it touches
        for s in doc.sents:
            if s.end_char < quote[0] or s.start_char > quote[1] + 1:
                continue
            for tok in s:
                if tok.lemma_.lower() in v["say_verbs"] and tok.pos_ in ("VERB", "AUX"):
                    if _in_quote(tok.idx, quotes):
                        continue
                    subj = _say_subject(tok, quotes)
                    if subj is not None and not _in_quote(subj.idx, quotes):
                        spk = _speaker_from_token(doc, subj, quotes)
                        if spk:
                            return spk
    # ancestors: "X said that ...", "... reports that ...", "X accused Y of sending ..."
    for anc in anchor.ancestors:
        lemma = anc.lemma_.lower()
        if lemma in v["say_verbs"] or lemma in v["say_nouns"]:
            nominal = anc.pos_ in ("NOUN", "PROPN") or (
                anc.dep_ in NOMINAL_DEPS and not any(c.dep_ == "nsubj" for c in anc.children)
            )
            if anc.dep_ == "acl" and anc.pos_ == "VERB":
                continue  # "losses estimated at ...": no speaker
            if nominal:
                spk = _speaker_of_noun(doc, anc, quotes)
                if spk:
                    return spk
                continue
            subj = _say_subject(anc, quotes)
            if subj is not None:
                spk = _speaker_from_token(doc, subj, quotes)
                if spk:
                    return spk
    # sentence-level: "according to X", "citing X"
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            pobjs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if pobjs:
                spk = _speaker_from_token(doc, pobjs[0], quotes)
                if spk:
                    return spk
        if tok.lemma_ == "cite" and tok.pos_ == "VERB":
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if objs:
                spk = _speaker_from_token(doc, objs[0], quotes)
                if spk:
                    return spk
    return None


def _speaker_of_noun(doc, noun, quotes) -> dict | None:
    """Source of "Brazilian police reports", "the ministry's estimate", "data from X"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            if pobjs:
                return _speaker_from_token(doc, pobjs[0], quotes)
    for child in noun.children:
        if child.dep_ == "poss":
            return _speaker_from_token(doc, child, quotes)
    for child in noun.children:
        if child.dep_ == "compound" and child.i < noun.i:
            return _speaker_from_token(doc, child, quotes)
    for child in noun.children:
        if child.dep_ == "amod" and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return _speaker_from_token(doc, child, quotes)
    return None


# ---------------------------------------------------------------------------------------------
# public: extraction


def extract_figures(doc, include_vague: bool = True) -> list[dict]:
    """Numeric figures of one spaCy ``Doc`` as plain dicts (keys :data:`FIGURE_KEYS`).

    Dates, times, years, ordinals, ages, durations, reference numbers ("Article 5") and
    counts of one are skipped. ``include_vague=False`` drops "thousands of ..." figures.
    """
    quotes = _quote_spans(doc_text(doc))
    figures = []
    for cand in _candidates(doc):
        sent = doc[cand["_anchor_span"][0]].sent
        if _is_excluded(doc, cand, sent.start, sent.end):
            continue
        if cand["qualifier"] == "vague" and not include_vague:
            continue
        noun, context = _counted_noun(doc, cand)
        if noun is None and cand["_end"] < sent.end:
            nxt = doc[cand["_end"]]  # "12 dead", "150 injured"
            if nxt.pos_ in ("ADJ", "VERB") and nxt.lower_ in vocab()["outcome_of"]:
                noun = nxt
            elif not cand["unit"]:
                noun = _noun_after(doc, cand["_end"], sent.end)
        counted, lemmas, group_toks = "", [], []
        if noun is not None:
            if noun.lemma_.lower() in vocab()["time_units"] and not cand["unit"]:
                continue
            counted, lemmas, group_toks = _counted_phrase(doc, noun, cand)
        ctx_lemmas, ctx_groups = _context(doc, noun, cand)
        groups = []
        for tok in group_toks:
            name = _ent_text(doc, tok)
            if name not in groups:
                groups.append(name)
        if not groups:
            groups = list(dict.fromkeys(ctx_groups))
        for lemma in context + ctx_lemmas:
            if lemma not in lemmas:
                lemmas.append(lemma)
        span = doc[cand["_start"] : cand["_end"]]
        anchor = _anchor(doc, *cand["_anchor_span"])
        speaker = _speaker_for(doc, anchor, span.start_char, quotes) or {}
        figures.append(
            {
                "text": span.text,
                "value": cand["value"],
                "value_max": cand["value_max"],
                "qualifier": cand["qualifier"],
                "unit": cand["unit"],
                "counted": counted,
                "counted_head": noun.lemma_.lower() if noun is not None else "",
                "counted_lemmas": " ".join(lemmas),
                "counted_groups": "; ".join(groups),
                "start_char": span.start_char,
                "end_char": span.end_char,
                "sentence": sent.text.strip(),
                "sent_start_char": sent.start_char,
                "said_by_text": speaker.get("text"),
                "said_by_start": speaker.get("start"),
                "said_by_end": speaker.get("end"),
                "said_by_inferred": False,
            }
        )
    _carry_sources(doc, figures)
    return figures


def _carry_sources(doc, figures: list[dict]) -> None:
    """A figure with no source in the sentence right after an attributed figure counting the
    same kind of thing, in the same paragraph, continues that report ("X reported that 11,000
    troops ... . Some 3,000 troops have ..."); it takes that source, marked as inferred."""
    starts = [s.start_char for s in doc.sents]
    prev = None
    for fig in figures:
        if fig["said_by_text"] is None and prev is not None and prev["said_by_text"]:
            i_prev = bisect.bisect_right(starts, prev["sent_start_char"]) - 1
            i_cur = bisect.bisect_right(starts, fig["sent_start_char"]) - 1
            between = doc_text(doc)[prev["sent_start_char"] : fig["sent_start_char"]]
            same_thing = fig["counted_head"] and fig["counted_head"] == prev["counted_head"]
            if i_cur == i_prev + 1 and "\n\n" not in between and same_thing:
                for key in ("said_by_text", "said_by_start", "said_by_end"):
                    fig[key] = prev[key]
                fig["said_by_inferred"] = True
        prev = fig


# ---------------------------------------------------------------------------------------------
# public: claims across outlets

#: Interval each qualifier allows around the stated value (lo factor, hi factor).
INTERVALS = {
    "exact": (0.995, 1.005),
    "approx": (0.9, 1.1),
    "at_least": (1.0, 2.0),
    "at_most": (0.5, 1.0),
    "vague": (1.0, 100.0),
}
MERGE_THRESHOLD = 0.55
DEMONYM_SUFFIXES = tuple("ians ian ia eans ean ese ish ans an i a e y".split())
CURRENCY_CODES = frozenset(
    list(vocab()["currency_symbols"].values()) + list(vocab()["currency_words"].values())
)


def _norm_group(name: str) -> str:
    """Comparable stem of a group name: "South African" ~ "South Africa", "Chilean" ~ "Chile"."""
    words = re.sub(r"[’']s\b", "", name.lower()).replace(".", "").split()
    words = [w for w in words if w not in ("the",)]
    if not words:
        return ""
    alias = vocab()["group_aliases"].get(" ".join(words))
    if alias:
        words = alias.split()
    last = words[-1]
    for suffix in DEMONYM_SUFFIXES:
        if last.endswith(suffix) and len(last) - len(suffix) >= 3:
            last = last[: -len(suffix)]
            break
    return " ".join([*words[:-1], last])


def _stems_match(a: str, b: str) -> bool:
    if a == b:
        return True
    wa, wb = sorted((a.split(), b.split()), key=len)
    wb = wb[len(wb) - len(wa) :]  # "Silva" ~ "Maria Silva": compare the trailing words
    if wa[:-1] != wb[:-1]:
        return False
    x, y = sorted((wa[-1], wb[-1]), key=len)
    return len(x) >= 3 and y.startswith(x)


def _groups_match(ga: frozenset, gb: frozenset) -> bool:
    return any(_stems_match(x, y) for x in ga for y in gb)


def _groups_of(row) -> frozenset:
    raw = row.get("counted_groups")
    names = []
    if isinstance(raw, str):
        names = [g for g in raw.split(";") if g.strip()]
    elif isinstance(row.get("counted"), str):
        # fall back to capitalised words of the counted phrase ("Haitian migrants")
        caps = re.findall(r"(?:[A-Z][\w.’'-]*\s?)+", row["counted"])
        names = [c for c in caps if c.strip()]
    return frozenset(n for n in (_norm_group(x) for x in names) if n)


def _outcomes_of(lemmas: str) -> frozenset:
    of = vocab()["outcome_of"]
    found = {of[w] for w in lemmas.split() if w in of}
    return frozenset(found)


def _outcomes_compatible(a: frozenset, b: frozenset) -> bool:
    if a & b:
        return True
    umbrella = vocab()["outcome_umbrella"]
    for big, parts in umbrella.items():
        if (big in a and b & set(parts)) or (big in b and a & set(parts)):
            return True
    return False


def _unit_kind(unit: str) -> str:
    return unit or ""


def _head_class(head: str) -> str:
    return vocab()["head_class_of"].get(head, head)


def _similarity(a: dict, b: dict) -> float:
    """Score in [0, 1] that two figures count the same thing; -1 vetoes a merge."""
    from rapidfuzz import fuzz

    if a["_unit"] != b["_unit"]:
        return -1.0
    ga, gb = a["_groups"], b["_groups"]
    if ga and gb and not _groups_match(ga, gb):
        return -1.0
    oa, ob = a["_outcomes"], b["_outcomes"]
    if oa and ob and not _outcomes_compatible(oa, ob):
        return -1.0
    ha, hb = a["_head"], b["_head"]
    if ha and hb:
        if ha == hb:
            head_sim = 1.0
        elif _head_class(ha) == _head_class(hb):
            head_sim = 0.9
        else:
            head_sim = 0.8 * fuzz.ratio(ha, hb) / 100.0
            if head_sim < 0.6:
                head_sim = 0.0
    elif a["_unit"] and a["_unit"] in CURRENCY_CODES:
        # money with nothing (or nothing on one side) counted: same currency and value
        return 0.6 if max(a["_lo"], b["_lo"]) <= min(a["_hi"], b["_hi"]) else 0.3
    else:
        head_sim = 0.0
    score = 0.7 * head_sim
    if a["_lemmas"] and b["_lemmas"]:
        score += 0.1 * fuzz.token_set_ratio(a["_lemmas"], b["_lemmas"]) / 100.0
    if ga and gb:
        score += 0.1
    lo = max(a["_lo"], b["_lo"])
    hi = min(a["_hi"], b["_hi"])
    if lo <= hi:
        score += 0.1
    elif a["value"] > 0 and b["value"] > 0:
        if abs(math.log10(a["value"]) - math.log10(b["value"])) < 1:
            score += 0.03  # same order of magnitude: weak hint only
    if bool(oa) != bool(ob):
        score -= 0.3
    return score


def _rounding(text: str) -> float:
    """Relative half-step of the precision the figure is written with ("52%" -> 0.5/52)."""
    m = WRITTEN_NUM_RE.search(text or "")
    if not m:
        return 0.0
    written = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
    if written <= 0:
        return 0.0
    return 0.5 * 10 ** -len(m.group(2) or "") / written


def _interval(
    value: float, value_max: float, qualifier: str, text: str = ""
) -> tuple[float, float]:
    """Values a figure allows: its stated interval widened by the qualifier and rounding."""
    value, value_max = float(value), float(value_max)
    if qualifier == "range":
        return value, value_max
    lo, hi = INTERVALS.get(qualifier, INTERVALS["exact"])
    if qualifier == "exact":
        step = max(_rounding(text), 1 - lo)
        lo, hi = 1 - step, 1 + step
    return value * lo, value * hi


#: Above this many figures, only figures with the same unit and kind of counted thing are
#: compared (merges need both); below it every pair is scored, as before.
BLOCKING_MIN = 400


def _block_key(item: dict) -> tuple[str, str]:
    head = item["_head"]
    return item["_unit"], _head_class(head) if head else ""


def _cluster(items: list[dict]) -> list[int]:
    """Average-linkage grouping with vetoes; returns a cluster index per item.

    Large inputs are split into blocks by :func:`_block_key` (pairs across blocks differ in
    unit, which vetoes a merge, or in the kind of thing counted), each clustered on its own,
    which keeps time and memory near-linear in the number of figures.
    """
    if len(items) <= BLOCKING_MIN:
        return _cluster_block(items)
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, item in enumerate(items):
        blocks.setdefault(_block_key(item), []).append(i)
    labels = [0] * len(items)
    for rows in blocks.values():
        for k, local in enumerate(_cluster_block([items[i] for i in rows])):
            labels[rows[k]] = rows[local]  # a member's global index names the cluster
    return labels


def _cluster_block(items: list[dict]) -> list[int]:
    """:func:`_cluster` on one block: every pair of items is scored."""
    import numpy as np

    n = len(items)
    # the similarity depends only on these features: score each distinct pair once
    feats = ("value", "_unit", "_groups", "_outcomes", "_head", "_lemmas", "_lo", "_hi")
    codes: dict[tuple, int] = {}
    uniq: list[dict] = []
    inv = np.empty(n, dtype=np.intp)
    for i, item in enumerate(items):
        key = tuple(item[f] for f in feats)
        code = codes.get(key)
        if code is None:
            code = codes[key] = len(uniq)
            uniq.append(item)
        inv[i] = code
    u = len(uniq)
    usim = np.zeros((u, u))
    for a in range(u):
        for b in range(a, u):
            usim[a, b] = _similarity(uniq[a], uniq[b])
            if b != a:
                usim[b, a] = _similarity(uniq[b], uniq[a])
    sim = usim[np.ix_(inv, inv)]
    np.fill_diagonal(sim, 0.0)
    parent = list(range(n))
    members = {i: [i] for i in range(n)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # candidate pairs i < j in row-major order, strongest first (stable, as a list sort)
    rows, cols = np.nonzero(np.triu(sim >= 0.5, k=1))
    order = np.argsort(-sim[rows, cols], kind="stable")
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        block = sim[np.ix_(members[ri], members[rj])]
        if block.min() < 0 or block.mean() < MERGE_THRESHOLD:
            continue
        parent[rj] = ri
        members[ri] = members[ri] + members.pop(rj)
    return [find(i) for i in range(n)]


def _status(rows: pd.DataFrame) -> str:
    if rows["doc_id"].nunique() <= 1:
        return STATUS_SINGLE
    spans = [_interval(r.value, r.value_max, r.qualifier, r.text) for r in rows.itertuples()]
    lo = max(span[0] for span in spans)
    hi = min(span[1] for span in spans)
    return STATUS_AGREE if lo <= hi * 1.0000001 else STATUS_CONFLICT


def _label(rows: pd.DataFrame) -> str:
    counted = [c for c in rows["counted"].fillna("") if c]
    if not counted:
        unit = rows["unit"].iloc[0] if "unit" in rows else ""
        return f"amount ({unit})" if unit else "(unspecified)"
    counts = pd.Series(counted).value_counts()
    best = counts[counts == counts.max()].index
    return max(best, key=len)


def build_claims(figures: pd.DataFrame) -> pd.DataFrame:
    """Group figures counting the same thing across outlets into claims.

    Input: one row per figure with the :data:`FIGURE_KEYS` columns (``counted_groups`` optional)
    plus ``doc_id``, ``outlet`` and ``said_by``. Output: :data:`CLAIM_COLUMNS`, one row per figure,
    claims ordered by number of outlets (desc), then figures (desc).
    """
    if figures is None or figures.empty:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    df = figures.reset_index(drop=True).copy()
    for col, default in (
        ("unit", ""),
        ("said_by", ""),
        ("counted_lemmas", ""),
        ("counted", ""),
        ("text", ""),
        ("sentence", ""),
    ):
        if col not in df:
            df[col] = default
        df[col] = df[col].fillna(default).astype(str)
    if "counted_head" not in df:
        df["counted_head"] = df["counted_lemmas"].str.split().str[-1].fillna("")
    df["counted_head"] = df["counted_head"].fillna("").astype(str)
    if "value_max" not in df:
        df["value_max"] = df["value"]
    df["value_max"] = df["value_max"].fillna(df["value"])
    items = []
    for row in df.to_dict("records"):
        lo, hi = _interval(row["value"], row["value_max"], row["qualifier"], row["text"])
        items.append(
            {
                "value": float(row["value"]),
                "_unit": _unit_kind(row["unit"]),
                "_groups": _groups_of(row),
                "_outcomes": _outcomes_of(row["counted_lemmas"]),
                "_head": row["counted_head"],
                "_lemmas": row["counted_lemmas"],
                "_lo": lo,
                "_hi": hi,
            }
        )
    df["_cluster"] = _cluster(items)
    stats = df.groupby("_cluster").agg(
        n_outlets=("outlet", "nunique"), n_figs=("doc_id", "size"), first=("_cluster", "first")
    )
    stats["order"] = df.groupby("_cluster").apply(lambda g: g.index.min(), include_groups=False)
    stats = stats.sort_values(["n_outlets", "n_figs", "order"], ascending=[False, False, True])
    width = max(2, len(str(len(stats))))
    ids = {c: f"C{k + 1:0{width}d}" for k, c in enumerate(stats.index)}
    parts = []
    by_cluster = dict(tuple(df.groupby("_cluster", sort=False)))  # one pass, row order kept
    for cluster in stats.index:
        rows = by_cluster[cluster].copy()
        rows["claim_id"] = ids[cluster]
        rows["counted"] = _label(rows)
        rows["status"] = _status(rows)
        parts.append(rows)
    out = pd.concat(parts, ignore_index=True)
    for col in CLAIM_COLUMNS:
        if col not in out:
            out[col] = ""
    return out[CLAIM_COLUMNS].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# public: formatting, summary table, chart

VAGUE_WORDS = {
    12: "dozens",
    20: "scores",
    100: "hundreds",
    1_000: "thousands",
    10_000: "tens of thousands",
    100_000: "hundreds of thousands",
    1_000_000: "millions",
    10_000_000: "tens of millions",
    1_000_000_000: "billions",
}


def _num(value: float, big_words: bool) -> str:
    if big_words and abs(value) >= 1e6:
        for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(value) >= scale:
                return f"{value / scale:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_figure(value, value_max=None, qualifier: str = "exact", unit: str = "") -> str:
    """Short label: "~2,000", "≤20,000", "≥450,000", "1,200–2,500", "$5.7 billion", "12%"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    value = float(value)
    vmax = value if value_max is None or pd.isna(value_max) else float(value_max)
    unit = unit or ""
    if qualifier == "vague":
        word = VAGUE_WORDS.get(int(value), f"~{_num(value, True)}")
        cur = vocab()["currency_display"].get(unit, "")
        return f"{word} of {cur or unit}".strip() if unit and unit != "%" else word
    money = unit in vocab()["currency_display"] or re.fullmatch(r"[A-Z]{3}", unit or "")
    big = bool(money) or value >= 1e6

    def one(x: float) -> str:
        s = _num(x, big)
        if unit == "%":
            return s + "%"
        if unit in vocab()["currency_display"]:
            return vocab()["currency_display"][unit] + s
        if unit:
            return f"{s} {unit}"
        return s

    if qualifier == "range" and vmax != value:
        return f"{one(value)}–{one(vmax)}"
    prefix = {"approx": "~", "at_least": "≥", "at_most": "≤"}.get(qualifier, "")
    return prefix + one(value)


def claim_summary(claims: pd.DataFrame, outlets=None) -> pd.DataFrame:
    """Wide table: one row per claim (claim_id, counted, status) x one column per outlet.

    Cells read like "≥450,000 (Jane Smith)"; several figures from one outlet are joined
    with "; "; an outlet that does not report the claim gets "—".
    """
    if outlets is None:
        outlets = list(dict.fromkeys(claims["outlet"])) if not claims.empty else []
    outlets = list(outlets)
    columns = ["claim_id", "counted", "status", *outlets]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    records = []
    for claim_id, rows in claims.groupby("claim_id", sort=False):
        rec = {
            "claim_id": claim_id,
            "counted": rows["counted"].iloc[0],
            "status": rows["status"].iloc[0],
        }
        for outlet in outlets:
            cells = []
            for r in rows[rows["outlet"] == outlet].itertuples():
                label = format_figure(r.value, r.value_max, r.qualifier, getattr(r, "unit", ""))
                who = _clean(getattr(r, "said_by", ""))
                cells.append(f"{label} ({who})" if who else label)
            rec[outlet] = "; ".join(dict.fromkeys(cells)) if cells else "—"
        records.append(rec)
    return pd.DataFrame.from_records(records, columns=columns)


QUALIFIER_SYMBOLS = {
    "exact": ("circle", "exact"),
    "approx": ("diamond", "approximately"),
    "at_least": ("triangle-right", "at least (≥)"),
    "at_most": ("triangle-left", "at most (≤)"),
    "range": ("line-ns-open", "range"),
    "vague": ("circle-open", "vague (order of magnitude)"),
}


def _clean(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def claim_chart(claim_rows: pd.DataFrame, outlets=None):
    """Plotly figure of one claim: each outlet's value(s), ranges as segments, ≥/≤ as arrows.

    ``outlets`` (optional) fixes the rows top to bottom; outlets without a figure for the
    claim are kept and marked "not reported".
    """
    import plotly.graph_objects as go

    fig = go.Figure()
    if claim_rows is None or claim_rows.empty:
        fig.update_layout(title="No figures", xaxis_title="Value", yaxis_title="Outlet")
        return fig
    rows = claim_rows.copy()
    unit = next((u for u in rows.get("unit", pd.Series(dtype=str)).fillna("") if u), "")
    for qual, (symbol, name) in QUALIFIER_SYMBOLS.items():
        part = rows[rows["qualifier"] == qual]
        if part.empty:
            continue
        hover = [
            f"<b>{r.outlet}</b><br>{_clean(r.text)}<br>said by: {_clean(r.said_by) or '—'}"
            f"<br>{format_figure(r.value, r.value_max, r.qualifier, getattr(r, 'unit', ''))}"
            for r in part.itertuples()
        ]
        x = part["value"].astype(float)
        error_x = None
        if qual == "range":
            x = (part["value"].astype(float) + part["value_max"].astype(float)) / 2
            half = (part["value_max"].astype(float) - part["value"].astype(float)) / 2
            error_x = {"type": "data", "array": half.tolist(), "visible": True, "width": 6}
        elif qual == "approx":
            error_x = {"type": "percent", "value": 10, "visible": True, "width": 4}
        fig.add_trace(
            go.Scatter(
                x=x,
                y=part["outlet"],
                mode="markers",
                name=name,
                marker={"symbol": symbol, "size": 14, "line": {"width": 2}},
                error_x=error_x,
                hovertext=hover,
                hoverinfo="text",
            )
        )
        for r in part.itertuples():
            if qual in ("at_least", "at_most"):
                # the arrow starts at the stated value and points where the true value may lie
                factor = 1.18 if qual == "at_least" else 0.82
                fig.add_annotation(
                    x=float(r.value) * factor,
                    y=r.outlet,
                    ax=float(r.value),
                    ay=r.outlet,
                    axref="x",
                    ayref="y",
                    showarrow=True,
                    arrowhead=2,
                    arrowsize=1.2,
                    text="",
                )
    vals = pd.concat([rows["value"], rows["value_max"].fillna(rows["value"])]).astype(float)
    positive = vals[vals > 0]
    log = bool(len(positive)) and positive.max() / positive.min() > 100
    status = rows["status"].iloc[0] if "status" in rows else ""
    title = f"{rows['counted'].iloc[0]}" + (f" — {status}" if status else "")
    order = list(outlets) if outlets is not None else list(dict.fromkeys(rows["outlet"]))
    for outlet in order:
        if outlet not in set(rows["outlet"]):
            fig.add_annotation(
                x=0,
                xref="paper",
                y=outlet,
                text="not reported",
                showarrow=False,
                xanchor="left",
                font={"color": "#888", "size": 12},
            )
    fig.update_layout(
        title=title,
        xaxis_title=f"Value ({unit})" if unit else "Value",
        yaxis_title="Outlet",
        xaxis_type="log" if log else "linear",
        legend_title="Qualifier",
        hovermode="closest",
        height=160 + 48 * max(len(order), 1),
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
    )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=order[::-1],
        range=[-0.6, len(order) - 0.4],
        automargin=True,
    )
    if not log and len(positive):
        fig.update_xaxes(range=[0, float(positive.max()) * 1.3])
    fig.update_xaxes(tickformat=",")
    return fig
