"""The only Streamlit code of the library: cached resources, session state, the shared
sidebar and page helpers. Pages call these, then the library's view/chart functions.

- ``resources``: process-wide cached resources (pipeline, example corpus and analysis);
- ``session``: this session's own articles and metadata edits (never shared, never on disk);
- ``sidebar``: the shared sidebar (source, your articles, outlet filter) -> :class:`View`;
- ``widgets``: page helpers (titles, empty states, filters, downloads).
"""
