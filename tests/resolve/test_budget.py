"""lib.resolve.budget: the corpus-level passes stop at the corpus time budget and say so."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from lib.resolve import budget as budget_module
from lib.resolve.budget import CORPUS_NOTE, Budget, OverBudget, budget_seconds, run_pass
from lib.resolve.quote_groups import group_quotes


class Clock:
    """A clock that moves one second per reading."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def quotes(n: int) -> pd.DataFrame:
    words = "the council will rebuild every home that was lost in the flood this year".split()
    rows = [
        {"doc_id": f"d{k}", "quote": " ".join([*words, f"w{k}"]), "speaker": "Marsh"}
        for k in range(n)
    ]  # forty versions of one quote, each with its own last word
    return pd.DataFrame(rows)


def test_quote_grouping_stops_at_the_budget_keeping_what_it_found():
    frame = quotes(40)
    full = group_quotes(frame, Budget(math.inf))
    assert full["group_id"].nunique() == 1  # every version is one quote
    cut_budget = Budget(12, clock=Clock())  # runs out after a few comparisons
    cut = group_quotes(frame, cut_budget)
    assert 1 < cut["group_id"].nunique() < len(frame)  # some groups, some quotes alone
    assert len(cut) == len(frame) and list(cut.index) == list(frame.index)
    assert cut_budget.notes and cut_budget.notes[0].startswith("Quote grouping stopped")
    none = Budget(0)
    alone = group_quotes(frame, none)
    assert alone["group_id"].nunique() == len(frame) and len(none.notes) == 1


def test_run_pass_leaves_a_pass_out_with_a_note():
    spent = Budget(0)
    assert run_pass(spent, "Claims across outlets", lambda: "done", lambda: "none") == "none"
    assert spent.problems() == [
        (CORPUS_NOTE, "Claims across outlets were not computed: the corpus time budget "
         "(0 s) ran out before them.")
    ]  # fmt: skip

    def slow():
        budget_module.check()  # a pass polling the current budget
        return "done"

    running = Budget(5, clock=Clock())
    assert run_pass(running, "Claims across outlets", slow, lambda: "none") == "done"
    running.seconds, running._deadline = 0, 0  # out of time inside the pass
    assert run_pass(running, "Claims across outlets", slow, lambda: "none") == "none"
    with pytest.raises(OverBudget), Budget(0).active():
        budget_module.check()
    budget_module.check()  # outside an analysis nothing runs out


def test_budget_seconds_from_the_environment(monkeypatch):
    monkeypatch.delenv(budget_module.ENV_BUDGET, raising=False)
    assert budget_seconds() == budget_module.CORPUS_BUDGET_S
    for raw, want in (("12.5", 12.5), ("off", math.inf), ("soon", 60.0), ("-1", 60.0)):
        monkeypatch.setenv(budget_module.ENV_BUDGET, raw)
        assert budget_seconds() == want


@pytest.fixture(scope="module")
def seed_parts(nlp, seed_corpus):
    """The seed documents and their per-document parts (parsed once)."""
    from lib.analysis import analyze
    from lib.parsing.local import InProcess

    parts: dict = {}
    memory = type("Parts", (), {"get": parts.get, "put": parts.__setitem__})()
    analyze(seed_corpus.documents, InProcess(nlp), cache=memory)
    return seed_corpus.documents, list(parts.values())


def test_assemble_notes_every_pass_the_budget_cut(seed_parts):
    """The passes over the whole corpus are cut by a spent budget: no claims, every quote
    and every statement alone, three notes named "All articles"; the other tables are
    complete."""
    from lib.resolve.assemble import assemble

    documents, parts = seed_parts
    whole = assemble(documents, parts)
    cut = assemble(documents, parts, budget=Budget(0))
    assert len(whole.claims) and cut.claims.empty
    assert cut.quotes["group_id"].nunique() == len(cut.quotes)
    assert len(cut.figures) == len(whole.figures) and len(cut.mentions) == len(whole.mentions)
    notes = [m for name, m in cut.problems if name == CORPUS_NOTE]
    assert cut.facts["fact_id"].nunique() == len(cut.facts) == len(whole.statements)
    assert len(notes) == 3  # facts run before claims (claims read the aligned facts)
    for name in ("Claims across outlets", "Facts across outlets"):
        assert [n for n in notes if n.startswith(f"{name} were not computed")]
    assert not [p for p in whole.problems if p[0] == CORPUS_NOTE]
