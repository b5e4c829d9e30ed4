"""lib.views.entities: written forms per entity, nationalities as countries."""

from __future__ import annotations

import pandas as pd

from lib.resolve.entities import resolve_entities
from lib.views.entities import link_demonyms


def frame(rows: list[dict]) -> pd.DataFrame:
    """A raw mentions table from short row dicts (doc_id, text, label + optional cues)."""
    out = []
    for i, row in enumerate(rows):
        base = {
            "doc_id": "d1",
            "outlet": "Outlet",
            "sentence_id": i,
            "start_char": 10 * i,
            "end_char": 10 * i + len(row["text"]),
        }
        out.append({**base, **row})
    return pd.DataFrame(out)


def test_link_demonyms():
    raw = frame(
        [
            {"text": "Ukrainian", "label": "NORP"},
            {"text": "Ukraine", "label": "GPE"},
            {"text": "Western", "label": "NORP"},
        ]
    )
    out = link_demonyms(resolve_entities(raw))
    assert list(out["entity"]) == ["Ukraine", "Ukraine", "Western"]
    assert list(out["label"]) == ["GPE", "GPE", "NORP"]
    assert list(out["text"]) == ["Ukrainian", "Ukraine", "Western"]


def test_outlet_forms_show_titles_as_each_outlet_wrote_them():
    from lib.views.compare import forms_label
    from lib.views.entities import outlet_forms

    texts = pd.DataFrame(
        {
            "doc_id": ["n", "f"],
            "text": [
                "Mr. Harlow spoke. Then Mr. Harlow left. Dana Harlow returned.",
                "Harlow said no. Senator Harlow agreed later.",
            ],
        }
    )

    def at(doc, word, nth=0, cue=""):
        body = texts.set_index("doc_id").at[doc, "text"]
        start = -1
        for _ in range(nth + 1):
            start = body.index(word, start + 1)
        return {
            "doc_id": doc,
            "outlet": {"n": "Paper", "f": "Wire"}[doc],
            "text": word,
            "entity": "Dana Harlow",
            "label": "PERSON",
            "start_char": start,
            "end_char": start + len(word),
            "cue": cue,
        }

    mentions = pd.DataFrame(
        [
            at("n", "Harlow", 0, "title"),
            at("n", "Harlow", 1, "title"),
            at("n", "Dana Harlow"),
            at("f", "Harlow"),
            at("f", "Harlow", 1, "title"),
        ]
    )
    forms = outlet_forms(mentions, texts)
    paper = forms[forms["outlet"] == "Paper"]
    assert list(zip(paper["written"], paper["count"], strict=True)) == [
        ("Mr. Harlow", 2),
        ("Dana Harlow", 1),
    ]
    assert set(forms.loc[forms["outlet"] == "Wire", "written"]) == {"Harlow", "Senator Harlow"}
    label = forms_label(forms, ["Wire", "Paper"])["Dana Harlow"]
    assert label == "Wire: Harlow ×1, Senator Harlow ×1 · Paper: Mr. Harlow ×2, Dana Harlow ×1"
