"""lib.present.html: every piece of user text is escaped (no browser needed)."""

from __future__ import annotations

from lib.present.html import diff_html


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
