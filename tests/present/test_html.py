"""lib.present.html: every piece of user text is escaped (no browser needed)."""

from __future__ import annotations

from lib.present.html import version_html


def test_version_html_escapes_everything():
    a = 'She said <script>alert("x")</script> & left the "harbour" region'
    b = "She said <script>alert('y')</script> & left the “harbour” Oblast"
    markup = version_html(a, b)
    assert "<script" not in markup and "</script" not in markup
    assert "&lt;script&gt;" in markup and "&amp;" in markup
    assert "<del>region</del>" in markup and "<ins>Oblast</ins>" in markup
    # curly vs straight quote marks compare equal: the version's own marks are shown
    assert "left the “harbour” <del>region</del> <ins>Oblast</ins>" in markup
    markup = version_html("<b>bold</b>", "<img src=x onerror=alert(1)>")
    assert "<b>" not in markup and "<img" not in markup and markup.startswith("&lt;")


def ops(reference, version):
    from lib.views.quotes import version_ops

    return [(op, text.strip()) for op, text in version_ops(reference, version) if text.strip()]


def test_version_marks_exactly_what_it_adds_and_lacks():
    ref = "It is a sign of Putin's growing desperation."
    # a deletion inside the quoted part is struck through; nothing else is marked
    assert ops(ref, "It is a sign of growing desperation.") == [
        ("equal", "It is a sign of"), ("delete", "Putin's"), ("equal", "growing desperation."),
    ]  # fmt: skip
    # an insertion is highlighted, the reference's own words are never struck
    assert ops(ref, "It is clearly a sign of Putin's growing desperation.") == [
        ("equal", "It is"), ("insert", "clearly"),
        ("equal", "a sign of Putin's growing desperation."),
    ]  # fmt: skip
    # a changed word: the reference's word struck, the version's word highlighted
    assert ops(ref, "It is a sign of Putin's deepening desperation.") == [
        ("equal", "It is a sign of Putin's"), ("delete", "growing"), ("insert", "deepening"),
        ("equal", "desperation."),
    ]  # fmt: skip


def test_shorter_excerpts_are_ellipses_not_deletions():
    ref = "It is a sign of Putin's growing desperation, the NATO chief said."
    assert ops(ref, "Putin's growing desperation") == [
        ("omitted", "It is a sign of"), ("equal", "Putin's growing desperation"),
        ("omitted", ", the NATO chief said."),
    ]  # fmt: skip
    # an excerpt that only leaves out the closing full stop ends without "…"
    assert ops("a sign of growing desperation.", "growing desperation") == [
        ("omitted", "a sign of"), ("equal", "growing desperation"),
    ]  # fmt: skip


def test_brackets_and_punctuation_are_words_of_their_own():
    ref = "We will respond, and we will respond firmly."
    assert ops(ref, "We [Ukraine] will respond, and we will respond firmly!") == [
        ("equal", "We"), ("insert", "[Ukraine]"),
        ("equal", "will respond, and we will respond firmly"),
        ("delete", "."), ("insert", "!"),
    ]  # fmt: skip


def test_quote_group_html_shows_the_reference_plain_and_versions_marked():
    import pandas as pd

    from lib.present.html import quote_group_html

    group = pd.DataFrame(
        {"outlet": ["A", "B"], "speaker": ["X", "X"], "verb": ["said", "said"],
         "quote": ["a sign of Putin's growing <desperation>", "a sign of growing <desperation>"]}
    )  # fmt: skip
    out = quote_group_html(group)
    first, second = out.split("<b>B</b>")
    assert "<del>" not in first and "<ins>" not in first  # the reference is never struck
    assert "<del>Putin&#x27;s</del>" in second and "&lt;desperation&gt;" in second


def test_a_replaced_word_is_not_glued_to_its_replacement():
    from lib.present.html import version_html

    out = version_html("Putin is unable to win", "Moscow is unable to win")
    assert "<del>Putin</del> <ins>Moscow</ins>" in out
