"""Hard-wrapped wire copy and newspaper articles: lines rejoined before anything else,
sentences never set aside as furniture, titles never a date or a kicker (invented texts)."""

from __future__ import annotations

import textwrap

import pytest

from lib.corpus.metadata import is_dateish, is_kicker, strip_kicker
from lib.corpus.parse import parse_document
from lib.corpus.text import WRAP_PARAGRAPH_CHARS, join_broken, rejoin_wrapped, wrap_width

PARAGRAPHS = [
    "HARBOURTON (Reuters) - The Riverside transport authority said on Tuesday it would "
    "close the old harbour bridge for repairs after inspectors found cracks in two of its "
    "supports, a decision that will divert some 40,000 vehicles a day.",
    "Video footage shared by residents showed long queues on the coastal road, and the "
    "authority's director, Mara Velden, told reporters the closure would last at least "
    "six weeks.",
    "“We cannot take any risk with a structure this old,” Velden said. Photo credits and "
    "share buttons aside, the city council will meet on Thursday to discuss the budget.",
]


def _wire(width: int, blank_lines: bool = True) -> str:
    sep = "\n\n" if blank_lines else "\n"
    return sep.join(textwrap.fill(p, width) for p in PARAGRAPHS)


@pytest.mark.parametrize("width", [60, 68, 72, 80])
def test_wrapped_wire_copy_is_rejoined_into_its_paragraphs(width):
    head = "EXCLUSIVE\nUPDATE 2-Harbour bridge closed after cracks found\n3 hours ago\n\n"
    doc = parse_document("wire", head + _wire(width))
    paragraphs = doc.text.split("\n\n")
    for para in PARAGRAPHS:
        assert para in paragraphs  # whole, never split mid-sentence
    # every sentence stays in the body, none is furniture (a caption word opens one line)
    assert "Photo credits" in doc.text and "Video footage" in doc.text
    assert "Photo credits" not in doc.boilerplate and "Video" not in doc.boilerplate
    assert doc.title == "Harbour bridge closed after cracks found"
    assert doc.outlet == "Reuters"
    assert "EXCLUSIVE" in doc.boilerplate.split("\n")
    assert "3 hours ago" in doc.boilerplate.split("\n")


def test_wrapped_copy_without_blank_lines_keeps_sentences_whole():
    doc = parse_document("wire", "Bridge closed\n\n" + _wire(70, blank_lines=False))
    for para in PARAGRAPHS:
        for sentence in para.split(". "):
            assert sentence in doc.text  # never cut by a line break
    assert doc.title == "Bridge closed"


def test_newspaper_article_with_header_lines_and_wrapped_body():
    raw = (
        "ANALYSIS\n"
        "City council approves harbour budget\n"
        "By Jane Doe, The Riverside Gazette\n"
        "Updated: Oct. 3, 2024\n\n" + _wire(66)
    )
    doc = parse_document("paper", raw)
    assert doc.title == "City council approves harbour budget"
    assert (doc.outlet, doc.byline, doc.published) == (
        "The Riverside Gazette",
        "Jane Doe",
        "2024-10-03",
    )
    assert all(p in doc.text.split("\n\n") for p in PARAGRAPHS)


def test_unwrapped_text_keeps_its_lines():
    lines = ["Short title", "", "A first paragraph on one line.", "A second one, also whole."]
    assert wrap_width(lines) == 0
    assert rejoin_wrapped(lines) == lines


def test_lower_case_continuation_is_joined_even_when_not_wrapped():
    lines = ["The minister said the", "officials would meet on Monday.", "", "Next paragraph."]
    assert rejoin_wrapped(lines) == [
        "The minister said the officials would meet on Monday.", "", "Next paragraph."
    ]  # fmt: skip


def test_rejoined_paragraphs_stay_bounded():
    line = "word " * 12 + "and more words here."
    text = "\n".join([line] * 2000)  # 2,000 full lines, no blank line
    out = rejoin_wrapped(text.split("\n"))
    assert len(out) > 10
    assert max(len(x) for x in out) <= 2 * WRAP_PARAGRAPH_CHARS + len(line) + 1


def test_join_broken_joins_many_pieces():
    pieces = ["Start of a sentence that"] + ["goes on"] * 5000
    out = join_broken(pieces)
    assert len(out) == 1 and out[0].count("goes on") == 5000


@pytest.mark.parametrize(
    ("line", "kicker"),
    [("EXCLUSIVE", True), ("UPDATE 2-", True), ("Analysis", True), ("Breaking news:", True),
     ("Exclusive talks resume", False), ("Troops enter the city", False)],
)  # fmt: skip
def test_kickers(line, kicker):
    assert is_kicker(line) is kicker


def test_kicker_prefix_stripped_from_titles():
    assert strip_kicker("UPDATE 2-Troops enter city") == "Troops enter city"
    assert strip_kicker("EXCLUSIVE-Talks resume") == "Talks resume"
    assert strip_kicker("Explainer: What the vote means") == "What the vote means"
    assert strip_kicker("Update on the talks") == "Update on the talks"


@pytest.mark.parametrize(
    ("line", "dateish"),
    [("Monday 28 October 2024 12.00 GMT", True), ("3 hours ago", True),
     ("Oct 28, 2024 | 10:15 am", True), ("Troops enter the city on May 5", False)],
)  # fmt: skip
def test_date_lines_are_never_titles(line, dateish):
    assert is_dateish(line) is dateish
    if dateish:
        doc = parse_document("d", f"{line}\nTalks resume in the capital\n\nThe talks resumed.")
        assert doc.title == "Talks resume in the capital"
