"""Bounded work per document: numbers and quotations past the caps are left out, and the
file's status row says so (lib.nlp.caps)."""

from __future__ import annotations

from lib.extract import quotes as quotes_module
from lib.extract.figures import extract_figures
from lib.extract.quotes import extract_quotes, find_quotes
from lib.ingest.status import REASON_CAPPED
from lib.ingest.uploads import read_uploads
from lib.nlp import caps


def _numbers_text(n: int) -> str:
    return " ".join(f"The depot counted {i + 10} trucks." for i in range(n))


def _quotes_text(n: int) -> str:
    return "\n\n".join(f"“We will build road {i} soon,” the mayor said." for i in range(n))


def test_normal_text_has_no_cap_and_no_note():
    text = _numbers_text(20) + "\n\n" + _quotes_text(10)
    assert caps.number_cutoff(text) is None
    assert caps.cap_notes(text) == []


def test_cutoffs_point_at_the_first_item_past_the_cap(monkeypatch):
    monkeypatch.setattr(caps, "MAX_NUMBERS", 3)
    monkeypatch.setattr(caps, "MAX_QUOTES", 2)
    monkeypatch.setattr(quotes_module, "MAX_QUOTES", 2)
    text = _numbers_text(5)
    assert caps.number_cutoff(text) == text.index("13")
    quotes = _quotes_text(4)
    opened = [q[3] for q in find_quotes(quotes)]  # quotations past the cap are not read
    assert opened == [quotes.index(f"“We will build road {i}") for i in (0, 1)]
    notes = caps.cap_notes(text + "\n\n" + quotes)
    assert notes == [
        "Only the first 3 numbers were read as figures (the text has 9).",
        "Only the first 2 quotations were analysed (the text has 4).",
    ]


def test_figures_stop_at_the_number_cap(nlp, monkeypatch):
    text = _numbers_text(8)
    doc = nlp(text)
    assert len(extract_figures(doc)) == 8
    monkeypatch.setattr(caps, "MAX_NUMBERS", 5)
    figures = extract_figures(nlp(text))
    assert [f.value for f in figures] == [10, 11, 12, 13, 14]


def test_quotes_stop_at_the_quote_cap(nlp, monkeypatch):
    text = _quotes_text(6)
    assert len(find_quotes(text)) == 6
    monkeypatch.setattr("lib.extract.quotes.MAX_QUOTES", 4)
    assert len(find_quotes(text)) == 4
    assert [q.quote for q in extract_quotes(nlp(text))][-1] == "We will build road 3 soon"


def test_status_row_says_when_a_cap_is_hit():
    many = _numbers_text(caps.MAX_NUMBERS + 50).encode()
    normal = _numbers_text(30).encode()
    result = read_uploads([("many.txt", many), ("normal.txt", normal)])
    rows = result.statuses.set_index("file")
    assert rows.loc["many.txt", "reason"] == REASON_CAPPED
    assert f"Only the first {caps.MAX_NUMBERS:,} numbers" in rows.loc["many.txt", "message"]
    assert rows.loc["normal.txt", "reason"] == ""
    assert rows.loc["normal.txt", "status"] == rows.loc["many.txt", "status"] == "analysed"
    docs = {d.doc_id: d for d in result.documents}
    assert docs["many"].notes and not docs["normal"].notes


SPELLED = "Two hundred people fled and three thousand stayed. "


def test_numbers_written_as_words_count_toward_the_cap(nlp, monkeypatch):
    """A text of spelled-out numbers meets the same cap as one of digits: no more figures
    than the cap, and the status row says how many numbers the text has."""
    text = SPELLED * 60  # 120 numbers, no digit at all
    assert len(extract_figures(nlp(text))) == 120
    monkeypatch.setattr(caps, "MAX_NUMBERS", 50)
    assert len(extract_figures(nlp(text))) == 50
    assert caps.cap_notes(text) == [
        "Only the first 50 numbers were read as figures (the text has 120)."
    ]


def test_the_issue_text_of_199_kb_is_capped_with_a_note():
    text = SPELLED * (199_000 // len(SPELLED))
    result = read_uploads([("words.txt", ("Flood report\n\n" + text).encode())])
    row = result.statuses.iloc[0]
    assert row["reason"] == REASON_CAPPED, row.to_dict()
    assert row["message"].startswith(f"Only the first {caps.MAX_NUMBERS:,} numbers")
    cutoff = caps.number_cutoff(result.documents[0].text)
    assert cutoff is not None and cutoff < len(result.documents[0].text) // 2
