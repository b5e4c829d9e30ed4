"""Number spans in a Doc: token ranges with value, value_max, unit and qualifier.

A candidate dict has ``_start``/``_end`` (tokens of the figure as written, qualifier and
unit included), ``_num_start``, ``_anchor_span`` (the number tokens), ``value``,
``value_max``, ``qualifier`` and ``unit``; ``_skip`` marks spans to jump over (scores).
"""

from __future__ import annotations

from lib.extract.numbers import (
    GLUED_RANGE_RE,
    RANGE_LINKS,
    SUFFIX_NUM_RE,
    digit_value,
    ends_with_scale,
    is_num_token,
    match_after,
    match_before,
    run_value,
    take_run,
    unit_after,
    vocab,
)


def candidates(doc) -> list[dict]:
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
            j = take_run(doc, i, s1)
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
        k, unit = unit_after(doc, end + 1, s1)
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
    value = run_value(run1)
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
    k, unit1 = unit_after(doc, end, s1)
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
    elif end < s1 and doc[end].lower_ == "or" and end + 1 < s1 and is_num_token(doc[end + 1]):
        range_start = end + 1
    if range_start is not None and range_start < s1:
        rs = range_start
        if doc[rs].lower_ in v["currency_symbols"]:
            rs += 1
        j2 = take_run(doc, rs, s1) if rs < s1 else rs
        if j2 > rs:
            value2 = run_value(doc[rs:j2])
            if value2 is not None:
                scale2 = ends_with_scale(doc[rs:j2])
                if ends_with_scale(run1) == 1 and scale2 > 1 and value * scale2 <= value2 * 1.0001:
                    value *= scale2
                if value2 > value:
                    value_max = value2
                    end = j2
                    qualifier = "range"
                    if start > s0 and doc[start - 1].lower_ in ("between", "from"):
                        start -= 1
                elif doc[range_start - 1].text in ("-", "–") and not unit1 and not currency:
                    return {"_skip": True, "_end": j2}  # scores and splits: "3-1", "50-50"
    k, unit2 = unit_after(doc, end, s1)
    if unit2:
        end = k
    unit = unit2 or unit1
    if currency:
        unit = currency
    # suffix scale words for money: "€3 m", "$2 bn" (tokenised apart)
    if end < s1 and doc[end].lower_ in v["suffix_scales"] and currency:
        factor = v["suffix_scales"][doc[end].lower_]
        if ends_with_scale(run1) == 1:
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
        qstart, qual = match_before(doc, start, s0, v["qualifier_seqs"])
        if qual:
            qualifier = qual
            start = qstart
            # "estimated at over" -> keep nearest, include the rest in text only if adjacent
        else:
            qend, qual = match_after(doc, end, s1, v["suffix_seqs"])
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
