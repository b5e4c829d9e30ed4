"""Accuracy benchmark on public real-news development sets (evaluation only).

Run from the repository root::

    ./run.sh accuracy                         # or: .venv/bin/python benchmarks/accuracy.py
    .venv/bin/python benchmarks/accuracy.py --data ../shared/eval --only quotes,figures

The sets (``--data``, default ``../shared/eval``; see its README) are read where they lie:
their text is never copied into this repository. Hand-made gold files in
``benchmarks/gold/`` refer to them by file name and character offsets. Articles go through
the project's own reader (``lib.corpus.parse_document``) and analysis, exactly as in the app.

Measures (scoring code and its finer definitions: ``benchmarks/scoring.py``):

**quotes** (PolNeAR train 840 and dev 84 articles; the first annotator's file per article, by name)
- gold direct quote: an attribution whose Content lies inside quotation marks;
- *recall*: share of gold direct quotes matched by a system quote (direct or fragment) of the
  same article; *precision*: share of system quotes of kind ``direct`` that match a gold
  attribution content (direct, or partly quoted); match = normalised word overlap: at least
  60 % of the shorter one's words in the other (never offsets);
- *speaker accuracy* on matched gold quotes, separately for named/described sources and for
  pronoun sources (the gold pronoun resolved to the nearest earlier named source of the
  document that is not of the other gender, as the gold's own words tell it: courtesy
  titles, gendered nouns, clear given names; ``speaker_pronoun_nearest`` scores the old
  convention, the nearest named source whatever its gender); correct = a shared name word
  (named sources) or content word (descriptions) with the system's speaker, or — for
  named/described gold sources — with the source as the system read it in the text
  (``speaker_written``: "the mayor" for gold "the mayor" when the system also resolved it
  to the mayor's name);
- *no speaker*: share of matched gold quotes (with a gold source) whose system speaker is empty.

**figures** (NewsQuant dev, 295 sentences in two parts, each analysed as a one-sentence article)
- *value P/R/F1*: system figures vs gold quantities, greedy one-to-one per sentence by value
  (ranges: both ends);
- *value+qualifier F1*: a matched pair also needs the qualifier of the gold change
  (``=`` exact, ``~`` approx, ``>`` at_least, ``<`` at_most; up/down count as exact);
- *value+counted F1* (partial overlap): a matched pair also needs a content word shared by
  ``counted`` and the gold concept (gold ``-`` needs an empty ``counted``); NewsQuant's
  concept is often the holder ("Ford" for "13,000 workers"), not what is counted;
- *counted filled*: share of system figures with a ``counted`` phrase; *counted by noun*:
  the share whose phrase is the noun the figure quantifies (``counted_how`` ``noun``; the
  rest come from the clause's context, shown but never grouped on); *value+counted F1,
  noun only* scores the noun readings alone (context readings count as empty);
- published anchors (full 590 sentences): CQE value 92.0, value+change 88.1, value+concept
  76.1; quantulum3 value 73.0.

**entities** (BASIL dev; gold ``benchmarks/gold/basil-people/*.json``: every person with
every name mention per outlet, by offsets; each event's three articles are analysed as one
story, as BASIL defines them: grouping a pile into stories is measured under **stories**)
- *one entity*: share of gold people named in 2+ outlets whose tagged mentions carry one
  canonical entity, found in 2+ outlets; *merged*: gold people sharing a canonical entity
  with another gold person (never acceptable);
- organisations and places (gold ``benchmarks/gold/basil-names/*.json``, all 63 events:
  31 tune, 32 check, each file's ``part``): *one entity org / place* as for people, a gold mention
  tagged by a system mention that overlaps it and reaches no more than one character
  beyond it (a longer name, "House Democrats" for gold "House", tags another thing);
  *one entity all*: people, organisations and places together; *merged things*: system
  entities carrying mentions of two different gold things, people or names (events with
  names gold only);
- *junk rate*: share of the system's entities in the labelled events that
  ``benchmarks/gold/basil-entities.json`` labels junk (not a name); unlabelled ones are
  listed with ``--list-unlabelled`` so the file can be extended; *type accuracy*: share of
  the labelled real entities whose type matches the hand label.

**claims** (BASIL dev; gold ``benchmarks/gold/basil-claims/*.json``: every measurement two
outlets both report, its figures by offsets, its holder, time and verdict, and ``distinct``
pairs of figures that must not share a claim; see ``benchmarks/gold/README.md``)
- *grouping P/R/F1* over cross-outlet figure pairs (see ``scoring.claim_scores``);
- *agree precision*: share of system claims with status ``agree`` whose figures come from
  2+ outlets that are right: every figure matches one and the same gold claim, whose verdict
  is agree (``scoring.claim_verdicts``);
- *conflict precision*: share of system conflicts whose gold-matched figures, from 2+
  outlets, belong to one gold claim with verdict conflict; *conflicts gold agree*: system
  conflicts the gold calls agreement (target 0); *differs*: system claims with status
  differ, and those whose gold verdict is differ or conflict;
- *mixed holders*: system claims holding figures of gold claims with different holders, or
  both sides of a "different holder" pair (target 0); *claims with distinct*: system claims
  holding both sides of any ``distinct`` pair;
- *verdict accuracy*: gold claims found (their figures from 2+ outlets share a system
  claim) whose system status is the gold verdict, over all and for differ/conflict;
- the count of conflicts flagged on all 63 events is shown too.

Each BASIL event's three reports are analysed as the app analyses a pile: grouped into
stories (``events_split`` counts events the grouping splits, which would cut their entities
and claims apart); ``--basil-stories event`` gives each event as one story (the gold's unit),
to measure entities and claims apart from story grouping.

**facts** and **wording** (BASIL dev; gold ``benchmarks/gold/basil-facts/*.json``: every fact
two or more outlets report, each outlet's whole sentences by offsets; BASIL's own
``<outlet>.bias.json`` spans; helpers in ``benchmarks/basil_facts.py``)
- *alignment P/R/F1* over cross-outlet statement pairs of one fact (``scoring.fact_pairs``);
  a system statement (sentence or clause) is scored as the gold sentence it overlaps most
  (``scoring.statement_units``); events without gold are skipped;
- *inf recall*: share of BASIL ``inf`` spans (informational bias) that lie in a statement
  whose fact is reported by fewer than all outlets; *inf lift*: share of "only in this
  outlet" statements holding an ``inf`` span over that share among all statements
  (``scoring.inf_recall_lift``);
- *lex distinctive / frequent*: share of BASIL ``lex`` spans (word choice) containing one of
  the outlet's 20 most distinctive terms (``lib.views.wording``), and one of its 20 most
  frequent words (the baseline, same run); *lex margin*: the first minus the second.

**stories** (BASIL dev as one pile of 189 articles, events hidden; ``stories_accuracy.py``)
- *B-cubed P/R/F1* of the project's stories against the 63 events, beside the plain TF-IDF
  average-linkage baseline at its best threshold (computed in the same run); the tune and
  check events are each grouped as their own pile, and ``pile`` groups all 189 together.

**Parts.** Every set has a tune part and a check part (``../shared/eval/README.md``; the
definitions are in ``scoring.basil_part``, ``scoring.newsquant_part`` and
``scoring.POLNEAR_FOLDERS``): PolNeAR train / dev, NewsQuant even / odd positions, BASIL events
whose uuid part starts 0-4 / 5-9. Rules are tuned on the tune part; the check part is only
measured. Each measure is printed for both parts with their gap; targets are judged on the
check part, and a gap over 0.02 says a change fits examples rather than language. Failure
examples are printed for the tune part only.

Prints a table, then one line per set and part, then ONE JSON object as the last line
(``{set: {"tune": {...}, "check": {...}}, ...}``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import basil_facts, scoring  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold"
DEFAULT_DATA = ROOT.parent / "shared" / "eval"
OUTLET_NAMES = {"fox": "Fox News", "hpo": "HuffPost", "nyt": "The New York Times"}
TARGETS = {
    "quotes.recall": 0.97,
    "quotes.precision": 0.95,
    "quotes.speaker_named": 0.92,
    "quotes.speaker_pronoun": 0.85,
    "quotes.no_speaker": 0.04,
    "figures.value_f1": 0.93,
    "figures.value_qualifier_f1": 0.89,
    "figures.counted_filled": 0.90,
    "entities.one_entity": 0.95,
    "entities.one_entity_all": 0.96,
    "entities.merged_things": 0,
    "entities.junk_rate": 0.02,
    "claims.grouping_f1": 0.8,
    "claims.grouping_recall": 0.8,
    "claims.agree_precision": 0.95,
    "claims.conflict_precision": 0.9,
    "claims.conflicts_gold_agree": 0,
    "claims.mixed_holders": 0,
    "facts.alignment_f1": 0.8,
    "facts.inf_recall": 0.7,
    "facts.inf_lift": 1.5,
    "wording.lex_margin": 0.001,
    "stories.bcubed_f1": 0.98,
}
LOWER_IS_BETTER = {
    "quotes.no_speaker",
    "entities.junk_rate",
    "entities.merged_things",
    "claims.conflicts_gold_agree",
    "claims.mixed_holders",
}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- the project


def project():
    """The project's reader and analysis (one place to adapt when the library moves)."""
    from lib.analysis import analyze
    from lib.corpus.parse import parse_document
    from lib.nlp.pipeline import get_nlp
    from lib.parsing.local import InProcess

    nlp = InProcess(get_nlp())  # measures extraction, in this process

    def run(items: list[tuple[str, str, dict]], stories=None):
        docs = [parse_document(doc_id, raw, hints) for doc_id, raw, hints in items]
        return docs, analyze(docs, nlp, stories=stories)

    return run


# ----------------------------------------------------------------------------- quotes


def polnear_files(data: Path, folder: str = "polnear-dev") -> list[tuple[str, Path, Path]]:
    """(doc, text path, annotation path): the first annotator's file per article."""
    text_dir, ann_dir = data / folder / "text", data / folder / "attributions"
    out = []
    for text in sorted(text_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(text.stem + "_*.ann"))
        if anns:
            out.append((text.stem, text, anns[0]))
    return out


def bench_quotes(data: Path, run) -> dict:
    """Quote measures on each part: PolNeAR train (tune) and dev (check)."""
    return {
        part: _quotes_part(polnear_files(data, folder), run)
        for part, folder in scoring.POLNEAR_FOLDERS.items()
    }


def _quotes_part(files: list[tuple[str, Path, Path]], run) -> dict:
    raws = {doc: path.read_text(encoding="utf-8") for doc, path, _ in files}
    gold = []
    all_contents: dict[str, list[Counter]] = defaultdict(list)
    for doc, _path, ann_path in files:
        ann = ann_path.read_text(encoding="utf-8")
        gold += scoring.gold_quotes(doc, raws[doc], ann)
        spans, events = scoring.parse_brat(ann)
        for ev in events:
            content = spans.get(ev.get("Content", ""))
            if content is not None and any(c in content.text for c in scoring.QUOTE_CHARS):
                all_contents[doc].append(Counter(scoring.words(content.text)))
    t0 = time.perf_counter()
    _docs, analysis = run([(doc, raws[doc], {}) for doc, _, _ in files])
    seconds = time.perf_counter() - t0
    quotes = analysis.quotes
    sys_by_doc: dict[str, list[tuple[Counter, tuple[str, str], str]]] = defaultdict(list)
    written = quotes["speaker_written"] if "speaker_written" in quotes else [""] * len(quotes)
    for q, as_written in zip(quotes.itertuples(), written, strict=True):
        speakers = (_str(q.speaker), _str(as_written))
        sys_by_doc[q.doc_id].append((Counter(scoring.words(q.quote)), speakers, q.kind))
    found = 0
    named = [0, 0]
    pron = [0, 0]
    pron_nearest = 0  # right under the old convention (the nearest named source, any gender)
    no_speaker = [0, 0]
    for g in gold:
        scored = [(scoring.quotes_match(tok, g.tokens), spk) for tok, spk, _k in sys_by_doc[g.doc]]
        best = max(scored, default=(0.0, ("", "")), key=lambda x: x[0])
        if best[0] <= 0:
            continue
        found += 1
        if not g.kind:
            continue
        speaker, as_written = best[1]
        ok = scoring.speaker_correct(speaker, g.resolved) or (
            g.kind == "named" and scoring.speaker_correct(as_written, g.resolved)
        )
        bucket = pron if g.kind == "pronoun" else named
        bucket[0] += ok
        if g.kind == "pronoun":
            pron_nearest += scoring.speaker_correct(speaker, g.resolved_nearest)
        bucket[1] += 1
        no_speaker[0] += not speaker
        no_speaker[1] += 1
    direct = [
        (doc, tok) for doc, items in sys_by_doc.items() for tok, _s, k in items if k == "direct"
    ]
    correct = sum(
        any(scoring.quotes_match(tok, c) > 0 for c in all_contents[doc]) for doc, tok in direct
    )
    return {
        "articles": len(files),
        "gold_direct_quotes": len(gold),
        "system_direct_quotes": len(direct),
        "recall": round(found / len(gold), 4) if gold else 0.0,
        "precision": round(correct / len(direct), 4) if direct else 0.0,
        "speaker_named": round(named[0] / named[1], 4) if named[1] else 0.0,
        "speaker_named_n": named[1],
        "speaker_pronoun": round(pron[0] / pron[1], 4) if pron[1] else 0.0,
        "speaker_pronoun_n": pron[1],
        "speaker_pronoun_nearest": round(pron_nearest / pron[1], 4) if pron[1] else 0.0,
        "no_speaker": round(no_speaker[0] / no_speaker[1], 4) if no_speaker[1] else 0.0,
        "seconds": round(seconds, 1),
    }


def _str(value) -> str:
    return value if isinstance(value, str) else ""


# ----------------------------------------------------------------------------- figures


def bench_figures(data: Path, run) -> dict:
    sentences = json.loads((data / "newsquant-dev.json").read_text(encoding="utf-8"))
    items = [(f"s{i:04d}", s["text"], {}) for i, s in enumerate(sentences)]
    t0 = time.perf_counter()
    _docs, analysis = run(items)
    seconds = time.perf_counter() - t0
    result = {}
    for part in scoring.PARTS:
        keep = [i for i in range(len(sentences)) if scoring.newsquant_part(i) == part]
        result[part] = _figures_part(sentences, keep, analysis.figures)
        result[part]["seconds"] = round(seconds, 1)
    return result


def _figures_part(sentences: list[dict], keep: list[int], all_figures) -> dict:
    """Figure measures over the sentences at positions ``keep``."""
    names = {f"s{i:04d}" for i in keep}
    figs = all_figures[all_figures["doc_id"].isin(names)]
    by_doc = {d: g.to_dict("records") for d, g in figs.groupby("doc_id", sort=False)}
    n_sys = n_gold = val = valq = valc = valn = 0
    for i in keep:
        s = sentences[i]
        system = by_doc.get(f"s{i:04d}", [])
        gold = s["quantities"]
        n_sys += len(system)
        n_gold += len(gold)
        for si, gi in scoring.match_figures(system, gold):
            val += 1
            q, f = gold[gi], system[si]
            gv = scoring.parse_gold_value(q["value"])
            valq += scoring.qualifier_matches(f["qualifier"], q["change"], gv[0] != gv[1])
            valc += scoring.concept_matches(str(f.get("counted") or ""), q["referred_concepts"])
            strong = str(f.get("counted") or "") if f.get("counted_how") == "noun" else ""
            valn += scoring.concept_matches(strong, q["referred_concepts"])
    value = scoring.prf(val, n_sys, val, n_gold)
    return {
        "sentences": len(keep),
        "gold_quantities": n_gold,
        "system_figures": n_sys,
        "value_precision": value["precision"],
        "value_recall": value["recall"],
        "value_f1": value["f1"],
        "value_qualifier_f1": scoring.prf(valq, n_sys, valq, n_gold)["f1"],
        "value_counted_f1": scoring.prf(valc, n_sys, valc, n_gold)["f1"],
        "counted_filled": _share(figs["counted"].fillna("") != "") if len(figs) else 0.0,
        "counted_by_noun": _share(figs["counted_how"] == "noun") if len(figs) else 0.0,
        "value_counted_f1_noun_only": scoring.prf(valn, n_sys, valn, n_gold)["f1"],
    }


def _share(mask) -> float:
    return round(float(mask.mean()), 4)


# ----------------------------------------------------------------------------- BASIL


def basil_events(data: Path) -> list[str]:
    return sorted(p.name for p in (data / "basil-dev").iterdir() if p.is_dir())


def analyse_event(data: Path, event: str, run, one_story: bool = False):
    """(raw texts by outlet key, documents by outlet key, Analysis) of one BASIL event.

    ``one_story``: its three reports are one story, as the gold defines them (the claim
    and entity measures then measure claims and entities, not story grouping, which the
    stories set measures); False: grouped into stories as the app does."""
    folder = data / "basil-dev" / event
    raws, items = {}, []
    for key in ("fox", "hpo", "nyt"):
        raw = (folder / f"{key}.txt").read_text(encoding="utf-8")
        meta = json.loads((folder / f"{key}.meta.json").read_text(encoding="utf-8"))
        hints = {"outlet": OUTLET_NAMES[key], "title": meta.get("title", "")}
        hints["published"] = meta.get("date", "")
        raws[key] = raw
        items.append((f"{event}_{key}", raw, hints))
    docs, analysis = run(items, stories=["S1"] * len(items)) if one_story else run(items)
    return raws, {key: doc for key, doc in zip(("fox", "hpo", "nyt"), docs, strict=True)}, analysis


def _maps(raws, docs) -> dict[str, scoring.OffsetMap]:
    return {k: scoring.OffsetMap(raws[k], docs[k].text) for k in raws}


def score_people(gold: dict, raws, docs, analysis) -> dict:
    maps = _maps(raws, docs)
    mentions = analysis.mentions
    spans = defaultdict(list)
    for m in mentions.itertuples():
        spans[m.doc_id].append((int(m.start_char), int(m.end_char), m.entity, m.label))
    people = gold["people"]
    unified = multi = 0
    entity_people: dict[str, set[str]] = defaultdict(set)
    failures = []
    for person in people:
        per_outlet: dict[str, list[str]] = {}
        for key, items in person["mentions"].items():
            if not items:
                continue
            doc_id = docs[key].doc_id
            ents = []
            for item in items:
                span = maps[key].span(item["start"], item["end"])
                hit = ""
                if span is not None:
                    for s, e, ent, _lab in spans[doc_id]:
                        if scoring.overlaps((s, e), span):
                            hit = ent
                            break
                ents.append(hit)
                if hit:
                    entity_people[hit].add(person["person"])
            per_outlet[key] = ents
        if len(per_outlet) >= 2:
            multi += 1
            if scoring.person_unified(per_outlet):
                unified += 1
            else:
                failures.append(
                    (person["person"], {k: sorted(set(v)) for k, v in per_outlet.items()})
                )
    merged = sorted(ent for ent, ps in entity_people.items() if len(ps) > 1)
    return {"multi": multi, "unified": unified, "merged": merged, "failures": failures}


def score_names(names: dict, people: dict | None, raws, docs, analysis) -> dict:
    """Organisations and places (``basil-names``) of one event: per group ("org",
    "place") one bool per gold thing named by 2+ outlets (unified?), and the system entities
    that carry mentions of two gold things, people of ``basil-people`` included."""
    maps = _maps(raws, docs)
    system: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for m in analysis.mentions.itertuples():
        system[m.doc_id].append((int(m.start_char), int(m.end_char), m.entity))
    results: dict[str, list[bool]] = {"org": [], "place": []}
    hits: dict[str, set[str]] = defaultdict(set)
    failures = []
    for thing in names["entities"]:
        per_outlet: dict[str, list[str]] = {}
        for key, items in thing["mentions"].items():
            ents = []
            for item in items:
                span = maps[key].span(item["start"], item["end"])
                hit = scoring.name_hit(system[docs[key].doc_id], span) if span else ""
                ents.append(hit)
                if hit:
                    hits[hit].add(f"{thing['type']}:{thing['name']}")
            if items:
                per_outlet[key] = ents
        if len(per_outlet) >= 2:
            ok = scoring.person_unified(per_outlet)
            results[scoring.NAME_GROUPS[thing["type"]]].append(ok)
            if not ok:
                failures.append((thing["name"], {k: sorted(set(v)) for k, v in per_outlet.items()}))
    for person in (people or {}).get("people", []):
        for key, items in person["mentions"].items():
            for item in items:
                span = maps[key].span(item["start"], item["end"])
                for s, e, ent in system[docs[key].doc_id] if span else ():
                    if scoring.overlaps((s, e), span):
                        hits[ent].add(f"PERSON:{person['person']}")
                        break
    return {"results": results, "merged": scoring.merged_entities(hits), "failures": failures}


def _gold_verdict(claim: dict) -> str:
    """The gold verdict; older files have only ``agree`` (true or false)."""
    verdict = claim.get("verdict")
    if verdict in scoring.VERDICTS:
        return verdict
    return "agree" if claim.get("agree") else "conflict"


def score_claims(gold: dict, raws, docs, analysis) -> dict:
    maps = _maps(raws, docs)
    key_of = {doc.doc_id: key for key, doc in docs.items()}
    gold_spans = []  # (outlet, (start, end) in analysed text, claim id)
    gold_groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
    gold_claims: dict[str, dict] = {}
    for claim in gold["claims"]:
        gold_claims[claim["id"]] = {
            "verdict": _gold_verdict(claim),
            "holder": claim.get("holder", ""),
            "outlets": {f["outlet"] for f in claim["figures"]},
        }
        for n, fig in enumerate(claim["figures"]):
            span = maps[fig["outlet"]].span(fig["start"], fig["end"])
            gold_groups[claim["id"]].append((fig["outlet"], n))
            if span is not None:
                gold_spans.append((fig["outlet"], span, claim["id"]))
    figures = analysis.figures
    fig_spans = [
        (key_of[f.doc_id], (int(f.start_char), int(f.end_char))) for f in figures.itertuples()
    ]
    gold_of: dict[tuple[str, int], str] = {}
    for i, (outlet, span) in enumerate(fig_spans):
        for o, g_span, cid in gold_spans:
            if o == outlet and scoring.overlaps(span, g_span):
                gold_of[(outlet, i)] = cid
                break
    system = _system_claims(analysis, key_of)
    system_groups = {cid: c["items"] for cid, c in system.items()}
    scores = scoring.claim_scores(system_groups, gold_of, gold_groups)
    distinct = []
    for pair in gold.get("distinct", []):
        sides = []
        for side in (pair["a"], pair["b"]):
            span = maps[side["outlet"]].span(side["start"], side["end"])
            sides.append(
                {
                    (o, i)
                    for i, (o, s) in enumerate(fig_spans)
                    if span is not None and o == side["outlet"] and scoring.overlaps(s, span)
                }
            )
        distinct.append((sides[0], sides[1], pair.get("why", "")))
    verdicts = scoring.claim_verdicts(system, gold_of, gold_claims, distinct)
    return {
        **scoring.claim_coverage(gold_spans, fig_spans, gold_of, gold_groups),
        "pairs_correct": round(scores["precision"] * scores["system_pairs"]),
        "system_pairs": scores["system_pairs"],
        "gold_pairs": scores["gold_pairs"],
        "gold_found": round(scores["recall"] * scores["gold_pairs"]),
        "gold_disagreements": sum(g["verdict"] != "agree" for g in gold_claims.values()),
        "distinct_pairs": len(distinct),
        **verdicts,
    }


def _system_claims(analysis, key_of: dict) -> dict[str, dict]:
    """Claim id -> status and figures ``(outlet key, row of analysis.figures)``; claim rows
    are joined to figures by document and offsets (or text, value and sentence)."""
    figures, claims = analysis.figures, analysis.claims
    by_span = {(f.doc_id, int(f.start_char)): i for i, f in enumerate(figures.itertuples())}
    by_text = {
        (f.doc_id, f.text, float(f.value), f.sentence): i
        for i, f in enumerate(figures.itertuples())
    }
    system: dict[str, dict] = {}
    for c in claims.itertuples():
        i = None
        if "start_char" in claims.columns and not _missing(c.start_char):
            i = by_span.get((c.doc_id, int(c.start_char)))
        if i is None:
            i = by_text.get((c.doc_id, c.text, float(c.value), c.sentence))
        if i is None:
            continue
        claim = system.setdefault(c.claim_id, {"status": c.status, "items": []})
        claim["items"].append((key_of[c.doc_id], i))
    return system


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def bench_basil(
    data: Path,
    run,
    list_unlabelled: bool = False,
    claims_dir: Path | None = None,
    one_story: bool = False,
) -> dict:
    """Entity and claim measures on BASIL, per part (tune / check events); ``one_story``:
    see :func:`analyse_event` (with False, ``events_split`` counts the events the app
    grouped into more than one story)."""
    claims_dir = claims_dir or GOLD / "basil-claims"
    people_gold = {
        p.stem: json.loads(p.read_text()) for p in sorted((GOLD / "basil-people").glob("*.json"))
    }
    claims_gold = {p.stem: json.loads(p.read_text()) for p in sorted(claims_dir.glob("*.json"))}
    names_gold = {
        p.stem: json.loads(p.read_text()) for p in sorted((GOLD / "basil-names").glob("*.json"))
    }
    junk_path = GOLD / "basil-entities.json"
    junk_gold = json.loads(junk_path.read_text()) if junk_path.exists() else {}
    facts_gold = basil_facts.load_gold()
    facts = {part: basil_facts.FactsTally() for part in scoring.PARTS}
    t0 = time.perf_counter()
    tally = {part: _BasilTally() for part in scoring.PARTS}
    unlabelled = []
    for event in basil_events(data):
        t = tally[scoring.basil_part(event)]
        raws, docs, analysis = analyse_event(data, event, run, one_story)
        t.split += int(analysis.documents["story_id"].nunique() > 1)
        t.all_conflicts += int(
            analysis.claims.drop_duplicates("claim_id")["status"].eq("conflict").sum()
        )
        if event in people_gold:
            t.people_events += 1
            r = score_people(people_gold[event], raws, docs, analysis)
            t.multi += r["multi"]
            t.unified += r["unified"]
            t.merged += [f"{event}: {m}" for m in r["merged"]]
            t.failures += [(event, *f) for f in r["failures"]]
        if event in names_gold:
            r = score_names(names_gold[event], people_gold.get(event), raws, docs, analysis)
            t.names_events += 1
            for group, oks in r["results"].items():
                t.names[group] += oks
            t.merged_things += [f"{event}: {m}" for m in r["merged"]]
            t.name_failures += [(event, *f) for f in r["failures"]]
        if event in junk_gold.get("events", {}):
            labels = junk_gold["events"][event]
            types = dict(zip(analysis.entities["entity"], analysis.entities["label"], strict=True))
            for ent in sorted(types):
                if ent in labels:
                    t.labelled += 1
                    verdict, _, gold_type = labels[ent].partition(":")
                    t.junk += verdict == "junk"
                    t.typed += verdict == "ok"
                    t.type_ok += verdict == "ok" and types[ent] == gold_type
                else:
                    unlabelled.append((event, ent))
        if event in claims_gold:
            t.claim_events += 1
            t.gold_claims += len(claims_gold[event]["claims"])
            t.claims.update(score_claims(claims_gold[event], raws, docs, analysis))
        folder = data / "basil-dev" / event
        facts[scoring.basil_part(event)].add(folder, raws, docs, analysis, facts_gold.get(event))
    seconds = time.perf_counter() - t0
    if list_unlabelled:
        for event, ent in unlabelled:
            print(f"unlabelled\t{event}\t{ent}", file=sys.stderr)
    entities = {part: t.entities(len(unlabelled)) for part, t in tally.items()}
    for key in ("split_examples", "merged_examples", "names_split_examples"):
        entities["check"].pop(key)  # check failures are never read to tune
    return {
        "entities": entities,
        "claims": {part: t.claims_result() for part, t in tally.items()},
        "facts": {part: f.facts() for part, f in facts.items()},
        "wording": {part: f.wording() for part, f in facts.items()},
        "seconds": round(seconds, 1),
    }


class _BasilTally:
    """Counts of one part of BASIL, summed over its events."""

    def __init__(self) -> None:
        self.people_events = self.multi = self.unified = 0
        self.merged: list[str] = []
        self.failures: list[tuple] = []
        self.junk = self.labelled = self.typed = self.type_ok = 0
        self.claim_events = self.gold_claims = self.all_conflicts = self.split = 0
        self.claims: Counter = Counter()
        self.names_events = 0
        self.names: dict[str, list[bool]] = {"org": [], "place": []}
        self.merged_things: list[str] = []
        self.name_failures: list[tuple] = []

    def entities(self, unlabelled: int) -> dict:
        people = [True] * self.unified + [False] * (self.multi - self.unified)
        rates = scoring.one_entity_rates({"person": people, **self.names})
        named = self.names_events > 0
        return {
            "events": self.people_events,
            "people_multi_outlet": self.multi,
            "one_entity": round(self.unified / self.multi, 4) if self.multi else None,
            "merged_people": len(self.merged),
            "names_events": self.names_events,
            "orgs_multi_outlet": len(self.names["org"]),
            "places_multi_outlet": len(self.names["place"]),
            "one_entity_org": rates["org"] if named else None,
            "one_entity_place": rates["place"] if named else None,
            "one_entity_all": rates["all"] if named else None,
            "merged_things": len(set(self.merged_things) | set(self.merged)) if named else None,
            "junk_rate": round(self.junk / self.labelled, 4) if self.labelled else None,
            "junk_labelled": self.labelled,
            "type_accuracy": round(self.type_ok / self.typed, 4) if self.typed else None,
            "junk_unlabelled": unlabelled,
            "split_examples": [f"{e}: {p} {o}" for e, p, o in self.failures[:12]],
            "merged_examples": self.merged[:12],
            "names_split_examples": [f"{e}: {n} {o}" for e, n, o in self.name_failures[:12]],
        }

    def claims_result(self) -> dict:
        c = self.claims
        grouping = scoring.prf(
            c["pairs_correct"], c["system_pairs"], c["gold_found"], c["gold_pairs"]
        )
        return {
            "events": self.claim_events,
            "events_split": self.split,
            "gold_claims": self.gold_claims,
            "gold_disagreements": c["gold_disagreements"],
            "grouping_precision": grouping["precision"],
            "grouping_recall": grouping["recall"],
            "grouping_f1": grouping["f1"],
            "gold_figures_read": _ratio(c["gold_figures_read"], c["gold_figures"]),
            "recall_ceiling": _ratio(c["units_readable"], c["gold_pairs"]),
            "agree_claims": c["agree_claims"],
            "agree_precision": _ratio(c["agree_correct"], c["agree_claims"]),
            "conflicts_flagged": c["conflicts"],
            "conflicts_true": c["conflicts_true"],
            "conflict_precision": _ratio(c["conflicts_true"], c["conflicts"]),
            "conflicts_gold_agree": c["conflicts_gold_agree"],
            "differs_flagged": c["differs"],
            "differs_true": c["differs_true"],
            "claims_with_distinct": c["with_distinct"],
            "distinct_pairs": c["distinct_pairs"],
            "mixed_holders": c["mixed_holders"],
            "verdict_accuracy": _ratio(c["verdicts_right"], c["verdicts_found"]),
            "verdicts_found": c["verdicts_found"],
            "verdict_accuracy_differ_conflict": _ratio(c["hard_right"], c["hard_found"]),
            "differ_conflict_found": c["hard_found"],
            "conflicts_flagged_all_events": self.all_conflicts,
        }


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


# ----------------------------------------------------------------------------- report


def _fmt(v) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


#: Largest tune - check difference that does not say "fitted to the examples".
MAX_GAP = 0.02


def _met(key: str, value) -> str:
    if value is None:
        return ""
    target = TARGETS[key]
    ok = value <= target if key in LOWER_IS_BETTER else value >= target
    return "yes" if ok else "no"


def report(results: dict) -> str:
    """Markdown table: each measure on the tune and check parts, their gap, and whether the
    check part meets the target (targets are judged on the check part only)."""
    rows = []
    for key, target in TARGETS.items():
        section, name = key.split(".")
        parts = results.get(section)
        if not isinstance(parts, dict):
            continue
        tune = parts.get("tune", {}).get(name)
        check = parts.get("check", {}).get(name)
        gap = None if tune is None or check is None else round(tune - check, 4)
        gap_ok = "" if gap is None else ("yes" if abs(gap) <= MAX_GAP else "no")
        op = "≤" if key in LOWER_IS_BETTER else "≥"
        rows.append(
            f"| {section} | {name} | {_fmt(tune)} | {_fmt(check)} | {_fmt(gap)} "
            f"| {op} {target} | {_met(key, check)} | {gap_ok} |"
        )
    lines = [
        "| Set | Measure | Tune | Check | Gap | Target (check) | Met | Gap ≤ 0.02 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *rows,
    ]
    return "\n".join(lines)


def details(results: dict) -> list[str]:
    """One line of every measure per set and part, then examples of entity failures."""
    lines = []
    for section, parts in results.items():
        if not isinstance(parts, dict):
            continue
        for part in scoring.PARTS:
            values = parts.get(part)
            if not isinstance(values, dict):
                continue
            shown = ", ".join(
                f"{k}={_fmt(v)}" for k, v in values.items() if not isinstance(v, list)
            )
            lines.append(f"{section} [{part}]: {shown}")
    pile = results.get("stories", {}).get("pile")
    if isinstance(pile, dict):
        lines.append("stories [pile]: " + ", ".join(f"{k}={_fmt(v)}" for k, v in pile.items()))
    tune_entities = results.get("entities", {}).get("tune", {})
    for ex in tune_entities.get("split_examples", []):
        lines.append(f"  split (tune): {ex}")
    for ex in tune_entities.get("merged_examples", []):
        lines.append(f"  merged (tune): {ex}")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="folder of the eval sets")
    parser.add_argument("--only", default="quotes,figures,basil,stories", help="comma list of sets")
    parser.add_argument(
        "--list-unlabelled", action="store_true", help="entities lacking a junk label"
    )
    parser.add_argument(
        "--claims-gold", default="", help="folder of claim gold (default gold/basil-claims)"
    )
    parser.add_argument(
        "--basil-stories",
        choices=("event", "app"),
        default="app",
        help="BASIL events grouped into stories as the app does (default; events_split counts "
        "events it splits) or given as one story each",
    )
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not data.is_dir():
        print(f"error: no evaluation data at {data}", file=sys.stderr)
        return 2
    only = set(args.only.split(","))
    run = project()
    results: dict = {}
    started = time.perf_counter()
    if "quotes" in only:
        log("quotes (PolNeAR) …")
        results["quotes"] = bench_quotes(data, run)
    if "figures" in only:
        log("figures (NewsQuant) …")
        results["figures"] = bench_figures(data, run)
    if "basil" in only:
        log("entities and claims (BASIL) …")
        claims_dir = Path(args.claims_gold) if args.claims_gold else None
        one_story = args.basil_stories == "event"
        basil = bench_basil(data, run, args.list_unlabelled, claims_dir, one_story)
        results["entities"], results["claims"] = basil["entities"], basil["claims"]
        results["facts"], results["wording"] = basil["facts"], basil["wording"]
        results["basil_seconds"] = basil["seconds"]
    if "stories" in only:  # grouping the BASIL pile into stories (benchmarks/stories_accuracy.py)
        from benchmarks.stories_accuracy import bench_stories

        log("stories (BASIL as one pile) …")
        results["stories"] = bench_stories(data)
    results["seconds"] = round(time.perf_counter() - started, 1)
    print(report(results))
    print()
    print("\n".join(details(results)))
    print(json.dumps(results, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
