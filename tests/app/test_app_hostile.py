"""Hostile input and a hostile machine, through the app as a user meets them (AppTest):
a cache folder that cannot be written, the corpus time budget, live links and emoji
shortcodes in user text, invisible characters in names, oversized pastes and file names."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_app import APP, TIMEOUT


@pytest.fixture(autouse=True)
def _clear_caches():
    import streamlit as st

    st.cache_data.clear()
    yield


@pytest.fixture
def example_folder(tmp_path, monkeypatch):
    """``COVERAGE_LENS_CORPUS`` set to a folder of two invented articles (so the example
    is analysed, not read from the shipped analysis); the shared resources are reset."""
    from lib.ui import resources

    folder = tmp_path / "example"
    folder.mkdir()
    for name, outlet in (("a", "Daily A"), ("b", "Herald B")):
        (folder / f"{name}.txt").write_text(
            f"Flood closes the bridge\n\nAbout 1,200 residents were evacuated, {outlet} "
            "reported. “We will rebuild every home that was lost,” Governor Elena Marsh "
            "said.\n",
            encoding="utf-8",
        )
    monkeypatch.setenv("COVERAGE_LENS_CORPUS", str(folder))
    clear = (resources.example_corpus, resources.example_analysis, resources.disk_cache)
    for resource in clear:
        resource.clear()
    yield folder
    for resource in clear:
        resource.clear()


def _status_rows(at: AppTest):
    at.switch_page("app_pages/sources.py").run()
    assert not at.exception, at.exception
    return at.dataframe[0].value.to_dict("records")


def test_read_only_cache_folder_the_example_still_opens_with_a_note(
    example_folder, tmp_path, monkeypatch
):
    from tests.helpers import read_only

    cache = tmp_path / "cache"
    (cache / "docs").mkdir(parents=True)
    (cache / "corpora").mkdir()
    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", str(cache))
    with read_only(cache):
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.run()
        assert not at.exception, at.exception
        assert not at.error, [e.value for e in at.error]
        assert len(at.session_state["_view"].full.documents) == 2
        rows = _status_rows(at)
    notes = [r for r in rows if r["status"] == "Note"]
    assert len(notes) == 1 and "cannot be written" in notes[0]["message"], rows
    assert sorted(p.name for p in cache.rglob("*")) == ["corpora", "docs"]


def test_corpus_budget_cut_is_a_note_on_your_articles(example_folder, monkeypatch):
    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", "off")
    monkeypatch.setenv("COVERAGE_LENS_CORPUS_BUDGET_S", "0")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    rows = _status_rows(at)
    notes = [r["message"] for r in rows if r["status"] == "Note" and r["file"] == "All articles"]
    assert any(m.startswith("Claims across outlets were not computed") for m in notes), rows
    assert any(m.startswith("Quote grouping stopped") for m in notes), rows


# ----------------------------------------------------------------------------- live text

#: User text that Streamlit's Markdown would turn live even with every Markdown character
#: escaped: bare URLs, www. addresses, e-mail addresses, emoji and icon shortcodes, arrows.
LIVE_NAME = (
    "Visit https://evil.example/x or www.evil.example, mail jo@evil.example :rocket: "
    ":material/home: a -> b"
)
LIVE = re.compile(
    r"(?i)\b(?:https?|ftp)://|\bwww\.|@[\w-]+\.[\w-]|:[\w+\-/]+:|(?:^|\s)(?:<->|->|<-|>=|<=)(?:\s|$)"
)
ARTICLE_URL = "https://news.example/story?id=7&ref=a"


def _live_markdown(body: str) -> list[str]:
    """What Streamlit's Markdown would still make live in ``body``: patterns found after
    the Markdown escapes are read (``\\.`` is ".")."""
    return LIVE.findall(re.sub(r"\\(.)", r"\1", body))


def _with_live_names(analysis):
    """The analysis with outlets, titles, bylines, the most named entity, speakers and
    sources, what claims count and quotes carrying live-looking text; the first article
    has a real web address, the others a javascript: one."""
    import dataclasses

    from tests.app.test_app_sources import _hostile

    marked = _hostile(analysis)  # every name column prefixed with markup ...
    tables = {}
    for f in dataclasses.fields(marked):
        table = getattr(marked, f.name)
        if not hasattr(table, "columns"):
            continue
        table = table.copy()
        for col in ("outlet", "entity", "speaker", "said_by", "counted", "quote", "title"):
            if col in table and table[col].dtype == object:  # ... now live-looking text
                table[col] = table[col].str.replace(
                    "<img src=http://evil.example/n.png>", LIVE_NAME, regex=False
                )
        if "byline" in table:
            table["byline"] = "By " + LIVE_NAME
        if "url" in table:
            table["url"] = [ARTICLE_URL] + ["javascript:alert(1)"] * (len(table) - 1)
        tables[f.name] = table
    return dataclasses.replace(marked, **tables)


def _markdown_bodies(at: AppTest):
    """(body, allow_html) of every element Streamlit renders as Markdown, and the labels."""
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "title",
                 "header", "subheader"):  # fmt: skip
        for element in at.get(kind):
            yield element.proto.body, bool(getattr(element.proto, "allow_html", False))
    for element in at.expander:
        yield element.label, False
    for element in at.get("metric"):
        yield element.label, False


def test_user_text_never_becomes_a_live_link_or_emoji(seed_analysis, tmp_path, monkeypatch):
    """Bare URLs, www. and e-mail addresses, :shortcodes: and arrows in outlet names,
    bylines, titles, speakers, quotes and entity names are shown as written on every page;
    the one link is the article's own http(s) address, in full, noopener noreferrer."""
    import lxml.html

    from lib.store.folders import save_analysis
    from lib.ui import resources as ui
    from tests.app.test_app import PAGES, open_page

    save_analysis(_with_live_names(seed_analysis), tmp_path / "analysis")
    monkeypatch.setenv("COVERAGE_LENS_CORPUS", str(tmp_path / "analysis"))
    ui.example_corpus.clear()
    seen, links = 0, []
    try:
        for page in PAGES:
            at = open_page(page)
            assert not at.exception, (page, at.exception)
            for body, allow_html in _markdown_bodies(at):
                if allow_html:  # our own escaped HTML: only the deliberate link
                    root = lxml.html.fragment_fromstring(body, create_parent="div")
                    links += [(a.get("href"), a.get("rel"), a.text) for a in root.iter("a")]
                    continue
                assert _live_markdown(body) == [], (page, body[:300])
                seen += "evil" in body
    finally:
        ui.example_corpus.clear()
    assert seen >= 5  # the live-looking names did reach pages, as text
    assert links == [(ARTICLE_URL, "noopener noreferrer", ARTICLE_URL)]


def test_a_non_http_article_address_is_text_not_a_link():
    from lib.present.html import link_html

    for url in ("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "//evil.example"):
        assert "<a " not in link_html(url) and "<span>" in link_html(url)
    assert '<a href="https://a.example/?q=1&amp;r=%22"' in link_html("https://a.example/?q=1&r=%22")


# ----------------------------------------------------------------------------- invisible


def test_invisible_characters_never_make_a_second_outlet_on_any_page(tmp_path, monkeypatch):
    """Two articles whose outlet differs only by a word joiner and tag characters are one
    outlet; no page shows a default-ignorable code point in any text or table cell."""
    from lib.corpus.document import INVISIBLE_RE
    from lib.ui import resources
    from tests.app.test_app import PAGES

    folder = tmp_path / "example"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(
            f"Flood closes the bridge {name}\n\nAbout 1,200 residents were evacuated, "
            "officials said. “We will rebuild every home that was lost,” Governor "
            "Elena\u2060 Marsh said.\n",
            encoding="utf-8",
        )
    (folder / "sources.csv").write_text(
        "doc_id,outlet,title,published,byline,url\n"
        "a,Daily News,Flood closes the bridge,,By Jo Roe,\n"
        "b,Daily\u2060 News\U000e0041\U000e007f,Flood\u200d closes the bridge,,By Jo\u00ad Roe,\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("COVERAGE_LENS_CORPUS", str(folder))
    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", "off")
    clear = (resources.example_corpus, resources.example_analysis, resources.disk_cache)
    for resource in clear:
        resource.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.run()
        assert not at.exception, at.exception
        assert at.session_state["_view"].outlets == ["Daily News"]
        for page in PAGES:
            at.switch_page(page).run()
            assert not at.exception, (page, at.exception)
            texts = [body for body, _html in _markdown_bodies(at)]
            texts += [e.proto.body for e in at.get("html")]
            for frame in at.dataframe:
                texts += [str(v) for v in frame.value.astype(str).to_numpy().ravel()]
            hidden = [t for t in texts if INVISIBLE_RE.search(t)]
            assert hidden == [], (page, hidden[:3])
    finally:
        for resource in clear:
            resource.clear()
