"""Command line: ``python -m lib TABLE [--corpus PATH] [--format csv|json] [--raw] [--outlet …]
[--story ID] [--scheduler SPEC]``.

Writes one table to stdout (CSV cells that a spreadsheet would run as formulas get a
leading apostrophe unless ``--raw``). ``--corpus`` may also name an analysis folder written by
``python -m lib analyze --corpus PATH --out DIR [--processes N]`` (see :mod:`lib.store.folders`),
which is read directly without loading spaCy. Exit 0 on success; exit 2 with one line on
stderr for bad arguments or an unreadable corpus. Per-file problems are
reported on stderr while the readable files are still analysed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from lib.analysis import analyse_corpus, analyze
from lib.columns import cli_names
from lib.csvsafe import safe_table
from lib.ingest.limits import CLUSTER_LIMITS, DOC_ANALYSIS_BUDGET_S
from lib.ingest.local import load_corpus
from lib.nlp.pipeline import ModelNotFound
from lib.parsing import WorkerFailed
from lib.records import TABLES as RECORDS
from lib.resolve.budget import CORPUS_NOTE
from lib.store.cache import default_cache
from lib.store.folders import AnalysisFolderError, is_analysis_folder, save_analysis
from lib.store.folders import load_analysis as read_folder
from lib.views import cooccur, wording
from lib.views.filter import filter_outlets, filter_story

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "seeds"


class UsageError(Exception):
    """Bad command-line arguments or unreadable corpus (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line, exit 2
        raise UsageError(f"{message} (see: python -m lib --help)")


def _table(name: str) -> Callable:
    """A table of the Analysis as the CLI prints it: its record's CLI columns."""

    def table(analysis, args) -> pd.DataFrame:
        return analysis.table(name)[cli_names(RECORDS[name])]

    return table


def _cooccurrence(analysis, args) -> pd.DataFrame:
    pairs = cooccur.cooccurrence(
        analysis.mentions, analysis.sentences, window=args.window, min_count=args.min_count
    )
    if args.metric != "count":
        pairs = pairs.sort_values([args.metric, "count"], ascending=False).reset_index(drop=True)
    return pairs[cli_names(RECORDS["cooccurrence"])]


def _wording(analysis, args) -> pd.DataFrame:
    return wording.wording_terms(analysis, quoted=False)[cli_names(RECORDS["wording"])]


#: Tables computed from the analysis on demand rather than stored in it.
COMPUTED: dict[str, Callable] = {"cooccurrence": _cooccurrence, "wording": _wording}
#: TABLE name -> function(analysis, args) -> DataFrame: every table whose record has CLI
#: columns (texts, sentences and statements have none).
TABLES: dict[str, Callable] = {
    name: COMPUTED.get(name) or _table(name)
    for name, record_type in RECORDS.items()
    if cli_names(record_type)
}


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m lib",
        description="Coverage Lens: write one analysis table of a news corpus to stdout.",
    )
    parser.add_argument(
        "table",
        choices=sorted(TABLES) + ["analyze"],
        help="which table to write, or `analyze` to precompute an analysis folder (--out)",
    )
    parser.add_argument(
        "--corpus",
        default=str(DEFAULT_CORPUS),
        help="folder of .txt/.md articles, zip or bundle, or an analysis folder made by "
        "`analyze` (default: seeds)",
    )
    parser.add_argument("--out", metavar="DIR", help="analyze: folder to write the analysis to")
    parser.add_argument(
        "--processes", type=int, default=1, metavar="N", help="analyze: worker processes"
    )
    parser.add_argument(
        "--scheduler",
        metavar="SPEC",
        help="parse and group stories on a Dask cluster: tcp://HOST:8786 (a running "
        "scheduler) or local:N (a LocalCluster of N workers for this run)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="analyze: do not use the on-disk cache (COVERAGE_LENS_CACHE_DIR)",
    )
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument(
        "--raw",
        action="store_true",
        help="csv: keep cells as they are (by default a cell a spreadsheet would run as a "
        "formula, starting with = + - @, gets a leading apostrophe)",
    )
    parser.add_argument(
        "--outlet", action="append", metavar="NAME", help="keep only this outlet (repeatable)"
    )
    parser.add_argument(
        "--story", metavar="ID", help="keep only this story (an id of the `stories` table: S1 …)"
    )
    parser.add_argument(
        "--window", choices=cooccur.WINDOWS, default="sentence", help="co-occurrence window"
    )
    parser.add_argument(
        "--metric", choices=cooccur.METRICS, default="count", help="co-occurrence sort metric"
    )
    parser.add_argument("--min-count", type=int, default=1, help="co-occurrence minimum count")
    return parser


#: Tables each command reads from an analysis folder (the others stay unread).
FOLDER_TABLES = {
    "documents": ("documents", "stories"),
    "mentions": ("documents", "mentions", "stories"),
    "entities": ("documents", "entities", "stories"),
    "cooccurrence": ("documents", "mentions", "sentences", "stories"),
    "figures": ("documents", "figures", "stories"),
    "claims": ("documents", "claims", "stories"),
    "quotes": ("documents", "quotes", "stories"),
    "stories": ("documents", "stories"),
}


def load_analysis(
    corpus_path: str,
    *,
    processes: int = 1,
    cache=None,
    progress: Callable | None = None,
    scheduler: str | None = None,
    table: str | None = None,
):
    """Load and analyse a corpus (or read an analysis folder: only ``table``'s tables when
    it is given), reporting per-file problems on stderr. ``scheduler`` runs parsing and
    story grouping on a Dask cluster (:mod:`lib.parsing.cluster`)."""
    path = Path(corpus_path)
    if not path.exists():
        raise UsageError(f"corpus not found: {path}")
    if path.is_dir() and is_analysis_folder(path):
        try:
            return read_folder(path, only=FOLDER_TABLES.get(table or ""))
        except AnalysisFolderError as exc:
            raise UsageError(str(exc)) from None
    corpus = read_corpus(path, CLUSTER_LIMITS if scheduler else None)
    if scheduler:
        return _on_cluster(
            scheduler,
            lambda parser, map_fn, _run: analyze(
                corpus.documents,
                parser,
                problems=corpus.problems,
                cache=cache,
                progress=progress,
                map_fn=map_fn,
            ),
            corpus.problems,
        )
    # parsed in supervised worker processes (started only if some article is not cached),
    # so an article over its time budget is skipped (named on stderr) and the others kept
    try:
        analysis = analyse_corpus(
            corpus,
            processes=processes,
            cache=cache,
            budget_s=DOC_ANALYSIS_BUDGET_S,
            progress=progress,
        )
    except (ModelNotFound, WorkerFailed) as exc:
        raise UsageError(str(exc)) from None
    for name, reason in analysis.problems[len(corpus.problems) :]:
        kind = "warning" if name == CORPUS_NOTE else "skipped"  # the corpus time budget
        print(f"{kind} {name}: {reason}", file=sys.stderr)
    return analysis


def _on_cluster(spec: str, work: Callable, known_problems):
    """``work(parser, map_fn, run)`` with the executors of a Dask cluster (see
    :mod:`lib.parsing.cluster`); its failures become one-line :class:`UsageError`s and the
    articles it skipped are named on stderr."""
    from lib.parsing.cluster import DaskParser, SchedulerError, dask_imap, dask_map, open_client

    try:
        with open_client(spec) as client:
            result = work(
                DaskParser(client, DOC_ANALYSIS_BUDGET_S),
                dask_map(client),
                dask_imap(client),
            )
    except (SchedulerError, ModelNotFound, WorkerFailed) as exc:
        raise UsageError(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - a cluster failure is one line, never a traceback
        message = " ".join(str(exc).split())  # one line, whatever the cluster said
        raise UsageError(f"the Dask cluster failed: {type(exc).__name__}: {message}") from None
    problems = getattr(result, "problems", None)
    if problems is not None:
        for name, reason in problems[len(known_problems) :]:
            print(f"skipped {name}: {reason}", file=sys.stderr)
    return result


def read_corpus(path: Path, limits=None):
    """Load the articles at ``path`` (``limits``: default the local ones), naming every file
    not read (or read with a warning) on stderr. A corpus that cannot be read as a whole
    raises one-line :class:`UsageError`."""
    try:
        corpus = load_corpus(path, limits)
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read corpus {path}: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - one line for the user, never a traceback
        raise UsageError(f"cannot read corpus {path}: {type(exc).__name__}: {exc}") from None
    if not corpus.documents and [n for n, _ in corpus.problems] == [path.name]:
        raise UsageError(f"cannot read corpus {path}: {corpus.problems[0][1]}")
    for name, reason in corpus.problems:
        kept = reason.startswith(("analysed: ", "truncated: "))
        print(f"{'warning' if kept else 'skipped'} {name}: {reason}", file=sys.stderr)
    if not corpus.documents:
        raise UsageError(f"no readable articles in {path}")
    return corpus


def run_analyze(args) -> int:
    """``analyze``: analyse ``--corpus`` and save it as an analysis folder in ``--out``."""
    if not args.out:
        raise UsageError("analyze needs --out DIR")
    if args.processes < 1:
        raise UsageError("--processes must be at least 1")
    if args.scheduler and args.processes != 1:
        raise UsageError("--processes and --scheduler cannot be used together")
    out = Path(args.out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not is_analysis_folder(out))):
        raise UsageError(f"--out {out} exists and is not an empty folder or analysis folder")
    started = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if done == total or now - last[0] > 5:
            last[0] = now
            print(f"parsed {done}/{total} articles", file=sys.stderr)

    cache = None if args.no_cache else default_cache(on_warning=warn_cache)
    if args.scheduler:
        return _stream(args, out, cache, progress, started)
    analysis = load_analysis(args.corpus, processes=args.processes, cache=cache, progress=progress)
    try:
        save_analysis(analysis, out)
    except OSError as exc:  # a read-only or full --out folder: one line, never a traceback
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None
    print(
        f"wrote {out}: {len(analysis.documents)} articles, {len(analysis.outlets)} outlets, "
        f"{len(analysis.mentions)} mentions in {time.perf_counter() - started:.1f}s",
        file=sys.stderr,
    )
    return 0


def _stream(args, out: Path, cache, progress, started: float) -> int:
    """``analyze --scheduler``: the pile streamed through the cluster into ``out``
    (:mod:`lib.store.stream`: flat memory however many articles)."""
    from lib.store.stream import stream_analysis

    path = Path(args.corpus)
    if not path.exists():
        raise UsageError(f"corpus not found: {path}")
    corpus = read_corpus(path, CLUSTER_LIMITS)
    counts = _on_cluster(
        args.scheduler,
        lambda parser, map_fn, run: stream_analysis(
            corpus.documents,
            out,
            parser=parser,
            problems=corpus.problems,
            cache=cache,
            map_fn=map_fn,
            run=run,
            progress=progress,
        ),
        corpus.problems,
    )
    for name, reason in counts.get("skipped_items", []):
        print(f"skipped {name}: {reason}", file=sys.stderr)
    print(
        f"wrote {out}: {counts['articles']} articles in {counts['stories']} stories in "
        f"{time.perf_counter() - started:.1f}s",
        file=sys.stderr,
    )
    return 0


def warn_cache(message: str) -> None:
    """The disk cache could not be written: said once on stderr, the run goes on."""
    print(f"warning cache: {message}", file=sys.stderr)


def write_table(table: pd.DataFrame, fmt: str, out, raw: bool = False) -> None:
    """``table`` as JSON records or CSV; CSV cells a spreadsheet would run as formulas are
    neutralised unless ``raw`` (see :mod:`lib.csvsafe`)."""
    if fmt == "json":
        out.write(table.to_json(orient="records", force_ascii=False, indent=1))
        out.write("\n")
    else:
        (table if raw else safe_table(table)).to_csv(out, index=False)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.min_count < 1:
            raise UsageError("--min-count must be at least 1")
        if args.table == "analyze":
            return run_analyze(args)
        analysis = load_analysis(
            args.corpus,
            cache=default_cache(on_warning=warn_cache),
            scheduler=args.scheduler,
            table=args.table,
        )
        if args.story is not None:
            known = analysis.stories["story_id"].tolist()
            if args.story not in known:
                raise UsageError(f"unknown story {args.story!r}; stories are: " + ", ".join(known))
            analysis = filter_story(analysis, args.story)
        if args.outlet:
            unknown = [o for o in args.outlet if o not in analysis.outlets]
            if unknown:
                raise UsageError(
                    f"unknown outlet {unknown[0]!r}; outlets are: " + "; ".join(analysis.outlets)
                )
            analysis = filter_outlets(analysis, args.outlet)
        table = TABLES[args.table](analysis, args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_table(table, args.format, sys.stdout, raw=args.raw)
    return 0
