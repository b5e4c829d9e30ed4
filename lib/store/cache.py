"""On-disk analysis cache: parsing results survive server restarts and are shared by runs.

The one disk cache. Two levels, both in the one cache folder (:func:`lib.settings.cache_folder`:
``~/.cache/coverage-lens``, or ``$COVERAGE_LENS_CACHE_DIR``; ``off`` disables it):

- ``docs/<key>.parquet``: one file per document, keyed by :func:`lib.versions.text_key`
  (the text's hash plus :func:`lib.versions.analysis_version`). It holds the per-document
  :class:`~lib.records.Parts` (one row per record list, as JSON), so a
  corpus that changes by one article re-parses only that article.
- ``corpora/<key>/``: a whole :class:`~lib.schema.Analysis` saved by
  :func:`lib.store.folders.save_analysis`, keyed by :func:`corpus_key` (every document's
  content hash plus the pipeline version), so reopening the same corpus skips even
  the corpus-level passes.

Every entry records :func:`lib.versions.analysis_version` (the pipeline version plus a
fingerprint of the extraction code and data), so editing an extractor without bumping
``PIPELINE_VERSION`` cannot serve stale results; a file that is unreadable, corrupt or
from another version counts as a miss (it is recomputed and overwritten, never an error).
Writes go to a temporary file that is renamed into place, so a crash never leaves a
half-written entry. The cache is an optimisation: when a write fails (a read-only or full
folder) the temporary file is removed, a warning is given once and nothing more is written;
the analysis goes on. The folder is kept under ``max_bytes``: when a write pushes it
over, the least recently used entries (by modification time; a hit touches its file)
are deleted until it is back under 90 % of the bound.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from lib.records import Parts
from lib.settings import cache_folder
from lib.store import folders
from lib.versions import analysis_version

DEFAULT_MAX_BYTES = 1 << 30  # 1 GiB


_META_VERSION = b"coverage_lens.pipeline_version"


_META_KEY = b"coverage_lens.key"


def corpus_key(documents: Iterable) -> str:
    """Key of a whole corpus: every document's ``content_hash`` (text and metadata, in
    order) plus :func:`analysis_version`."""
    h = hashlib.sha256(analysis_version().encode())
    for doc in documents:
        h.update(doc.content_hash.encode())
        h.update(b"\x1e")
    return h.hexdigest()


def _json_default(value):
    # numpy scalars and other odd values: store their plain Python equivalent
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _dumps(records: list[dict]) -> str:
    return json.dumps(records, ensure_ascii=False, default=_json_default, allow_nan=True)


class DiskCache:
    """Per-document parts (and whole analyses) on disk, bounded by ``max_bytes``.

    ``get(key) -> parts | None`` and ``put(key, parts)`` are what
    :func:`lib.analysis.analyze` uses; ``get_analysis`` / ``put_analysis`` cache a whole
    :class:`~lib.schema.Analysis` by :func:`corpus_key`. Thread-safe for one process;
    several processes may share a folder (atomic renames; a lost race is a miss).
    """

    def __init__(
        self,
        path: str | os.PathLike,
        max_bytes: int = DEFAULT_MAX_BYTES,
        on_warning: Callable[[str], None] | None = None,
    ):
        self.path = Path(path).expanduser()
        self.max_bytes = int(max_bytes)
        self.docs_dir = self.path / "docs"
        self.corpora_dir = self.path / "corpora"
        self._lock = threading.Lock()
        self._size: int | None = None  # bytes on disk, computed lazily
        self.hits = 0
        self.misses = 0
        #: Why nothing more is written ("" while writes work): see :meth:`_write_failed`.
        self.warning = ""
        self._on_warning = on_warning
        try:
            self.docs_dir.mkdir(parents=True, exist_ok=True)
            self.corpora_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._write_failed(exc)

    @property
    def writable(self) -> bool:
        """False once a write failed: the cache is then read (what is there) but not written."""
        return not self.warning

    def _write_failed(self, exc: BaseException) -> None:
        """The first write failure (read-only or full folder, lost permissions …) turns
        writing off for this cache and warns once; the analysis goes on without the cache."""
        if self.warning:
            return
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        self.warning = (
            f"The cache folder {self.path} cannot be written ({reason}); the analysis goes "
            "on without saving to it."
        )
        if self._on_warning is not None:
            self._on_warning(self.warning)

    # -- per-document parts -------------------------------------------------------------

    def _doc_path(self, key: str) -> Path:
        if not key or any(c not in "0123456789abcdef" for c in key):
            raise ValueError(f"bad cache key {key!r}")
        return self.docs_dir / f"{key}.parquet"

    def get(self, key: str) -> Parts | None:
        """The parts stored under ``key``, or None (missing, corrupt or another version)."""
        path = self._doc_path(key)
        try:
            table = pq.read_table(path)
            meta = table.schema.metadata or {}
            if meta.get(_META_VERSION) != analysis_version().encode():
                raise ValueError("pipeline version or code differs")
            if meta.get(_META_KEY) != key.encode():
                raise ValueError("key differs")
            names = table.column("part").to_pylist()
            payloads = table.column("records").to_pylist()
            plain = {name: json.loads(data) for name, data in zip(names, payloads, strict=True)}
            parts = Parts.from_plain(plain)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # corrupt / truncated / old format: drop it and recompute
            self.misses += 1
            self._remove(path)
            return None
        self.hits += 1
        _touch(path)
        return parts

    def put(self, key: str, parts: Parts) -> None:
        """Store one article's ``parts`` under ``key``; best effort: a failed write warns
        once and leaves no temporary file."""
        path = self._doc_path(key)
        if not self.writable:
            return
        plain = parts.plain()
        names = list(plain)
        table = pa.table(
            {
                "part": pa.array(names, pa.string()),
                "records": pa.array([_dumps(plain[n]) for n in names], pa.large_string()),
            }
        ).replace_schema_metadata(
            {_META_VERSION: analysis_version().encode(), _META_KEY: key.encode()}
        )
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(dir=self.docs_dir, prefix=".tmp-", suffix=".parquet")
            os.close(fd)
            pq.write_table(table, tmp, compression="zstd")
            old = _size_of(path)
            os.replace(tmp, path)
        except Exception as exc:  # noqa: BLE001 - disk full, read-only folder: best effort
            _unlink(tmp)
            self._write_failed(exc)
            return
        self._grow(_size_of(path) - old)

    def __contains__(self, key: str) -> bool:
        return self._doc_path(key).exists()

    # -- whole analyses -----------------------------------------------------------------

    def get_analysis(self, key: str):
        """The :class:`~lib.schema.Analysis` saved under ``key`` (see :func:`corpus_key`),
        or None."""
        folder = self.corpora_dir / key
        if not folder.is_dir():
            return None
        try:
            analysis = folders.load_analysis(folder)
        except Exception:
            self._remove(folder)
            return None
        _touch(folder)
        return analysis

    def put_analysis(self, key: str, analysis) -> None:
        """Save ``analysis`` under ``key``; best effort like :meth:`put`."""
        if not self.writable:
            return
        folder = self.corpora_dir / key
        tmp = None
        try:
            tmp = Path(tempfile.mkdtemp(dir=self.corpora_dir, prefix=".tmp-"))
            folders.save_analysis(analysis, tmp)
            if folder.exists():
                self._remove(folder)
            os.replace(tmp, folder)
        except Exception as exc:  # noqa: BLE001 - disk full, read-only folder: best effort
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
            self._write_failed(exc)
            return
        self._grow(_size_of(folder))

    # -- size bound ---------------------------------------------------------------------

    def entries(self) -> list[tuple[float, int, Path]]:
        """(mtime, bytes, path) of every entry, oldest first."""
        out = []
        for folder in (self.docs_dir, self.corpora_dir):
            try:
                items = list(os.scandir(folder))
            except OSError:
                continue
            for entry in items:
                if entry.name.startswith(".tmp-"):
                    continue
                try:
                    mtime = entry.stat().st_mtime
                except OSError:
                    continue
                out.append((mtime, _size_of(Path(entry.path)), Path(entry.path)))
        out.sort(key=lambda e: (e[0], e[2].name))
        return out

    def size(self) -> int:
        """Bytes currently used by entries."""
        return sum(e[1] for e in self.entries())

    def _grow(self, delta: int) -> None:
        with self._lock:
            if self._size is None:
                self._size = self.size()
            else:
                self._size += delta
            if self._size > self.max_bytes:
                self._evict()

    def _evict(self) -> None:
        entries = self.entries()
        total = sum(e[1] for e in entries)
        target = math.floor(self.max_bytes * 0.9)
        for _mtime, nbytes, path in entries:
            if total <= target:
                break
            self._remove(path)
            total -= nbytes
        self._size = total

    def clear(self) -> None:
        for _m, _b, path in self.entries():
            self._remove(path)
        self._size = 0

    @staticmethod
    def _remove(path: Path) -> None:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            _unlink(path)


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass


def _unlink(path) -> None:
    if path:
        try:
            os.unlink(path)
        except OSError:
            pass


def _size_of(path: Path) -> int:
    try:
        if path.is_dir():
            return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        return path.stat().st_size
    except OSError:
        return 0


def default_cache(
    max_bytes: int = DEFAULT_MAX_BYTES, on_warning: Callable[[str], None] | None = None
) -> DiskCache | None:
    """The disk cache in the one cache folder (:func:`lib.settings.cache_folder`; None when
    caching is off). A folder that cannot be created or written gives a cache that is not
    written (``writable`` False) and ``on_warning(message)`` called once."""
    path = cache_folder()
    if path is None:
        return None
    return DiskCache(path, max_bytes, on_warning=on_warning)
