"""Safe HTML for article text: every piece of user text is escaped before markup is added."""

from __future__ import annotations

import difflib
import html
import re
from urllib.parse import urlsplit

import pandas as pd

from lib.present.colours import LABEL_COLOURS
from lib.schema import LABEL_NAMES
from lib.views.quotes import diff_opcodes, version_ops

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")
BOX = (
    "font-family: 'Source Serif Pro', Georgia, serif; font-size: 1.05rem; line-height: 1.7; "
    "max-width: 46rem;"
)


#: Word joiner (zero width, no line break): breaks a pattern the Markdown renderer would
#: act on without changing what the reader sees or where a line wraps.
JOINER = "\u2060"


#: What Streamlit's Markdown turns into something else even when every Markdown character
#: is escaped, because it acts on the text after parsing: bare URLs and e-mail addresses
#: (GFM autolinks: ``https://…``, ``www.…``, ``name@host.tld``), emoji and icon shortcodes
#: (``:rocket:``, ``:material/home:``) and its typographic arrows (``->``, ``<=``, ``--``).
#: Each gets a word joiner in the middle: shown as written, never live.
LIVE_TEXT = (
    (re.compile(r"(?i)\b(https?|ftp)(?=://)"), r"\1" + JOINER),
    (re.compile(r"(?i)\bwww(?=\.)"), "www" + JOINER),
    (re.compile(r"@(?=[\w-]+\.)"), "@" + JOINER),
    (re.compile(r":(?=[\w+\-/]+:)"), ":" + JOINER),
    (re.compile(r"([-<>~])(?=[->=])"), r"\1" + JOINER),
)


def md_escape(text: str) -> str:
    """User text for ``st.markdown``, captions and widget labels, shown literally: Markdown
    characters escaped, and links, e-mail addresses, emoji shortcodes and arrows that the
    renderer would still make (see :data:`LIVE_TEXT`) broken by a word joiner."""
    text = str(text)
    for pattern, replacement in LIVE_TEXT:
        text = pattern.sub(replacement, text)
    return MD_SPECIAL.sub(r"\\\1", text)


def link_html(url: str, label: str = "Original: ") -> str:
    """The one deliberate link to an article's own address, for ``st.markdown(...,
    unsafe_allow_html=True)``: ``http(s)`` only, shown in full, opened in a new tab with
    ``rel="noopener noreferrer"``; any other address is shown as text, never as a link.
    The block is raw HTML, so Markdown never reads the address."""
    url = str(url).strip()
    shown = html.escape(url)
    parts = urlsplit(url) if not re.search(r"[\s\x00-\x1f\x7f]", url) else None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        body = f"<span>{shown}</span>"
    else:
        body = (
            f'<a href="{html.escape(url, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer">{shown}</a>'
        )
    return (
        "<div style='font-size: 0.875rem; opacity: 0.7; overflow-wrap: anywhere'>"
        f"{html.escape(label)}{body}</div>"
    )


def _mark(text: str, label: str, title: str) -> str:
    colour = LABEL_COLOURS.get(label, "#999999")
    return (
        f'<mark title="{html.escape(title)}" style="background: {colour}33; '
        f'border-bottom: 2px solid {colour}; padding: 0 2px; border-radius: 3px;">'
        f"{html.escape(text)}</mark>"
    )


def highlight_spans(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """Escape ``text`` and wrap each (start, end, label, title) span in a coloured ``<mark>``."""
    out, pos = [], 0
    for start, end, label, title in sorted(spans):
        if start < pos or end > len(text) or start >= end:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(_mark(text[start:end], label, title))
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


#: The headline on top of an article in the Reader: read as a headline, not as body text.
HEADLINE_STYLE = "font-weight: 700; font-size: 1.2em; line-height: 1.35; margin-bottom: 0.9em"


def highlight_html(text: str, mentions: pd.DataFrame, headline: bool = False) -> str:
    """An article as paragraphs with its entity mentions highlighted (safe HTML); with
    ``headline``, its first paragraph (the title line) shown as a headline."""
    spans = [
        (int(s), int(e), lab, f"{ent} · {LABEL_NAMES.get(lab, lab)}")
        for s, e, lab, ent in mentions[["start_char", "end_char", "label", "entity"]].itertuples(
            index=False
        )
    ]
    body = highlight_spans(text, spans).split("\n\n")
    tags = [
        f'<p style="{HEADLINE_STYLE}">' if headline and k == 0 else "<p>" for k in range(len(body))
    ]
    paragraphs = "".join(f"{tag}{p}</p>" for tag, p in zip(tags, body, strict=True))
    return f'<div style="{BOX}">{paragraphs}</div>'


def legend_html(labels: list[str]) -> str:
    items = "".join(_mark(LABEL_NAMES.get(lab, lab), lab, lab) + "&nbsp;&nbsp;" for lab in labels)
    return f'<div style="font-size: 0.9rem;">{items}</div>'


def evidence_html(evidence: pd.DataFrame) -> str:
    """Evidence sentences (see cooccur.evidence) grouped under their outlet."""
    if evidence.empty:
        return "<p>No sentence names both.</p>"
    parts = []
    for outlet, grp in evidence.groupby("outlet", sort=False):
        items = "".join(
            "<li>"
            + highlight_spans(row.text, [(s, e, "EVENT", ent) for s, e, ent in row.spans])
            + "</li>"
            for row in grp.itertuples()
        )
        parts.append(
            f"<h4 style='margin: 0.6rem 0 0.2rem'>{html.escape(str(outlet))}</h4>"
            f"<ul style='line-height: 1.6'>{items}</ul>"
        )
    return "".join(parts)


def difference_legend_html(outlet_a: str, outlet_b: str, window: str = "sentence") -> str:
    """The key of the outlet-difference heatmap in words, both outlets named (safe HTML)."""
    a, b = html.escape(str(outlet_a)), html.escape(str(outlet_b))
    swatch = "display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem"
    return (
        "<div style='font-size:.9rem;line-height:1.6'>"
        f"Each number is A's {window}s naming both entities minus B's. "
        f"<span style='{swatch};background:#b2182b'></span><b>red, +</b>: "
        f"<b>{a}</b> (A) names the pair together more often · "
        f"<span style='{swatch};background:#2166ac'></span><b>blue, −</b>: "
        f"<b>{b}</b> (B) does · blank: as often in both.</div>"
    )


def figure_sentence_html(outlet: str, sentence: str, figure_text: str, note: str = "") -> str:
    """One evidence sentence with the figure highlighted, under its outlet (safe HTML)."""
    start = sentence.find(figure_text) if figure_text else -1
    spans = [(start, start + len(figure_text), "CARDINAL", figure_text)] if start >= 0 else []
    return (
        f"<div style='margin-bottom: 0.6rem'><b>{html.escape(str(outlet))}</b>"
        f"<span style='color: #666'>{html.escape(note)}</span><br>"
        f"{highlight_spans(sentence, spans)}</div>"
    )


def version_html(reference: str, version: str) -> str:
    """One outlet's version of a quote against the reference (safe HTML): ``<ins>`` for
    words it has that the reference lacks, ``<del>`` for the reference's words it lacks,
    "…" where a shorter excerpt starts or ends (see :func:`lib.views.quotes.version_ops`)."""
    out = []
    previous = ""
    for op, text in version_ops(reference, version):
        if previous == "delete" and op == "insert" and not text[:1].isspace():
            out.append(" ")  # "<del>Smith</del> <ins>Over 5,000</ins>", never glued
        previous = op
        if op == "equal":
            out.append(html.escape(text))
        elif op == "omitted":
            out.append(" <span class='cl-omit' title='not quoted by this outlet'>…</span> ")
        else:
            out.append(_wrap([text], "ins" if op == "insert" else "del"))
    return re.sub(r"\s{2,}", " ", "".join(out)).strip()


def quote_group_html(group: pd.DataFrame) -> str:
    """Each outlet's wording of one quote group against the first outlet's (the reference),
    as safe HTML.

    ``group`` rows need ``outlet, speaker, quote`` and ``verb_text`` (the reporting verb
    as written). The first row is the reference,
    shown as written; every other row shows its own words, highlighting those the reference
    lacks and striking through, in place, the reference's words it lacks.
    """
    rows = list(group.itertuples())
    base = rows[0].quote
    parts = []
    for i, row in enumerate(rows):
        shown = html.escape(base) if i == 0 else version_html(base, row.quote)
        written = getattr(row, "verb_text", "")
        verb = f" · {html.escape(written)}" if isinstance(written, str) and written else ""
        ref = " <span style='color:#888'>(reference)</span>" if i == 0 and len(rows) > 1 else ""
        parts.append(
            "<div style='margin: 0.3rem 0 0.7rem'>"
            f"<div style='font-size: 0.85rem; color: #555'><b>{html.escape(str(row.outlet))}"
            f"</b>{verb}{ref}</div>"
            f"<div style='font-family: Georgia, serif; font-size: 1.02rem'>“{shown}”</div></div>"
        )
    style = (
        "<style>del{background:#fde2e1;color:#8a1c1c}ins{background:#dff5e1;"
        "color:#1b5e20;text-decoration:none}</style>"
    )
    return style + "".join(parts)


def kwic_html(lines: pd.DataFrame) -> str:
    """Keyword-in-context lines grouped by outlet, keyword centred (safe HTML)."""
    if lines.empty:
        return "<p>No mentions.</p>"
    parts = [
        "<style>.kwic td{padding:2px 6px;vertical-align:top}.kwic .l{text-align:right;"
        "color:#444;width:45%}.kwic .m{font-weight:600;white-space:nowrap}"
        ".kwic .r{color:#444;width:45%}</style>"
    ]
    for outlet, grp in lines.groupby("outlet", sort=False):
        rows = "".join(
            f"<tr><td class='l'>{html.escape(r.left)}</td><td class='m'>"
            f"{_mark(r.match, 'EVENT', r.match)}</td><td class='r'>{html.escape(r.right)}</td></tr>"
            for r in grp.itertuples()
        )
        parts.append(
            f"<h4 style='margin:0.8rem 0 0.2rem'>{html.escape(str(outlet))} "
            f"<span style='font-weight:400;color:#666'>({len(grp)})</span></h4>"
            f"<table class='kwic' style='width:100%;border-collapse:collapse;"
            f"font-size:0.92rem'>{rows}</table>"
        )
    return "".join(parts)


def _wrap(tokens: list[str], tag: str) -> str:
    """Escape a run of tokens, keeping leading whitespace outside the tag."""
    text = "".join(tokens)
    stripped = text.lstrip()
    lead = text[: len(text) - len(stripped)]
    return html.escape(lead) + f"<{tag}>" + html.escape(stripped) + f"</{tag}>"


#: Longest run of a reference's words a statement's cell shows struck through (longer runs
#: are the other outlet's own material, not a different wording).
STRUCK_WORDS = 3
#: Least share of words two statements must have in common (difflib's ratio over words)
#: for their differences to be marked: below it they are two ways of telling, not one
#: sentence worded differently, and marking every word would hide what they share.
MARK_RATIO = 0.4


def wording_ratio(a: str, b: str) -> float:
    """How much of their wording two statements share (0-1, over words, case-insensitive)."""
    ta, tb, _codes = diff_opcodes(a, b)
    keys = difflib.SequenceMatcher(
        None, [t.strip().lower() for t in ta], [t.strip().lower() for t in tb], autojunk=False
    )
    return keys.ratio()


def statement_diff_html(reference: str, text: str) -> str:
    """One outlet's statement of a fact against the reference outlet's (safe HTML), marked
    as on the Quotes page: ``<ins>`` for words the reference lacks, ``<del>`` for up to
    :data:`STRUCK_WORDS` reference words it replaces or drops between shared words."""
    ta, tb, codes = diff_opcodes(reference, text)
    out = []
    for k, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag == "equal":
            out.append(html.escape("".join(tb[j1:j2])))
            continue
        inner = 0 < k < len(codes) - 1
        lacking = [t for t in ta[i1:i2] if re.search(r"\w", t)]
        if inner and lacking and len(lacking) <= STRUCK_WORDS:
            out.append(" " + _wrap(ta[i1:i2], "del") + " ")
        if j2 > j1:
            out.append(_wrap(tb[j1:j2], "ins"))
    return re.sub(r"\s{2,}", " ", "".join(out)).strip()
