"""Fetching one article from a web address: public hosts only, bounded size and time.

Every resolved address is checked (also after each redirect) and the connection is pinned
to the checked address, so DNS cannot change between check and connect.
"""

from __future__ import annotations

import http.client
import ipaddress
import os
import re
import socket
import ssl
import time
from urllib.parse import urljoin, urlsplit

from lib.corpus.document import Document
from lib.corpus.metadata import outlet_from_url
from lib.ingest.batch import Batch, add_article, sanitise_id
from lib.ingest.decode import decode_bytes
from lib.ingest.filetypes import HTML_TYPES, TEXT_TYPES, file_suffix
from lib.ingest.limits import Limits, with_timeout
from lib.ingest.readers import read_html, read_pdf
from lib.ingest.status import (
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

#: Environment variable that lets :func:`fetch_url` reach loopback/private hosts (local use, tests).
ENV_ALLOW_PRIVATE = "COVERAGE_LENS_ALLOW_PRIVATE_URLS"


MAX_REDIRECTS = 3


def address_refusal(ip_text: str) -> str:
    """Why an IP address may not be fetched (``loopback``, ``private``...), or ``""``."""
    try:
        ip = ipaddress.ip_address(ip_text.split("%", 1)[0])
    except ValueError:
        return "invalid"
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_private:
        return "private"
    if ip.is_reserved:
        return "reserved"
    if not ip.is_global:
        return "not public"
    return ""


#: Refusals that ``allow_private`` lifts (a local setting); the others always apply.
PRIVATE_KINDS = frozenset({"loopback", "private"})


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
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


def _connect_any(ips: list[str], port: int, timeout) -> socket.socket:
    """Connect to the first reachable of the already validated addresses."""
    error: OSError | None = None
    for ip in ips:
        try:
            return socket.create_connection((ip, port), timeout)
        except OSError as exc:
            error = exc
    raise error or OSError("no address")


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to already validated IPs (no second DNS lookup); Host header unchanged."""

    def __init__(self, host, port, ips, timeout):
        super().__init__(host, port, timeout=timeout)
        self._ips = ips

    def connect(self):
        self.sock = _connect_any(self._ips, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, ips, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ips = ips

    def connect(self):
        sock = _connect_any(self._ips, self.port, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _check_url(url: str, allow_private: bool) -> tuple[str, int, list[str], str]:
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
    addresses = _resolve(host, port)
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


def _download(url: str, limits: Limits, allow_private: bool) -> tuple[str, str, bytes]:
    """GET with manual, re-validated redirects; returns (final url, content type, body)."""
    deadline = time.monotonic() + limits.url_timeout_s
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        host, port, ips, path = _check_url(current, allow_private)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise IngestError(REASON_FETCH_FAILED, "Timed out.")
        cls = (
            _PinnedHTTPSConnection if current.lower().startswith("https") else _PinnedHTTPConnection
        )
        conn = cls(host, port, ips, timeout=min(remaining, limits.url_timeout_s))
        try:
            conn.request(
                "GET",
                path,
                headers={
                    "User-Agent": "CoverageLens/0.1 (+article fetch)",
                    "Accept": "text/html,application/xhtml+xml,text/plain,application/pdf;q=0.9",
                    "Accept-Encoding": "identity",
                },
            )
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
            length = resp.getheader("Content-Length")
            if length and length.isdigit() and int(length) > limits.url_max_bytes:
                raise IngestError(
                    REASON_TOO_LARGE,
                    f"The page is {int(length):,} bytes (limit {limits.url_max_bytes:,}).",
                )
            body = bytearray()
            while True:
                if time.monotonic() > deadline:
                    raise IngestError(REASON_FETCH_FAILED, "Timed out while downloading.")
                chunk = resp.read(65_536)
                if not chunk:
                    break
                body += chunk
                if len(body) > limits.url_max_bytes:
                    raise IngestError(
                        REASON_TOO_LARGE,
                        f"The page is larger than {limits.url_max_bytes:,} bytes.",
                    )
            return current, resp.getheader("Content-Type") or "", bytes(body)
        except IngestError:
            raise
        except (OSError, http.client.HTTPException, ssl.SSLError) as exc:
            raise IngestError(
                REASON_FETCH_FAILED, f"Download failed ({type(exc).__name__}: {exc})."
            ) from None
        finally:
            conn.close()
    raise IngestError(REASON_TOO_MANY_REDIRECTS, f"More than {MAX_REDIRECTS} redirects.")


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
        allow_private = os.environ.get(ENV_ALLOW_PRIVATE, "").strip() == "1"
    try:
        final_url, content_type, body = _download(url, limits, allow_private)
    except IngestError as fail:
        return None, status_row(url, SKIPPED, fail.reason, fail.message)
    except Exception as exc:  # noqa: BLE001 - never raise for a bad URL
        return None, status_row(url, SKIPPED, REASON_FETCH_FAILED, f"Download failed ({exc}).")
    mime = content_type.split(";")[0].strip().lower()
    charset = ""
    m = re.search(r"charset=([\w\-]+)", content_type, re.I)
    if m:
        charset = m.group(1)
    path_ext = file_suffix(urlsplit(final_url).path)
    if not body.strip():
        return None, status_row(url, SKIPPED, REASON_EMPTY, "The page is empty.")
    try:
        if mime in ("text/html", "application/xhtml+xml") or (not mime and path_ext in HTML_TYPES):
            raw, hints = with_timeout(
                lambda: read_html(body, final_url, charset), limits.parse_timeout_s
            )
        elif mime == "application/pdf" or (not mime and path_ext == ".pdf"):
            raw = with_timeout(lambda: read_pdf(body, limits), limits.parse_timeout_s)
            hints = {}
        elif mime in ("text/plain", "text/markdown") or (not mime and path_ext in TEXT_TYPES):
            raw, hints = decode_bytes(body)[0], {}
        else:
            raise IngestError(
                REASON_UNSUPPORTED, f"Unsupported content type ({mime or 'unknown'})."
            )
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
