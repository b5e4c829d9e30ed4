"""Plain-text helpers: Markdown markup stripped, paragraphs that stop mid-sentence rejoined."""

from __future__ import annotations

import re

MD_LINK = re.compile(r"\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)")


MD_BOLD = re.compile(r"(\*\*|__)(.+?)\1")


MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")


def strip_markup(line: str) -> str:
    """Remove Markdown heading markers, bold and links, keeping their text."""
    line = MD_HEADING.sub("", line)
    line = MD_LINK.sub(r"\1", line)
    line = MD_BOLD.sub(r"\2", line)
    return line.strip()


def looks_like_prose(line: str) -> bool:
    return len(line.split()) >= 12 or bool(SENTENCE_END.search(line))


def join_broken(paragraphs: list[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence with a next one starting in lower case."""
    out: list[str] = []
    for para in paragraphs:
        if out and para[:1].islower() and not SENTENCE_END.search(out[-1]):
            out[-1] = out[-1] + " " + para
        else:
            out.append(para)
    return out
