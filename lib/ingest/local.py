"""The one corpus loader for paths: a folder, a ``.zip`` (bundle or plain articles) or a file.

Folder files go through the same readers as uploads, so Latin-1, HTML, PDF and DOCX work
and binary or empty files are reported by name; ``sources.csv`` is the manifest.
"""

from __future__ import annotations

from pathlib import Path

from lib.corpus.document import Corpus
from lib.corpus.manifest import MANIFEST_NAME
from lib.ingest.bundles import is_bundle, read_bundle
from lib.ingest.limits import LOCAL_LIMITS, Limits
from lib.ingest.uploads import read_uploads


def load_corpus(path: str | Path, limits: Limits | None = None) -> Corpus:
    """Load a folder, a ``.zip`` (bundle or plain articles) or one article file.

    Folder files go through the same readers as uploads (so Latin-1, HTML, PDF,
    DOCX work and binary/empty files are reported by name); ``sources.csv`` is the
    manifest. Defaults to :data:`LOCAL_LIMITS`. Raises ``FileNotFoundError`` when
    the path does not exist.
    """
    limits = limits or LOCAL_LIMITS
    p = Path(path)
    if p.is_dir():
        files = []
        problems = []
        for file in sorted(p.iterdir()):
            if not file.is_file() or file.name.startswith("."):
                continue
            try:
                files.append((file.name, file.read_bytes()))
            except OSError as exc:
                problems.append((file.name, f"unreadable ({exc.strerror})"))
        # The manifest first, so it applies to every article.
        files.sort(key=lambda f: f[0].lower() != MANIFEST_NAME)
        result = read_uploads(files, limits)
        return Corpus(result.documents, problems + result.problems)
    if p.is_file():
        try:
            data = p.read_bytes()
        except OSError as exc:
            return Corpus([], [(p.name, f"unreadable ({exc.strerror})")])
        if p.suffix.lower() == ".zip" and is_bundle(data):
            return read_bundle(data, p.name, limits)
        return read_uploads([(p.name, data)], limits).to_corpus()
    raise FileNotFoundError(f"corpus not found: {p}")
