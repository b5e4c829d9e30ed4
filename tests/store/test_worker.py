"""The supervised parse worker: a document over its time budget is stopped and reported,
the other documents are kept, and the worker comes back for the next one."""

from __future__ import annotations

import pytest

from lib.analysis import analyze
from lib.corpus.parse import parse_document
from lib.store.worker import ParseWorker, WorkerFailed, budget_message
from tests.store.slow_pipeline import SLOW_MARK

LOADER = "tests.store.slow_pipeline:make_nlp"

FAST = "Officials said 40 people were evacuated on Monday. Rescuers reached the village."
SLOW = f"The storm hit the coast on Sunday. {SLOW_MARK} Power was cut to 3,000 homes."


@pytest.fixture(scope="module")
def worker():
    w = ParseWorker(budget_s=3.0, loader=LOADER)
    yield w
    w.close()


def test_slow_document_is_stopped_and_the_others_kept(worker):
    parts, skipped = {}, {}
    worker.parse([FAST, SLOW, FAST + " More."], parts.__setitem__, skipped.__setitem__)
    assert sorted(parts) == [0, 2] and list(skipped) == [1]
    assert skipped[1] == budget_message(3.0)
    assert "took longer than 3 s" in skipped[1]
    assert len(parts[0].sentences) == 2 and parts[0].figures
    assert worker.alive()  # a fresh worker took the document after the slow one
    assert worker.started >= 2


def test_analysis_lists_the_skipped_document_and_keeps_the_rest(worker):
    docs = [
        parse_document("calm", FAST, {"outlet": "Daily Alpha"}),
        parse_document("stuck", SLOW, {"outlet": "Beta News"}),
    ]
    seen = []
    analysis = analyze(docs, None, parser=worker.parse, progress=lambda d, t: seen.append((d, t)))
    assert analysis.documents["doc_id"].tolist() == ["calm"]
    assert analysis.outlets == ["Daily Alpha"]
    [(name, message)] = analysis.problems
    assert name == docs[1].source_name or name == "stuck"
    assert "took longer than" in message
    assert seen == [(1, 2), (2, 2)]  # progress counts the skipped document too


def test_no_budget_parses_everything():
    w = ParseWorker(budget_s=None, loader=LOADER)
    try:
        parts = {}
        w.parse([FAST, FAST + " Again."], parts.__setitem__, lambda i, m: None)
        assert sorted(parts) == [0, 1]
    finally:
        w.close()
    assert not w.alive()


def test_a_pipeline_that_cannot_load_is_an_error_not_a_hang():
    w = ParseWorker(budget_s=1.0, loader="tests.store.slow_pipeline:make_broken")
    with pytest.raises(WorkerFailed, match="no pipeline here"):
        w.parse([FAST], lambda i, p: None, lambda i, m: None)
    assert not w.alive()
