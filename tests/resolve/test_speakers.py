"""A speaker the model left untagged is named by the article's people
(lib.resolve.speakers.person_named), on invented mentions."""

from __future__ import annotations

from lib.resolve.speakers import person_named


def spans_of(*people: str) -> dict:
    return {"d": ([], [(0, 1, name, "PERSON") for name in people])}


def test_a_surname_or_a_family_name_written_first_names_the_one_person():
    spans = spans_of("Rafael Odunsi", "Kim Soo-ah", "Lena Marsh")
    assert person_named(spans, "d", "Odunsi") == "Rafael Odunsi"
    assert person_named(spans, "d", "Kim") == "Kim Soo-ah"  # family name first
    assert person_named(spans, "d", "Lena Marsh") == "Lena Marsh"
    assert person_named(spans, "d", "Quill") == "Quill"  # nobody: as written


def test_a_word_two_people_share_names_neither():
    spans = spans_of("Park Ji-hoon", "Ada Park")
    assert person_named(spans, "d", "Park") == "Park"
