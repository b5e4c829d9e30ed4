"""The on-disk analysis cache (lib.store.cache): round trip, corruption, versions, size bound."""

from __future__ import annotations

import dataclasses
import os
import time

import pandas as pd
import pytest

from lib import settings, versions
from lib.analysis import analyze
from lib.parsing.local import InProcess
from lib.records import Figure, Mention, Parts, Sentence
from lib.store.cache import DiskCache, corpus_key, default_cache
from lib.versions import text_key


class CountingNLP:
    """Wraps the pipeline and counts the texts it parses."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.parsed = 0

    def pipe(self, texts, **kwargs):
        for doc in self.nlp.pipe(texts, **kwargs):
            self.parsed += 1
            yield doc


def assert_same_analysis(a, b) -> None:
    for name in ("documents", "texts", "sentences", "mentions", "entities", "figures"):
        pd.testing.assert_frame_equal(a.table(name), b.table(name), check_like=False)
    pd.testing.assert_frame_equal(a.claims, b.claims)
    pd.testing.assert_frame_equal(a.quotes, b.quotes)
    assert a.outlets == b.outlets


def test_parts_round_trip_equals_fresh_analysis(tmp_path, nlp, seed_corpus, seed_analysis):
    docs = seed_corpus.documents
    disk = DiskCache(tmp_path / "c", max_bytes=50_000_000)
    counting = CountingNLP(nlp)
    first = analyze(docs, InProcess(counting), cache=disk, whole=False)
    assert counting.parsed == len(docs)
    assert len(list((tmp_path / "c" / "docs").glob("*.parquet"))) == len(docs)
    again = analyze(docs, InProcess(counting), cache=disk, whole=False)
    assert counting.parsed == len(docs), "cached documents must not be parsed again"
    assert_same_analysis(first, seed_analysis)
    assert_same_analysis(again, seed_analysis)
    # the stored parts are exactly process_doc's records
    key = text_key(docs[0].text)
    parts = disk.get(key)
    assert isinstance(parts, Parts) and parts.figures and isinstance(parts.figures[0], Figure)
    assert parts.words == int(seed_analysis.documents["words"].iloc[0])


def test_whole_analysis_level(tmp_path, nlp, seed_corpus, seed_analysis):
    docs = seed_corpus.documents
    disk = DiskCache(tmp_path / "c")
    counting = CountingNLP(nlp)
    analyze(docs, InProcess(counting), cache=disk)
    assert (tmp_path / "c" / "corpora" / corpus_key(docs)).is_dir()
    counting.parsed = 0
    again = analyze(docs, InProcess(counting), cache=disk, problems=[("x.pdf", "not text")])
    assert counting.parsed == 0
    assert again.problems == [("x.pdf", "not text")]
    assert_same_analysis(again, seed_analysis)
    # a metadata edit changes the corpus key but reuses every document's parts
    docs2 = list(docs)
    docs2[0] = dataclasses.replace(docs[0], outlet="Renamed Outlet")
    assert corpus_key(docs2) != corpus_key(docs)
    edited = analyze(docs2, InProcess(counting), cache=disk)
    assert counting.parsed == 0
    assert "Renamed Outlet" in edited.outlets


def test_corrupt_file_is_recomputed(tmp_path, nlp, seed_corpus, seed_analysis):
    docs = seed_corpus.documents[:2]
    disk = DiskCache(tmp_path / "c")
    analyze(docs, InProcess(nlp), cache=disk, whole=False)
    key = text_key(docs[0].text)
    path = tmp_path / "c" / "docs" / f"{key}.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    assert disk.get(key) is None
    assert not path.exists(), "a corrupt entry is dropped"
    counting = CountingNLP(nlp)
    result = analyze(docs, InProcess(counting), cache=disk, whole=False)
    assert counting.parsed == 1
    expected = seed_analysis.mentions[seed_analysis.mentions["doc_id"].isin([docs[0].doc_id])]
    got = result.mentions[result.mentions["doc_id"] == docs[0].doc_id]
    assert got["entity"].tolist() == expected["entity"].tolist()
    assert disk.get(key) is not None, "the recomputed parts are stored again"
    # a truncated whole-analysis folder is a miss too
    disk2 = DiskCache(tmp_path / "c2")
    analyze(docs, InProcess(nlp), cache=disk2)
    folder = tmp_path / "c2" / "corpora" / corpus_key(docs)
    (folder / "mentions.parquet").write_bytes(b"garbage")
    assert disk2.get_analysis(corpus_key(docs)) is None
    assert len(analyze(docs, InProcess(nlp), cache=disk2).mentions) == len(result.mentions)


def test_pipeline_version_change_is_a_miss(tmp_path, monkeypatch):
    disk = DiskCache(tmp_path / "c")
    parts = Parts(words=3, mentions=[Mention(text="NATO", label="ORG")])
    disk.put("ab" * 32, parts)
    assert disk.get("ab" * 32) == parts
    before = text_key("same text")
    monkeypatch.setattr(versions, "PIPELINE_VERSION", "999.0")
    assert disk.get("ab" * 32) is None
    # and the extraction key itself changes with the version
    assert text_key("same text") != before


def test_bad_keys_rejected(tmp_path):
    disk = DiskCache(tmp_path / "c")
    with pytest.raises(ValueError):
        disk.get("../../etc/passwd")
    assert disk.get("cd" * 32) is None  # simply missing


def test_size_bound_evicts_least_recently_used(tmp_path):
    disk = DiskCache(tmp_path / "c", max_bytes=10**9)
    big = Parts(words=1, sentences=[Sentence(text=os.urandom(2000).hex())])
    keys = [f"{i:02x}" * 32 for i in range(10)]
    for k in keys:
        disk.put(k, big)
    one = (tmp_path / "c" / "docs" / f"{keys[0]}.parquet").stat().st_size
    # age the entries, oldest first, then touch keys[0] by reading it
    now = time.time()
    for n, k in enumerate(keys):
        os.utime(tmp_path / "c" / "docs" / f"{k}.parquet", (now - 100 + n, now - 100 + n))
    assert disk.get(keys[0]) is not None
    small = DiskCache(tmp_path / "c", max_bytes=one * 5)
    small.put("ff" * 32, big)
    left = {p.stem for p in (tmp_path / "c" / "docs").glob("*.parquet")}
    assert small.size() <= one * 5
    assert "ff" * 32 in left, "the new entry stays"
    assert keys[0] in left, "a recently read entry survives"
    assert keys[1] not in left and keys[2] not in left, "the oldest entries go first"


def test_default_cache_location(tmp_path, monkeypatch):
    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", str(tmp_path / "here"))
    cache = default_cache()
    assert cache is not None and cache.path == tmp_path / "here"
    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", "off")
    assert default_cache() is None
    monkeypatch.delenv("COVERAGE_LENS_CACHE_DIR")
    monkeypatch.setattr(settings, "DEFAULT_CACHE_DIR", tmp_path / "home-cache")
    assert default_cache().path == tmp_path / "home-cache"


def test_one_cache_folder_setting_for_every_cache(tmp_path, monkeypatch):
    """The disk cache and the gazetteer's derived tables read the one setting."""
    from lib.nlp import gazetteer

    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", str(tmp_path / "one"))
    gazetteer.gazetteer.cache_clear()
    try:
        gazetteer.gazetteer()
        assert (tmp_path / "one" / "gazetteer.json").is_file()
        assert default_cache().path == tmp_path / "one"
    finally:
        gazetteer.gazetteer.cache_clear()


def test_code_change_is_a_miss(tmp_path, monkeypatch):
    disk = DiskCache(tmp_path / "c")
    disk.put("ab" * 32, Parts(words=1))
    assert disk.get("ab" * 32) is not None
    monkeypatch.setattr(versions, "code_fingerprint", lambda: "edited-figures-py")
    assert disk.get("ab" * 32) is None
