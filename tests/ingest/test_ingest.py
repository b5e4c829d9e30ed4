"""lib.ingest: uploads, bad input, URLs (served from 127.0.0.1 only), bundles."""

from __future__ import annotations

import io
import random
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lib.ingest import readers
from lib.ingest.bundles import read_bundle, write_bundle
from lib.ingest.decode import likely_not_english
from lib.ingest.limits import Limits, with_timeout
from lib.ingest.local import load_corpus
from lib.ingest.status import (
    REASON_BINARY,
    REASON_CORRUPT,
    REASON_DUPLICATE,
    REASON_EMPTY,
    REASON_ENCODING,
    REASON_FETCH_FAILED,
    REASON_NESTED_ZIP,
    REASON_NO_TEXT,
    REASON_NOT_ENGLISH,
    REASON_REFUSED_URL,
    REASON_TIMEOUT,
    REASON_TOO_LARGE,
    REASON_TOO_MANY,
    REASON_TOO_MANY_REDIRECTS,
    REASON_TOTAL_TOO_LARGE,
    REASON_TRUNCATED,
    REASON_UNSAFE_PATH,
    REASON_UNSUPPORTED,
    REASON_ZIP_BOMB,
    IngestError,
)
from lib.ingest.uploads import document_from_paste, read_uploads
from lib.ingest.urls import fetch_url
from lib.schema import MAX_DOC_CHARS, STATUS_COLUMNS
from lib.settings import ALLOW_PRIVATE_URLS_ENV as ENV_ALLOW_PRIVATE
from tests.helpers import SEEDS

ARTICLE = (
    "Storm Bert brought heavy rain to the valley on Sunday, and the river burst its banks "
    "in the early hours of the morning.\n\n"
    "The council said that more than 200 homes were flooded and that the clean-up would "
    "take several weeks. Residents were moved to the town hall, where volunteers served "
    "hot meals through the night.\n\n"
    "The Environment Agency had issued a severe flood warning on Saturday, but many people "
    "said they were not told to leave until the water was already at their doors."
)


def article(tag: str) -> str:
    """A distinct English article (the tag keeps content hashes apart)."""
    return f"Flood report {tag}\n\n{ARTICLE}\n\nThe mayor of {tag} visited the area on Monday."


def good(name: str) -> tuple[str, bytes]:
    return name, article(name).encode("utf-8")


def row(result, file: str) -> dict:
    rows = result.statuses[result.statuses["file"] == file]
    assert len(rows) == 1, f"expected one status row for {file}: {result.statuses}"
    return rows.iloc[0].to_dict()


def assert_good(result, file: str) -> None:
    r = row(result, file)
    assert r["status"] == "analysed" and r["reason"] == "", r
    doc = next(d for d in result.documents if d.doc_id == r["doc_id"])
    assert "Storm Bert" in doc.text


def run_bad(name: str, data: bytes, limits: Limits | None = None):
    """Read one bad file with a good one; the good one must always be analysed."""
    result = read_uploads([(name, data), good("good.txt")], limits or Limits())
    assert_good(result, "good.txt")
    return row(result, name), result


# --------------------------------------------------------------------------- builders


def make_pdf(text: str | None) -> bytes:
    """A minimal one-page PDF (Helvetica text, or no content stream when text is None)."""
    if text is None:
        from pypdf import PdfWriter

        writer = PdfWriter()
        writer.add_blank_page(612, 792)
        buf = io.BytesIO()
        writer.write(buf)
        return buf.getvalue()
    lines = [f"({t}) Tj 0 -16 Td" for t in text.split("\n")]
    stream = ("BT /F1 12 Tf 72 720 Td " + " ".join(lines) + " ET").encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def make_zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def make_docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


HTML_PAGE = """<!doctype html><html><head>
<title>River floods valley | Valley Gazette</title>
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="Valley Gazette">
<meta property="og:title" content="River floods valley">
<meta property="article:published_time" content="2024-11-24">
<script>window.SECRET_SCRIPT_TEXT = "do not index me";</script>
<style>.SECRET_STYLE_TEXT { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>River floods valley</h1>
<p>{body1}</p>
<img src="x.png" onerror="alert('SECRET_ONERROR_TEXT')">
<script>document.write('SECRET_INLINE_SCRIPT')</script>
<p>{body2}</p>
<p>{body3}</p>
</article></body></html>"""


def html_page() -> bytes:
    paras = ARTICLE.split("\n\n")
    return (
        HTML_PAGE.replace("{body1}", paras[0])
        .replace("{body2}", paras[1])
        .replace("{body3}", paras[2])
        .encode("utf-8")
    )


# --------------------------------------------------------------------------- good input


def test_status_columns_and_good_files():
    result = read_uploads([good("one.txt"), good("two.md")])
    assert list(result.statuses.columns) == STATUS_COLUMNS
    assert [d.doc_id for d in result.documents] == ["one", "two"]
    assert set(result.statuses["status"]) == {"analysed"}
    assert all(result.statuses["chars"] > 100)
    assert result.documents[0].source_name == "one.txt"


def test_doc_ids_are_sanitised_and_unique():
    result = read_uploads([good("My Article (final)!.txt"), good("dir/../é?.txt")])
    ids = [d.doc_id for d in result.documents]
    assert ids[0] == "My_Article_final"
    assert all(c.isalnum() or c in "_-" for i in ids for c in i)


def test_html_metadata_and_no_script_text():
    result = read_uploads([("page.html", html_page()), good("good.txt")])
    assert_good(result, "good.txt")
    r = row(result, "page.html")
    assert r["status"] == "analysed"
    doc = next(d for d in result.documents if d.doc_id == "page")
    assert "Storm Bert" in doc.text
    for secret in ("SECRET_SCRIPT_TEXT", "SECRET_STYLE_TEXT", "SECRET_ONERROR", "SECRET_INLINE"):
        assert secret not in doc.text and secret not in doc.boilerplate
    assert doc.outlet == "Valley Gazette"
    assert doc.byline == "Jane Roe"
    assert doc.published.startswith("2024-11-24")
    assert "River floods valley" in doc.title


def test_html_fallback_extractor_strips_scripts():
    tiny = (
        b"<html><head><title>Short note</title><script>var SECRET_X=1;</script></head>"
        b"<body><p>Officials said the road would reopen.</p><style>p{}</style>"
        b"<script>var SECRET_Y=2;</script><noscript>SECRET_Z</noscript></body></html>"
    )
    text, hints = readers.read_html(tiny)
    assert "Officials said the road would reopen." in text
    assert "SECRET_X" not in text and "SECRET_Y" not in text and "p{}" not in text
    parser = readers._TextOnlyParser()
    parser.feed(tiny.decode())
    assert "SECRET" not in parser.text() and "p{}" not in parser.text()
    assert "Officials said the road would reopen." in parser.text()
    assert parser.title == "Short note"


def test_pdf_with_text_and_docx_are_read():
    pdf = make_pdf("Storm Bert flooded the valley on Sunday.\nThe council said 200 homes flooded.")
    docx_bytes = make_docx(ARTICLE.split("\n\n"))
    result = read_uploads([("report.pdf", pdf), ("memo.docx", docx_bytes)])
    assert row(result, "report.pdf")["status"] == "analysed"
    assert row(result, "memo.docx")["status"] == "analysed"
    texts = {d.doc_id: d.text for d in result.documents}
    assert "Storm Bert flooded the valley" in texts["report"]
    assert "Environment Agency" in texts["memo"]


def test_manifest_upload_supplies_metadata():
    manifest = b"doc_id,outlet,title,published,byline,url\none,Valley Gazette,Flood,2024-11-24,,\n"
    result = read_uploads([good("one.txt"), ("sources.csv", manifest)])
    doc = result.documents[0]
    assert (doc.outlet, doc.title, doc.published) == ("Valley Gazette", "Flood", "2024-11-24")
    assert row(result, "sources.csv")["reason"] == "manifest"


def test_zip_of_articles_is_expanded():
    data = make_zip({"a.txt": article("a").encode(), "sub/b.md": article("b").encode()})
    result = read_uploads([("pack.zip", data)])
    assert [d.doc_id for d in result.documents] == ["a", "b"]
    assert row(result, "pack.zip/sub/b.md")["status"] == "analysed"


# --------------------------------------------------------------------------- bad input suite


def test_empty_file():
    r, _ = run_bad("empty.txt", b"")
    assert (r["status"], r["reason"]) == ("skipped", REASON_EMPTY)
    r, _ = run_bad("blank.txt", b"  \n\t \r\n")
    assert r["reason"] == REASON_EMPTY


def test_binary_named_txt():
    r, _ = run_bad("data.txt", bytes(range(256)) * 20)
    assert (r["status"], r["reason"]) == ("skipped", REASON_BINARY)
    r, _ = run_bad("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x01\x02" * 100)
    assert r["reason"] == REASON_BINARY


def test_unsupported_types():
    for name in ("setup.exe", "photo.png", "sheet.xlsx"):
        r, _ = run_bad(name, b"MZ\x90\x00whatever")
        assert (r["status"], r["reason"]) == ("skipped", REASON_UNSUPPORTED), name


def test_latin1_decoded():
    text = article("latin") + "\n\nThe café owner in Zürich said the façade was damaged."
    r, result = run_bad("latin.txt", text.encode("latin-1"))
    assert r["status"] == "analysed"
    doc = next(d for d in result.documents if d.doc_id == "latin")
    assert "café owner in Zürich said the façade" in doc.text


def test_windows_1252_smart_quotes():
    text = article("cp") + "\n\n“It’s a disaster,” said José – the café’s owner — on Monday."
    r, result = run_bad("cp1252.txt", text.encode("cp1252"))
    assert r["status"] == "analysed"
    doc = next(d for d in result.documents if d.doc_id == "cp1252")
    assert "“It’s a disaster,” said José – the café’s owner — on Monday." in doc.text


def test_utf16_with_bom_and_utf8_bom():
    text = article("utf16") + "\n\nThe café reopened."
    r, result = run_bad("wide.txt", text.encode("utf-16"))
    assert r["status"] == "analysed"
    doc = next(d for d in result.documents if d.doc_id == "wide")
    assert "The café reopened." in doc.text and "\x00" not in doc.text
    r, result = run_bad("bom.txt", b"\xef\xbb\xbf" + article("bom").encode())
    assert r["status"] == "analysed"
    assert not next(d for d in result.documents if d.doc_id == "bom").title.startswith("\ufeff")


def test_encoding_undetectable():
    r, _ = run_bad("odd.txt", bytes(range(0xA0, 0x100)) * 3 + b"\x81\x8d\x8f")
    assert (r["status"], r["reason"]) == ("skipped", REASON_ENCODING)


def test_huge_file_and_totals():
    limits = Limits(max_file_bytes=5_000)
    r, _ = run_bad("huge.txt", article("huge").encode() * 20, limits)
    assert (r["status"], r["reason"]) == ("skipped", REASON_TOO_LARGE)
    # Default limit: a 6 MB file is refused without being decoded.
    r, _ = run_bad("big.txt", b"a" * (6 * 1024 * 1024))
    assert r["reason"] == REASON_TOO_LARGE
    result = read_uploads(
        [good("good.txt"), good("b.txt"), good("c.txt")], Limits(max_total_bytes=1_500)
    )
    assert_good(result, "good.txt")
    assert row(result, "c.txt")["reason"] == REASON_TOTAL_TOO_LARGE


def test_too_many_files():
    files = [good("good.txt")] + [good(f"f{i}.txt") for i in range(4)]
    result = read_uploads(files, Limits(max_files=3))
    assert_good(result, "good.txt")
    assert len(result.documents) == 3
    assert list(result.statuses["reason"]).count(REASON_TOO_MANY) == 2


def test_zip_bomb_member_rejected_alone_with_its_own_row():
    bomb = make_zip({"zeros.txt": b"\x00" * (50 * 1024 * 1024), "ok.txt": article("z").encode()})
    assert len(bomb) < 200_000
    result = read_uploads([("bomb.zip", bomb), good("good.txt")])
    assert_good(result, "good.txt")
    r = row(result, "bomb.zip/zeros.txt")
    assert (r["status"], r["reason"]) == ("skipped", REASON_ZIP_BOMB)
    assert "expands" in r["message"]
    assert row(result, "bomb.zip/ok.txt")["status"] == "analysed"
    # Too many members is an archive-level bomb: one row for the archive.
    many = make_zip({f"a{i}.txt": b"x" for i in range(250)})
    r, _ = run_bad("many.zip", many)
    assert (r["status"], r["reason"]) == ("skipped", REASON_ZIP_BOMB)


def test_archive_total_names_every_member_not_read():
    members = {f"m{i}.txt": article(f"m{i}").encode() for i in range(5)}
    size = len(members["m0.txt"])
    result = read_uploads([("pack.zip", make_zip(members))], Limits(max_unzipped_bytes=size * 3))
    statuses = {r["file"]: r for r in result.statuses.to_dict("records")}
    assert [statuses[f"pack.zip/m{i}.txt"]["status"] for i in range(5)] == ["analysed"] * 3 + [
        "skipped"
    ] * 2
    assert "passed" in statuses["pack.zip/m4.txt"]["message"]


def test_zip_bomb_entry_skipped_others_kept():
    # Incompressible padding keeps the archive's total ratio low, so the per-entry rule fires.
    data = make_zip(
        {
            "pad.bin.txt": random.Random(0).randbytes(700_000),
            "zeros.txt": b" " * (40 * 1024 * 1024),
            "fine.txt": article("fine").encode(),
        }
    )
    result = read_uploads([("mixed.zip", data), good("good.txt")])
    assert_good(result, "good.txt")
    assert row(result, "mixed.zip/zeros.txt")["reason"] == REASON_ZIP_BOMB
    assert row(result, "mixed.zip/fine.txt")["status"] == "analysed"
    assert row(result, "mixed.zip/pad.bin.txt")["reason"] == REASON_BINARY


def test_docx_bomb():
    body = b'<?xml version="1.0"?><w:document>' + b" " * (20 * 1024 * 1024) + b"</w:document>"
    bomb = make_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": body})
    r, _ = run_bad("bomb.docx", bomb)
    assert (r["status"], r["reason"]) == ("skipped", REASON_ZIP_BOMB)
    many = make_zip({f"word/part{i}.xml": b"<x/>" for i in range(300)})
    r, _ = run_bad("many.docx", many)
    assert r["reason"] == REASON_ZIP_BOMB


def test_corrupt_docx_and_zip():
    r, _ = run_bad("broken.docx", b"this is not a zip file at all")
    assert (r["status"], r["reason"]) == ("skipped", REASON_CORRUPT)
    r, _ = run_bad("broken.zip", b"PK\x03\x04 truncated")
    assert r["reason"] == REASON_CORRUPT


def test_textless_pdf():
    r, _ = run_bad("scan.pdf", make_pdf(None))
    assert (r["status"], r["reason"]) == ("skipped", REASON_NO_TEXT)


def test_corrupt_pdf():
    r, _ = run_bad("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog garbage")
    assert (r["status"], r["reason"]) == ("skipped", REASON_CORRUPT)
    r, _ = run_bad("fake.pdf", b"just some text pretending to be a pdf")
    assert r["reason"] == REASON_CORRUPT


def test_duplicate_names_different_content_both_kept():
    result = read_uploads([("a.txt", article("x").encode()), ("a.txt", article("y").encode())])
    assert [d.doc_id for d in result.documents] == ["a", "a-2"]
    assert list(result.statuses["status"]) == ["analysed", "analysed"]


def test_duplicate_names_same_content():
    data = article("same").encode()
    result = read_uploads([("a.txt", data), ("a.txt", data), good("good.txt")])
    assert_good(result, "good.txt")
    reasons = list(result.statuses["reason"])
    assert reasons.count(REASON_DUPLICATE) == 1
    dup = result.statuses[result.statuses["reason"] == REASON_DUPLICATE].iloc[0]
    assert dup["status"] == "skipped" and "a.txt" in dup["message"]
    assert [d.doc_id for d in result.documents] == ["a", "good"]


def test_duplicate_content_different_names_and_encodings():
    text = article("dup")
    variant = text.replace("\n\n", "\r\n\r\n  ").encode("utf-16")
    result = read_uploads([("first.txt", text.encode()), ("second.txt", variant), good("good.txt")])
    assert_good(result, "good.txt")
    r = row(result, "second.txt")
    assert (r["status"], r["reason"]) == ("skipped", REASON_DUPLICATE)
    assert "first.txt" in r["message"]


def test_non_english_analysed_with_warning():
    french = (
        "Le président a déclaré mardi que le gouvernement allait présenter un nouveau projet "
        "de loi sur les retraites, malgré les manifestations qui se poursuivent dans plusieurs "
        "villes du pays depuis le début du mois. Les syndicats ont appelé à une nouvelle "
        "journée de grève la semaine prochaine."
    )
    r, result = run_bad("francais.txt", french.encode())
    assert (r["status"], r["reason"]) == ("analysed", REASON_NOT_ENGLISH)
    doc = next(d for d in result.documents if d.doc_id == "francais")
    assert any("not English" in n for n in doc.notes)
    assert not likely_not_english(ARTICLE * 2)


def test_two_megabyte_single_line_is_truncated_quickly():
    sentence = "The council said the flood barrier would be repaired before the winter. "
    line = (sentence * (2_000_000 // len(sentence) + 1))[:2_000_000]
    start = time.monotonic()
    r, result = run_bad("oneline.txt", line.encode())
    assert time.monotonic() - start < 10
    assert (r["status"], r["reason"]) == ("truncated", REASON_TRUNCATED)
    assert f"{MAX_DOC_CHARS:,}" in r["message"]
    doc = next(d for d in result.documents if d.doc_id == "oneline")
    assert 0 < len(doc.text) <= MAX_DOC_CHARS


def test_pathological_brackets_do_not_hang():
    start = time.monotonic()
    result = read_uploads([("brackets.txt", b"[" * 300_000), good("good.txt")])
    assert time.monotonic() - start < 10
    assert_good(result, "good.txt")
    assert row(result, "brackets.txt")["status"] in ("skipped", "truncated")


def test_zip_unsafe_paths_and_nested_zip():
    inner = make_zip({"x.txt": article("inner").encode()})
    data = make_zip(
        {
            "../evil.txt": article("evil").encode(),
            "/etc/abs.txt": article("abs").encode(),
            "C:\\win.txt": article("win").encode(),
            "ok.txt": article("ok").encode(),
            "inner.zip": inner,
            "__MACOSX/._ok.txt": b"\x00\x05\x16\x07",
        }
    )
    result = read_uploads([("pack.zip", data), good("good.txt")])
    assert_good(result, "good.txt")
    for name in ("../evil.txt", "/etc/abs.txt", "C:\\win.txt"):
        r = row(result, f"pack.zip/{name}")
        assert (r["status"], r["reason"]) == ("skipped", REASON_UNSAFE_PATH), name
    assert row(result, "pack.zip/ok.txt")["status"] == "analysed"
    assert row(result, "pack.zip/inner.zip")["reason"] == REASON_NESTED_ZIP
    assert not any("MACOSX" in f for f in result.statuses["file"])
    assert {d.doc_id for d in result.documents} == {"ok", "good"}


def test_read_uploads_never_raises_on_odd_input():
    result = read_uploads([("", b""), ("noext", article("noext").encode()), ("x.TXT", b"\x00")])
    assert len(result.statuses) == 3
    assert row(result, "noext")["status"] == "analysed"
    result = read_uploads([good("seed.txt")], existing_ids={"seed"})
    assert [d.doc_id for d in result.documents] == ["seed-2"]


# --------------------------------------------------------------------------- paste


def test_document_from_paste():
    doc = document_from_paste(ARTICLE, outlet="Valley Gazette", title="River floods valley")
    assert doc.outlet == "Valley Gazette" and doc.title == "River floods valley"
    assert doc.doc_id == "river_floods_valley"
    again = document_from_paste(ARTICLE, title="River floods valley", existing_ids={doc.doc_id})
    assert again.doc_id == "river_floods_valley-2"
    assert document_from_paste(ARTICLE).doc_id == "pasted"
    with pytest.raises(ValueError):
        document_from_paste("   \n ")


# --------------------------------------------------------------------------- URLs


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self):  # noqa: N802 - http.server API
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if "Content-Length" not in headers and headers.get("X-No-Length") != "1":
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    _Handler.routes = {
        "/news/flood.html": (200, {"Content-Type": "text/html; charset=utf-8"}, html_page()),
        "/plain.txt": (200, {"Content-Type": "text/plain"}, article("plain").encode()),
        "/big.html": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 50_000 + b"</p>"),
        "/stream.html": (
            200,
            {"Content-Type": "text/html", "X-No-Length": "1", "Connection": "close"},
            b"<p>" + b"y" * 50_000 + b"</p>",
        ),
        "/redirect": (302, {"Location": "/news/flood.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/to-metadata": (302, {"Location": "http://169.254.169.254/latest/"}, b""),
        "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/article.txt",
        "gopher://example.com/",
        "javascript:alert(1)",
        "http://10.1.2.3/article",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://user:pw@example.com/",
    ],
)
def test_fetch_refuses_unsafe_urls(url, monkeypatch):
    monkeypatch.delenv(ENV_ALLOW_PRIVATE, raising=False)
    doc, status = fetch_url(url)
    assert doc is None
    assert (status["status"], status["reason"]) == ("skipped", REASON_REFUSED_URL), status


def test_fetch_refuses_loopback_by_default(server, monkeypatch):
    monkeypatch.delenv(ENV_ALLOW_PRIVATE, raising=False)
    for url in (server + "/plain.txt", server.replace("127.0.0.1", "localhost") + "/plain.txt"):
        doc, status = fetch_url(url)
        assert doc is None and status["reason"] == REASON_REFUSED_URL, status
        assert "loopback" in status["message"]


def test_link_local_refused_even_when_private_allowed():
    doc, status = fetch_url("http://169.254.169.254/", allow_private=True)
    assert doc is None and status["reason"] == REASON_REFUSED_URL


def test_fetch_html_from_local_server(server, monkeypatch):
    monkeypatch.setenv(ENV_ALLOW_PRIVATE, "1")
    doc, status = fetch_url(server + "/news/flood.html", existing_ids={"flood"})
    assert status["status"] == "analysed", status
    assert doc is not None and doc.doc_id == "flood-2"
    assert "Storm Bert" in doc.text and "SECRET" not in doc.text
    assert doc.outlet == "Valley Gazette"
    assert doc.url.endswith("/news/flood.html")


def test_fetch_plain_text_outlet_from_domain(server):
    doc, status = fetch_url(server + "/plain.txt", allow_private=True)
    assert status["status"] == "analysed", status
    assert doc.outlet == "127.0.0.1"
    assert "Storm Bert" in doc.text


def test_fetch_size_bound(server):
    small = Limits(url_max_bytes=10_000)
    for path in ("/big.html", "/stream.html"):
        doc, status = fetch_url(server + path, small, allow_private=True)
        assert doc is None and status["reason"] == REASON_TOO_LARGE, (path, status)


def test_fetch_redirects(server):
    doc, status = fetch_url(server + "/redirect", allow_private=True)
    assert status["status"] == "analysed" and doc.url.endswith("/news/flood.html")
    _, status = fetch_url(server + "/loop", allow_private=True)
    assert status["reason"] == REASON_TOO_MANY_REDIRECTS
    for path in ("/to-file", "/to-metadata"):
        _, status = fetch_url(server + path, allow_private=True)
        assert status["reason"] == REASON_REFUSED_URL, (path, status)


def test_fetch_unsupported_and_missing(server):
    _, status = fetch_url(server + "/image.png", allow_private=True)
    assert status["reason"] == REASON_UNSUPPORTED
    _, status = fetch_url(server + "/missing", allow_private=True)
    assert status["reason"] == REASON_FETCH_FAILED and "404" in status["message"]


# --------------------------------------------------------------------------- bundles and paths


def _fields(doc):
    return (
        doc.doc_id,
        doc.text,
        doc.outlet,
        doc.title,
        doc.published,
        doc.byline,
        doc.url,
        doc.boilerplate,
        doc.source_name,
        doc.notes,
    )


def test_bundle_round_trip(tmp_path):
    docs = load_corpus(SEEDS).documents
    extra = document_from_paste(ARTICLE, outlet='Gazette, "Valley"', title="Flood, again")
    extra.published = "2024-11-24 09:30"
    extra.byline = "Jane Roe; John Doe"
    docs = [*docs, extra]
    data = write_bundle(docs)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
    assert {"sources.csv", "bundle.json", f"{extra.doc_id}.txt"} <= names
    restored = read_bundle(data)
    assert restored.problems == []
    assert [_fields(d) for d in restored.documents] == [_fields(d) for d in docs]
    assert [d.content_hash for d in restored.documents] == [d.content_hash for d in docs]
    path = tmp_path / "bundle.zip"
    path.write_bytes(data)
    assert [_fields(d) for d in load_corpus(path).documents] == [_fields(d) for d in docs]
    uploaded = read_uploads([("bundle.zip", data)])
    assert [_fields(d) for d in uploaded.documents] == [_fields(d) for d in docs]


def test_load_corpus_path_seeds_matches_load_folder():
    mine = load_corpus(SEEDS)
    theirs = load_corpus(SEEDS)
    assert mine.problems == []
    assert [_fields(d)[:7] for d in mine.documents] == [_fields(d)[:7] for d in theirs.documents]


def test_load_corpus_path_mixed_folder(tmp_path):
    (tmp_path / "good.txt").write_text(article("good"), encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes(
        (article("lat") + "\n\nThe café closed.").encode("latin-1")
    )
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "page.html").write_bytes(html_page())
    (tmp_path / "sources.csv").write_text(
        "doc_id,outlet,title,published,byline,url\ngood,Good Times,,,,\n", encoding="utf-8"
    )
    corpus = load_corpus(tmp_path)
    docs = {d.doc_id: d for d in corpus.documents}
    assert set(docs) == {"good", "latin", "page"}
    assert docs["good"].outlet == "Good Times"
    assert "The café closed." in docs["latin"].text
    problems = dict(corpus.problems)
    assert set(problems) == {"binary.txt", "empty.md"}
    assert "not text" in problems["binary.txt"] and "empty" in problems["empty.md"]


def test_load_corpus_path_plain_zip_and_missing(tmp_path):
    path = tmp_path / "articles.zip"
    path.write_bytes(make_zip({"a.txt": article("a").encode(), "b.exe": b"MZ"}))
    corpus = load_corpus(path)
    assert [d.doc_id for d in corpus.documents] == ["a"]
    assert corpus.problems and corpus.problems[0][0] == "articles.zip/b.exe"
    with pytest.raises(FileNotFoundError):
        load_corpus(tmp_path / "nope")


def test_parse_time_exceeded(monkeypatch):
    with pytest.raises(IngestError) as info:
        with_timeout(lambda: time.sleep(2), 0.05)
    assert info.value.reason == REASON_TIMEOUT
    real = readers.read_html

    def slow_read_html(data, *args):
        if b"SLOW" in data:
            time.sleep(1.5)
        return real(data, *args)

    monkeypatch.setattr(readers, "read_html", slow_read_html)
    files = [("slow.html", b"<p>SLOW</p>" + html_page()), ("page.html", html_page())]
    result = read_uploads([*files, good("good.txt")], Limits(parse_timeout_s=0.5))
    assert_good(result, "good.txt")
    assert row(result, "slow.html")["reason"] == REASON_TIMEOUT
    assert row(result, "page.html")["status"] == "analysed"


def test_pdf_page_loop_checks_deadline(monkeypatch):
    clock = iter(range(0, 1000, 20))
    monkeypatch.setattr(readers.time, "monotonic", lambda: float(next(clock)))
    with pytest.raises(IngestError) as info:
        readers.read_pdf(make_pdf("Storm Bert flooded the valley."), Limits(parse_timeout_s=10))
    assert info.value.reason == REASON_TIMEOUT


def test_mostly_utf8_with_a_stray_byte_stays_utf8():
    text = article("mixed") + "\n\n“Smart quotes” and café in UTF-8, then a stray byte: \x00"
    data = text.encode("utf-8").replace(b"\x00", b"\x92")
    r, result = run_bad("mixed.txt", data)
    assert r["status"] == "analysed"
    doc = next(d for d in result.documents if d.doc_id == "mixed")
    assert "“Smart quotes” and café" in doc.text and "â€" not in doc.text
