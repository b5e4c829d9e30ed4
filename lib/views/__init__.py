"""Analysis -> the tables the pages show (plain pandas; no Streamlit, no plotly).

- ``filter``: the one outlet filter (recomputes what depends on the selected outlets);
- ``compare``: entity x outlet tables, written forms, keyword in context;
- ``entities``: written forms per outlet, nationalities as countries;
- ``cooccur``: co-occurrence windows, metrics, clustering, evidence;
- ``figures``: figure labels, the claim x outlet table, the All figures table;
- ``quotes``: the speaker x outlet matrix, one version of a quote against another;
- ``facts``: facts every, some or one outlet reports, only in / left out by an outlet;
- ``wording``: each outlet's distinctive words (log-odds, informative Dirichlet prior) and
  things two outlets name differently in one fact;
- ``sources``: how each speaker or source was found, in words;
- ``documents``: file statuses and metadata as the pages show them;
- ``export``: tables as CSV downloads (formula-safe, the page's words).

Column headers and help come from the page tables of :mod:`lib.records`.
"""
