"""Raw article text -> :class:`~lib.corpus.document.Document`.

Metadata comes from hints (manifest, upload form) when they state a field, else from
clues in the text itself (a headline line or ``# `` heading, ``By X``, date lines,
``Original url:``, ``published on X``). Page furniture is moved out of the body into
``Document.boilerplate`` so it never reaches sentences, entities or figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lib.corpus.document import Document
from lib.corpus.furniture import is_caption, is_furniture
from lib.corpus.manifest import MANIFEST_FIELDS
from lib.corpus.metadata import (
    BYLINE,
    DATELINE,
    ORIGINAL_URL,
    OUTLET_WORDS,
    PUBLISHED_ON,
    URL_RE,
    bar_byline,
    byline_date,
    byline_outlet,
    date_after_time,
    dateline_outlet,
    is_date_line,
    is_dateish,
    is_kicker,
    is_outlet_line,
    is_section_label,
    labelled_date,
    outlet_from_url,
    parse_date,
    social_byline,
    strip_kicker,
    wire_agency,
)
from lib.corpus.printed import browser_print
from lib.corpus.text import (
    SENTENCE_END,
    join_broken,
    looks_like_prose,
    rejoin_wrapped,
    strip_markup,
)
from lib.corpus.title import (
    as_name,
    as_written,
    date_from_file_name,
    outlet_from_file_name,
    split_outlet_suffix,
)
from lib.nlp.caps import cap_notes
from lib.nlp.headline import is_headline, text_after


@dataclass
class _Reader:
    """Line-by-line state of :func:`parse_document`: metadata found, furniture, body."""

    found: dict[str, str] = field(default_factory=dict)
    boiler: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    expect_url: bool = False
    seen_prose: bool = False

    def url_line(self, plain: str) -> bool:
        """An ``Original url:`` line (or the URL on the line after it): metadata only."""
        if self.expect_url:
            self.expect_url = False
            m = URL_RE.search(plain)
            if m:
                self.found.setdefault("url", m.group(1))
                self.boiler.append(plain)
                return True
        m = ORIGINAL_URL.match(plain)
        if m:
            if m.group(2):
                self.found.setdefault("url", m.group(2).strip("<>"))
            else:
                self.expect_url = True
            self.boiler.append(plain)
            return True
        if URL_RE.fullmatch(plain):
            self.found.setdefault("url", URL_RE.fullmatch(plain).group(1))
            self.boiler.append(plain)
            return True
        return False

    def date_or_byline(self, plain: str) -> bool:
        """A date, "Published: …" or "By …" line: its metadata kept, the line set aside."""
        if is_date_line(plain):
            self.found.setdefault("published", parse_date(plain))
            self.boiler.append(plain)
            return True
        label, date = labelled_date(plain)
        if date:  # "PUBLISHED : 12 March 2023"; an "Updated" date only when there is no other
            if label.endswith("updated"):
                self.found.setdefault("published", date)
            elif not self.found.get("_published_labelled"):
                self.found["published"] = date
                self.found["_published_labelled"] = "yes"
            self.boiler.append(plain)
            return True
        # a bar byline opens the body, or comes right after the headline's dek
        barred = bar_byline(plain) if not self.seen_prose or len(self.body) <= 2 else None
        if barred:  # "Jane Doe | The Daily Example | May 21, 2025"
            for key, value in zip(("byline", "outlet", "published"), barred, strict=True):
                if value:
                    self.found.setdefault(key, value)
            self.boiler.append(plain)
            return True
        by = BYLINE.match(plain)
        name, date = byline_date(by.group(1).strip()) if by else ("", "")
        if by and len(name.split()) <= 10:  # "By Dr. A B and C D | March 3, 2025": its names
            name, outlet = byline_outlet(name)
            self.found.setdefault("byline", name)
            if date:
                self.found.setdefault("published", date)
            if outlet:
                self.found.setdefault("outlet", outlet)
            self.boiler.append(plain)
            return True
        return False

    def title_goes_on(self, plain: str) -> bool:
        """A headline broken after a colon, comma or dash ("Flood Hits Millbrook:" /
        "Residents Flee Rising River", a PDF's or an e-mail's wrapping): the line is joined
        to the title (before, a short one was set aside and the title cut)."""
        title = self.body[0] if len(self.body) == 1 else ""
        if not title.endswith((":", ",", "—", "–")) or not _headline_like(plain):
            return False
        if self.found.get("title") != strip_kicker(title):
            return False
        self.body[0] = f"{title} {plain}"
        self.found["title"] = strip_kicker(self.body[0])
        return True

    def outlet_and_date(self, plain: str) -> bool:
        """ "The Daily Example — November 4, 2026" under the headline: the outlet and its
        date (before: the whole line was taken as the outlet)."""
        head, date = byline_date(plain)
        if not date or head == plain or not (is_outlet_line(head) or OUTLET_WORDS.search(head)):
            return False
        if len(head.split()) > 6 or looks_like_prose(head):
            return False
        self.found.setdefault("outlet", head)
        self.found.setdefault("published", date)
        self.boiler.append(plain)
        return True

    def header_line(self, plain: str) -> bool:
        """Header block before the body: title, outlet, section, byline and date lines.
        Returns True when the line was set aside."""
        if self.date_or_byline(plain) or self.title_goes_on(plain):
            return True
        if len(self.body) == 1 and is_outlet_line(self.body[0]) and _headline_like(plain):
            outlet = self.body.pop()  # "Fox News" above the headline: the outlet, not the title
            self.boiler.append(outlet)
            self.found.setdefault("outlet", outlet)
            self.found["title"] = strip_kicker(plain)
            return False
        if len(self.body) == 1 and _label_like(self.body[0]) and _headline_like(plain):
            self.boiler.append(self.body.pop())  # "AUTOS" above the headline: its section
            self.found["title"] = strip_kicker(plain)
            return False
        if self.body and self.outlet_and_date(plain):
            return True
        if self.body and not looks_like_prose(plain) and len(plain.split()) <= 6:
            name, outlet = byline_outlet(plain)  # "Jane Doe, Fox News" under the headline
            if outlet and name != plain:
                self.found.setdefault("byline", name)
                self.found.setdefault("outlet", outlet)
            elif OUTLET_WORDS.search(plain) and "outlet" not in self.found:
                self.found["outlet"] = plain
            self.boiler.append(plain)
            return True
        if not self.body and is_section_label(plain):
            self.boiler.append(plain)  # "Politics" above the headline
            return True
        if not self.seen_prose and (is_kicker(plain) or is_dateish(plain)):
            self.boiler.append(plain)  # "EXCLUSIVE", "3 hours ago": never the title
            # "4:32 PM EST, March 3, 2025", "March 11, 2025 · 2:14 PM ET"
            date = is_dateish(plain) and (date_after_time(plain) or parse_date(plain))
            if date:
                self.found.setdefault("published", date)
            return True
        if (
            not self.body
            and not plain.endswith((".", "!"))
            and len(plain.split()) <= 30
            and not DATELINE.match(plain)
        ):
            self.found.setdefault("title", strip_kicker(plain))
        if len(plain.split()) >= 12:
            self.seen_prose = bool(self.body) or plain.endswith((".", "!", "?", "”", '"'))
        return False

    def feed(self, raw_line: str) -> None:
        plain = strip_markup(raw_line)
        if not plain or self.url_line(plain):
            return
        pub = PUBLISHED_ON.search(plain)
        if is_furniture(plain):
            if pub:
                self.found.setdefault("outlet", pub.group(1).strip())
            self.boiler.append(plain)
            return
        if is_caption(raw_line, plain):
            self.boiler.append(plain)
            return
        if not self.seen_prose or (len(self.body) <= 2 and _header_after_dek(plain)):
            if self.header_line(plain):
                return
        elif is_date_line(plain):  # a date in the body (a timeline, a print date): no metadata
            self.boiler.append(plain)
            return
        if len(self.body) == 1 and _same_line(plain, split_outlet_suffix(self.body[0])[0]):
            self.boiler.append(plain)  # the headline repeated at the top of the body
            return
        self.body.append(plain)


def _header_after_dek(line: str) -> bool:
    """A byline or date line under a headline and its one-sentence summary (the dek):
    "By Jane Doe", "Jane Doe · Sep 30, 2025, 11:15 PM EDT", a date."""
    if BYLINE.match(line) and len(line.split()) <= 10 and not line.endswith("."):
        return True
    if bar_byline(line) is not None:
        return True
    return is_date_line(line) or bool(labelled_date(line)[1]) or is_dateish(line)


def _label_like(line: str) -> bool:
    """A first line of one or two words, no figure, no sentence end ("AUTOS", "Real
    Estate"): above a longer headline-like line it is a section label, not the title."""
    return len(line.split()) <= 2 and not re.search(r"[\d.!?]", line)


def _headline_like(line: str) -> bool:
    """A line that can be a headline: 3-30 words, no full stop at its end, no dateline."""
    return 3 <= len(line.split()) <= 30 and not line.endswith((".", "!")) and not (
        DATELINE.match(line)
    )


#: Quotation marks and dashes written either way ("‘Hope’" / "'Hope'").
_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _same_line(a: str, b: str) -> bool:
    """The same line, whatever its case, spacing, quotation marks and dashes."""
    def norm(line: str) -> str:
        return " ".join(line.translate(_TYPOGRAPHY).casefold().split()).rstrip(".")

    return norm(a) == norm(b)


def _title_and_outlet(reader: _Reader, paragraphs: list[str], hints: dict) -> tuple[str, str]:
    """(title, outlet its " | Outlet" suffix names) and the first paragraph made the clean
    title: the reader's title line, else a first line ending in a full stop that reads as a
    headline (:func:`lib.nlp.headline.is_headline`), else ""; hints win."""
    title = reader.found.get("title", "")
    if not title and paragraphs and is_headline(paragraphs[0], text_after(paragraphs[1:5])):
        title = strip_kicker(paragraphs[0])
    clean, outlet = split_outlet_suffix(title)
    if outlet and paragraphs and paragraphs[0].endswith(title):
        paragraphs[0] = paragraphs[0][: len(paragraphs[0]) - len(title)] + clean
    if hints.get("title"):
        clean, hinted = split_outlet_suffix(hints["title"])
        outlet = hinted or outlet
    return clean, outlet


def parse_document(doc_id: str, raw: str, hints: dict[str, str] | None = None) -> Document:
    """Turn raw article text into a :class:`Document`.

    ``hints`` (e.g. manifest fields or upload form fields) win over clues found
    in the text whenever they are non-empty.
    """
    hints = {k: (v or "").strip() for k, v in (hints or {}).items()}
    reader = _Reader()
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines, printed, printed_title, printed_url = browser_print(text.split("\n"))
    reader.boiler.extend(printed)
    if printed_title and not hints.get("title"):  # a page printed to PDF names its title
        hints["title"] = printed_title
    if printed_url:
        reader.found["url"] = printed_url
    for raw_line in rejoin_wrapped(lines):  # hard-wrapped lines first
        reader.feed(raw_line)
    body, boiler = reader.body, reader.boiler
    # A trailing stub heading with no text after it ("Related") is furniture too.
    while body and len(body[-1].split()) <= 2 and not SENTENCE_END.search(body[-1]):
        boiler.append(body.pop())
    paragraphs = join_broken(body)
    title, title_outlet = _title_and_outlet(reader, paragraphs, hints)
    meta = {k: hints.get(k) or reader.found.get(k, "") for k in MANIFEST_FIELDS}
    meta["title"] = title
    if not meta["outlet"]:  # "WASHINGTON (Reuters) -" opening one of the first paragraphs
        meta["outlet"] = next((a for a in map(wire_agency, paragraphs[:3]) if a), "")
    meta["outlet"] = meta["outlet"] or title_outlet  # "Storm hits coast | The Daily Example"
    if meta["outlet"].isupper() and meta["outlet"].casefold() == title_outlet.casefold():
        meta["outlet"] = title_outlet  # "BY ANA RUIZ, CASCADE HERALD" under "… | Cascade Herald"
    if not meta["outlet"] and meta["url"]:
        meta["outlet"] = outlet_from_url(meta["url"])
    if not meta["outlet"]:  # "ASHFORD, Ore. (Northern Press) —": the article credits itself
        meta["outlet"] = next((a for a in map(dateline_outlet, paragraphs[:3]) if a), "")
    if not meta["outlet"]:  # a plain-text file named after its outlet: "fox.txt"
        named = outlet_from_file_name(hints.get("source_name", ""))
        meta["outlet"] = as_name(as_written(named, text))  # "maghreb review": Maghreb Review
    if not meta["published"]:  # "fox_2025-03-04_storm-hits.txt": the day it was saved under
        meta["published"] = date_from_file_name(hints.get("source_name", ""))
    meta["byline"] = meta["byline"] or social_byline(boiler)  # "Follow Ana Ruiz on Twitter"
    after = f" {meta['outlet']}".casefold()
    if meta["outlet"] and meta["byline"].casefold().endswith(after):  # "By Jane Doe Fox News"
        meta["byline"] = meta["byline"][: -len(after)].strip(" ,|-")
    body_text = "\n\n".join(paragraphs)
    return Document(
        doc_id=doc_id,
        text=body_text,
        notes=cap_notes(body_text),
        boilerplate="\n".join(boiler),
        source_name=hints.get("source_name", ""),
        **meta,
    )
