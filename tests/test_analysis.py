"""lib.analysis end to end on the seeds and an invented event: contracts, offsets, cleanliness."""

from __future__ import annotations

from lib.schema import DOCUMENT_COLUMNS, ENTITY_COLUMNS, MENTION_COLUMNS, SENTENCE_COLUMNS

FURNITURE = ["Become a Patron", "Share on", "Read also", "Comments are closed", "cup of coffee"]


def test_tables_have_contract_columns(seed_analysis):
    a = seed_analysis
    assert list(a.documents.columns[: len(DOCUMENT_COLUMNS)]) == DOCUMENT_COLUMNS
    assert list(a.sentences.columns) == SENTENCE_COLUMNS
    assert list(a.mentions.columns[: len(MENTION_COLUMNS)]) == MENTION_COLUMNS
    assert list(a.entities.columns) == ENTITY_COLUMNS
    assert len(a.documents) == 5


def test_offsets_point_into_text(seed_analysis):
    texts = seed_analysis.texts.set_index("doc_id")["text"]
    assert len(seed_analysis.mentions) and len(seed_analysis.sentences)  # the loops run
    for row in seed_analysis.mentions.itertuples():
        assert texts[row.doc_id][row.start_char : row.end_char] == row.text
    for row in seed_analysis.sentences.itertuples():
        assert texts[row.doc_id][row.start_char : row.end_char] == row.text


def test_no_furniture_in_sentences_or_mentions(seed_analysis):
    for phrase in FURNITURE:
        assert not seed_analysis.sentences["text"].str.contains(phrase, regex=False).any()
        assert not seed_analysis.mentions["text"].str.contains(phrase, regex=False).any()
    assert not seed_analysis.mentions["entity"].isin(["KCNA", "Politics", "Media Group"]).any()


def test_no_possessive_or_non_name_entities(seed_analysis):
    names = set(seed_analysis.mentions["entity"])
    assert not any(n.endswith(("’s", "'s")) for n in names)
    assert "n’t" not in names and "n't" not in names
    assert not any(n.lower().startswith("the ") for n in names)
    assert not any("\n" in n for n in names)


def test_headings_are_their_own_sentences(seed_analysis):
    s = seed_analysis.sentences
    first = s[(s["doc_id"].str.startswith("000")) & (s["sentence_id"] == 0)]["text"].iloc[0]
    assert first == "NATO confirms North Korean troops deployed to support Russia in Kursk"


def test_entity_counts_match_mentions(seed_analysis):
    m, e = seed_analysis.mentions, seed_analysis.entities
    assert e["mentions"].sum() == len(m)
    counts = seed_analysis.documents.set_index("doc_id")["entity_count"]
    assert (counts == e.groupby("doc_id")["entity"].nunique()).all()


def test_other_event(analyse_texts):
    a = analyse_texts(
        {
            "quake": "Earthquake strikes southern Turkey\n\n"
            "A powerful earthquake struck near Gaziantep on Monday, the Turkish disaster agency "
            "AFAD said. President Recep Tayyip Erdogan's government declared an emergency.\n\n"
            "Share on Facebook\n\nBecome a Patron!",
        },
        {"quake": "Example Wire"},
    )
    names = set(a.mentions["entity"])
    assert "Gaziantep" in names
    assert any("Erdogan" in n for n in names) and not any(n.endswith("'s") for n in names)
    assert not a.sentences["text"].str.contains("Patron").any()
    assert a.documents["outlet"].tolist() == ["Example Wire"]


def test_stories_given_replace_grouping(nlp):
    # reports known to be of one event (e.g. a benchmark's event) stay one story even when
    # grouping would split them; ids given per document are kept
    from lib.analysis import analyze
    from lib.corpus.parse import parse_document
    from lib.parsing.local import InProcess

    texts = {
        "a": "Flood closes river road\n\nThe river rose two metres overnight in Dunmore.",
        "b": "Council vote\n\nThe council voted 7 to 2 on the budget in Arlow on Tuesday.",
    }
    docs = [parse_document(k, v, {"outlet": k.upper()}) for k, v in texts.items()]
    one = analyze(docs, InProcess(nlp), stories=["S1", "S1"])
    assert one.documents["story_id"].tolist() == ["S1", "S1"]
    two = analyze(docs, InProcess(nlp), stories=["S1", "S2"])
    assert two.documents["story_id"].tolist() == ["S1", "S2"]
