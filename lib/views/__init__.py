"""Analysis -> the tables the pages show (plain pandas; no Streamlit, no plotly).

- ``filter``: the one outlet filter (recomputes what depends on the selected outlets);
- ``compare``: entity x outlet tables, written forms, keyword in context;
- ``entities``: surface forms per entity, nationalities as countries;
- ``cooccur``: co-occurrence windows, metrics, clustering, evidence;
- ``figures``: figure labels, the claim x outlet table;
- ``quotes``: the speaker x outlet matrix, word-level differences.
"""
