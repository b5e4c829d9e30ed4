"""Bar charts and headline numbers as safe HTML (no plotly): the Overview's.

The Overview is the first page every visitor sees; drawn as HTML it needs none of the
4.7 MB plotly bundle the browser would otherwise load and run before showing it. Bars are
``div``s sized in percent of the longest bar, so they fit any width; outlet names wrap
instead of being cut; every segment has a hover note; every piece of user text is escaped.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from lib.corpus.document import display_name
from lib.present.colours import LABEL_COLOURS
from lib.schema import LABEL_NAMES

#: Segments narrower than this share of the longest bar (in %) carry no number.
MIN_LABELLED = 6.0
#: The longest bar's share of the row, leaving room for its total after it.
LONGEST = 90.0

CSS = """<style>
.cl-bars{font-size:.875rem;line-height:1.3;margin:.2rem 0 .6rem}
.cl-legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin-bottom:.6rem}
.cl-legend span{display:inline-flex;align-items:center;gap:.35rem}
.cl-legend i{display:inline-block;width:.8rem;height:.8rem;border-radius:2px}
.cl-bar{display:grid;grid-template-columns:minmax(6rem,11rem) 1fr;gap:.6rem;
  align-items:center;margin:.3rem 0}
.cl-bar-name{text-align:right;overflow-wrap:break-word}
.cl-bar-track{display:flex;align-items:center;height:1.6rem}
.cl-bar-track .cl-seg:first-child{border-radius:3px 0 0 3px}
.cl-seg{display:flex;align-items:center;justify-content:center;font-size:.75rem;
  font-variant-numeric:tabular-nums;min-width:2px;height:100%}
.cl-bar-total{font-variant-numeric:tabular-nums;font-weight:600;margin-left:.45rem}
.cl-bar-axis{color:rgba(49,51,63,.6);font-size:.8rem;margin-left:11.6rem}
.cl-dark .cl-bar-axis{color:rgba(250,250,250,.6)}
.cl-stats{display:flex;flex-wrap:wrap;gap:.5rem 3.5rem;margin:.2rem 0 .8rem}
.cl-stat span{display:block;font-size:.875rem}
.cl-stat b{display:block;font-size:2.25rem;font-weight:400;line-height:1.25}
</style>"""


def _ink(colour: str) -> str:
    """Black or white text, whichever reads better on ``colour`` (#RRGGBB)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#111" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "#fff"


def entity_bars_html(
    table: pd.DataFrame,
    outlets: list[str],
    *,
    notes: dict[str, str] | None = None,
    axis: str = "Distinct entities named",
    dark: bool = False,
) -> str:
    """Stacked horizontal bars, one per outlet (in ``outlets`` order), a segment per entity
    type, the total at the end and a legend of the types above.

    Input columns: ``outlet, label, entities`` (see ``lib.views.documents.entities_per_outlet``).
    The markup is ``<div class="cl-bars" data-chart="entities-per-outlet">`` with one
    ``.cl-bar[data-outlet]`` row per outlet and ``.cl-seg[data-label]`` segments.
    """
    counts = (
        table.pivot_table(index="outlet", columns="label", values="entities", aggfunc="sum")
        .reindex(index=outlets)
        .fillna(0)
        .astype(int)
        if len(table)
        else pd.DataFrame(index=outlets)
    )
    labels = [lab for lab in LABEL_COLOURS if lab in counts.columns and counts[lab].sum()]
    totals = counts[labels].sum(axis=1) if labels else pd.Series(0, index=outlets)
    top = max(int(totals.max()) if len(totals) else 0, 1)
    legend = "".join(
        f'<span><i style="background:{LABEL_COLOURS[lab]}"></i>'
        f"{escape(LABEL_NAMES.get(lab, lab))}</span>"
        for lab in labels
    )
    rows = []
    for outlet in outlets:
        name = escape(display_name(outlet))
        segs = []
        for lab in labels:
            value = int(counts.at[outlet, lab]) if outlet in counts.index else 0
            if not value:
                continue
            share = LONGEST * value / top
            colour = LABEL_COLOURS[lab]
            note = f"{display_name(outlet)} · {LABEL_NAMES.get(lab, lab)}: {value}"
            segs.append(
                f'<span class="cl-seg" data-label="{lab}" title="{escape(note)}" '
                f'style="width:{share:.2f}%;background:{colour};color:{_ink(colour)}">'
                f"{value if share >= MIN_LABELLED else ''}</span>"
            )
        title = escape((notes or {}).get(outlet) or outlet)
        rows.append(
            f'<div class="cl-bar" data-outlet="{escape(outlet)}">'
            f'<div class="cl-bar-name" title="{title}">{name}</div>'
            f'<div class="cl-bar-track">{"".join(segs)}'
            f'<span class="cl-bar-total">{int(totals.get(outlet, 0))}</span></div></div>'
        )
    wrap = "cl-bars cl-dark" if dark else "cl-bars"
    return (
        f'{CSS}<div class="{wrap}" data-chart="entities-per-outlet">'
        f'<div class="cl-legend">{legend}</div>{"".join(rows)}'
        f'<div class="cl-bar-axis">{escape(axis)}: the total after each bar</div></div>'
    )


def stats_html(items: list[tuple[str, int]]) -> str:
    """Headline numbers in a row ("Articles 5 · Outlets 5 · Distinct entities 42"), each
    ``<div class="cl-stat" data-stat=LABEL>``: the label small above, the number large."""
    cells = "".join(
        f'<div class="cl-stat" data-stat="{escape(label)}"><span>{escape(label)}</span>'
        f"<b>{int(value):,}</b></div>"
        for label, value in items
    )
    return f'{CSS}<div class="cl-stats">{cells}</div>'
