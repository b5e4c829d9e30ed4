"""Shared results never make a cached read wait; sessions that left are closed and their
memory handed back; per-session stores stay bounded."""

from __future__ import annotations

import threading
import time

from lib.records import Parts
from lib.ui import janitor as janitor_module
from lib.ui.janitor import Janitor, give_back_memory
from lib.ui.resources import PartsCache, SharedResults


def test_a_cached_read_does_not_wait_for_another_keys_computation():
    shared = SharedResults(4)
    shared.get_or_compute("ready", lambda: "cached view")
    started, release = threading.Event(), threading.Event()

    def slow_parse():
        started.set()
        release.wait(10)
        return "parsed"

    worker = threading.Thread(target=shared.get_or_compute, args=("slow", slow_parse))
    worker.start()
    assert started.wait(10)
    try:
        # while "slow" is being computed, other keys are read and computed at once
        assert shared.get_or_compute("ready", lambda: "recomputed") == "cached view"
        assert shared.get_or_compute("other", lambda: "fresh") == "fresh"
        assert shared.get("slow") is None
    finally:
        release.set()
        worker.join(10)
    assert shared.get("slow") == "parsed"


def test_one_computation_per_key_and_lru_bound():
    shared = SharedResults(2)
    calls = []
    gate = threading.Event()

    def compute():
        calls.append(1)
        gate.wait(5)
        return object()

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(shared.get_or_compute("k", compute)))
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    time.sleep(0.2)
    gate.set()
    for t in threads:
        t.join(10)
    assert len(calls) == 1 and len({id(r) for r in results}) == 1 and len(results) == 4
    shared.get_or_compute("a", lambda: 1)
    shared.get_or_compute("b", lambda: 2)
    assert shared.get("k") is None  # the oldest key left
    assert shared.get("a") == 1 and shared.get("b") == 2


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

    def _get_async_objs(self):
        return type("Objs", (), {"eventloop": FakeLoop()})()


def test_janitor_closes_sessions_gone_past_the_grace_period(monkeypatch):
    rt = FakeRuntime(active={"here", "gone"})
    monkeypatch.setattr(janitor_module, "_runtime", lambda: rt)
    trims = []
    monkeypatch.setattr(janitor_module, "give_back_memory", lambda: trims.append(1))
    j = Janitor(grace_s=0.2, sweep_s=3600)
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
    cache = PartsCache()
    for k in "abc":
        cache.put(k, Parts(words=0))
    cache.keep_only(["b", "z"])
    assert list(cache) == ["b"]
