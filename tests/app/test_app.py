"""Every page renders through Streamlit's AppTest for all outlets, one outlet and none."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import ROOT, column_headers

APP = str(ROOT / "app.py")
PAGES = [
    "app_pages/overview.py",
    "app_pages/compare.py",
    "app_pages/entity.py",
    "app_pages/cooccurrence.py",
    "app_pages/figures.py",
    "app_pages/quotes.py",
    "app_pages/facts.py",
    "app_pages/wording.py",
    "app_pages/reader.py",
    "app_pages/sources.py",
]
TIMEOUT = 120


@pytest.fixture(autouse=True)
def _clear_caches():
    import streamlit as st

    st.cache_data.clear()
    yield


def open_page(page: str, outlets: list[str] | None = None) -> AppTest:
    """Open the app on ``page`` with ``outlets`` chosen in the sidebar filter.

    AppTest drops sidebar elements from its tree after a rerun under st.navigation,
    so the shared filter is seeded through session state (its widget key).
    """
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if outlets is not None:
        at.session_state["outlet"] = outlets
    at.run()
    assert not at.exception, at.exception
    at.switch_page(page).run()
    return at


def all_text(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += (
        [e.value for e in at.info] + [e.value for e in at.title] + [e.value for e in at.subheader]
    )
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_page_all_outlets(page):
    at = open_page(page)
    assert not at.exception, at.exception
    assert at.title, "every page has a title"
    assert at.caption, "every page explains itself"
    assert "No outlet is selected" not in all_text(at)


@pytest.mark.parametrize("page", PAGES)
def test_page_one_outlet(page):
    at = open_page(page, ["TDPel Media"])
    assert not at.exception, at.exception
    assert at.session_state["outlet"] == ["TDPel Media"]
    assert "No outlet is selected" not in all_text(at)


@pytest.mark.parametrize("page", PAGES)
def test_page_no_outlet(page):
    at = open_page(page, [])
    assert not at.exception, at.exception
    if page != "app_pages/sources.py":  # the articles page lists files whatever the filter
        assert "No outlet is selected" in all_text(at)


def test_overview_table_follows_filter():
    table = html_table(open_page("app_pages/overview.py"), "articles")
    assert len(table.xpath(".//tbody/tr")) == 5
    at = open_page("app_pages/overview.py", ["TDPel Media", "The Moscow Times"])
    assert not at.exception
    rows = html_table(at, "articles").xpath(".//tbody/tr")
    assert sorted(r[0].text_content() for r in rows) == ["TDPel Media", "The Moscow Times"]
    assert at.get("plotly_chart") == [] and at.dataframe == []  # light HTML only (speed)
    assert at.metric == [] and 'data-stat="Outlets"' in " ".join(
        e.proto.body for e in at.get("html")
    )
    bars = [e.proto.body for e in at.get("html") if "entities-per-outlet" in e.proto.body]
    assert len(bars) == 1 and bars[0].count('class="cl-bar"') == 2
    assert [b.label for b in at.get("download_button")] == ["Download CSV"]


def html_table(at: AppTest, name: str):
    """The comparison table ``name`` the page drew with st.html (an lxml element), or None."""
    import lxml.html

    for element in at.get("html"):
        root = lxml.html.fragment_fromstring(element.proto.body, create_parent="div")
        found = root.xpath(f"//table[@data-table='{name}']")
        if found:
            return found[0]
    return None


def table_outlets(table) -> list[str]:
    return [th.get("data-outlet") for th in table.xpath(".//thead//th[@data-outlet]")]


def test_compare_table_columns_follow_filter():
    import lxml.html

    at = open_page("app_pages/compare.py", ["ICARO Media Group", "TDPel Media"])
    table = html_table(at, "compare")
    assert table_outlets(table) == ["ICARO Media Group", "TDPel Media"]
    heads = [th.text_content() for th in table.xpath(".//thead//th")]
    assert heads == ["Entity", "ICARO Media Group", "TDPel Media", "Outlets naming it", "Mentions",
                     "Written as"]  # fmt: skip
    rows = {r[0].xpath("text()")[0]: r for r in table.xpath(".//tbody/tr")}
    rutte = rows["Mark Rutte"]
    assert rutte[0].xpath("span")[0].text_content() == "Person"  # the type, in words
    assert "Rutte ×" in rutte[-1].text_content()
    # hovering a count shows how that outlet wrote the name; selected outlets only
    assert rutte[1].get("title").startswith("ICARO Media Group: ")
    assert "The Moscow Times" not in lxml.html.tostring(table, encoding="unicode")
    assert all(int(r[3].text_content()) >= 1 for r in rows.values())  # outlets naming it
    at.selectbox(key="compare_sort").set_value("TDPel Media").run()
    assert not at.exception, at.exception
    table = html_table(at, "compare")
    counts = [int(r[2].text_content()) for r in table.xpath(".//tbody/tr")]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0


def test_figures_and_quotes_tables_have_a_column_per_selected_outlet():
    chosen = open_page("app_pages/overview.py").session_state["_view"].outlets[2:]
    at = open_page("app_pages/figures.py", chosen)
    claims = html_table(at, "claims")
    assert table_outlets(claims) == chosen
    first = claims.xpath(".//tbody/tr")[0]
    assert first[0].xpath("span")[0].text_content() == "C01"
    assert first[1].xpath(".//b")[0].text_content().startswith("≥600,000")
    at.switch_page("app_pages/quotes.py").run()
    assert not at.exception, at.exception
    speakers = html_table(at, "speakers")
    assert table_outlets(speakers) == chosen
    assert speakers.xpath(".//tbody/tr")[0][0].text_content() == "Mark Rutte"


def test_cooccurrence_controls():
    at = open_page("app_pages/cooccurrence.py")
    at.selectbox(key="co_window").set_value("paragraph").run()
    at.selectbox(key="co_metric").set_value("npmi").run()
    at.slider(key="co_top_n").set_value(8).run()
    assert not at.exception, at.exception
    assert "Evidence" in [s.value for s in at.subheader]


def test_reader_shows_furniture_separately():
    at = open_page("app_pages/reader.py", ["The Moscow Times"])
    assert not at.exception
    assert any("Set-aside page furniture" in e.label for e in at.expander)


def test_entity_page_shows_variants_and_context():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["entity"] = "Mark Rutte"
    at.run()
    at.switch_page("app_pages/entity.py").run()
    assert not at.exception, at.exception
    forms = at.dataframe[0].value
    assert len(forms) == 5 and list(forms.columns) == ["outlet", "written", "mentions"]
    assert forms["written"].str.contains("Rutte ×").all()
    # courtesy and job titles are shown as the outlet wrote them
    assert forms["written"].str.contains("Secretary-General Mark Rutte|chief Mark Rutte").any()
    assert [m.label for m in at.metric][:2] == ["Type", "Outlets naming it"]
    assert at.metric[1].value == "5 of 5"


def test_cooccurrence_demonym_toggle_changes_entities():
    at = open_page("app_pages/cooccurrence.py")
    with_link = at.dataframe[0].value
    at.toggle(key="co_demonyms").set_value(False).run()
    without = at.dataframe[0].value
    assert not at.exception
    assert list(with_link.columns[:3]) == ["entity_a", "entity_b", "count"]
    assert column_headers(at.dataframe[0])["count"] == "Times together"  # lib.records.Pair
    names_with = set(with_link["entity_a"]) | set(with_link["entity_b"])
    names_without = set(without["entity_a"]) | set(without["entity_b"])
    assert "North Korean" in names_without and "North Korean" not in names_with


def test_app_opens_a_precomputed_analysis_folder(tmp_path, monkeypatch):
    from lib.analysis import analyze
    from lib.ingest.local import load_corpus
    from lib.nlp.pipeline import get_nlp
    from lib.parsing.local import InProcess
    from lib.store.folders import save_analysis
    from tests.helpers import SEEDS

    docs = load_corpus(SEEDS).documents[:2]
    save_analysis(analyze(docs, InProcess(get_nlp())), tmp_path / "analysis")
    monkeypatch.setenv("COVERAGE_LENS_CORPUS", str(tmp_path / "analysis"))
    from lib.ui import resources as ui

    ui.example_corpus.clear()
    try:
        at = open_page("app_pages/overview.py")
        assert not at.exception, at.exception
        assert len(html_table(at, "articles").xpath(".//tbody/tr")) == 2
    finally:
        ui.example_corpus.clear()


def test_unreadable_example_corpus_gets_a_message(tmp_path, monkeypatch):
    from lib.ui import resources as ui

    monkeypatch.setenv("COVERAGE_LENS_CORPUS", str(tmp_path / "missing"))
    ui.example_corpus.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.run()
        assert not at.exception, at.exception
        assert "could not be opened" in at.error[0].value
    finally:
        ui.example_corpus.clear()


def rows_of(at: AppTest, name: str) -> list[dict[str, str]]:
    """The rows of a wrapping table (``tables.rows_table_html``) the page drew: column ->
    the cell's text (with the lines under its value)."""
    table = html_table(at, name)
    assert table is not None, name
    cols = [th.get("data-col") for th in table.xpath(".//thead//th")]
    return [
        dict(zip(cols, (c.text_content() for c in tr.xpath("./th|./td")), strict=True))
        for tr in table.xpath(".//tbody/tr")
    ]


def test_quotes_and_figures_show_how_sources_were_found_on_demand():
    at = open_page("app_pages/quotes.py")
    assert not any("named beside" in r["speaker"] for r in rows_of(at, "quotes"))
    at.toggle(key="quotes_show_how").set_value(True).run()
    assert not at.exception, at.exception
    speakers = [r["speaker"] for r in rows_of(at, "quotes")]
    assert any("pronoun “" in s for s in speakers)
    assert any("named beside" in s for s in speakers)
    at = open_page("app_pages/figures.py")
    said = [r["said_by"] for r in rows_of(at, "figures")]
    at.toggle(key="figures_show_how").set_value(True).run()
    assert not at.exception, at.exception
    said_how = [r["said_by"] for r in rows_of(at, "figures")]
    assert any(len(b) > len(a) for a, b in zip(said, said_how, strict=True))


def test_quotes_show_reporting_verbs_as_written():
    at = open_page("app_pages/quotes.py")
    verbs = {r["verb_text"] for r in rows_of(at, "quotes")}
    assert {"labeling", "characterized", "told"} <= verbs
    assert not {"label", "characterize", "tell"} & verbs
    groups = " ".join(e.proto.body for e in at.get("html"))
    assert "· labeling" in groups or "· labeled" in groups or "· told" in groups


def test_figures_page_shows_measurements_why_grouped_and_kinds():
    at = open_page("app_pages/figures.py")
    rows = rows_of(at, "figures")
    assert list(rows[0]) == ["figure", "outlet", "counted", "said_by", "sentence"]
    figure = " ".join(r["figure"] for r in rows)
    assert "≥600,000over 600,000600,000 · ≥ at least · counts" in figure.replace("\xa0", " ")
    assert "counts of one" not in figure  # hidden by default
    kinds = at.multiselect(key="figures_kinds")
    assert "one" in kinds.options or "counts of one (“one resident”)" in kinds.options
    at.multiselect(key="figures_kinds").select("one").run()
    assert not at.exception, at.exception
    assert "· counts of one" in " ".join(r["figure"] for r in rows_of(at, "figures"))
    at.toggle(key="figures_show_why").set_value(True).run()
    assert not at.exception, at.exception
    assert "Grouped because" in all_text(at)


def test_a_link_to_a_claim_not_in_view_says_so():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["figures_claim"] = "C99 · dragons sighted (agree)"
    at.run()
    at.switch_page("app_pages/figures.py").run()
    assert not at.exception, at.exception
    assert "is not in this view" in at.warning[0].value
    assert "dragons sighted" in at.warning[0].value
    at = open_page("app_pages/figures.py")
    assert not at.warning


def test_every_csv_speaks_the_pages_words_and_identifies_its_rows(monkeypatch):
    """Each page's CSV download: readable headers (no snake_case), entity types by name (no
    GPE / NORP codes), qualifiers and kinds as the page names them, and the columns that
    say what each row is (the entity on the Entity page, the article of each figure and
    quote)."""
    import io

    import pandas as pd

    from lib.schema import LABEL_NAMES
    from lib.ui import widgets
    from lib.views.figures import KIND_NAMES, QUALIFIER_NAMES

    served: dict[str, pd.DataFrame] = {}
    real = widgets.csv_bytes

    def record(table):
        data = real(table)
        served[f"csv{len(served)}"] = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
        return data

    monkeypatch.setattr(widgets, "csv_bytes", record)
    csvs = {}
    for page in (
        "compare", "entity", "cooccurrence", "figures", "quotes", "reader", "facts", "wording",
    ):  # fmt: skip
        served.clear()
        at = open_page(f"app_pages/{page}.py")  # opens on the Overview, then on the page
        assert not at.exception, at.exception
        overview, *csvs[page] = served.values()
        assert csvs[page], page
    csvs["overview"] = [overview]
    outlets = set(at.session_state["_view"].outlets)
    for page, tables in csvs.items():
        for table in tables:
            for column in table.columns:
                assert column in outlets or (column[0].isupper() and "_" not in column), (
                    page, column
                )  # fmt: skip
            if "Type" in table:
                assert set(table["Type"]) <= set(LABEL_NAMES.values()), page
    (compare,) = csvs["compare"]
    assert compare["Type"].isin(["Country / state / city", "Group / nationality"]).any()
    (entity,) = csvs["entity"]
    assert entity["Entity"].nunique() == 1 and len(entity) > 1
    claims, figures = csvs["figures"]
    assert list(claims.columns[:3]) == ["Claim", "What is counted", "Status"]
    assert {"Document id", "Outlet", "Sentence"} <= set(figures.columns)
    assert set(figures["Qualifier"]) <= set(QUALIFIER_NAMES.values())
    assert set(figures["Kind"]) <= set(KIND_NAMES.values())
    (quotes,) = csvs["quotes"]
    assert {"Document id", "Sentence id", "Outlet", "Speaker", "Quote"} <= set(quotes.columns)
    assert {"Reporting verb", "Reporting verb (dictionary form)"} <= set(quotes.columns)
    assert "labeling" in set(quotes["Reporting verb"])  # as the article writes it
    (articles,) = csvs["overview"]
    assert list(articles.columns[:6]) == [
        "Outlet", "Title", "Published", "Byline", "Words", "Entities",
    ]  # fmt: skip
    assert len(articles) == 5 and "Document id" in articles
    (entities,) = csvs["reader"]
    assert {"Entity", "Type", "As written", "Start", "End"} <= set(entities.columns)
    assert entities["Start"].is_monotonic_increasing and entities["Outlet"].nunique() == 1


def test_a_linked_heatmap_cell_shows_its_pair():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["co_pair"] = ["Mark Rutte", "NATO"]
    at.run()
    at.switch_page("app_pages/cooccurrence.py").run()
    assert not at.exception, at.exception
    text = all_text(at)
    assert "**Mark Rutte** and **NATO**" in text and "not among the entities" not in text
    assert "Showing the strongest pair" not in text
    heatmap = at.get("plotly_chart")[0]
    assert '"name":"chosen"' in heatmap.proto.spec.replace(" ", "")  # the cell is outlined
