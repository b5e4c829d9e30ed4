"""File readers: plain text, HTML (trafilatura, else a tag stripper), PDF and DOCX.

:func:`read_article` picks the reader by MIME type or extension (one table,
:mod:`lib.ingest.filetypes`) and returns ``(raw text, metadata hints)`` or raises
:class:`~lib.ingest.status.IngestError`; uploads, folders, zips and web addresses all call it.
"""

from __future__ import annotations

import html
import html.parser
import io
import re
import time
import zipfile

from lib.ingest.archives import check_zip_safety, entry_ratio_fail
from lib.ingest.decode import decode_bytes, encoding_warning, plausible
from lib.ingest.filetypes import GENERIC_MIMES, file_suffix, format_of
from lib.ingest.limits import Limits, with_timeout
from lib.ingest.status import (
    REASON_BOMB,
    REASON_CORRUPT,
    REASON_EMPTY,
    REASON_ENCRYPTED,
    REASON_NO_TEXT,
    REASON_TIMEOUT,
    REASON_UNSUPPORTED,
    REASON_ZIP_BOMB,
    WARNING_HINT,
    IngestError,
)


class _TextOnlyParser(html.parser.HTMLParser):
    """Fallback HTML-to-text: drops script/style/etc., newline at block elements."""

    SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "head", "canvas"}
    BLOCK = frozenset(
        "p div br li h1 h2 h3 h4 h5 h6 tr section article blockquote header footer pre ul ol "
        "table figure figcaption hr".split()
    )

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self.skip_depth:
            self.parts.append(data)

    def text(self) -> str:
        raw = "".join(self.parts)
        lines = (" ".join(line.split()) for line in raw.split("\n"))
        return "\n".join(line for line in lines if line)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def _decode_html(data: bytes, declared: str = "") -> str:
    for enc in (declared, *(m.decode() for m in _META_CHARSET.findall(data[:4096]))):
        if not enc:
            continue
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if plausible(text):
            return text
    return decode_bytes(data)[0]


def read_html(data: bytes, url: str = "", declared_charset: str = "") -> tuple[str, dict[str, str]]:
    """Main text and metadata hints of an HTML page (trafilatura, else a tag-stripper)."""
    markup = _decode_html(data, declared_charset)
    hints: dict[str, str] = {}
    text = ""
    try:
        import trafilatura

        result = trafilatura.bare_extraction(
            markup, url=url or None, with_metadata=True, include_comments=False
        )
    except Exception:  # noqa: BLE001 - fall back to the plain extractor
        result = None
    if result is not None:
        text = (getattr(result, "text", "") or "").strip()
        for attr, key in (
            ("title", "title"),
            ("author", "byline"),
            ("date", "published"),
            ("sitename", "outlet"),
            ("url", "url"),
        ):
            value = getattr(result, attr, "") or ""
            if value:
                hints[key] = str(value).strip()
        if "; " in hints.get("byline", ""):
            hints["byline"] = _writers(hints["byline"])
        if _new_year_guess(hints.get("published", ""), markup):
            del hints["published"]  # the text's own date line decides
    if not text:
        parser = _TextOnlyParser()
        try:
            parser.feed(markup)
            parser.close()
        except Exception:  # noqa: BLE001 - html.parser is lenient; be safe anyway
            pass
        text = parser.text()
        if parser.title.strip() and "title" not in hints:
            hints["title"] = " ".join(parser.title.split())
    _page_title_outlet(markup, hints)
    if "byline" not in hints:
        _page_byline(markup, hints)
    if url and "url" not in hints:
        hints["url"] = url
    return _headline_on_top(text, hints.get("title", "")), hints


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)


def _page_title_outlet(markup: str, hints: dict[str, str]) -> None:
    """Keep the outlet a page's ``<title>`` names after its headline ("Storm hits | The
    Daily Example"), which trafilatura cuts from the title it returns: the title hint gets
    the suffix back, so the outlet is read from it like a text's headline line (a site name
    the page declares still wins)."""
    m = _TITLE_TAG.search(markup[:200_000])
    if not m:
        return
    from lib.corpus.title import split_outlet_suffix

    raw = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split())
    headline, outlet = split_outlet_suffix(raw)
    site = _norm(hints.get("outlet", ""))
    if site and site in {_norm(headline), _norm(hints.get("title", ""))}:
        del hints["outlet"]  # trafilatura may give the headline as the site ("$" in a title)
    if hints.get("outlet"):
        return
    if outlet:
        hints["title"] = f"{hints.get('title') or headline} | {outlet}"


#: A first of January the page itself writes ("2025-01-01", "Jan. 1, 2025", "1 January").
_NEW_YEAR = re.compile(
    r"\d{4}-01-01|\b(?:january|jan\.?)\s+1(?:st)?\b|\b1(?:st)?\s+(?:january|jan\b)|\b0?1/0?1/\d",
    re.I,
)


def _new_year_guess(date: str, markup: str) -> bool:
    """Is ``date`` trafilatura's guess from a bare year ("Copyright 2025", "Aug. 14, 2025"
    it could not read: "2025-01-01") rather than a first of January the page writes?"""
    return date[4:10] == "-01-01" and not _NEW_YEAR.search(markup)


def _writers(author: str) -> str:
    """trafilatura's "A; B" as "A and B"; a piece of the date it split off with the names
    ("Jane Doe; March" from "By Jane Doe | March 12, 2025") is no writer."""
    from lib.corpus.metadata import DATE_WORDS

    def dated(name: str) -> bool:
        return all(DATE_WORDS.match(w) or w.strip(",.").isdigit() for w in name.split())

    names = [n for n in author.split("; ") if not dated(n)]
    if not names:
        return author
    *first, last = names
    return f"{', '.join(first)} and {last}" if first else last


def _page_byline(markup: str, hints: dict[str, str]) -> None:
    """The "By Jane Doe" line above a page's first paragraph when the extractor found no
    author (a byline and its date in one ``<div>``: "By Jane Doe May 20, 2025")."""
    from lib.corpus.metadata import BYLINE, MONTHS, byline_date

    parser = _TextOnlyParser()
    try:
        parser.feed(markup[:200_000])
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; be safe anyway
        return
    for line in parser.text().split("\n")[:40]:
        if len(line.split()) >= 12:
            return  # the body has begun
        by = BYLINE.match(line)
        if by and len(line.split()) <= 12:
            name = byline_date(by.group(1))[0]
            name = re.split(rf"\s+(?=(?:{MONTHS})\.?\s+\d|\d)", name, maxsplit=1, flags=re.I)[0]
            if 1 < len(name.split()) <= 8:
                hints["byline"] = name.strip(" ,|·")
            return


def _norm(line: str) -> str:
    return " ".join(line.casefold().split())


def _headline_on_top(text: str, title: str) -> str:
    """``text`` with the page's headline as its first line when the extractor dropped it
    (trafilatura leaves out an ``<h1>`` equal to the title), so a headline's names count in
    an HTML page as in a text file; it is read as the headline, never as body text."""
    from lib.corpus.title import split_outlet_suffix

    headline = split_outlet_suffix(title)[0].strip()
    if not headline or not text:
        return text
    norm = " ".join(headline.casefold().split())
    if any(norm == " ".join(line.casefold().split()) for line in text.split("\n")[:8]):
        return text
    if _own_headline(text.lstrip().split("\n", 1)[0].strip()):
        return text  # an <h1> other than the <title> (a page's SEO title): the page's own
    return f"{headline}\n\n{text}"


def _own_headline(first: str) -> bool:
    """Does the extracted text start with a headline of its own (a short line that ends like
    no sentence and is no byline, date or kicker)?"""
    from lib.corpus.metadata import BYLINE, DATELINE, is_date_line, is_dateish, is_kicker

    if not first or BYLINE.match(first) or is_date_line(first) or is_dateish(first):
        return False
    if is_kicker(first) or DATELINE.match(first) or len(first.split()) > 30:
        return False
    return not first.endswith((".", "!", "?", "”", '"', ":"))


def read_pdf(data: bytes, limits: Limits) -> str:
    """Text of a PDF, page by page, stopping at the parse deadline."""
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    start = time.monotonic()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001
                ok = 0
            if not ok:
                raise IngestError(REASON_ENCRYPTED)
        pages = reader.pages
        count = len(pages)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds
        raise IngestError(REASON_CORRUPT, f"Corrupt PDF ({type(exc).__name__}).") from None
    if count == 0:
        raise IngestError(REASON_CORRUPT, "Corrupt PDF (no pages).")
    texts, errors = [], []
    for page in pages:
        if time.monotonic() - start > limits.parse_timeout_s:
            raise IngestError(
                REASON_TIMEOUT, f"Reading the PDF took longer than {limits.parse_timeout_s:g} s."
            )
        try:
            texts.append(page.extract_text() or "")
        except LimitReachedError:
            raise IngestError(
                REASON_BOMB,
                "A compressed stream in the PDF expands beyond pypdf's safety limit "
                "(decompression bomb).",
            ) from None
        except Exception as exc:  # noqa: BLE001 - one bad page does not spoil the rest
            errors.append(type(exc).__name__)
            texts.append("")
    text = "\n\n".join(t.strip() for t in texts if t.strip())
    if not text.strip() and errors:
        raise IngestError(
            REASON_CORRUPT, f"Corrupt PDF: no page could be read ({errors[0]} on {len(errors)})."
        )
    if not text.strip():
        _check_streams(pages, LimitReachedError)
        raise IngestError(REASON_NO_TEXT, "No extractable text (a scanned or image-only PDF?).")
    return text


def _check_streams(pages, limit_error) -> None:
    """Raise ``decompression bomb`` if a page's content stream passes pypdf's limit (a page
    without fonts gives no text without decoding its stream, so look at it before saying
    "scanned")."""
    for page in pages:
        try:
            contents = page.get_contents()
            if contents is not None:
                contents.get_data()
        except limit_error:
            raise IngestError(
                REASON_BOMB,
                "A compressed stream in the PDF expands beyond pypdf's safety limit "
                "(decompression bomb).",
            ) from None
        except Exception:  # noqa: BLE001 - other damage: the text is simply missing
            continue


def read_docx(data: bytes, limits: Limits) -> tuple[str, dict[str, str]]:
    """Paragraph (and table) text of a DOCX, after zip-bomb checks on its parts."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise IngestError(REASON_CORRUPT, f"Corrupt DOCX (not a valid zip: {exc}).") from None
    check_zip_safety(zf, len(data), limits, "DOCX")
    for info in infos:
        fail = entry_ratio_fail(info, limits)
        if fail:
            raise IngestError(REASON_ZIP_BOMB, f"DOCX part {info.filename}: {fail.message}")
        if info.file_size > limits.max_file_bytes * 4:
            raise IngestError(REASON_ZIP_BOMB, f"DOCX part {info.filename} is too large.")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise IngestError(REASON_CORRUPT, "Corrupt DOCX (no word/document.xml).")

    def parse():
        import docx

        document = docx.Document(io.BytesIO(data))
        paras = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    if cell.text.strip() and cell.text not in cells:
                        cells.append(cell.text)
                if cells:
                    paras.append(" | ".join(cells))
        title = (document.core_properties.title or "").strip()
        return "\n\n".join(p.strip() for p in paras if p.strip()), title

    try:
        text, title = with_timeout(parse, limits.parse_timeout_s)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many kinds
        raise IngestError(REASON_CORRUPT, f"Corrupt DOCX ({type(exc).__name__}).") from None
    if not text.strip():
        raise IngestError(REASON_NO_TEXT, "No extractable text in the DOCX.")
    return text, ({"title": title} if title else {})


def read_text_file(data: bytes) -> tuple[str, dict]:
    """Decoded text and hints (a mixed-encoding warning under ``WARNING_HINT``)."""
    text, encoding = decode_bytes(data)
    warning = encoding_warning(encoding)
    return text, ({WARNING_HINT: warning} if warning else {})


def read_article(
    data: bytes, limits: Limits, *, name: str = "", mime: str = "", url: str = ""
) -> tuple[str, dict[str, str]]:
    """Raw article text and metadata hints of one payload, whatever brought it (an upload,
    a zip member, a folder file, a web address), or raise ``IngestError``. The reader is
    chosen by ``mime`` when it names a format, else by the extension of ``name``
    (:func:`lib.ingest.filetypes.format_of`); a charset in ``mime`` is used for HTML."""
    kind = format_of(name, mime)
    if kind is None:
        bare = mime.split(";")[0].strip().lower()
        if bare not in GENERIC_MIMES:
            raise IngestError(REASON_UNSUPPORTED, f"Unsupported content type ({bare}).")
        ext = file_suffix(name)
        raise IngestError(REASON_UNSUPPORTED, f"Unsupported type ({ext or 'no extension'}).")
    if not data.strip():
        raise IngestError(REASON_EMPTY)
    charset = re.search(r"charset=([\w\-]+)", mime, re.I)
    if kind == "html":
        declared = charset.group(1) if charset else ""
        text, hints = with_timeout(lambda: read_html(data, url, declared), limits.parse_timeout_s)
    elif kind == "pdf":
        text, hints = with_timeout(lambda: read_pdf(data, limits), limits.parse_timeout_s), {}
    elif kind == "docx":
        text, hints = read_docx(data, limits)
    else:
        text, hints = read_text_file(data)
    if not text.strip():
        raise IngestError(REASON_EMPTY if kind == "text" else REASON_NO_TEXT)
    return text, hints


def read_file(name: str, data: bytes, limits: Limits) -> tuple[str, dict[str, str]]:
    """Raw article text and metadata hints of one (non-zip) file, by its extension."""
    return read_article(data, limits, name=name)
