"""Fit the claim pair model on the BASIL tune events and write ``lib/data/claims_model.json``.

Run from the repository root (needs scikit-learn, which the app needs anyway)::

    .venv/bin/python benchmarks/train_claims.py [--data ../shared/eval] [--cache DIR]

Only events of the tune part (``scoring.basil_part``) with hand-made gold in
``benchmarks/gold/basil-claims/`` are read. Each pair of figures the claims pass would score
(same block, not vetoed by a rule: :func:`lib.resolve.claims.candidate_pairs`) is labelled 1
when both figures are gold figures of one gold claim; a logistic regression (standardised
features, L2) is fitted on those labels. The clustering threshold is chosen where the tune
events' claim-grouping F1 (``benchmarks/accuracy.py``'s measure) is highest when each
event's claims are built with a model fitted on the other folds' events (events split into
:data:`FOLDS` folds), so the threshold is not fitted to the model's own errors. Check
events are never read. ``--cache DIR`` keeps each event's analysis as a pickle so a second
run parses nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import types
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import accuracy, scoring, training  # noqa: E402
from benchmarks.train_facts import tune_events  # noqa: E402
from lib.resolve import claim_pairs, claims  # noqa: E402

GOLD_DIR = accuracy.GOLD / "basil-claims"
#: Probabilities tried as the model's threshold (a pair whose probability passes it may
#: join even when the hand-set score falls short); ties go to the lowest.
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.96)
#: L2 strength of the logistic regression (sklearn's C): strong, since the tune events
#: give only about 150 candidate pairs (with C = 1 the held-out tune F1 fell below the
#: hand-set score's at every threshold under 0.96).
C = 0.1
#: Folds of events for the held-out scores the threshold is chosen on.
FOLDS = 5


def dated(analysis):
    """The analysis' figures with each article's date, as the claims pass gets them."""
    figs = analysis.figures
    docs = analysis.documents
    published = dict(zip(docs["doc_id"], docs["published"], strict=True))
    return figs.assign(published=figs["doc_id"].map(published).fillna(""))


def facts_of(analysis):
    """The analysis' facts with their statements' spans, as the claims pass gets them."""
    return claim_pairs.statement_facts(analysis.statements, analysis.facts)


def gold_claims_of(df, docs, gold: dict, maps: dict) -> list[set[str]]:
    """The gold claims (ids) each prepared figure belongs to (empty: none)."""
    key_of = {doc.doc_id: key for key, doc in docs.items()}
    spans = []
    for claim in gold["claims"]:
        for fig in claim["figures"]:
            span = maps[fig["outlet"]].span(fig["start"], fig["end"])
            if span is not None:
                spans.append((fig["outlet"], span, claim["id"]))
    out = []
    for row in df.itertuples():
        outlet, span = key_of[row.doc_id], (int(row.start_char), int(row.end_char))
        out.append({c for o, s, c in spans if o == outlet and scoring.overlaps(span, s)})
    return out


def event_pairs(analysis, docs, gold: dict, maps: dict):
    """Features and labels of one event's candidate pairs."""
    figs = dated(analysis)
    if not len(figs):
        return np.zeros((0, len(claim_pairs.FEATURES))), np.zeros(0, dtype=bool)
    df, items = claims.claim_items(figs, facts_of(analysis))
    golds = gold_claims_of(df, docs, gold, maps)
    x, y = [], []
    for i, j, rule in claims.candidate_pairs(items):
        x.append(claims.pair_features(items[i], items[j], rule))
        y.append(bool(golds[i] & golds[j]))
    return np.array(x, dtype=float).reshape(-1, len(claim_pairs.FEATURES)), np.array(y, bool)


def fit(x: np.ndarray, y: np.ndarray) -> dict:
    return training.fit_logistic(x, y, claim_pairs.FEATURES, C)


def grouping(events: list[dict], models: list[dict], threshold: float) -> dict:
    """Claim measures of ``accuracy.score_claims`` summed over the events, each event's
    claims built with its own (held-out) model at ``threshold``."""
    total: Counter = Counter()
    for event, fitted in zip(events, models, strict=True):
        figs = dated(event["analysis"])
        fitted = {**fitted, "threshold": threshold}
        built = claims.build_claims(figs, fitted, facts_of(event["analysis"]))
        view = types.SimpleNamespace(figures=event["analysis"].figures, claims=built)
        total.update(accuracy.score_claims(event["gold"], event["raws"], event["docs"], view))
    prf = scoring.prf(
        total["pairs_correct"], total["system_pairs"], total["gold_found"], total["gold_pairs"]
    )
    agree = total["agree_correct"] / total["agree_claims"] if total["agree_claims"] else 0.0
    return prf | {"agree_precision": round(agree, 4), "mixed_holders": total["mixed_holders"]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    cache_of = training.common_args(parser, accuracy.DEFAULT_DATA, claim_pairs.MODEL_PATH)
    args = parser.parse_args(argv)
    cache = cache_of(args)
    gold = {p.stem: json.loads(p.read_text()) for p in sorted(GOLD_DIR.glob("*.json"))}
    run = training.lazy_project(accuracy)

    events = []
    for event, raws, docs, analysis, maps in tune_events(Path(args.data), gold, run, cache):
        x, y = event_pairs(analysis, docs, gold[event], maps)
        events.append(
            {"raws": raws, "docs": docs, "analysis": analysis, "gold": gold[event], "x": x, "y": y}
        )
        print(f"{event}: {len(y)} candidate pairs, {int(y.sum())} same claim", file=sys.stderr)
    if not events:
        print("error: no tune event with gold", file=sys.stderr)
        return 2
    held_out = []
    for k in range(len(events)):
        train = [e for n, e in enumerate(events) if n % FOLDS != k % FOLDS]
        held_out.append(
            fit(np.vstack([e["x"] for e in train]), np.concatenate([e["y"] for e in train]))
        )
    scores = {t: grouping(events, held_out, t) for t in THRESHOLDS}
    for t, s in scores.items():
        print(f"threshold {t:.2f}: {s}", file=sys.stderr)
    best = max(scores, key=lambda t: (scores[t]["f1"], scores[t]["agree_precision"], -t))
    x = np.vstack([e["x"] for e in events])
    y = np.concatenate([e["y"] for e in events])
    fitted = fit(x, y)
    fitted["threshold"] = best
    trained_on = (
        f"BASIL tune events with claim gold ({len(events)} events, {int(y.sum())} positive "
        f"of {len(y)} candidate pairs); held-out tune grouping F1 {scores[best]['f1']}"
    )
    return training.write_model(args.out, fitted, trained_on, scores[best])


if __name__ == "__main__":
    sys.exit(main())
