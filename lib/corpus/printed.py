"""A page printed from a browser to PDF: the date, time and page title the browser prints
at the top of every page ("3/4/25, 10:14 AM Storm hits coast | The Daily Example") and the
address and page number at the bottom ("https://example.com/storm 1/2") are furniture; the
printed title is the page's title and the address its URL."""

from __future__ import annotations

import re

#: "3/4/25, 10:14 AM" then, maybe, the page's title.
_HEADER = re.compile(
    r"^\s*\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s+(?P<title>\S.*?))?\s*$"
)
#: "https://example.com/storm 1/2" (or a local file's address).
_FOOTER = re.compile(r"^\s*(?P<url>(?:https?|file)://\S+|about:blank)\s+\d{1,3}\s*/\s*\d{1,3}\s*$")


def browser_print(lines: list[str]) -> tuple[list[str], list[str], str, str]:
    """(lines kept, lines set aside, printed title, printed address) of a text's lines."""
    kept, aside, title, url = [], [], "", ""
    for line in lines:
        header = _HEADER.match(line)
        if header and len((header.group("title") or "").split()) <= 30:
            title = title or (header.group("title") or "").strip()
            aside.append(line.strip())
            continue
        footer = _FOOTER.match(line)
        if footer:
            if footer.group("url").startswith("http"):
                url = url or footer.group("url")
            aside.append(line.strip())
            continue
        kept.append(line)
    return kept, aside, title, url
