"""URL fetch: one deadline over connect, headers and body; reserved addresses; gzip.

Every server here listens on 127.0.0.1 only and stops after a bounded number of steps.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib

import pytest

from lib.ingest.limits import Limits
from lib.ingest.status import (
    REASON_BOMB,
    REASON_COMPRESSED,
    REASON_FETCH_FAILED,
    REASON_REFUSED_URL,
    REASON_UNSUPPORTED,
)
from lib.ingest.urls import address_refusal, decode_content, fetch_url
from tests.ingest.test_ingest import article

DEADLINE = Limits(url_timeout_s=2.0)


class SlowServer:
    """A one-connection-at-a-time server on 127.0.0.1 that sends ``head`` then ``body`` at
    one byte per ``interval`` seconds (at most ``max_steps`` bytes, then it closes)."""

    def __init__(self, head: bytes, body: bytes, interval: float, trickle_head: bool = False):
        self.head, self.body, self.interval = head, body, interval
        self.trickle_head = trickle_head
        self.stop = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/article.txt"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        for _ in range(300):  # bounded: at most 60 s of accept timeouts
            if self.stop.is_set():
                return
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                self._talk(conn)

    def _talk(self, conn: socket.socket) -> None:
        try:
            conn.recv(65_536)
            slow = self.head + self.body if self.trickle_head else self.body
            if not self.trickle_head:
                conn.sendall(self.head)
            if not self.interval:
                conn.sendall(slow)
                return
            for byte in slow[:60]:  # bounded: at most 60 bytes
                if self.stop.wait(self.interval):
                    return
                conn.sendall(bytes([byte]))
        except OSError:
            return

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"


@pytest.mark.parametrize(
    "head, interval, trickle_head",
    [
        (HEAD, 2.0, False),  # body: 1 byte every 2 s (each read returns before a socket time-out)
        (HEAD, 0.3, False),  # body: 1 byte every 0.3 s
        (HEAD, 0.3, True),  # headers: 1 byte every 0.3 s, never finished within the deadline
        (b"", 30.0, False),  # nothing at all after the request
    ],
    ids=["body-2s", "body-fast-trickle", "headers-trickle", "silent"],
)
def test_one_deadline_covers_headers_and_body(head, interval, trickle_head):
    server = SlowServer(head, article("slow").encode(), interval, trickle_head)
    try:
        started = time.monotonic()
        doc, row = fetch_url(server.url, DEADLINE, allow_private=True)
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert doc is None
    assert (row["status"], row["reason"]) == ("skipped", REASON_FETCH_FAILED), row
    assert "Timed out" in row["message"] and "2 s" in row["message"]
    assert elapsed < DEADLINE.url_timeout_s + 1.5, elapsed  # the deadline, not the server


def test_a_fast_server_is_not_cut_and_a_short_body_is_an_error():
    body = article("fast").encode()
    head = HEAD.replace(b"\r\n\r\n", f"\r\nContent-Length: {len(body)}\r\n\r\n".encode())
    server = SlowServer(head, body, 0.0)
    try:
        doc, row = fetch_url(server.url, DEADLINE, allow_private=True)
    finally:
        server.close()
    assert row["status"] == "analysed", row
    assert "Storm Bert" in doc.text
    server = SlowServer(head, body[:100], 0.0)  # hangs up before Content-Length bytes
    try:
        doc, row = fetch_url(server.url, DEADLINE, allow_private=True)
    finally:
        server.close()
    assert doc is None and row["reason"] == REASON_FETCH_FAILED, row
    assert "before the end of the page" in row["message"]


@pytest.mark.parametrize(
    "url",
    [
        "http://240.0.0.1/",
        "http://255.255.255.255/",
        "http://0.1.2.3/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://239.255.255.250/",
        "http://[ff02::1]/",
        "http://[::ffff:240.0.0.1]/",
        "http://169.254.169.254/",
    ],
)
def test_reserved_addresses_refused_even_when_private_allowed(url):
    doc, row = fetch_url(url, allow_private=True)
    assert doc is None and row["reason"] == REASON_REFUSED_URL, row
    assert "only public hosts" in row["message"]


@pytest.mark.parametrize(
    "url",
    [
        "http://[2002:a9fe:a9fe::1]/",  # 6to4 of 169.254.169.254 (cloud metadata)
        "http://[2001:0:4136:e378:8000:63bf:5601:5601]/",  # Teredo, client 169.254.169.254
        "http://[64:ff9b::a9fe:a9fe]/",  # NAT64 of 169.254.169.254
        "http://[64:ff9b::f000:1]/",  # NAT64 of 240.0.0.1 (reserved)
        "http://[fec0::1]/",  # deprecated site-local
        "http://[fefe:1::2]/",  # site-local too (fec0::/10)
    ],
)
def test_ipv6_forms_embedding_non_public_ipv4_are_refused_in_every_mode(url):
    for allow in (False, True):
        doc, row = fetch_url(url, allow_private=allow)
        assert doc is None and row["reason"] == REASON_REFUSED_URL, (url, allow, row)
        assert "only public hosts" in row["message"]


def test_ipv6_forms_are_judged_by_the_ipv4_they_carry():
    assert address_refusal("2002:a9fe:a9fe::1") == "link-local"
    assert address_refusal("2002:0a00:0001::1") == "private"  # 6to4 of 10.0.0.1
    assert address_refusal("2002:7f00:1::1") == "loopback"
    assert address_refusal("64:ff9b::a00:1") == "private"  # NAT64 of 10.0.0.1
    assert address_refusal("2001:0:4136:e378:8000:63bf:3fff:fdd2") == "private"  # Teredo
    assert address_refusal("fec0::1") == "site-local"
    # the same forms of a public IPv4 address are public (a DNS64 network returns NAT64)
    assert address_refusal("2002:808:808::1") == ""
    assert address_refusal("64:ff9b::808:808") == ""


def test_allow_private_lifts_only_loopback_and_private():
    kinds = {ip: address_refusal(ip) for ip in ("127.0.0.1", "10.1.2.3", "::1", "fc00::1")}
    assert set(kinds.values()) == {"loopback", "private"}
    assert address_refusal("240.0.0.1") == "reserved"
    assert address_refusal("255.255.255.255") == "reserved"
    assert address_refusal("0.1.2.3") == "unspecified"
    assert address_refusal("93.184.216.34") == ""


def test_gzip_content_is_decoded_and_bombs_are_named():
    text = article("gz").encode()
    assert decode_content(gzip.compress(text), "gzip", 1_000_000) == text
    assert decode_content(zlib.compress(text), "deflate", 1_000_000) == text
    assert decode_content(gzip.compress(text), "", 1_000_000) == text  # gzip sent unlabelled
    assert decode_content(text, "identity", 1_000_000) == text
    with pytest.raises(Exception) as info:
        decode_content(gzip.compress(b" " * 2_000_000), "gzip", 1_000_000)
    assert info.value.reason == REASON_BOMB
    with pytest.raises(Exception) as info:
        decode_content(text, "br", 1_000_000)
    assert "content encoding (br)" in str(info.value)


def _fetch_served(body: bytes, headers: str, limits=DEADLINE):
    """Serve ``body`` once with ``headers`` (plus its Content-Length) and fetch it."""
    head = f"HTTP/1.1 200 OK\r\n{headers}Content-Length: {len(body)}\r\n\r\n".encode()
    server = SlowServer(head, body, 0.0)
    try:
        return fetch_url(server.url, limits, allow_private=True)
    finally:
        server.close()


def test_gzip_response_from_a_server():
    body = gzip.compress(article("zipped").encode())
    gzip_text = "Content-Type: text/plain; charset=utf-8\r\nContent-Encoding: gzip\r\n"
    doc, row = _fetch_served(body, gzip_text)
    assert row["status"] == "analysed", row
    assert "Storm Bert" in doc.text
    bomb = gzip.compress(b"a" * 3_000_000)
    doc, row = _fetch_served(
        bomb, "Content-Type: text/plain\r\nContent-Encoding: gzip\r\n",
        Limits(url_max_bytes=1_000_000),
    )  # fmt: skip
    assert doc is None and row["reason"] == REASON_BOMB, row
    gz_file = gzip.compress(article("file").encode())
    doc, row = _fetch_served(gz_file, "Content-Type: application/gzip\r\n")
    assert doc is None and row["reason"] == REASON_COMPRESSED, row


def test_deadline_also_covers_a_stalled_tls_handshake():
    record = b"\x16\x03\x03\x40\x00" + b"\x02" * 55  # a 16 KB TLS record, one byte at a time
    server = SlowServer(record, b"", 0.4, trickle_head=True)
    try:
        started = time.monotonic()
        doc, row = fetch_url(server.url.replace("http:", "https:"), DEADLINE, allow_private=True)
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert doc is None and row["reason"] == REASON_FETCH_FAILED, row
    assert "Timed out" in row["message"], row
    assert elapsed < DEADLINE.url_timeout_s + 1.5, elapsed


def test_a_web_address_serving_docx_or_pdf_reads_like_an_upload():
    """One format table: the MIME type reaches the same readers as a file's extension, and
    a generic MIME type falls back to the address's extension."""
    from tests.ingest.test_ingest import ARTICLE, make_docx, make_pdf

    docx_mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    served = _fetch_served(make_docx(ARTICLE.split("\n\n")), f"Content-Type: {docx_mime}\r\n")
    doc, row = served
    assert row["status"] == "analysed", row
    assert "Environment Agency" in doc.text
    pdf = make_pdf("Storm Bert flooded the valley on Sunday.\nThe council said 200 homes flooded.")
    doc, row = _fetch_served(pdf, "Content-Type: application/pdf\r\n")
    assert row["status"] == "analysed", row
    assert "Storm Bert flooded the valley" in doc.text
    doc, row = _fetch_served(b"\x00\x01 not a page", "Content-Type: image/png\r\n")
    assert doc is None and row["reason"] == REASON_UNSUPPORTED, row
    assert "image/png" in row["message"]


def test_one_format_table_for_names_and_mime_types():
    from lib.ingest.filetypes import format_of

    assert format_of("memo.docx") == format_of(
        "", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ) == "docx"  # fmt: skip
    assert format_of("/news/a.pdf", "application/octet-stream") == "pdf"
    assert format_of("/news/page", "text/html; charset=utf-8") == "html"
    assert format_of("notes.txt") == format_of("README") == "text"
    assert format_of("photo.png") is None and format_of("x.html", "image/png") is None
