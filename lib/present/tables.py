"""Comparison tables as safe HTML that fit a 1024-px projector.

A row per entity, claim or speaker and one narrow column per outlet: outlet names wrap
in their headers instead of being cut, cells wrap, the first column stays pinned and the
header stays on top while the table scrolls. Hovering an outlet's header shows its articles
(``notes``). Every piece of user text is escaped with :func:`html.escape`.

Each table is ``<table class="cl-table" data-table=NAME>``; outlet headers carry
``data-outlet`` so tests can check that every selected outlet is drawn.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from lib.corpus.document import display_name
from lib.present.html import MARK_RATIO, statement_diff_html, wording_ratio

#: Rows drawn at most (a caption says when there are more; the CSV has them all).
MAX_ROWS = 250
#: Longest outlet header before it is shortened with "…" (the full name is on hover).
HEADER_CHARS = 40

STATUS_CLASSES = {
    "agree": "cl-agree",
    "differ": "cl-differ",
    "conflict": "cl-conflict",
    "single source": "cl-single",
}

CSS = """<style>
.cl-wrap{max-height:34rem;overflow:auto;border:1px solid rgba(49,51,63,.15);
  border-radius:.5rem;margin-bottom:.4rem}
.cl-table{border-collapse:separate;border-spacing:0;width:100%;font-size:.875rem;
  line-height:1.3;color:inherit}
.cl-table th,.cl-table td{padding:.32rem .5rem;border-bottom:1px solid rgba(49,51,63,.09);
  vertical-align:top;text-align:left}
.cl-table thead th{position:sticky;top:0;z-index:2;background:#f5f6f8;font-weight:600;
  vertical-align:bottom;border-bottom:1px solid rgba(49,51,63,.2)}
.cl-table .cl-lead{position:sticky;left:0;z-index:1;background:#fff;min-width:7.5rem;
  max-width:13rem;overflow-wrap:anywhere;box-shadow:inset -1px 0 0 rgba(49,51,63,.15)}
.cl-table thead .cl-lead{z-index:3;background:#f5f6f8}
.cl-table .cl-o{overflow-wrap:break-word}
.cl-counts .cl-o{min-width:4.4rem;max-width:6.5rem;text-align:center}
.cl-figures .cl-o{min-width:5rem;max-width:10rem}
.cl-table td.cl-n{text-align:center;vertical-align:middle;font-variant-numeric:tabular-nums}
.cl-table td.cl-zero{color:rgba(49,51,63,.35)}
.cl-table .cl-sub{display:block;font-size:.78rem;color:rgba(49,51,63,.6)}
.cl-table .cl-who{display:block;font-size:.78rem;color:rgba(49,51,63,.65)}
.cl-table .cl-fig+.cl-fig{margin-top:.3rem}
.cl-table .cl-none{color:rgba(49,51,63,.35)}
.cl-table .cl-forms{min-width:10rem;font-size:.8rem}
.cl-table .cl-id{font-size:.75rem;color:rgba(49,51,63,.55);margin-right:.25rem}
.cl-badge{display:inline-block;margin-top:.2rem;padding:0 .4rem;border-radius:.6rem;
  font-size:.75rem;font-weight:600}
.cl-agree{background:#dcf2e3;color:#1b5e20}
.cl-conflict{background:#fde2e1;color:#8a1c1c}
.cl-differ{background:#fff1d6;color:#7a4b00}
.cl-single{background:#ececf0;color:#4a4a55}
.cl-facts .cl-o{min-width:6.6rem;max-width:22rem;font-size:.8rem;line-height:1.35}
.cl-facts .cl-lead{min-width:5.2rem;max-width:7.5rem}
.cl-facts details summary{cursor:pointer;color:rgba(49,51,63,.6);font-size:.75rem;margin-top:.3rem}
.cl-facts .cl-st+.cl-st{margin-top:.35rem;padding-top:.35rem;
  border-top:1px dashed rgba(49,51,63,.15)}
.cl-facts del{background:#fde2e1;color:#8a1c1c}
.cl-facts ins{background:#dff5e1;color:#1b5e20;text-decoration:none}
.cl-tag{display:inline-block;margin-left:.25rem;padding:0 .3rem;border-radius:.5rem;
  font-size:.7rem;background:#e8eefc;color:#1a3a8a}
.cl-dark .cl-table thead th,.cl-dark .cl-table thead .cl-lead{background:#262730}
.cl-dark .cl-table .cl-lead{background:#0e1117}
.cl-dark .cl-table th,.cl-dark .cl-table td{border-bottom-color:rgba(250,250,250,.1)}
.cl-dark .cl-table .cl-sub,.cl-dark .cl-table .cl-who,.cl-dark .cl-table .cl-id{
  color:rgba(250,250,250,.6)}
.cl-dark .cl-table td.cl-zero,.cl-dark .cl-table .cl-none{color:rgba(250,250,250,.3)}
.cl-rows td,.cl-rows th{overflow-wrap:break-word}
.cl-rows td.cl-num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.cl-rows .cl-wide{min-width:12rem;width:45%}
.cl-rows .cl-mid{min-width:6rem}
.cl-rows .cl-short{white-space:nowrap}
.cl-rows .cl-sub{font-weight:400}
.cl-rows mark{background:#fff1b8;color:inherit;padding:0 1px;border-radius:2px}
.cl-dark .cl-rows mark{background:#5c4a00}
</style>"""


def _outlet_heads(outlets: list[str], notes: dict[str, str] | None) -> str:
    cells = []
    for outlet in outlets:
        shown = display_name(outlet)
        if len(shown) > HEADER_CHARS:
            shown = shown[: HEADER_CHARS - 1] + "…"
        note = (notes or {}).get(outlet) or outlet
        cells.append(
            f'<th scope="col" class="cl-o" data-outlet="{escape(outlet)}" '
            f'title="{escape(note)}">{escape(shown)}</th>'
        )
    return "".join(cells)


def _table(name: str, kind: str, head: str, body: list[str], dark: bool) -> str:
    wrap = "cl-wrap cl-dark" if dark else "cl-wrap"
    return (
        f'{CSS}<div class="{wrap}"><table class="cl-table cl-{kind}" data-table="{name}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _count_cell(value: int, top: int, title: str) -> str:
    if value <= 0:
        return f'<td class="cl-n cl-zero" title="{escape(title)}">0</td>'
    alpha = 0.08 + 0.42 * min(value / max(top, 1), 1.0)
    return (
        f'<td class="cl-n" style="background:rgba(66,133,244,{alpha:.2f})" '
        f'title="{escape(title)}">{value}</td>'
    )


def count_matrix_html(
    table: pd.DataFrame,
    lead: str,
    lead_label: str,
    outlets: list[str],
    *,
    name: str,
    sub: str | None = None,
    extra: dict[str, str] | None = None,
    forms: str | None = None,
    forms_label: str = "Written as",
    notes: dict[str, str] | None = None,
    cell_notes: dict[tuple[str, str], str] | None = None,
    dark: bool = False,
) -> str:
    """Counts per row and outlet (entity x outlet, speaker x outlet) as a safe HTML table.

    ``table`` has a ``lead`` column (the row's name, pinned), one count column per outlet,
    optionally ``sub`` (a small line under the name, e.g. the type), ``extra`` columns
    (column -> header, numbers shown after the outlets) and a ``forms`` text column shown
    last. Counts are shaded by size; 0 is shown faint; hovering a count shows
    ``cell_notes[(name, outlet)]`` when given. At most :data:`MAX_ROWS` rows.
    """
    extra = extra or {}
    head = f'<th scope="col" class="cl-lead">{escape(lead_label)}</th>'
    head += _outlet_heads(outlets, notes)
    head += "".join(f'<th scope="col" class="cl-n">{escape(h)}</th>' for h in extra.values())
    if forms:
        head += f'<th scope="col" class="cl-forms">{escape(forms_label)}</th>'
    rows = table.head(MAX_ROWS)
    top = int(rows[outlets].to_numpy().max()) if len(rows) and outlets else 1
    body = []
    for _, row in rows.iterrows():
        label = escape(display_name(str(row[lead])))
        if sub:
            label += f'<span class="cl-sub">{escape(str(row[sub]))}</span>'
        cells = [f'<th scope="row" class="cl-lead">{label}</th>']
        for outlet in outlets:
            note = (cell_notes or {}).get((row[lead], outlet), "")
            title = f"{outlet}: {note}" if note else f"{outlet}: {int(row[outlet])}"
            cells.append(_count_cell(int(row[outlet]), top, title))
        cells += [f'<td class="cl-n">{escape(str(row[c]))}</td>' for c in extra]
        if forms:
            cells.append(f'<td class="cl-forms">{escape(str(row[forms]))}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return _table(name, "counts", head, body, dark)


def _figure_cell(fig, intervals: bool) -> str:
    span = str(getattr(fig, "interval", "") or "")
    title = f' title="stands for {escape(span)}"' if span else ""
    out = f'<div class="cl-fig"{title}><b>{escape(str(fig.figure))}</b>'
    if intervals and span:
        out += f'<span class="cl-sub">= {escape(span)}</span>'
    if fig.said_by:
        out += f'<span class="cl-who">{escape(fig.said_by)}</span>'
    return out + "</div>"


def claims_table_html(
    summary: pd.DataFrame,
    cells: pd.DataFrame,
    outlets: list[str],
    *,
    notes: dict[str, str] | None = None,
    dark: bool = False,
    intervals: bool = False,
) -> str:
    """Claims (rows) x outlets (columns) as a safe HTML table.

    ``summary`` has ``claim_id, counted, status`` per claim (see
    :func:`lib.views.figures.claim_summary`), ``cells`` the figures each outlet reports
    (:func:`lib.views.figures.claim_cells`). A cell lists each figure with its source on
    a line of its own; "—" when the outlet does not report the claim. The first column
    holds the claim's id, what is counted and its status. Each figure's interval (what it
    stands for once rounding and its qualifier are allowed for) is on hover, and under it
    when ``intervals``.
    """
    head = '<th scope="col" class="cl-lead">Claim</th>' + _outlet_heads(outlets, notes)
    by_cell = {key: grp for key, grp in cells.groupby(["claim_id", "outlet"], sort=False)}
    body = []
    for claim in summary.head(MAX_ROWS).itertuples():
        status = str(claim.status)
        badge = STATUS_CLASSES.get(status, "cl-single")
        parts = [
            f'<th scope="row" class="cl-lead"><span class="cl-id">{escape(str(claim.claim_id))}'
            f"</span>{escape(str(claim.counted))}<br>"
            f'<span class="cl-badge {badge}">{escape(status)}</span></th>'
        ]
        for outlet in outlets:
            grp = by_cell.get((claim.claim_id, outlet))
            if grp is None:
                parts.append('<td class="cl-o"><span class="cl-none">—</span></td>')
                continue
            figures = "".join(_figure_cell(f, intervals) for f in grp.itertuples())
            parts.append(f'<td class="cl-o">{figures}</td>')
        body.append("<tr>" + "".join(parts) + "</tr>")
    return _table("claims", "figures", head, body, dark)


def _cell(value, *, numeric: bool = False) -> str:
    """One escaped cell value; empty for missing values, whole numbers without ".0"."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if numeric and isinstance(value, (int, float)):
        return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
    return escape(display_name(str(value)))


def rows_table_html(
    table: pd.DataFrame,
    columns: list[tuple[str, str]],
    *,
    name: str,
    subs: dict[str, list] | None = None,
    numeric: tuple[str, ...] = (),
    wide: tuple[str, ...] = (),
    narrow: tuple[str, ...] = (),
    marks: dict[str, str] | None = None,
    titles: dict[str, dict[str, str]] | None = None,
    helps: dict[str, str] | None = None,
    dark: bool = False,
) -> str:
    """A list of records (articles, figures, quotes) as a safe HTML table whose cells wrap,
    so it fits the page's width (no sideways scroll) on a 1024-px projector.

    ``columns`` are ``(column, header)`` pairs, the first one pinned while the table
    scrolls; ``subs[column]`` lists the small lines under that column's value, each a
    ``(column, label)`` pair ("Exact value: 1,250"; the value alone for an empty label)
    or a list of pairs shown on one line joined by " · "; empty values are left out;
    ``numeric`` columns
    are right-aligned whole numbers; ``narrow`` ones short codes kept on one line ("Q02",
    "fragment"); ``wide`` columns get the room that is left (a
    sentence, a quote); ``marks[column] = other`` highlights the ``other`` column's text
    inside ``column`` (the figure in its sentence); ``titles[column]`` maps a value to its
    hover note; ``helps[column]`` is the hover note of a header. At most :data:`MAX_ROWS`
    rows. Every value is escaped.
    """
    subs, marks, titles, helps = subs or {}, marks or {}, titles or {}, helps or {}
    classes = [_col_class(i, col, numeric, wide, narrow) for i, (col, _h) in enumerate(columns)]
    head = "".join(
        f'<th scope="col" class="{classes[i]}" data-col="{escape(col)}"'
        + (f' title="{escape(helps[col])}"' if col in helps else "")
        + f">{escape(header)}</th>"
        for i, (col, header) in enumerate(columns)
    )
    body = []
    for row in table.head(MAX_ROWS).to_dict("records"):
        cells = []
        for i, (col, _header) in enumerate(columns):
            value = _cell(row.get(col), numeric=col in numeric)
            if col in marks and value:
                value = _mark_part(str(row.get(col) or ""), str(row.get(marks[col]) or ""))
            value += "".join(_sub_line(row, line) for line in subs.get(col, []))
            note = titles.get(col, {}).get(row.get(col), "")
            title = f' title="{escape(note)}"' if note else ""
            tag = 'th scope="row"' if i == 0 else "td"
            cells.append(f'<{tag} class="{classes[i]}"{title}>{value}</{tag.split()[0]}>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return _table(name, "rows", head, body, dark)


def _sub_line(row: dict, line) -> str:
    """One small line under a value: ``(column, label)`` as "Label: value" (the value alone
    when the label is empty), or a list of them joined by " · "; empty values left out."""
    parts = [line] if isinstance(line, tuple) else list(line)
    shown = [
        (f"{escape(label)}: " if label else "") + _cell(row.get(col))
        for col, label in parts
        if _cell(row.get(col))
    ]
    return f'<span class="cl-sub">{" · ".join(shown)}</span>' if shown else ""


def _col_class(i: int, col: str, numeric, wide, narrow=()) -> str:
    kind = (
        "cl-num"
        if col in numeric
        else "cl-wide"
        if col in wide
        else "cl-short"
        if col in narrow
        else "cl-mid"
    )
    return f"cl-lead {kind}" if i == 0 else kind


def _mark_part(text: str, part: str) -> str:
    """``text`` escaped, its first ``part`` in ``<mark>``."""
    text, part = display_name(text), display_name(part)
    at = text.find(part) if part else -1
    if at < 0:
        return escape(text)
    return escape(text[:at]) + "<mark>" + escape(part) + "</mark>" + escape(text[at + len(part) :])


#: Statements of one outlet shown in a fact's cell before the rest fold away.
CELL_STATEMENTS = 1
#: Badge class of a fact by how many of the selected outlets report it.
REPORT_CLASSES = {"every": "cl-agree", "some": "cl-single", "one": "cl-conflict"}


def _marked(text: str, references: list[str]) -> str:
    """``text`` marked against the most alike reference statement, when alike enough."""
    if not references:
        return escape(text)
    ratio, best = max((wording_ratio(r, text), r) for r in references)
    return statement_diff_html(best, text) if ratio >= MARK_RATIO else escape(text)


def _fact_cell(statements: list, references: list[str], is_reference: bool) -> str:
    """The statements one outlet makes of a fact, marked against the reference outlet's;
    after :data:`CELL_STATEMENTS` the rest fold under "N more"."""
    parts = []
    for st in statements:
        text = str(st.text)
        shown = escape(text) if is_reference else _marked(text, references)
        tag = '<span class="cl-tag">headline</span>' if bool(st.headline) else ""
        parts.append(f'<div class="cl-st">{shown}{tag}</div>')
    if len(parts) > CELL_STATEMENTS:
        rest = parts[CELL_STATEMENTS:]
        parts = parts[:CELL_STATEMENTS] + [
            f"<details><summary>{len(rest)} more</summary>{''.join(rest)}</details>"
        ]
    return f'<td class="cl-o">{"".join(parts)}</td>'


def facts_table_html(
    rows: pd.DataFrame,
    facts: pd.DataFrame,
    outlets: list[str],
    *,
    labels: dict[str, str],
    notes: dict[str, str] | None = None,
    dark: bool = False,
) -> str:
    """Facts (rows) x outlets (columns) as a safe HTML table.

    ``rows``: ``fact_id, outlets`` (and ``covering``: the outlets covering its story) per
    fact in the order shown (see :func:`lib.views.facts.fact_summary`); ``facts``: the
    statements (``fact_id, outlet, text, headline``); ``labels``: who reports each fact, in
    words. Each cell holds that outlet's statement(s). The first outlet in column order
    that reports the fact is the reference: a statement worded much like one of the
    reference's (:data:`~lib.present.html.MARK_RATIO`) is marked against it, highlighting
    words the reference lacks and striking the reference's words it replaces. "—" when the
    outlet leaves the fact out.
    """
    head = '<th scope="col" class="cl-lead">Fact</th>' + _outlet_heads(outlets, notes)
    by_cell = {key: list(g.itertuples()) for key, g in facts.groupby(["fact_id", "outlet"])}
    n = len(outlets)
    body = []
    for fact in rows.head(MAX_ROWS).itertuples():
        present = len(fact.covering) if hasattr(fact, "covering") else n
        kind = "every" if fact.outlets >= present > 1 else "one" if fact.outlets <= 1 else "some"
        label = escape(labels.get(fact.fact_id, ""))
        cells = [
            f'<th scope="row" class="cl-lead"><span class="cl-id">{escape(str(fact.fact_id))}'
            f'</span><br><span class="cl-badge {REPORT_CLASSES[kind]}">{label}</span></th>'
        ]
        reporters = [o for o in outlets if (fact.fact_id, o) in by_cell]
        ref_outlet = reporters[0] if reporters else None
        references = [str(s.text) for s in by_cell.get((fact.fact_id, ref_outlet), [])]
        for outlet in outlets:
            found = by_cell.get((fact.fact_id, outlet))
            if not found:
                cells.append(
                    '<td class="cl-o"><span class="cl-none" title="left out by this outlet">'
                    "—</span></td>"
                )
                continue
            cells.append(_fact_cell(found, references, outlet == ref_outlet))
        body.append("<tr>" + "".join(cells) + "</tr>")
    return _table("facts", "facts", head, body, dark)
