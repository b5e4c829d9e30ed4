"""Issue 23's class 2 ("one person, many rows") and its other side, never two people in one
row, for relatives who share a surname, on an invented three-outlet event: a job title
before the bare surname picks the relative who holds the job, and a bare surname the two
share without a title is left to the reader rather than guessed into the wrong row.
"""

from __future__ import annotations

ARTICLES = {
    "a": (
        "Judith Pryce enters race for council seat\n\n"
        "Judith Pryce, a lawyer, said on Monday she will run for the Harwick city council.\n\n"
        "Her father, former Governor Walter Pryce, endorsed her at a rally. Judith Pryce "
        "thanked him. Governor Pryce served two terms."
    ),
    "b": (
        "Council race draws a famous name\n\n"
        "Former Governor Walter Pryce stood beside his daughter on Monday.\n\n"
        "Judith Pryce, a lawyer, announced her run for the Harwick city council. Pryce said "
        "she would focus on parks and schools."
    ),
    "c": (
        "Lawyer joins council race\n\n"
        "Judith Pryce announced her bid for the Harwick city council on Monday.\n\n"
        "Walter Pryce, a former governor, spoke at her rally."
    ),
}


def test_relatives_who_share_a_surname_stay_two_people(analyse_texts):
    analysis = analyse_texts(ARTICLES, {"a": "Alpha", "b": "Beta", "c": "Gamma"})
    m = analysis.mentions
    bare = m[m["text"] == "Pryce"]
    owner = {
        (row.doc_id, ARTICLES[row.doc_id][row.end_char : row.end_char + 7]): row.entity
        for row in bare.itertuples()
    }
    # "Governor Pryce" after his daughter was named last: the relative with the job
    assert owner[("a", " served")] == "Walter Pryce"
    # each relative is one row named by all three outlets, never merged with the other
    for name in ("Judith Pryce", "Walter Pryce"):
        assert set(m.loc[m["entity"] == name, "doc_id"]) == {"a", "b", "c"}
    judith = m[m["entity"] == "Judith Pryce"]
    assert not any("Governor" in ARTICLES[r.doc_id][r.start_char - 9 : r.start_char]
                   for r in judith.itertuples())  # fmt: skip
