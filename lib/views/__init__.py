"""Analysis -> the tables the pages show (plain pandas; no Streamlit, no plotly).

- ``filter``: the one outlet filter (recomputes what depends on the selected outlets);
- ``compare``: entity x outlet tables, written forms, keyword in context;
- ``entities``: surface forms per entity, nationalities as countries;
- ``cooccur``: co-occurrence windows, metrics, clustering, evidence;
- ``figures``: figure labels, the claim x outlet table;
- ``quotes``: the speaker x outlet matrix, word-level differences;
- ``facts``: facts every, some or one outlet reports, only in / left out by an outlet;
- ``wording``: each outlet's distinctive words (log-odds, informative Dirichlet prior) and
  things two outlets name differently in one fact.
"""
