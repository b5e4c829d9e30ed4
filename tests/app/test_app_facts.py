"""The Facts and Wording pages through AppTest: columns follow the filter, every control
narrows what is shown, and the chart and sentences behind a word are there."""

from __future__ import annotations

from tests.app.test_app import all_text, html_table, open_page, table_outlets


def fact_rows(at) -> list[str]:
    table = html_table(at, "facts")
    if table is None:
        return []
    return [r.xpath(".//span[@class='cl-id']")[0].text for r in table.xpath(".//tbody/tr")]


def test_facts_table_has_a_column_per_selected_outlet():
    at = open_page("app_pages/facts.py", ["ICARO Media Group", "TDPel Media"])
    assert not at.exception, at.exception
    assert table_outlets(html_table(at, "facts")) == ["ICARO Media Group", "TDPel Media"]
    summary = at.dataframe[0].value
    assert summary["outlet"].tolist() == ["ICARO Media Group", "TDPel Media"]
    assert {"only", "left_out"} <= set(summary.columns)


def test_facts_filters_narrow_the_rows():
    at = open_page("app_pages/facts.py")
    every = fact_rows(at)
    assert len(every) > 10
    at.selectbox(key="facts_reported").set_value("Every outlet").run()
    assert not at.exception
    shared = fact_rows(at)
    assert 0 < len(shared) < len(every)
    badges = html_table(at, "facts").xpath(".//span[contains(@class,'cl-badge')]")
    assert all(b.text_content().startswith("every outlet") for b in badges)
    at.selectbox(key="facts_reported").set_value("One outlet").run()
    single = fact_rows(at)
    assert single and not set(single) & set(shared)
    at.selectbox(key="facts_reported").set_value("Any number").run()
    at.selectbox(key="facts_outlet").set_value("The Moscow Times").run()
    at.selectbox(key="facts_focus").set_value("Left out by this outlet").run()
    left_out = fact_rows(at)
    table = html_table(at, "facts")
    heads = table_outlets(table)
    column = heads.index("The Moscow Times") + 1
    assert left_out and all(r[column].text_content() == "—" for r in table.xpath(".//tbody/tr"))
    at.text_input(key="facts_search").input("600,000").run()
    assert not at.exception
    assert "No fact matches" in all_text(at) or len(fact_rows(at)) < len(left_out)


def test_wording_page_draws_the_chart_and_the_sentences_behind_a_word():
    at = open_page("app_pages/wording.py")
    assert not at.exception, at.exception
    assert at.get("plotly_chart"), "the distinctive words chart"
    outlet = at.selectbox(key="wording_outlet").value
    term = at.selectbox(key="wording_term").value
    assert term and "use “" in all_text(at)
    sentences = [e.proto.body for e in at.get("html") if "<li>" in e.proto.body]
    assert sentences and "<mark" in sentences[0]
    assert outlet in set(at.dataframe[0].value["outlet"])
    assert "Same thing, different words" in all_text(at)
    at.toggle(key="wording_quoted").set_value(True).run()
    assert not at.exception
