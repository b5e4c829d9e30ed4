"""lib.extract.mentions: cleaned name mentions with their cues."""

from __future__ import annotations

from lib.extract.mentions import mention_records


def test_mention_records_cleaning_and_cues(nlp):
    text = "Ukraine Calls for Stronger Western Support\n\nFighting in the Kursk region grew."
    doc = nlp(text)
    sent_ids = [0] * len(doc)
    records = mention_records(doc, sent_ids)
    kursk = [r for r in records if r.text == "Kursk"]
    assert kursk and kursk[0].cue == "region" and not kursk[0].in_title
    assert text[kursk[0].start_char : kursk[0].end_char] == "Kursk"
    assert all(r.in_title for r in records if r.start_char < text.index("\n"))


def test_mention_records_cut_at_parenthesis(nlp):
    text = "The National Hurricane Center (NHC) said the storm would weaken."
    doc = nlp(text)
    records = mention_records(doc, [0] * len(doc))
    texts = [r.text for r in records]
    assert "National Hurricane Center" in texts
    assert not any("(" in t for t in texts)
    nhc = [r for r in records if r.text == "NHC"]
    assert nhc and nhc[0].expansion == "National Hurricane Center"
