"""Presentation: plotly figures and safe HTML built from view tables (no Streamlit).

- ``charts``: every chart (entities per outlet, heatmaps, per-outlet counts, claim chart);
- ``html``: escaped HTML for article text, evidence, keyword in context and quote diffs,
  and Markdown escaping for labels;
- ``tables``: the comparison tables (entity x outlet, claim x outlet) as safe HTML.
"""
