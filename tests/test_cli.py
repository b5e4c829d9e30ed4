"""The command line, run as a user would."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from tests.conftest import ROOT


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "lib", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_documents_csv():
    res = run("documents", "--format", "csv")
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 5
    outlets = {r["doc_id"][:3]: r["outlet"] for r in rows}
    assert outlets["001"] == "ICARO Media Group"
    assert outlets["003"] == "TDPel Media"
    assert outlets["004"] == "The Moscow Times"
    assert outlets["000"] == "Unknown (000_ff69cd40d1c1fadd)"
    assert [r for r in rows if r["doc_id"].startswith("004")][0]["byline"] == "AFP"


def test_outlet_filter_and_json():
    res = run("entities", "--format", "json", "--outlet", "TDPel Media")
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert rows and {r["outlet"] for r in rows} == {"TDPel Media"}


def test_cooccurrence_options():
    res = run("cooccurrence", "--window", "paragraph", "--metric", "npmi")
    assert res.returncode == 0, res.stderr
    header = res.stdout.splitlines()[0].split(",")
    assert header == ["entity_a", "entity_b", "count", "jaccard", "npmi"]


def test_bad_arguments_exit_2_with_one_line(tmp_path):
    for args in (
        ["nonsense"],
        ["documents", "--format", "xml"],
        ["documents", "--outlet", "No Such Outlet"],
        ["documents", "--corpus", str(tmp_path / "missing")],
        ["documents", "--corpus", str(tmp_path)],
    ):
        res = run(*args)
        assert res.returncode == 2, args
        assert len(res.stderr.strip().splitlines()) == 1, res.stderr
        assert "Traceback" not in res.stderr
        assert res.stdout == ""
