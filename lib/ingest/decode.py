"""Bytes -> text: encodings, binary detection, duplicate hashes and a language hint."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections import Counter

from lib.ingest.status import (
    REASON_BINARY,
    REASON_COMPRESSED,
    REASON_ENCODING,
    REASON_MESSAGES,
    REASON_MIXED_ENCODING,
    IngestError,
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")


_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",
)


#: Signatures of compressed files: named in the reason instead of "not text".
COMPRESSED_MAGIC = {
    b"\x1f\x8b": "gzip",
    b"BZh": "bzip2",
    b"7z\xbc\xaf": "7z",
    b"Rar!": "RAR",
    b"\xfd7zXZ\x00": "xz",
    b"\x28\xb5\x2f\xfd": "zstd",
}


def compressed_kind(data: bytes) -> str:
    """``"gzip"``, ``"bzip2"``... when ``data`` starts with a compressed-file signature."""
    return next((kind for magic, kind in COMPRESSED_MAGIC.items() if data.startswith(magic)), "")


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


def _decode_bom(data: bytes) -> tuple[str, str] | None:
    """Text of data that starts with a byte-order mark, ``None`` without one."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError:
                mixed = decode_mixed(data[len(bom) :]) if enc == "utf-8" else None
                if mixed is not None:
                    return mixed, MIXED_ENCODING
                raise IngestError(
                    REASON_ENCODING, f"Invalid {enc.upper()} despite its byte-order mark."
                ) from None
            if not plausible(text):
                raise IngestError(REASON_BINARY)
            return text, enc
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes to text; returns ``(text, encoding)`` or raises ``IngestError``.

    UTF-8 (BOM or not), UTF-16/32 with BOM, then Windows-1252 (a superset of the
    printable Latin-1 range, so both decode right), then charset-normalizer's guess.
    """
    with_bom = _decode_bom(data)
    if with_bom is not None:
        return with_bom
    kind = compressed_kind(data)
    if kind:
        raise IngestError(
            REASON_COMPRESSED, f"The file is {kind}-compressed; decompress it and upload the text."
        )
    if data.startswith(_MAGIC):
        raise IngestError(REASON_BINARY)
    head = data[:65_536]
    if b"\x00" in head:
        return _decode_utf16(data, head)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not plausible(text):
            raise IngestError(REASON_BINARY)
        return text, "utf-8"
    legacy = _decode_legacy(data)
    if legacy is not None:
        return legacy
    mixed = decode_mixed(data)
    if mixed is not None:
        return mixed, MIXED_ENCODING
    return _decode_fallback(data)


def _decode_utf16(data: bytes, head: bytes) -> tuple[str, str]:
    """UTF-16 without BOM (a NUL in every other byte of ASCII text), else binary."""
    for enc, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) > 0.6 * len(zeros):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if plausible(text):
                return text, enc
    raise IngestError(REASON_BINARY)


def _non_ascii_share(text: str) -> float:
    sample = text[:100_000]
    return sum(1 for ch in sample if ord(ch) > 127) / max(1, len(sample))


def _decode_fallback(data: bytes) -> tuple[str, str]:
    """Bytes that are not UTF-8 nor a legacy non-Latin encoding: Windows-1252 when it reads
    as mostly ASCII, else charset-normalizer's guess, else Windows-1252 or Latin-1 when
    plausible; else binary or an undetectable encoding."""
    cp1252 = None
    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if plausible(cp1252) and _non_ascii_share(cp1252) <= 0.3:
            return cp1252, "cp1252"
    guessed = _guess(data)
    if guessed is not None:
        return guessed
    if cp1252 is not None and plausible(cp1252):
        return cp1252, "cp1252"
    # Latin-1 decodes anything; accept it only for mostly-ASCII text.
    text = data.decode("latin-1")
    if plausible(text) and _non_ascii_share(text) <= 0.1:
        return text, "latin-1"
    if control_share(text) > 0.2:
        raise IngestError(REASON_BINARY)
    raise IngestError(REASON_ENCODING)


def _guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess when it decodes to plausible text, else None."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
    except Exception:  # noqa: BLE001 - detector failure means "undetectable"
        return None
    if best is None:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return (text, best.encoding) if text and plausible(text) else None


#: Share of bytes above 127 from which a text that is not UTF-8 is taken to be in a
#: non-Latin legacy encoding (GB18030, Shift_JIS, EUC-KR, Big5, Windows-1251 …): English
#: or other Latin-script text in Windows-1252 has a few per cent, CJK text over half.
LEGACY_MIN_HIGH_SHARE = 0.3


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Text in a legacy non-Latin encoding, detected by charset-normalizer before anything
    reads its bytes as Windows-1252: many GB18030 or EUC-KR byte pairs also happen to be
    valid UTF-8, so the mixed-encoding reading would turn them into Latin-looking noise
    and the script check would never see Chinese or Korean."""
    head = data[:65_536]
    high = len(head) - len(head.translate(None, bytes(range(128, 256))))
    if not head or high < LEGACY_MIN_HIGH_SHARE * len(head):
        return None
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
    except Exception:  # noqa: BLE001 - detector failure: the other readings still apply
        return None
    if best is None or best.encoding in ("utf_8", "cp1252", "latin_1", "ascii"):
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return (text, best.encoding) if plausible(text) else None


#: The encoding label :func:`decode_bytes` returns for per-segment decoded text.
MIXED_ENCODING = "utf-8 + cp1252"


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _cp1252_segment(exc: UnicodeDecodeError):
    """Codec error handler: bytes that are not UTF-8 are read as Windows-1252 (else Latin-1)."""
    chunk = exc.object[exc.start : exc.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in chunk), exc.end


codecs.register_error("coverage-lens-cp1252", _cp1252_segment)


def decode_mixed(data: bytes) -> str | None:
    """UTF-8 text with some Windows-1252/Latin-1 bytes, decoded segment by segment.

    Used when valid UTF-8 multi-byte sequences make up a good share (30 %) of the
    non-ASCII bytes, so that the file is not simply Windows-1252; else ``None``.
    """
    sample = data[:1_000_000]
    non_ascii = sum(1 for b in sample if b > 127)
    valid = sum(len(m) for m in _UTF8_MULTIBYTE.findall(sample))
    if not non_ascii or valid < 0.3 * non_ascii:
        return None
    text = data.decode("utf-8", errors="coverage-lens-cp1252")
    return text if plausible(text) else None


def encoding_warning(encoding: str) -> tuple[str, str] | None:
    """(reason, message) to show for a text decoded as ``encoding``, or ``None``."""
    if encoding == MIXED_ENCODING:
        return REASON_MIXED_ENCODING, REASON_MESSAGES[REASON_MIXED_ENCODING]
    return None


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


#: Scripts by the first word of the Unicode character name ("CJK UNIFIED IDEOGRAPH-5317" is
#: Han); half- and full-width forms are read by their next word ("HALFWIDTH KATAKANA …").
_SCRIPT_NAMES = {"CJK": "Han"}
_WIDTH_WORDS = ("HALFWIDTH", "FULLWIDTH")


#: The language a set of scripts shows: kana mean Japanese (kanji are Han too), Hangul
#: Korean, Han alone Chinese.
_LANGUAGE_OF = (("Hiragana", "Japanese"), ("Katakana", "Japanese"), ("Hangul", "Korean"))


def _script(ch: str) -> str:
    try:
        words = unicodedata.name(ch).split(" ")
    except ValueError:
        return ""
    first = words[1] if words[0] in _WIDTH_WORDS and len(words) > 1 else words[0]
    return _SCRIPT_NAMES.get(first, first.capitalize())


def _describe(scripts: list[str]) -> str:
    """ "Japanese: Han, Hiragana scripts", "Chinese: Han script", "Cyrillic script"."""
    noun = "scripts" if len(scripts) > 1 else "script"
    language = next((lang for name, lang in _LANGUAGE_OF if name in scripts), "")
    if not language and scripts == ["Han"]:
        language = "Chinese"
    named = f"{', '.join(scripts)} {noun}"
    return f"{language}: {named}" if language else named


#: Letters, and letters past Latin Extended-B (U+0250 on): runs counted by regex, not per
#: character in Python.
_LETTERS = re.compile(r"[^\W\d_]+")
_NON_LATIN = re.compile(r"[^\W\d_\x00-\u024f]+")


def non_latin_script(text: str, min_letters: int = 20) -> str:
    """The main script(s) of a text whose letters are mostly not Latin, with the language
    they show when they show one: ``"Japanese: Han, Hiragana scripts"``, ``"Korean: Hangul
    script"``, ``"Chinese: Han script"``, ``"Cyrillic script"``; ``""`` for Latin-script
    (or too short) text."""
    sample = text[:50_000]
    letters = sum(map(len, _LETTERS.findall(sample)))
    if letters < min_letters:
        return ""
    runs = _NON_LATIN.findall(sample)
    if sum(map(len, runs)) <= 0.5 * letters:  # at least half Basic Latin to Latin Ext.-B
        return ""
    weights: Counter[str] = Counter()
    for ch, n in Counter("".join(runs)).items():
        weights[_script(ch)] += n
    top = [name for name, n in weights.most_common(3) if name and n >= 0.15 * letters]
    kana = [k for k in ("Hiragana", "Katakana") if k not in top and weights[k] >= 0.02 * letters]
    return _describe(top + kana) if top else "non-Latin script"
