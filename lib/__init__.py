"""Coverage Lens: how several news outlets report one event, as tidy tables.

The public face (everything else is reachable, but these are the entry points)::

    import lib

    analysis = lib.analyse_corpus("seeds")      # a folder, zip, bundle or analysis folder
    analysis.figures                            # one table per name in lib.TABLES
    lib.save_analysis(analysis, "out")          # an analysis folder (Parquet + manifest)
    lib.load_analysis("out")                    # read back without spaCy
    lib.load_corpus("seeds").documents          # the articles themselves

Each table's columns are declared once, in :mod:`lib.records` (``lib.TABLES`` maps a table
name to its record type); ``docs/architecture.md`` draws the data flow. Names are loaded
on first use, so importing ``lib`` (or any module in it) stays cheap.
"""

from __future__ import annotations

import importlib

#: Public name -> the module that defines it.
_HOMES = {
    "analyse_corpus": "lib.analysis",
    "analyze": "lib.analysis",
    "Analysis": "lib.schema",
    "load_corpus": "lib.ingest.local",
    "load_analysis": "lib.store.folders",
    "save_analysis": "lib.store.folders",
    "TABLES": "lib.records",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'lib' has no attribute {name!r}")
