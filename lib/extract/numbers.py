"""Number vocabulary (``lib/data/numbers.json``) and reading numbers from tokens.

Digits with separators and suffix scales ("12,500", "8B"), number words and scales
("two hundred and fifty", "1.5 million", "a dozen"), currency symbols before a run and
units after it. Nothing here is specific to one news event.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lib.datafiles import read_json

SUFFIX_NUM_RE = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z]+)$", re.I)


GLUED_RANGE_RE = re.compile(r"^(\d[\d,.]*[a-z]*)(%?)[-–]([$€£]?)(\d[\d,.]*[a-z]*)(%?)$", re.I)




THOUSANDS_RE = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")


ORDINAL_RE = re.compile(r"^\d+(st|nd|rd|th)$", re.I)


RANGE_LINKS = ("-", "–", "—", "to")
#: Quote marks that may close a quotation right after a number ("$5.6” billion").
CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "»"})


#: One token holding a number, with what may be glued to it: a sign or "~" / "sub-", a
#: currency ("$", "US$", "USD", "HK$", "RM", and the ASCII transliterations "PS" for £ and
#: "Y=" for ¥ that scraped text carries), the digits (thousands by commas, or by periods
#: when there are two groups or more: "1.000.000"; decimals kept: ".001"), and a suffix
#: (a scale "bn", a unit "kWh", "%").
TOKEN_RE = re.compile(
    r"""^(?P<sign>[+~≈−-]|minus-|sub-)?
    (?P<cur>US\$|\$US|\$A|A\$|C\$|NZ\$|HK\$|S\$|R\$|USD|EUR|GBP|RM|PS|Y=|Rs\.?|€|£|\$|¥|₹
      |US|A|NZ|HK|C|S)?
    (?P<sign2>[-−])?
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}|\d+(?:\.\d+)?|\.\d+)
    (?P<suffix>[^\W\d_]+\d?|[″"′%])?$""",
    re.X,
)
FRACTION_RE = re.compile(r"^(\d{1,3})[/⁄](\d{1,4})$")
#: Denominators of written fractions ("1/16"); "9/11" or "12/25" are names and dates.
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100, 128, 1000})
#: Suffixes that make a token something other than a figure: ordinals, decades, times.
NOT_A_FIGURE_SUFFIXES = frozenset({"st", "nd", "rd", "th", "s", "am", "pm", "h", "hrs"})
#: Glued currencies as ISO codes.
GLUED_CURRENCIES = {
    "$": "USD", "us$": "USD", "$us": "USD", "usd": "USD", "a$": "AUD", "$a": "AUD",
    "c$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "r$": "BRL", "eur": "EUR",
    "€": "EUR", "gbp": "GBP", "£": "GBP", "ps": "GBP", "¥": "JPY", "y=": "JPY",
    "rm": "MYR", "rs": "INR", "rs.": "INR", "₹": "INR",
    "us": "USD", "a": "AUD", "nz": "NZD", "hk": "HKD", "c": "CAD", "s": "SGD",
}  # fmt: skip
#: Letters that name a dollar only right after a "$" token ("$" "US55,931,000").
DOLLAR_LETTERS = frozenset({"us", "a", "nz", "hk", "c", "s"})


@dataclass(frozen=True)
class Reading:
    """What one token says: the number (sign applied), a scale glued to it ("bn"), a unit
    or currency glued to it, and a qualifier its prefix implies ("~" about, "sub-" under)."""

    number: float
    scale: float = 1.0
    unit: str = ""
    currency: str = ""
    qualifier: str = ""
    dollar_letters: bool = False


@functools.lru_cache(maxsize=50_000)
def read_token(text: str) -> Reading | None:
    """:class:`Reading` of a token written with digits, else None ("F-16" parts, "1990s",
    "5pm", "3rd" are not figures)."""
    m = FRACTION_RE.match(text)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        return Reading(a / b) if 0 < a < b and b in FRACTION_DENOMINATORS else None
    m = TOKEN_RE.match(text)
    if not m:
        return None
    digits = m.group("num")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", digits):
        number = float(digits.replace(".", ""))
    else:
        number = float(digits.replace(",", ""))
    sign = (m.group("sign") or "") + (m.group("sign2") or "")
    if any(ch in sign for ch in "-−") and not sign.startswith("sub"):
        number = -number
    qualifier = {"~": "approx", "≈": "approx", "sub-": "at_most"}.get(m.group("sign") or "", "")
    cur = (m.group("cur") or "").lower()
    currency = GLUED_CURRENCIES.get(cur, "")
    letters = cur in DOLLAR_LETTERS
    suffix = m.group("suffix") or ""
    if not suffix:
        return Reading(number, 1.0, "", currency, qualifier, letters)
    v = vocab()
    low = suffix.lower()
    if low in v["suffix_scales"]:
        return Reading(number, float(v["suffix_scales"][low]), "", currency, qualifier, letters)
    if low in NOT_A_FIGURE_SUFFIXES or currency:
        return None
    unit = v["percent_words"].get(low) or v["glued_units"].get(low) or v["units"].get(low)
    if unit is None and suffix in v["glued_units"]:
        unit = v["glued_units"][suffix]
    return Reading(number, 1.0, unit, "", qualifier) if unit else None


@functools.lru_cache(maxsize=1)
def vocab() -> dict:
    """The vocabulary from ``lib/data/numbers.json`` with derived lookup tables."""
    v = dict(read_json("numbers.json"))
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
        "person_nouns",
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
    """(number, suffix scale) of a digit token: '12,500' -> (12500, 1); '8B' -> (8, 1e9);
    '6kW' -> (6, 1) (the unit is in :func:`read_token`)."""
    reading = read_token(text)
    return (reading.number, reading.scale) if reading is not None else None


def is_num_token(tok) -> bool:
    low = tok.lower_
    return digit_value(tok.text) is not None or word_value(low) is not None


def _words_value(tokens) -> float | None:
    """A run of number words read by text2num ("two hundred and fifty thousand"), or None
    when the run holds anything else (digits, "a dozen", fractions)."""
    words = [t.lower_ for t in tokens if not t.is_space]
    v = vocab()
    if not words or not all(
        w in v["word_numbers"] or w in v["scales"] or w in ("-", "and") for w in words
    ):
        return None
    if "dozen" in words or words[-1] in ("-", "and"):
        return None
    from text_to_num import text2num  # maintained number-word parser (text2num on PyPI)

    try:
        return float(text2num(" ".join(w for w in words if w != "-").replace(" and ", " "), "en"))
    except ValueError:
        return None


def _scaled(total: float, current: float, scale: float) -> tuple[float, float]:
    """(total, current group) after a scale word: "hundred" and "dozen" multiply the group
    ("two hundred"), larger scales close it ("two million")."""
    if scale in (100, 12):
        return total, (current or 1.0) * scale
    return total + (current or 1.0) * scale, 0.0


def run_value(tokens) -> float | None:
    """Value of a run of number tokens ("1.5 million", "two hundred and fifty", "a dozen",
    "70 000" with a space between thousands, "two-thirds")."""
    words = _words_value(tokens)
    if words is not None:
        return words
    v = vocab()
    total, current, seen = 0.0, 0.0, False
    prev_digits = ""
    for tok in tokens:
        low = tok.lower_
        if tok.is_space:
            continue
        if low in ("a", "an", "-", "and"):
            if low in ("a", "an"):
                current = current or 1.0
            continue
        if low in v["fractions"] and (seen or current):
            current = (current or 1.0) / v["fractions"][low]
            seen = True
            continue
        if low == "half":
            current, seen = 0.5, True
            continue
        digit = digit_value(tok.text)
        if digit is not None:
            num, scale = digit
            if scale > 1:
                total += (current + num) * scale
                current = 0.0
            elif re.fullmatch(r"\d{1,3}", prev_digits) and re.fullmatch(r"\d{3}(\.\d+)?", tok.text):
                current = current * 1000 + num  # "70 000": a space between thousands
            else:
                current += num
            prev_digits = tok.text
            seen = True
            continue
        prev_digits = ""
        if low in v["scales"]:
            total, current = _scaled(total, current, float(v["scales"][low]))
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


def run_reading(tokens) -> Reading:
    """Unit, currency and qualifier glued to the digits of a run ("6kW", "USD10", "~45")."""
    unit = currency = qualifier = ""
    letters = False
    for tok in tokens:
        reading = read_token(tok.text)
        if reading is not None:
            unit = unit or reading.unit
            currency = currency or reading.currency
            qualifier = qualifier or reading.qualifier
            letters = letters or reading.dollar_letters
    return Reading(0.0, 1.0, unit, currency, qualifier, letters)


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
    frac = _fraction_end(doc, i, end)
    if frac:
        return frac
    j = _run_start(doc, i, end)
    if j is None:
        return i
    prev_digit = digit_value(doc[j].text) is not None
    j += 1
    while j < end:
        step = _run_step(doc, j, end, prev_digit)
        if step is None:
            break
        j, prev_digit, more = step
        if not more:
            break
    return j


def _run_start(doc, i: int, end: int) -> int | None:
    """The token a run's value starts from ("a dozen", "half a million" start at the
    scale), or None when no run starts at ``i``."""
    v = vocab()
    low = doc[i].lower_
    if low in ("a", "an") and i + 1 < end and doc[i + 1].lower_ in v["scales"]:
        return i + 1
    if low == "half" and i + 2 < end and doc[i + 1].lower_ in ("a", "an"):
        return i + 2 if doc[i + 2].lower_ in v["scales"] else None
    return i if is_num_token(doc[i]) else None


def _run_step(doc, j: int, end: int, prev_digit: bool) -> tuple[int, bool, bool] | None:
    """Whether token ``j`` continues the run: ``(next index, follows a digit, go on)``, or
    None when the run ends before it."""
    v = vocab()
    tok = doc[j]
    low = tok.lower_
    if low in v["scales"] or (prev_digit and low in v["suffix_scales"]):
        return None if _bare_suffix(doc, j, end) else (j + 1, False, True)
    if _quote_before_scale(doc, j, end):
        return j + 1, prev_digit, True  # "$5.6” billion": the quote is no boundary
    if word_value(low) is not None and digit_value(tok.text) is None:
        prev = doc[j - 1].lower_
        joined = word_value(prev) is not None or prev in ("-", "and")
        return (j + 1, False, True) if joined else None
    if low == "-" and j + 1 < end and doc[j + 1].lower_ in v["fractions"]:
        if doc[j + 1].lower_.endswith("s") or doc[j - 1].lower_ == "one":
            return j + 2, prev_digit, False  # "two-thirds", "one-third"
        return None
    if low in v["fractions"] and low.endswith("s") and doc[j - 1].lower_ != "and":
        return j + 1, prev_digit, False  # "two thirds"
    if low == "-" and tok.whitespace_ == "" and doc[j - 1].whitespace_ == "":
        return (j + 1, prev_digit, True) if _tens_hyphen(doc, j, end) else None  # twenty-five
    if low == "and" and j + 1 < end and doc[j - 1].lower_ in v["scales"]:
        nxt = doc[j + 1]
        if word_value(nxt.lower_) is not None and digit_value(nxt.text) is None:
            return j + 1, prev_digit, True
    k = _thousands_group(doc, j, end)
    return (k, prev_digit, True) if k else None


def _quote_before_scale(doc, j: int, end: int) -> bool:
    """A quote mark glued to the number before it and followed, in the same sentence, by a
    lower-case scale of a thousand or more ("$5.6” billion", "5.6\" million"): a quotation
    that closes inside the figure, not the end of the figure. A capital scale after the
    quote ("… $5.6.” Billion-dollar …") starts something else."""
    tok = doc[j]
    if tok.text not in CLOSING_QUOTES or j + 1 >= end or doc[j - 1].whitespace_:
        return False
    nxt = doc[j + 1]
    scale = vocab()["scales"].get(nxt.text)
    return scale is not None and scale >= 1000 and digit_value(doc[j - 1].text) is not None


def _bare_suffix(doc, j: int, end: int) -> bool:
    """A suffix scale that is not one here: "bn", "mn" always are; "m", "k", "b" only after
    a currency symbol or glued to the number before a plural noun ("3m viewers"; "3 m" is
    metres)."""
    v = vocab()
    low = doc[j].lower_
    if low not in v["suffix_scales"] or low in v["scales"] or low not in ("m", "k", "b"):
        return False
    if currency_before(doc, j):
        return False
    glued = doc[j - 1].whitespace_ == ""
    nxt = doc[j + 1] if j + 1 < end else None
    return not (glued and nxt is not None and nxt.tag_ in ("NNS", "NNPS", "JJ"))


def _tens_hyphen(doc, j: int, end: int) -> bool:
    """A glued hyphen between a tens word and a unit word ("twenty-five")."""
    nxt = doc[j + 1] if j + 1 < end else None
    before = word_value(doc[j - 1].lower_)
    return (
        nxt is not None
        and digit_value(nxt.text) is None
        and (word_value(nxt.lower_) or 0) < 10
        and before is not None
        and before >= 20
    )


def _fraction_end(doc, i: int, end: int) -> int:
    """End of "a third of", "one quarter of", "half of" starting at ``i`` (0 if none)."""
    v = vocab()
    low = doc[i].lower_
    if low == "half" and i + 1 < end and doc[i + 1].lower_ == "of":
        return i + 1
    if low in ("a", "one") and i + 2 < end and doc[i + 1].lower_ in v["fractions"]:
        if doc[i + 2].lower_ == "of" and doc[i + 1].lower_ != "half":
            return i + 2
    return 0


def _thousands_group(doc, j: int, end: int) -> int:
    """End of a three-digit group after a space or thin space ("70 000", "1 250 000"), or 0.
    Only after a bare 1-3 digit group, never after a comma-grouped or decimal number."""
    prev = doc[j - 1]
    k = j
    if doc[k].is_space and doc[k].text in ("\u2009", "\u202f", "\u00a0"):
        k += 1
    elif prev.whitespace_ not in (" ", "\u2009", "\u202f", "\u00a0"):
        return 0
    if k >= end or not re.fullmatch(r"\d{3}", doc[k].text):
        return 0
    if not re.fullmatch(r"\d{1,3}", prev.text):
        return 0
    if k + 1 < end and re.fullmatch(r"\d+", doc[k + 1].text) and len(doc[k + 1].text) != 3:
        return 0
    return k + 1


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


#: A distance unit followed by "per hour" / "an hour" is a speed.
SPEED_UNITS = {"mile": "mph", "km": "km/h"}


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
        hourly = k + 2 < sent_end and doc[k + 1].lower_ in ("per", "an", "a")
        if hourly and doc[k + 2].lower_ == "hour" and unit in SPEED_UNITS:
            return k + 3, SPEED_UNITS[unit]  # "150 miles per hour", "90 kilometres an hour"
        return k + 1, unit
    return k, ""
