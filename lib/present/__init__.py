"""Presentation: plotly figures and safe HTML built from view tables (no Streamlit).

- ``charts``: every chart (entities per outlet, heatmaps, per-outlet counts, claim chart,
  distinctive words);
- ``html``: escaped HTML for article text, evidence, keyword in context, quote and
  statement diffs, and Markdown escaping for labels;
- ``tables``: the comparison tables (entities, claims, speakers, facts x outlets).
"""
