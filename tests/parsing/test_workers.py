"""The one parse path (lib.parsing): supervised worker processes under a per-article time
budget. A text over its budget is stopped and reported, the others are kept (also when it
sits in a batch of several), and a fresh worker takes the next text."""

from __future__ import annotations

import pytest

from lib.analysis import analyze
from lib.corpus.parse import parse_document
from lib.parsing import budget_message, make_parser
from lib.parsing.local import InProcess
from lib.parsing.workers import WorkerFailed, Workers
from tests.parsing.slow_pipeline import SLOW_MARK

LOADER = "tests.parsing.slow_pipeline:make_nlp"

FAST = "Officials said 40 people were evacuated on Monday. Rescuers reached the village."
SLOW = f"The storm hit the coast on Sunday. {SLOW_MARK} Power was cut to 3,000 homes."


@pytest.fixture(scope="module")
def workers():
    w = Workers(1, budget_s=3.0, loader=LOADER)
    yield w
    w.close()


def parse_all(parser, texts):
    parts, skipped, order = {}, {}, []

    def on_part(i, p):
        parts[i] = p
        order.append(i)

    def on_skip(i, m):
        skipped[i] = m
        order.append(i)

    parser.parse(texts, on_part, on_skip)
    return parts, skipped, order


def test_slow_document_is_stopped_and_the_others_kept(workers):
    parts, skipped, _ = parse_all(workers, [FAST, SLOW, FAST + " More."])
    assert sorted(parts) == [0, 2] and list(skipped) == [1]
    assert skipped[1] == budget_message(3.0)
    assert "took longer than 3 s" in skipped[1]
    assert len(parts[0].sentences) == 2 and parts[0].figures
    assert workers.alive() == 1  # a fresh worker took the document after the slow one
    assert workers.started >= 2


def test_a_slow_text_in_a_batch_costs_only_itself():
    """Texts go out in chunks (nlp.pipe batches): the chunk holding the slow text is
    parsed again one text at a time, so only the slow text is skipped."""
    w = Workers(1, budget_s=3.0, loader=LOADER, chunk_texts=8)
    try:
        texts = [f"{FAST} Number {k}." for k in range(6)]
        texts[3] = SLOW
        parts, skipped, order = parse_all(w, texts)
        assert sorted(parts) == [0, 1, 2, 4, 5] and list(skipped) == [3]
        assert sorted(order) == list(range(6))  # every text answered exactly once
    finally:
        w.close()


def test_two_workers_give_the_same_parts_as_one_process(nlp):
    """Local worker processes and the in-process parser give identical parts."""
    from benchmarks.synth import synthetic_documents

    texts = [d.text for d in synthetic_documents(12, outlets=3)]
    w = Workers(2, budget_s=60.0, chunk_texts=3)
    try:
        parts, skipped, _ = parse_all(w, texts)
    finally:
        w.close()
    serial, _, _ = parse_all(InProcess(nlp), texts)
    assert not skipped and w.started == 2
    assert [parts[i] for i in range(len(texts))] == [serial[i] for i in range(len(texts))]


def test_analysis_lists_the_skipped_document_and_keeps_the_rest(workers):
    docs = [
        parse_document("calm", FAST, {"outlet": "Daily Alpha"}),
        parse_document("stuck", SLOW, {"outlet": "Beta News"}),
    ]
    seen = []
    analysis = analyze(docs, workers, progress=lambda d, t: seen.append((d, t)))
    assert analysis.documents["doc_id"].tolist() == ["calm"]
    assert analysis.outlets == ["Daily Alpha"]
    [(name, message)] = analysis.problems
    assert name == docs[1].source_name or name == "stuck"
    assert "took longer than" in message
    assert seen == [(1, 2), (2, 2)]  # progress counts the skipped document too


def test_no_budget_parses_everything():
    w = make_parser(1, None, loader=LOADER)
    try:
        parts, skipped, _ = parse_all(w, [FAST, FAST + " Again."])
        assert sorted(parts) == [0, 1] and not skipped
    finally:
        w.close()
    assert not w.alive()


def test_a_pipeline_that_cannot_load_is_an_error_not_a_hang():
    w = Workers(1, budget_s=1.0, loader="tests.parsing.slow_pipeline:make_broken")
    with pytest.raises(WorkerFailed, match="no pipeline here"):
        w.parse([FAST], lambda i, p: None, lambda i, m: None)
    assert not w.alive()


def test_chunks_are_bounded_by_texts_and_characters():
    from lib.parsing.workers import CHUNK_CHARS, _chunks

    assert _chunks(["short"] * 5, 2) == [[0, 1], [2, 3], [4]]
    big = "x" * (CHUNK_CHARS // 2 + 1)
    assert _chunks([big, big, "tail", "x" * (2 * CHUNK_CHARS), "end"], 16) == [
        [0], [1, 2], [3], [4]
    ]  # fmt: skip
