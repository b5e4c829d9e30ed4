"""lib.views.compare and lib.views.documents: the Compare table, its order, forms and notes."""

from __future__ import annotations

import pandas as pd

from lib.views.compare import cell_forms, entity_outlet_wide, sort_compare, total_forms
from lib.views.documents import outlet_notes


def test_compare_table_gives_forms_overall_and_per_outlet(seed_analysis):
    table = entity_outlet_wide(seed_analysis, False)
    assert list(table.columns[:6]) == [
        "entity", "label", "written", "written_as", "outlets", "mentions"
    ]  # fmt: skip
    assert list(table.columns[6:]) == seed_analysis.outlets
    rutte = table[table["entity"] == "Mark Rutte"].iloc[0]
    counts = dict(part.rsplit(" ×", 1) for part in rutte["written"].split(", "))
    assert sum(map(int, counts.values())) == rutte["mentions"]  # every mention, once
    assert rutte["written"].startswith("Rutte ×")  # most used form first
    forms = cell_forms(seed_analysis, False)
    for outlet in seed_analysis.outlets:
        written = forms[("Mark Rutte", outlet)]
        assert sum(int(p.rsplit(" ×", 1)[1]) for p in written.split(", ")) == rutte[outlet]


def test_total_forms_sorts_by_count_then_form():
    forms = pd.DataFrame(
        {"entity": ["X", "X", "X", "Y"], "outlet": ["A", "B", "B", "A"],
         "written": ["Doe", "Jane Doe", "Doe", "Y"], "count": [2, 4, 1, 1]}
    )  # fmt: skip
    assert total_forms(forms).to_dict() == {"X": "Jane Doe ×4, Doe ×3", "Y": "Y ×1"}


def test_sort_compare_by_each_key():
    table = pd.DataFrame(
        {"entity": ["b", "a", "c"], "label": ["PERSON"] * 3, "outlets": [1, 2, 2],
         "mentions": [9, 3, 5], "A": [9, 0, 1], "B": [0, 3, 4]}
    )  # fmt: skip
    assert sort_compare(table, "outlets")["entity"].tolist() == ["c", "a", "b"]
    assert sort_compare(table, "mentions")["entity"].tolist() == ["b", "c", "a"]
    assert sort_compare(table, "entity")["entity"].tolist() == ["a", "b", "c"]
    assert sort_compare(table, "B")["entity"].tolist() == ["c", "a", "b"]
    assert sort_compare(table, "A")["entity"].tolist() == ["b", "c", "a"]
    assert sort_compare(table, "no such column")["entity"].tolist() == ["c", "a", "b"]


def test_outlet_notes_trace_each_outlet_to_its_files(seed_analysis):
    notes = outlet_notes(seed_analysis)
    assert list(notes) == seed_analysis.outlets
    texts = seed_analysis.texts.set_index("doc_id")["source_name"]
    for doc in seed_analysis.documents.itertuples():
        note = notes[doc.outlet]
        assert note.startswith(doc.outlet) and f"file {texts[doc.doc_id]}" in note
        if doc.outlet.startswith("Article "):
            assert "(no outlet named in the text)" in note
        if doc.title:
            assert f"“{doc.title}”" in note


def test_a_mentions_context_stays_in_its_paragraph():
    """A headline's name shows the headline, not the dateline under it run into it."""
    from lib.views.compare import keyword_in_context

    head = "Halloran Recall Tests a Family Name"
    text = f"{head}\n\nFLINT, Mich. — For 77 years the Halloran name hung."
    at = text.index("Halloran name")
    mentions = pd.DataFrame(
        {"entity": ["H", "H"], "outlet": ["o", "o"], "doc_id": ["d", "d"],
         "sentence_id": [0, 1], "start_char": [0, at], "end_char": [8, at + 8]}
    )  # fmt: skip
    lines = keyword_in_context(mentions, pd.DataFrame({"doc_id": ["d"], "text": [text]}), "H")
    assert lines["right"].tolist() == ["Recall Tests a Family Name", "name hung."]
    assert lines["left"].tolist() == ["", "FLINT, Mich. — For 77 years the"]
