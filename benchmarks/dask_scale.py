"""Dask benchmark: articles per second with 1 and 2 local workers, and a long pile streamed
through the CLI with flat memory (not run in CI).

Run from the repository root::

    .venv/bin/python benchmarks/dask_scale.py           # 1,000 for speed, 100,000 streamed
    .venv/bin/python benchmarks/dask_scale.py --speed 500 --stream 5000   # a shorter run

Articles are invented (:func:`benchmarks.synth.story_pile`: many events, several outlets
each, about 130 words an article) and written as a folder with ``sources.csv``. Each run is
the real command a user types, in its own process, without the disk cache::

    python -m lib analyze --corpus PILE --out DIR --scheduler local:N --no-cache

*Speed*: the same ``--speed`` articles with ``local:1`` and ``local:2``; articles/s is the
pile over the command's wall time (cluster start and the pipeline's load included), the
scaling ratio is 2 workers' rate over 1 worker's.

*Streaming*: ``--stream`` articles with ``local:2``. While it runs the benchmark samples,
once a second, the resident memory of every process the command started: each Dask worker
with the parse process it supervises (one "worker" in the table), and the command itself
(the client, which holds the articles' texts and a kilobyte of story features each). Flat
memory: a worker's peak stays the same whether it has parsed a hundred articles or fifty
thousand (the parse process is recycled every few million characters); target ≤ 2 GB per
worker. Writes ``benchmarks/dask.md`` and prints ONE JSON object as its last line.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synth import story_pile, write_corpus_folder  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "dask.md"
TARGET_WORKER_MB = 2048
#: Processes smaller than this are helpers (the spawn resource tracker), not workers.
MIN_WORKER_MB = 60


def make_pile(n: int, folder: Path) -> Path:
    docs, _gold = story_pile(n, seed=24)
    return write_corpus_folder(docs, folder)


def _tree_mb(proc) -> float:
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total / 2**20


def run_cli(pile: Path, workers: int, out: Path) -> dict:
    """Run ``analyze --scheduler local:N`` on ``pile``; wall time and memory samples."""
    import psutil

    cmd = [sys.executable, "-m", "lib", "analyze", "--corpus", str(pile), "--out", str(out),
           "--scheduler", f"local:{workers}", "--no-cache"]  # fmt: skip
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    log = open(out.parent / f"{out.name}.log", "w")  # noqa: SIM115 - closed below
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    ps = psutil.Process(proc.pid)
    samples = []  # (seconds, client MB, [worker tree MB ...])
    trace = open(out.parent / f"{out.name}.samples.jsonl", "w")  # noqa: SIM115 - closed below
    while proc.poll() is None:
        try:
            client = ps.memory_info().rss / 2**20
            trees = [_tree_mb(c) for c in ps.children()]
        except psutil.Error:
            break
        sample = (time.perf_counter() - started, client, [t for t in trees if t > MIN_WORKER_MB])
        samples.append(sample)
        trace.write(json.dumps(sample) + "\n")  # a long run's memory survives an interruption
        trace.flush()
        time.sleep(1.0)
    trace.close()
    seconds = time.perf_counter() - started
    log.close()
    tail = (out.parent / f"{out.name}.log").read_text().strip().splitlines()[-3:]
    if proc.returncode != 0:
        raise RuntimeError(f"analyze failed ({proc.returncode}): {' | '.join(tail)}")
    workers_peak = max((max(t) for _s, _c, t in samples if t), default=0.0)
    return {
        "workers": workers,
        "seconds": round(seconds, 1),
        "client_peak_mb": round(max((c for _s, c, _t in samples), default=0.0)),
        "worker_peak_mb": round(workers_peak),
        "samples": samples,
        "log_tail": tail,
    }


def flatness(samples: list) -> list[dict]:
    """Peak worker memory in each quarter of the run (flat memory: about the same)."""
    if not samples:
        return []
    end = samples[-1][0]
    rows = []
    for q in range(4):
        part = [t for s, _c, t in samples if q * end / 4 <= s <= (q + 1) * end / 4 and t]
        rows.append(
            {"quarter": q + 1, "worker_peak_mb": round(max((max(t) for t in part), default=0))}
        )
    return rows


def markdown(speed: list[dict], stream: dict | None, n_speed: int, n_stream: int) -> str:
    lines = [
        "# Dask benchmark",
        "",
        f"`benchmarks/dask_scale.py` on {platform.platform()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Invented articles "
        "(`benchmarks/synth.py`, about 130 words each); every run is `python -m lib analyze "
        "--scheduler local:N --no-cache` in its own process, timed from start to exit "
        "(cluster start and model load included).",
        "",
        "| Run | Articles | Workers | Wall s | Articles/s | Peak per worker MB | Client peak MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in speed:
        lines.append(
            f"| speed | {n_speed:,} | {r['workers']} | {r['seconds']} | {r['rate']} "
            f"| {r['worker_peak_mb']} | {r['client_peak_mb']} |"
        )
    if len(speed) == 2:
        lines += [
            "",
            f"Scaling ratio (2 workers / 1 worker): ×{speed[1]['rate'] / speed[0]['rate']:.2f}.",
        ]
    if stream:
        lines += [
            "",
            f"Streaming {n_stream:,} articles with 2 workers: {stream['seconds']} s "
            f"({stream['rate']} articles/s), peak per worker {stream['worker_peak_mb']} MB "
            f"(target ≤ {TARGET_WORKER_MB}), client peak {stream['client_peak_mb']} MB. Peak per "
            "worker in each quarter of the run: "
            + ", ".join(f"{q['worker_peak_mb']} MB" for q in stream["quarters"])
            + ".",
        ]
    return "\n".join(lines) + "\n"


def summarize(folder: Path) -> dict:
    """A stream run's memory so far, from its samples and log in ``folder`` (it may still be
    running, or have been stopped): articles parsed, elapsed time, peaks per sixth of the
    run."""
    import re

    samples_file = next(folder.glob("out*_2.samples.jsonl"))
    rows = [json.loads(line) for line in samples_file.read_text().splitlines() if line.strip()]
    log = samples_file.with_name(samples_file.name.replace(".samples.jsonl", ".log"))
    parsed = re.findall(r"parsed (\d+)/(\d+) articles", log.read_text())
    end = rows[-1][0]
    sixths = []
    for q in range(6):
        part = [r for r in rows if q * end / 6 <= r[0] <= (q + 1) * end / 6]
        sixths.append(round(max((max(r[2]) for r in part if r[2]), default=0)))
    done, total = (int(x) for x in parsed[-1]) if parsed else (0, 0)
    return {
        "parsed": done,
        "total": total,
        "seconds": round(end),
        "worker_peak_mb": round(max((max(r[2]) for r in rows if r[2]), default=0)),
        "client_peak_mb": round(max(r[1] for r in rows)),
        "worker_peak_by_sixth_mb": sixths,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--speed", type=int, default=1000, help="articles for the speed runs (0: skip)"
    )
    parser.add_argument("--stream", type=int, default=100_000, help="articles streamed (0: skip)")
    parser.add_argument("--work", default="", help="folder for piles and outputs (default: temp)")
    parser.add_argument("--no-write", action="store_true", help="do not write dask.md")
    parser.add_argument(
        "--summarize", metavar="DIR", help="print the memory of a stream run in DIR so far"
    )
    args = parser.parse_args(argv)
    if args.summarize:
        print(json.dumps(summarize(Path(args.summarize))))
        return 0
    work = Path(args.work or tempfile.mkdtemp(prefix="coverage-lens-dask-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"speed": [], "stream": None}
    try:
        pile = make_pile(args.speed, work / f"pile{args.speed}") if args.speed else None
        for workers in (1, 2) if pile else ():
            r = run_cli(pile, workers, work / f"out{args.speed}_{workers}")
            r["rate"] = round(args.speed / r["seconds"], 2)
            r.pop("samples")
            results["speed"].append(r)
            print(json.dumps(r), file=sys.stderr, flush=True)
        if args.stream:
            pile = make_pile(args.stream, work / f"pile{args.stream}")
            r = run_cli(pile, 2, work / f"out{args.stream}_2")
            r["rate"] = round(args.stream / r["seconds"], 2)
            r["quarters"] = flatness(r.pop("samples"))
            results["stream"] = r
            print(json.dumps(r), file=sys.stderr, flush=True)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    if len(results["speed"]) == 2:
        results["scaling"] = round(results["speed"][1]["rate"] / results["speed"][0]["rate"], 2)
    if not args.no_write:
        RESULTS.write_text(markdown(results["speed"], results["stream"], args.speed, args.stream))
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
