"""Speakers right on stories never seen (issue 23, class 7). Every passage is invented."""

from __future__ import annotations

import pytest

from lib.nlp import antecedents
from tests.helpers import quotes_in_text, speaker_of


def test_the_governor_replied_is_the_storys_governor(analyse_texts):
    texts = {
        "a": (
            "Governor tours flood zone\n\n"
            "Jane Roe, the governor, toured the flooded town of Millbrook on Monday. Mayor Tom "
            'Bell met her at the bridge.\n\n"We will rebuild every house," Roe said.'
        ),
        "b": (
            "Flood aid promised\n\n"
            "Residents of Millbrook asked for help on Monday. Tom Bell, the mayor, walked the "
            'streets.\n\n"We will rebuild every house," the governor replied when asked.'
        ),
    }
    quotes = analyse_texts(texts, {"a": "A", "b": "B"}).quotes
    b = quotes[quotes["doc_id"] == "b"].iloc[0]
    assert (b["speaker"], b["speaker_how"]) == ("Jane Roe", "story role")  # not the nearest name


def test_the_governor_in_the_same_article_from_an_apposition(nlp):
    text = (
        "Jane Roe, the governor, toured the flooded town on Monday. Mayor Tom Bell joined "
        'her.\n\n"We will rebuild every house," the governor said.'
    )
    (q,) = quotes_in_text(nlp, text)
    assert (q.speaker_text, q.speaker_how) == ("Jane Roe", "role")


def test_a_person_introduced_by_another_speaks_next(nlp):
    text = (
        "Senator Alan Marsh introduced Jake Reyes, a local pastor, at the shelter. "
        '"Nobody here will go hungry," he said.'
    )
    (q,) = quotes_in_text(nlp, text)
    assert q.speaker_text == "Jake Reyes"


def test_statement_and_polls_are_sources_only_when_the_text_says_they_said_it(nlp):
    text = (
        "On Monday she released a statement saying, “The shelters will stay open all week.” "
        "Mayor Ana Ruiz had visited the town.\n\n"
        "“Help is on the way,” a statement from the governor's office said.\n\n"
        "“Nobody will be left behind,” the statement said.\n\n"
        "“We are ahead in this race,” Tom Bell said on Tuesday, citing recent polls."
    )
    got = [speaker_of(q) for q in quotes_in_text(nlp, text)]
    assert got[1:] == ["the governor's office", "the statement", "Tom Bell"]


def test_a_statement_issued_by_a_named_person_is_theirs(nlp):
    text = (
        "Mayor Ana Ruiz issued a statement on Monday saying, “The shelters will stay open all "
        "week.”"
    )
    (q,) = quotes_in_text(nlp, text)
    assert q.speaker_text == "Ana Ruiz"


def test_programme_title_in_quotation_marks_is_not_a_quote(nlp):
    text = (
        "Speaking on “Morning Desk,” Senator Jane Roe said the bill would pass. Her book "
        "“Rivers Of Home” came out in May. “We have the votes,” she said."
    )
    quotes = quotes_in_text(nlp, text)
    assert [q.quote for q in quotes] == ["We have the votes"]
    assert quotes[0].speaker_text == "Jane Roe"


TITLES = {
    "ampersand and plural possessive": (
        "Senator Jane Roe said on “Dawn & Company” that the bill would pass. On Thursday, "
        "she said on City Networks’ “Late Desk Tonight” that the terms were clear: "
        "“We have the votes.”"
    ),
    "told a programme, an interview with one": (
        "Senator Jane Roe told “State of the Union” that the bill would pass. In an "
        "interview with “Sunday Desk,” she was blunt: “We have the votes.”"
    ),
    "modifier and before show": (
        "The “Harbour Nights” star has risen in the polls. “Dawn Desk” show host Ana Ruiz "
        "asked him about it. In an interview on the “Dawn Desk” show, Tom Weller said: "
        "“We have the votes.”"
    ),
}


@pytest.mark.parametrize("text", TITLES.values(), ids=TITLES.keys())
def test_titles_in_other_forms_are_not_quotes(nlp, text):
    """A title with "&", after a plural possessive, used as a modifier ("the “Dawn Desk”
    star") or before "show"/"host" is a title, not a quote."""
    assert [q.quote for q in quotes_in_text(nlp, text)] == ["We have the votes."]


def test_a_person_beside_the_quote_with_any_verb(nlp):
    text = "“Sit down and listen,” Ana Ruiz barked and a guard escorted the heckler out."
    (q,) = quotes_in_text(nlp, text)
    assert (q.speaker_text, q.speaker_how) == ("Ana Ruiz", "beside")


def test_speaker_model_ships_as_plain_coefficients():
    model = antecedents.model()
    assert model is not None, "lib/data/speaker_model.json: run python -m benchmarks.train_speakers"
    assert model["trained_on"] == "polnear-train"
    assert list(model["features"]) == list(antecedents.FEATURES)
    assert len(model["weights"]) == len(antecedents.FEATURES)
    assert antecedents.MODEL_FILE.stat().st_size < 10_000
    # a main-clause subject named just before a he outranks an older, unrelated mention
    near = {"rank_1": 1.0, "sent_1": 1.0, "para_same": 1.0, "subj_main": 1.0, "subj_report": 1.0,
            "report_rank_1": 1.0, "subj_rank_1": 1.0, "gender_known": 1.0}  # fmt: skip
    far = {"rank_2": 1.0, "sent_6p": 1.0, "obj": 1.0}
    assert antecedents.score(near) > antecedents.score(far)


def test_a_two_word_job_title_finds_its_holder(nlp):
    """ "the chief executive said": a title word after a title modifier is a role too."""
    text = (
        "Acme Paper's chief executive, Lars Moberg, said energy prices had doubled. "
        "“It is the hardest decision this family has made,” the chief executive said."
    )
    (q,) = quotes_in_text(nlp, text)
    assert (q.speaker_text, q.speaker_how) == ("Lars Moberg", "role")


def test_a_speaker_without_a_mention_is_the_articles_person_of_that_surname():
    """ "… trust," Odunsi said" with no mention there (the model missed it): the one person
    of the article with that surname; two candidates, or none, keep the name as written."""
    import pandas as pd

    from lib.resolve.speakers import resolve_sources, span_entities

    mentions = pd.DataFrame(
        {"doc_id": ["d", "d", "e", "e"], "start_char": [0, 40, 0, 30],
         "end_char": [13, 50, 8, 38], "entity": ["Rafael Odunsi", "Ohio", "Ana Roe", "Tom Roe"],
         "label": ["PERSON", "GPE", "PERSON", "PERSON"]}
    )  # fmt: skip
    table = pd.DataFrame(
        {"doc_id": ["d", "e", "d"], "speaker_text": ["Odunsi", "Roe", "Okafor"],
         "speaker_start": [90, 90, 120], "speaker_end": [96, 93, 126],
         "speaker_description": ["", "", ""], "speaker_ent_start": [None] * 3,
         "speaker_ent_end": [None] * 3}
    )  # fmt: skip
    shown, entity = resolve_sources(table, span_entities(mentions), "speaker")
    assert shown.tolist() == ["Rafael Odunsi", "Roe", "Okafor"]
    assert entity.tolist() == ["Rafael Odunsi", "Roe", "Okafor"]


def test_polls_are_no_they_who_said_something(nlp):
    """ "Recent polls show …" then "…," they said: polls say nothing; the quote is left
    without a speaker rather than credited to "Recent polls"."""
    text = (
        "Recent polls show the race tightening. “We feel good about where we are,” they said."
    )
    (q,) = quotes_in_text(nlp, text)
    assert speaker_of(q) in ("", None)


def test_a_statement_released_by_someone_is_theirs(nlp):
    text = "“Nobody should be surprised,” according to a statement released by the union."
    (q,) = quotes_in_text(nlp, text)
    assert speaker_of(q) == "the union"


def test_a_quotation_glued_to_the_comma_after_said(nlp):
    """ "Ryan said,“Look, …”" (no space after the comma, common in web copy): "said" is
    still a word of its own, so the quote has its speaker."""
    (q,) = quotes_in_text(nlp, "Ana Ruiz said,“Look, we will rebuild every house in town.”")
    assert (q.speaker_text, q.speaker_how) == ("Ana Ruiz", "explicit")


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "The truck belonged to Quarrow Freight, a hauling company based in Orvale, Ind. "
            '"Our thoughts are with the families," the company said in a statement.',
            "Quarrow Freight",
        ),
        (
            "The Meridian Transit Authority, the state agency that runs buses, cut routes. "
            '"We had no choice," the agency said.',
            "Meridian Transit Authority",
        ),
    ],
)
def test_the_company_said_is_the_body_the_article_called_so(nlp, text, speaker):
    (q,) = quotes_in_text(nlp, text)
    assert (q.speaker_text, q.speaker_how) == (speaker, "role")


def test_the_company_stays_as_written_when_nothing_was_called_so(nlp):
    text = (
        "Ada Roe, a lawyer for the company, spoke to Vantel Corp. on Monday. "
        '"We lost," the company said.'
    )
    (q,) = quotes_in_text(nlp, text)
    assert (q.speaker_text, q.speaker_description) == (None, "the company")


def test_he_in_a_paragraph_about_one_man_is_that_man_not_the_last_speaker(nlp):
    text = (
        "Tom Bell lost the vote on Monday. Omar Haddad called it a relief. "
        '"This is good news," Haddad said.\n\n'
        "Bell defended the plan on Tuesday. He said he had never met the builder. "
        '"Not once," he said.'
    )
    _, q = quotes_in_text(nlp, text)
    assert (q.speaker_text, q.speaker_how) == ("Bell", "pronoun")


def test_he_after_a_paragraph_that_introduces_a_new_man_is_that_man(nlp):
    text = (
        '"We will win," Mayor Tom Bell said.\n\n'
        "Omar Haddad, a retired teacher who lives near the plant, is not so sure. "
        '"Nobody asked us," he said.'
    )
    _, q = quotes_in_text(nlp, text)
    assert (q.speaker_text, q.speaker_how) == ("Omar Haddad", "pronoun")


def test_a_paragraph_subject_is_not_the_topic_when_another_man_is_a_subject_after(nlp):
    # the paragraph opens on Bell, but another man is the subject before the "he said"
    text = (
        '"This is good news," Omar Haddad said.\n\n'
        "Tom Bell lost the vote on Monday. Haddad called it a relief. "
        '"Not once," he said.'
    )
    _, q = quotes_in_text(nlp, text)
    assert q.speaker_text == "Haddad"


def test_she_added_after_a_name_the_model_left_untagged(nlp):
    text = (
        "Ana Ruiz, the principal, welcomed the pupils. "
        '"It is a big day," Ruiz said. "We are ready," she added.'
    )
    _, q = quotes_in_text(nlp, text)
    assert (speaker_of(q), q.speaker_how) == ("Ruiz", "pronoun")


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Governor Edwin Castellane vetoed the bill on Friday. "
            '"The bill would have raised taxes on every family," his office said.',
            "Edwin Castellane",
        ),
        (
            "Senator Dora Vance did not attend the vote. "
            '"She is recovering from surgery," her office said in a statement.',
            "Dora Vance",
        ),
    ],
)
def test_his_office_said_is_the_office_holder(nlp, text, speaker):
    (q,) = quotes_in_text(nlp, text)
    assert (q.speaker_text, q.speaker_how) == (speaker, "pronoun")
    assert q.speaker_written in ("his office", "her office")


def test_his_office_stays_as_written_when_two_men_could_hold_it(nlp):
    text = (
        "Governor Edwin Castellane met Senator Martin Delacroix on Friday. "
        '"The meeting was useful," his office said.'
    )
    (q,) = quotes_in_text(nlp, text)
    assert (q.speaker_text, speaker_of(q)) == (None, "his office")


def test_a_so_called_label_in_quotation_marks_is_nobodys_words(nlp):
    text = (
        'Critics called the plan a "giveaway" to developers, and the so-called "reform" '
        "passed anyway."
    )
    giveaway, reform = quotes_in_text(nlp, text)
    assert speaker_of(giveaway) == "Critics"  # what the critics called it: their word
    assert (speaker_of(reform), reform.kind) == ("", "fragment")


CARRIED = (
    "Rally in Millbrook\n\n"
    'Dan Morrow promised voters a new bridge. "We will build a great bridge!" he said to an '
    'enormous cheer.\n\n"And the state will pay for it! Every cent."\n\n'
    'Tom Bell, his rival, spoke later. "We are going to fix the roads," Bell said. He then '
    'had a question for the crowd.\n\n"Who is going to pay for it?"'
)


def test_a_quote_alone_after_he_said_carries_the_same_speaker(nlp):
    """The he/she between two quotes stands for the first quote's speaker ("… he said to a
    cheer" after an exclamation mark; "He then had a question"): the next quote is theirs."""
    got = [(speaker_of(q), q.speaker_how) for q in quotes_in_text(nlp, CARRIED)]
    assert got[1] == ("Dan Morrow", "carried over")
    assert got[3] == ("Bell", "carried over")


def test_a_he_who_is_someone_else_stops_the_carry(nlp):
    text = (
        "Rally in Millbrook\n\n"
        'Tom Bell and Ana Ruiz spoke at the rally. "We are going to fix the roads," Ruiz '
        'said. Bell nodded. He then had a question for the crowd.\n\n"Who will pay for it?"'
    )
    got = [speaker_of(q) for q in quotes_in_text(nlp, text)]
    assert got[0] == "Ruiz" and got[1] != "Ruiz"


def test_a_message_someone_posted_is_theirs(nlp):
    """"message" is a source noun like "statement" and "letter": the poster said it."""
    text = (
        "Polls close\n\nDana Roe posted a message on Facebook saying “Thank you to every "
        "voter in the state” after the polls closed."
    )
    (q,) = quotes_in_text(nlp, text)
    assert "Roe" in speaker_of(q)  # not "a message"


def test_asked_by_someone_she_said_is_hers(nlp):
    """Of two reporting verbs hanging on the quote, the one nearer it speaks: the host who
    asked is not the one who answered."""
    text = (
        "Radio interview\n\nAna Ruiz spoke to a radio station on Monday. Asked by host Tom "
        'Bell whether she had practiced her speech, she said, "I read it once over, and that '
        'is all."'
    )
    (q,) = quotes_in_text(nlp, text)
    assert (speaker_of(q), q.speaker_how) == ("Ana Ruiz", "pronoun")


def test_began_by_saying_takes_the_subject_of_began(nlp):
    """A participle after a preposition ("began by saying", "ended by saying") speaks for
    the subject of the verb the preposition hangs on."""
    text = (
        "Sentencing\n\nJudge Tom Bell took a short recess.\n\nWhen he returned he began by "
        'saying, "I do not think that jail is necessary for this man."'
    )
    (q,) = quotes_in_text(nlp, text)
    assert (speaker_of(q), q.speaker_how) == ("Tom Bell", "pronoun")


def test_she_went_on_is_a_reporting_verb(nlp):
    """ "went on" after a quote is "continued": the he/she is its speaker."""
    text = (
        "Health care debate\n\nMaria Lopez and Mr. Bell debated on Monday. Mr. Bell asked "
        'about the plan.\n\n"It would end every plan we know and every program we have," she '
        "went on."
    )
    (q,) = quotes_in_text(nlp, text)
    assert (speaker_of(q), q.speaker_how) == ("Maria Lopez", "pronoun")


def test_a_quote_after_but_continues_the_speaker(nlp):
    """A sentence that is only "But" and a quote goes on with the quote before it."""
    text = (
        "Endorsements\n\nRep. Tom Bell of Ohio spoke outside the building. “I don’t think "
        "it’s do or die, any endorsement in particular,” he said. But “Dan Morrow’s candidacy "
        "is strengthened with an endorsement from the most powerful person in the party. It "
        "helps.”"
    )
    got = [(speaker_of(q), q.speaker_how) for q in quotes_in_text(nlp, text)]
    assert got == [("Tom Bell", "pronoun"), ("Tom Bell", "carried over")]


@pytest.mark.parametrize(
    "described",
    [
        "Sen. Mara Quell, R-Ohio,",
        "Senator Mara Quell (R-Ohio)",
        "Senator Mara Quell, Republican of Ohio,",
    ],
)
def test_the_state_and_party_member_is_the_senator_described_so(nlp, described):
    text = (
        f"{described} questioned the agency's chief on Tuesday. Senator Paul Denby, D-Ohio, "
        'said little. The Ohio Republican called the delay "a slow-motion failure."'
    )
    (q,) = quotes_in_text(nlp, text)
    assert (q.speaker_text, q.speaker_how) == ("Mara Quell", "role")  # not "Republicans"


def test_a_party_member_described_by_no_one_stays_as_written(nlp):
    text = (
        "Senator Mara Quell, R-Ohio, and Senator Ned Ferro, R-Ohio, questioned the agency's "
        'chief. The Ohio Republican called the delay "a slow-motion failure."'
    )
    (q,) = quotes_in_text(nlp, text)
    assert q.speaker_text not in ("Mara Quell", "Ned Ferro")  # two fit: nobody is chosen


def test_the_chief_executive_of_a_company_is_the_person_in_that_job(analyse_texts):
    text = (
        "Grocer apologises\n\n"
        "The chief executive of Pellmore Foods told lawmakers on Tuesday that the company had "
        '"let down every family we serve." Pellmore Foods CEO Irene Castvale faced two hours '
        "of questions."
    )
    q = analyse_texts({"a": text}).quotes.iloc[0]
    assert (q["speaker_entity"], q["speaker_how"]) == ("Irene Castvale", "story role")


def test_a_quote_before_a_sentence_saying_its_own_words_is_not_that_speakers(nlp):
    text = (
        "Tom Reed, a former clerk, testified on Monday. Ms. Ana Holt introduced him as a man "
        'who had "stood up when nobody else would." Mr. Reed said he had told his bosses '
        "about the missing files in May."
    )
    (q,) = quotes_in_text(nlp, text)
    assert q.speaker_text != "Reed"
