"""Scoring functions of the accuracy benchmark (pure Python; no spaCy, no project imports).

``benchmarks/accuracy.py`` runs the project's extraction on the development sets and
scores it with these functions; ``tests/benchmarks/test_scoring.py`` checks them on tiny
hand-made cases. Every definition used in the report lives here, next to its code.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

# ----------------------------------------------------------------------------- general

QUOTE_CHARS = "\"“”‘’'«»„"
OPEN_QUOTES = "\"“‘'«„"
CLOSE_QUOTES = "\"”’'»“"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
STOPWORDS = frozenset(
    """a an the of and or to in on at for by with from as that this these those his her
    their its our my your s mr mrs ms dr sen rep gov jr sr ii iii""".split()
)
PRONOUNS = frozenset("he she they him her them i we it you his hers their its me us who".split())


# ----------------------------------------------------------------------------- parts

#: The two parts of every set (``../shared/eval/README.md``): rules are tuned on ``tune``;
#: ``check`` is only measured.
PARTS = ("tune", "check")


def basil_part(event: str) -> str:
    """BASIL events whose folder's uuid part starts with 0-4 are tuned on, 5-9 checked."""
    uuid = event.split("_", 1)[-1]
    return "tune" if uuid[:1] in "01234" else "check"


def newsquant_part(index: int) -> str:
    """NewsQuant entries at even positions are tuned on, odd positions checked."""
    return "tune" if index % 2 == 0 else "check"


#: PolNeAR folder of each part: train is tuned on, dev checked.
POLNEAR_FOLDERS = {"tune": "polnear-train", "check": "polnear-dev"}


def words(text: str) -> list[str]:
    """Lower-case word tokens, curly apostrophes made straight."""
    return [w.replace("’", "'") for w in _WORD.findall((text or "").lower())]


def content_words(text: str) -> set[str]:
    """Words of ``text`` without stop words, possessive ``'s`` cut ("Obama's" -> "obama")."""
    out = set()
    for w in words(text):
        w = re.sub(r"'s$", "", w)
        if w and w not in STOPWORDS:
            out.add(w)
    return out


def prf(correct_pred: int, n_pred: int, correct_gold: int, n_gold: int) -> dict[str, float]:
    """Precision (correct predictions / predictions), recall (found gold / gold), F1."""
    p = correct_pred / n_pred if n_pred else 0.0
    r = correct_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


class OffsetMap:
    """Map character offsets of a raw file to offsets in the text the project analysed.

    The project's reader may drop furniture lines and re-join paragraphs, so offsets shift;
    the map aligns both strings with difflib and maps a raw offset inside a matching block
    to the same character in the analysed text (None when the character was dropped).
    """

    def __init__(self, raw: str, text: str):
        sm = difflib.SequenceMatcher(None, raw, text, autojunk=False)
        self.blocks = [b for b in sm.get_matching_blocks() if b.size]

    def to_text(self, i: int) -> int | None:
        for a, b, size in self.blocks:
            if a <= i < a + size:
                return b + (i - a)
        return None

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The analysed-text span of raw ``[start, end)`` (first and last mapped chars)."""
        lo = next((x for x in (self.to_text(i) for i in range(start, end)) if x is not None), None)
        hi = next(
            (x for x in (self.to_text(i) for i in range(end - 1, start - 1, -1)) if x is not None),
            None,
        )
        if lo is None or hi is None or hi < lo:
            return None
        return lo, hi + 1


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ----------------------------------------------------------------------------- quotes


@dataclass
class BratSpan:
    id: str
    label: str
    spans: list[tuple[int, int]]
    text: str

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def parse_brat(ann: str) -> tuple[dict[str, BratSpan], list[dict[str, str]]]:
    """Brat standoff: ``T`` spans (possibly discontinuous ``a b;c d``) and ``E`` relations
    (role -> span id, e.g. ``{"Content": "T3", "Source": "T1", "Cue": "T2"}``)."""
    spans: dict[str, BratSpan] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, ranges = parts[1].partition(" ")
            rng = [tuple(int(x) for x in r.split()) for r in ranges.split(";") if r.strip()]
            spans[parts[0]] = BratSpan(parts[0], label, rng, parts[2] if len(parts) > 2 else "")
        elif parts[0].startswith("E"):
            roles = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                roles[role] = ref
            events.append(roles)
    return spans, events


def quoted_text(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The words inside quotation marks of a Content span, or None when it is not a direct
    quote.

    A direct quote: the content's joined text, stripped of spaces, starts with an opening
    mark (or the character before it is one) and ends with a closing mark (or the character
    after it is one, possibly after sentence punctuation). Parts between the marks are kept;
    the reporting clause of a split quote is outside the annotated parts already.
    """
    joined = " ".join(text[s:e] for s, e in spans).strip()
    if not joined:
        return None
    start, end = spans[0][0], spans[-1][1]
    before = text[:start].rstrip()[-1:] if text[:start].rstrip() else ""
    after = text[end:].lstrip()[:1]
    opens = joined[0] in OPEN_QUOTES or before in OPEN_QUOTES
    tail = joined.rstrip(".,;:!?—– ")
    closes = joined[-1] in CLOSE_QUOTES or (tail and tail[-1] in CLOSE_QUOTES)
    closes = closes or after in CLOSE_QUOTES
    if not (opens and closes):
        return None
    inner = "".join(ch if ch not in QUOTE_CHARS or ch == "'" else " " for ch in joined)
    return " ".join(inner.split())


def is_pronoun(source: str) -> bool:
    ws = words(source)
    return len(ws) == 1 and ws[0] in PRONOUNS


LEADING = frozenset("the a an another this that these those his her their its our my".split())


def is_named(source: str) -> bool:
    """Does a source name someone? Its first segment ("Rep. Jane Roe" of "Rep. Jane Roe
    (D-N.Y.), head of X") ends in a capitalised word: "Mrs. Clinton", "House Speaker Paul
    Ryan" yes; "The Republican nominee", "the party's rules", "which" no."""
    first = re.split(r"[,(]", source or "", maxsplit=1)[0].split()
    while first and first[0].lower() in LEADING:
        first = first[1:]
    return bool(first) and first[-1][:1].isupper() and not is_pronoun(source)


@dataclass
class GoldQuote:
    """One gold direct quote of a PolNeAR document."""

    doc: str
    quote: str
    source: str  # as annotated ("" when the attribution has no source)
    source_start: int = -1
    kind: str = ""  # "named" (named or described source) | "pronoun" | "" (no source)
    resolved: str = ""  # the source compared with the system's speaker
    tokens: Counter = field(default_factory=Counter)
    resolved_nearest: str = ""  # the old convention: the nearest named source, any gender


def gold_quotes(doc: str, text: str, ann: str) -> list[GoldQuote]:
    """Direct quotes of one PolNeAR document with their (pronoun-resolved) sources.

    A pronoun source ("he said") is resolved to the nearest earlier *named* Source span of
    the same document (in text order; see :func:`is_named`) whose gender, as the gold text
    tells it (:func:`gold_source_genders`), is not the other one: "she" skips "Mr. Roe".
    ``resolved_nearest`` keeps the nearest one whatever its gender (the old convention).
    """
    spans, events = parse_brat(ann)
    sources = sorted(
        (s for s in spans.values() if s.label == "Source" and is_named(s.text)),
        key=lambda s: s.start,
    )
    genders = gold_source_genders(text, sources)
    out = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if content is None:
            continue
        quote = quoted_text(text, content.spans)
        if quote is None:
            continue
        src = spans.get(ev.get("Source", ""))
        g = GoldQuote(doc=doc, quote=quote, source=src.text if src else "")
        if src is not None and words(src.text) in (["who"], ["which"], ["that"]):
            src = None  # a relative pronoun: its antecedent is syntax, not the nearest source
        if src is not None:
            g.source_start = src.start
            if is_pronoun(src.text):
                g.kind = "pronoun"
                earlier = [s for s in sources if s.start < src.start]
                g.resolved = resolve_pronoun(words(src.text)[0], earlier, genders)
                g.resolved_nearest = earlier[-1].text if earlier else ""
            else:
                g.kind = "named"
                g.resolved = g.resolved_nearest = src.text
        g.tokens = Counter(words(quote))
        out.append(g)
    return out


@dataclass
class GoldPronoun:
    """A he/she Source of any PolNeAR attribution (quoted or not), resolved like
    :func:`gold_quotes` resolves a quote's pronoun source."""

    start: int
    end: int
    pronoun: str
    resolved: str
    quoted: bool = False  # the source of a direct quote


def gold_pronoun_sources(text: str, ann: str) -> list[GoldPronoun]:
    """Every attribution Source of one document that is "he"/"she" (any case), with the
    nearest earlier named Source (:func:`is_named`) not of the other gender
    (:func:`resolve_pronoun`) as the person it stands for; one entry per Source span."""
    spans, events = parse_brat(ann)
    named = sorted(
        (s for s in spans.values() if s.label == "Source" and is_named(s.text)),
        key=lambda s: s.start,
    )
    genders = gold_source_genders(text, named)
    found: dict[str, GoldPronoun] = {}
    for ev in events:
        src = spans.get(ev.get("Source", ""))
        if src is None or words(src.text) not in (["he"], ["she"]):
            continue
        content = spans.get(ev.get("Content", ""))
        quoted = content is not None and quoted_text(text, content.spans) is not None
        earlier = [s for s in named if s.start < src.start]
        if earlier and src.id not in found:
            pronoun = words(src.text)[0]
            found[src.id] = GoldPronoun(
                src.start, src.end, pronoun, resolve_pronoun(pronoun, earlier, genders)
            )
        if src.id in found and quoted:
            found[src.id].quoted = True
    return sorted(found.values(), key=lambda g: g.start)


#: Courtesy titles and nouns that tell the gender of the person a gold source names.
GOLD_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
GOLD_GENDERED = {
    **dict.fromkeys(
        "woman wife mother daughter sister grandmother widow actress queen princess girl "
        "lady".split(),
        "f",
    ),
    **dict.fromkeys(
        "man husband father son brother grandfather widower actor king prince boy".split(), "m"
    ),
}
_CAP_WORD = re.compile(r"[A-Z][a-zA-Z'’-]+")
_PRONOUN_GENDER = {"he": "m", "she": "f"}


def _clear_given_name(word: str) -> str | None:
    """Male ("m") or female ("f") when ``gender-guesser``'s dictionary reads ``word`` as a
    clearly male or female given name, also in US usage ("Hillary" f; "Jan", "Kim" None)."""
    import gender_guesser.detector as gd

    global _DETECTOR
    if _DETECTOR is None:
        _DETECTOR = gd.Detector(case_sensitive=False)
    sex = {"male": "m", "female": "f"}.get(_DETECTOR.get_gender(word))
    us = _DETECTOR.get_gender(word, "usa")
    us = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(us)
    return sex if sex and us in (None, sex) else None


_DETECTOR = None


def _name_part(source: str) -> str:
    """A source's first segment ("Rep. Jane Roe" of "Rep. Jane Roe (D-N.Y.), head of X")."""
    return re.split(r"[,(]", source, maxsplit=1)[0]


def gold_source_gender(before: str, source: str) -> str | None:
    """The gender a gold Source span tells by its own words, or None (unknown or mixed): a
    courtesy title in it or right before it ("Mr." of "Mr. Roe"), a gendered noun in it
    ("spokeswoman", "his wife"), or a clear given name before its last name word."""
    votes = set()
    before_words = re.findall(r"[A-Za-z]+\.?", before[-6:])
    for w in before_words[-1:] + re.findall(r"[A-Za-z]+\.?", _name_part(source)):
        if w.lower().rstrip(".") in GOLD_HONORIFICS:
            votes.add(GOLD_HONORIFICS[w.lower().rstrip(".")])
    for w in re.findall(r"[a-z]+", source):
        sex = "f" if w.endswith(("woman", "women")) else GOLD_GENDERED.get(w)
        if sex:
            votes.add(sex)
    caps = [w for w in _CAP_WORD.findall(_name_part(source)) if w.lower() not in GOLD_HONORIFICS]
    for w in caps[-3:-1]:  # the one or two words before the last name
        sex = _clear_given_name(w)
        if sex:
            votes.add(sex)
    return votes.pop() if len(votes) == 1 else None


def _last_name(source: str) -> str:
    caps = _CAP_WORD.findall(_name_part(source))
    return re.sub(r"['’]s$", "", caps[-1]) if caps else ""


def gold_source_genders(text: str, sources: list[BratSpan]) -> dict[str, str | None]:
    """Span id -> gender of each named gold Source, read from the gold text alone (never
    from the system's extraction): its own words (:func:`gold_source_gender`), else, for a
    source of one capitalised word ("Roe"), what the document's other sources with that
    last name agree on ("Mrs. Roe" and "Jane Roe": f; "Mr. Roe" and "Mrs. Roe": None)."""
    own = {s.id: gold_source_gender(text[: s.start], s.text) for s in sources}
    by_name: dict[str, set[str]] = {}
    for s in sources:
        if own[s.id]:
            by_name.setdefault(_last_name(s.text), set()).add(own[s.id])
    out = {}
    for s in sources:
        sex = own[s.id]
        if sex is None and len(_CAP_WORD.findall(_name_part(s.text))) == 1:
            known = by_name.get(_last_name(s.text), set())
            sex = next(iter(known)) if len(known) == 1 else None
        out[s.id] = sex
    return out


def resolve_pronoun(pronoun: str, earlier: list[BratSpan], genders: dict) -> str:
    """The gold person a pronoun source stands for: the nearest earlier named source not of
    the other gender (a he/she; any for "they", "it", ...), else the nearest one."""
    if not earlier:
        return ""
    want = _PRONOUN_GENDER.get(pronoun)
    for src in reversed(earlier):
        if want is None or genders.get(src.id) in (None, want):
            return src.text
    return earlier[-1].text


def containment(a: Counter, b: Counter) -> float:
    """Share of ``a``'s tokens (as a multiset) that ``b`` also has."""
    n = sum(a.values())
    return sum((a & b).values()) / n if n else 0.0


#: A system quote and a gold quote match when at least this share of the shorter one's
#: words is in the other (normalised text overlap, never offsets), and the shorter one has
#: at least MIN_MATCH_WORDS words or covers MIN_COVER of the longer one.
MATCH_SHARE = 0.6
MIN_MATCH_WORDS = 3
MIN_COVER = 0.3


def quotes_match(sys_tokens: Counter, gold_tokens: Counter) -> float:
    """Match score in [0, 1] (0 = no match): the containment of the shorter in the longer."""
    ns, ng = sum(sys_tokens.values()), sum(gold_tokens.values())
    if not ns or not ng:
        return 0.0
    short, long_ = (sys_tokens, gold_tokens) if ns <= ng else (gold_tokens, sys_tokens)
    share = containment(short, long_)
    n_short, n_long = min(ns, ng), max(ns, ng)
    if share < MATCH_SHARE:
        return 0.0
    if n_short < MIN_MATCH_WORDS and n_short / n_long < MIN_COVER:
        return 0.0
    return share * min(1.0, n_short / n_long + 0.5)


def _names(text: str) -> set[str]:
    """Capitalised words of a source ("Rep. G.K. Butterfield" -> {"butterfield", "g.k"})."""
    out = set()
    for w in re.findall(r"[A-Z][\w.'’-]*", text or ""):
        w = re.sub(r"['’]s$", "", w.lower()).strip(".")
        if w and w not in STOPWORDS and len(w) > 1:
            out.add(w)
    return out


def speaker_correct(system: str, gold: str) -> bool:
    """Is the system's speaker the gold source?

    Only the gold source's first segment counts ("Rep. Jane Roe (D-N.Y.), head of X" ->
    "Rep. Jane Roe"). A named source (its last word capitalised) needs a shared name word
    ("Hillary Clinton" ~ "Mrs. Clinton"). A described source ("U.S. officials", "a senior
    aide") needs a shared content word, and when both sides hold capitalised words, one of
    those too ("Clinton campaign" is not "the Trump campaign"). Empty on either side is wrong.
    """
    if not system or not gold:
        return False
    gold = re.split(r"[,(]", gold, maxsplit=1)[0].strip() or gold
    last = words(gold)[-1:] or [""]
    gold_caps, sys_caps = _names(gold), _names(system)
    named = bool(re.search(r"[A-Z]", gold.split()[-1][:1])) and last[0] not in PRONOUNS
    if named:
        return bool(gold_caps & (sys_caps | content_words(system)))
    if not content_words(system) & content_words(gold):
        return False
    return not (gold_caps and sys_caps) or bool(gold_caps & sys_caps)


# ----------------------------------------------------------------------------- figures

#: NewsQuant ``change`` -> project qualifier. "up"/"down" are changes stated exactly
#: ("rose 8%"): they count as exact for the value+qualifier measure.
CHANGE_TO_QUALIFIER = {"=": "exact", "~": "approx", ">": "at_least", "<": "at_most"}
CHANGE_TO_QUALIFIER.update({"up": "exact", "down": "exact"})
REL_TOL = 1e-6


def parse_gold_value(value: str) -> tuple[float, float] | None:
    """NewsQuant value string -> (low, high): "3100000" -> (3100000, 3100000);
    "750000.0-1000000.0" -> (750000, 1000000); "3.0 - 4.0" -> (3, 4)."""
    s = str(value).strip().replace(",", "")
    m = re.fullmatch(r"(-?[\d.eE+]+)\s*-\s*(-?[\d.eE+]+)", s)
    try:
        if m:
            return float(m.group(1)), float(m.group(2))
        v = float(s)
    except ValueError:
        return None
    return v, v


def same_number(a: float, b: float) -> bool:
    return abs(a - b) <= REL_TOL * max(1.0, abs(a), abs(b))


def value_matches(system: tuple[float, float], gold: tuple[float, float]) -> bool:
    """Same value (ranges: same low and high end)."""
    return same_number(system[0], gold[0]) and same_number(system[1], gold[1])


def match_figures(system: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one value matching inside one sentence: (system index, gold index).

    ``system`` dicts need ``value``, ``value_max``; ``gold`` dicts NewsQuant's ``value``.
    Earlier system figures pick first; each gold quantity matches once.
    """
    used: set[int] = set()
    pairs = []
    for i, fig in enumerate(system):
        sv = (float(fig["value"]), float(fig.get("value_max", fig["value"])))
        for j, q in enumerate(gold):
            if j in used:
                continue
            gv = parse_gold_value(q["value"])
            if gv is not None and value_matches(sv, gv):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def qualifier_matches(system_qualifier: str, gold_change: str, gold_is_range: bool) -> bool:
    want = CHANGE_TO_QUALIFIER.get(gold_change, "exact")
    # NewsQuant writes ranges, orders of magnitude ("thousands" = 1000-10000) and from-to
    # changes ("from 4.8 to 4.7") as a value range with change "=": the system says so with
    # its qualifier range / vague / change
    if system_qualifier in ("range", "change", "vague") and gold_is_range:
        return want == "exact"
    if system_qualifier == "vague":
        return want == "approx"
    return system_qualifier == want


def concept_matches(counted: str, concept: str) -> bool:
    """Partial overlap of what is counted: gold "-" (nothing) matches an empty ``counted``;
    else at least one shared content word (case-insensitive, simple plural folded)."""
    concept = (concept or "").strip()
    if concept in ("", "-"):
        return not (counted or "").strip()

    def fold(ws: set[str]) -> set[str]:
        return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in ws}

    return bool(fold(content_words(counted)) & fold(content_words(concept)))


# ----------------------------------------------------------------------------- BASIL people


def person_unified(per_outlet_entities: dict[str, list[str]]) -> bool:
    """One gold person comes out as ONE canonical entity across outlets.

    ``per_outlet_entities``: for each outlet naming the person, the system's canonical entity
    of every gold mention the system tagged ("" = not tagged as an entity, ignored). Unified
    when the tagged mentions carry one entity and come from at least two outlets.
    """
    tagged = {o: [e for e in ents if e] for o, ents in per_outlet_entities.items()}
    outlets = [o for o, ents in tagged.items() if ents]
    if len(outlets) < 2:
        return False
    names = {e for ents in tagged.values() for e in ents}
    return len(names) == 1


# ----------------------------------------------------------------------------- BASIL names

#: Gold name types, grouped as the report shows them.
NAME_GROUPS = {"ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


def name_hit(system: list[tuple[int, int, str]], gold: tuple[int, int]) -> str:
    """The system entity of one gold organisation or place mention, or "".

    ``system``: (start, end, entity) of the system's mentions in the same article. A system
    mention counts when it overlaps the gold span and reaches at most one character beyond
    it on either side: a mention of a longer name ("House Democrats", a group, for gold
    "House") tags another thing and leaves this mention untagged.
    """
    for s, e, ent in system:
        if s < gold[1] and gold[0] < e and s >= gold[0] - 1 and e <= gold[1] + 1:
            return ent
    return ""


def one_entity_rates(results: dict[str, list[bool]]) -> dict[str, float | None]:
    """Share of unified things per group (``results``: group -> one bool per gold thing
    named by 2+ outlets), plus ``all`` over every group."""
    out: dict[str, float | None] = {}
    every = [ok for oks in results.values() for ok in oks]
    for group, oks in results.items():
        out[group] = round(sum(oks) / len(oks), 4) if oks else None
    out["all"] = round(sum(every) / len(every), 4) if every else None
    return out


def merged_entities(hits: dict[str, set[str]]) -> list[str]:
    """System entities that carry mentions of two or more different gold things (``hits``:
    system entity -> the gold things whose mentions it tags)."""
    return sorted(ent for ent, things in hits.items() if len(things) > 1)


# ----------------------------------------------------------------------------- BASIL claims


def claim_pairs(groups: dict[str, list[tuple[str, int]]]) -> set[frozenset]:
    """Cross-outlet pairs of items grouped together: ``groups`` maps a claim id to its
    items ``(outlet, item id)``; a pair is two items of different outlets in one claim."""
    pairs = set()
    for items in groups.values():
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if a[0] != b[0]:
                    pairs.add(frozenset((a, b)))
    return pairs


def claim_scores(
    system_groups: dict[str, list[tuple[str, int]]],
    gold_of: dict[tuple[str, int], str],
    gold_groups: dict[str, list[tuple[str, int]]],
) -> dict[str, float]:
    """Claim-grouping precision/recall over cross-outlet figure pairs.

    ``system_groups``: system claim id -> its figures ``(outlet, figure id)``; ``gold_of``:
    system figure -> the gold claim it matches (figures matching none are absent);
    ``gold_groups``: gold claim id -> gold figures ``(outlet, gold figure id)``.
    Precision: share of the system's cross-outlet pairs whose two figures match the same gold
    claim (a figure matching no gold claim makes the pair wrong: the gold lists every figure
    two outlets share). Recall: share of gold cross-outlet pairs of measurements whose two
    outlets both have a system figure matching that gold claim in one system claim.
    """
    sys_pairs = claim_pairs(system_groups)
    good = sum(
        1
        for pair in sys_pairs
        if len({gold_of.get(x) for x in pair}) == 1 and gold_of.get(next(iter(pair)))
    )
    # recall over gold (claim, outlet-pair) units
    claim_of_system = {f: cid for cid, items in system_groups.items() for f in items}
    gold_units = found = 0
    for gid, items in gold_groups.items():
        outlets = sorted({o for o, _ in items})
        mine = [f for f, g in gold_of.items() if g == gid]
        for i, oa in enumerate(outlets):
            for ob in outlets[i + 1 :]:
                gold_units += 1
                ca = {claim_of_system.get(f) for f in mine if f[0] == oa} - {None}
                cb = {claim_of_system.get(f) for f in mine if f[0] == ob} - {None}
                found += bool(ca & cb)
    return prf(good, len(sys_pairs), found, gold_units) | {
        "system_pairs": len(sys_pairs),
        "gold_pairs": gold_units,
    }


def claim_coverage(
    gold_spans: list[tuple[str, tuple[int, int], str]],
    fig_spans: list[tuple[str, tuple[int, int]]],
    gold_of: dict[tuple[str, int], str],
    gold_groups: dict[str, list[tuple[str, int]]],
) -> dict[str, int]:
    """How much of the claim gold the figure reading gives grouping to work with (sum over
    events): ``gold_figures`` / ``gold_figures_read`` (gold figures a system figure
    overlaps) and ``units_readable``: the recall units of :func:`claim_scores` whose two
    outlets both have a system figure matching the gold claim, so grouping recall can be
    read against its ceiling (missed units above it are reading, below it grouping)."""
    read = sum(
        any(o == outlet and overlaps(s, span) for o, s in fig_spans)
        for outlet, span, _cid in gold_spans
    )
    readable = 0
    for gid, items in gold_groups.items():
        outlets = sorted({o for o, _ in items})
        have = {x[0] for x, g in gold_of.items() if g == gid}
        for i, oa in enumerate(outlets):
            readable += sum(oa in have and ob in have for ob in outlets[i + 1 :])
    return {"gold_figures": len(gold_spans), "gold_figures_read": read, "units_readable": readable}


# ----------------------------------------------------------------------------- BASIL verdicts

#: The verdicts of the claim gold (``"verdict"`` of each gold claim).
VERDICTS = ("agree", "differ", "conflict")


def gold_holder(holder: str) -> str:
    """Comparable form of a gold ``holder``: lower case, words only, a bracketed note and a
    leading article dropped ("the Senate (H.R. 1 vote)" -> "senate")."""
    text = re.sub(r"\([^)]*\)", " ", holder or "")
    ws = [re.sub(r"'s$", "", w) for w in words(text)]
    while ws and ws[0] in ("the", "a", "an"):
        ws = ws[1:]
    return " ".join(ws)


def _claim_golds(items, gold_of) -> set:
    return {gold_of[x] for x in items if x in gold_of}


def claim_verdicts(
    system: dict[str, dict],
    gold_of: dict[tuple[str, int], str],
    gold: dict[str, dict],
    distinct: list[tuple[set, set, str]] = (),
) -> dict[str, int]:
    """Counts behind the verdict measures of the claims (sum them over events).

    ``system``: claim id -> ``{"status": ..., "items": [(outlet, figure id), ...]}``;
    ``gold_of``: system figure -> the gold claim it matches; ``gold``: gold claim id ->
    ``{"verdict": "agree"|"differ"|"conflict", "holder": str, "outlets": set}``;
    ``distinct``: (system figures of side a, of side b, why) for each gold pair of
    figures that must not be in one claim.

    - ``agree_claims`` / ``agree_correct``: system claims with status ``agree`` whose
      figures come from 2+ outlets; correct when every figure matches one and the same
      gold claim (a figure matching none makes it wrong) and that claim's verdict is agree;
    - ``conflicts`` / ``conflicts_true`` / ``conflicts_gold_agree``: claims with status
      ``conflict``; true when their gold-matched figures, from 2+ outlets, all belong to
      one gold claim whose verdict is conflict; *gold agree* when that one claim's verdict
      is agree (the gold says the outlets agree: never acceptable);
    - ``differs`` / ``differs_true``: the same for status ``differ`` (true: verdict differ
      or conflict);
    - ``with_distinct``: system claims holding both sides of a gold ``distinct`` pair;
    - ``mixed_holders``: system claims holding figures of gold claims whose holders differ
      (:func:`gold_holder`, both non-empty) or both sides of a "different holder" pair;
    - ``verdicts_found`` / ``verdicts_right``: gold claims whose figures from 2+ outlets
      share a system claim, and those where that claim's status is the gold verdict;
      ``hard_found`` / ``hard_right`` the same for verdicts differ and conflict.
    """
    out = dict.fromkeys(
        "agree_claims agree_correct conflicts conflicts_true conflicts_gold_agree differs "
        "differs_true with_distinct mixed_holders verdicts_found verdicts_right hard_found "
        "hard_right".split(),
        0,
    )
    for claim in system.values():
        items, status = claim["items"], claim["status"]
        outlets = {o for o, _ in items}
        golds = _claim_golds(items, gold_of)
        matched_outlets = {x[0] for x in items if x in gold_of}
        one = next(iter(golds)) if len(golds) == 1 else None
        verdict = gold[one]["verdict"] if one in gold else ""
        if status == "agree" and len(outlets) >= 2:
            out["agree_claims"] += 1
            out["agree_correct"] += bool(
                one and all(x in gold_of for x in items) and verdict == "agree"
            )
        if status in ("conflict", "differ"):
            key = "conflicts" if status == "conflict" else "differs"
            out[key] += 1
            sure = one is not None and len(matched_outlets) >= 2
            if status == "conflict":
                out["conflicts_true"] += sure and verdict == "conflict"
                out["conflicts_gold_agree"] += sure and verdict == "agree"
            else:
                out["differs_true"] += sure and verdict in ("differ", "conflict")
        members = set(items)
        holders = {gold_holder(gold[g].get("holder", "")) for g in golds if g in gold} - {""}
        mixed, apart = len(holders) > 1, False
        for side_a, side_b, why in distinct:
            if members & side_a and members & side_b:
                apart = True
                mixed = mixed or why == "different holder"
        out["with_distinct"] += apart
        out["mixed_holders"] += mixed
    claim_of = {x: cid for cid, claim in system.items() for x in claim["items"]}
    for gid, g in gold.items():
        mine = [x for x, c in gold_of.items() if c == gid and x in claim_of]
        by_claim: dict[str, set] = {}
        for x in mine:
            by_claim.setdefault(claim_of[x], set()).add(x[0])
        shared = [cid for cid, outlets in by_claim.items() if len(outlets) >= 2]
        if not shared:
            continue
        best = max(shared, key=lambda cid: (len(by_claim[cid]), cid))
        right = system[best]["status"] == g["verdict"]
        out["verdicts_found"] += 1
        out["verdicts_right"] += right
        if g["verdict"] != "agree":
            out["hard_found"] += 1
            out["hard_right"] += right
    return out


# ----------------------------------------------------------------------------- BASIL facts


def statement_units(
    system: list[tuple[str, tuple[int, int], object]],
    gold: list[tuple[str, tuple[int, int]]],
) -> list[object]:
    """The unit each system statement is scored as.

    ``system``: ``(outlet, (start, end), own key)`` per system statement, offsets in the
    analysed text; ``gold``: ``(outlet, (start, end))`` of every gold statement, mapped to
    the same text. A system statement (a sentence or a clause of one) is the gold statement
    of its outlet it overlaps most, as ``(outlet, start, end)``; one that overlaps none keeps
    ``(outlet, own key)``, so two clauses of one sentence are one unit either way.
    """
    by_outlet: dict[str, list[tuple[int, int]]] = {}
    for outlet, span in gold:
        by_outlet.setdefault(outlet, []).append(span)
    units: list[object] = []
    for outlet, (start, end), key in system:
        best, best_overlap = None, 0
        for g_start, g_end in by_outlet.get(outlet, []):
            overlap = min(end, g_end) - max(start, g_start)
            if overlap > best_overlap:
                best, best_overlap = (outlet, g_start, g_end), overlap
        units.append(best if best is not None else (outlet, key))
    return units


def fact_pairs(facts: list[list[tuple[str, object]]]) -> set[frozenset]:
    """Cross-outlet statement pairs of facts (de-duplicated over facts): ``facts`` lists,
    per fact, its statements as ``(outlet, unit)``; a pair is two units of different
    outlets in one fact."""
    pairs: set[frozenset] = set()
    for fact in facts:
        items = sorted(set(fact), key=repr)
        for i, (outlet_a, a) in enumerate(items):
            for outlet_b, b in items[i + 1 :]:
                if outlet_a != outlet_b:
                    pairs.add(frozenset(((outlet_a, a), (outlet_b, b))))
    return pairs


def fact_pair_counts(
    system_facts: list[list[tuple[str, object]]], gold_facts: list[list[tuple[str, object]]]
) -> dict[str, int]:
    """Pair counts of one event: ``system`` and ``gold`` cross-outlet pairs and the
    ``correct`` ones (in both). Sum them over events, then :func:`prf`."""
    system, gold = fact_pairs(system_facts), fact_pairs(gold_facts)
    return {"system": len(system), "gold": len(gold), "correct": len(system & gold)}


def inf_recall_lift(statements: list[dict]) -> dict[str, float]:
    """The informational-span measures over statements of one or more events.

    ``statements``: one dict per system statement with ``inf`` (number of BASIL ``inf``
    spans it holds), ``outlets`` (outlets reporting its fact), ``all`` (outlets of its
    event). *Recall*: share of ``inf`` spans in statements whose fact is reported by fewer
    than all outlets. *Lift*: share of "only in this outlet" statements (``outlets == 1``)
    holding an ``inf`` span, over that share among all statements.
    """
    spans = sum(s["inf"] for s in statements)
    partial = sum(s["inf"] for s in statements if s["outlets"] < s["all"])
    only = [s for s in statements if s["outlets"] == 1]
    base = sum(1 for s in statements if s["inf"]) / len(statements) if statements else 0.0
    only_rate = sum(1 for s in only if s["inf"]) / len(only) if only else 0.0
    return {
        "inf_spans": spans,
        "inf_recall": round(partial / spans, 4) if spans else 0.0,
        "inf_lift": round(only_rate / base, 4) if base else 0.0,
        "only_statements": len(only),
        "statements": len(statements),
    }


def lex_hits(spans: list[str], terms: list[str]) -> int:
    """How many ``spans`` (text of BASIL ``lex`` spans) contain one of ``terms`` as a word
    (case-insensitive; a phrase of several words counts when its words appear in order)."""
    hits = 0
    targets = [t.lower().split() for t in terms if t.strip()]
    for span in spans:
        tokens = words(span)
        for target in targets:
            n = len(target)
            if any(tokens[i : i + n] == target for i in range(len(tokens) - n + 1)):
                hits += 1
                break
    return hits


def locate_span(raw: str, text: str, offset: int) -> int | None:
    """Where a BASIL span (its text, and ``offset``: its start within its sentence) starts
    in the raw file: the occurrence of ``text`` that lies ``offset`` characters after a line
    start or a sentence end, else the first occurrence; None when the text is absent."""
    if not text:
        return None
    found = [m.start() for m in re.finditer(re.escape(text), raw)]
    if not found:
        return None
    for start in found:
        anchor = start - offset
        if anchor == 0 or (anchor > 0 and raw[anchor - 1] == "\n"):
            return start
        if anchor > 1 and raw[anchor - 2 : anchor] in SENTENCE_ENDS:
            return start
    return found[0]


SENTENCE_ENDS = (". ", "? ", "! ", '" ', "” ")


# ----------------------------------------------------------------------------- stories


def bcubed(system: list, gold: list) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a grouping (``system[i]``: item i's group) against
    gold groups: per item, the share of its group that shares its gold group (precision)
    and the share of its gold group inside its group (recall), averaged over items."""
    from collections import Counter

    if not system:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    size = Counter(system)
    gold_size = Counter(gold)
    both = Counter(zip(system, gold, strict=True))
    n = len(system)
    precision = sum(both[(s, g)] / size[s] for s, g in zip(system, gold, strict=True)) / n
    recall = sum(both[(s, g)] / gold_size[g] for s, g in zip(system, gold, strict=True)) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
