"""Fit the fact-alignment model on the BASIL tune events and write ``lib/data/facts_model.json``.

Run from the repository root (needs scikit-learn, which the app needs anyway)::

    .venv/bin/python benchmarks/train_facts.py [--data ../shared/eval] [--cache DIR]

Only events of the tune part (``scoring.basil_part``) with hand-made gold in
``benchmarks/gold/basil-facts/`` are read. Each candidate pair of statements (the blocking
of ``lib.resolve.alignment``) is labelled 1 when both statements are gold statements of
one gold fact; a logistic regression (standardised features, L2) is fitted on those
labels, then the clustering threshold is chosen where the tune events' pair F1 is highest
on held-out probabilities (each event scored by a model fitted on the other folds, events
split into :data:`FOLDS` folds), so the threshold is not fitted to the model's own errors;
then, the same way, the threshold above which a statement also joins a further fact
(``also_threshold``; left out when no value beats none).
``--cache DIR`` keeps each event's analysis as a pickle so a second run parses nothing.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import accuracy, basil_facts, scoring, training  # noqa: E402
from lib.resolve import alignment, facts  # noqa: E402

THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.10, 0.61, 0.025))
#: Thresholds tried for a statement to join a further fact (``facts.also_in``).
ALSO = tuple(round(t, 3) for t in np.arange(0.20, 0.61, 0.05))
#: L2 strength of the logistic regression (sklearn's C).
C = 1.0
#: Folds of events for the held-out probabilities the threshold is chosen on.
FOLDS = 5


def tune_events(data: Path, gold: dict, run, cache: Path | None):
    """(event, raws, docs, analysis, maps) of each tune event with gold."""
    for event in accuracy.basil_events(data):
        if scoring.basil_part(event) != "tune" or event not in gold:
            continue
        path = cache / f"{event}.pkl" if cache else None
        if path is not None and path.exists():
            raws, docs, analysis = pickle.loads(path.read_bytes())
        else:
            raws, docs, analysis = accuracy.analyse_event(data, event, run())
            if path is not None:
                path.write_bytes(pickle.dumps((raws, docs, analysis)))
        maps = {k: scoring.OffsetMap(raws[k], docs[k].text) for k in raws}
        yield event, raws, docs, analysis, maps


def event_pairs(analysis, docs, gold: dict, maps: dict):
    """Candidate pairs, their features and gold labels of one event."""
    st = analysis.statements.reset_index(drop=True)
    info = alignment.statement_info(st, analysis.mentions, analysis.figures, analysis.quotes)
    i, j = alignment.candidate_pairs(info)
    x = alignment.pair_features(info, i, j)
    gold_fact_list, spans = basil_facts.gold_facts(gold, maps)
    gold_pairs = scoring.fact_pairs(gold_fact_list)
    outlets, units = basil_facts.system_units(analysis, docs, spans)
    y = np.array(
        [
            frozenset(((outlets[a], units[a]), (outlets[b], units[b]))) in gold_pairs
            for a, b in zip(i.tolist(), j.tolist(), strict=True)
        ],
        dtype=bool,
    )
    return info, i, j, x, y, gold_fact_list, outlets, units


def fit(x: np.ndarray, y: np.ndarray) -> dict:
    return training.fit_logistic(x, y, alignment.FEATURES, C)


def held_out(events) -> list[np.ndarray]:
    """Each event's pair probabilities from a model fitted on the other folds' events."""
    probs = []
    for k, event in enumerate(events):
        train = [e for n, e in enumerate(events) if n % FOLDS != k % FOLDS]
        fitted = fit(np.vstack([e[3] for e in train]), np.concatenate([e[4] for e in train]))
        probs.append(alignment.pair_probability(event[3], fitted))
    return probs


def pair_f1(events, probs: list[np.ndarray], threshold: float, also: float | None = None) -> dict:
    """Pair P/R/F1 over the events when facts are grouped at ``threshold`` and statements
    also join the other facts they match above ``also`` (``facts.memberships``)."""
    total = Counter()
    fitted = {"threshold": threshold, "also_threshold": also}
    for (info, i, j, _x, _y, gold_fact_list, outlets, units), p in zip(events, probs, strict=True):
        rows, labels = facts.memberships(len(info), i, j, p, info.outlet, fitted)
        system: dict[int, list] = {}
        for row, label in zip(rows.tolist(), labels.tolist(), strict=True):
            system.setdefault(label, []).append((outlets[row], units[row]))
        total.update(scoring.fact_pair_counts(list(system.values()), gold_fact_list))
    return scoring.prf(total["correct"], total["system"], total["correct"], total["gold"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", default=str(basil_facts.GOLD_DIR))
    cache_of = training.common_args(parser, accuracy.DEFAULT_DATA, alignment.MODEL_PATH)
    args = parser.parse_args(argv)
    cache = cache_of(args)
    gold = basil_facts.load_gold(Path(args.gold))
    run = training.lazy_project(accuracy)

    events = []
    for event, _raws, docs, analysis, maps in tune_events(Path(args.data), gold, run, cache):
        events.append(event_pairs(analysis, docs, gold[event], maps))
        print(f"{event}: {len(events[-1][1])} candidate pairs", file=sys.stderr)
    if not events:
        print("error: no tune event with gold", file=sys.stderr)
        return 2
    x = np.vstack([e[3] for e in events])
    y = np.concatenate([e[4] for e in events])
    probs = held_out(events)
    scores = {t: pair_f1(events, probs, t) for t in THRESHOLDS}
    best = max(scores, key=lambda t: (scores[t]["f1"], -t))
    for t, s in scores.items():
        print(f"threshold {t:.3f}: {s}", file=sys.stderr)
    also_scores = {a: pair_f1(events, probs, best, a) for a in ALSO}
    also = max(also_scores, key=lambda a: (also_scores[a]["f1"], a))
    for a, s in also_scores.items():
        print(f"also_threshold {a:.3f}: {s}", file=sys.stderr)
    if also_scores[also]["f1"] > scores[best]["f1"]:
        scores[best] = also_scores[also]
    else:
        also = None
    fitted = fit(x, y)
    fitted["threshold"] = best
    fitted["also_threshold"] = also
    trained_on = (
        f"BASIL tune events with gold facts ({len(events)} events, {int(y.sum())} positive "
        f"of {len(y)} candidate pairs); held-out tune pair F1 {scores[best]['f1']}"
    )
    return training.write_model(args.out, fitted, trained_on, scores[best])


if __name__ == "__main__":
    sys.exit(main())
