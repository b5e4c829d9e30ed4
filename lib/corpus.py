"""Reading articles into :class:`Document` records.

A corpus is a folder of ``.txt`` / ``.md`` files (one article each), optionally
with a ``sources.csv`` manifest (columns ``doc_id, outlet, title, published,
byline, url``). Metadata comes from the manifest when it states a field, else
from clues in the text itself (a headline line or ``# `` heading, ``By X``,
date lines, ``Original url:``, ``published on X``).

Page furniture (share buttons, reader-support appeals, "Read also", image
captions, ...) is moved out of the body into ``Document.boilerplate`` so it
never reaches sentences, entities or figures.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

DATA_DIR = Path(__file__).parent / "data"
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
MANIFEST_NAME = "sources.csv"
MANIFEST_FIELDS = ("outlet", "title", "published", "byline", "url")

#: Words that mark a short header line as an outlet name ("Example Media Group").
OUTLET_WORDS = re.compile(
    r"\b(media|news|times|post|press|daily|herald|journal|tribune|gazette|agency|"
    r"network|radio|tv|television|broadcasting|chronicle|telegraph|guardian|observer|"
    r"review|weekly|magazine|wire|standard|express|independent|insider|today|online)\b",
    re.I,
)
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|"
    "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
DATE_PATTERNS = [
    # 28/10/2024 17h25, 28.10.2024, 2024-10-28 12:00
    (
        re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[\s,]+(\d{1,2})[h:](\d{2}))?\s*$"),
        "dmy",
    ),
    (re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s]+(\d{1,2}):(\d{2}))?"), "ymd"),
    # October 28, 2024 / Oct. 28 2024
    (
        re.compile(rf"^\s*(?:\w+day,?\s+)?({MONTHS})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I),
        "mdy_name",
    ),
    # 28 October 2024
    (
        re.compile(rf"^\s*(?:\w+day,?\s+)?(\d{{1,2}})\s+({MONTHS})\.?,?\s+(\d{{4}})\b", re.I),
        "dmy_name",
    ),
]
BYLINE = re.compile(r"^\s*by\s+(.{2,80}?)\s*$", re.I)
PUBLISHED_ON = re.compile(
    r"\b(?:first |originally )?published (?:on|by|in) ([A-Z][\w&'’.\- ]{1,60}?)[.!]", re.I
)
URL_RE = re.compile(r"<?(https?://[^\s>]+)>?")
ORIGINAL_URL = re.compile(r"^\s*(original url|source|url)\s*:\s*(\S*)\s*$", re.I)
MD_LINK = re.compile(r"\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)")
MD_BOLD = re.compile(r"(\*\*|__)(.+?)\1")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")
CAPTION_CREDIT = re.compile(r"^(.{0,120}?)\s*\*\*([^*]{1,40})\*\*\s*$")
CAPTION_WORDS = re.compile(
    r"^(photo|image|picture|illustration|video|credit|caption)s?\b|\b(getty images|via getty|"
    r"photo:|photo by|image:|file photo|screenshot)\b",
    re.I,
)


def _load_patterns(name: str) -> list[re.Pattern[str]]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [re.compile(line, re.I) for line in lines if line.strip() and not line.startswith("#")]


FURNITURE = _load_patterns("furniture.txt")


@dataclass
class Document:
    """One article: metadata, clean body text and the furniture set aside.

    ``text`` is what the NLP pipeline sees (paragraphs separated by blank
    lines); ``boilerplate`` holds removed lines, one per line.
    """

    doc_id: str
    text: str
    outlet: str = ""
    title: str = ""
    published: str = ""
    byline: str = ""
    url: str = ""
    boilerplate: str = ""
    source_name: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def display_outlet(self) -> str:
        return self.outlet or unknown_outlet(self.doc_id)

    @functools.cached_property
    def content_hash(self) -> str:
        """Hash of text and metadata (computed once: documents are replaced, never mutated)."""
        meta = "\x1f".join([self.doc_id, self.outlet, self.title, self.published, self.byline])
        return hashlib.sha256((meta + "\x1e" + self.text).encode("utf-8")).hexdigest()


@dataclass
class Corpus:
    """Documents read from a source plus per-file problems (name, reason)."""

    documents: list[Document]
    problems: list[tuple[str, str]] = field(default_factory=list)


def unknown_outlet(doc_id: str) -> str:
    return f"Unknown ({doc_id})"


def strip_markup(line: str) -> str:
    """Remove Markdown heading markers, bold and links, keeping their text."""
    line = MD_HEADING.sub("", line)
    line = MD_LINK.sub(r"\1", line)
    line = MD_BOLD.sub(r"\2", line)
    return line.strip()


def parse_date(line: str) -> str:
    """Return an ISO date (``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM``) if the line is a date."""
    text = line.strip()
    for pattern, kind in DATE_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        try:
            if kind == "dmy":
                d, mo, y, hh, mm = m.groups()
                dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0))
                return dt.strftime("%Y-%m-%d %H:%M" if hh else "%Y-%m-%d")
            if kind == "ymd":
                y, mo, d, hh, mm = m.groups()
                dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0))
                return dt.strftime("%Y-%m-%d %H:%M" if hh else "%Y-%m-%d")
            if kind == "mdy_name":
                mon, d, y = m.groups()
            else:
                d, mon, y = m.groups()
            dt = datetime.strptime(f"{int(d)} {mon[:3].title()} {y}", "%d %b %Y")
            return dt.strftime("%Y-%m-%d")
        except ValueError:
            return ""
    return ""


def is_date_line(line: str) -> bool:
    """A line that is only a date (maybe with a time), not a sentence mentioning one."""
    return bool(parse_date(line)) and len(line.split()) <= 6


def is_furniture(line: str) -> bool:
    return any(p.search(line) for p in FURNITURE)


def _is_caption(raw: str, plain: str) -> bool:
    """Image captions: a short fragment ending in a bold credit, or caption wording."""
    m = CAPTION_CREDIT.match(raw.strip())
    if m and len(m.group(1).split()) <= 15 and not m.group(1).strip().startswith("#"):
        credit = m.group(2).strip()
        if len(credit.split()) <= 4 and (
            credit.isupper() or "/" in credit or "photo" in credit.lower()
        ):
            return True
    return len(plain.split()) <= 20 and bool(CAPTION_WORDS.search(plain))


def _looks_like_prose(line: str) -> bool:
    return len(line.split()) >= 12 or bool(SENTENCE_END.search(line))


def outlet_from_url(url: str) -> str:
    """The site's domain without ``www.``, e.g. ``example-news.com``."""
    host = urlparse(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def _join_broken(paragraphs: list[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence with a next one starting in lower case."""
    out: list[str] = []
    for para in paragraphs:
        if out and para[:1].islower() and not SENTENCE_END.search(out[-1]):
            out[-1] = out[-1] + " " + para
        else:
            out.append(para)
    return out


def parse_document(doc_id: str, raw: str, hints: dict[str, str] | None = None) -> Document:
    """Turn raw article text into a :class:`Document`.

    ``hints`` (e.g. manifest fields or upload form fields) win over clues found
    in the text whenever they are non-empty.
    """
    hints = {k: (v or "").strip() for k, v in (hints or {}).items()}
    found: dict[str, str] = {}
    boiler: list[str] = []
    body: list[str] = []
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").split("\n")
    expect_url = False
    seen_prose = False
    for raw_line in lines:
        plain = strip_markup(raw_line)
        if not plain:
            continue
        if expect_url:
            m = URL_RE.search(plain)
            if m:
                found.setdefault("url", m.group(1))
                boiler.append(plain)
                expect_url = False
                continue
            expect_url = False
        m = ORIGINAL_URL.match(plain)
        if m:
            if m.group(2):
                found.setdefault("url", m.group(2).strip("<>"))
            else:
                expect_url = True
            boiler.append(plain)
            continue
        if URL_RE.fullmatch(plain):
            found.setdefault("url", URL_RE.fullmatch(plain).group(1))
            boiler.append(plain)
            continue
        pub = PUBLISHED_ON.search(plain)
        if pub and is_furniture(plain):
            found.setdefault("outlet", pub.group(1).strip())
        if is_furniture(plain):
            boiler.append(plain)
            continue
        if _is_caption(raw_line, plain):
            boiler.append(plain)
            continue
        if not seen_prose:
            # Header block: title, outlet, section, byline, date lines before the body.
            if is_date_line(plain):
                found.setdefault("published", parse_date(plain))
                boiler.append(plain)
                continue
            by = BYLINE.match(plain)
            if by and len(plain.split()) <= 10:
                found.setdefault("byline", by.group(1).strip())
                boiler.append(plain)
                continue
            if body and not _looks_like_prose(plain) and len(plain.split()) <= 6:
                if OUTLET_WORDS.search(plain) and "outlet" not in found:
                    found["outlet"] = plain
                boiler.append(plain)
                continue
            if not body and not plain.endswith((".", "!")) and len(plain.split()) <= 30:
                found.setdefault("title", plain)
            if len(plain.split()) >= 12:
                seen_prose = bool(body) or plain.endswith((".", "!", "?", "”", '"'))
        elif is_date_line(plain):
            boiler.append(plain)
            continue
        body.append(plain)
    # A trailing stub heading with no text after it ("Related") is furniture too.
    while body and len(body[-1].split()) <= 2 and not SENTENCE_END.search(body[-1]):
        boiler.append(body.pop())
    paragraphs = _join_broken(body)
    meta = {k: hints.get(k) or found.get(k, "") for k in MANIFEST_FIELDS}
    if not meta["outlet"] and meta["url"]:
        meta["outlet"] = outlet_from_url(meta["url"])
    return Document(
        doc_id=doc_id,
        text="\n\n".join(paragraphs),
        boilerplate="\n".join(boiler),
        source_name=hints.get("source_name", ""),
        **meta,
    )


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """Read ``sources.csv`` into ``{doc_id: {field: value}}`` (empty dict if absent)."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    with path.open(newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    return {
        (row.get("doc_id") or "").strip(): {k: (row.get(k) or "").strip() for k in MANIFEST_FIELDS}
        for row in rows
        if (row.get("doc_id") or "").strip()
    }


def load_folder(path: str | Path) -> Corpus:
    """Read every ``.txt``/``.md`` file of a folder (sorted by name) into a Corpus."""
    folder = Path(path)
    if not folder.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {folder}")
    manifest = read_manifest(folder)
    docs: list[Document] = []
    problems: list[tuple[str, str]] = []
    for file in sorted(folder.iterdir()):
        if not file.is_file() or file.suffix.lower() not in TEXT_SUFFIXES:
            continue
        try:
            raw = file.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            problems.append((file.name, "not valid UTF-8 text"))
            continue
        except OSError as exc:
            problems.append((file.name, f"unreadable ({exc.strerror})"))
            continue
        if not raw.strip():
            problems.append((file.name, "empty file"))
            continue
        hints = dict(manifest.get(file.stem, {}))
        hints["source_name"] = file.name
        doc = parse_document(file.stem, raw, hints)
        if not doc.text.strip():
            problems.append((file.name, "no article text after removing page furniture"))
            continue
        docs.append(doc)
    return Corpus(docs, problems)


def load_corpus(path: str | Path) -> Corpus:
    """Load a corpus from a folder, a ``.zip`` (plain articles or a bundle) or one file.

    Every file goes through ``lib.ingest``'s readers, so HTML, PDF, DOCX, Latin-1 and
    Windows-1252 files are read, and each unreadable file is named with its reason.
    """
    from lib.ingest import load_corpus_path

    return load_corpus_path(path)
