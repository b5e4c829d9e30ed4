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
