"""One set of text limits on every entry path: upload, zip, bundle, paste, URL, CLI folder,
CLI zip/bundle and ``COVERAGE_LENS_CORPUS``.

A 1.2-million-character article with a run of 32,000 "(" and a 300,000-character line must
come out of every path cut to the per-article limit, with short lines and short runs of
punctuation (spaCy never sees E088 nor the tokenizer's quadratic bracket case), marked
``truncated``, while a good article read with it is kept.
"""

from __future__ import annotations

import random
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lib.corpus.document import Document
from lib.ingest.bundles import write_bundle
from lib.ingest.limits import LONG_LINE, PUNCT_RUN, limit_text, split_punct_runs
from lib.ingest.local import load_corpus
from lib.ingest.uploads import document_from_paste, read_uploads
from lib.ingest.urls import fetch_url
from lib.schema import MAX_DOC_CHARS
from tests.ingest.test_ingest import article, make_zip

WORDS = (
    "the council said flood barrier would be repaired before winter residents river town "
    "mayor homes water officials agency warning report week monday police road bridge"
).split()


def huge_text() -> str:
    """1.2 million characters: paragraphs, a run of 32k '(' and a 300k-character line.
    The words are shuffled so the text does not compress like a zip bomb."""
    rng = random.Random(17)
    sentences = (" ".join(rng.choices(WORDS, k=12)).capitalize() + "." for _ in range(40_000))
    paragraphs = "\n\n".join(" ".join(next(sentences) for _ in range(8)) for _ in range(4_000))
    text = paragraphs[:400_000] + "\n\n" + "(" * 32_000 + "\n\n" + "word " * 60_000
    return (text + "\n\n" + paragraphs)[:1_200_000]


HUGE = huge_text()


def assert_limited(text: str) -> None:
    assert 0 < len(text) <= MAX_DOC_CHARS
    assert max(len(line) for line in text.split("\n")) <= LONG_LINE
    assert not re.search(rf"[^\w\s]{{{PUNCT_RUN + 1}}}", text)


def test_huge_text_is_what_the_test_says():
    assert len(HUGE) == 1_200_000 and "(" * 32_000 in HUGE
    assert max(len(line) for line in HUGE.split("\n")) >= 300_000


def test_limit_text_applies_every_limit_and_says_so():
    text, notes, cut = limit_text(HUGE, MAX_DOC_CHARS)
    assert cut
    assert_limited(text)
    assert notes[0] == f"Truncated to {MAX_DOC_CHARS:,} characters."
    short, notes, cut = limit_text("x" * 30 + " " + "=" * 50, 1_000)
    assert not cut and short == "x" * 30 + " " + " ".join(["=" * 20, "=" * 20, "=" * 10])
    assert notes == [f"Runs of more than {PUNCT_RUN} punctuation marks were split with spaces."]
    assert split_punct_runs("a -- b ==== c (see p. 4).") == ("a -- b ==== c (see p. 4).", False)


def _uploaded(files):
    result = read_uploads(files)
    rows = {r["file"]: r for r in result.statuses.to_dict("records")}
    docs = {d.doc_id: d for d in result.documents}
    return rows, docs


def test_upload_and_zip_paths():
    good = ("good.txt", article("good").encode())
    rows, docs = _uploaded([("huge.txt", HUGE.encode()), good])
    assert rows["huge.txt"]["status"] == "truncated" and rows["good.txt"]["status"] == "analysed"
    assert_limited(docs["huge"].text)
    pack = make_zip({"huge.txt": HUGE.encode(), "good.txt": article("z").encode()})
    rows, docs = _uploaded([("pack.zip", pack)])
    assert rows["pack.zip/huge.txt"]["status"] == "truncated"
    assert rows["pack.zip/good.txt"]["status"] == "analysed"
    assert_limited(docs["huge"].text)


def _bundle() -> bytes:
    return write_bundle(
        [Document(doc_id="huge", text=HUGE), Document(doc_id="good", text=article("b"))]
    )


def test_bundle_upload_path():
    rows, docs = _uploaded([("b.zip", _bundle())])
    assert rows["b.zip/huge.txt"]["status"] == "truncated"
    assert f"{MAX_DOC_CHARS:,}" in rows["b.zip/huge.txt"]["message"]
    assert rows["b.zip/good.txt"]["status"] == "analysed"
    assert_limited(docs["huge"].text)
    assert docs["good"].text == article("b")  # a normal text is restored exactly


def test_paste_path():
    doc = document_from_paste(HUGE, outlet="Gazette", title="Huge")
    assert_limited(doc.text)
    assert any("Truncated" in note for note in doc.notes)


@pytest.fixture()
def huge_server():
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server API
            body = HUGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_path(huge_server):
    doc, row = fetch_url(huge_server + "/huge.txt", allow_private=True)
    assert row["status"] == "truncated", row
    assert_limited(doc.text)


def _folder(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "huge.txt").write_text(HUGE, encoding="utf-8")
    (folder / "good.txt").write_text(article("good"), encoding="utf-8")
    return folder


def test_cli_folder_zip_and_bundle_paths(tmp_path):
    corpus = load_corpus(_folder(tmp_path))
    docs = {d.doc_id: d for d in corpus.documents}
    assert set(docs) == {"huge", "good"}
    assert_limited(docs["huge"].text)
    assert [name for name, _ in corpus.problems] == ["huge.txt"]
    assert "truncated" in corpus.problems[0][1]
    plain = tmp_path / "plain.zip"
    plain.write_bytes(make_zip({"huge.txt": HUGE.encode(), "good.txt": article("g").encode()}))
    bundle = tmp_path / "bundle.zip"
    bundle.write_bytes(_bundle())
    for path in (plain, bundle):
        docs = {d.doc_id: d for d in load_corpus(path).documents}
        assert set(docs) == {"huge", "good"}, path
        assert_limited(docs["huge"].text)


def test_coverage_lens_corpus_path(tmp_path, monkeypatch):
    from lib.settings import CORPUS_ENV
    from lib.ui import resources

    bundle = tmp_path / "bundle.zip"
    bundle.write_bytes(_bundle())
    monkeypatch.setenv(CORPUS_ENV, str(bundle))
    resources.example_corpus.clear()
    try:
        documents, problems, analysis = resources.example_corpus()
    finally:
        resources.example_corpus.clear()
    assert analysis is None
    docs = {d.doc_id: d for d in documents}
    assert set(docs) == {"huge", "good"}
    assert_limited(docs["huge"].text)
    assert [name for name, _ in problems] == ["bundle.zip/huge.txt"]
