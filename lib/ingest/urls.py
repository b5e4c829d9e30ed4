"""Fetching one article from a web address: public hosts only, bounded size and time.

Every resolved address is checked (also after each redirect) and the connection is pinned
to the checked address, so DNS cannot change between check and connect.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from urllib.parse import urljoin, urlsplit

from lib.corpus.document import Document
from lib.corpus.metadata import outlet_from_url
from lib.ingest.batch import Batch, add_article, sanitise_id
from lib.ingest.filetypes import ARCHIVE_MIMES
from lib.ingest.limits import Limits, with_timeout
from lib.ingest.readers import read_article
from lib.ingest.status import (
    REASON_BOMB,
    REASON_COMPRESSED,
    REASON_CORRUPT,
    REASON_EMPTY,
    REASON_FETCH_FAILED,
    REASON_REFUSED_URL,
    REASON_TOO_LARGE,
    REASON_TOO_MANY_REDIRECTS,
    REASON_UNSUPPORTED,
    SKIPPED,
    IngestError,
    status_row,
)
from lib.settings import allow_private_urls

#: Environment variable that lets :func:`fetch_url` reach loopback/private hosts (local use, tests).


MAX_REDIRECTS = 3


#: Never fetched, whatever the settings: "this network" (0.0.0.0/8) and the old class E
#: (240.0.0.0/4, with the broadcast address). ``ipaddress`` files them under "private".
RESERVED_V4 = (ipaddress.ip_network("0.0.0.0/8"), ipaddress.ip_network("240.0.0.0/4"))


#: IPv6 prefixes that carry an IPv4 address in their last 32 bits: NAT64's well-known prefix
#: (RFC 6052) and its local-use prefix (RFC 8215). 6to4 (2002::/16) and Teredo (2001::/32)
#: are read by ``ipaddress`` itself.
NAT64_V6 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


#: Deprecated site-local IPv6 (RFC 3879): private in effect, never fetched.
SITE_LOCAL_V6 = ipaddress.ip_network("fec0::/10")


def _embedded_v4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries: 6to4, Teredo (server and client), NAT64."""
    if ip.sixtofour is not None:
        return [ip.sixtofour]
    if ip.teredo is not None:
        return list(ip.teredo)
    if any(ip in net for net in NAT64_V6):
        return [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)]
    return []


def address_refusal(ip_text: str) -> str:
    """Why an IP address may not be fetched (``loopback``, ``private``...), or ``""``.

    Only ``loopback`` and ``private`` are lifted by ``allow_private``; unspecified,
    multicast, reserved, link-local and site-local addresses are refused whatever the
    settings. IPv6 forms that carry an IPv4 address (IPv4-mapped, 6to4, Teredo, NAT64) are
    judged by that address too: ``2002:a9fe:a9fe::1`` is the link-local 169.254.169.254.
    """
    try:
        ip = ipaddress.ip_address(ip_text.split("%", 1)[0])
    except ValueError:
        return "invalid"
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.version == 6:
        if ip in SITE_LOCAL_V6:
            return "site-local"
        inner = [address_refusal(str(v4)) for v4 in _embedded_v4(ip)]
        refused = next((kind for kind in inner if kind), "")
        if refused:
            return refused
        if inner and any(ip in net for net in NAT64_V6[:1]):
            return ""  # NAT64 of a public IPv4 (a DNS64 network's way to reach it)
        if ip in NAT64_V6[1]:
            return "private"  # local-use NAT64
    if ip.is_unspecified or (ip.version == 4 and ip in RESERVED_V4[0]):
        return "unspecified"
    if ip.is_multicast:
        return "multicast"
    if ip.is_loopback:
        return "loopback"
    if ip.is_reserved or (ip.version == 4 and ip in RESERVED_V4[1]):
        return "reserved"
    if ip.is_link_local:
        return "link-local"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "not public"
    return ""


#: Refusals that ``allow_private`` lifts (a local setting); the others always apply.
PRIVATE_KINDS = frozenset({"loopback", "private"})


def _resolve(host: str, port: int, deadline: _Deadline) -> list[str]:
    """Addresses of ``host``; the lookup counts against the fetch deadline."""

    def lookup():
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)

    try:
        infos = with_timeout(lookup, deadline.remaining())
    except IngestError:
        raise deadline.timed_out(f"while resolving {host!r}") from None
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise IngestError(REASON_FETCH_FAILED, f"Cannot resolve host {host!r} ({exc}).") from None
    addresses = []
    for info in infos:
        addr = str(info[4][0])
        if addr not in addresses:
            addresses.append(addr)
    if not addresses:
        raise IngestError(REASON_FETCH_FAILED, f"Host {host!r} has no address.")
    return addresses


def _connect_any(ips: list[str], port: int, deadline: _Deadline) -> socket.socket:
    """Connect to the first reachable of the already validated addresses, under the deadline."""
    error: OSError | None = None
    for ip in ips:
        try:
            sock = socket.create_connection((ip, port), deadline.remaining())
        except OSError as exc:
            error = exc
            continue
        deadline.watch(sock)
        return sock
    raise error or OSError("no address")


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to already validated IPs (no second DNS lookup); Host header unchanged."""

    def __init__(self, host, port, ips, deadline: _Deadline):
        super().__init__(host, port, timeout=deadline.remaining())
        self._ips = ips
        self._deadline = deadline

    def connect(self):
        self.sock = _connect_any(self._ips, self.port, self._deadline)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, ips, deadline: _Deadline):
        context = ssl.create_default_context()
        super().__init__(host, port, timeout=deadline.remaining(), context=context)
        self._ips = ips
        self._deadline = deadline

    def connect(self):
        sock = _connect_any(self._ips, self.port, self._deadline)
        # The TLS socket takes over the file descriptor: the watchdog must hold it instead,
        # before the handshake (which a slow server could otherwise stretch).
        tls = self._context.wrap_socket(
            sock, server_hostname=self.host, do_handshake_on_connect=False
        )
        self._deadline.watch(tls)
        tls.do_handshake()
        self.sock = tls


def _check_url(url: str, allow_private: bool, deadline: _Deadline):
    """Validate scheme and every resolved address; returns (host, port, addresses, path)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise IngestError(REASON_REFUSED_URL, f"Malformed URL ({exc}).") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise IngestError(
            REASON_REFUSED_URL,
            f"Only http and https URLs can be fetched (not {parts.scheme or 'no scheme'}).",
        )
    host = parts.hostname
    if not host:
        raise IngestError(REASON_REFUSED_URL, "The URL has no host.")
    if parts.username or parts.password:
        raise IngestError(REASON_REFUSED_URL, "URLs with a user name or password are not fetched.")
    port = port or (443 if parts.scheme.lower() == "https" else 80)
    addresses = _resolve(host, port, deadline)
    for addr in addresses:
        kind = address_refusal(addr)
        if kind and not (allow_private and kind in PRIVATE_KINDS):
            raise IngestError(
                REASON_REFUSED_URL,
                f"{host} resolves to a {kind} address ({addr}); only public hosts are fetched.",
            )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return host, port, addresses, path


_HEADERS = {
    "User-Agent": "CoverageLens/0.1 (+article fetch)",
    "Accept": "text/html,application/xhtml+xml,text/plain,application/pdf;q=0.9",
    "Accept-Encoding": "gzip, identity",
}


def _download(url: str, limits: Limits, allow_private: bool) -> tuple[str, str, bytes]:
    """GET with manual, re-validated redirects; returns (final url, content type, body).

    One deadline (``limits.url_timeout_s``) covers DNS, connect, headers and body of every
    hop: a watchdog shuts the socket down when it passes (see :class:`_Deadline`).
    """
    deadline = _Deadline(limits.url_timeout_s)
    current = url
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            host, port, ips, path = _check_url(current, allow_private, deadline)
            https = current.lower().startswith("https")
            cls = _PinnedHTTPSConnection if https else _PinnedHTTPConnection
            conn = cls(host, port, ips, deadline)
            try:
                conn.request("GET", path, headers=_HEADERS)
                resp = conn.getresponse()
                if resp.status in (301, 302, 303, 307, 308):
                    location = resp.getheader("Location") or ""
                    if not location:
                        raise IngestError(
                            REASON_FETCH_FAILED, f"HTTP {resp.status} without a Location."
                        )
                    current = urljoin(current, location.strip())
                    continue
                if resp.status != 200:
                    raise IngestError(REASON_FETCH_FAILED, f"HTTP {resp.status} {resp.reason}.")
                body = _read_body(resp, limits, deadline)
                return current, resp.getheader("Content-Type") or "", body
            except IngestError:
                raise
            except (OSError, http.client.HTTPException, ssl.SSLError, ValueError) as exc:
                if deadline.expired or isinstance(exc, TimeoutError):
                    raise deadline.timed_out() from None
                raise IngestError(
                    REASON_FETCH_FAILED, f"Download failed ({type(exc).__name__}: {exc})."
                ) from None
            finally:
                conn.close()
    finally:
        deadline.cancel()
    raise IngestError(REASON_TOO_MANY_REDIRECTS, f"More than {MAX_REDIRECTS} redirects.")


def _read_body(resp, limits: Limits, deadline: _Deadline) -> bytes:
    """The response body: at most ``url_max_bytes``, within the deadline, gzip decoded."""
    length = resp.getheader("Content-Length")
    if length and length.isdigit() and int(length) > limits.url_max_bytes:
        raise IngestError(
            REASON_TOO_LARGE,
            f"The page is {int(length):,} bytes (limit {limits.url_max_bytes:,}).",
        )
    body = bytearray()
    while chunk := resp.read1(65_536):
        body += chunk
        if len(body) > limits.url_max_bytes:
            raise IngestError(
                REASON_TOO_LARGE, f"The page is larger than {limits.url_max_bytes:,} bytes."
            )
    if deadline.expired:  # the watchdog closed the socket: what arrived is incomplete
        raise deadline.timed_out("while downloading")
    if resp.length:  # read1 ends quietly when the server hangs up early
        raise IngestError(
            REASON_FETCH_FAILED,
            f"The connection closed {resp.length:,} bytes before the end of the page.",
        )
    encoding = (resp.getheader("Content-Encoding") or "").strip().lower()
    return decode_content(bytes(body), encoding, limits.url_max_bytes)


def decode_content(body: bytes, encoding: str, max_bytes: int) -> bytes:
    """Undo a ``gzip``/``deflate`` Content-Encoding (or a gzip body sent without one),
    never producing more than ``max_bytes``: more is a decompression bomb."""
    if encoding in ("", "identity") and not body.startswith(b"\x1f\x8b"):
        return body
    if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
        raise IngestError(REASON_UNSUPPORTED, f"Unsupported content encoding ({encoding}).")
    if encoding == "deflate":  # zlib-wrapped (RFC 1950) or, from some servers, raw
        wbits = 15 if body[:1] == b"\x78" else -15
    else:
        wbits = 31  # gzip
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise IngestError(REASON_CORRUPT, f"Damaged compressed content ({exc}).") from None
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise IngestError(
            REASON_BOMB,
            f"The compressed page expands beyond {max_bytes:,} bytes (decompression bomb).",
        )
    return out


class _Deadline:
    """One deadline for a whole fetch. A timer thread shuts down every socket still open
    when it passes, so a server that trickles headers or body cannot hold the reader."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def timed_out(self, where: str = "") -> IngestError:
        place = f" {where}" if where else ""
        return IngestError(
            REASON_FETCH_FAILED,
            f"Timed out{place}: the {self.seconds:g} s limit for one URL passed.",
        )

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0 or self.expired:
            raise self.timed_out()
        return left

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if not self.expired:
                self._sockets.append(sock)
                return
        sock.close()
        raise self.timed_out()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cancel(self) -> None:
        self._timer.cancel()


def _url_id(url: str) -> str:
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    base = sanitise_id(segments[-1]) if segments else ""
    if not base or base in ("doc", "index"):
        base = sanitise_id((parts.hostname or "page").replace(".", "_") + ".x")
    return base


def fetch_url(
    url: str,
    limits: Limits | None = None,
    allow_private: bool | None = None,
    existing_ids=(),
) -> tuple[Document | None, dict]:
    """Download one article (http/https, public hosts only) into a Document.

    Refuses other schemes and hosts resolving to loopback, private, link-local,
    multicast, reserved or unspecified addresses, also after each redirect (at
    most 3). ``allow_private`` (default: env ``COVERAGE_LENS_ALLOW_PRIVATE_URLS=1``)
    lifts the loopback/private refusal for local use. Size and time are bounded.
    Returns ``(document or None, status row dict)``; never raises for bad input.
    """
    limits = limits or Limits()
    url = (url or "").strip()
    if allow_private is None:
        allow_private = allow_private_urls()
    try:
        final_url, content_type, body = _download(url, limits, allow_private)
    except IngestError as fail:
        return None, status_row(url, SKIPPED, fail.reason, fail.message)
    except Exception as exc:  # noqa: BLE001 - never raise for a bad URL
        return None, status_row(url, SKIPPED, REASON_FETCH_FAILED, f"Download failed ({exc}).")
    mime = content_type.split(";")[0].strip().lower()
    if not body.strip():
        return None, status_row(url, SKIPPED, REASON_EMPTY, "The page is empty.")
    try:
        if mime in ARCHIVE_MIMES:
            raise IngestError(
                REASON_COMPRESSED, f"The address serves a compressed file ({mime}), not a page."
            )
        path = urlsplit(final_url).path
        raw, hints = read_article(body, limits, name=path, mime=content_type, url=final_url)
    except IngestError as fail:
        return None, status_row(url, SKIPPED, fail.reason, fail.message)
    except Exception as exc:  # noqa: BLE001
        return None, status_row(url, SKIPPED, REASON_CORRUPT, f"Unreadable page ({exc}).")
    hints = dict(hints)
    hints.setdefault("url", final_url)
    if not hints.get("outlet"):
        hints["outlet"] = outlet_from_url(final_url)
    batch = Batch(limits, used_ids=set(existing_ids))
    add_article(batch, url, raw, hints, id_base=_url_id(final_url))
    row = batch.rows[-1]
    return (batch.documents[0] if batch.documents else None), row
