"""Every setting read from the environment, in one place (read at call time, so a test or a
server that sets one before use is obeyed).

- ``COVERAGE_LENS_CACHE_DIR``: the one cache folder (default ``~/.cache/coverage-lens``;
  ``off``, ``0``, ``none``, ``false``, ``no`` or empty turn caching off). The disk cache of
  per-article results (:mod:`lib.store.cache`) and the gazetteer's derived tables
  (:mod:`lib.nlp.gazetteer`) live there.
- ``COVERAGE_LENS_CORPUS``: a folder, zip, bundle or analysis folder the app opens as its
  example instead of the bundled seeds.
- ``COVERAGE_LENS_WORKER_IDLE_S``: seconds a parse worker waits for work before it exits
  (default 300).
- ``COVERAGE_LENS_ALLOW_PRIVATE_URLS=1``: web addresses may be on loopback and private
  hosts (local testing only).
- ``COVERAGE_LENS_CORPUS_BUDGET_S``: seconds the corpus-level passes of one analysis may
  take together (``off`` for no limit; see :mod:`lib.resolve.budget`).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

CACHE_DIR_ENV = "COVERAGE_LENS_CACHE_DIR"
CORPUS_ENV = "COVERAGE_LENS_CORPUS"
WORKER_IDLE_ENV = "COVERAGE_LENS_WORKER_IDLE_S"
ALLOW_PRIVATE_URLS_ENV = "COVERAGE_LENS_ALLOW_PRIVATE_URLS"
CORPUS_BUDGET_ENV = "COVERAGE_LENS_CORPUS_BUDGET_S"

#: The cache folder when the environment names none.
DEFAULT_CACHE_DIR = Path.home() / ".cache" / "coverage-lens"

_OFF = {"off", "0", "none", "false", "no", ""}


def cache_folder() -> Path | None:
    """The one cache folder, or None when caching is off."""
    value = os.environ.get(CACHE_DIR_ENV)
    if value is None:
        return DEFAULT_CACHE_DIR
    if value.strip().lower() in _OFF:
        return None
    return Path(value.strip()).expanduser()


def example_corpus() -> str | None:
    """The corpus the app shows as its example, when one is set."""
    return os.environ.get(CORPUS_ENV) or None


def worker_idle_s() -> float:
    """Seconds a parse worker without work waits before it exits."""
    try:
        return float(os.environ.get(WORKER_IDLE_ENV, "300"))
    except ValueError:
        return 300.0


def allow_private_urls() -> bool:
    """May web addresses be on loopback and private hosts (local testing)?"""
    return os.environ.get(ALLOW_PRIVATE_URLS_ENV, "").strip() == "1"


def corpus_budget_s(default: float) -> float:
    """Seconds for the corpus-level passes: the setting, ``inf`` when ``off``, ``default``
    when unset or unreadable."""
    raw = os.environ.get(CORPUS_BUDGET_ENV, "").strip().lower()
    if raw in ("off", "none", "inf"):
        return math.inf
    try:
        value = float(raw) if raw else default
    except ValueError:
        return default
    return value if value >= 0 and not math.isnan(value) else default
