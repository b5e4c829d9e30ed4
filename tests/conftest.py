"""Shared fixtures: the spaCy pipeline, a blank pipeline, and the seed corpus analysed once."""

from __future__ import annotations

import os
import tempfile

import pytest

from tests.helpers import FLOOD, ROOT, SEEDS, source, table_of

# A fresh cache folder per test run (inherited by the streamlit servers the browser tests
# start), so no test ever reads results cached by an older version of the code.
os.environ["COVERAGE_LENS_CACHE_DIR"] = tempfile.mkdtemp(prefix="coverage-lens-test-cache-")


@pytest.fixture(scope="session")
def nlp():
    from lib.nlp.pipeline import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def blank_nlp():
    """``spacy.blank("en")``: for component tests that need no statistical model."""
    import spacy

    return spacy.blank("en")


@pytest.fixture(scope="session")
def seed_corpus():
    from lib.ingest.local import load_corpus

    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_analysis(nlp, seed_corpus):
    from lib.analysis import analyze
    from lib.parsing.local import InProcess

    return analyze(seed_corpus.documents, InProcess(nlp))


@pytest.fixture(scope="session")
def analyse_texts(nlp):
    """Analyse ad-hoc texts: ``analyse_texts({"doc_id": "text", ...})``."""
    from lib.analysis import analyze
    from lib.corpus.parse import parse_document
    from lib.parsing.local import InProcess

    def run(texts: dict[str, str], outlets: dict[str, str] | None = None):
        outlets = outlets or {}
        docs = [parse_document(k, v, {"outlet": outlets.get(k, "")}) for k, v in texts.items()]
        return analyze(docs, InProcess(nlp))

    return run


@pytest.fixture(scope="session")
def seed_figures(nlp, seed_corpus):
    """doc_id prefix ("000") -> (doc, figure records, Document)."""
    from lib.extract.figures import extract_figures

    out = {}
    for document in seed_corpus.documents:
        doc = nlp(document.text)
        out[document.doc_id[:3]] = (doc, extract_figures(doc), document)
    return out


@pytest.fixture(scope="session")
def seed_quotes(nlp, seed_corpus):
    """doc_id -> (Document, quote records) for the seed corpus."""
    from lib.extract.quotes import extract_quotes

    return {d.doc_id: (d, extract_quotes(nlp(d.text))) for d in seed_corpus.documents}


@pytest.fixture(scope="session")
def flood_claims(nlp):
    """Claims of the invented :data:`tests.helpers.FLOOD` reports."""
    from lib.extract.figures import extract_figures
    from lib.records import Figure
    from lib.resolve.claims import build_claims

    by_doc = {(d, outlet): extract_figures(nlp(text)) for d, (outlet, text) in FLOOD.items()}
    return build_claims(table_of(Figure, by_doc, said_by=lambda f: source(f) or ""))


@pytest.fixture(scope="module")
def server():
    """Base URL of a fresh ``streamlit run app.py`` (one per test module)."""
    from tests.browser.helpers import streamlit_server

    (ROOT / "artifacts").mkdir(exist_ok=True)
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    from tests.browser.helpers import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()
