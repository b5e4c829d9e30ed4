"""Shared fixtures: the spaCy pipeline and the analysis of the seed corpus (built once)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# A fresh cache folder per test run (inherited by the streamlit servers the browser tests
# start), so no test ever reads results cached by an older version of the code.
os.environ["COVERAGE_LENS_CACHE_DIR"] = tempfile.mkdtemp(prefix="coverage-lens-test-cache-")


@pytest.fixture(scope="session")
def nlp():
    from lib.pipeline import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def seed_corpus():
    from lib.corpus import load_folder

    return load_folder(SEEDS)


@pytest.fixture(scope="session")
def seed_analysis(nlp, seed_corpus):
    from lib.extract import analyze

    return analyze(seed_corpus.documents, nlp)


@pytest.fixture(scope="session")
def analyse_texts(nlp):
    """Analyse ad-hoc texts: ``analyse_texts({"doc_id": "text", ...})``."""
    from lib.corpus import parse_document
    from lib.extract import analyze

    def run(texts: dict[str, str], outlets: dict[str, str] | None = None):
        outlets = outlets or {}
        docs = [parse_document(k, v, {"outlet": outlets.get(k, "")}) for k, v in texts.items()]
        return analyze(docs, nlp)

    return run


@pytest.fixture(scope="module")
def server():
    """Base URL of a fresh ``streamlit run app.py`` (one per test module)."""
    from tests.browser import streamlit_server

    (ROOT / "artifacts").mkdir(exist_ok=True)
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()
