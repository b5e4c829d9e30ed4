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
