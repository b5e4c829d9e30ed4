"""A real Streamlit server: sessions that upload articles and leave are closed by the
janitor (lib.ui.janitor) and their memory goes back to the system.

This guards the janitor's reach into Streamlit (closing a session on the server's event
loop, found through the runtime's public ``stopped`` future): after a Streamlit upgrade
that breaks it, departed sessions would silently keep their articles, and this test fails.
"""

from __future__ import annotations

import re
import time

import pytest

from benchmarks.sessions import html_articles, rss_mb, visit_and_upload
from tests.browser.helpers import CHROMIUM_ARGS, ROOT, chromium_path, streamlit_process

pytestmark = pytest.mark.browser

TTL_S = 8  # server.disconnectedSessionTTL: the janitor closes after 3/4 of it (6 s)


def _closed_sessions(log_text: str) -> int:
    return sum(int(n) for n in re.findall(r"closed (\d+) session\(s\)", log_text))


def _wait_closed(log_path, at_least: int, timeout: float = 60) -> int:
    deadline = time.time() + timeout
    closed = 0
    while time.time() < deadline:
        closed = _closed_sessions(log_path.read_text(encoding="utf-8", errors="replace"))
        if closed >= at_least:
            return closed
        time.sleep(1)
    return closed


def test_departed_sessions_are_closed_and_their_memory_given_back(tmp_path):
    import psutil
    from playwright.sync_api import sync_playwright

    env = {
        "COVERAGE_LENS_CACHE_DIR": str(tmp_path / "cache"),
        "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(TTL_S),
        "STREAMLIT_LOGGER_LEVEL": "info",
    }
    with streamlit_process(env=env, timeout=120) as (url, proc), sync_playwright() as p:
        log_path = ROOT / "artifacts" / f"streamlit-{url.rsplit(':', 1)[1]}.log"
        server = psutil.Process(proc.pid)
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            # a first visitor loads everything the server keeps anyway (the parse worker)
            visit_and_upload(browser, url, html_articles(tmp_path / "warm", 0, 1, 20))
            assert _wait_closed(log_path, 1) >= 1, "the janitor closed no departed session"
            idle = rss_mb(server)["server"]
            for visitor in (1, 2):
                files = html_articles(tmp_path / f"v{visitor}", visitor, 6, 1000)
                visit_and_upload(browser, url, files)
            busy = rss_mb(server)["server"]
            closed = _wait_closed(log_path, 3)
            time.sleep(2)  # the memory is handed back right after the sessions are closed
            after = rss_mb(server)["server"]
        finally:
            browser.close()
    log = log_path.read_text(encoding="utf-8", errors="replace")
    assert "closing departed sessions failed" not in log
    assert closed >= 3, f"departed sessions were not closed: {closed} of 3"
    assert after <= idle * 1.25, (
        f"memory not given back: idle {idle} MB, {busy} MB with two visitors' uploads, "
        f"{after} MB after they left"
    )
