"""Bundles: a malformed bundle.json gives one clear reason; bundle texts obey the limits."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest

from lib.corpus.document import Document
from lib.ingest.bundles import read_bundle, write_bundle
from lib.ingest.limits import Limits
from tests.helpers import ROOT


def with_marker(marker) -> bytes:
    good = write_bundle([Document(doc_id="a", text="The council met on Monday. " * 5)])
    src, out = zipfile.ZipFile(io.BytesIO(good)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "bundle.json":  # the real marker with fields overridden
                data = json.dumps({**json.loads(data), **marker}).encode()
            dst.writestr(info, data)
    return out.getvalue()


BAD_MARKERS = [
    {"version": 1, "notes": 5},
    {"version": [1]},
    {"version": "1"},
    {"version": 1, "documents": [5]},
    {"version": 1, "documents": [{"doc_id": "a", "notes": 7}]},
    {"version": 1, "documents": {"a": 1}},
]


@pytest.mark.parametrize("marker", BAD_MARKERS)
def test_malformed_marker_is_one_clear_reason(marker):
    corpus = read_bundle(with_marker(marker), "bad.zip")
    assert corpus.documents == []
    ((name, reason),) = corpus.problems
    assert name == "bad.zip" and "bundle.json" in reason
    assert "object is not" not in reason and "Traceback" not in reason


@pytest.mark.parametrize("marker", BAD_MARKERS[:2])
def test_cli_on_a_malformed_bundle_exits_2_with_one_line(tmp_path, marker):
    path = tmp_path / "bad.zip"
    path.write_bytes(with_marker(marker))
    res = subprocess.run(
        [sys.executable, "-m", "lib", "documents", "--corpus", str(path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert res.returncode == 2, res
    assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) >= 1
    assert "bundle.json" in res.stderr


def test_long_bundle_texts_are_truncated_like_uploads():
    data = write_bundle([Document(doc_id="long", text="word " * 5000)])
    corpus = read_bundle(data, "b.zip", Limits(max_doc_chars=2000))
    assert len(corpus.documents[0].text) <= 2000


def rebuilt(changes: dict[str, bytes | None], docs=None) -> bytes:
    """A real bundle with members replaced (bytes), removed (None) or added."""
    docs = docs or [
        Document(doc_id="a", text="The council met on Monday. " * 5),
        Document(doc_id="b", text="The river rose on Tuesday. " * 5),
    ]
    src, out = zipfile.ZipFile(io.BytesIO(write_bundle(docs))), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename not in changes:
                dst.writestr(info, src.read(info))
        for name, data in changes.items():
            if data is not None:
                dst.writestr(name, data)
    return out.getvalue()


def statuses(data: bytes) -> dict[str, dict]:
    from lib.ingest.uploads import read_uploads

    result = read_uploads([("b.zip", data)])
    return {r["file"]: r for r in result.statuses.to_dict("records")}


def test_complete_bundle_has_no_partial_row():
    rows = statuses(rebuilt({}))
    assert set(rows) == {"b.zip/a.txt", "b.zip/b.txt"}
    assert {r["status"] for r in rows.values()} == {"analysed"}


def test_file_not_listed_in_sources_csv_gets_a_row():
    rows = statuses(rebuilt({"extra.txt": b"Someone added this article later."}))
    assert rows["b.zip/extra.txt"]["reason"] == "not listed in bundle"
    assert rows["b.zip/a.txt"]["status"] == rows["b.zip/b.txt"]["status"] == "analysed"
    partial = rows["b.zip"]
    assert (partial["status"], partial["reason"]) == ("analysed", "partial bundle")
    assert partial["message"].startswith("2 of 3 files restored")


def test_missing_text_and_bomb_member_each_get_a_row_siblings_kept():
    rows = statuses(rebuilt({"a.txt": None}))
    assert rows["b.zip/a.txt"]["status"] == "skipped"
    assert "does not hold it" in rows["b.zip/a.txt"]["message"]
    assert rows["b.zip/b.txt"]["status"] == "analysed"
    assert rows["b.zip"]["message"].startswith("1 of 2 files restored")
    rows = statuses(rebuilt({"a.txt": b" " * (30 * 1024 * 1024)}))
    assert rows["b.zip/a.txt"]["reason"] == "zip bomb"
    assert rows["b.zip/b.txt"]["status"] == "analysed"
    assert rows["b.zip"]["reason"] == "partial bundle"
    rows = statuses(rebuilt({"sources.csv": b"doc_id,outlet\na\x00,x\nb,y\n"}))
    assert rows["b.zip/b.txt"]["status"] == "analysed"
    assert rows["b.zip/a.txt"]["reason"] == "not listed in bundle"
    assert rows["b.zip"]["message"].startswith("1 of 3 files restored")


BROKEN_BUNDLES = {
    **{f"marker-{i}": with_marker(m) for i, m in enumerate(BAD_MARKERS)},
    "no-sources": rebuilt({"sources.csv": None}),
    "no-doc-id-column": rebuilt({"sources.csv": b"outlet,title\nx,y\n"}),
    "deep-nesting": rebuilt(
        {
            "bundle.json": b'{"format": "coverage-lens-bundle", "version": 1, "documents": '
            + b"[" * 100_000
            + b"]" * 100_000
            + b"}"
        }
    ),
}


def test_deeply_nested_bundle_json_says_so():
    message = statuses(BROKEN_BUNDLES["deep-nesting"])["b.zip"]["message"]
    assert message == "Damaged bundle: nesting too deep."


@pytest.mark.parametrize("name", sorted(BROKEN_BUNDLES))
def test_broken_bundle_is_one_row_and_one_cli_line(name, tmp_path, capsys):
    from lib import cli

    rows = statuses(BROKEN_BUNDLES[name])
    assert list(rows) == ["b.zip"] and rows["b.zip"]["status"] == "skipped"
    message = rows["b.zip"]["message"]
    assert message.startswith("Damaged bundle"), message
    assert "object is not" not in message and "Traceback" not in message
    path = tmp_path / "b.zip"
    path.write_bytes(BROKEN_BUNDLES[name])
    assert cli.main(["documents", "--corpus", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"error: cannot read corpus {path}: Damaged bundle")


def test_bundle_sources_csv_neutralises_formulas_and_reads_them_back_exactly():
    import csv
    import io
    import zipfile

    from lib.corpus.document import Document
    from lib.ingest.bundles import read_bundle, write_bundle

    values = {
        "outlet": '=HYPERLINK("http://evil.example","x")',
        "title": "=cmd|' /C calc'!A0",
        "published": "+SUM(1)",
        "byline": "@name",
        "url": "'=already guarded",
    }
    doc = Document(doc_id="-dash", text="The river rose two metres, officials said.", **values)
    data = write_bundle([doc])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        rows = list(csv.DictReader(io.StringIO(zf.read("sources.csv").decode("utf-8"))))
    assert rows[0]["doc_id"] == "'-dash"
    assert all(rows[0][k].startswith("'") and rows[0][k][1:] == v for k, v in values.items())
    back = read_bundle(data).documents[0]
    assert back.doc_id == "-dash"
    assert {k: getattr(back, k) for k in values} == values
