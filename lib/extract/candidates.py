"""Number spans in a Doc: token ranges with value, value_max, unit and qualifier.

A :class:`Candidate` has ``start``/``end`` (tokens of the figure as written, qualifier and
unit included), ``num_start``, ``anchor_span`` (the number tokens), ``value``,
``value_max``, ``qualifier`` and ``unit``; a vote tally's two figures also say what they
count (``tally``). Scores and splits ("3-1") are jumped over (:class:`Skip`).

Ranges: "5-10", "between 5 and 10", "three or four" are one figure (qualifier ``range``);
"from 240 to 273" is one figure with qualifier ``change`` (``value`` the start,
``value_max`` the end, which may be lower). "X to Y" is two figures when the units differ
("up 9.4 per cent to $84") or when "by" precedes it ("increased by $43.6 billion to $419.2
billion": a change and a level).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lib.extract.numbers import (
    GLUED_RANGE_RE,
    RANGE_LINKS,
    SUFFIX_NUM_RE,
    digit_value,
    ends_with_scale,
    is_num_token,
    match_after,
    match_before,
    run_reading,
    run_value,
    take_run,
    unit_after,
    vocab,
)


@dataclass(slots=True)
class Candidate:
    """A number span: token offsets, value(s), qualifier and unit (see the module docstring).
    ``tally`` is what a vote tally's figure counts: (counted, head lemma, lemmas)."""

    start: int
    num_start: int
    end: int
    anchor_span: tuple[int, int]
    value: float
    value_max: float
    qualifier: str
    unit: str
    tally: tuple[str, str, str] | None = None


@dataclass(slots=True)
class Skip:
    """A span to jump over (a score "3-1"), or a vote tally's two figures."""

    end: int
    tally: list[Candidate] = field(default_factory=list)


def candidates(doc) -> list[Candidate]:
    """Raw number spans: token ranges with value, value_max, unit and qualifier."""
    v = vocab()
    out = []
    for sent in doc.sents:
        s0, s1 = sent.start, sent.end
        i = s0
        while i < s1:
            low = doc[i].lower_
            # vague plurals: "thousands of", "tens of thousands", "several hundred"
            if low in v["vague_plurals"] or (low == "tens" and i + 2 < s1):
                cand = _vague_candidate(doc, i, s0, s1)
                if cand:
                    out.append(cand)
                    i = cand.end
                    continue
            glued = _glued_range(doc, i, s0, s1)
            if glued:
                out.append(glued)
                i = glued.end
                continue
            j = take_run(doc, i, s1)
            if j == i:
                i += 1
                continue
            cand = _number_candidate(doc, i, j, s0, s1)
            if isinstance(cand, Candidate):
                out.append(cand)
            elif cand is not None:
                out.extend(cand.tally)  # a vote tally: votes for and against
            i = max(cand.end, j) if cand else j
    return out


def _glued_range(doc, i: int, s0: int, s1: int) -> Candidate | None:
    """A range written as one token: "3.2bn-$3.5bn", "5k-10k"."""
    m = GLUED_RANGE_RE.match(doc[i].text)
    if not m:
        return None
    a, b = digit_value(m.group(1)), digit_value(m.group(4))
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
    k, after = unit_after(doc, end, s1)
    if after:
        end, unit = k, unit or after
    if not unit and (m.group(2) or m.group(5)):
        unit = "%"
    if start > s0 and doc[start - 1].lower_ in ("between", "from"):
        start -= 1
    return _record(start, i, end, (i, i + 1), v1, v2, "range", unit)


def _record(start, num_start, end, anchor, value, value_max, qualifier, unit) -> Candidate:
    return Candidate(start, num_start, end, anchor, float(value), float(value_max), qualifier, unit)


def _vague_candidate(doc, i: int, s0: int, s1: int) -> Candidate | None:
    """ "thousands of", "tens of thousands", "hundreds": an order of magnitude, read as the
    range it names (thousands: 1,000 to 10,000)."""
    v = vocab()
    low = doc[i].lower_
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
        _k, unit = unit_after(doc, end + 1, s1)
        if unit not in v["currency_display"] and unit not in v["currency_words"].values():
            unit = ""
    return _record(i, i, end, (i, end), value, value * 10, "vague", unit)


def _number_candidate(doc, i: int, j: int, s0: int, s1: int) -> Candidate | Skip | None:
    """The figure a number run ``doc[i:j]`` starts: currency, unit, range, qualifier."""
    v = vocab()
    run = doc[i:j]
    value = run_value(run)
    if value is None:
        return None
    glued = run_reading(run)
    if glued.dollar_letters and not (i > s0 and doc[i - 1].text == "$"):
        return None  # "A380", "US55": letters before digits are a currency only after "$"
    c = {"start": i, "end": j, "value": value, "value_max": value, "qualifier": None}
    c["currency"] = glued.currency
    # vague: "several hundred", "a few thousand"
    if run[-1].lower_ in v["scales"] and len(run) == 1 and i > s0:
        if doc[i - 1].lower_ in v["vague_premodifiers"] and doc[i - 1].lower_ != "some":
            c["start"] = i - 1
            if doc[i - 1].lower_ == "few" and i - 2 >= s0 and doc[i - 2].lower_ == "a":
                c["start"] = i - 2
            c["qualifier"] = "vague"
    _currency_before(doc, c, s0)
    _money_scale(doc, c, run, s1)
    _minor_currency(doc, c, s1)
    k, unit1 = unit_after(doc, c["end"], s1)
    if not unit1 and c["start"] > s0 and doc[c["start"] - 1].lower_ in v["unit_before"]:
        unit1 = v["unit_before"][doc[c["start"] - 1].lower_]  # "magnitude 6.6"
    unit1 = unit1 or glued.unit
    if k > c["end"]:
        c["end"] = k
    skip = _range(doc, c, run, unit1, s0, s1)
    if skip:
        return skip
    k, unit2 = unit_after(doc, c["end"], s1)
    if unit2:
        c["end"] = k
    unit = c["currency"] or unit2 or c.get("unit2", "") or unit1
    if not c["currency"] and len(run) == 1 and SUFFIX_NUM_RE.match(run[0].text):
        # "3m-high wall", "a 37m skeleton": a suffix "m" without currency is metres
        suffix = SUFFIX_NUM_RE.match(run[0].text).group(2)
        nxt = doc[c["end"]] if c["end"] < s1 else None
        if suffix == "m" and not (nxt is not None and nxt.tag_ in ("NNS", "NNPS", "JJ")):
            c["value"], c["value_max"], unit = c["value"] / 1e6, c["value_max"] / 1e6, unit or "m"
    _sign_before(doc, c, s0)
    _ratio(doc, c, s1)
    _qualifier(doc, c, s0, s1, glued.qualifier)
    if c["qualifier"] not in ("range", "change", "vague"):
        c["value_max"] = c["value"]
    return _record(
        c["start"], i, c["end"], (i, j), c["value"], c["value_max"], c["qualifier"], unit
    )


def _currency_before(doc, c: dict, s0: int) -> None:
    """A currency symbol or code before the number ("$", "HK $", "USD")."""
    v = vocab()
    start = c["start"]
    if start > s0 and doc[start - 1].lower_ in v["currency_symbols"]:
        c["currency"] = c["currency"] or v["currency_symbols"][doc[start - 1].lower_]
        c["start"] = start - 1
        if start - 2 >= s0 and doc[start - 2].text in ("HK", "NZ", "A", "C", "S", "US"):
            code = {"HK": "HKD", "NZ": "NZD", "A": "AUD", "C": "CAD", "S": "SGD", "US": "USD"}
            c["currency"] = code[doc[start - 2].text]
            c["start"] = start - 2


def _range(doc, c: dict, run, unit1: str, s0: int, s1: int) -> Skip | None:
    """Extend ``c`` over a range or a change ("5-10", "from 240 to 273"); a span to skip
    (a score "3-1", a vote tally) or None."""
    v = vocab()
    end, start = c["end"], c["start"]
    if end >= s1:
        return None
    link = doc[end].lower_
    before = doc[start - 1].lower_ if start > s0 else ""
    if link == "-" and end + 1 < s1 and doc[end + 1].lower_ in v["scales"]:
        scale = v["scales"][doc[end + 1].lower_]  # "two-dozen", "three-hundred"
        c.update(value=c["value"] * scale, value_max=c["value"] * scale, end=end + 2)
        return None
    ok = link in RANGE_LINKS
    ok = ok or (link == "and" and before == "between")
    ok = ok or (link == "or" and end + 1 < s1 and is_num_token(doc[end + 1]))
    if not ok or end + 1 >= s1:
        return None
    rs = end + 1
    currency2 = ""
    if doc[rs].lower_ in v["currency_symbols"]:
        currency2 = v["currency_symbols"][doc[rs].lower_]
        rs += 1
    j2 = take_run(doc, rs, s1) if rs < s1 else rs
    if j2 <= rs:
        return None
    value2 = run_value(doc[rs:j2])
    if value2 is None:
        return None
    glued2 = run_reading(doc[rs:j2])
    currency2 = currency2 or glued2.currency
    _k, unit2 = unit_after(doc, j2, s1)
    unit2 = currency2 or unit2 or glued2.unit
    first_unit = c["currency"] or unit1
    if link == "to" and (
        (before == "by" and first_unit) or (first_unit and unit2 and first_unit != unit2)
    ):
        return None  # "by $43.6 billion to $419.2 billion", "9.4 per cent to $84"
    value = c["value"]
    scale2 = ends_with_scale(doc[rs:j2])
    if ends_with_scale(run) == 1 and scale2 > 1 and value * scale2 <= value2 * 1.0001:
        value *= scale2  # "33-35 billion"
    change = link == "to" and before == "from"
    if value2 > value or change:
        c.update(value=value, value_max=value2, end=j2, qualifier="change" if change else "range")
        if unit2 and not first_unit:
            c["unit2"] = unit2
        if before in ("between", "from"):
            c["start"] = start - 1
        return None
    if doc[end].text in ("-", "–") and not unit1 and not c["currency"]:
        skip = Skip(j2)  # scores and splits: "3-1", "50-50"
        if value >= value2 and _is_tally(doc, s0, s1):
            skip.tally = [
                _record(start, start, end, (start, end), value, value, "exact", ""),
                _record(rs, rs, j2, (rs, j2), value2, value2, "exact", ""),
            ]
            skip.tally[0].tally = ("votes in favour", "vote", "vote favour tally")
            skip.tally[1].tally = ("votes against", "vote", "vote against tally")
        return skip
    return None


def _is_tally(doc, s0: int, s1: int) -> bool:
    """A vote tally ("passed the bill 234-193", "voted 97-1"), not a sports score."""
    words = vocab()["tally_words"]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in doc[s0:s1])


def _money_scale(doc, c: dict, run, s1: int) -> None:
    """Suffix scale words for money, tokenised apart: "€3 m", "$2 bn", "USD10 m"."""
    v = vocab()
    end = c["end"]
    word = doc[end].lower_.rstrip(".") if end < s1 else ""  # "m." ending a sentence
    if word in v["suffix_scales"] and c["currency"]:
        factor = v["suffix_scales"][word]
        if ends_with_scale(run) == 1:
            c["value"] *= factor
            c["value_max"] = c["value_max"] * factor if c["qualifier"] else c["value"]
        c["end"] = end + 1


def _minor_currency(doc, c: dict, s1: int) -> None:
    """ "9 cents a share", "40 pence": money in a currency's hundredths, kept as written
    (value 9, unit "cent")."""
    end = c["end"]
    word = doc[end].lower_ if end < s1 else ""
    minor = vocab()["minor_currency_words"]
    if word in minor and not c["currency"]:
        c["currency"] = minor[word]
        c["end"] = end + 1


def _sign_before(doc, c: dict, s0: int) -> None:
    """ "minus 387": a negative number."""
    start = c["start"]
    if start > s0 and doc[start - 1].lower_ in ("minus", "negative") and c["value"] > 0:
        c["value"], c["value_max"] = -c["value"], -c["value_max"]
        c["start"] = start - 1


#: Totals of a share written "N in M" ("7 in 10 voters", "one in every five"): small
#: counts and powers of ten; "3 in 2016" or "won 2 in 45 minutes" are no shares.
SHARE_TOTALS = frozenset({*range(2, 13), 15, 20, 25, 50, 100, 1_000, 10_000, 100_000, 1_000_000})


def _ratio(doc, c: dict, s1: int) -> None:
    """ "one out of three", "7 in 10", "one in every five": the share (1/3, 0.7, 0.2)."""
    end = c["end"]
    if end + 2 < s1 and doc[end].lower_ == "out" and doc[end + 1].lower_ == "of":
        j2 = take_run(doc, end + 2, s1)
        total = run_value(doc[end + 2 : j2]) if j2 > end + 2 else None
        if total and total > c["value"]:
            c["value"] = c["value_max"] = c["value"] / total
            c["end"] = j2
        return
    if end + 1 < s1 and doc[end].lower_ == "in" and c["value"] == c["value_max"]:
        k = end + 2 if doc[end + 1].lower_ == "every" else end + 1
        j2 = take_run(doc, k, s1)
        total = run_value(doc[k:j2]) if j2 > k else None
        after = doc[j2] if j2 < s1 else None
        timed = after is not None and after.lemma_.lower() in vocab()["time_units"]
        if total in SHARE_TOTALS and 0 < c["value"] < total and not timed:
            c["value"] = c["value_max"] = c["value"] / total
            c["end"] = j2


def _qualifier(doc, c: dict, s0: int, s1: int, glued: str) -> None:
    """The qualifier written before ("more than", "about") or after ("or more") the figure,
    or glued to it ("~45", "sub-7")."""
    if c["qualifier"] is not None:
        return
    v = vocab()
    qstart, qual = match_before(doc, c["start"], s0, v["qualifier_seqs"])
    if qual and not _governs_noun_phrase(doc, qstart, c["start"]):
        c["qualifier"], c["start"] = qual, qstart
        return
    qend, qual = match_after(doc, c["end"], s1, v["suffix_seqs"])
    if qual:
        c["qualifier"], c["end"] = qual, qend
        return
    c["qualifier"] = glued or "exact"


#: One-word qualifiers that are also prepositions ("over 200" but "presided over two
#: briefings", "under one pretense").
PREPOSITION_QUALIFIERS = frozenset({"over", "under", "above", "below"})


def _governs_noun_phrase(doc, qstart: int, start: int) -> bool:
    """Is the qualifier word a preposition of the verb before it, taking the figure's
    noun phrase as its object? Yes after a verb that takes it as a preposition ("presided
    over two briefings": ``numbers.json`` ``preposition_verbs``), or when the parser
    attaches it to the word before as ``prep`` and the named-entity tagger leaves it out of
    the number's entity (which it takes in for "over $5 million", "above 5 percent")."""
    if start - qstart != 1 or doc[qstart].lower_ not in PREPOSITION_QUALIFIERS:
        return False
    word = doc[qstart]
    prev = doc[qstart - 1] if qstart > word.sent.start else None
    if prev is not None and prev.lemma_.lower() in vocab()["preposition_verbs"].get(
        word.lower_, ()
    ):
        return True  # "presided over two briefings", "served under three presidents"
    return word.dep_ == "prep" and word.head.i < word.i and not word.ent_type_
