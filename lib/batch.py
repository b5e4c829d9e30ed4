"""Batch processing: analyse a large corpus once, in parallel, into an *analysis folder*.

An analysis folder holds every :class:`~lib.extract.Analysis` table as a Parquet file
(``<table>.parquet``) plus ``manifest.json``::

    {"format": "coverage-lens-analysis", "format_version": 1,
     "pipeline_version": "...", "created": "...", "documents": 1000,
     "doc_ids": [...], "doc_hashes": [...], "text_keys": [...], "outlets": [...],
     "tables": {"mentions": {"rows": 31000, "dtypes": {...}}, ...}, "problems": [...]}

``python -m lib analyze --corpus PATH --out DIR [--processes N]`` writes one;
``python -m lib TABLE --corpus DIR`` and the app read it back with
:func:`load_analysis`, without loading spaCy.

:func:`parse_parts` is the parallel path used by :func:`lib.extract.analyze`: with
``processes > 1`` a pool of worker processes each loads the pipeline once and runs
``nlp.pipe`` + :func:`~lib.extract.process_doc` over chunks of texts, returning plain
per-document parts; the parent process only assembles them.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from lib.constants import PIPELINE_VERSION

MANIFEST = "manifest.json"
FORMAT = "coverage-lens-analysis"
FORMAT_VERSION = 1
#: Texts per task sent to a worker process (several nlp.pipe batches each).
CHUNK_DOCS = 64


class AnalysisFolderError(ValueError):
    """Not an analysis folder, or one written by another pipeline/format version."""


def is_analysis_folder(path: str | os.PathLike) -> bool:
    """True when ``path`` is a folder with an analysis ``manifest.json``."""
    manifest = Path(path) / MANIFEST
    if not manifest.is_file():
        return False
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT


def _table_names(analysis) -> list[str]:
    return [f.name for f in fields(analysis) if isinstance(getattr(analysis, f.name), pd.DataFrame)]


def save_analysis(analysis, out_dir: str | os.PathLike) -> Path:
    """Write every table of ``analysis`` as Parquet plus ``manifest.json`` into ``out_dir``.

    The manifest is written last (atomically), so a folder with a manifest is complete.
    """
    from lib.extract import text_key

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = {}
    for name in _table_names(analysis):
        frame = analysis.table(name)
        frame.to_parquet(out / f"{name}.parquet", index=False, compression="zstd")
        tables[name] = {
            "rows": len(frame),
            "columns": list(frame.columns),
            "dtypes": {c: str(t) for c, t in frame.dtypes.items()},
        }
    docs, texts = analysis.documents, analysis.texts
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "pipeline_version": PIPELINE_VERSION,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "documents": len(docs),
        "doc_ids": docs["doc_id"].tolist(),
        "doc_hashes": texts["content_hash"].tolist() if "content_hash" in texts else [],
        "text_keys": [text_key(t) for t in texts["text"]] if "text" in texts else [],
        "outlets": analysis.outlets,
        "tables": tables,
        "problems": [list(p) for p in analysis.problems],
    }
    fd, tmp = tempfile.mkstemp(dir=out, prefix=".manifest-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
    os.chmod(tmp, 0o644)
    os.replace(tmp, out / MANIFEST)
    return out


def read_manifest(folder: str | os.PathLike) -> dict:
    path = Path(folder) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AnalysisFolderError(f"cannot read {path}: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise AnalysisFolderError(f"{path} is not a Coverage Lens analysis manifest")
    if data.get("format_version") != FORMAT_VERSION:
        raise AnalysisFolderError(
            f"{path}: unsupported format version {data.get('format_version')}"
        )
    return data


def _restore_dtypes(frame: pd.DataFrame, dtypes: dict[str, str]) -> pd.DataFrame:
    for col, want in dtypes.items():
        if col in frame.columns and str(frame[col].dtype) != want:
            try:
                frame[col] = frame[col].astype(want)
            except (TypeError, ValueError):
                pass
    return frame


def load_analysis(folder: str | os.PathLike, *, check_version: bool = True):
    """Read an analysis folder written by :func:`save_analysis` back into an Analysis.

    Raises :class:`AnalysisFolderError` when the folder is not one, is incomplete, or
    (with ``check_version``) was made by another pipeline version.
    """
    from lib.extract import Analysis

    folder = Path(folder)
    manifest = read_manifest(folder)
    if check_version and manifest.get("pipeline_version") != PIPELINE_VERSION:
        raise AnalysisFolderError(
            f"{folder} was made by pipeline version {manifest.get('pipeline_version')}, "
            f"this is {PIPELINE_VERSION}; run `python -m lib analyze` again"
        )
    kwargs = {}
    for f in fields(Analysis):
        if f.name == "problems":
            continue
        info = manifest["tables"].get(f.name)
        if info is None:
            raise AnalysisFolderError(f"{folder}: table {f.name} missing from the manifest")
        try:
            frame = pd.read_parquet(folder / f"{f.name}.parquet")
        except Exception as exc:
            raise AnalysisFolderError(f"{folder}: cannot read {f.name}.parquet: {exc}") from None
        if len(frame) != info["rows"]:
            raise AnalysisFolderError(f"{folder}: {f.name}.parquet has the wrong row count")
        kwargs[f.name] = _restore_dtypes(frame, info.get("dtypes", {}))
    problems = [tuple(p) for p in manifest.get("problems", [])]
    return Analysis(**kwargs, problems=problems)


def documents_from_analysis(analysis) -> list:
    """The :class:`~lib.corpus.Document` records an Analysis was made from (metadata from
    ``documents``, text and furniture from ``texts``), e.g. for the Reader page."""
    from lib.corpus import Document, unknown_outlet

    texts = analysis.texts.set_index("doc_id")
    out = []
    for row in analysis.documents.itertuples(index=False):
        t = texts.loc[row.doc_id]
        outlet = "" if row.outlet == unknown_outlet(row.doc_id) else row.outlet
        out.append(
            Document(
                doc_id=row.doc_id,
                text=t["text"],
                outlet=outlet,
                title=_str(row.title),
                published=_str(row.published),
                byline=_str(row.byline),
                url=_str(row.url),
                boilerplate=_str(t["boilerplate"]),
                source_name=_str(t["source_name"]),
            )
        )
    return out


def _str(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


# -- parallel parsing ----------------------------------------------------------------------

_WORKER_NLP = None


def _worker_init() -> None:
    global _WORKER_NLP
    import os as _os

    _os.environ.setdefault("OMP_NUM_THREADS", "1")
    from lib.pipeline import get_nlp

    _WORKER_NLP = get_nlp()


def _worker_chunk(args: tuple[list[str], int]) -> list[dict]:
    from lib.extract import process_doc

    texts, batch_size = args
    return [
        process_doc(doc, text)
        for doc, text in zip(_WORKER_NLP.pipe(texts, batch_size=batch_size), texts, strict=True)
    ]


def parse_parts(
    texts: Sequence[str],
    nlp,
    *,
    processes: int = 1,
    batch_size: int = 32,
    chunk_docs: int = CHUNK_DOCS,
    on_part: Callable[[int, dict], None] | None = None,
) -> list[dict]:
    """Per-document parts of ``texts`` (in order), parsed with ``processes`` processes.

    ``on_part(index, parts)`` is called as each document's parts arrive (for caching
    and progress). With one process (or few texts) this runs ``nlp.pipe`` here; with
    more, a ``multiprocessing`` pool (fork where available) in which each worker loads
    :func:`lib.pipeline.get_nlp` once. ``nlp`` is only used in-process.
    """
    from lib.extract import process_doc

    texts = list(texts)
    out: list[dict | None] = [None] * len(texts)
    processes = max(1, min(int(processes), os.cpu_count() or 1, len(texts) // 8 or 1))
    if processes == 1:
        for i, (doc, text) in enumerate(
            zip(nlp.pipe(texts, batch_size=batch_size), texts, strict=True)
        ):
            out[i] = process_doc(doc, text)
            if on_part is not None:
                on_part(i, out[i])
        return out  # type: ignore[return-value]

    import multiprocessing as mp

    # small chunks near the end keep both workers busy; big ones amortise IPC
    size = max(8, min(chunk_docs, len(texts) // (processes * 4) or 8))
    starts = list(range(0, len(texts), size))
    tasks = [(texts[s : s + size], batch_size) for s in starts]
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    pool = ctx.Pool(processes, initializer=_worker_init)
    try:
        for s, chunk in zip(starts, pool.imap(_worker_chunk, tasks), strict=True):
            for k, part in enumerate(chunk):
                out[s + k] = part
                if on_part is not None:
                    on_part(s + k, part)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
    return out  # type: ignore[return-value]
