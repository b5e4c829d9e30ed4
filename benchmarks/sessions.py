"""Coverage Lens under many sessions: memory given back, and concurrent filter changes.

Run from the repository root (each part starts its own ``streamlit run app.py`` on
127.0.0.1)::

    .venv/bin/python benchmarks/sessions.py                   # both parts (~4 min, 2 cores)
    .venv/bin/python benchmarks/sessions.py --part memory
    .venv/bin/python benchmarks/sessions.py --part concurrency --sessions 10 --changes 6
    .venv/bin/python benchmarks/sessions.py --app-dir /tmp/old   # measure another checkout

**memory** (headless Chromium through Playwright): a warm-up session opens the example and
uploads one article (so the parse worker runs), then leaves; once the server has let it go
the server's RSS is the *idle baseline*. Then ``--visitors`` sessions one after another
each upload ``--files`` HTML articles (about ``--file-kb`` KB each, a few MB per session),
wait until they are analysed, and close their tab. The server's RSS is sampled while they
work, right after the last one leaves, and after the session grace period
(``--ttl`` sets ``server.disconnectedSessionTTL``; the app closes sessions gone for 3/4 of
it). Target: RSS after they leave within 20 % of the idle baseline. The parse worker's RSS
is reported separately (it exits after ``COVERAGE_LENS_WORKER_IDLE_S`` without work).

**concurrency** (the websocket protocol the browser speaks, so the numbers are the
server's, not Chromium's): ``--sessions`` sessions open the example (on different pages),
then each changes the outlet filter ``--changes`` times at once with the others; with
``--parse`` another session pastes a long article at the same time, so changes run while a
parse is in progress. Each change is timed from sending the new filter to the end of the
rerun. Target: median under 1 s on 2 cores.

Prints progress on stderr and one JSON object as the last line of stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from benchmarks.synth import synthetic_documents  # noqa: E402
from tests.browser.helpers import CHROMIUM_ARGS, streamlit_process  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# -- server ----------------------------------------------------------------------------------


@contextmanager
def server(app_dir: Path, env: dict[str, str]):
    """``streamlit run app.py`` in ``app_dir``; yields (base URL, psutil.Process)."""

    with streamlit_process(env=env, cwd=app_dir, timeout=120) as (url, proc):
        yield url, psutil.Process(proc.pid)


def rss_mb(proc: psutil.Process) -> dict[str, float]:
    """RSS of the server process and of its children (the parse worker), in MB."""
    server_mb = proc.memory_info().rss / 2**20
    children = 0.0
    for child in proc.children(recursive=True):
        try:
            children += child.memory_info().rss / 2**20
        except psutil.NoSuchProcess:
            pass
    return {"server": round(server_mb, 1), "worker": round(children, 1)}


# -- memory ----------------------------------------------------------------------------------

HTML = """<!doctype html><html><head><title>{title}</title>
<script>{script}</script></head><body><nav>{nav}</nav>
<article><h1>{title}</h1>{body}</article><footer>{nav}</footer></body></html>"""


def html_articles(folder: Path, visitor: int, files: int, file_kb: int) -> list[Path]:
    """``files`` HTML pages of about ``file_kb`` KB (markup around a synthetic article)."""
    folder.mkdir(parents=True, exist_ok=True)
    docs = synthetic_documents(files * 2, seed=100 + visitor)
    paths = []
    for i in range(files):
        text = docs[2 * i].text + "\n\n" + docs[2 * i + 1].text
        body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        nav = "".join(f'<a href="/section/{k}">Section {k}</a> ' for k in range(40))
        pad = max(0, file_kb * 1024 - len(body) - 2 * len(nav))
        script = "var x = 1;" * (pad // 10)
        path = folder / f"visitor{visitor}_{i:02d}.html"
        title = f"Visitor {visitor} report {i}"
        page = HTML.format(title=title, script=script, nav=nav, body=body)
        path.write_text(page, encoding="utf-8")
        paths.append(path)
    return paths


def visit_and_upload(browser, url: str, files: list[Path]) -> float:
    """One visitor: open *Your articles*, upload ``files``, wait until analysed, leave."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url + "/?source=Your+articles", timeout=300_000)
    page.wait_for_selector(
        "[data-testid='stFileUploaderDropzoneInput']", state="attached", timeout=300_000
    )
    page.set_input_files("[data-testid='stFileUploaderDropzoneInput']", [str(f) for f in files])
    page.get_by_role("button", name="Remove my articles").wait_for(timeout=600_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && ![...document.querySelectorAll('[data-testid=\"stSidebar\"] p')]"
        ".some(e => e.innerText.startsWith('Analysing'))",
        timeout=600_000,
        polling=200,
    )
    page.wait_for_timeout(500)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def wait_sampling(proc, seconds: float, samples: list) -> None:
    end = time.time() + seconds
    while time.time() < end:
        samples.append(rss_mb(proc))
        time.sleep(2)


def run_memory(args) -> dict:
    from playwright.sync_api import sync_playwright

    ttl = args.ttl
    grace = max(5.0, 0.75 * ttl) + 10 + 5  # grace, one sweep, margin
    work = Path(tempfile.mkdtemp(prefix="coverage-lens-sessions-"))
    env = {
        "COVERAGE_LENS_CACHE_DIR": str(work / "cache"),
        "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(ttl),
    }
    result: dict = {"visitors": args.visitors, "files": args.files, "ttl_s": ttl}
    with server(args.app_dir, env) as (url, proc), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        warm = html_articles(work / "warm", 0, 1, 20)
        log(f"[memory] warm-up session ({url})")
        visit_and_upload(browser, url, warm)
        time.sleep(grace)
        result["idle"] = rss_mb(proc)
        log(f"[memory] idle baseline {result['idle']}")
        samples: list = []
        sizes = []
        for v in range(1, args.visitors + 1):
            files = html_articles(work / f"v{v}", v, args.files, args.file_kb)
            sizes.append(sum(f.stat().st_size for f in files) / 2**20)
            took = visit_and_upload(browser, url, files)
            samples.append(rss_mb(proc))
            log(f"[memory] visitor {v}: {sizes[-1]:.1f} MB uploaded, {took:.1f}s, {samples[-1]}")
        result["upload_mb_per_visitor"] = round(statistics.mean(sizes), 1)
        result["peak"] = max(samples, key=lambda s: s["server"])
        result["left"] = rss_mb(proc)
        wait_sampling(proc, grace, samples)
        result["after_grace"] = rss_mb(proc)
        browser.close()
    idle, after = result["idle"]["server"], result["after_grace"]["server"]
    result["after_vs_idle"] = round(after / idle, 2)
    log(f"[memory] {result}")
    return result


# -- concurrency ------------------------------------------------------------------------------


class WsSession:
    """One app session over Streamlit's websocket protocol (what the browser sends)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.ws = None
        self.ids: dict[str, str] = {}  # widget key or label -> widget id
        self.outlets: list[str] = []
        self.pages: dict[str, str] = {}  # page title -> page script hash

    async def __aenter__(self):
        import websockets

        ws_url = self.url.replace("http", "ws") + "/_stcore/stream"
        self.ws = await websockets.connect(
            ws_url, subprotocols=["streamlit"], origin=self.url, max_size=None, open_timeout=120
        )
        return self

    async def __aexit__(self, *exc) -> None:
        await self.ws.close()

    async def rerun(self, query: str = "", page: str = "", widgets=()) -> float:
        """Send one rerun and wait for it to finish; returns the seconds it took."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_script_hash = self.pages.get(page, "")
        msg.rerun_script.widget_states.widgets.extend(widgets)
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        while True:
            fm = ForwardMsg()
            fm.ParseFromString(await self.ws.recv())
            kind = fm.WhichOneof("type")
            if kind == "navigation":
                self.pages = {p.page_name: p.page_script_hash for p in fm.navigation.app_pages}
            elif kind == "delta":
                self._note(fm.delta.new_element)
            elif kind == "script_finished":
                return time.perf_counter() - start

    def _note(self, element) -> None:
        which = element.WhichOneof("type")
        widget = getattr(element, which) if which else None
        wid = getattr(widget, "id", "") if widget is not None else ""
        if not wid:
            return
        self.ids[wid.rsplit("-", 1)[-1]] = wid
        if which == "multiselect" and widget.label == "Outlets":
            self.ids["Outlets"] = wid
            self.outlets = list(widget.options)

    def filter_state(self, selected: list[str]):
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        state = WidgetState(id=self.ids["Outlets"])
        state.string_array_value.data.extend(selected)
        return state

    def paste_state(self, text: str, outlet: str) -> list:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        states = []
        for key, value in (("paste_text", text), ("paste_outlet", outlet)):
            state = WidgetState(id=self.ids[key])
            state.string_value = value
            states.append(state)
        submit = [v for k, v in self.ids.items() if "FormSubmitter:paste_form" in v]
        states.append(WidgetState(id=submit[0], trigger_value=True))
        return states


PAGES = ["Overview", "Compare sources", "Co-occurrence", "Figures", "Quotes"]


async def one_session(url: str, n: int, changes: int, start: asyncio.Event, out: dict) -> None:
    async with WsSession(url) as s:
        out["first_run_s"].append(await s.rerun())
        page = PAGES[n % len(PAGES)]
        await s.rerun(page=page)
        await start.wait()
        rng = random.Random(n)
        for k in range(changes):
            await asyncio.sleep(rng.uniform(0, 0.5))
            drop = s.outlets[(n + k) % len(s.outlets)]
            selected = [o for o in s.outlets if o != drop]
            try:
                took = await asyncio.wait_for(
                    s.rerun(page=page, widgets=[s.filter_state(selected)]), 60
                )
            except asyncio.TimeoutError:
                out["timeouts"] += 1
                continue
            out["changes_s"].append(took)


async def parsing_session(url: str, start: asyncio.Event, out: dict) -> None:
    """Pastes a long article when the filter changes start (the parse worker gets busy)."""
    text = "\n\n".join(d.text for d in synthetic_documents(12, seed=3))
    async with WsSession(url) as s:
        await s.rerun(query="source=Your+articles")
        await start.wait()
        out["parse_s"] = await s.rerun(
            query="source=Your+articles", widgets=s.paste_state(text, "Long Wire")
        )
        out["parse_chars"] = len(text)


async def concurrency(url: str, args) -> dict:
    out: dict = {"first_run_s": [], "changes_s": [], "timeouts": 0}
    start = asyncio.Event()
    tasks = [one_session(url, n, args.changes, start, out) for n in range(args.sessions)]
    if args.parse:
        tasks.append(parsing_session(url, start, out))
    runner = asyncio.gather(*tasks)

    async def go() -> None:  # start the changes once every session has its first page
        while len(out["first_run_s"]) < args.sessions:
            await asyncio.sleep(0.2)
        await asyncio.sleep(2)
        start.set()

    await asyncio.gather(runner, go())
    return out


def summary(times: list[float]) -> dict:
    if not times:
        return {}
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {
        "n": len(times),
        "median_s": round(statistics.median(times), 3),
        "p95_s": round(p95, 3),
        "max_s": round(max(times), 3),
    }


def run_concurrency(args) -> dict:
    work = Path(tempfile.mkdtemp(prefix="coverage-lens-sessions-"))
    env = {"COVERAGE_LENS_CACHE_DIR": str(work / "cache")}
    with server(args.app_dir, env) as (url, _proc):
        warm = asyncio.run(_warm(url))
        log(f"[concurrency] warm first run {warm:.2f}s; {args.sessions} sessions")
        out = asyncio.run(concurrency(url, args))
    result = {
        "sessions": args.sessions,
        "changes_per_session": args.changes,
        "with_parse": bool(args.parse),
        "first_page": summary(out["first_run_s"]),
        "filter_change": summary(out["changes_s"]),
        "timeouts": out["timeouts"],
        "parse_s": round(out.get("parse_s", 0.0), 2),
        "parse_chars": out.get("parse_chars", 0),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    log(f"[concurrency] {result}")
    return result


async def _warm(url: str) -> float:
    async with WsSession(url) as s:
        return await s.rerun()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=["memory", "concurrency", "all"], default="all")
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="checkout to run")
    parser.add_argument("--visitors", type=int, default=5)
    parser.add_argument("--files", type=int, default=10, help="HTML files per visitor")
    parser.add_argument("--file-kb", type=int, default=300, help="size of each HTML file")
    parser.add_argument("--ttl", type=int, default=40, help="server.disconnectedSessionTTL")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--changes", type=int, default=5)
    parser.add_argument("--parse", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args(argv)
    result: dict = {"app_dir": str(args.app_dir), "cores": psutil.cpu_count()}
    if args.part in ("memory", "all"):
        result["memory"] = run_memory(args)
    if args.part in ("concurrency", "all"):
        result["concurrency"] = run_concurrency(args)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
