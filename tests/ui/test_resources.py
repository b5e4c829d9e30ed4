"""Streamlit's caches as the app uses them: a cached read never waits for another key's
computation; sessions that left are closed and their memory handed back."""

from __future__ import annotations

import threading
import time

import streamlit as st

from lib.parts import Parts
from lib.ui.janitor import Janitor, give_back_memory
from lib.ui.session import PartsCache


@st.cache_resource(max_entries=2, show_spinner=False)
def _shared(key: str, _compute):
    return _compute()


def test_a_cached_read_does_not_wait_for_another_keys_computation():
    """What lib.ui.resources relies on in Streamlit's caches: a key being computed (a
    parse) makes no other key wait."""
    _shared.clear()
    _shared("ready", lambda: "cached view")
    started, release = threading.Event(), threading.Event()

    def slow_parse():
        started.set()
        release.wait(10)
        return "parsed"

    worker = threading.Thread(target=_shared, args=("slow", slow_parse))
    worker.start()
    assert started.wait(10)
    try:
        # while "slow" is being computed, other keys are read and computed at once
        t0 = time.monotonic()
        assert _shared("ready", lambda: "recomputed") == "cached view"
        assert _shared("other", lambda: "fresh") == "fresh"
        assert time.monotonic() - t0 < 5
    finally:
        release.set()
        worker.join(10)
    _shared.clear()


def test_one_computation_per_key_and_a_bound():
    _shared.clear()
    calls = []
    gate = threading.Event()

    def compute():
        calls.append(1)
        gate.wait(5)
        return object()

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(_shared("k", compute))) for _ in range(4)
    ]
    for t in threads:
        t.start()
    time.sleep(0.2)
    gate.set()
    for t in threads:
        t.join(10)
    assert len(calls) == 1 and len({id(r) for r in results}) == 1 and len(results) == 4
    _shared("a", lambda: 1)
    _shared("b", lambda: 2)
    again = []
    _shared("k", lambda: again.append(1))
    assert again == [1]  # max_entries=2: the oldest key left
    _shared.clear()


class FakeLoop:
    def call_soon_threadsafe(self, fn):
        fn()


class FakeRuntime:
    def __init__(self, active):
        self.active = set(active)
        self.closed = []

    def is_active_session(self, sid):
        return sid in self.active

    def close_session(self, sid):
        self.closed.append(sid)

    @property
    def stopped(self):
        return type("Future", (), {"get_loop": lambda _: FakeLoop()})()


def test_janitor_closes_sessions_gone_past_the_grace_period():
    # its own runtime and trim, not patched into the module: the app's janitor thread (left
    # by AppTest runs earlier in the session) would sweep through a patched module too
    rt = FakeRuntime(active={"here", "gone"})
    trims = []
    j = Janitor(grace_s=0.2, sweep_s=3600, runtime=lambda: rt, trim=lambda: trims.append(1))
    j.register("here")
    j.register("gone")
    assert j.sweep() == 0  # both connected
    rt.active.discard("gone")
    assert j.sweep() == 0  # disconnected, but within the grace period (may reconnect)
    time.sleep(0.3)
    assert j.sweep() == 1
    assert rt.closed == ["gone"] and trims == [1] and j.closed == 1
    assert j.sweep() == 0  # closed once; the connected session is kept
    assert rt.closed == ["gone"]


def test_janitor_default_grace_is_inside_streamlits_session_ttl():
    from lib.ui.janitor import session_ttl

    assert 0 < Janitor(sweep_s=3600).grace_s < session_ttl()


def test_give_back_memory_runs_anywhere():
    give_back_memory()


def test_parts_cache_keeps_only_current_articles():
    from lib.corpus.parse import parse_document
    from lib.versions import text_key

    docs = {k: parse_document(k, f"Article {k} says 3 things.") for k in "abc"}
    cache = PartsCache()
    for d in docs.values():
        cache.put(text_key(d.text), Parts(words=0))
    cache.keep_only([docs["b"], parse_document("z", "Another text.")])
    assert list(cache) == [text_key(docs["b"].text)]
