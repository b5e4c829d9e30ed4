"""lib.extract.figures: values, qualifiers, units, what is counted and who said it."""

from __future__ import annotations

import pytest

from lib.extract.figures import QUALIFIERS, extract_figures
from lib.records import Figure
from lib.views.figures import format_figure
from tests.helpers import source


def labels(figures, vague=False):
    """Figures as the Figures page shows them by default (counts of one hidden)."""
    return [
        format_figure(f.value, f.value_max, f.qualifier, f.unit)
        for f in figures
        if (vague or f.qualifier != "vague") and f.kind != "one"
    ]


def figure_with(figures, text):
    found = [f for f in figures if text in f.text]
    assert found, f"no figure with {text!r} in {[f.text for f in figures]}"
    return found[0]


def figs_of(nlp, text, **kw):
    return extract_figures(nlp(text), **kw)


def speaker_entity(doc, fig):
    if fig.said_by_start is None:
        return None
    return doc.text[fig.said_by_start : fig.said_by_end]


def test_every_figure_is_a_figure_record(seed_figures):
    assert sum(len(figures) for _doc, figures, _ in seed_figures.values()) >= 10
    for _doc, figures, _ in seed_figures.values():
        for f in figures:
            assert isinstance(f, Figure)
            assert f.qualifier in QUALIFIERS


def test_offsets_point_at_the_figure_text(seed_figures):
    assert any(figures for _doc, figures, _ in seed_figures.values())
    for doc, figures, _ in seed_figures.values():
        for f in figures:
            assert doc.text[f.start_char : f.end_char] == f.text
            sent = doc.text[f.sent_start_char :]
            assert sent.startswith(f.sentence[:20])


def test_seed_000(seed_figures):
    doc, figures, _ = seed_figures["000"]
    assert labels(figures, vague=True) == ["≥600,000"]
    fig = figures[0]
    assert fig.counted == "Russian soldiers killed or wounded"
    assert fig.counted_head == "soldier"
    assert "Rutte" in source(fig)
    assert "Rutte" in speaker_entity(doc, fig)


def test_seed_001(seed_figures):
    doc, figures, _ = seed_figures["001"]
    assert labels(figures) == ["~3,000", "≤10,000", "~1,500", "1,500"]
    vague = [f for f in figures if f.qualifier == "vague"]
    assert [f.text for f in vague] == ["millions"]  # "millions of rounds": kept as vague
    assert figure_with(figures, "3,000").counted == "North Korean personnel"
    assert source(figure_with(figures, "3,000")) == "U.S. officials"
    assert source(figure_with(figures, "10,000")) == "Ukrainian officials"
    special = figure_with(figures, "around 1,500")
    assert special.counted == "North Korean special operations troops"
    assert source(special) == "National Intelligence Service"
    assert special.said_by_how == "according to"
    assert "National Intelligence Service" in speaker_entity(doc, special)


def test_seed_002(seed_figures):
    doc, figures, _ = seed_figures["002"]
    assert labels(figures, vague=True) == ["~11,000", "~3,000", "≥600,000", "3,000"]
    assert source(figure_with(figures, "11,000")) == "Ukrainian intelligence"
    casualty = figure_with(figures, "600,000")
    assert casualty.counted == "Russian soldiers killed or wounded"
    assert "Rutte" in source(casualty)  # "The NATO chief ..., citing that “...”"
    (plain,) = [f for f in figures if f.text == "3,000"]
    assert plain.counted == "military personnel"
    assert source(plain) == "South Korean intelligence"
    assert all(f.value not in (27, 28, 1) for f in figures)


def test_seed_003(seed_figures):
    _doc, figures, _ = seed_figures["003"]
    assert labels(figures, vague=True) == ["≥600,000"]  # no "one audio clip", "One Russian"
    assert "Rutte" in source(figures[0])


def test_seed_004(seed_figures):
    doc, figures, _ = seed_figures["004"]
    assert labels(figures) == ["≥600,000", "10,000"]
    assert labels(figures, vague=True) == ["≥600,000", "10,000", "thousands"]
    ten = figure_with(figures, "10,000")
    assert source(ten) == "Volodymyr Zelensky"  # "He has claimed ..." resolved
    assert speaker_entity(doc, ten) == "Volodymyr Zelensky"
    assert source(figure_with(figures, "600,000")) == "Rutte"
    assert all("three" not in f.text and "weeks" not in f.text for f in figures)


def test_include_vague_false_drops_vague(seed_figures):
    doc, _, _ = seed_figures["004"]
    assert labels(extract_figures(doc, include_vague=False), vague=True) == ["≥600,000", "10,000"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The World Bank said it would provide $5.7 billion in aid to the region.",
            [("$5.7 billion", 5.7e9, 5.7e9, "exact", "USD")],
        ),
        (
            "The company announced an $8B acquisition of a chip designer.",
            [("$8B", 8e9, 8e9, "exact", "USD")],
        ),
        ("The club paid €3m for the striker.", [("€3m", 3e6, 3e6, "exact", "EUR")]),
        (
            "The plan will cost taxpayers £2.5 billion, the Treasury estimated.",
            [("£2.5 billion", 2.5e9, 2.5e9, "exact", "GBP")],
        ),
        ("Inflation rose 12% in March.", [("12%", 12, 12, "exact", "%")]),
        ("Turnout was 67 percent this time.", [("67 percent", 67, 67, "exact", "%")]),
        ("Prices fell by 10-15% over the period.", [("10-15%", 10, 15, "range", "%")]),
        (
            "Between 200 and 300 people gathered outside parliament.",
            [("Between 200 and 300", 200, 300, "range", "")],
        ),
        (
            "Three firefighters were hurt and a dozen homes were destroyed.",
            [("Three", 3, 3, "exact", ""), ("a dozen", 12, 12, "exact", "")],
        ),
        (
            "Thousands of residents fled, while hundreds of thousands lost power.",
            [
                ("Thousands", 1e3, 1e4, "vague", ""),
                ("hundreds of thousands", 1e5, 1e6, "vague", ""),
            ],
        ),
        (
            "Police put the crowd at about 20,000, while organisers claimed as many as "
            "100,000 attended.",
            [
                ("about 20,000", 2e4, 2e4, "approx", ""),
                ("as many as 100,000", 1e5, 1e5, "at_most", ""),
            ],
        ),
        (
            "At least 40 people died and nearly 1.5 million were left without water.",
            [
                ("At least 40", 40, 40, "at_least", ""),
                ("nearly 1.5 million", 1.5e6, 1.5e6, "approx", ""),
            ],
        ),
        (
            "The storm dumped 300 mm of rain and some two hundred and fifty volunteers helped.",
            [
                ("300 mm", 300, 300, "exact", "mm"),
                ("some two hundred and fifty", 250, 250, "approx", ""),
            ],
        ),
        (
            "The budget was $3.2bn-$3.5bn this year.",
            [("$3.2bn-$3.5bn", 3.2e9, 3.5e9, "range", "USD")],
        ),
        ("They said 10,000+ fans sang.", [("10,000+", 1e4, 1e4, "at_least", "")]),
        ("The show drew 3m viewers.", [("3m", 3e6, 3e6, "exact", "")]),
        ("They built a 3m wall.", [("3m", 3, 3, "exact", "m")]),
        ("Half a million people marched.", [("Half a million", 5e5, 5e5, "exact", "")]),
        ("Two or three ships were seen near the port.", [("Two or three", 2, 3, "range", "")]),
        (
            "The fund raised 1.5 million dollars.",
            [("1.5 million dollars", 1.5e6, 1.5e6, "exact", "USD")],
        ),
        ("The stamp costs 73 cents.", [("73 cents", 73, 73, "exact", "cent")]),
        ("A pint costs 90 pence.", [("90 pence", 90, 90, "exact", "penny")]),
        ("Winds reached 150 miles per hour.", [("150 miles per hour", 150, 150, "exact", "mph")]),
        ("It drove 90 kilometres an hour.", [("90 kilometres an hour", 90, 90, "exact", "km/h")]),
        ("The deal is worth 40 billion rand.", [("40 billion rand", 40e9, 40e9, "exact", "ZAR")]),
        (  # a name several currencies share stays as written
            "The ministry will spend 2 billion crowns.",
            [("2 billion crowns", 2e9, 2e9, "exact", "crown")],
        ),
        ("Unemployment fell to 4 per cent.", [("4 per cent", 4, 4, "exact", "%")]),
    ],
)
def test_values_qualifiers_units(nlp, text, expected):
    got = [(f.text, f.value, f.value_max, f.qualifier, f.unit) for f in figs_of(nlp, text)]
    assert [g[0] for g in got] == [e[0] for e in expected]
    for g, e in zip(got, expected, strict=True):
        assert g[1] == pytest.approx(e[1])
        assert g[2] == pytest.approx(e[2])
        assert g[3:] == e[3:]


@pytest.mark.parametrize(
    "text",
    [
        "The earthquake struck at 5:30 am on 12 March 2023, the first such quake since 1999.",
        "The driver, who was born in 1979, was arrested on Friday.",
        "On 4 July 2020 the 3rd battalion moved; the talks ran from 14-16 May.",
        "Under Article 5 of the treaty and Resolution 2231, the council met in Room 12.",
        "The strike began in 2022 and ended in May 2023.",
        "The F-16 and the Su-25 flew over the city in the 1990s.",
        "The home side won 3-1 after a 50-50 challenge.",
    ],
)
def test_not_figures(nlp, text):
    assert [f.text for f in figs_of(nlp, text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 45-year-old driver was arrested on Friday.", [("45", "age")]),
        (
            # "one of the shelters" is a pronoun, not a count (tests/extract/test_not_figures.py)
            "One resident said she had lost everything, and one of the shelters was closed.",
            [("One", "one")],
        ),
        ("The strike lasted for 10 days in 2022.", [("10", "duration")]),
        (
            "Turnout was 64% and the fund paid $3 million.",
            [("64%", "percent"), ("$3 million", "money")],
        ),
        ("The quake of magnitude 6.6 killed 12 people.", [("6.6", "measure"), ("12", "count")]),
    ],
)
def test_figure_kinds(nlp, text, expected):
    """Ages, durations and counts of one are figures too, marked by kind (pages can hide them)."""
    assert [(f.text, f.kind) for f in figs_of(nlp, text)] == expected


def test_counted_phrase_other_event(nlp):
    (fig,) = figs_of(nlp, "Officials said at least 40 Haitian migrants were rescued at sea.")
    assert fig.counted == "Haitian migrants rescued"
    assert fig.counted_head == "migrant"
    assert fig.counted_lemmas.split() == ["haitian", "migrant", "rescue"]
    assert fig.counted_groups == "Haitian"


def test_a_name_in_what_is_counted_keeps_its_words(nlp):
    (fig,) = figs_of(nlp, "The stock closed at $38.12 in New York trading.")
    assert fig.counted == "New York trading"  # "New" is a stop word only outside a name
    (fig,) = figs_of(nlp, "The army sent 300 new troops.")
    assert fig.counted == "troops"


@pytest.mark.parametrize(
    ("text", "figure", "speaker", "entity"),
    [
        (
            '"More than 300 homes were destroyed," said Maria Lopez, a spokeswoman.',
            "300",
            "Maria Lopez",
            "Maria Lopez",
        ),
        (
            "Rescue teams pulled 75 survivors from the rubble, the Red Cross noted.",
            "75",
            "Red Cross",
            "Red Cross",
        ),
        ("According to Reuters, 2,300 workers lost their jobs.", "2,300", "Reuters", "Reuters"),
        (
            'Maria Lopez spoke at the scene. "It was terrible. We counted 400 bodies," she said.',
            "400",
            "Maria Lopez",
            "Maria Lopez",
        ),
        (
            "Mayor Tom Baker visited the site. He said 1,200 homes had been damaged.",
            "1,200",
            "Tom Baker",
            "Tom Baker",
        ),
        (
            "John Doe, the airline's chief executive, estimated that 40% of flights would go.",
            "40%",
            "John Doe",
            "John Doe",
        ),
        (
            "Citing hospital records, the Health Ministry reported 120 people were treated.",
            "120",
            "Health Ministry",
            "Health Ministry",
        ),
        (
            "The UN agency pointed to the damage, citing that “some 9,000 families have fled.”",
            "9,000",
            "The UN agency",
            None,
        ),
        ("Brazilian officials claimed 52 miners were trapped.", "52", "Brazilian officials", None),
    ],
)
def test_speakers(nlp, text, figure, speaker, entity):
    doc = nlp(text)
    fig = figure_with(extract_figures(doc), figure)
    assert source(fig) == speaker
    if entity is not None:
        assert speaker_entity(doc, fig) == entity


def test_source_descriptions_keep_their_words_and_name_their_entity(nlp):
    doc = nlp(
        "U.S. officials said 3,000 soldiers were sent. Ukrainian intelligence put it at 5,000."
    )
    three, five = extract_figures(doc)
    assert three.said_by_text is None and three.said_by_description == "U.S. officials"
    assert doc.text[three.said_by_ent_start : three.said_by_ent_end] == "U.S."
    assert five.said_by_description == "Ukrainian intelligence"
    assert doc.text[five.said_by_ent_start : five.said_by_ent_end] == "Ukrainian"


def test_no_speaker_when_none_given(nlp):
    (fig,) = figs_of(nlp, "About 3,000 cars were stuck on the motorway.")
    assert source(fig) is None and fig.said_by_start is None


def test_source_carries_to_next_sentence_about_the_same_thing(nlp):
    text = (
        "The interior ministry said 200 protesters were arrested in Lyon on Friday. "
        "Another 50 protesters were detained overnight.\n\n"
        "About 300 shops were closed."
    )
    figs = {f.text: f for f in extract_figures(nlp(text))}
    assert figs["200"].said_by_how == "explicit" and source(figs["200"])
    assert source(figs["50"]) == source(figs["200"])
    assert figs["50"].said_by_how == "carried over"
    # a new paragraph about something else does not inherit the source
    assert source(figs["About 300"]) is None


def test_bare_counts_the_model_tags_as_dates_are_figures(nlp):
    figs = extract_figures(nlp("The port authority put the number of waiting ships at around 45."))
    assert [(f.text, f.qualifier, f.value) for f in figs] == [("around 45", "approx", 45)]
    for text in (
        "The talks on 27-28 October ended.",
        "It happened nearly three years ago.",
        "The vote is at 10:30 on Monday.",
    ):
        assert [f.kind for f in extract_figures(nlp(text)) if f.kind != "duration"] == [], text
    assert [f.kind for f in extract_figures(nlp("He was 45 years old."))] == ["age"]


def test_a_duration_the_model_ran_into_a_date_before_it_is_a_figure(nlp):
    text = ("Marta Lind, a former councillor of the river town, was sentenced on Tuesday to 30 "
            "months in prison in the fraud case that ended her career.")  # fmt: skip
    figs = extract_figures(nlp(text))
    assert [(f.value, f.unit, f.kind) for f in figs] == [(30, "month", "duration")]
    assert extract_figures(nlp("The festival runs from June 5 to 7 in the park.")) == []


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Zentrix advanced 8% on Tuesday.", "8%", "Zentrix"),
        ("The steel footbridge is 72.7 metres long.", "72.7 metres", "steel footbridge"),
        ("The river barge was sold for $30.", "$30", "river barge"),
    ],
)
def test_counted_from_context_is_shown_but_never_grouped_on(nlp, text, figure, counted):
    """A figure counting no noun shows what its clause is about (``counted_how`` context);
    its grouping keys stay empty so claims never join on such a weak reading."""
    (fig,) = [f for f in figs_of(nlp, text) if f.text == figure]
    assert fig.counted == counted
    assert fig.counted_how == "context"
    assert fig.counted_head == "" and fig.counted_lemmas == ""


def test_counted_noun_is_marked_as_such(nlp):
    (fig,) = figs_of(nlp, "Rescuers found 75 survivors in the rubble.")
    assert (fig.counted, fig.counted_how) == ("survivors", "noun")


@pytest.mark.parametrize(
    ("text", "figure", "unit", "counted"),
    [
        ("The judge read the 120-word statement in court.", "120-word", "word", "statement"),
        ("The committee approved a 12-page bill on Monday.", "12-page", "page", "bill"),
    ],
)
def test_hyphenated_measure_describes_its_noun(nlp, text, figure, unit, counted):
    """ "a 120-word statement": the unit is the word, the statement is what is measured, and
    the clause's verb (read, approved) is not the figure's event."""
    (fig,) = figs_of(nlp, text)
    assert (fig.text, fig.unit, fig.counted, fig.predicate) == (
        figure,
        unit,
        counted,
        "",
    )


def test_a_list_of_moves_reads_each_figure_with_its_own_name(nlp):
    figs = figs_of(nlp, "Closing prices on Friday: Zentrix +0.2%, Borlan +0.3%.")
    assert [(f.text, f.counted, f.counted_how) for f in figs] == [
        ("+0.2%", "Zentrix", "context"),
        ("+0.3%", "Borlan", "context"),
    ]


@pytest.mark.parametrize(("gap", "found"), [(3, "Zentrix"), (6, None)])
def test_context_noun_is_never_a_far_guess(blank_nlp, gap, found):
    """The last fallback takes a noun within NEAR_WORDS tokens of the figure, never farther
    (a hand-built parse: every word hangs on the figure, so only the fallback can answer)."""
    from spacy.tokens import Doc

    from lib.extract.candidates import Candidate
    from lib.extract.counted import NEAR_WORDS, context_noun

    assert (gap < NEAR_WORDS) == (found is not None)  # the cases straddle the window
    words = ["Zentrix"] + ["very"] * gap + ["12"]
    n = len(words)
    doc = Doc(
        blank_nlp.vocab,
        words=words,
        pos=["PROPN"] + ["ADV"] * gap + ["NUM"],
        heads=[n - 1] * n,
        deps=["dep"] * (n - 1) + ["ROOT"],
    )
    cand = Candidate(n - 1, n - 1, n, (n - 1, n), 12.0, 12.0, "exact", "")
    noun = context_noun(doc, cand)
    assert (noun.text if noun is not None else None) == found


def test_a_kickers_number_is_not_a_figure(nlp):
    text = (
        "UPDATE 2-Floodwaters force 3,000 from homes\n\n"
        "Officials said 40 schools had closed. Analysis: 5 towns were cut off."
    )
    values = sorted(f.value for f in figs_of(nlp, text))
    assert 2 not in values
    assert {3000, 40, 5} <= set(values)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Winds reached 150 miles per hour as the storm crossed the bay.", ""),
        ("The company will pay $52 per share in cash.", ""),
        ("Prices rose 4% in May, per the ministry.", "the ministry"),
    ],
)
def test_per_names_a_source_only_before_one(nlp, text, source):
    assert figs_of(nlp, text)[0].said_by_description == source  # "per hour" is a rate


@pytest.mark.parametrize(
    ("text", "share", "written", "counted"),
    [
        ("Halvorsen won roughly 7 in 10 voters who skipped the last vote.", 0.7,
         "roughly 7 in 10", "voters"),
        ("One in every five households in Brenmoor lost power on Monday.", 0.2,
         "One in every five", "households"),
        ("Nearly one in 10 tenants owes back rent, the council said.", 0.1,
         "Nearly one in 10", "tenants"),
    ],
)  # fmt: skip
def test_a_share_written_n_in_m_is_one_figure(nlp, text, share, written, counted):
    """ "7 in 10 voters" is one share (0.7) of voters, not a 7 and a 10 (before: "10"
    stood alone and lined up with another outlet's "10 points")."""
    figures = figs_of(nlp, text)
    assert [(f.text, round(f.value, 3), f.counted) for f in figures] == [
        (written, share, counted)
    ]


def test_n_in_a_year_or_a_time_is_no_share(nlp):
    """ "3 in 2016", "12 in 10 days": counts and a time, never a share."""
    figures = figs_of(nlp, "Police made 12 arrests in 10 days and 3 in 2016.")
    assert [(f.text, f.value) for f in figures] == [("12", 12), ("10", 10), ("3", 3)]


def test_a_persons_name_is_no_thing_counted(nlp):
    """ "the $3 million Ada Roe raised": the parser hangs the figure on the name; the money
    counts no "Roe" (before: counted "Roe", which lined it up with another person's money)."""
    figures = figs_of(nlp, "By comparison, the $3 million Ada Roe raised between January "
                           "and June came mostly from large donors.")  # fmt: skip
    money = figure_with(figures, "$3 million")
    assert "Roe" not in money.counted
