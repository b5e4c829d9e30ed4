"""Memory given back when sessions leave.

Streamlit keeps a disconnected session (its session state and uploaded files) so that a
browser that reconnects within ``server.disconnectedSessionTTL`` seconds finds it, but it
only drops such a session when a later write to its session store happens to reap it: in a
quiet classroom the last sessions' articles stay in memory indefinitely. The
:class:`Janitor` remembers the sessions that ran the app; a background thread closes those
that have been disconnected for longer than the grace period (three quarters of that TTL,
so Streamlit still knows them) and then hands freed memory back to the system with
``gc.collect`` and glibc's ``malloc_trim`` (without it, freed arenas stay in the process).
"""

from __future__ import annotations

import ctypes
import functools
import gc
import sys
import threading
import time

from streamlit.logger import get_logger

_LOG = get_logger(__name__)  # Streamlit's handler and level: shown in the server's log

#: Seconds between sweeps of the background thread.
SWEEP_S = 10.0


def give_back_memory() -> None:
    """Collect garbage and return free memory to the system: Arrow's pool (tables sent to
    the browser and read from Parquet) and glibc's heap."""
    gc.collect()
    arrow = sys.modules.get("pyarrow")
    if arrow is not None:
        try:
            arrow.default_memory_pool().release_unused()
        except Exception:  # noqa: BLE001 - an older pyarrow without it
            pass
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim():
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, Windows, musl)
        return None


def _runtime():
    from streamlit import runtime

    return runtime.get_instance() if runtime.exists() else None


def session_ttl() -> float:
    """Streamlit's ``server.disconnectedSessionTTL`` (seconds)."""
    from streamlit import config

    try:
        return float(config.get_option("server.disconnectedSessionTTL"))
    except Exception:  # noqa: BLE001 - an unknown option in another version
        return 120.0


class Janitor:
    """Closes sessions disconnected for longer than ``grace_s`` and gives memory back."""

    def __init__(
        self,
        grace_s: float | None = None,
        sweep_s: float = SWEEP_S,
        *,
        runtime=None,
        trim=None,
    ) -> None:
        """``runtime`` / ``trim``: where sessions are looked up and how memory is given
        back (default: Streamlit's runtime, :func:`give_back_memory`); a test passes its own
        instead of patching the module, which the app's own janitor thread would also see."""
        self.grace_s = grace_s if grace_s is not None else max(5.0, 0.75 * session_ttl())
        self.sweep_s = sweep_s
        self._runtime = runtime or _runtime
        self._trim = trim or give_back_memory
        self.closed = 0  # sessions closed so far
        self.failures = 0  # sweeps that failed
        self._seen: dict[str, float] = {}  # session id -> when it was last seen connected
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def register(self, session_id: str) -> None:
        """Note that ``session_id`` is running the app (called on every run)."""
        with self._lock:
            self._seen[session_id] = time.monotonic()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._loop, name="coverage-lens-janitor", daemon=True
                )
                self._thread.start()

    def _loop(self) -> None:
        while True:
            time.sleep(self.sweep_s)
            try:
                self.sweep()
            except Exception:  # noqa: BLE001 - never let the thread die on a bad sweep
                self.failures += 1
                _LOG.error(  # loud: departed sessions would keep their memory
                    "closing departed sessions failed (%d times): their memory is not given "
                    "back",
                    self.failures,
                    exc_info=True,
                )

    def sweep(self) -> int:
        """Close sessions gone for longer than the grace period; returns how many."""
        rt = self._runtime()
        if rt is None:
            return 0
        now = time.monotonic()
        gone = []
        with self._lock:
            for sid, last in list(self._seen.items()):
                if rt.is_active_session(sid):
                    self._seen[sid] = now
                elif now - last > self.grace_s:
                    gone.append(sid)
                    del self._seen[sid]
        if gone:
            _close_on_event_loop(rt, gone)
            self.closed += len(gone)
            self._trim()
            _LOG.info("closed %d session(s) gone for over %.0f s", len(gone), self.grace_s)
        return len(gone)


def _event_loop(rt):
    """The server's event loop, through public API: the runtime's ``stopped`` awaitable is
    a future of that loop. (``tests/browser/test_janitor.py`` runs a real server and fails
    when sessions that left are no longer closed and their memory given back.)"""
    return rt.stopped.get_loop()


def _close_on_event_loop(rt, session_ids: list[str]) -> None:
    """``Runtime.close_session`` must run on the server's event loop thread."""
    loop = _event_loop(rt)
    done = threading.Event()

    def close_all() -> None:
        try:
            for sid in session_ids:
                rt.close_session(sid)
        finally:
            done.set()

    loop.call_soon_threadsafe(close_all)
    done.wait(30)


def current_session_id() -> str | None:
    """The id of the session running this script, or None outside a server run."""
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
    except Exception:  # noqa: BLE001
        return None
    return ctx.session_id if ctx is not None else None
