"""The one loader of the documented data files in ``lib/data/`` (vocabularies, aliases,
patterns). Each file is read once per process; callers must not mutate what they get.

- CSV (``aliases.csv``, ``media.csv``, ``nicknames.csv`` …): ``#`` comment lines before the
  header, then one row per line; values stripped.
- JSON (``numbers.json``, ``attribution.json``, ``number_names.json``): keys starting with
  ``_`` are comments and left out.
- Lines (``furniture.txt``): one entry per line; blank and ``#`` lines left out.

Every data file is part of the code fingerprint (:mod:`lib.versions`): editing one
recomputes cached results.
"""

from __future__ import annotations

import csv
import functools
import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    return DATA_DIR / name


def _lines(name: str) -> list[str]:
    text = data_path(name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@functools.cache
def read_csv(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a CSV data file as dicts of stripped strings."""
    return tuple(
        {k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(_lines(name))
    )


@functools.cache
def read_json(name: str) -> dict:
    """A JSON data file without its ``_`` comment keys."""
    raw = json.loads(data_path(name).read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


@functools.cache
def read_lines(name: str) -> tuple[str, ...]:
    """The entries of a one-entry-per-line data file."""
    return tuple(_lines(name))
