"""Facts and wording on BASIL events: the pieces ``accuracy.py`` and ``train_facts.py`` share.

- :func:`gold_facts`: a gold file's facts as statement units in the analysed text;
- :func:`system_units`: the unit each system statement is scored as (see
  ``scoring.statement_units``);
- :func:`score_alignment`: pair counts of one event (system facts against gold facts);
- :func:`score_spans`: the informational and lexical span measures of one event from
  BASIL's own ``<outlet>.bias.json`` annotations.

Definitions of every measure: ``scoring.fact_pair_counts``, ``scoring.inf_recall_lift``,
``scoring.lex_hits`` and the docstring of ``accuracy.py``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from benchmarks import scoring

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "basil-facts"
KEYS = ("fox", "hpo", "nyt")
#: Words per outlet compared with the ``lex`` spans (distinctive and most frequent alike).
TOP_WORDS = 20


def load_gold(gold_dir: Path = GOLD_DIR) -> dict[str, dict]:
    """Gold facts by event (an absent folder is no gold)."""
    if not gold_dir.is_dir():
        return {}
    return {p.stem: json.loads(p.read_text()) for p in sorted(gold_dir.glob("*.json"))}


def gold_facts(gold: dict, maps: dict) -> tuple[list[list[tuple[str, tuple]]], list[tuple]]:
    """(facts as lists of ``(outlet, unit)``, every gold statement ``(outlet, span)``), the
    spans mapped into the analysed text with ``scoring.OffsetMap`` (unmappable ones
    dropped)."""
    facts, spans = [], set()
    for fact in gold["facts"]:
        items = []
        for st in fact["statements"]:
            span = maps[st["outlet"]].span(st["start"], st["end"])
            if span is None:
                continue
            spans.add((st["outlet"], span))
            items.append((st["outlet"], (st["outlet"], *span)))
        facts.append(items)
    return facts, sorted(spans)


def system_units(analysis, docs: dict, gold_spans: list[tuple]) -> tuple[list[str], list]:
    """(outlet key, scoring unit) of every row of ``analysis.statements``."""
    key_of = {doc.doc_id: key for key, doc in docs.items()}
    st = analysis.statements
    items = [
        (key_of[d], (int(s), int(e)), int(sid))
        for d, s, e, sid in zip(
            st["doc_id"], st["start_char"], st["end_char"], st["sentence_id"], strict=True
        )
    ]
    return [x[0] for x in items], scoring.statement_units(items, gold_spans)


def system_facts(analysis, docs: dict, gold_spans: list[tuple]) -> list[list[tuple[str, object]]]:
    """The system's facts as lists of ``(outlet key, unit)``."""
    outlets, units = system_units(analysis, docs, gold_spans)
    facts: dict[str, list] = {}
    statements = analysis.statements
    fact_of = _fact_of(analysis)
    for row, (outlet, unit) in enumerate(zip(outlets, units, strict=True)):
        key = (statements.at[row, "doc_id"], statements.at[row, "sentence_id"])
        key += (statements.at[row, "clause"],)
        for fact in fact_of.get(key, [f"none{row}"]):
            facts.setdefault(fact, []).append((outlet, unit))
    return list(facts.values())


def _fact_of(analysis) -> dict[tuple, list[str]]:
    """(doc_id, sentence_id, clause) -> every fact the statement reports."""
    f = analysis.facts
    out: dict[tuple, list[str]] = {}
    for d, s, c, fid in zip(f["doc_id"], f["sentence_id"], f["clause"], f["fact_id"], strict=True):
        out.setdefault((d, s, c), []).append(fid)
    return out


def score_alignment(gold: dict, maps: dict, docs: dict, analysis) -> Counter:
    """Pair counts (``system``, ``gold``, ``correct``) of one event."""
    facts, spans = gold_facts(gold, maps)
    return Counter(scoring.fact_pair_counts(system_facts(analysis, docs, spans), facts))


def bias_spans(folder: Path, key: str, raw: str) -> list[dict]:
    """BASIL's phrase-level spans of one article with ``begin``/``finish`` offsets in the
    raw file (found by their text; see ``scoring.locate_span``)."""
    path = folder / f"{key}.bias.json"
    if not path.exists():
        return []
    spans = []
    for item in json.loads(path.read_text(encoding="utf-8"))["phrase-level-annotations"]:
        begin = scoring.locate_span(raw, item["txt"], int(item.get("start", 0)))
        if begin is not None:
            spans.append(item | {"begin": begin, "finish": begin + len(item["txt"])})
    return spans


def score_spans(
    folder: Path, raws: dict, maps: dict, docs: dict, analysis, wording, outlets_of=None
) -> dict:
    """Statement rows for :func:`scoring.inf_recall_lift` and lexical-span hit counts of one
    event. ``wording(analysis)`` returns ``{outlet: (distinctive words, frequent words)}``;
    ``outlets_of`` (statement row -> outlets reporting its fact) defaults to the system's
    facts (:func:`gold_outlets` gives the gold's)."""
    key_of = {doc.doc_id: key for key, doc in docs.items()}
    st = analysis.statements
    outlets_of = _outlets_of(analysis) if outlets_of is None else outlets_of
    n_outlets = st["outlet"].nunique()
    inf = Counter()
    lex = Counter()
    words = wording(analysis)
    outlet_of = dict(zip(analysis.documents["doc_id"], analysis.documents["outlet"], strict=True))
    for key in raws:
        spans = bias_spans(folder, key, raws[key])
        rows = st.index[st["doc_id"].map(key_of) == key]
        for item in spans:
            mapped = maps[key].span(item["begin"], item["finish"])
            if mapped is None:
                continue
            if item["bias"] == "inf":
                hit = [
                    r for r in rows if st.at[r, "start_char"] <= mapped[0] < st.at[r, "end_char"]
                ]
                if hit:
                    inf[hit[0]] += 1
        lexical = [item["txt"] for item in spans if item["bias"] == "lex"]
        distinctive, frequent = words.get(outlet_of.get(docs[key].doc_id), ([], []))
        lex["spans"] += len(lexical)
        lex["distinctive"] += scoring.lex_hits(lexical, distinctive)
        lex["frequent"] += scoring.lex_hits(lexical, frequent)
    rows = [
        {"inf": inf.get(r, 0), "outlets": outlets_of.get(r, 1), "all": n_outlets}
        for r in range(len(st))
    ]
    return {"statements": rows, "lex": lex}


def gold_outlets(gold: dict, maps: dict, docs: dict, analysis) -> dict[int, int]:
    """Row of ``analysis.statements`` -> outlets of the largest gold fact its gold sentence
    is in (1 when in none): the informational measures as perfect alignment would give."""
    facts, spans = gold_facts(gold, maps)
    widest: dict = {}
    for fact in facts:
        n = len({outlet for outlet, _unit in fact})
        for item in fact:
            widest[item] = max(widest.get(item, 1), n)
    outlets, units = system_units(analysis, docs, spans)
    return {
        row: widest.get((o, u), 1) for row, (o, u) in enumerate(zip(outlets, units, strict=True))
    }


def _outlets_of(analysis) -> dict[int, int]:
    """Row of ``analysis.statements`` -> outlets reporting its fact (of a statement in several
    facts, the largest, as :func:`gold_outlets` reads the gold)."""
    st, f = analysis.statements, analysis.facts
    outlets: dict[tuple, int] = {}
    for d, s, c, n in zip(f["doc_id"], f["sentence_id"], f["clause"], f["outlets"], strict=True):
        outlets[(d, s, c)] = max(outlets.get((d, s, c), 1), int(n))
    return {
        row: outlets.get((d, s, c), 1)
        for row, (d, s, c) in enumerate(
            zip(st["doc_id"], st["sentence_id"], st["clause"], strict=True)
        )
    }


def outlet_terms(analysis) -> dict[str, tuple[list[str], list[str]]]:
    """Per outlet: its :data:`TOP_WORDS` most distinctive terms against the other outlets of
    the event (as the Wording page ranks them) and its most frequent words (baseline)."""
    from lib.views import wording

    distinctive = wording.distinctive_terms(analysis.statements, analysis.documents, top=TOP_WORDS)
    frequent = wording.frequent_terms(analysis.statements, TOP_WORDS)
    return {
        outlet: (
            distinctive.loc[distinctive["outlet"] == outlet, "term"].tolist(),
            frequent.get(outlet, []),
        )
        for outlet in analysis.documents["outlet"]
    }


class FactsTally:
    """Facts and wording measures of one part of BASIL, summed over its events."""

    def __init__(self) -> None:
        self.pairs: Counter = Counter()
        self.gold_events = 0
        self.statements: list[dict] = []
        self.gold_statements: list[dict] = []
        self.lex: Counter = Counter()

    def add(self, folder: Path, raws: dict, docs: dict, analysis, gold: dict | None) -> None:
        maps = {k: scoring.OffsetMap(raws[k], docs[k].text) for k in raws}
        spans = score_spans(folder, raws, maps, docs, analysis, outlet_terms)
        if gold is not None:
            self.gold_events += 1
            self.pairs.update(score_alignment(gold, maps, docs, analysis))
            reference = gold_outlets(gold, maps, docs, analysis)
            self.gold_statements += score_spans(
                folder, raws, maps, docs, analysis, lambda _a: {}, reference
            )["statements"]
        self.statements += spans["statements"]
        self.lex.update(spans["lex"])

    def facts(self) -> dict:
        p = self.pairs
        pairs = scoring.prf(p["correct"], p["system"], p["correct"], p["gold"])
        return {
            "gold_events": self.gold_events,
            "gold_pairs": p["gold"],
            "system_pairs": p["system"],
            "alignment_precision": pairs["precision"] if self.gold_events else None,
            "alignment_recall": pairs["recall"] if self.gold_events else None,
            "alignment_f1": pairs["f1"] if self.gold_events else None,
            **scoring.inf_recall_lift(self.statements),
            **{
                f"{k}_gold_facts": v
                for k, v in scoring.inf_recall_lift(self.gold_statements).items()
                if k in ("inf_recall", "inf_lift")
            },
        }

    def wording(self) -> dict:
        n = self.lex["spans"]
        distinctive = round(self.lex["distinctive"] / n, 4) if n else None
        frequent = round(self.lex["frequent"] / n, 4) if n else None
        return {
            "lex_spans": n,
            "lex_distinctive": distinctive,
            "lex_frequent": frequent,
            "lex_margin": None if n == 0 else round(distinctive - frequent, 4),
        }
