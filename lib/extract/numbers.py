"""Number vocabulary (``lib/data/numbers.json``) and reading numbers from tokens.

Digits with separators and suffix scales ("12,500", "8B"), number words and scales
("two hundred and fifty", "1.5 million", "a dozen"), currency symbols before a run and
units after it. Nothing here is specific to one news event.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "numbers.json"


NUM_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


SUFFIX_NUM_RE = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z]+)$", re.I)


GLUED_RANGE_RE = re.compile(r"^(\d[\d,.]*[a-z]*)(%?)[-–]([$€£]?)(\d[\d,.]*[a-z]*)(%?)$", re.I)


WRITTEN_NUM_RE = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")


THOUSANDS_RE = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")


ORDINAL_RE = re.compile(r"^\d+(st|nd|rd|th)$", re.I)


RANGE_LINKS = ("-", "–", "—", "to")


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


def word_value(low: str) -> float | None:
    v = vocab()
    if low in v["word_numbers"]:
        return float(v["word_numbers"][low])
    if low in v["scales"]:
        return float(v["scales"][low])
    return None


def digit_value(text: str) -> tuple[float, float] | None:
    """(number, suffix scale) of a digit token: '12,500' -> (12500, 1); '8B' -> (8, 1e9)."""
    if NUM_RE.match(text):
        return float(text.replace(",", "")), 1.0
    m = SUFFIX_NUM_RE.match(text)
    if m:
        scale = vocab()["suffix_scales"].get(m.group(2).lower())
        if scale:
            return float(m.group(1).replace(",", "")), float(scale)
    return None


def is_num_token(tok) -> bool:
    low = tok.lower_
    return digit_value(tok.text) is not None or word_value(low) is not None


def run_value(tokens) -> float | None:
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
        digit = digit_value(tok.text)
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
        wv = word_value(low)
        if wv is not None:
            current += wv
            seen = True
    return total + current if seen else None


def ends_with_scale(tokens) -> float:
    """Scale factor written at the end of a run ("2 million" -> 1e6), else 1."""
    v = vocab()
    last = tokens[-1]
    low = last.lower_
    if low in v["scales"] and v["scales"][low] >= 1000:
        return float(v["scales"][low])
    if low in v["suffix_scales"]:
        return float(v["suffix_scales"][low])
    digit = digit_value(last.text)
    if digit and digit[1] > 1:
        return digit[1]
    return 1.0


def take_run(doc, i: int, end: int) -> int:
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
    elif not is_num_token(doc[i]):
        return i
    prev_digit = digit_value(doc[j].text) is not None
    j += 1
    while j < end:
        tok = doc[j]
        low = tok.lower_
        if low in v["scales"] or (prev_digit and low in v["suffix_scales"]):
            if low in v["suffix_scales"] and low not in v["scales"]:
                # "bn", "mn" are always scales; "m", "k", "b" only after a currency symbol or
                # glued to the number before a plural noun ("3m viewers")
                if low in ("m", "k", "b") and not currency_before(doc, j):
                    glued = doc[j - 1].whitespace_ == ""
                    nxt = doc[j + 1] if j + 1 < end else None
                    if not (glued and nxt is not None and nxt.tag_ in ("NNS", "NNPS", "JJ")):
                        break  # "3 m" is metres; "3m viewers" is millions
            j += 1
            prev_digit = False
            continue
        if word_value(low) is not None and digit_value(tok.text) is None:
            prev = doc[j - 1].lower_
            if word_value(prev) is not None or prev in ("-", "and"):
                j += 1
                prev_digit = False
                continue
            break
        if low == "-" and tok.whitespace_ == "" and doc[j - 1].whitespace_ == "":
            nxt = doc[j + 1] if j + 1 < end else None
            if (
                nxt is not None
                and digit_value(nxt.text) is None
                and (word_value(nxt.lower_) or 0) < 10
                and word_value(doc[j - 1].lower_) is not None
                and word_value(doc[j - 1].lower_) >= 20
            ):
                j += 1  # twenty-five
                continue
            break
        if low == "and" and j + 1 < end and doc[j - 1].lower_ in v["scales"]:
            nxt = doc[j + 1]
            if word_value(nxt.lower_) is not None and digit_value(nxt.text) is None:
                j += 1
                continue
        break
    return j


def currency_before(doc, j: int) -> str:
    """Currency code of a symbol directly before the run containing token ``j``."""
    cur = vocab()["currency_symbols"]
    k = j
    while k > 0 and (is_num_token(doc[k - 1]) or doc[k - 1].lower_ in ("a", "an")):
        k -= 1
    if k > 0 and doc[k - 1].lower_ in cur:
        return cur[doc[k - 1].lower_]
    return ""


def match_before(doc, start: int, sent_start: int, seqs) -> tuple[int, str | None]:
    for seq, label in seqs:
        n = len(seq)
        if start - n < sent_start:
            continue
        if tuple(t.lower_ for t in doc[start - n : start]) == seq:
            return start - n, label
    return start, None


def match_after(doc, end: int, sent_end: int, seqs) -> tuple[int, str | None]:
    for seq, label in seqs:
        n = len(seq)
        if end + n > sent_end:
            continue
        if tuple(t.lower_ for t in doc[end : end + n]) == seq:
            return end + n, label
    return end, None


def unit_after(doc, k: int, sent_end: int) -> tuple[int, str]:
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
