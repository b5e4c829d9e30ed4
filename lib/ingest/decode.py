"""Bytes -> text: encodings, binary detection, duplicate hashes and a language hint."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from lib.ingest.status import REASON_BINARY, REASON_ENCODING, IngestError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")


_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"\x1f\x8b",
    b"BZh",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def control_share(text: str) -> float:
    sample = text[:200_000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def plausible(text: str) -> bool:
    """Mostly letters/spaces/punctuation, few control characters."""
    return control_share(text) < 0.02


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes to text; returns ``(text, encoding)`` or raises ``IngestError``.

    UTF-8 (BOM or not), UTF-16/32 with BOM, then Windows-1252 (a superset of the
    printable Latin-1 range, so both decode right), then charset-normalizer's guess.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError:
                raise IngestError(
                    REASON_ENCODING, f"Invalid {enc.upper()} despite its byte-order mark."
                ) from None
            if not plausible(text):
                raise IngestError(REASON_BINARY)
            return text, enc
    if data.startswith(_MAGIC):
        raise IngestError(REASON_BINARY)
    head = data[:65_536]
    if b"\x00" in head:
        # UTF-16 without BOM has a NUL in every other byte of ASCII text.
        for enc, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
            if zeros.count(0) > 0.6 * len(zeros):
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    continue
                if plausible(text):
                    return text, enc
        raise IngestError(REASON_BINARY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not plausible(text):
            raise IngestError(REASON_BINARY)
        return text, "utf-8"
    # Mostly valid UTF-8 with a few stray bytes: keep UTF-8, replace the strays.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = sum(1 for ch in text[:100_000] if ord(ch) > 127 and ch != "\ufffd")
    if multibyte >= 3 * bad and bad <= max(3, len(text) // 1000) and plausible(text):
        return text, "utf-8 (with replacements)"
    candidates: list[tuple[str, str]] = []
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        non_ascii = sum(1 for ch in text[:100_000] if ord(ch) > 127)
        if plausible(text) and non_ascii <= 0.3 * max(1, len(text[:100_000])):
            return text, "cp1252"
        candidates.append((text, "cp1252"))
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
    except Exception:  # noqa: BLE001 - detector failure means "undetectable"
        best = None
    if best is not None:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text and plausible(text):
            return text, best.encoding
    if candidates and plausible(candidates[0][0]):
        return candidates[0]
    # Latin-1 decodes anything; accept it only for mostly-ASCII text.
    text = data.decode("latin-1")
    non_ascii = sum(1 for ch in text[:100_000] if ord(ch) > 127)
    if plausible(text) and non_ascii <= 0.1 * max(1, len(text[:100_000])):
        return text, "latin-1"
    if control_share(text) > 0.2:
        raise IngestError(REASON_BINARY)
    raise IngestError(REASON_ENCODING)


def normalised_hash(text: str) -> str:
    """Hash of text with Unicode NFC and whitespace collapsed (finds duplicate articles)."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


STOPWORDS = frozenset(
    """the of and to is was for that with on as by at from it be are were has have
    had this an which or not but they their his her he she its been will would who
    said after also more than about over into there when what one all can if after
    we you our them these those then out up new were do does did could should""".split()
)


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_share(text: str) -> tuple[float, int]:
    """(share of words that are common English function words, number of words)."""
    words = [w.lower() for w in _WORD.findall(text[:50_000])]
    if not words:
        return 0.0, 0
    return sum(w in STOPWORDS for w in words) / len(words), len(words)


def likely_not_english(text: str, threshold: float = 0.12, min_words: int = 30) -> bool:
    share, n = english_share(text)
    return n >= min_words and share < threshold
