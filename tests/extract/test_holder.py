"""Whose measurement a figure is (holder) and which time it is about, on invented
sentences (lib.extract.holder, lib.extract.measure.time_text)."""

from __future__ import annotations

import pytest

from lib.extract.figures import extract_figures


def one(nlp, text: str, value: float):
    figs = [f for f in extract_figures(nlp(text)) if f.value == value]
    assert len(figs) == 1, figs
    return figs[0]


@pytest.mark.parametrize(
    ("text", "value", "holder", "how"),
    [
        ("A rival candidate's own rate was 36%.", 36, "rival candidate", "possessor"),
        ("Velmar's net worth of $10 billion is disputed.", 1e10, "Velmar", "possessor"),
        ("Osei led with 21 percent.", 21, "Osei", "with"),
        ("Osei trailed, followed by 17 percent for Brannigan.", 17, "Brannigan", "for"),
        ("Halvorsen Foods stores employ 14,000 people.", 14_000, "Halvorsen Foods", "subject"),
        ("The couple paid an effective tax rate of 35.7% in 2014.", 35.7, "couple", "subject"),
        ("Dario Quint, 68, resigned on Thursday.", 68, "Dario Quint", "apposition"),
        (  # a clause with no subject of its own shares its head verb's
            "Adaeze Okafor won the race on Tuesday, taking 52 percent of the vote.",
            52,
            "Adaeze Okafor",
            "subject",
        ),
        (  # a possessive on the figure itself
            "Okafor took 52 percent of the vote to Carl Haskins's 46 percent.",
            46,
            "Carl Haskins",
            "possessor",
        ),
        (  # the name set beside a common-noun subject
            "Her opponent, Carl Haskins, received 46% of the vote.",
            46,
            "Carl Haskins",
            "subject",
        ),
        (  # a relative clause without "that", read as the figure modifying the name
            "By comparison, the $3 million Ada Roe raised last year came from donors.",
            3e6,
            "Ada Roe",
            "subject",
        ),
        (  # a relative clause's "who" stands for the name it follows
            "Ilse Varga, who has an estimated net worth of $9 billion, mocked him.",
            9e9,
            "Ilse Varga",
            "subject",
        ),
        (  # a gerund after "after" shares the subject of the verb its phrase hangs from
            "Adaeze Okafor has seen mixed results after raising $2.5 million for rivals.",
            2.5e6,
            "Adaeze Okafor",
            "subject",
        ),
    ],
)
def test_holder_from_the_parse(nlp, text, value, holder, how):
    fig = one(nlp, text, value)
    assert (fig.holder_text, fig.holder_how) == (holder, how)
    start, end = fig.holder_start, fig.holder_end
    assert text[start:end] == holder


@pytest.mark.parametrize(
    "text",
    [
        "Adaeze Okafor was elected governor on Tuesday with about 52% of the vote.",
        "Okafor won the race, taking the most votes, with 98 percent of precincts reporting.",
    ],
)
def test_a_day_or_an_absolute_clause_holds_no_share(nlp, text):
    fig = [f for f in extract_figures(nlp(text)) if f.unit == "%"][0]
    assert fig.holder_text in ("", "Adaeze Okafor") and "Tuesday" not in fig.holder_text
    if "precincts" in text:
        assert fig.holder_text == ""  # the share of precincts is nobody's


def test_the_accusers_hold_no_figure_of_what_they_accuse_others_of(nlp):
    """ "officials have accused Ruritania of preparing to send up to 10,000 troops": the
    gerund after "of" is Ruritania's, never the accusers' (only "after", "by", "while" …
    share the subject: "after raising $2.5 million")."""
    fig = one(nlp, "Carrow officials have accused Ruritania of preparing to send up to "
                   "10,000 troops to the border.", 10_000)  # fmt: skip
    assert "officials" not in fig.holder_text


def test_a_reporting_subject_holds_nothing(nlp):
    fig = one(nlp, "Officials said 300 homes were flooded.", 300)
    assert fig.holder_text == ""


@pytest.mark.parametrize(
    ("text", "value", "time"),
    [
        ("Police made six arrests Wednesday, compared to 47 the previous night.", 6, "Wednesday"),
        ("Police made six arrests Wednesday, compared to 47 the previous night.", 47,
         "the previous night"),
        ("Last week the committee held four hearings.", 4, "Last week"),
        ("The couple paid an effective tax rate of 35.7% in 2014.", 35.7, "2014"),
        ("Police made 47 arrests overnight, officials said on Thursday.", 47, "overnight"),
        ("Strom, a 21-year veteran of the force, was dismissed on Friday.", 21, ""),
        ("The storm killed 52 people.", 52, ""),
        # a change's starting value has its own time, never the new value's
        ("Sales rose to $3.1 billion last year from $2.6 billion in 2024.", 2.6e9, "2024"),
        ("The toll rose to nine on Tuesday, up from seven.", 7, ""),
        ("The rate stood at 4.8 percent in May and 4.5 percent a year earlier.", 4.5,
         "a year earlier"),
    ],
)  # fmt: skip
def test_time_the_figure_is_about(nlp, text, value, time):
    assert one(nlp, text, value).time_text == time


def test_a_hyphenated_time_unit_is_a_duration_of_its_noun(nlp):
    fig = one(nlp, "The board imposed a 60-day suspension.", 60)
    assert (fig.kind, fig.unit, fig.counted) == ("duration", "day", "suspension")


def test_a_figure_hung_on_a_name_counts_the_noun_after_it(nlp):
    fig = one(nlp, "That translates into more than 4,300 Halvorsen and Tybee stores.", 4300)
    assert fig.counted_head == "store"


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Brannigan and Osei were at 17 percent each in the poll.", "Brannigan and Osei"),
        ("Brannigan and Osei, with 11 percent each, trailed the leader.", "Brannigan and Osei"),
        ("Okafor and Moreau each had 11 percent of the vote.", "Okafor and Moreau"),
        ("Okafor, Lindqvist and Moreau had 11 percent each.", "Okafor, Lindqvist and Moreau"),
        ("Okafor, Lindqvist and Moreau with 11 percent trailed.", "Okafor, Lindqvist and Moreau"),
        (
            "Osei led, followed by Brannigan and former Gov. Ada Quint at 17 percent each.",
            "Brannigan and former Gov. Ada Quint",
        ),
    ],
)
def test_one_figure_shared_by_coordinated_names_is_held_by_all_of_them(nlp, text, holder):
    fig = one(nlp, text, 11 if "11" in text else 17)
    assert fig.holder_text == holder
    assert text[fig.holder_start : fig.holder_end] == holder


def test_a_name_before_a_comma_does_not_hold_a_figure_it_does_not_share(nlp):
    fig = one(nlp, "The survey was run by Gallup, with 30 percent saying yes.", 30)
    assert fig.holder_text == ""


@pytest.mark.parametrize(
    "text",
    [
        "The 64-year-old Delgado said on Tuesday that she would not seek another term.",
        "Maria Delgado, a 64-year-old Democrat, said she will retire.",
        "At 64, Maria Delgado is leaving the Senate after three terms.",
        "Maria Delgado, who is 64, told reporters in Austin that she would retire.",
    ],
)
def test_an_age_is_held_by_the_person_it_describes(nlp, text):
    fig = one(nlp, text, 64)
    assert fig.kind == "age"
    assert fig.holder_how == "aged"
    assert "Delgado" in fig.holder_text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("At 10, the index was up 50 points.", 10),
        ("At 5, the polls close across the state.", 5),
        ("The company, which is 64, was sold.", 64),
        ("A 64-year-old bridge collapsed on Monday.", 64),
    ],
)
def test_no_person_no_age_holder(nlp, text, value):
    fig = one(nlp, text, value)
    assert fig.holder_how != "aged"


@pytest.mark.parametrize(
    "text",
    [
        "First line.\nLIMA, Peru — Chile and Peru signed a $2.4 billion agreement on Monday.",
        "First line.\nLIMA, Feb. 25 (Andes Wire) — Chile and Peru signed a $2.4 billion "
        "agreement on Monday.",
    ],
)
def test_a_dateline_holds_no_figure(nlp, text):
    fig = one(nlp, text, 2.4e9)
    assert fig.holder_text.startswith("Chile")


def test_a_subject_that_is_no_dateline_still_holds(nlp):
    assert one(nlp, "First line.\nFord cut 13,000 jobs.", 13_000).holder_text == "Ford"


def test_a_share_counting_nothing_shows_what_the_share_before_it_counts(nlp):
    figs = extract_figures(
        nlp("Okafor took 52 percent of the vote to Carl Haskins's 46 percent on Tuesday.")
    )
    second = [f for f in figs if f.value == 46][0]
    assert (second.counted, second.counted_how, second.counted_head) == ("vote", "context", "")
