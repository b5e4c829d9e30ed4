"""Entry-side limits, measured: what the text caps save spaCy's tokenizer, how long the
1.2-million-character article takes to ingest on each path, and how long a trickling URL
holds a fetch. Run from the repository root (about a minute on 2 cores)::

    .venv/bin/python benchmarks/ingest_limits.py          # --all: also 32,000 "(" as given

Prints a table and, last, one JSON object. The servers listen on 127.0.0.1 only.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.ingest.limits import Limits, limit_text  # noqa: E402
from lib.ingest.uploads import read_uploads  # noqa: E402
from lib.ingest.urls import fetch_url  # noqa: E402
from lib.nlp.pipeline import get_nlp  # noqa: E402
from lib.schema import MAX_DOC_CHARS  # noqa: E402

#: Inputs; the tokenizer's cost on a bracket run is quadratic, so the 32,000 case is only
#: run as given with ``--all`` (it took 227 s on the 2-core test machine).
PATHOLOGICAL = {
    '8,000 "("': "(" * 8_000,
    '32,000 "("': "(" * 32_000,
    '4,000 "="': "=" * 4_000,
    "4,000 \u2019": "\u2019" * 4_000,
}


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def tokenizer_rows(nlp, run_all: bool = False) -> dict:
    """Tokenizer seconds on each pathological text, as given and after ``limit_text``."""
    out = {}
    for name, text in PATHOLOGICAL.items():
        limited, _, _ = limit_text(text, MAX_DOC_CHARS)
        after = timed(lambda limited=limited: nlp.tokenizer(limited))
        raw = run_all or len(text) <= 8_000
        before = round(timed(lambda text=text: nlp.tokenizer(text)), 3) if raw else None
        out[name] = {"raw_s": before, "limited_s": round(after, 3)}
    return out


def huge_ingest_s() -> float:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.ingest.test_every_path import HUGE

    return timed(lambda: read_uploads([("huge.txt", HUGE.encode())]))


def trickle_fetch_s(deadline_s: float = 3.0) -> float:
    """A server sending one byte every 2 s; the fetch must end at the deadline."""
    srv = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve():
        conn, _ = srv.accept()
        with conn:
            conn.recv(65_536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
            for _ in range(30):
                if stop.wait(2.0):
                    return
                try:
                    conn.sendall(b"x")
                except OSError:
                    return

    threading.Thread(target=serve, daemon=True).start()
    url = f"http://127.0.0.1:{srv.getsockname()[1]}/a.txt"
    try:
        return timed(lambda: fetch_url(url, Limits(url_timeout_s=deadline_s), allow_private=True))
    finally:
        stop.set()
        srv.close()


def main() -> None:
    nlp = get_nlp()
    tok = tokenizer_rows(nlp, run_all="--all" in sys.argv)
    ingest = huge_ingest_s()
    trickle = trickle_fetch_s()
    print("| input | tokenizer as given (s) | after limit_text (s) |")
    print("| --- | --- | --- |")
    for name, row in tok.items():
        raw = "not run (--all)" if row["raw_s"] is None else row["raw_s"]
        print(f"| {name} | {raw} | {row['limited_s']} |")
    print(f"\ningest of a 1.2M-character article (upload path): {ingest:.2f} s")
    print(f"URL trickling 1 byte / 2 s, 3 s deadline: fetch ended after {trickle:.2f} s")
    print(json.dumps({"tokenizer": tok, "huge_ingest_s": round(ingest, 2),
                      "trickle_fetch_s": round(trickle, 2)}))  # fmt: skip


if __name__ == "__main__":
    main()
