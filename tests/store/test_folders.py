"""Analysis folders and parallel parsing (lib.store): save and load, versions, the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from lib.analysis import analyze
from lib.parsing import make_parser
from lib.parsing.local import InProcess
from lib.store import folders as batch
from lib.store.folders import AnalysisFolderError, is_analysis_folder, load_analysis, save_analysis
from lib.versions import text_key
from tests.helpers import ROOT, SEEDS
from tests.store.test_cache import assert_same_analysis


def run_cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "lib", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_save_load_round_trip(tmp_path, seed_analysis):
    out = save_analysis(seed_analysis, tmp_path / "a")
    assert is_analysis_folder(out)
    assert not is_analysis_folder(SEEDS)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["analysis_version"]
    assert manifest["outlets"] == seed_analysis.outlets
    assert manifest["doc_ids"] == seed_analysis.documents["doc_id"].tolist()
    assert manifest["text_keys"] == [text_key(t) for t in seed_analysis.texts["text"]]
    assert manifest["tables"]["mentions"]["rows"] == len(seed_analysis.mentions)
    loaded = load_analysis(out)
    assert_same_analysis(loaded, seed_analysis)
    assert loaded.problems == seed_analysis.problems


def test_load_rejects_other_versions_and_damage(tmp_path, seed_analysis):
    out = save_analysis(seed_analysis, tmp_path / "a")
    manifest = json.loads((out / "manifest.json").read_text())
    (out / "manifest.json").write_text(json.dumps({**manifest, "analysis_version": "0.0.0-old"}))
    with pytest.raises(AnalysisFolderError, match="analysis version"):
        load_analysis(out)
    (out / "manifest.json").write_text(json.dumps(manifest))
    (out / "quotes.parquet").write_bytes(b"not parquet")
    with pytest.raises(AnalysisFolderError, match="quotes"):
        load_analysis(out)
    with pytest.raises(AnalysisFolderError):
        load_analysis(SEEDS)


def test_two_worker_processes_give_the_same_analysis(nlp):
    from benchmarks.synth import synthetic_documents

    docs = synthetic_documents(24, outlets=6)
    one = analyze(docs, InProcess(nlp))
    parser = make_parser(2, 60.0, chunk_texts=5)
    try:
        two = analyze(docs, parser)
    finally:
        parser.close()
    assert_same_analysis(one, two)
    assert one.outlets == [f"Outlet {i:03d}" for i in range(6)]


def test_cli_analyze_then_tables_read_the_folder(tmp_path, capsys):
    out = tmp_path / "analysis"
    env = {"COVERAGE_LENS_CACHE_DIR": str(tmp_path / "cache")}
    res = run_cli("analyze", "--corpus", str(SEEDS), "--out", str(out), "--processes", "2", env=env)
    assert res.returncode == 0, res.stderr
    assert "wrote" in res.stderr and is_analysis_folder(out)
    assert any((tmp_path / "cache" / "docs").glob("*.parquet")), "analyze fills the disk cache"
    from lib.cli import main

    for args in (
        ("documents",),
        ("mentions", "--outlet", "TDPel Media"),
        ("cooccurrence", "--window", "paragraph", "--metric", "npmi"),
        ("claims", "--format", "json"),
        ("quotes",),
    ):
        assert main(list(args)) == 0
        direct = capsys.readouterr().out
        assert main([*args, "--corpus", str(out)]) == 0
        from_folder = capsys.readouterr().out
        assert direct and from_folder == direct, args
    docs = pd.read_parquet(out / "documents.parquet")
    assert len(docs) == 5


def test_cli_analyze_errors(tmp_path):
    res = run_cli("analyze", "--corpus", str(SEEDS))
    assert res.returncode == 2 and "--out" in res.stderr
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    res = run_cli("analyze", "--corpus", str(SEEDS), "--out", str(tmp_path / "busy"))
    assert res.returncode == 2 and "not an empty folder" in res.stderr
    res = run_cli("analyze", "--out", str(tmp_path / "x"), "--processes", "0")
    assert res.returncode == 2
    # an analysis folder from another pipeline version: one clear line, exit 2
    bad = tmp_path / "old"
    bad.mkdir()
    (bad / "manifest.json").write_text(
        json.dumps(
            {"format": batch.FORMAT, "format_version": 1, "analysis_version": "0", "tables": {}}
        )
    )
    res = run_cli("documents", "--corpus", str(bad))
    assert res.returncode == 2 and "analysis version" in res.stderr
