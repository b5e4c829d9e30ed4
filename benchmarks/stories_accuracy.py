"""The ``stories`` set of ``benchmarks/accuracy.py``: grouping a pile of real articles.

The BASIL development pile (``basil-dev``: 63 events, three outlets each, 189 articles) is
given to the project as ONE pile, the way a user uploads a folder: each article with the
outlet, title and date of its metadata file, under an anonymous id, in a shuffled order, so
the events (the gold stories) are hidden from the method. The project's own analysis groups
it (``documents.story_id``).

Measures (``scoring.bcubed``): B-cubed precision, recall and F1 of the stories against the
events. For each article, precision is the share of its story that is its event, recall the
share of its event that is in its story; both are averaged over articles.

Parts: the **tune** pile holds the events whose uuid part starts 0-4 (93 articles), the
**check** pile the others (96); each is grouped as a pile of its own, so tuning never sees
a check article. **pile** is all 189 articles grouped together (the headline figure:
events of both parts lie close in time).

Baseline, computed in the same run on the same texts: plain TF-IDF (scikit-learn's
``TfidfVectorizer`` on the article text) with average linkage on cosine distance over the
full n x n matrix, at the threshold that is best for that pile (an oracle threshold,
generous to the baseline). Four plain variants are run (English stop words or none, raw or
sublinear term frequency) and the best is reported, with its variant.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import numpy as np

from benchmarks import scoring

OUTLET_NAMES = {"fox": "Fox News", "hpo": "HuffPost", "nyt": "The New York Times"}


def basil_pile(data: Path) -> list[tuple[str, str, dict, str]]:
    """(anonymous id, raw text, metadata hints, gold event) of every BASIL dev article, in
    a shuffled order."""
    items = []
    for event in sorted(p.name for p in (data / "basil-dev").iterdir() if p.is_dir()):
        for key in OUTLET_NAMES:
            folder = data / "basil-dev" / event
            meta = json.loads((folder / f"{key}.meta.json").read_text(encoding="utf-8"))
            hints = {
                "outlet": OUTLET_NAMES[key],
                "title": meta.get("title", ""),
                "published": meta.get("date", ""),
            }
            items.append((folder / f"{key}.txt", hints, event))
    random.Random(24).shuffle(items)
    return [
        (f"article_{k:03d}", path.read_text(encoding="utf-8"), hints, event)
        for k, (path, hints, event) in enumerate(items)
    ]


class PartsMemo(dict):
    """Per-article results kept for the run (``get``/``put`` as ``analyze`` expects), so
    the three piles parse each article once."""

    def put(self, key: str, parts) -> None:
        self[key] = parts


def baseline(texts: list[str], gold: list[str]) -> dict:
    """Best plain TF-IDF average-linkage grouping (see the module docstring)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist
    from sklearn.feature_extraction.text import TfidfVectorizer

    best: dict = {"bcubed_f1": -1.0}
    for stop in (None, "english"):
        for sublinear in (False, True):
            X = TfidfVectorizer(stop_words=stop, sublinear_tf=sublinear).fit_transform(texts)
            tree = linkage(pdist(X.toarray(), metric="cosine"), method="average")
            for t in np.arange(0.30, 0.99, 0.01):
                found = scoring.bcubed(list(fcluster(tree, t=t, criterion="distance")), gold)
                if found["f1"] > best["bcubed_f1"]:
                    best = {
                        "bcubed_f1": found["f1"],
                        "bcubed_precision": found["precision"],
                        "bcubed_recall": found["recall"],
                        "variant": f"stop_words={stop}, sublinear_tf={sublinear}",
                        "distance_threshold": round(float(t), 2),
                    }
    return best


def _score(docs, analysis, gold_of: dict[str, str], seconds: float) -> dict:
    story_of = dict(zip(analysis.documents["doc_id"], analysis.documents["story_id"], strict=True))
    ids = [d.doc_id for d in docs]
    gold = [gold_of[i] for i in ids]
    found = scoring.bcubed([story_of.get(i, i) for i in ids], gold)
    base = baseline([d.text for d in docs], gold)
    return {
        "articles": len(ids),
        "gold_stories": len(set(gold)),
        "stories": len(set(story_of.values())),
        "bcubed_precision": found["precision"],
        "bcubed_recall": found["recall"],
        "bcubed_f1": found["f1"],
        "baseline_f1": base["bcubed_f1"],
        "above_baseline": round(found["f1"] - base["bcubed_f1"], 4),
        "baseline_variant": base["variant"],
        "baseline_threshold": base["distance_threshold"],
        "seconds": round(seconds, 1),
    }


def bench_stories(data: Path) -> dict:
    """``{"tune": …, "check": …, "pile": …}``: B-cubed of the project's stories and of the
    baseline on each pile (see the module docstring)."""
    from lib.analysis import analyze
    from lib.corpus.parse import parse_document
    from lib.nlp.pipeline import get_nlp
    from lib.parsing.local import InProcess

    nlp = InProcess(get_nlp())  # measures grouping, in this process
    items = basil_pile(data)
    gold_of = {doc_id: event for doc_id, _raw, _hints, event in items}
    docs = {doc_id: parse_document(doc_id, raw, hints) for doc_id, raw, hints, _e in items}
    memo = PartsMemo()
    out = {}
    for part in ("pile", *scoring.PARTS):
        chosen = [
            docs[doc_id]
            for doc_id, _r, _h, event in items
            if part == "pile" or scoring.basil_part(event) == part
        ]
        started = time.perf_counter()
        analysis = analyze(chosen, nlp, cache=memo)
        out[part] = _score(chosen, analysis, gold_of, time.perf_counter() - started)
    return out
