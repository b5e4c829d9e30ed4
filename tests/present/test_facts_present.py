"""The facts table, the statement diff and the wording chart: marks, escaping, columns."""

from __future__ import annotations

import json

import lxml.html
import pandas as pd

from lib.present import charts, html, tables

EVIL = '<img src=x onerror="alert(1)"> [x](javascript:alert(1))'


def test_statement_diff_marks_other_words_and_replaced_ones():
    out = html.statement_diff_html(
        "Police detained 40 undocumented immigrants on Monday.",
        "Police detained 40 illegal immigrants on Monday.",
    )
    assert "<del>undocumented</del>" in out and "<ins>illegal</ins>" in out
    assert out.startswith("Police detained 40")
    # a long stretch of the reference the other statement lacks is not struck through
    long = html.statement_diff_html("A b c d e f g h.", "A h.")
    assert "<del>" not in long
    assert html.wording_ratio("a b c", "a b c") == 1.0 and html.wording_ratio("a", "z") == 0.0


def facts_frame(text: str = "Storm hits the coast.") -> tuple[pd.DataFrame, pd.DataFrame]:
    facts = pd.DataFrame(
        {
            "fact_id": ["F1", "F1", "F2"],
            "outlets": [2, 2, 1],
            "outlet": ["Alpha " + EVIL, "Beta", "Beta"],
            "text": [text, "Storm hits the coast hard.", EVIL],
            "headline": [True, False, False],
        }
    )
    rows = pd.DataFrame({"fact_id": ["F1", "F2"], "outlets": [2, 1]})
    return rows, facts


def test_facts_table_has_a_column_per_outlet_and_escapes_everything():
    rows, facts = facts_frame()
    outlets = ["Alpha " + EVIL, "Beta"]
    markup = tables.facts_table_html(
        rows, facts, outlets, labels={"F1": "every outlet (2)", "F2": "only " + EVIL}
    )
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    table = root.xpath("//table[@data-table='facts']")[0]
    assert [th.get("data-outlet") for th in table.xpath(".//th[@data-outlet]")] == outlets
    assert not root.xpath("//img") and not root.xpath("//a")
    assert not [k for el in root.iter() for k in el.attrib if k.startswith("on")]
    first, second = table.xpath(".//tbody/tr")
    assert "hard" in first.xpath(".//ins")[0].text_content()  # marked against Alpha's
    assert "headline" in first.text_content()
    assert second[1].text_content() == "—"  # Alpha leaves F2 out
    assert EVIL in second[2].text_content()  # shown as text


def test_a_cell_folds_statements_after_the_first_few():
    rows = pd.DataFrame({"fact_id": ["F1"], "outlets": [1]})
    facts = pd.DataFrame(
        {
            "fact_id": ["F1"] * 5,
            "outlets": [1] * 5,
            "outlet": ["Alpha"] * 5,
            "text": [f"Statement {k}." for k in range(5)],
            "headline": [False] * 5,
        }
    )
    markup = tables.facts_table_html(rows, facts, ["Alpha"], labels={})
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    more = 5 - tables.CELL_STATEMENTS
    assert root.xpath("//details/summary")[0].text_content() == f"{more} more"


def test_distinctive_terms_chart_escapes_labels_and_hover():
    terms = pd.DataFrame(
        {
            "outlet": ["Alpha " + EVIL, "Alpha " + EVIL, "Beta"],
            "term": ["<b>bold</b>", "slammed", "criticised"],
            "count": [3, 2, 2],
            "others": [0, 0, 0],
            "per_1000": [30.0, 20.0, 20.0],
            "others_per_1000": [0.0, 0.0, 0.0],
            "z": [2.1, 1.5, 1.4],
        }
    )
    fig = charts.distinctive_terms_chart(terms, ["Alpha " + EVIL, "Beta", "Gamma"])
    assert len(fig.data) == 2  # Gamma has no distinctive term: no panel
    spec = json.dumps(fig.to_plotly_json())
    assert "<img" not in spec and "<b>bold" not in spec
    assert "&lt;b&gt;bold&lt;/b&gt;" in spec
    assert list(fig.data[0].x) == [1.5, 2.1]  # longest bar on top
    assert charts.distinctive_terms_chart(terms.iloc[:0], ["Alpha"]).data == ()
