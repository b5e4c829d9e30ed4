"""Page helpers: the View of this run, titles, empty states, filters and downloads."""

from __future__ import annotations

import contextlib

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from lib.columns import PageTable
from lib.present.html import md_escape
from lib.present.tables import MAX_ROWS, rows_table_html
from lib.schema import LABEL_NAMES
from lib.ui.controller import View
from lib.ui.sidebar import EXAMPLE, OUTLET_KEY, SOURCE_KEY, STORY_KEY, YOURS, set_story
from lib.views.export import csv_bytes, readable

#: Most outlet columns a wide table shows (the CSV download has them all).
MAX_OUTLET_COLUMNS = 30


def shown_outlets(view: View, counts: pd.Series | None = None) -> list[str]:
    """Outlets to show as columns: all selected, or the busiest MAX_OUTLET_COLUMNS of them."""
    if len(view.selected) <= MAX_OUTLET_COLUMNS:
        return list(view.selected)
    if counts is None:
        return list(view.selected[:MAX_OUTLET_COLUMNS])
    top = counts.reindex(view.selected).fillna(0).sort_values(ascending=False)
    keep = set(top.index[:MAX_OUTLET_COLUMNS])
    return [o for o in view.selected if o in keep]


#: The sidebar's controls bound to the URL, shared by every page: query key -> the URL
#: value read as the widget holds it (``?outlet=`` alone selects no outlet).
APP_PARAMS = {
    OUTLET_KEY: lambda values: [v for v in values if v],
    SOURCE_KEY: lambda values: values[-1],
    STORY_KEY: lambda values: values[-1],
}
_KEPT = "_app_params"
#: Session key: did the last run's pile hold more than one story (the Stories page shows)?
MANY_STORIES = "_many_stories"
_LAST_PAGE = "_last_page"
_OPENED_WITH = "_opened_with"
_HAD_ARTICLES = "_had_own_articles"


def opened_on_uploads() -> bool:
    """Was this session opened with a link to uploaded articles (``?source=Your+articles``)?
    Such articles are private to the session that added them, so a new session (a
    colleague, or the same person after a reload) starts without them."""
    if st.session_state.get(_HAD_ARTICLES):  # the session has had articles of its own since
        return False
    return YOURS in st.session_state.get(_OPENED_WITH, {}).get(SOURCE_KEY, [])


#: What a link to uploaded articles opens on, and how to share them instead.
PRIVATE_UPLOADS = (
    "**This link points to articles that were uploaded, and uploads are private.** They "
    "live only in the browser session of the person who added them, so they are not here "
    "(and a reload ends them too).\n\n"
    "**To share them:** the sender opens *Your articles* in the sidebar and clicks "
    "**Download bundle**, then sends you the file. Upload that bundle here (sidebar, "
    "*Upload articles*) and this link's view applies: the same outlets and page settings."
)


def keep_app_params(page) -> None:
    """Keep the sidebar's choices when the browser drops them from the address on navigation.

    A page link clicked while a run is still going (before the sidebar's widgets are drawn)
    opens the new page without ``?outlet=``/``?source=``/``?story=``, and the filter would fall
    back to every outlet. Each session remembers the last value of each app-wide parameter
    (from the address, and from the widget once drawn: see :func:`set_view`); a run that
    switches page without the parameter gets it back. Call after ``st.navigation`` and
    before the sidebar. A new address opens a new session, so a link without the parameter
    still means the default.
    """
    if _OPENED_WITH not in st.session_state:  # the address this session was opened with
        st.session_state[_OPENED_WITH] = {k: st.query_params.get_all(k) for k in st.query_params}
    kept = st.session_state.setdefault(_KEPT, {})
    switched = st.session_state.get(_LAST_PAGE) not in (None, page.url_path)
    st.session_state[_LAST_PAGE] = page.url_path
    for key, read in APP_PARAMS.items():
        if key in st.query_params:
            kept[key] = read(st.query_params.get_all(key))
        elif switched and key in kept:
            st.session_state[key] = kept[key]
            with contextlib.suppress(StreamlitAPIException):  # bound: the widget writes it
                st.query_params[key] = kept[key] or ""  # back in the address ("" = none)


def url_pair(key: str) -> tuple[str, str] | None:
    """A pair of names kept in the address bar as ``?key=A&key=B`` (e.g. the heatmap cell a
    user clicked), or None when the address holds no such pair."""
    values = [v for v in st.query_params.get_all(key) if v.strip()]
    return (values[0], values[1]) if len(values) == 2 else None


def chart_points(key: str) -> list[dict]:
    """The points selected (clicked) on the chart with widget ``key``, as the browser sent
    them for this run; readable before the chart is drawn again."""
    state = st.session_state.get(key)
    try:
        return list(state["selection"]["points"])
    except (KeyError, TypeError):
        return []


def set_url_pair(key: str, pair: tuple[str, str]) -> None:
    """Keep ``pair`` in the address bar (see :func:`url_pair`), so a copied link shows it."""
    if url_pair(key) != tuple(pair):
        st.query_params[key] = list(pair)


def set_view(view: View) -> None:
    """Hand the View to the page and remember the sidebar's choices (see keep_app_params)."""
    st.session_state["_view"] = view
    if view.source == YOURS and (view.documents or not view.statuses.empty):
        st.session_state[_HAD_ARTICLES] = True
    kept = st.session_state.setdefault(_KEPT, {})
    if view.selected != view.outlets:
        kept[OUTLET_KEY] = list(view.selected)
    else:
        kept.pop(OUTLET_KEY, None)
    if view.source != EXAMPLE:
        kept[SOURCE_KEY] = view.source
    else:
        kept.pop(SOURCE_KEY, None)
    if view.story:
        kept[STORY_KEY] = view.story
    else:
        kept.pop(STORY_KEY, None)
    st.session_state[MANY_STORIES] = view.corpus is not None and len(view.corpus.stories) > 1


#: Widget key of the Stories page's table (a selected row chooses the story).
STORY_TABLE_KEY = "stories_table"


def choose_story() -> None:
    """Callback of the Stories table: the selected row's story becomes the sidebar's story
    (and ``?story=``), so every page shows it."""
    state = st.session_state.get(STORY_TABLE_KEY)
    rows = getattr(getattr(state, "selection", None), "rows", None)
    if rows is None and isinstance(state, dict):
        rows = state.get("selection", {}).get("rows")
    view = st.session_state.get("_view")
    if not rows or view is None or view.corpus is None:
        return
    ids = view.corpus.stories["story_id"].tolist()
    if 0 <= rows[0] < len(ids):
        set_story(ids[rows[0]])


def many_stories() -> bool:
    """Did this session's last run show a pile of several stories? (``app.py`` lists the
    Stories page from it before the sidebar knows the pile.)"""
    return bool(st.session_state.get(MANY_STORIES, False))


def stories_note(view: View) -> None:
    """One line under a page's title when the pile holds several stories: which story the
    page shows, or that it mixes them all."""
    if view.corpus is None or len(view.corpus.stories) <= 1:
        return
    if view.story:
        label = view.corpus.stories.set_index("story_id")["label"].get(view.story, "")
        st.caption(f"Showing story {view.story}: {md_escape(label)}")
    else:
        st.caption(
            f"These articles cover {len(view.corpus.stories)} different stories (see the "
            "*Stories* page). Outlets are best compared within one story: choose it in the "
            "sidebar."
        )


def get_view() -> View:
    """The View set by ``app.py`` for this run (pages call this first)."""
    view = st.session_state.get("_view")
    if view is None:
        st.error("Open the app from its main page (streamlit run app.py).")
        st.stop()
    return view


#: Narrower side margins below 1280 px so a 1024-px projector keeps room for the tables
#: (Streamlit's wide layout pads the page by 5rem on each side).
NARROW_SCREEN_CSS = (
    "<style>@media (max-width: 1280px){[data-testid='stMainBlockContainer']"
    "{padding-left:1.5rem;padding-right:1.5rem}}</style>"
)

#: Multiselects show every chosen option, wrapped onto as many rows as they need
#: (Streamlit caps the box at about four rows, or keeps the chips on one row in the main
#: area, and scrolls inside it: that hid the fifth outlet and chosen entity types); the
#: sidebar's outlet box grows up to about half the screen, then scrolls.
MULTISELECT_CSS = (
    "<style>[data-testid='stMultiSelect'] .react-aria-ComboBox>div{max-height:none!important}"
    "[data-testid='stMultiSelect'] .react-aria-ComboBox>div>div{max-height:none!important;"
    "overflow:visible!important;flex-wrap:wrap!important;min-width:0!important}"
    "[data-testid='stSidebar'] [data-testid='stMultiSelect'] .react-aria-ComboBox>div>div"
    "{max-height:min(24rem,55vh)!important;overflow-y:auto!important}</style>"
)


def page_intro(title: str, text: str, *, story_line: bool = True) -> None:
    """The page's title and what it shows; for a pile of several stories, a line saying
    which story the page shows (see :func:`stories_note`)."""
    st.html(NARROW_SCREEN_CSS + MULTISELECT_CSS)
    st.title(title)
    st.caption(text)
    view = st.session_state.get("_view")
    if story_line and view is not None:
        stories_note(view)


def dark_theme() -> bool:
    """Is the reader's theme dark? (HTML tables pick their colours from it.)"""
    theme = getattr(st.context, "theme", None)
    return getattr(theme, "type", "light") == "dark"


def comparison_table(markup: str, rows: int, noun: str) -> None:
    """Draw a comparison table built by :mod:`lib.present.tables` (safe HTML) of ``rows``
    rows, saying when only the first ones are drawn."""
    if rows > MAX_ROWS:
        st.caption(
            f"The first {MAX_ROWS} of {rows} {noun} are drawn; narrow the list or download "
            "the CSV for all of them."
        )
    st.html(markup)


def record_table(
    table,
    rows: pd.DataFrame,
    name: str,
    *,
    lines: dict[str, list[tuple[str, ...]]] | None = None,
    hidden: tuple[str, ...] = (),
    labelled: tuple[str, ...] = (),
    **options,
) -> None:
    """Draw ``rows`` as page table ``table`` (:mod:`lib.records`: headers and help) in a
    wrapping HTML table that fits the page (:func:`lib.present.tables.rows_table_html`).

    ``lines[column]`` lists the columns drawn as small lines under that column's value
    (a line of several joined by " · "), labelled with their header when in ``labelled``;
    ``hidden`` columns are left out; ``options`` go to ``rows_table_html`` (wide, narrow,
    numeric, marks, titles).
    """
    under = {c for line_set in (lines or {}).values() for line in line_set for c in line}
    shown = [c for c in table.columns if c.name not in under and c.name not in hidden]
    subs = {}
    for col, line_set in (lines or {}).items():
        subs[col] = [
            [(c, table.get(c).header if c in labelled else "") for c in line if c not in hidden]
            for line in line_set
        ]
        subs[col] = [line for line in subs[col] if line]
    comparison_table(
        rows_table_html(
            rows,
            [(c.name, c.header) for c in shown],
            name=name,
            subs=subs,
            helps={c.name: c.help for c in shown if c.help},
            dark=dark_theme(),
            **options,
        ),
        len(rows),
        table.title.lower() if table.title else name,
    )


def require_outlets(view: View) -> bool:
    """Tell the user when there is nothing to show; returns True when the page can render."""
    if view.full.documents.empty:
        if view.source == YOURS and view.statuses.empty and opened_on_uploads():
            st.info(PRIVATE_UPLOADS, icon=":material/lock:")
            return False
        st.info(
            "No articles yet. Upload files, paste an article or add a web address in the "
            "sidebar, or switch back to the example articles."
        )
        return False
    if not view.selected:
        st.info(
            "No outlet is selected. Choose one or more outlets in the sidebar to see this view."
        )
        return False
    return True


def entity_type_filter(labels, key: str, where=None) -> list[str]:
    """Multiselect of entity types (all chosen by default), shown with readable names."""
    options = sorted(set(labels), key=lambda lab: LABEL_NAMES.get(lab, lab))
    return (where or st).multiselect(
        "Entity types",
        options,
        default=options,
        format_func=lambda lab: LABEL_NAMES.get(lab, lab),
        key=key,
        bind="query-params",
    )


def demonym_toggle(key: str, default: bool, where=None) -> bool:
    """The "Nationalities as countries" switch (North Korean -> North Korea)."""
    return (where or st).toggle(
        "Nationalities as countries",
        value=default,
        key=key,
        bind="query-params",
        help="Count 'North Korean' or 'Ukrainian' as the country they belong to",
    )


def column_config(table: PageTable, columns=None) -> dict:
    """Streamlit column configs of a page table (header, help, width, pinning, number
    format: all declared once in :mod:`lib.records`), for ``columns`` (default: the page's)."""
    wanted = list(columns) if columns is not None else table.names()
    out = {}
    for name in wanted:
        c = table.get(name)
        options = {"help": c.help or None, "width": c.width}
        if c.pinned:
            options["pinned"] = True
        if c.dtype in ("int64", "float64"):
            out[name] = st.column_config.NumberColumn(c.header, format=c.number_format, **options)
        elif c.dtype == "bool":
            out[name] = st.column_config.CheckboxColumn(c.header, **options)
        else:
            out[name] = st.column_config.TextColumn(c.header, **options)
    return out


#: The widest a column fitted to its values gets (pixels): most of a 1024 px page's table.
FIT_MAX_PX = 420
#: Pixels per character of a cell's text (the app's 14 px sans-serif) and a cell's padding.
_CHAR_PX, _CELL_PAD_PX = 8, 28


def fitted_width(values: pd.Series, header: str = "") -> int:
    """The pixel width that shows the longest of ``values`` (and the column's ``header``)
    whole, at least 80 and at most :data:`FIT_MAX_PX` pixels."""
    longest = max([len(header), *values.fillna("").astype(str).str.len()])
    return min(FIT_MAX_PX, max(80, longest * _CHAR_PX + _CELL_PAD_PX))


def page_dataframe(
    rows: pd.DataFrame,
    table: PageTable,
    key: str,
    *,
    columns=None,
    download: str = "",
    fit=(),
    **options,
) -> None:
    """``rows`` as an interactive table of page table ``table`` (headers, help and formats
    from :func:`column_config`), full width, no index; ``options`` go to ``st.dataframe``.
    Columns in ``fit`` are as wide as their longest value (up to :data:`FIT_MAX_PX`), so a
    long file name is read whole and a short column leaves room for the others. With
    ``download`` (a file name), a CSV of the same rows in the page's words under it (key
    ``<key>_download``)."""
    config = column_config(table, columns)
    for name in fit:
        if name in config:
            config[name]["width"] = fitted_width(rows[name], config[name].get("label") or "")
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        column_config=config,
        key=key,
        **options,
    )
    if download:
        csv_download(rows, download, key=f"{key}_download", headers=table.headers())


def csv_download(
    table: pd.DataFrame,
    file_name: str,
    key: str,
    label: str = "Download CSV",
    headers: dict[str, str] | None = None,
    values: dict[str, dict] | None = None,
) -> None:
    """A CSV download of ``table`` in the page's words: ``values`` and ``headers`` as in
    :func:`lib.views.export.readable` (entity types always by their names)."""
    values = {"label": LABEL_NAMES, "type": LABEL_NAMES, **(values or {})}
    st.download_button(
        label,
        data=csv_bytes(readable(table, headers or {}, values)),
        file_name=file_name,
        mime="text/csv",
        key=key,
        icon=":material/download:",
    )
