"""Corpus loading: metadata from manifest and text clues, furniture set aside."""

from __future__ import annotations

import shutil

import pytest

from lib.corpus.document import Document, is_fallback_label, outlet_labels
from lib.corpus.metadata import parse_date
from lib.corpus.parse import parse_document
from lib.ingest.local import load_corpus

FURNITURE_LINES = [
    "Share on Facebook",
    "Become a Patron!",
    "Read also",
    "Comments are closed",
    "cup of coffee",
    "Related article",
    "Thanks for reading",
    "The views expressed in this article",
]


def test_seed_documents_and_outlets(seed_corpus):
    docs = {d.doc_id[:3]: d for d in seed_corpus.documents}
    assert sorted(docs) == ["000", "001", "002", "003", "004"]
    assert seed_corpus.problems == []
    assert docs["001"].outlet == "ICARO Media Group"
    assert docs["003"].outlet == "TDPel Media"
    assert docs["004"].outlet == "The Moscow Times"
    assert docs["004"].byline == "AFP"
    assert docs["004"].published == "2024-10-28"
    assert docs["001"].published.startswith("2024-10-28")
    assert docs["000"].outlet == ""  # shown by position: outlet_labels
    # in the corpus, outlets nobody names get short labels by position
    assert outlet_labels(seed_corpus.documents) == [
        "Article 1", "ICARO Media Group", "Article 3", "TDPel Media", "The Moscow Times"
    ]  # fmt: skip


def test_metadata_from_text_clues_without_manifest(tmp_path, seed_corpus):
    from tests.helpers import SEEDS

    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    corpus = load_corpus(tmp_path)
    docs = {d.doc_id[:3]: d for d in corpus.documents}
    assert docs["001"].outlet == "ICARO Media Group"
    assert docs["001"].published == "2024-10-28 17:25"
    assert docs["001"].title.startswith("North Korean Troop Deployment")
    assert docs["003"].outlet == "TDPel Media"  # from "This article was published on X."
    assert docs["004"].byline == "AFP"
    assert docs["004"].url.startswith("https://www.themoscowtimes.com/2024/10/28/")
    assert docs["004"].outlet == "themoscowtimes.com"  # domain when the text names no outlet
    assert docs["004"].title == "NATO Chief Says North Korean Troops Sent to Russia's Kursk Region"
    assert docs["000"].outlet == "" and docs["002"].outlet == ""


@pytest.mark.parametrize("phrase", FURNITURE_LINES)
def test_furniture_never_in_body(seed_corpus, phrase):
    for doc in seed_corpus.documents:
        assert phrase.lower() not in doc.text.lower(), (doc.doc_id, phrase)
    assert any(phrase.lower() in d.boilerplate.lower() for d in seed_corpus.documents)


def test_caption_and_header_lines_set_aside(seed_corpus):
    docs = {d.doc_id[:3]: d for d in seed_corpus.documents}
    assert "North Korean soldiers. KCNA" in docs["004"].boilerplate
    assert "Politics" in docs["001"].boilerplate.splitlines()
    assert "\nPolitics\n" not in docs["001"].text
    assert "28/10/2024" not in docs["001"].text
    # a paragraph broken across a blank line mid-sentence is joined
    assert "initially taking control" in docs["004"].text


@pytest.mark.parametrize(
    "line,expected",
    [
        ("28/10/2024 17h25", "2024-10-28 17:25"),
        ("October 28, 2024", "2024-10-28"),
        ("3 March 2023", "2023-03-03"),
        ("Tuesday, Jan. 9 2024", "2024-01-09"),
        ("2023-07-01", "2023-07-01"),
        ("The meeting on October 28, 2024 was long", ""),
        ("31/02/2024", ""),
    ],
)
def test_parse_date(line, expected):
    assert parse_date(line) == expected


def test_other_event_text_clues():
    raw = (
        "# Floods force thousands from homes in river valley\n\n"
        "By Jane Example and Omar Writer\n\n"
        "March 3, 2023\n\n"
        "Heavy rain caused the river to burst its banks on Friday, officials said, and "
        "emergency crews evacuated several villages overnight.\n\n"
        "Photo: Rescue boats on a flooded street. Getty Images\n\n"
        "Share on WhatsApp\n\n"
        "Residents described water rising within minutes.\n\n"
        "This story was first published by Valley Herald. Thanks for reading!\n"
    )
    doc = parse_document("flood", raw)
    assert doc.title == "Floods force thousands from homes in river valley"
    assert doc.byline == "Jane Example and Omar Writer"
    assert doc.published == "2023-03-03"
    assert doc.outlet == "Valley Herald"
    assert "Share on" not in doc.text and "Rescue boats" not in doc.text
    assert "Residents described water" in doc.text
    assert "Heavy rain caused" in doc.text


def test_manifest_wins_over_clues(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Headline here\n\nBy Someone\n\nBody text that is long "
        "enough to count as a real paragraph of prose.\n"
    )
    (tmp_path / "sources.csv").write_text(
        "doc_id,outlet,title,published,byline,url\na,Example Daily,Real Title,,,\n"
    )
    doc = load_corpus(tmp_path).documents[0]
    assert doc.outlet == "Example Daily" and doc.title == "Real Title"
    assert doc.byline == "Someone"  # the manifest is silent, the text is not


def test_empty_and_undecodable_files_reported(tmp_path):
    (tmp_path / "good.txt").write_text("A real article with a sentence about the town council.")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00\x80\x81")
    corpus = load_corpus(tmp_path)
    assert [d.doc_id for d in corpus.documents] == ["good"]
    reasons = dict(corpus.problems)
    assert "empty" in reasons["empty.txt"]
    assert "bad.txt" in reasons


def test_fallback_labels_are_short_unique_and_recognised():
    docs = [
        Document(doc_id="a", text="x", outlet=""),
        Document(doc_id="b", text="x", outlet="Article 1"),
        Document(doc_id="c", text="x", outlet=""),
    ]
    labels = outlet_labels(docs)
    assert labels == ["Article 1 (a)", "Article 1", "Article 3"]
    assert len(set(labels)) == 3
    assert is_fallback_label("Article 3") and is_fallback_label("Article 1 (a)")
    assert not is_fallback_label("The Moscow Times")


def test_display_names_drop_bidi_and_zero_width_characters():
    from lib.corpus.document import display_name

    assert display_name("rtl_\u202etxt.exe") == "rtl_txt.exe"
    assert display_name("Daily\u200b News\u2066") == "Daily News"
    docs = [Document(doc_id="a", text="x", outlet="\u202eNews")]
    assert outlet_labels(docs) == ["News"]
    assert docs[0].source_name == "" and docs[0].outlet == "News"  # names are kept as shown


def test_invisible_and_lookalike_outlet_names_are_one_outlet():
    """Default-ignorable code points (word joiner, tag characters, soft hyphen, variation
    selectors) are removed from names and the names NFKC-normalised: outlets that look the
    same are one outlet, and titles and bylines carry nothing invisible."""
    from lib.corpus.document import INVISIBLE_RE, display_name

    variants = [
        "Daily News",
        "Daily\u2060 News",  # word joiner
        "Daily News\U000e0041\U000e007f",  # tag characters
        "Dai\u00adly\u00a0News",  # soft hyphen, no-break space
        "\uff24aily News\ufe0f",  # full-width D, variation selector
    ]
    docs = [
        Document(doc_id=f"d{i}", text="x", outlet=v, title=f"Flood{v[-1]}\u2060 hits", byline=v)
        for i, v in enumerate(variants)
    ]
    assert set(outlet_labels(docs)) == {"Daily News"}
    assert all(not INVISIBLE_RE.search(d.title + d.byline) for d in docs)
    assert display_name("Ｔｏｋｙｏ\u200d Post") == "Tokyo Post"


def test_invisible_code_points_are_unicodes_default_ignorables():
    regex = pytest.importorskip("regex")
    import sys

    from lib.corpus.document import INVISIBLE_RE

    ignorable = regex.compile(r"\p{Default_Ignorable_Code_Point}")
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        assert bool(INVISIBLE_RE.match(ch)) == bool(ignorable.match(ch)), hex(cp)


@pytest.mark.parametrize(
    ("raw", "outlet", "published", "byline"),
    [
        (
            "Oil prices rise on supply fears\n\nLONDON (Reuters) - Oil prices rose on Tuesday "
            "as traders weighed supply risks, analysts said.",
            "Reuters", "", "",
        ),
        (
            "Storm batters coast\nPUBLISHED : 12 March 2023\n\nMIAMI (AP) — A powerful storm "
            "battered the coast on Sunday, officials said.",
            "The Associated Press", "2023-03-12", "",
        ),
        (
            "City council approves budget\nBy Jane Doe, The Riverside Gazette\nUpdated: Oct. 3, "
            "2024\n\nThe city council approved a $4 million budget on Monday after a debate.",
            "The Riverside Gazette", "2024-10-03", "Jane Doe",
        ),
        (
            "Talks resume\nPublished: 2 May 2022\nUpdated: 3 May 2022\n\nNegotiators met again "
            "on Monday, the foreign ministry said in a statement.",
            "", "2022-05-02", "",
        ),
        (
            "Headline here\n\nThe mayor (a former teacher) said on Monday that the city would "
            "build three schools.",
            "", "", "",
        ),
        (  # a dateline crediting an outlet no list knows
            "Tornado strikes towns\n\nASHFORD, Dunmore (Northern Press) — At least seven "
            "people died when a tornado struck on Sunday, officials said.",
            "Northern Press", "", "",
        ),
        (  # "(UPDATED)" is no outlet
            "Tornado strikes towns\n\nASHFORD (UPDATED) — At least seven people died when a "
            "tornado struck on Sunday, officials said.",
            "", "", "",
        ),
        (  # the outlet and its date on one line under the headline
            "Council approves budget\n\nRivermouth Times — November 4, 2026\n\nThe city "
            "council approved a $4 million budget on Monday after a long debate.",
            "Rivermouth Times", "2026-11-04", "",
        ),
    ],
)  # fmt: skip
def test_wire_and_newspaper_metadata(raw, outlet, published, byline):
    doc = parse_document("x", raw)
    assert (doc.outlet, doc.published[:10], doc.byline) == (outlet, published, byline)
    assert not doc.title.startswith(("PUBLISHED", "Updated", "Published"))
