"""The seed analysis shipped in ``assets/seed-analysis`` (the app's first page needs no spaCy).

When this fails, the extraction code, its data or the seeds changed since the folder was
made: regenerate it with

    .venv/bin/python -m lib analyze --corpus seeds --out assets/seed-analysis
"""

from __future__ import annotations

from dataclasses import replace

from lib.store.folders import fresh_analysis, load_analysis, save_analysis, stale_reason
from lib.ui.resources import SEED_ANALYSIS
from tests.store.test_cache import assert_same_analysis

REGENERATE = "python -m lib analyze --corpus seeds --out assets/seed-analysis"


def test_shipped_seed_analysis_is_current(seed_corpus):
    reason = stale_reason(SEED_ANALYSIS, seed_corpus.documents)
    assert reason is None, f"assets/seed-analysis is stale ({reason}); run `{REGENERATE}`"


def test_shipped_seed_analysis_equals_a_fresh_one(seed_corpus, seed_analysis):
    shipped = fresh_analysis(SEED_ANALYSIS, seed_corpus.documents)
    assert shipped is not None, f"stale: run `{REGENERATE}`"
    assert_same_analysis(shipped, seed_analysis)


def test_a_stale_or_damaged_folder_is_never_trusted(tmp_path, seed_corpus, seed_analysis):
    docs = seed_corpus.documents
    copy = save_analysis(seed_analysis, tmp_path / "a")
    assert stale_reason(copy, docs) is None and fresh_analysis(copy, docs) is not None
    assert stale_reason(copy, docs[:4]) == "the documents differ (ids)"
    edited = [*docs[:4], replace(docs[4], title="Another")]
    assert stale_reason(copy, edited) == "the documents differ (text or metadata)"
    assert fresh_analysis(copy, edited) is None
    manifest = copy / "manifest.json"
    manifest.write_text(
        manifest.read_text().replace('"analysis_version": "', '"analysis_version": "x')
    )
    assert "analysis version" in stale_reason(copy, docs)
    assert fresh_analysis(copy, docs) is None
    (copy / "manifest.json").unlink()
    assert fresh_analysis(copy, docs) is None
    assert fresh_analysis(tmp_path / "missing", docs) is None


def test_damaged_table_is_recomputed_not_an_error(tmp_path, seed_corpus, seed_analysis):
    copy = save_analysis(seed_analysis, tmp_path / "a")
    (copy / "mentions.parquet").write_bytes(b"not parquet")
    assert fresh_analysis(copy, seed_corpus.documents) is None
    assert len(load_analysis(SEED_ANALYSIS, check_version=False).documents) == 5
