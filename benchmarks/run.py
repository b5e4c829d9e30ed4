"""Coverage Lens benchmark: throughput, caches, outlet-filter latency, memory, real browser.

Run from the repository root::

    .venv/bin/python benchmarks/run.py            # 5, 100 and 1,000 articles (~10 min, 2 cores)
    .venv/bin/python benchmarks/run.py --quick    # 5 and 100 articles, browser on seeds (<2 min)

Corpora: the 5 seed articles, and 100 / 1,000 synthetic articles made by recombining the
seeds' paragraphs (``benchmarks/synth.py``) under distinct outlet names (at most 100
outlets, so a thousand articles come from 100 outlets, 10 each). Synthetic corpora are
written as a folder with ``sources.csv`` and read back with ``load_corpus`` so the
benchmark sees exactly the documents the app sees.

Measured per size:

- raw ``nlp.pipe`` tokens/s for the project pipeline (``get_nlp()``, same components,
  same batch size) and the full ``analyze`` tokens/s without cache; best of N runs,
  interleaved (raw/analysis order alternates) after a warm-up; their ratio;
- ``analyze`` through the parse path the app and CLI use (``lib.parsing.Workers``,
  supervised worker processes with the per-article budget, warm), with one worker and with
  two, and the speedup of two over one (the raw/analysis ratio above is measured in this
  process, ``lib.parsing.local.InProcess``, beside raw spaCy);
- the corpus-level passes on the full tables: co-occurrence, claims, quote groups and
  the whole ``assemble``;
- cached reload: reading the corpus plus ``analyze`` with a warm disk cache
  (``lib.store.cache.DiskCache``; whole-analysis hit), and with only per-document parts warm;
- outlet-filter change on the server: ``filter_outlets`` + the Compare table + the
  co-occurrence top-15 matrix (median of 5);
- peak RSS of this process (and of worker processes).

Browser (playwright + Debian chromium): time from starting ``streamlit run app.py`` to the
first rendered page, and from clicking a sidebar chip's "Remove <outlet>" button to the
updated page, on the seeds (cold and warm disk cache) and on 1,000 articles (warm cache,
through ``COVERAGE_LENS_CORPUS``).

Prints progress, then ONE JSON object as the last line; writes ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from benchmarks.synth import synthetic_documents, write_corpus_folder  # noqa: E402

BATCH = 32
SEEDS = ROOT / "seeds"
RESULTS = Path(__file__).resolve().parent / "results.md"
TARGETS = {
    "ratio": 0.85,
    "two_process_speedup": 1.6,
    "cached_reload_s": 2.0,
    "filter_change_ms": 300.0,
    "peak_rss_mb": 1536.0,
    "browser_first_page_seeds_cold_s": 4.0,
    "browser_first_page_seeds_warm_s": 2.0,
}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def timed(fn, *args, **kwargs):
    gc.collect()
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - start, out


def timed_cpu(fn, *args, **kwargs):
    """(wall seconds, CPU seconds of this process, result)."""
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    out = fn(*args, **kwargs)
    return time.perf_counter() - start, time.process_time() - cpu, out


class Recorder:
    """A 'cache' that never hits and keeps every document's parts (negligible cost)."""

    def __init__(self):
        self.parts: dict[str, dict] = {}

    def get(self, key):
        return None

    def put(self, key, parts):
        self.parts[key] = parts


def measure_workers(docs, analysis, n: int) -> dict:
    """Analysis through the parse path the app and CLI use (``lib.parsing.Workers``, warm:
    the pipeline loaded), with one worker process and with two."""
    from lib.analysis import analyze
    from lib.parsing import make_parser

    row = {"load_average_before_2p": round(os.getloadavg()[0], 2)}
    times = {}
    for processes in (1, 2):
        parser = make_parser(processes, 60.0)
        try:
            parser.parse([d.text for d in docs[: processes * 2]], lambda i, p: None, print)
            before = _workers_cpu(parser)
            t, result = timed(analyze, docs, parser)
            cpu = _workers_cpu(parser) - before
        finally:
            parser.close()
        times[processes] = t
        row[f"workers_{processes}_s"] = round(t, 3)
        row[f"workers_{processes}_parallelism"] = round(cpu / t, 2)
        row[f"workers_{processes}_same_result"] = bool(
            result.mentions.equals(analysis.mentions) and result.claims.equals(analysis.claims)
        )
    row["two_process_s"] = row["workers_2_s"]
    row["two_process_speedup"] = round(times[1] / times[2], 2)
    row["two_process_same_result"] = row["workers_2_same_result"]
    log(f"[{n}]   workers: 1 process {times[1]:.2f}s, 2 processes {times[2]:.2f}s "
        f"(x{times[1] / times[2]:.2f})")  # fmt: skip
    return row


def _workers_cpu(parser) -> float:
    """CPU seconds the parser's live worker processes have used."""
    total = 0.0
    for slot in parser._slots:  # noqa: SLF001 - the benchmark looks inside
        if slot.proc is not None and slot.proc.poll() is None:
            times = psutil.Process(slot.proc.pid).cpu_times()
            total += times.user + times.system
    return total


def build_corpus(n: int, workdir: Path, max_outlets: int) -> Path:
    if n == 5:
        return SEEDS
    folder = workdir / f"corpus_{n}"
    docs = synthetic_documents(n, outlets=min(n, max_outlets))
    return write_corpus_folder(docs, folder)


def page_computations(analysis, selected):
    """What one page rerun computes after an outlet-filter change (server side)."""
    from lib.views import compare, cooccur
    from lib.views.filter import filter_outlets

    view = filter_outlets(analysis, selected)
    table = compare.entity_outlet_table(view.entities, selected)
    top = cooccur.top_entities(view.mentions, 15)
    pairs = cooccur.cooccurrence(view.mentions, view.sentences, entities=top)
    matrix = cooccur.cooccurrence_matrix(pairs, top, "count")
    return table, matrix


def measure_size(n, nlp, workdir, args) -> dict:
    from lib.analysis import analyze
    from lib.ingest.local import load_corpus
    from lib.parsing.local import InProcess
    from lib.resolve.assemble import assemble
    from lib.resolve.claims import build_claims
    from lib.resolve.quote_groups import group_quotes
    from lib.store.cache import DiskCache, corpus_key
    from lib.versions import text_key
    from lib.views import cooccur

    folder = build_corpus(n, workdir, args.max_outlets)
    load_s, corpus = timed(load_corpus, folder)
    docs = corpus.documents
    texts = [d.text for d in docs]
    repeats = args.repeats or ({5: 3, 100: 2}.get(n, 1) if args.quick else {5: 5, 100: 3}.get(n, 2))
    log(f"[{n}] {len(docs)} documents from {folder}; {repeats} interleaved runs")
    raw_times, ana_times, raw_cpu, ana_cpu = [], [], [], []
    recorder = Recorder()
    in_process = InProcess(nlp, BATCH)  # extraction cost beside raw spaCy, same process
    analysis = None
    n_tokens = 0
    for r in range(repeats):
        order = ("raw", "analysis") if r % 2 == 0 else ("analysis", "raw")
        for kind in order:
            if kind == "raw":
                t, c, n_tokens = timed_cpu(
                    lambda: sum(len(d) for d in nlp.pipe(texts, batch_size=BATCH))
                )
                raw_times.append(t)
                raw_cpu.append(c)
            else:
                t, c, analysis = timed_cpu(analyze, docs, in_process, cache=recorder)
                ana_times.append(t)
                ana_cpu.append(c)
            log(f"[{n}]   {kind}: {t:.2f}s")
    raw_best, ana_best = min(raw_times), min(ana_times)
    row = {
        "docs": len(docs),
        "outlets": len(analysis.outlets),
        "outlet_names": analysis.outlets,
        "tokens": n_tokens,
        "corpus_load_s": round(load_s, 3),
        "raw_s": round(raw_best, 3),
        "analysis_s": round(ana_best, 3),
        "raw_tokens_per_s": round(n_tokens / raw_best),
        "analysis_tokens_per_s": round(n_tokens / ana_best),
        "ratio": round(raw_best / ana_best, 3),
        "ratio_cpu": round(min(raw_cpu) / min(ana_cpu), 3),
        "load_average": round(os.getloadavg()[0], 2),
        "raw_runs_s": [round(t, 2) for t in raw_times],
        "analysis_runs_s": [round(t, 2) for t in ana_times],
        "mentions": len(analysis.mentions),
        "figures": len(analysis.figures),
        "quotes": len(analysis.quotes),
    }

    # the one parse path: supervised worker processes (warm), one and two of them
    if n >= 100 and not args.no_parallel and (not args.quick or n <= 100):
        row.update(measure_workers(docs, analysis, n))

    # corpus-level passes on the full tables
    parts = [recorder.parts[text_key(t)] for t in texts]
    row["assemble_s"] = round(min(timed(assemble, docs, parts)[0] for _ in range(2)), 3)
    row["cooccurrence_s"] = round(
        min(
            timed(cooccur.cooccurrence, analysis.mentions, analysis.sentences)[0] for _ in range(3)
        ),
        3,
    )
    figs_in = analysis.figures
    row["claims_s"] = round(min(timed(build_claims, figs_in)[0] for _ in range(2)), 3)
    row["quote_groups_s"] = round(min(timed(group_quotes, analysis.quotes)[0] for _ in range(2)), 3)

    # cached reload: warm the disk cache from the recorded parts, then reopen
    cache_dir = workdir / f"cache_{n}"
    disk = DiskCache(cache_dir, max_bytes=4 << 30)
    t_put = time.perf_counter()
    for key, part in recorder.parts.items():
        disk.put(key, part)
    disk.put_analysis(corpus_key(docs), analysis)
    row["cache_write_s"] = round(time.perf_counter() - t_put, 3)
    row["cache_mb"] = round(disk.size() / 1e6, 1)

    def reopen(cache):
        fresh = DiskCache(cache_dir, max_bytes=4 << 30) if cache is None else cache
        c = load_corpus(folder)
        return analyze(c.documents, None, cache=fresh)

    def reopen_parts():
        c = load_corpus(folder)
        return analyze(c.documents, None, cache=DiskCache(cache_dir), whole=False)

    reload_s, reloaded = timed(reopen, None)
    row["cached_reload_s"] = round(reload_s, 3)
    row["cached_reload_same_result"] = bool(
        reloaded.mentions.equals(analysis.mentions) and reloaded.quotes.equals(analysis.quotes)
    )
    parts_s, _ = timed(reopen_parts)
    row["parts_reload_s"] = round(parts_s, 3)
    log(f"[{n}]   cached reload {reload_s:.2f}s (parts only {parts_s:.2f}s)")

    # outlet-filter change on the server
    outlets = analysis.outlets
    times = []
    for k in range(5):
        selected = [o for i, o in enumerate(outlets) if i != k % len(outlets)]
        times.append(timed(page_computations, analysis, selected)[0])
    row["filter_change_ms"] = round(statistics.median(times) * 1000, 1)
    row["peak_rss_mb"] = round(peak_rss_mb(), 1)
    row["workers_peak_rss_mb"] = round(children_peak_rss_mb(), 1)
    row["cache_dir"] = str(cache_dir)
    row["folder"] = str(folder)
    log(f"[{n}]   filter change {row['filter_change_ms']} ms; peak RSS {row['peak_rss_mb']} MB")
    return row


# -- browser --------------------------------------------------------------------------------

RENDERED_JS = (
    "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
    " && !document.querySelector('[data-stale=\"true\"]')"
    " && document.querySelector('[data-testid=\"stMain\"] h1')"
)


def browser_run(label: str, env: dict[str, str], outlets: list[str]) -> dict:
    """Start the app, time the first rendered page and one outlet-filter change."""
    from playwright.sync_api import sync_playwright

    from tests.browser.helpers import CHROMIUM_ARGS, streamlit_server

    (ROOT / "artifacts").mkdir(exist_ok=True)
    out: dict = {"label": label}
    chromium = "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        start = time.perf_counter()
        with streamlit_server(env=env) as url:
            out["server_healthy_s"] = round(time.perf_counter() - start, 2)
            page.goto(url + "/", timeout=300_000)
            page.wait_for_function(RENDERED_JS, timeout=600_000, polling=50)
            out["first_page_s"] = round(time.perf_counter() - start, 2)
            outlet = outlets[0]
            button = page.locator("[data-testid='stSidebar']").get_by_role(
                "button", name=f"Remove {outlet}"
            )
            want = f"{len(outlets) - 1} of {len(outlets)} outlets"
            click = time.perf_counter()
            button.first.click()
            page.wait_for_function(
                "(want) => [...document.querySelectorAll('[data-testid=\"stSidebar\"] p')]"
                ".some(e => e.innerText.includes(want))",
                arg=want,
                timeout=300_000,
                polling=20,
            )
            page.wait_for_function(RENDERED_JS, timeout=300_000, polling=20)
            out["filter_change_s"] = round(time.perf_counter() - click, 2)
            out["removed"] = outlet
            errors = page.locator("[data-testid='stException']").count()
            out["errors_on_page"] = errors
            # the next visitor: a new browser session on the server that is now running
            visitor = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            again = time.perf_counter()
            visitor.goto(url + "/", timeout=300_000)
            visitor.wait_for_function(RENDERED_JS, timeout=300_000, polling=20)
            out["next_visitor_first_page_s"] = round(time.perf_counter() - again, 2)
        browser.close()
    log(f"[browser {label}] {out}")
    return out


def run_browser(rows: dict, args, workdir: Path) -> dict:
    from lib import versions
    from lib.analysis import analyze
    from lib.corpus.document import outlet_labels
    from lib.ingest.local import load_corpus
    from lib.nlp.pipeline import get_nlp
    from lib.parsing import make_parser
    from lib.parsing.local import InProcess
    from lib.store.cache import DiskCache, corpus_key
    from lib.store.folders import stale_reason

    results = {}
    seeds_docs = load_corpus(SEEDS).documents
    seed_outlets = list(dict.fromkeys(outlet_labels(seeds_docs)))
    cold_dir = workdir / "browser_cold_cache"
    stale = stale_reason(ROOT / "assets" / "seed-analysis", seeds_docs)
    shipped = "shipped analysis current" if stale is None else f"shipped analysis stale: {stale}"
    results["seeds_cold"] = browser_run(
        f"seeds, empty disk cache ({shipped})",
        {"COVERAGE_LENS_CACHE_DIR": str(cold_dir)},
        seed_outlets,
    )
    warm = DiskCache(workdir / "browser_warm_cache")
    versions.code_fingerprint.cache_clear()
    if warm.get_analysis(corpus_key(seeds_docs)) is None:
        analyze(seeds_docs, InProcess(get_nlp()), cache=warm)
    results["seeds_warm"] = browser_run(
        "seeds, warm disk cache", {"COVERAGE_LENS_CACHE_DIR": str(warm.path)}, seed_outlets
    )
    big = max(rows, default=0)
    if not args.quick and big >= 1000:
        row = rows[big]
        # the server fingerprints the extraction code as it is on disk now: if someone
        # edited it since this run imported it, the warm cache would miss, so re-warm
        versions.code_fingerprint.cache_clear()
        docs = load_corpus(row["folder"]).documents
        disk = DiskCache(row["cache_dir"], max_bytes=4 << 30)
        if disk.get_analysis(corpus_key(docs)) is None:
            log("extraction code changed during the run: re-warming the disk cache")
            parser = make_parser(2, 60.0)
            try:
                analyze(docs, parser, cache=disk)
            finally:
                parser.close()
            results["rewarmed"] = {"label": "cache re-warmed (code changed during run)"}
        env = {"COVERAGE_LENS_CACHE_DIR": row["cache_dir"], "COVERAGE_LENS_CORPUS": row["folder"]}
        results[f"docs_{big}_warm"] = browser_run(
            f"{big} articles, warm disk cache", env, row["outlet_names"]
        )
    return results


# -- report ---------------------------------------------------------------------------------


def verdict(value, target, higher_is_better: bool) -> str:
    if value is None:
        return "–"
    ok = value >= target if higher_is_better else value <= target
    return "✅" if ok else "❌"


def write_markdown(summary: dict, rows: dict, browser: dict, path: Path) -> None:
    sizes = sorted(rows)
    head = "| Measure | " + " | ".join(f"{n:,} articles" for n in sizes) + " | Target |"
    lines = [
        "# Benchmark results",
        "",
        f"`python benchmarks/run.py{' --quick' if summary['quick'] else ''}` on "
        f"{summary['machine']} — {summary['when']}.",
        f"Pipeline: {summary['model']} with components `{', '.join(summary['components'])}` "
        "(all used downstream; none disabled). Synthetic corpora recombine the seed "
        "paragraphs; at most 100 outlets.",
        "",
        head,
        "|" + " --- |" * (len(sizes) + 2),
    ]

    def line(label, key, fmt="{}", target="", better=None, tkey=None):
        cells = []
        for n in sizes:
            v = rows[n].get(key)
            cell = "–" if v is None else fmt.format(v)
            if better is not None and v is not None and tkey in TARGETS and n == max(sizes):
                cell += " " + verdict(v, TARGETS[tkey], better)
            cells.append(cell)
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {target} |")

    line("Tokens", "tokens", "{:,}")
    line("Raw `nlp.pipe` tokens/s", "raw_tokens_per_s", "{:,}")
    line("Full analysis tokens/s (no cache)", "analysis_tokens_per_s", "{:,}")
    line("Analysis / raw", "ratio", "{:.2f}", "≥ 0.85", True, "ratio")
    line("Analysis / raw, by CPU time of the process", "ratio_cpu", "{:.2f}")
    line("Load average (1 min) during the runs", "load_average", "{:.1f}")
    line("Analysis, 2 processes (s)", "two_process_s", "{:.1f}")
    line("Analysis, 1 worker process (s)", "workers_1_s", "{:.1f}")
    line("Worker CPU ÷ wall time, 2 processes", "workers_2_parallelism", "{:.2f}")
    line("Speedup with 2 processes", "two_process_speedup", "×{:.2f}", "≥ ×1.6", True,
         "two_process_speedup")  # fmt: skip
    line("Corpus-level passes, `assemble` (s)", "assemble_s", "{:.2f}")
    line("Co-occurrence, full table (s)", "cooccurrence_s", "{:.3f}")
    line("Claims (`build_claims`) (s)", "claims_s", "{:.3f}")
    line("Quote groups (`group_quotes`) (s)", "quote_groups_s", "{:.3f}")
    line("Cached reload: read corpus + warm disk cache (s)", "cached_reload_s", "{:.2f}",
         "≤ 2 s at 1,000", False, "cached_reload_s")  # fmt: skip
    line("Reload with per-document parts only (s)", "parts_reload_s", "{:.2f}")
    line("Disk cache size (MB)", "cache_mb", "{:.1f}")
    line("Outlet-filter change, server (ms)", "filter_change_ms", "{:.0f}",
         "≤ 300 ms at 1,000", False, "filter_change_ms")  # fmt: skip
    line("Peak RSS, main process (MB)", "peak_rss_mb", "{:.0f}", "≤ 1,536 MB", False,
         "peak_rss_mb")  # fmt: skip
    lines += ["", "Browser (headless Chromium, `streamlit run app.py`):", ""]
    lines += [
        "| Run | Server healthy (s) | First page after server start (s) | "
        "Outlet-filter change (s) | Next visitor's first page (s) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for b in browser.values():
        if "first_page_s" not in b and "error" not in b:
            continue
        if "error" in b:
            lines.append(f"| {b['label']} | – | – | {b['error']} | – |")
            continue
        lines.append(
            f"| {b['label']} | {b['server_healthy_s']} | {b['first_page_s']} | "
            f"{b['filter_change_s']} | {b.get('next_visitor_first_page_s', '–')} |"
        )
    lines += [
        "",
        "Targets: first page on the seeds ≤ 4 s after server start with an empty disk cache "
        "(a new server, as on Community Cloud), ≤ 2 s warm: a new visitor of a running server "
        "(the next visitor's first page). Times are best of the "
        "interleaved runs; the last line of the script's output is the same data as JSON.",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5 and 100 articles, under 2 min")
    parser.add_argument("--sizes", type=int, nargs="*", help="corpus sizes (default 5 100 1000)")
    parser.add_argument("--repeats", type=int, help="interleaved raw/analysis runs per size")
    parser.add_argument("--max-outlets", type=int, default=100)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-parallel", action="store_true")
    parser.add_argument(
        "--browser-only",
        action="store_true",
        help="only the browser runs on the seeds (cold and warm first page); prints JSON, "
        "leaves results.md alone",
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="Markdown results file")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([5, 100] if args.quick else [5, 100, 1000])

    import spacy

    from lib.nlp.pipeline import find_model_name, get_nlp

    os.environ.setdefault("COVERAGE_LENS_CACHE_DIR", "off")  # only explicit caches here
    if args.browser_only:
        with tempfile.TemporaryDirectory(prefix="coverage-lens-bench-") as tmp:
            browser = run_browser({}, args, Path(tmp))
        print(json.dumps({"browser": browser}, ensure_ascii=False))
        return 0
    load_s, nlp = timed(get_nlp)
    list(nlp.pipe([d.text for d in synthetic_documents(16)], batch_size=BATCH))  # warm-up
    rows: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="coverage-lens-bench-") as tmp:
        workdir = Path(tmp)
        for n in sizes:
            rows[n] = measure_size(n, nlp, workdir, args)
        browser = {}
        if not args.no_browser:
            try:
                browser = run_browser(rows, args, workdir)
            except Exception as exc:  # noqa: BLE001 - report, never lose the other figures
                browser = {"error": {"label": "browser", "error": f"{type(exc).__name__}: {exc}"}}
                log(f"browser run failed: {exc!r}")
    big = rows[max(rows)]
    summary = {
        "docs": big["docs"],
        "raw_tokens_per_s": big["raw_tokens_per_s"],
        "analysis_tokens_per_s": big["analysis_tokens_per_s"],
        "ratio": big["ratio"],
        "ratio_cpu": big["ratio_cpu"],
        "two_process_speedup": big.get("two_process_speedup"),
        "cached_reload_s": big["cached_reload_s"],
        "filter_change_ms": big["filter_change_ms"],
        "claims_s": big["claims_s"],
        "cooccurrence_s": big["cooccurrence_s"],
        "peak_rss_mb": round(max(peak_rss_mb(), children_peak_rss_mb()), 1),
        "model_load_s": round(load_s, 2),
        "components": list(nlp.pipe_names),
        "model": f"{find_model_name()} (spaCy {spacy.__version__})",
        "machine": f"{psutil.cpu_count()} cores, {platform.processor() or platform.machine()}, "
        f"{round(psutil.virtual_memory().total / 2**30)} GiB RAM, Python "
        f"{platform.python_version()}",
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "quick": bool(args.quick),
        "browser": {
            k: {
                x: v.get(x)
                for x in ("first_page_s", "filter_change_s", "next_visitor_first_page_s", "error")
            }
            for k, v in browser.items()
        },
        "sizes": [
            {k: v for k, v in r.items() if k not in ("cache_dir", "folder", "outlet_names")}
            for r in rows.values()
        ],
    }
    write_markdown(summary, rows, browser, args.out)
    log(f"wrote {args.out}")
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
