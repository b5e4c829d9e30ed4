"""CLI tables read the disk cache: a second run on an unchanged corpus parses nothing."""

from __future__ import annotations

import io
from contextlib import redirect_stdout

from lib import analysis as analysis_module
from lib import cli
from lib.store.cache import DiskCache
from tests.helpers import SEEDS


def _run(*args) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(list(args)) == 0
    return out.getvalue()


def test_second_cli_run_uses_the_disk_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", str(tmp_path / "cache"))
    first = _run("entities", "--corpus", str(SEEDS))
    cache = DiskCache(tmp_path / "cache")
    assert len(list(cache.corpora_dir.iterdir())) == 1  # the whole analysis was stored
    assert len(list(cache.docs_dir.glob("*.parquet"))) == 5  # and each document's parts

    monkeypatch.setattr(analysis_module, "make_parser", lambda *a, **k: Exploding())
    assert _run("entities", "--corpus", str(SEEDS)) == first


class Exploding:
    def parse(self, *a, **k):
        raise AssertionError("an article was parsed although everything is cached")

    def close(self):
        pass


def test_cache_off_still_works(tmp_path, monkeypatch):
    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", "off")
    assert "doc_id" in _run("documents", "--corpus", str(SEEDS))


def test_cli_skips_an_article_over_its_time_budget_and_keeps_the_others(
    tmp_path, monkeypatch, capsys
):
    from functools import partial

    from lib.parsing import make_parser
    from tests.parsing.slow_pipeline import SLOW_MARK

    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", "off")
    slow = partial(make_parser, loader="tests.parsing.slow_pipeline:make_nlp")
    monkeypatch.setattr(analysis_module, "make_parser", slow)
    monkeypatch.setattr(cli, "DOC_ANALYSIS_BUDGET_S", 2.0)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "calm.txt").write_text("Officials said 40 people were evacuated on Monday.\n")
    (folder / "stuck.txt").write_text(f"The storm hit the coast. {SLOW_MARK} Power was cut.\n")
    assert cli.main(["documents", "--corpus", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert "calm" in out and "stuck" not in out
    assert "skipped stuck.txt: Skipped: took longer than 2 s" in err


def _cli(tmp_path, cache_dir, preexec=None):
    """``python -m lib documents`` on a small folder with ``cache_dir`` as the cache."""
    import os
    import subprocess
    import sys

    from tests.helpers import ROOT

    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(
            f"Flood report {name}\n\nAbout 1,200 residents were evacuated, officials said.\n",
            encoding="utf-8",
        )
    env = {**os.environ, "COVERAGE_LENS_CACHE_DIR": str(cache_dir)}
    return subprocess.run(
        [sys.executable, "-m", "lib", "documents", "--corpus", str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=env, preexec_fn=preexec,
    )  # fmt: skip


def _cache_warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning cache:")]


def test_read_only_cache_folder_warns_once_and_the_cli_goes_on(tmp_path):
    from tests.helpers import read_only

    cache = tmp_path / "cache"
    (cache / "docs").mkdir(parents=True)
    (cache / "corpora").mkdir()
    with read_only(cache):
        res = _cli(tmp_path, cache)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    assert res.stdout.count("\n") == 3  # header and both articles
    warnings = _cache_warnings(res.stderr)
    assert len(warnings) == 1 and "cannot be written" in warnings[0], res.stderr
    assert sorted(p.name for p in cache.rglob("*")) == ["corpora", "docs"]  # nothing written


def test_full_disk_leaves_no_temporary_files(tmp_path):
    """Writes that fail half-way (here: a file-size limit, as a full disk fails them) warn
    once; no temporary file stays behind to keep filling the disk."""
    import resource

    cache = tmp_path / "cache"

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    for _ in range(2):  # a second run must not add leftovers either
        res = _cli(tmp_path, cache, preexec=small_files)
        assert res.returncode == 0, res.stderr
        assert res.stdout.count("\n") == 3
        assert len(_cache_warnings(res.stderr)) == 1, res.stderr
    leftovers = [p.name for p in cache.rglob("*") if p.is_file() and ".tmp" in p.name]
    assert leftovers == []


def test_analyze_into_a_read_only_folder_is_one_line(tmp_path, capsys, monkeypatch):
    from tests.helpers import read_only

    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", "off")
    out = tmp_path / "out"
    out.mkdir()
    with read_only(out):
        assert cli.main(["analyze", "--corpus", str(SEEDS), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(f"error: cannot write {out}: "), err
    assert not any("Traceback" in line for line in err)
