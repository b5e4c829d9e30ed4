"""Helpers to drive the real app in headless Chromium (Debian's ``chromium``) with Playwright.

Playwright's own browser download cannot work here, so the system Chromium is
launched through ``executable_path``. In CI (``CI`` set) a missing browser is
an error, never a skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is not installed (apt-get install chromium)")
        pytest.skip("chromium not installed")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_process(
    script: str = "app.py", env: dict[str, str] | None = None, cwd: Path = ROOT, timeout: float = 90
):
    """Start ``streamlit run`` on a free port in ``cwd``; yield (base URL, Popen) once healthy."""
    port = free_port()
    cmd = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    (ROOT / "artifacts").mkdir(exist_ok=True)
    log = open(ROOT / "artifacts" / f"streamlit-{port}.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("streamlit did not become healthy")
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextmanager
def streamlit_server(script: str = "app.py", env: dict[str, str] | None = None):
    """Start ``streamlit run`` on a free port and yield its base URL once healthy."""
    with streamlit_process(script, env) as (url, _proc):
        yield url


def wait_idle(page, timeout: float = 90_000) -> None:
    """Wait until the app is connected and the script has stopped running."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSpinner\"]')"
        " && document.querySelector('[data-testid=\"stMain\"] h1')",
        timeout=timeout,
    )
    page.wait_for_timeout(500)


def shot(page, name: str, max_height: int = 5000) -> Path:
    """Screenshot the whole page: Streamlit scrolls inside its main area, so the viewport is
    grown to the content's height for the shot, then restored."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return m ? m.scrollHeight : document.body.scrollHeight; }"
    )
    page.set_viewport_size({"width": size["width"], "height": min(max(height, 600), max_height)})
    page.wait_for_timeout(600)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


def assert_no_error(page) -> None:
    body = page.inner_text("body")
    assert "Traceback" not in body
    assert page.locator("[data-testid='stException']").count() == 0


def go_to(page, title: str) -> None:
    """Click a page in the sidebar navigation and wait for it to render."""
    page.locator("[data-testid='stSidebarNav'] a", has_text=title).first.click()
    wait_idle(page)


def read_pages(page, titles, prefix: str, settle_ms: int = 800) -> dict[str, str]:
    """Visit each page of ``titles`` in the sidebar, assert it shows no error, take a
    screenshot ``<prefix>_<title>`` and return each page's main text by title."""
    texts = {}
    for title in titles:
        go_to(page, title)
        page.wait_for_timeout(settle_ms)
        assert_no_error(page)
        texts[title] = page.inner_text("[data-testid='stMain']")
        shot(page, f"{prefix}_{title.lower().replace(' ', '_')}")
    return texts
