"""Growth benchmark: time and peak memory of analysing ONE document as it grows ×10.

Run from the repository root::

    .venv/bin/python benchmarks/growth.py            # 10k, 100k and 1M characters per shape
    .venv/bin/python benchmarks/growth.py --quick    # 10k and 100k only
    .venv/bin/python benchmarks/growth.py --shapes quotes,numbers --sizes 10000,100000

Each shape is invented text (no seed article) built to stress one part of the analysis:

- ``prose``: ordinary paragraphs (the control);
- ``short_lines``: many short lines of a few words (most end with a full stop), no blank
  lines between them;
- ``wrapped``: prose hard-wrapped at ~70 characters (wire copy), paragraphs apart;
- ``quotes``: many curly-quote pairs with speakers ("“…,” said Jane Doe.");
- ``numbers``: many spaced numbers ("70 000", "1 250 500") in sentences;
- ``parens``: parenthesis-heavy text, nested and unbalanced brackets.

Every case runs in its own subprocess (so peak RSS, read from ``ru_maxrss``, never mixes
between cases): it loads the pipeline and analyses a 2,000-character text of the same
shape (one-time loads, not timed), then times the real path an article
takes: :func:`lib.corpus.parse.parse_document` on the raw text, then
:func:`lib.analysis.analyze` with the real pipeline and no cache. A case that runs longer
than ``--timeout`` seconds is stopped and reported as such.

Targets (issue 16): ×10 input ≤ ×12 time; peak RSS ≤ 600 MB for a 1 MB text. Prints a
line per case, writes ``benchmarks/growth.md`` and prints ONE JSON object as its last line.

**Stories shape** (``--stories``): a pile of 1,000, 10,000 and 100,000 invented articles
about many events (:func:`benchmarks.synth.story_pile`), grouped into stories from their
per-article results (:func:`benchmarks.synth.cheap_parts` stands in for the parse, which
is timed above): the time of :func:`lib.resolve.stories.story_features` plus
:func:`lib.resolve.stories.group_stories`, each size in its own process (best of
:data:`REPEATS_SMALL` up to 10,000). Target: ×10 articles ≤ ×12 CPU time. Writes
``benchmarks/growth-stories.md``; the B-cubed F1 against the invented events is shown too.

**Corpus shapes** (``--corpus``; issue 26) grow the number of articles instead: N = 1, 3
and 10 invented articles of one shape (see :mod:`benchmarks.growth_corpus`)::

    .venv/bin/python benchmarks/growth.py --corpus                 # every corpus shape
    .venv/bin/python benchmarks/growth.py --corpus --shapes quotes --articles 1,3,10
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.growth_text import RESULTS, SHAPES, TARGET_RATIO, THREAD_VARS, make_text  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (10_000, 100_000)
#: A 1 MB text at most 600 MB peak RSS (×10 input at most ×12 time: growth_text).
TARGET_RSS_MB = 600.0
#: Texts up to 100k characters are analysed this many times and the best time kept (the
#: machine may be shared); 1M-character texts once.
REPEATS_SMALL = 3

# ----------------------------------------------------------------------------- one case


def run_one(shape: str, chars: int, repeats: int = 1) -> dict:
    """Analyse one document of ``shape`` and ``chars`` in this process: the best of
    ``repeats`` runs (wall and CPU seconds) and the peak RSS."""
    import resource

    os.environ["COVERAGE_LENS_CACHE_DIR"] = "off"
    from lib.analysis import analyze
    from lib.corpus.parse import parse_document
    from lib.nlp.pipeline import get_nlp
    from lib.parsing.local import InProcess

    nlp = InProcess(get_nlp())  # CPU time and memory of the extraction itself, here
    # one-time loads (model, lexicons, name lists) are not part of the growth: warm up on a
    # small text of the same shape first
    analyze([parse_document("warm", make_text(shape, 2_000, seed=1))], nlp, cache=None)
    raw = make_text(shape, chars)
    base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    best: dict[str, float] = {}
    for _ in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        doc = parse_document("growth", raw)
        t1 = time.perf_counter()
        analysis = analyze([doc], nlp, cache=None)
        t2, c2 = time.perf_counter(), time.process_time()
        for key, value in (("parse_s", t1 - t0), ("analyze_s", t2 - t1), ("total_s", t2 - t0),
                           ("cpu_s", c2 - c0)):  # fmt: skip
            best[key] = min(best.get(key, value), value)
    return {
        "shape": shape,
        "chars": len(raw),
        "body_chars": len(doc.text),
        "repeats": repeats,
        **{key: round(value, 3) for key, value in best.items()},
        "model_rss_mb": round(base_mb, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "sentences": len(analysis.sentences),
        "mentions": len(analysis.mentions),
        "figures": len(analysis.figures),
        "quotes": len(analysis.quotes),
        "notes": list(doc.notes),
    }


def run_case(shape: str, chars: int, timeout: float) -> dict:
    """:func:`run_one` in a fresh subprocess (own peak RSS), stopped after ``timeout`` s."""
    repeats = REPEATS_SMALL if chars <= 100_000 else 1
    cmd = [sys.executable, str(Path(__file__).resolve()), "--one", shape, str(chars), str(repeats)]
    env = {**os.environ, **{k: "1" for k in THREAD_VARS}}
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False, env=env
        )
    except subprocess.TimeoutExpired:
        return {"shape": shape, "chars": chars, "error": f"timeout after {timeout:g} s"}
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return {"shape": shape, "chars": chars, "error": tail[:200]}
    return json.loads(done.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------------------- report


def with_ratios(rows: list[dict]) -> list[dict]:
    """Add ``ratio`` (time / time of the previous size of the same shape) to each row."""
    prev: dict[str, dict] = {}
    for row in rows:
        before = prev.get(row["shape"])
        if before and "cpu_s" in row and "cpu_s" in before:
            scale = row["chars"] / before["chars"]
            for key, name in (("cpu_s", "ratio"), ("total_s", "wall_ratio")):
                ratio = row[key] / max(before[key], 1e-3)
                row[name] = round(ratio * 10 / scale, 2)  # per ×10 characters
        prev[row["shape"]] = row
    return rows


def verdict(rows: list[dict]) -> dict:
    ratios = [r["ratio"] for r in rows if "ratio" in r]
    big = [r["peak_rss_mb"] for r in rows if r.get("chars", 0) >= 900_000 and "peak_rss_mb" in r]
    return {
        "worst_ratio": max(ratios) if ratios else None,
        "worst_rss_1m_mb": max(big) if big else None,
        "errors": sum(1 for r in rows if "error" in r),
        "ratio_ok": all(x <= TARGET_RATIO for x in ratios),
        "rss_ok": all(x <= TARGET_RSS_MB for x in big),
    }


def markdown(rows: list[dict], summary: dict, quick: bool) -> str:
    lines = [
        "# Growth benchmark",
        "",
        f"`benchmarks/growth.py{' --quick' if quick else ''}` on {platform.platform()}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        "One invented document per row, parsed (`parse_document`) and analysed "
        "(`lib.analysis.analyze`, real pipeline, no cache) in its own process. "
        f"Times are the best of {REPEATS_SMALL} runs up to 100 k characters, one run at 1 M. "
        "*×10 ratio* = growth of the process's CPU seconds per ×10 characters against the "
        f"previous size (target ≤ {TARGET_RATIO:g}; CPU time, because wall time on a shared "
        "machine also counts other processes; the wall-time ratio is shown too); *peak RSS* "
        f"includes the loaded model (target ≤ {TARGET_RSS_MB:g} MB at 1 M characters).",
        "",
        "| shape | characters | parse s | analyse s | total s | CPU s | ×10 ratio (CPU) "
        "| ×10 ratio (wall) | peak RSS MB | sentences | figures | quotes | note |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| --- |",
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['shape']} | {r['chars']:,} |" + " |" * 10 + f" {r['error']} |")
            continue
        lines.append(
            f"| {r['shape']} | {r['chars']:,} | {r['parse_s']:.2f} | {r['analyze_s']:.2f} "
            f"| {r['total_s']:.2f} | {r['cpu_s']:.2f} | {r.get('ratio', '')} "
            f"| {r.get('wall_ratio', '')} | {r['peak_rss_mb']:.0f} "
            f"| {r['sentences']:,} | {r['figures']:,} | {r['quotes']:,} "
            f"| {' '.join(r['notes'])} |"
        )
    lines += [
        "",
        f"Worst ×10 ratio: {summary['worst_ratio']} (target ≤ {TARGET_RATIO:g}); "
        f"worst peak RSS at 1 M characters: {summary['worst_rss_1m_mb']} MB "
        f"(target ≤ {TARGET_RSS_MB:g}); cases that failed or timed out: {summary['errors']}.",
        "",
    ]
    return "\n".join(lines)


# ----------------------------------------------------------------------------- stories

STORY_SIZES = (1_000, 10_000, 100_000)
STORY_RESULTS = Path(__file__).resolve().parent / "growth-stories.md"


def run_stories(n: int, repeats: int) -> dict:
    """Group a pile of ``n`` invented articles into stories in this process (best of
    ``repeats``), with its peak RSS and B-cubed F1 against the invented events."""
    import resource

    from benchmarks.scoring import bcubed
    from benchmarks.synth import cheap_parts, story_pile
    from lib.resolve.stories import group_stories, story_features

    docs, gold = story_pile(n)
    parts = [cheap_parts(d) for d in docs]
    warm = [
        story_features(d.published, d.outlet, p)
        for d, p in zip(docs[:200], parts[:200], strict=False)
    ]
    group_stories(warm)  # imports and first calls are not part of the growth
    base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    best: dict[str, float] = {}
    for _ in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        feats = [
            story_features(d.published, d.outlet, p) for d, p in zip(docs, parts, strict=False)
        ]
        c1 = time.process_time()
        ids = group_stories(feats)
        t2, c2 = time.perf_counter(), time.process_time()
        for key, value in (("features_cpu_s", c1 - c0), ("group_cpu_s", c2 - c1),
                           ("cpu_s", c2 - c0), ("total_s", t2 - t0)):  # fmt: skip
            best[key] = min(best.get(key, value), value)
    return {
        "shape": "stories",
        "articles": n,
        "events": len(set(gold)),
        "stories": len(set(ids)),
        "bcubed_f1": bcubed(ids, gold)["f1"],
        **{key: round(value, 3) for key, value in best.items()},
        "base_rss_mb": round(base_mb, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def run_stories_case(n: int, timeout: float) -> dict:
    repeats = REPEATS_SMALL if n <= 10_000 else 1
    cmd = [sys.executable, str(Path(__file__).resolve()), "--one-stories", str(n), str(repeats)]
    env = {**os.environ, **{k: "1" for k in THREAD_VARS}}
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False, env=env
        )
    except subprocess.TimeoutExpired:
        return {"shape": "stories", "articles": n, "error": f"timeout after {timeout:g} s"}
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return {"shape": "stories", "articles": n, "error": tail[:200]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def stories_markdown(rows: list[dict]) -> str:
    lines = [
        "# Growth benchmark: stories",
        "",
        f"`benchmarks/growth.py --stories` on {platform.platform()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        "A pile of invented articles about many events (2 to 8 articles each, names invented, "
        "events of one kind sharing their words), grouped into stories from per-article "
        "results in its own process: story features, then grouping (blocking, scoring, "
        "linkage per component). *×10 ratio* = CPU time against the previous size "
        f"(target ≤ {TARGET_RATIO:g}).",
        "",
        "| articles | events | stories | B-cubed F1 | features CPU s | grouping CPU s "
        "| total CPU s | ×10 ratio (CPU) | wall s | peak RSS MB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['articles']:,} |" + " |" * 8 + f" {r['error']} |")
            continue
        lines.append(
            f"| {r['articles']:,} | {r['events']:,} | {r['stories']:,} | {r['bcubed_f1']:.3f} "
            f"| {r['features_cpu_s']:.2f} | {r['group_cpu_s']:.2f} | {r['cpu_s']:.2f} "
            f"| {r.get('ratio', '')} | {r['total_s']:.2f} | {r['peak_rss_mb']:.0f} |"
        )
    return "\n".join(lines) + "\n"


def main_stories(args) -> int:
    sizes = [int(s) for s in args.sizes.split(",") if s] or list(STORY_SIZES)
    rows = []
    for n in sizes:
        row = run_stories_case(n, args.timeout)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    for before, row in zip(rows, rows[1:], strict=False):
        if "cpu_s" in before and "cpu_s" in row:
            scale = row["articles"] / before["articles"]
            row["ratio"] = round(row["cpu_s"] / max(before["cpu_s"], 1e-3) * 10 / scale, 2)
    ratios = [r["ratio"] for r in rows if "ratio" in r]
    summary = {"worst_ratio": max(ratios) if ratios else None,
               "ratio_ok": all(x <= TARGET_RATIO for x in ratios)}  # fmt: skip
    if not args.no_write:
        STORY_RESULTS.write_text(stories_markdown(rows), encoding="utf-8")
    print(json.dumps({"rows": rows, "summary": summary}))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10k and 100k characters only")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes")
    parser.add_argument("--sizes", default="", help="comma-separated character counts")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per case")
    parser.add_argument("--no-write", action="store_true", help="do not write growth.md")
    parser.add_argument("--one", nargs=3, metavar=("SHAPE", "CHARS", "N"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--stories", action="store_true", help="the stories shape (articles, not characters)"
    )
    parser.add_argument("--one-stories", nargs=2, metavar=("N", "R"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", action="store_true", help="corpus shapes: N articles")
    parser.add_argument("--articles", default="", help="comma-separated article counts")
    parser.add_argument("--corpus-one", nargs=2, metavar=("SHAPE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), int(args.one[2]))))
        return 0
    if args.one_stories:
        print(json.dumps(run_stories(int(args.one_stories[0]), int(args.one_stories[1]))))
        return 0
    if args.stories:
        return main_stories(args)
    if args.corpus_one or args.corpus:
        from benchmarks import growth_corpus  # the corpus shapes (N articles)

        if args.corpus_one:
            row = growth_corpus.run_corpus_one(args.corpus_one[0], int(args.corpus_one[1]))
            print(json.dumps(row))
            return 0
        return growth_corpus.corpus_main(args)
    sizes = [int(s) for s in args.sizes.split(",") if s] or list(
        QUICK_SIZES if args.quick else SIZES
    )
    shapes = [s for s in args.shapes.split(",") if s]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        parser.error(f"unknown shape(s): {', '.join(unknown)}")
    rows = []
    for shape in shapes:
        for chars in sizes:
            row = run_case(shape, chars, args.timeout)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
            if "error" in row:
                break  # a bigger text would only take longer
    rows = with_ratios(rows)
    summary = verdict(rows)
    if not args.no_write:
        old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
        kept = old[old.index("\n## Corpus shapes\n") :] if "\n## Corpus shapes\n" in old else ""
        RESULTS.write_text(markdown(rows, summary, args.quick) + kept, encoding="utf-8")
    print(json.dumps({"rows": rows, "summary": summary}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
