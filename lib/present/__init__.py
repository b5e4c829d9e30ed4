"""Presentation: plotly figures and safe HTML built from view tables (no Streamlit).

- ``charts``: every chart (entities per outlet, heatmaps, per-outlet counts, claim chart,
  distinctive words);
- ``html``: escaped HTML for article text, evidence, keyword in context, quote and
  statement diffs, Markdown escaping for labels (no live link, address or emoji shortcode)
  and the one deliberate link (an article's own http(s) address);
- ``tables``: the comparison tables (entity x outlet, claim x outlet, fact x outlet) as
  safe HTML.
"""
