"""Folders given as a corpus (CLI ``--corpus``, ``COVERAGE_LENS_CORPUS``): sizes from
``stat`` before reading, and the rule for FIFOs, devices and links (``lib.ingest.paths``)."""

from __future__ import annotations

import os

import pytest

from lib.ingest import paths
from lib.ingest.limits import Limits
from lib.ingest.local import CorpusError, load_corpus
from lib.ingest.status import (
    REASON_BAD_LINK,
    REASON_HIDDEN,
    REASON_NOT_REGULAR,
    REASON_SUBFOLDER,
    REASON_TOO_LARGE,
)
from tests.ingest.test_ingest import article


@pytest.fixture()
def odd_folder(tmp_path):
    """A folder with two good articles and one entry of every kind that is not read."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(article("good"), encoding="utf-8")
    (folder / "other.txt").write_text(article("other"), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "device.txt").symlink_to("/dev/zero")
    outside = tmp_path / "secret.txt"
    outside.write_text(article("secret"), encoding="utf-8")
    (folder / "outside.txt").symlink_to(outside)
    (folder / "z_inside.txt").symlink_to(folder / "other.txt")  # inside: followed (a duplicate)
    (folder / ".hidden.txt").write_text(article("hidden"), encoding="utf-8")
    (folder / "sub").mkdir()
    with open(folder / "sparse.txt", "wb") as fh:  # 1 GB on paper, nothing on disk
        fh.truncate(1024**3)
    return folder


def test_every_entry_is_read_or_named_with_its_reason(odd_folder, monkeypatch):
    opened = []
    real_open = paths.LocalFile.open

    def spy(self):
        opened.append(self.path.name)
        return real_open(self)

    monkeypatch.setattr(paths.LocalFile, "open", spy)
    corpus = load_corpus(odd_folder)
    assert sorted(d.doc_id for d in corpus.documents) == ["good", "other"]
    problems = dict(corpus.problems)
    expected = {
        "pipe.txt": "FIFO",
        "loop_a.txt": "loop",
        "loop_b.txt": "loop",
        "dangling.txt": "Broken",
        "device.txt": "outside the folder",
        "outside.txt": "outside the folder",
        "z_inside.txt": "Duplicate of other.txt",
        ".hidden.txt": "Hidden",
        "sub": "Subfolders",
        "sparse.txt": "1,073,741,824 bytes",
    }
    assert set(problems) == set(expected)
    for name, words in expected.items():
        assert words in problems[name], (name, problems[name])
    assert "sparse.txt" not in opened and "pipe.txt" not in opened  # sized by stat, never opened
    assert "secret" not in " ".join(d.text for d in corpus.documents)


def test_scan_folder_reasons(odd_folder):
    files, rows = paths.scan_folder(odd_folder)
    reasons = {r["file"]: r["reason"] for r in rows}
    assert reasons["pipe.txt"] == REASON_NOT_REGULAR
    assert reasons["dangling.txt"] == REASON_BAD_LINK
    assert reasons["outside.txt"] == REASON_BAD_LINK
    assert reasons[".hidden.txt"] == REASON_HIDDEN
    assert reasons["sub"] == REASON_SUBFOLDER
    sizes = {name: f.size for name, f in files}
    assert sizes["sparse.txt"] == 1024**3 and "z_inside.txt" in sizes


def test_total_size_from_stat(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(article(f"a{i}"), encoding="utf-8")
    size = (tmp_path / "a0.txt").stat().st_size
    corpus = load_corpus(tmp_path, Limits(max_total_bytes=size * 2 + 10, max_file_bytes=size))
    assert len(corpus.documents) == 2
    ((name, reason),) = corpus.problems
    assert name == "a2.txt" and "total limit" in reason


def test_a_file_that_grows_after_stat_is_still_bounded(tmp_path):
    path = tmp_path / "grow.txt"
    path.write_text("small", encoding="utf-8")
    local = paths.inspect(path)
    path.write_text("x" * 1000, encoding="utf-8")
    with pytest.raises(paths.IngestError) as info:
        local.read(100)
    assert info.value.reason == REASON_TOO_LARGE


def test_single_path_that_is_not_a_regular_file(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(CorpusError, match="FIFO"):
        load_corpus(tmp_path / "pipe")  # returns at once: a FIFO is never opened
    with pytest.raises(CorpusError, match="character device"):
        load_corpus("/dev/zero")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    with pytest.raises(CorpusError, match="Broken"):
        load_corpus(tmp_path / "dangling")
    with pytest.raises(FileNotFoundError):
        load_corpus(tmp_path / "nothing")
