"""Bring-your-own-articles flows through AppTest: paste, refused URL, metadata edits, bundle."""

from __future__ import annotations

import io
import zipfile

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_app import APP, TIMEOUT, all_text

ARTICLE = (
    "Wildfire forces evacuations near Valencia\n\n"
    "Firefighters battled a wildfire near Valencia on Tuesday, regional officials said. About "
    "1,200 residents were evacuated, according to the Valencian emergency service. "
    "“The wind is our biggest enemy,” regional president Carlos Mazon told reporters."
)


@pytest.fixture(autouse=True)
def _clear_caches():
    import streamlit as st

    st.cache_data.clear()
    yield


def yours() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["source"] = "Your articles"
    at.run()
    assert not at.exception, at.exception
    return at


def test_empty_user_corpus_explains_what_to_do():
    at = yours()
    assert "No articles yet" in all_text(at)


def test_paste_an_article():
    at = yours()
    at.text_area(key="paste_text").input(ARTICLE)
    at.text_input(key="paste_outlet").input("Iberia Today")
    at.text_input(key="paste_title").input("Valencia wildfire")
    submit = [b for b in at.button if "Add article" in b.label][0]
    submit.click().run()
    assert not at.exception, at.exception
    docs = at.session_state["_user"]["extra"]
    assert [d.outlet for d in docs] == ["Iberia Today"]
    at.switch_page("app_pages/overview.py").run()
    table = at.dataframe[0].value
    assert table["outlet"].tolist() == ["Iberia Today"]
    at.switch_page("app_pages/figures.py").run()
    assert not at.exception
    at.switch_page("app_pages/quotes.py").run()
    assert "Carlos Mazon" in set(at.dataframe[-1].value["speaker"])


def test_empty_paste_gets_a_message():
    at = yours()
    at.text_area(key="paste_text").input("   ")
    [b for b in at.button if "Add article" in b.label][0].click().run()
    assert not at.exception
    statuses = at.session_state["_user"]["extra_statuses"]
    assert statuses[0]["status"] == "skipped" and "empty" in statuses[0]["message"].lower()


def test_private_url_is_refused_with_a_message(monkeypatch):
    monkeypatch.delenv("COVERAGE_LENS_ALLOW_PRIVATE_URLS", raising=False)
    at = yours()
    at.text_input(key="url_text").input("http://127.0.0.1:9/article")
    [b for b in at.button if "Fetch article" in b.label][0].click().run()
    assert not at.exception, at.exception
    status = at.session_state["_user"]["extra_statuses"][0]
    assert status["status"] == "skipped"
    assert "refused" in status["reason"]
    at.switch_page("app_pages/sources.py").run()
    files = at.dataframe[0].value
    assert "127.0.0.1" in files["file"].iloc[0]


def test_metadata_edit_applies_everywhere_and_bundle_round_trips():
    from lib.ingest.bundles import read_bundle

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["_meta_edits"] = {"000_ff69cd40d1c1fadd": {"outlet": "Edited Outlet"}}
    at.run()
    at.switch_page("app_pages/overview.py").run()
    assert "Edited Outlet" in at.dataframe[0].value["outlet"].tolist()
    at.switch_page("app_pages/sources.py").run()
    assert not at.exception
    bundle = [d for d in at.get("download_button")]
    assert bundle, "the articles page offers a bundle"
    view = at.session_state["_view"]
    from lib.ingest.bundles import write_bundle

    data = write_bundle(view.documents)
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    again = read_bundle(data)
    assert [d.outlet for d in again.documents] == [d.outlet for d in view.documents]
    assert again.documents[0].outlet == "Edited Outlet"


HOSTILE = "<img src=http://evil.example/p.png> ![pixel](http://evil.example/q.png)"
LINK = "[click](javascript:alert(1))"


def _unsafe(text: str) -> list[str]:
    """Markup that would render live: an unescaped tag, markdown image or link."""
    import re

    return re.findall(r"(?<!\\)<img|(?<!\\)\]\((?:https?|javascript):", text)


def test_hostile_text_is_shown_literally_on_every_page():
    from tests.app.test_app import PAGES

    article = (
        f"Storm hits the coast {LINK}\n\n"
        f"“The damage is {HOSTILE} everywhere,” said Maria Lopez, a city spokeswoman. "
        f"About 300 homes {LINK} were damaged, Lopez said. Mayor Tom Baker visited the site."
    )
    at = yours()
    at.text_area(key="paste_text").input(article)
    at.text_input(key="paste_outlet").input(HOSTILE)
    at.text_input(key="paste_title").input(LINK + " " + HOSTILE)
    [b for b in at.button if "Add article" in b.label][0].click().run()
    at.text_area(key="paste_text").input(article.replace("Storm hits", "A storm hit"))
    at.text_input(key="paste_outlet").input("Second " + HOSTILE)
    [b for b in at.button if "Add article" in b.label][0].click().run()
    assert not at.exception, at.exception
    assert len(at.session_state["_user"]["extra"]) == 2  # one quote in two outlets: a group
    checked = 0
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        # markdown, captions, infos, headings and expander labels render markdown; select
        # options and table cells are plain text
        texts = [all_text(at)] + [e.label for e in at.expander]
        for text in texts:
            assert _unsafe(text) == [], (page, text[:200])
        checked += 1
    assert checked == len(PAGES)


NAME = '<img src=http://evil.example/n.png> <a href="http://evil.example/">Jo</a> [x](http://evil.example/)'
TAGS = {"img", "a", "script", "iframe", "object", "embed", "svg"}


def _hostile(analysis):
    """The analysis with every outlet, title, byline, the most named entity, every speaker
    and source, what each claim counts and every quote carrying hostile markup."""
    import dataclasses

    outlets = {o: f"{NAME} {i}" for i, o in enumerate(analysis.outlets, start=1)}
    top = analysis.entities.groupby("entity")["mentions"].sum().idxmax()

    def named(col):
        return col.where(col.fillna("") == "", NAME + " " + col.fillna(""))

    tables = {}
    for f in dataclasses.fields(analysis):
        table = getattr(analysis, f.name)
        if not hasattr(table, "columns"):
            continue
        table = table.copy()
        if "outlet" in table:
            table["outlet"] = table["outlet"].map(outlets)
        if "entity" in table:
            table["entity"] = table["entity"].replace({top: NAME})
        for col in ("speaker", "said_by", "counted", "quote", "title", "byline"):
            if col in table and table[col].dtype == object:
                table[col] = named(table[col])
        if f.name in ("statements", "facts"):  # the Facts and Wording pages' sentences
            table["text"] = named(table["text"])
        if f.name == "statements":  # a word no tokenizer makes, to reach the wording chart
            table["words"] = table["words"].where(
                table.index % 2 == 1, "<b>bold</b> " + table["words"]
            )
        tables[f.name] = table
    return dataclasses.replace(analysis, **tables)


def _live_html(body: str) -> list[str]:
    """Tags or event handlers that would be live in an st.html body."""
    import lxml.html

    root = lxml.html.fragment_fromstring(body, create_parent="div")
    live = [el.tag for el in root.iter() if isinstance(el.tag, str) and el.tag in TAGS]
    live += [k for el in root.iter() for k in el.attrib if k.lower().startswith("on")]
    return live


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def test_hostile_names_in_every_table_stay_text_on_every_page(seed_analysis, tmp_path, monkeypatch):
    """Speaker names, outlets, titles, bylines, entity names, sources and claims carrying
    HTML and Markdown: no page renders them live, in markdown and expander labels, in
    st.html tables and quotes, or in plotly ticks, titles and hover text."""
    import json

    from lib.store.folders import save_analysis
    from lib.ui import resources as ui
    from tests.app.test_app import PAGES, open_page

    save_analysis(_hostile(seed_analysis), tmp_path / "analysis")
    monkeypatch.setenv("COVERAGE_LENS_CORPUS", str(tmp_path / "analysis"))
    ui.example_corpus.clear()
    shown = {"html": 0, "chart": 0}
    try:
        for page in PAGES:
            at = open_page(page)
            assert not at.exception, (page, at.exception)
            for text in [all_text(at)] + [e.label for e in at.expander]:
                assert _unsafe(text) == [], (page, text[:200])
            for element in at.get("html"):
                assert _live_html(element.proto.body) == [], page
                shown["html"] += "&lt;img src=http://evil.example/n.png&gt;" in element.proto.body
            for chart in at.get("plotly_chart"):
                for text in _strings(json.loads(chart.proto.spec)):
                    assert "<img" not in text and "<a " not in text, (page, text[:200])
                    shown["chart"] += "&lt;img src=http://evil.example/n.png&gt;" in text
    finally:
        ui.example_corpus.clear()
    # the hostile names did reach the tables, quotes and charts, as text
    assert shown["html"] >= 5 and shown["chart"] >= 5, shown
