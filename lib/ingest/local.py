"""The one corpus loader for paths: a folder, a ``.zip`` (bundle or plain articles) or a file.

Folder files go through the same readers and limits as uploads, so Latin-1, HTML, PDF and
DOCX work and every file that is not read is named with its reason; ``sources.csv`` is the
manifest. Sizes come from ``stat`` before anything is read, and FIFOs, devices and links
out of the folder are never opened (the rule is in :mod:`lib.ingest.paths`).
"""

from __future__ import annotations

from pathlib import Path

from lib.corpus.document import Corpus
from lib.corpus.manifest import MANIFEST_NAME
from lib.ingest.bundles import is_bundle, read_bundle
from lib.ingest.filetypes import file_suffix
from lib.ingest.limits import LOCAL_LIMITS, Limits
from lib.ingest.paths import inspect, scan_folder
from lib.ingest.status import IngestError, statuses_frame, statuses_to_problems
from lib.ingest.uploads import read_uploads


class CorpusError(ValueError):
    """The corpus path as a whole cannot be read (one line for the user)."""


def load_corpus(path: str | Path, limits: Limits | None = None) -> Corpus:
    """Load a folder, a ``.zip`` (bundle or plain articles) or one article file.

    Uses :data:`LOCAL_LIMITS` by default. ``Corpus.problems`` names every entry that was
    not read, with its reason. Raises ``FileNotFoundError`` when the path does not exist
    and :class:`CorpusError` (a ``ValueError``) when it is not a folder or regular file.
    """
    limits = limits or LOCAL_LIMITS
    p = Path(path)
    if not p.exists() and not p.is_symlink():
        raise FileNotFoundError(f"corpus not found: {p}")
    if p.is_dir():
        try:
            files, rows = scan_folder(p)
        except OSError as exc:
            raise CorpusError(f"cannot list {p} ({exc.strerror})") from None
        # The manifest first, so it applies to every article.
        files.sort(key=lambda f: f[0].lower() != MANIFEST_NAME)
        result = read_uploads(files, limits)
        problems = statuses_to_problems(statuses_frame(rows)) + result.problems
        return Corpus(result.documents, problems)
    try:
        local = inspect(p)
    except IngestError as fail:
        raise CorpusError(fail.message) from None
    if file_suffix(p.name) == ".zip" and is_bundle(local):
        return read_bundle(local, p.name, limits)
    return read_uploads([(p.name, local)], limits).to_corpus()
