"""lib.nlp.names: headings, acronyms defined in the text, demonyms (no model)."""

from __future__ import annotations

import pytest

from lib.nlp.names import demonym_country, find_acronyms, is_heading_line


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Ukraine Calls for Stronger Western Support", True),
        ("NATO CHIEF CONFIRMS TROOPS IN KURSK", True),
        ("North Korean troops deployed to Kursk", False),
        ("Rutte will meet President Yoon Suk Yeol and Defense Minister Rustem Umerov.", False),
        ("Kyiv", False),
    ],
)
def test_is_heading_line(line, heading):
    assert is_heading_line(line) is heading


def test_find_acronyms():
    text = (
        "South Korea's National Intelligence Service (NIS) said the Democratic People's "
        "Republic of Korea (DPRK) sent troops. The Foo Bar (XYZ) is unrelated."
    )
    assert find_acronyms(text) == {
        "NIS": "National Intelligence Service",
        "DPRK": "Democratic People's Republic of Korea",
    }


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("North Korean", "North Korea"),
        ("Ukrainian", "Ukraine"),
        ("Ukrainians", "Ukraine"),
        ("American", "United States"),
        ("British", "United Kingdom"),
        ("Kenyan", "Kenya"),
        ("Jordanian", "Jordan"),
        ("Western", None),
        ("Russia", None),
    ],
)
def test_demonym_country(name, country):
    assert demonym_country(name) == country
