"""Keeping results: the on-disk cache, analysis folders and parallel parsing.

- ``cache``: per-document results and whole analyses on disk, bounded, LRU-evicted;
- ``folders``: an Analysis as a folder of Parquet tables plus ``manifest.json``;
- ``parallel``: parsing many texts with worker processes.
"""
