"""Which code made a result: every cached result and analysis folder records
:func:`analysis_version`, and one made by other code is recomputed, never trusted.

:data:`PIPELINE_VERSION` is bumped by hand for big changes; :func:`code_fingerprint` hashes
the extraction code, its data files and the spaCy/model versions, so an edit changes the
version even when nobody bumps the number.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

#: Bump for big changes; the code fingerprint changes with every edit anyway.
PIPELINE_VERSION = "0.3.0"

LIB_DIR = Path(__file__).resolve().parent
#: Code whose behaviour decides the analysis: every module of these packages, these
#: modules, and every data file. Adding a module there needs no edit here.
FINGERPRINT_PACKAGES = ("nlp", "extract", "resolve")
FINGERPRINT_MODULES = ("schema.py", "analysis.py", "columns.py", "records.py", "datafiles.py")


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the extraction code, its data files and the spaCy/model versions."""
    from lib.nlp.pipeline import model_versions

    h = hashlib.sha256()
    paths = [LIB_DIR / name for name in FINGERPRINT_MODULES]
    for package in FINGERPRINT_PACKAGES:
        paths += sorted((LIB_DIR / package).glob("*.py"))
    paths += sorted(p for p in (LIB_DIR / "data").glob("*") if p.is_file())
    for path in paths:
        try:
            h.update(str(path.relative_to(LIB_DIR)).encode() + b"\0" + path.read_bytes())
        except OSError:
            h.update(path.name.encode() + b"\0missing")
    h.update(model_versions().encode())
    return h.hexdigest()[:16]


def analysis_version() -> str:
    """What every cached result and analysis folder records: the pipeline version plus the
    code fingerprint. Results with another value are recomputed."""
    return f"{PIPELINE_VERSION}+{code_fingerprint()}"


def text_key(text: str) -> str:
    """Key of one document's per-document results: its text's hash plus the analysis
    version (the disk cache and analysis folders use it)."""
    return hashlib.sha256(f"{analysis_version()}\x1e{text}".encode()).hexdigest()
