"""Analysis folders: an :class:`~lib.schema.Analysis` as Parquet tables plus a manifest.

An analysis folder holds every table as ``<table>.parquet`` plus ``manifest.json``::

    {"format": "coverage-lens-analysis", "format_version": 1,
     "analysis_version": "...", "created": "...", "documents": 1000,
     "doc_ids": [...], "doc_hashes": [...], "outlets": [...],
     "tables": {"mentions": {"rows": 31000, "dtypes": {...}}, ...}, "problems": [...]}

``python -m lib analyze --corpus PATH --out DIR [--processes N]`` writes one;
``python -m lib TABLE --corpus DIR`` and the app read it back with :func:`load_analysis`,
without loading spaCy. A folder written by other code (another
:func:`lib.versions.analysis_version`) is refused, so it is recomputed, never trusted.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from lib.corpus.document import Document, is_fallback_label
from lib.schema import Analysis, table_names
from lib.versions import analysis_version, text_key

MANIFEST = "manifest.json"


FORMAT = "coverage-lens-analysis"


FORMAT_VERSION = 1


class AnalysisFolderError(ValueError):
    """Not an analysis folder, or one written by another pipeline/format version."""


def is_analysis_folder(path: str | os.PathLike) -> bool:
    """True when ``path`` is a folder with an analysis ``manifest.json``."""
    manifest = Path(path) / MANIFEST
    if not manifest.is_file():
        return False
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT


def save_analysis(analysis, out_dir: str | os.PathLike) -> Path:
    """Write every table of ``analysis`` as Parquet plus ``manifest.json`` into ``out_dir``.

    The manifest is written last (atomically), so a folder with a manifest is complete.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = {}
    for name in table_names():
        frame = analysis.table(name)
        frame.to_parquet(out / f"{name}.parquet", index=False, compression="zstd")
        tables[name] = table_info(frame)
    return write_manifest(out, analysis.documents, analysis.texts, tables, analysis.problems)


def table_info(frame: pd.DataFrame) -> dict:
    """What the manifest records of one table: rows, columns and their dtypes."""
    return {
        "rows": len(frame),
        "columns": list(frame.columns),
        "dtypes": {c: str(t) for c, t in frame.dtypes.items()},
    }


def write_manifest(out: Path, docs: pd.DataFrame, texts: pd.DataFrame, tables: dict, problems):
    """Write ``manifest.json`` (last, atomically: a folder with a manifest is complete)."""
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "analysis_version": analysis_version(),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "documents": len(docs),
        "doc_ids": docs["doc_id"].tolist(),
        "doc_hashes": texts["content_hash"].tolist() if "content_hash" in texts else [],
        "text_keys": [text_key(t) for t in texts["text"]] if "text" in texts else [],
        "outlets": list(dict.fromkeys(docs["outlet"])),
        "tables": tables,
        "problems": [list(p) for p in problems],
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
    except RecursionError:
        raise AnalysisFolderError(f"cannot read {path}: nesting too deep") from None
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


def load_analysis(
    folder: str | os.PathLike, *, check_version: bool = True, only: Iterable[str] | None = None
):
    """Read an analysis folder written by :func:`save_analysis` back into an Analysis.

    ``only`` (optional) names the tables to read; the others are left empty (with their
    columns), so a command on a large folder reads only what it shows. Raises
    :class:`AnalysisFolderError` when the folder is not one, is incomplete, or (with
    ``check_version``) was made by other code (another :func:`lib.versions.analysis_version`).
    """
    wanted = None if only is None else set(only)
    folder = Path(folder)
    manifest = read_manifest(folder)
    made_by = manifest.get("analysis_version")
    if check_version and made_by != analysis_version():
        raise AnalysisFolderError(
            f"{folder} was made by analysis version {made_by}, this is "
            f"{analysis_version()}; run `python -m lib analyze` again"
        )
    kwargs = {}
    for name in table_names():
        info = manifest["tables"].get(name)
        if info is None:
            raise AnalysisFolderError(f"{folder}: table {name} missing from the manifest")
        if wanted is not None and name not in wanted:
            kwargs[name] = pd.DataFrame(columns=info.get("columns", []))
            continue
        try:
            frame = pd.read_parquet(folder / f"{name}.parquet")
        except Exception as exc:
            raise AnalysisFolderError(f"{folder}: cannot read {name}.parquet: {exc}") from None
        if len(frame) != info["rows"]:
            raise AnalysisFolderError(f"{folder}: {name}.parquet has the wrong row count")
        kwargs[name] = _restore_dtypes(frame, info.get("dtypes", {}))
    problems = [tuple(p) for p in manifest.get("problems", [])]
    return Analysis(**kwargs, problems=problems)


def stale_reason(folder: str | os.PathLike, documents) -> str | None:
    """Why the analysis folder is not current for ``documents`` (another analysis version,
    other document ids or content hashes, or unreadable), or None when it is current."""
    try:
        manifest = read_manifest(folder)
    except AnalysisFolderError as exc:
        return str(exc)
    if manifest.get("analysis_version") != analysis_version():
        return (
            f"made by analysis version {manifest.get('analysis_version')}, "
            f"this code is {analysis_version()}"
        )
    if manifest.get("doc_ids") != [d.doc_id for d in documents]:
        return "the documents differ (ids)"
    if manifest.get("doc_hashes") != [d.content_hash for d in documents]:
        return "the documents differ (text or metadata)"
    return None


def fresh_analysis(folder: str | os.PathLike, documents):
    """The Analysis saved in ``folder`` if it is current for ``documents`` (see
    :func:`stale_reason`), else None: a missing, stale or damaged folder is recomputed by
    the caller, never trusted and never an error."""
    if stale_reason(folder, documents) is not None:
        return None
    try:
        return load_analysis(folder)
    except (AnalysisFolderError, OSError, ValueError):
        return None


def documents_from_analysis(analysis) -> list:
    """The :class:`~lib.corpus.document.Document` records an Analysis was made from (metadata from
    ``documents``, text and furniture from ``texts``), e.g. for the Reader page."""
    texts = analysis.texts.set_index("doc_id")
    out = []
    for row in analysis.documents.itertuples(index=False):
        t = texts.loc[row.doc_id]
        outlet = "" if is_fallback_label(row.outlet) else row.outlet
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
