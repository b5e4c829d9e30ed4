"""The only Streamlit code of the library. Pages call these, then the library's view and
chart functions.

- ``controller``: which articles, their analysis, the outlet choice -> the pages' ``View``;
- ``sidebar``: the shared sidebar's widgets (articles choice, your articles, outlet filter);
- ``session``: this session's own articles, metadata edits and analysis (never shared,
  never on disk);
- ``resources``: everything cached, with Streamlit's caches (shared: public data only);
- ``widgets``: page helpers (titles, empty states, filters, column configs, downloads);
- ``janitor``: closes sessions that have left and gives their memory back.
"""
