"""Train the pronoun-speaker ranker (``lib/nlp/antecedents.py``) on PolNeAR train only.

Run from the repository root (about four minutes on two cores, most of it spaCy)::

    .venv/bin/python -m benchmarks.train_speakers [--data ../shared/eval] [--cache DIR]

It reads ``polnear-train`` and nothing else (``polnear-dev`` is the check part of the
accuracy benchmark and is never looked at here). Every article goes through the project's
own reader and pipeline; for every attribution whose source is "he" or "she", each person
named before the pronoun (:func:`lib.nlp.antecedents.candidates`) is one example, labelled
by whether it is the person the gold resolves the pronoun to (the nearest earlier named
source not of the other gender, as the accuracy benchmark scores it). A logistic regression
(scikit-learn, a development dependency; the app needs none) is fitted on those candidates,
its strength chosen by five-fold cross-validation grouped by article, and written as plain
coefficients to ``lib/data/speaker_model.json`` (a few hundred bytes, no pickle).

``--cache DIR`` keeps the parsed articles (spaCy ``DocBin`` files, keyed by text) so a
second run skips spaCy; ``--out`` writes the model elsewhere; ``--dry-run`` only reports.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import scoring  # noqa: E402
from benchmarks.accuracy import DEFAULT_DATA, polnear_files  # noqa: E402


def late_components(nlp) -> list[str]:
    """Components after ``ner`` (the project's own, cheap): re-run on cached Docs so their
    edits count, read from the pipeline so a new component is never left out."""
    names = nlp.pipe_names
    return names[names.index("ner") + 1 :]


C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
GENDER = {"he": "m", "she": "f"}
#: Examples whose pronoun is the source of a direct quote (reported apart: the accuracy
#: benchmark scores those).
QUOTED: set[int] = set()


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def parse_all(texts: list[str], cache: Path | None):
    """Parsed Docs of ``texts`` (the full pipeline); with ``cache``, the Docs up to ``ner``
    are stored and reused, the later components always re-run."""
    from spacy.tokens import DocBin

    from lib.nlp.pipeline import get_nlp

    nlp = get_nlp()
    if cache is None:
        return list(nlp.pipe(texts, batch_size=32))
    cache.mkdir(parents=True, exist_ok=True)
    paths = [cache / (hashlib.sha256(t.encode()).hexdigest()[:24] + ".spacy") for t in texts]
    todo = [i for i, p in enumerate(paths) if not p.exists()]
    late = late_components(nlp)
    with nlp.select_pipes(disable=late):
        for i, doc in zip(todo, nlp.pipe([texts[i] for i in todo], batch_size=32), strict=True):
            bin_ = DocBin(store_user_data=False)
            bin_.add(doc)
            bin_.to_disk(paths[i])
    docs = []
    for path in paths:
        doc = next(iter(DocBin().from_disk(path).get_docs(nlp.vocab)))
        for name in late:
            doc = nlp.get_pipe(name)(doc)
        docs.append(doc)
    return docs


def examples(data: Path, cache: Path | None) -> tuple[list, list, list, list]:
    """Candidate feature rows, labels, article index and example index of every gold he/she
    source of PolNeAR train."""
    from lib.corpus.parse import parse_document
    from lib.extract.quotes import attributor_for, extract_quotes
    from lib.nlp import antecedents
    from lib.nlp.headline import title_end

    files = polnear_files(data, scoring.POLNEAR_FOLDERS["tune"])
    raws = [path.read_text(encoding="utf-8") for _, path, _ in files]
    documents = [parse_document(doc, raw, {}) for (doc, _, _), raw in zip(files, raws, strict=True)]
    log(f"parsing {len(documents)} articles of polnear-train …")
    parsed = parse_all([d.text for d in documents], cache)
    rows, labels, groups, example_ids = [], [], [], []
    QUOTED.clear()
    n_examples = 0
    for k, ((_, _, ann_path), raw, document, doc) in enumerate(
        zip(files, raws, documents, parsed, strict=True)
    ):
        text = document.text
        doc.user_data["text"] = text
        att = attributor_for(doc)
        extract_quotes(doc, att)  # who spoke before each pronoun
        ctx = antecedents.Context(att, title_end(text))
        offsets = scoring.OffsetMap(raw, text)
        for gold in scoring.gold_pronoun_sources(raw, ann_path.read_text(encoding="utf-8")):
            span = offsets.span(gold.start, gold.end)
            tok = doc.char_span(*span, alignment_mode="expand") if span else None
            if tok is None or len(tok) != 1:
                continue
            cands = antecedents.candidates(ctx, tok[0], GENDER[gold.pronoun])
            for ent, feats in cands:
                rows.append([feats.get(f, 0.0) for f in antecedents.FEATURES])
                labels.append(scoring.speaker_correct(att.people.person(ent), gold.resolved))
                groups.append(k)
                example_ids.append(n_examples)
            if gold.quoted:
                QUOTED.add(n_examples)
            n_examples += 1
    return rows, labels, groups, example_ids


def top1(scores, labels, example_ids, only: set[int] | None = None) -> tuple[int, int]:
    """(examples whose best-scored candidate is right, examples with a right candidate),
    over the examples in ``only`` when given."""
    best: dict[int, tuple[float, bool]] = {}
    reachable = set()
    for s, y, e in zip(scores, labels, example_ids, strict=True):
        if only is not None and e not in only:
            continue
        if y:
            reachable.add(e)
        if e not in best or s > best[e][0]:
            best[e] = (s, y)
    return sum(1 for e in reachable if best[e][1]), len(reachable)


def fit(rows, labels, groups, example_ids) -> tuple[dict, dict]:
    """The model (JSON-ready) and its cross-validated report."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from lib.nlp import antecedents

    x, y = np.asarray(rows, dtype=float), np.asarray(labels, dtype=bool)
    g, e = np.asarray(groups), np.asarray(example_ids)
    report: dict = {"candidates": len(y), "examples": int(len(set(example_ids)))}
    rule = [antecedents.score(dict(zip(antecedents.FEATURES, r, strict=True)), RULE) for r in rows]
    report["rule_top1"] = top1(rule, labels, example_ids)
    report["rule_top1_quoted"] = top1(rule, labels, example_ids, QUOTED)
    best_c, best_hits = C_GRID[0], -1
    for c in C_GRID:
        hits = quoted = 0
        for train, test in GroupKFold(n_splits=5).split(x, y, g):
            clf = LogisticRegression(C=c, max_iter=2000).fit(x[train], y[train])
            hits += top1(clf.decision_function(x[test]), y[test], e[test])[0]
            quoted += top1(clf.decision_function(x[test]), y[test], e[test], QUOTED)[0]
        report[f"cv_top1_C{c}"] = hits
        report[f"cv_top1_quoted_C{c}"] = quoted
        if hits > best_hits:
            best_c, best_hits = c, hits
    clf = LogisticRegression(C=best_c, max_iter=2000).fit(x, y)
    report["C"] = best_c
    report["train_top1"] = top1(clf.decision_function(x), labels, example_ids)
    model = {
        "about": "Pronoun-speaker ranker of lib/nlp/antecedents.py: logistic regression over "
        "the features below, trained on PolNeAR train only. Retrain: python -m "
        "benchmarks.train_speakers",
        "features": list(antecedents.FEATURES),
        "weights": [round(float(w), 5) for w in clf.coef_[0]],
        "bias": round(float(clf.intercept_[0]), 5),
        "trained_on": "polnear-train",
        "C": best_c,
        "candidates": report["candidates"],
        "examples": report["examples"],
        "cv_top1": f"{best_hits}/{report['rule_top1'][1]}",
    }
    return model, report


#: The rule the model replaces, as weights (most recent speaker-like person first).
RULE = {
    "features": ["speaker_any", "subj_main", "gender_known", "rank_1", "rank_2", "rank_3"],
    "weights": [100.0, 100.0, 10.0, 3.0, 2.0, 1.0],
    "bias": 0.0,
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="folder of the eval sets")
    parser.add_argument("--cache", default="", help="folder for parsed articles (optional)")
    parser.add_argument("--out", default="", help="model file (default: lib/data/...)")
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = parser.parse_args(argv)
    from lib.nlp import antecedents

    t0 = time.perf_counter()
    rows, labels, groups, example_ids = examples(
        Path(args.data), Path(args.cache) if args.cache else None
    )
    model, report = fit(rows, labels, groups, example_ids)
    report["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(report))
    if not args.dry_run:
        out = Path(args.out) if args.out else antecedents.MODEL_FILE
        out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        log(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
