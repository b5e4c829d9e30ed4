"""Page furniture: lines that are not the article (share buttons, appeals, captions).

Patterns live in ``lib/data/furniture.txt`` (one case-insensitive regex per line).
"""

from __future__ import annotations

import re

from lib.datafiles import read_lines

CAPTION_CREDIT = re.compile(r"^(.{0,120}?)\s*\*\*([^*]{1,40})\*\*\s*$")


CAPTION_WORDS = re.compile(
    r"^(photo|image|picture|illustration|video|credit|caption)s?\s*(?:[:|/]|by\b|credits?\s*:|"
    r"courtesy\b|$)|\b(getty images|via getty|"
    r"photo by|file photo|screenshot)\b|\b(?:photo|image):|\bphoto\s*/\s*\w",
    re.I,
)


FURNITURE = [re.compile(line, re.I) for line in read_lines("furniture.txt")]


def is_furniture(line: str) -> bool:
    return any(p.search(line) for p in FURNITURE)


def is_caption(raw: str, plain: str) -> bool:
    """Image captions: a short fragment ending in a bold credit, or caption wording."""
    m = CAPTION_CREDIT.match(raw.strip())
    if m and len(m.group(1).split()) <= 15 and not m.group(1).strip().startswith("#"):
        credit = m.group(2).strip()
        if len(credit.split()) <= 4 and (
            credit.isupper() or "/" in credit or "photo" in credit.lower()
        ):
            return True
    return len(plain.split()) <= 20 and bool(CAPTION_WORDS.search(plain))
