"""Dask: the same tables on a LocalCluster of 2 workers as on one machine, the per-article
time budget on the workers, a pile streamed into an analysis folder, and clear errors."""

from __future__ import annotations

import pandas as pd
import pytest

from benchmarks.synth import story_pile
from lib.analysis import analyze
from lib.ingest.limits import DOC_ANALYSIS_BUDGET_S
from lib.parsing import budget_message, make_parser
from lib.parsing.cluster import DaskParser, SchedulerError, dask_map, open_client, parse_spec
from lib.schema import table_names
from lib.store.folders import load_analysis, save_analysis
from lib.store.stream import stream_analysis
from tests.parsing.slow_pipeline import SLOW_MARK


@pytest.fixture(scope="module")
def client():
    with open_client("local:2") as c:
        yield c


@pytest.fixture(scope="module")
def one_machine():
    worker = make_parser(1, DOC_ANALYSIS_BUDGET_S)
    yield worker
    worker.close()


def assert_same(a, b) -> None:
    for name in table_names():
        pd.testing.assert_frame_equal(
            a.table(name).reset_index(drop=True), b.table(name).reset_index(drop=True), obj=name
        )
    assert a.problems == b.problems


def on_cluster(docs, client):
    return analyze(docs, DaskParser(client, DOC_ANALYSIS_BUDGET_S), map_fn=dask_map(client))


def test_seeds_give_the_same_tables(client, one_machine, seed_corpus):
    docs = seed_corpus.documents
    assert_same(on_cluster(docs, client), analyze(docs, one_machine))


@pytest.fixture(scope="module")
def synthetic():
    docs, gold = story_pile(18, seed=3, days=6)
    return docs, gold


def test_a_synthetic_pile_gives_the_same_tables_and_stories(client, one_machine, synthetic):
    docs, gold = synthetic
    here = analyze(docs, one_machine)
    there = on_cluster(docs, client)
    assert_same(there, here)
    assert len(there.stories) == len(set(gold))  # the invented events, told apart


def test_streamed_folder_equals_the_saved_analysis(client, one_machine, synthetic, tmp_path):
    from lib.parsing.cluster import dask_imap

    docs, _gold = synthetic
    save_analysis(analyze(docs, one_machine), tmp_path / "whole")
    counts = stream_analysis(
        docs,
        tmp_path / "streamed",
        parser=DaskParser(client, DOC_ANALYSIS_BUDGET_S),
        map_fn=dask_map(client),
        run=dask_imap(client),
        batch_articles=5,  # several batches of whole stories
    )
    assert counts["articles"] == len(docs)
    whole, streamed = load_analysis(tmp_path / "whole"), load_analysis(tmp_path / "streamed")
    for name in table_names():
        pd.testing.assert_frame_equal(
            streamed.table(name), whole.table(name), check_dtype=False, obj=name
        )


def test_the_time_budget_holds_on_the_workers(client):
    fast = "Officials said 40 people were evacuated on Monday. Rescuers reached the village."
    slow = f"The storm hit the coast on Sunday. {SLOW_MARK} Power was cut to 3,000 homes."
    parser = DaskParser(client, 3.0, loader="tests.parsing.slow_pipeline:make_nlp", batch_docs=2)
    parts, skipped = {}, {}
    parser.parse([fast, slow, fast + " Again.", fast], parts.__setitem__, skipped.__setitem__)
    assert sorted(parts) == [0, 2, 3]
    assert skipped == {1: budget_message(3.0)}


def test_scheduler_values():
    assert parse_spec("local:2") == ("local", 2)
    assert parse_spec("tcp://10.0.0.5:8786") == ("tcp", "tcp://10.0.0.5:8786")
    for bad in ("local:0", "local:x", "8786", "", "http://host:8786"):
        with pytest.raises(SchedulerError):
            parse_spec(bad)


def test_cli_bad_scheduler_is_one_line(capsys):
    from lib.cli import main

    assert main(["documents", "--scheduler", "nowhere"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "tcp://HOST:PORT or local:N" in err[0]
    assert main(["analyze", "--out", "x", "--scheduler", "local:2", "--processes", "2"]) == 2
    assert "cannot be used together" in capsys.readouterr().err


def test_cli_unreachable_scheduler_is_one_line(capsys, monkeypatch):
    from lib.cli import main
    from lib.parsing import cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 2)
    assert main(["documents", "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "Traceback" not in err[0]
