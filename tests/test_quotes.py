"""Tests for lib.quotes: extraction, speakers, grouping, diffs, speaker matrix.

Seed acceptance checks plus invented articles about other events (a city bridge
closure, a flood, a wildfire, an airline, a football match, ...) covering each
construction.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.corpus import load_folder
from lib.pipeline import get_nlp
from lib.quotes import (
    QUOTE_KEYS,
    diff_html,
    extract_quotes,
    find_quote_marks,
    group_quotes,
    speaker_matrix,
    word_diff,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


@pytest.fixture(scope="module")
def seed_quotes(nlp):
    """doc_id -> list of quote dicts for the seed corpus."""
    corpus = load_folder(SEEDS)
    return {d.doc_id: (d, extract_quotes(nlp(d.text))) for d in corpus.documents}


def quotes_of(nlp, text):
    return extract_quotes(nlp(text))


def find(quotes, start):
    hits = [q for q in quotes if q["quote"].startswith(start)]
    assert hits, f"no quote starting {start!r} in {[q['quote'] for q in quotes]}"
    return hits[0]


def seed(seed_quotes, prefix):
    hits = [v for k, v in seed_quotes.items() if k.startswith(prefix)]
    assert len(hits) == 1
    return hits[0][1]


def as_frame(rows_by_doc):
    """rows_by_doc: {(doc_id, outlet): [quote dicts]} -> DataFrame with a speaker column."""
    rows = []
    for (doc_id, outlet), quotes in rows_by_doc.items():
        for q in quotes:
            rows.append(
                {
                    **q,
                    "doc_id": doc_id,
                    "outlet": outlet,
                    "speaker": q["speaker_text"] or q["speaker_description"],
                }
            )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------
# seed acceptance
# ---------------------------------------------------------------------------


def test_seed_quotes_have_all_keys_and_valid_offsets(seed_quotes):
    total = 0
    for doc, quotes in seed_quotes.values():
        for q in quotes:
            total += 1
            assert set(QUOTE_KEYS) <= set(q)
            assert doc.text[q["start_char"] : q["end_char"]] == q["quote"]
            assert q["kind"] in ("direct", "fragment")
            assert doc.text[q["sent_start_char"] :].startswith(q["sentence"])
            if q["speaker_text"] is not None:
                assert doc.text[q["speaker_start"] : q["speaker_end"]] == q["speaker_text"]
                assert q["speaker_description"] == ""
    assert total >= 20


def test_seed_confirm_quote_in_two_docs_grouped_with_diff(seed_quotes):
    a = find(seed(seed_quotes, "000"), "I can confirm that North Korean troops")
    b = find(seed(seed_quotes, "002"), "I can confirm that North Korean troops")
    for q in (a, b):
        assert q["speaker_text"] == "Rutte"
        assert q["kind"] == "direct"
    assert a["verb"] == "tell" and b["verb"] == "say"
    frame = group_quotes(
        as_frame({(k, d.display_outlet): qs for k, (d, qs) in seed_quotes.items()})
    )
    ids = frame.loc[frame["quote"].str.startswith("I can confirm"), "group_id"].unique()
    assert len(ids) == 1
    assert frame.loc[frame["group_id"] == ids[0], "group_size"].iloc[0] == 2
    ops = word_diff(a["quote"], b["quote"])
    assert ("delete", "region") in ops and ("insert", "Oblast") in ops


def test_seed_enemy_understands_strength(seed_quotes):
    q3 = find(seed(seed_quotes, "003"), "The enemy understands strength")
    assert q3["speaker_text"] == "Yermak" and q3["kind"] == "direct"
    q4 = find(seed(seed_quotes, "004"), "The enemy understands strength")
    assert q4["speaker_text"] == "Yermak"
    assert q4["speaker_source"] == "follow-on"
    frame = group_quotes(
        as_frame({(k, d.display_outlet): qs for k, (d, qs) in seed_quotes.items()})
    )
    rows = frame[frame["quote"].str.startswith("The enemy understands strength")]
    assert len(rows) == 2 and rows["group_id"].nunique() == 1
    assert set(rows["group_size"]) == {2}


def test_seed_other_speakers(seed_quotes):
    z = find(seed(seed_quotes, "001"), "Ukraine will be forced to actually fight")
    assert z["speaker_text"] == "Zelensky" and z["verb"] == "say"
    r = find(seed(seed_quotes, "004"), "The deepening military cooperation")
    assert r["speaker_text"] == "Rutte" and r["verb"] == "tell"
    follow = find(seed(seed_quotes, "004"), "The deployment [of] North Korean troops")
    assert follow["speaker_text"] == "Rutte"
    y = find(seed(seed_quotes, "004"), "This is an escalation.")
    assert y["speaker_text"] == "Andriy Yermak"
    assert "Sanctions alone are not enough" in y["quote"]  # spans several sentences
    he = find(seed(seed_quotes, "000"), "This is a significant escalation")
    assert he["speaker_text"] == "Rutte" and he["speaker_source"] == "pronoun"
    putin = find(seed(seed_quotes, "000"), "Putin is unable to sustain")
    assert putin["speaker_text"] == "Rutte"  # not the PERSON inside the quote


def test_seed_unnamed_soldier_keeps_description(seed_quotes):
    q = find(seed(seed_quotes, "003"), "Who knows what the f***")
    assert q["speaker_text"] is None
    assert q["speaker_description"] == "One Russian soldier"
    assert q["kind"] == "direct"


def test_seed_fragments(seed_quotes):
    quotes3 = seed(seed_quotes, "003")
    for start in ("K battalion", "fake news", "groundless rumors"):
        assert find(quotes3, start)["kind"] == "fragment"
    fake = find(quotes3, "fake news")
    assert fake["quote"] == "fake news"  # trailing comma trimmed
    assert fake["speaker_text"] == "Kremlin"
    rumors = find(quotes3, "groundless rumors")
    assert rumors["speaker_text"] is None
    assert rumors["speaker_description"] == "a North Korean representative"
    assert find(seed(seed_quotes, "000"), "dangerous expansion")["kind"] == "fragment"


# ---------------------------------------------------------------------------
# invented texts, one construction each
# ---------------------------------------------------------------------------


def test_straight_quotes_multi_sentence_said_x(nlp):
    text = (
        '"The bridge will stay closed until engineers finish their inspection. We cannot '
        "take risks with public safety,\" said Maria Lopez, the city's transport director."
    )
    (q,) = quotes_of(nlp, text)
    assert q["quote"].endswith("risks with public safety")
    assert "inspection. We cannot" in q["quote"]
    assert q["kind"] == "direct" and q["open_ended"] is False
    assert q["speaker_text"] == "Maria Lopez" and q["verb"] == "say"
    assert q["sentence"] == text and q["sent_start_char"] == 0


def test_curly_quotes_x_said_colon(nlp):
    text = (
        "Hospital chief executive Daniel Okafor said: “We have treated 42 patients since "
        "the fire started and expect more tonight.”"
    )
    (q,) = quotes_of(nlp, text)
    assert q["quote"].startswith("We have treated 42 patients")
    assert text[q["start_char"] : q["end_char"]] == q["quote"]
    assert q["speaker_text"] == "Daniel Okafor" and q["kind"] == "direct"


def test_quote_split_by_attribution_gives_two_quotes_same_speaker(nlp):
    text = (
        "“We were not warned,” Aisha Rahman said, “and nobody from the council has "
        "visited us since.”\n\n“The water came in minutes,” Rahman added. “We lost everything.”"
    )
    quotes = quotes_of(nlp, text)
    assert [q["quote"][:12] for q in quotes] == [
        "We were not ",
        "and nobody f",
        "The water ca",
        "We lost ever",
    ]
    assert {q["speaker_text"] for q in quotes[:2]} == {"Aisha Rahman"}
    assert quotes[2]["speaker_text"] == "Rahman" and quotes[2]["verb"] == "add"
    assert quotes[3]["speaker_text"] == "Rahman"
    assert quotes[3]["speaker_source"] == "follow-on"


def test_follow_on_paragraph_keeps_speaker(nlp):
    text = (
        "Fire chief Tomas Berg told reporters the blaze was under control. “Crews worked "
        "through the night to contain the fire on the eastern ridge,” Berg said.\n\n"
        "“We expect the evacuation order to be lifted by Friday.”\n\n"
        "Forecasters expect rain later in the week.\n\n"
        "“Stay away from the ridge until further notice.”"
    )
    quotes = quotes_of(nlp, text)
    assert quotes[0]["speaker_text"] == "Berg"
    assert quotes[1]["speaker_text"] == "Berg" and quotes[1]["speaker_source"] == "follow-on"
    # two paragraphs after the last attributed quote: no inherited speaker
    assert quotes[2]["speaker_text"] is None and quotes[2]["speaker_source"] == ""


def test_unbalanced_marks_do_not_crash(nlp):
    text = (
        "The minister said “the budget will be balanced by next year and no new taxes are "
        'needed.\n\nOpposition leaders disagreed. A stray mark” here and "another unclosed one'
    )
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 2
    assert all(q["open_ended"] for q in quotes)
    assert quotes[0]["quote"].endswith("no new taxes are needed.")
    assert quotes[0]["speaker_description"] == "The minister"
    for odd in ("", '"', "“”", "He said “", "” stray", 'A "b" c "d', "‘", "x\n\n“\n\n”"):
        for q in quotes_of(nlp, odd):
            assert q["quote"].strip()


def test_open_quote_continues_into_next_paragraph(nlp):
    text = (
        "“The first part of a long statement runs across paragraphs.\n\n"
        "“And this is the second part,” said Jan Novak."
    )
    first, second = quotes_of(nlp, text)
    assert first["open_ended"] and not second["open_ended"]
    assert first["speaker_text"] == second["speaker_text"] == "Jan Novak"


def test_fragments_scare_quotes(nlp):
    text = (
        "The opposition dismissed the plan as “reckless gambling,” while analysts were "
        "divided. Residents described the smell as a “chemical haze” that lingered for days. "
        'The striker called the referee\'s decision "a disgrace" and said it had cost them.'
    )
    quotes = quotes_of(nlp, text)
    assert [q["quote"] for q in quotes] == ["reckless gambling", "chemical haze", "a disgrace"]
    assert all(q["kind"] == "fragment" for q in quotes)
    assert quotes[0]["speaker_description"] == "The opposition"
    assert quotes[2]["speaker_description"] == "The striker"


def test_labelled_as_with_organisation(nlp):
    (q,) = quotes_of(nlp, "The Interior Ministry dismissed the reports as “pure fiction.”")
    assert q["kind"] == "fragment" and q["speaker_text"] == "Interior Ministry"
    assert q["verb"] == "dismiss"


def test_according_to(nlp):
    text = (
        "According to Jane Whitfield, a spokeswoman for the airline, “all flights will "
        "resume on Monday once the runway is repaired.”"
    )
    (q,) = quotes_of(nlp, text)
    assert q["verb"] == "according to"
    assert q["speaker_text"] == "Jane Whitfield"
    assert q["kind"] == "direct"


def test_according_to_does_not_override_reporting_verb(nlp):
    text = "“The talks were productive,” the ministry said, according to state media."
    (q,) = quotes_of(nlp, text)
    assert q["verb"] == "say" and q["speaker_description"] == "the ministry"
    (frag,) = quotes_of(nlp, 'According to Jane Smith, the plan is "a disaster for the town."')
    assert frag["kind"] == "fragment"
    assert frag["verb"] == "according to" and frag["speaker_text"] == "Jane Smith"


def test_pronoun_resolves_to_appositive_subject(nlp):
    text = (
        "Coach Ivan Petrov praised the team. His assistant, Marta Kowalska, was less "
        'upbeat. "We were lucky today," she said.'
    )
    (q,) = quotes_of(nlp, text)
    assert q["speaker_text"] == "Marta Kowalska"
    (alone,) = quotes_of(nlp, '"It will not happen again," he said.')
    assert alone["speaker_text"] is None and alone["verb"] == "say"


def test_pronoun_prefers_subject_person_not_nearest_mention(nlp):
    text = (
        "Governor Elena Marsh met residents on Tuesday after a visit from Senator Paul "
        "Greene. “Paul Greene promised federal help, but we need it now,” she said."
    )
    (q,) = quotes_of(nlp, text)
    assert q["speaker_text"] == "Elena Marsh"
    assert q["speaker_source"] == "pronoun"
    assert text[q["speaker_start"] : q["speaker_end"]] == "Elena Marsh"


def test_description_speaker_not_nearby_name(nlp):
    text = (
        "Mayor Ken Ito promised repairs within a week. One shop owner reportedly said, "
        "“We have heard promises like this every winter.”\n\n"
        "A local shopkeeper, who asked not to be named, said, “Nobody has told us when the "
        "power will come back.”\n\n“We are doing everything we can,” said the official."
    )
    quotes = quotes_of(nlp, text)
    assert [q["speaker_text"] for q in quotes] == [None, None, None]
    assert [q["speaker_description"] for q in quotes] == [
        "One shop owner",
        "A local shopkeeper",
        "the official",
    ]


def test_told_press_conference_and_possessor_apposition(nlp):
    text = (
        '"Vaccination centres will open in every district next week," Sara Lindqvist told '
        'a press conference.\n\n"We will not sign this deal under these conditions," '
        "Governor Hale's spokesman Victor Osei said on Friday.\n\n"
        'Kofi Mensah, the coach, told reporters after the match: "We played with heart '
        'tonight and the fans deserved this win."'
    )
    quotes = quotes_of(nlp, text)
    assert [q["speaker_text"] for q in quotes] == ["Sara Lindqvist", "Victor Osei", "Kofi Mensah"]
    assert [q["verb"] for q in quotes] == ["tell", "say", "tell"]


# ---------------------------------------------------------------------------
# quote marks, grouping, diffs, matrix
# ---------------------------------------------------------------------------


def test_find_quote_marks_single_quotes_and_apostrophes():
    text = "The soldiers’ morale was low and the ‘tired’ men left. Korea’s view."
    marks = find_quote_marks(text)
    assert [text[o + 1 : c] for o, c, _ in marks] == ["tired"]
    assert find_quote_marks('5" screens') == []


def test_group_quotes_invented_outlets(nlp):
    a = quotes_of(
        nlp,
        "“We will rebuild every home that was lost in the flood,” Governor Elena Marsh said.",
    )
    b = quotes_of(
        nlp,
        "Marsh promised: “We will rebuild every home that was lost in the flood, and we will "
        "do it this year.”",
    )
    c = quotes_of(nlp, "“Rebuilding will take at least five years,” said engineer Lars Holm.")
    frame = group_quotes(as_frame({("a", "Daily A"): a, ("b", "Herald B"): b, ("c", "Post C"): c}))
    assert list(frame.columns[-2:]) == ["group_id", "group_size"]
    first = frame[frame["doc_id"].isin(["a", "b"])]
    assert first["group_id"].nunique() == 1 and set(first["group_size"]) == {2}
    other = frame[frame["doc_id"] == "c"]
    assert other["group_id"].iloc[0] != first["group_id"].iloc[0]
    assert other["group_size"].iloc[0] == 1
    assert set(frame["group_id"]) == {"Q01", "Q02"}
    assert frame.loc[frame["doc_id"] == "a", "group_id"].iloc[0] == "Q01"


def test_group_quotes_speakers_must_agree_for_loose_matches():
    frame = pd.DataFrame(
        {
            "doc_id": ["x", "y", "z"],
            "outlet": ["X", "Y", "Z"],
            "quote": ["the harvest failed", "the harvest failed again this year", "the harvest"],
            "speaker": ["Ana Ruiz", "Ben Cole", "Ana Ruiz"],
        }
    )
    out = group_quotes(frame)
    # different named speakers: a trimmed quote does not merge
    assert out.loc[0, "group_id"] != out.loc[1, "group_id"]
    # same speaker: a short phrase quoted whole inside a longer quote does
    assert out.loc[0, "group_id"] == out.loc[2, "group_id"]
    assert out.loc[0, "group_size"] == 2 and out.loc[1, "group_size"] == 1
    same = frame.assign(speaker=["Ana Ruiz", "Ruiz", None])
    out = group_quotes(same)
    assert out.loc[0, "group_id"] == out.loc[1, "group_id"]
    assert out.loc[0, "group_size"] == 2
    bridge = pd.DataFrame(
        {
            "doc_id": ["p", "q", "r"],
            "outlet": ["P", "Q", "R"],
            "quote": [
                "the harvest failed because the dam was never finished",
                "the harvest failed",
                "prices will rise now that the harvest failed across the region",
            ],
            "speaker": ["Ana Ruiz"] * 3,
        }
    )
    out = group_quotes(bridge)
    # the short phrase joins one full quote but never merges the two different ones
    assert out.loc[0, "group_id"] != out.loc[2, "group_id"]
    assert out.loc[1, "group_id"] in (out.loc[0, "group_id"], out.loc[2, "group_id"])
    empty = group_quotes(frame.iloc[0:0])
    assert list(empty.columns[-2:]) == ["group_id", "group_size"] and empty.empty


def test_word_diff_ops():
    ops = word_diff("Troops were sent to the Kursk region.", "troops were sent to Kursk Oblast.")
    assert ops == [
        ("equal", "Troops were sent to"),
        ("delete", "the"),
        ("equal", "Kursk"),
        ("delete", "region"),
        ("insert", "Oblast"),
        ("equal", "."),
    ]
    assert word_diff("same words", "Same words") == [("equal", "same words")]


def test_diff_html_escapes_everything():
    a = 'She said <script>alert("x")</script> & left the "harbour" region'
    b = "She said <script>alert('y')</script> & left the “harbour” Oblast"
    left, right = diff_html(a, b)
    for side in (left, right):
        assert "<script" not in side and "</script" not in side
        assert "&lt;script&gt;" in side and "&amp;" in side
    assert "<del>region</del>" in left and "<ins>Oblast</ins>" in right
    assert "<del>" not in right and "<ins>" not in left
    # curly vs straight quote marks compare equal
    assert "left the &quot;harbour&quot; <del>region</del>" in left
    assert "left the “harbour” <ins>Oblast</ins>" in right
    left, right = diff_html("<b>bold</b>", "<img src=x onerror=alert(1)>")
    assert "<b>" not in left and "</b>" not in left and "&lt;/b&gt;" in left
    assert "<img" not in right and right.startswith("&lt;")


def test_speaker_matrix_counts():
    frame = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b", "c"],
            "outlet": ["Daily A", "Daily A", "Herald B", "Herald B", "Daily A"],
            "quote": ["one", "two", "three", "four", "five"],
            "kind": ["direct", "fragment", "direct", "direct", "direct"],
            "speaker": ["Ana Ruiz", "Ana Ruiz", "Ana Ruiz", None, "Ben Cole"],
        }
    )
    m = speaker_matrix(frame)
    assert m.loc["Ana Ruiz", "Daily A"] == 2 and m.loc["Ana Ruiz", "Herald B"] == 1
    assert m.loc["(unattributed)", "Herald B"] == 1
    assert list(m.index)[0] == "Ana Ruiz"
    d = speaker_matrix(frame, direct_only=True, include_unattributed=False)
    assert d.loc["Ana Ruiz", "Daily A"] == 1
    assert "(unattributed)" not in d.index
    assert int(d.to_numpy().sum()) == 3


def test_role_reference_resolves_to_named_person(nlp):
    text = (
        "Prime Minister Jane Holt visited the flooded town of Elmsford on Sunday.\n\n"
        "“We will rebuild every home,” the prime minister said.\n\n"
        "“Nobody came to help us,” a local farmer said."
    )
    quotes = extract_quotes(nlp(text))
    rebuild = next(q for q in quotes if q["quote"].startswith("We will rebuild"))
    assert rebuild["speaker_text"] == "Jane Holt"
    assert rebuild["speaker_source"] == "role"
    farmer = next(q for q in quotes if q["quote"].startswith("Nobody came"))
    assert farmer["speaker_text"] is None and farmer["speaker_description"] == "a local farmer"


def test_large_corpora_compare_only_candidates_with_the_same_result(monkeypatch):
    import random

    import lib.quotes as quotes_module

    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(800)] + ["the", "of", "and", "to"] * 40
    rows = []
    for k in range(420):
        words = [rng.choice(vocab) for _ in range(rng.randint(3, 20))]
        rows.append({"doc_id": f"d{k % 40}", "quote": " ".join(words), "speaker": f"S{k % 30}"})
        if k % 5 == 0 and len(words) > 4:  # a trimmed copy in another document
            rows.append(
                {
                    "doc_id": f"d{(k + 7) % 40}",
                    "quote": " ".join(words[1:]),
                    "speaker": f"S{k % 30}",
                }
            )
        if k % 11 == 0:  # a two-word fragment of it
            rows.append({"doc_id": f"d{(k + 3) % 40}", "quote": " ".join(words[:2]), "speaker": ""})
    frame = pd.DataFrame(rows)

    def partition(out):
        groups: dict[str, list[int]] = {}
        for i, gid in enumerate(out["group_id"]):
            groups.setdefault(gid, []).append(i)
        return sorted(groups.values())

    monkeypatch.setattr(quotes_module, "BLOCKING_MIN", 10**9)
    exact = partition(group_quotes(frame))
    monkeypatch.setattr(quotes_module, "BLOCKING_MIN", 100)
    blocked = partition(group_quotes(frame))
    assert blocked == exact
    assert any(len(g) > 1 for g in exact)  # the copies really were grouped
