"""What the pair-model training scripts share (``train_facts.py``, ``train_claims.py``).

Both fit a logistic regression on standardised pair features of the BASIL tune events and
ship it as plain numbers (:func:`fit_logistic`); both read the same options and analyse the
tune events once, optionally from a folder of pickled analyses (:func:`common_args`,
:func:`lazy_project`). scikit-learn is needed here only, never at run time.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np


def fit_logistic(x: np.ndarray, y: np.ndarray, features, c: float) -> dict:
    """Logistic regression (sklearn's ``C`` = ``c``) on standardised ``x``: the model as
    JSON-ready numbers (features, coef, intercept, mean, scale)."""
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y)
    return {
        "features": list(features),
        "coef": [round(float(v), 6) for v in lr.coef_[0]],
        "intercept": round(float(lr.intercept_[0]), 6),
        "mean": [round(float(m), 6) for m in mean],
        "scale": [round(float(s), 6) for s in scale],
    }


def common_args(parser: argparse.ArgumentParser, data: Path, out: Path):
    """Add ``--data``, ``--cache`` and ``--out``; after parsing, call the returned function
    with the parsed args to get the cache folder (created) or None."""
    parser.add_argument("--data", default=str(data))
    parser.add_argument("--cache", default="", help="folder for pickled event analyses")
    parser.add_argument("--out", default=str(out))

    def cache_of(args) -> Path | None:
        cache = Path(args.cache) if args.cache else None
        if cache:
            cache.mkdir(parents=True, exist_ok=True)
        return cache

    return cache_of


def lazy_project(accuracy):
    """A function returning the project's analysis runner, built on first call only (a
    warm cache never loads spaCy)."""
    runner: list = []

    def run():
        if not runner:
            runner.append(accuracy.project())
        return runner[0]

    return run


def write_model(out: str, fitted: dict, trained_on: str, best: dict) -> int:
    """Write the fitted model (with how it was trained) to ``out`` as JSON and print the
    chosen threshold's held-out scores ``best`` on stdout. Returns the exit code, 0."""
    fitted["trained_on"] = trained_on
    Path(out).write_text(json.dumps(fitted, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({"threshold": fitted["threshold"], **best}))
    return 0
