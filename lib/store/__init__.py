"""Keeping results: the one disk cache and analysis folders (parsing is :mod:`lib.parsing`).

- ``cache``: per-article results (and whole analyses) on disk, bounded, LRU-evicted;
- ``folders``: an Analysis as a folder of Parquet tables plus ``manifest.json``.
"""
