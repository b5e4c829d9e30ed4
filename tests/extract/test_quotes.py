"""lib.extract.quotes: direct quotes and fragments with their speakers."""

from __future__ import annotations

from lib.extract.quotes import extract_quotes
from lib.records import Quote
from lib.resolve.quote_groups import group_quotes
from tests.helpers import as_frame, outlet_of


def quotes_of(nlp, text):
    return extract_quotes(nlp(text))


def find(quotes, start):
    hits = [q for q in quotes if q.quote.startswith(start)]
    assert hits, f"no quote starting {start!r} in {[q.quote for q in quotes]}"
    return hits[0]


def seed(seed_quotes, prefix):
    hits = [v for k, v in seed_quotes.items() if k.startswith(prefix)]
    assert len(hits) == 1
    return hits[0][1]


def test_seed_quotes_are_records_with_valid_offsets(seed_quotes):
    total = 0
    for doc, quotes in seed_quotes.values():
        for q in quotes:
            total += 1
            assert isinstance(q, Quote)
            assert doc.text[q.start_char : q.end_char] == q.quote
            assert q.kind in ("direct", "fragment")
            assert doc.text[q.sent_start_char :].startswith(q.sentence)
            if q.speaker_text is not None:
                assert doc.text[q.speaker_start : q.speaker_end] == q.speaker_text
                assert q.speaker_description == ""
    assert total >= 20


def test_seed_enemy_understands_strength(seed_quotes):
    q3 = find(seed(seed_quotes, "003"), "The enemy understands strength")
    assert q3.speaker_text == "Yermak" and q3.kind == "direct"
    q4 = find(seed(seed_quotes, "004"), "The enemy understands strength")
    assert q4.speaker_text == "Yermak"
    assert q4.speaker_how == "carried over"
    frame = group_quotes(as_frame({(k, outlet_of(d)): qs for k, (d, qs) in seed_quotes.items()}))
    rows = frame[frame["quote"].str.startswith("The enemy understands strength")]
    assert len(rows) == 2 and rows["group_id"].nunique() == 1
    assert set(rows["group_size"]) == {2}


def test_seed_other_speakers(seed_quotes):
    z = find(seed(seed_quotes, "001"), "Ukraine will be forced to actually fight")
    assert z.speaker_text == "Zelensky" and z.verb == "say"
    r = find(seed(seed_quotes, "004"), "The deepening military cooperation")
    assert r.speaker_text == "Rutte" and r.verb == "tell"
    follow = find(seed(seed_quotes, "004"), "The deployment [of] North Korean troops")
    assert follow.speaker_text == "Rutte"
    y = find(seed(seed_quotes, "004"), "This is an escalation.")
    assert y.speaker_text == "Andriy Yermak"
    assert "Sanctions alone are not enough" in y.quote  # spans several sentences
    he = find(seed(seed_quotes, "000"), "This is a significant escalation")
    assert he.speaker_text == "Rutte" and he.speaker_how == "pronoun"
    putin = find(seed(seed_quotes, "000"), "Putin is unable to sustain")
    assert putin.speaker_text == "Rutte"  # not the PERSON inside the quote


def test_seed_unnamed_soldier_keeps_description(seed_quotes):
    q = find(seed(seed_quotes, "003"), "Who knows what the f***")
    assert q.speaker_text is None
    assert q.speaker_description == "One Russian soldier"
    assert q.kind == "direct"


def test_seed_fragments(seed_quotes):
    quotes3 = seed(seed_quotes, "003")
    for start in ("K battalion", "fake news", "groundless rumors"):
        assert find(quotes3, start).kind == "fragment"
    fake = find(quotes3, "fake news")
    assert fake.quote == "fake news"  # trailing comma trimmed
    assert fake.speaker_text == "Kremlin"
    rumors = find(quotes3, "groundless rumors")
    assert rumors.speaker_text is None
    # the "to" phrase of a person noun is kept, the place after it is not
    assert rumors.speaker_description == "a North Korean representative to the United Nations"
    assert find(seed(seed_quotes, "000"), "dangerous expansion").kind == "fragment"


def test_straight_quotes_multi_sentence_said_x(nlp):
    text = (
        '"The bridge will stay closed until engineers finish their inspection. We cannot '
        "take risks with public safety,\" said Maria Lopez, the city's transport director."
    )
    (q,) = quotes_of(nlp, text)
    assert q.quote.endswith("risks with public safety")
    assert "inspection. We cannot" in q.quote
    assert q.kind == "direct" and q.open_ended is False
    assert q.speaker_text == "Maria Lopez" and q.verb == "say"
    assert q.sentence == text and q.sent_start_char == 0


def test_curly_quotes_x_said_colon(nlp):
    text = (
        "Hospital chief executive Daniel Okafor said: “We have treated 42 patients since "
        "the fire started and expect more tonight.”"
    )
    (q,) = quotes_of(nlp, text)
    assert q.quote.startswith("We have treated 42 patients")
    assert text[q.start_char : q.end_char] == q.quote
    assert q.speaker_text == "Daniel Okafor" and q.kind == "direct"


def test_quote_split_by_attribution_gives_two_quotes_same_speaker(nlp):
    text = (
        "“We were not warned,” Aisha Rahman said, “and nobody from the council has "
        "visited us since.”\n\n“The water came in minutes,” Rahman added. “We lost everything.”"
    )
    quotes = quotes_of(nlp, text)
    assert [q.quote[:12] for q in quotes] == [
        "We were not ",
        "and nobody f",
        "The water ca",
        "We lost ever",
    ]
    assert {q.speaker_text for q in quotes[:2]} == {"Aisha Rahman"}
    assert quotes[2].speaker_text == "Rahman" and quotes[2].verb == "add"
    assert quotes[3].speaker_text == "Rahman"
    assert quotes[3].speaker_how == "carried over"


def test_follow_on_paragraph_keeps_speaker(nlp):
    text = (
        "Fire chief Tomas Berg told reporters the blaze was under control. “Crews worked "
        "through the night to contain the fire on the eastern ridge,” Berg said.\n\n"
        "“We expect the evacuation order to be lifted by Friday.”\n\n"
        "Forecasters expect rain later in the week.\n\n"
        "“Stay away from the ridge until further notice.”"
    )
    quotes = quotes_of(nlp, text)
    assert quotes[0].speaker_text == "Berg"
    assert quotes[1].speaker_text == "Berg" and quotes[1].speaker_how == "carried over"
    # two paragraphs after the last attributed quote: no inherited speaker
    assert quotes[2].speaker_text is None and quotes[2].speaker_how == ""


def test_unbalanced_marks_do_not_crash(nlp):
    text = (
        "The minister said “the budget will be balanced by next year and no new taxes are "
        'needed.\n\nOpposition leaders disagreed. A stray mark” here and "another unclosed one'
    )
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 2
    assert all(q.open_ended for q in quotes)
    assert quotes[0].quote.endswith("no new taxes are needed.")
    assert quotes[0].speaker_description == "The minister"
    for odd in ("", '"', "“”", "He said “", "” stray", 'A "b" c "d', "‘", "x\n\n“\n\n”"):
        for q in quotes_of(nlp, odd):
            assert q.quote.strip()


def test_open_quote_continues_into_next_paragraph(nlp):
    text = (
        "“The first part of a long statement runs across paragraphs.\n\n"
        "“And this is the second part,” said Jan Novak."
    )
    first, second = quotes_of(nlp, text)
    assert first.open_ended and not second.open_ended
    assert first.speaker_text == second.speaker_text == "Jan Novak"


def test_fragments_scare_quotes(nlp):
    text = (
        "The opposition dismissed the plan as “reckless gambling,” while analysts were "
        "divided. Residents described the smell as a “chemical haze” that lingered for days. "
        'The striker called the referee\'s decision "a disgrace" and said it had cost them.'
    )
    quotes = quotes_of(nlp, text)
    assert [q.quote for q in quotes] == ["reckless gambling", "chemical haze", "a disgrace"]
    assert all(q.kind == "fragment" for q in quotes)
    assert quotes[0].speaker_description == "The opposition"
    assert quotes[2].speaker_description == "The striker"


def test_labelled_as_with_organisation(nlp):
    (q,) = quotes_of(nlp, "The Interior Ministry dismissed the reports as “pure fiction.”")
    assert q.kind == "fragment" and q.speaker_text == "Interior Ministry"
    assert q.verb == "dismiss"


def test_according_to(nlp):
    text = (
        "According to Jane Whitfield, a spokeswoman for the airline, “all flights will "
        "resume on Monday once the runway is repaired.”"
    )
    (q,) = quotes_of(nlp, text)
    assert q.verb == "according to"
    assert q.speaker_text == "Jane Whitfield"
    assert q.kind == "direct"


def test_according_to_does_not_override_reporting_verb(nlp):
    text = "“The talks were productive,” the ministry said, according to state media."
    (q,) = quotes_of(nlp, text)
    assert q.verb == "say" and q.speaker_description == "the ministry"
    (frag,) = quotes_of(nlp, 'According to Jane Smith, the plan is "a disaster for the town."')
    assert frag.kind == "fragment"
    assert frag.verb == "according to" and frag.speaker_text == "Jane Smith"


def test_pronoun_resolves_to_appositive_subject(nlp):
    text = (
        "Coach Ivan Petrov praised the team. His assistant, Marta Kowalska, was less "
        'upbeat. "We were lucky today," she said.'
    )
    (q,) = quotes_of(nlp, text)
    assert q.speaker_text == "Marta Kowalska"
    (alone,) = quotes_of(nlp, '"It will not happen again," he said.')
    assert alone.speaker_text is None and alone.verb == "say"


def test_pronoun_prefers_subject_person_not_nearest_mention(nlp):
    text = (
        "Governor Elena Marsh met residents on Tuesday after a visit from Senator Paul "
        "Greene. “Paul Greene promised federal help, but we need it now,” she said."
    )
    (q,) = quotes_of(nlp, text)
    assert q.speaker_text == "Elena Marsh"
    assert q.speaker_how == "pronoun"
    assert text[q.speaker_start : q.speaker_end] == "Elena Marsh"


def test_description_speaker_not_nearby_name(nlp):
    text = (
        "Mayor Ken Ito promised repairs within a week. One shop owner reportedly said, "
        "“We have heard promises like this every winter.”\n\n"
        "A local shopkeeper, who asked not to be named, said, “Nobody has told us when the "
        "power will come back.”\n\n“We are doing everything we can,” said the official."
    )
    quotes = quotes_of(nlp, text)
    assert [q.speaker_text for q in quotes] == [None, None, None]
    assert [q.speaker_description for q in quotes] == [
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
    assert [q.speaker_text for q in quotes] == ["Sara Lindqvist", "Victor Osei", "Kofi Mensah"]
    assert [q.verb for q in quotes] == ["tell", "say", "tell"]


def test_role_reference_resolves_to_named_person(nlp):
    text = (
        "Prime Minister Jane Holt visited the flooded town of Elmsford on Sunday.\n\n"
        "“We will rebuild every home,” the prime minister said.\n\n"
        "“Nobody came to help us,” a local farmer said."
    )
    quotes = extract_quotes(nlp(text))
    rebuild = next(q for q in quotes if q.quote.startswith("We will rebuild"))
    assert rebuild.speaker_text == "Jane Holt"
    assert rebuild.speaker_how == "role"
    farmer = next(q for q in quotes if q.quote.startswith("Nobody came"))
    assert farmer.speaker_text is None and farmer.speaker_description == "a local farmer"


def test_reporting_verbs_as_written(nlp):
    """The verb as the article writes it beside its dictionary form: "labelled", not
    "label"; a speaker carried over keeps the verb written in the sentence before."""
    (q,) = quotes_of(nlp, "The Interior Ministry labelled the reports “pure fiction.”")
    assert q.verb == "label" and q.verb_text == "labelled"
    (q,) = quotes_of(nlp, "The mayor characterised the plan as “a disaster for the town.”")
    assert q.verb_text == "characterised"
    (acc,) = quotes_of(nlp, 'According to Jane Smith, the plan is "a disaster for the town."')
    assert acc.verb_text == "according to"
    text = (
        "“The port will reopen on Monday,” Maria Lopez told reporters on Friday. She gave "
        "no date for the ferries. “We are waiting for the divers,” she added."
    )
    first, second = quotes_of(nlp, text)
    assert (first.verb_text, second.verb_text) == ("told", "added")
    assert all(
        q.verb_text == "" for q in quotes_of(nlp, "He wrote “nothing” at all.") if not q.verb
    )
