"""Reasons that say what happened: non-Latin script, compressed files and bombs, mixed
encodings (each with its own row, the good file beside it always kept)."""

from __future__ import annotations

import bz2
import gzip
import zlib

import pytest

from lib.ingest.decode import MIXED_ENCODING, decode_bytes, non_latin_script
from lib.ingest.status import (
    REASON_BOMB,
    REASON_COMPRESSED,
    REASON_MIXED_ENCODING,
    REASON_NOT_ENGLISH_SCRIPT,
)
from lib.ingest.uploads import document_from_paste
from tests.ingest.test_ingest import ARTICLE, article, run_bad

CHINESE = (
    "北京时间周二，中国政府宣布了一项新的经济刺激计划，以应对经济放缓。官员表示，"
    "这项计划将包括基础设施投资和减税措施，预计将在未来几个月内实施。"
) * 3
JAPANESE = (
    "東京で火曜日、政府は新しい経済対策を発表しました。これは景気の減速に対応するためで、"
    "インフラ投資と減税が含まれると当局者は述べています。"
) * 3
RUSSIAN = (
    "Москва заявила во вторник, что войска отошли от границы. Официальные лица сообщили, "
    "что переговоры продолжатся на следующей неделе в Женеве."
) * 3


@pytest.mark.parametrize(
    "text, script",
    [(CHINESE, "Han"), (JAPANESE, "Hiragana"), (RUSSIAN, "Cyrillic")],
    ids=["chinese", "japanese", "russian"],
)
def test_non_latin_script_is_named(text, script):
    r, _ = run_bad("foreign.txt", text.encode("utf-8"))
    assert (r["status"], r["reason"]) == ("skipped", REASON_NOT_ENGLISH_SCRIPT)
    assert r["message"].startswith("Not English (") and script in r["message"], r
    assert "page furniture" not in r["message"]
    with pytest.raises(ValueError, match="Not English") as info:
        document_from_paste(text)
    assert info.value.reason == REASON_NOT_ENGLISH_SCRIPT  # the paste row's reason


KOREAN = (
    "서울에서 화요일, 정부는 경기 둔화에 대응하기 위한 새로운 경제 대책을 발표했다.\n\n"
    "관계자들은 이 계획에 사회 기반 시설 투자와 감세가 포함된다고 말했다."
)
TRADITIONAL = "台北市政府週二宣布，由於豪雨導致多條道路淹水，全市中小學將停課兩天。" * 3


@pytest.mark.parametrize(
    "text, encoding, named",
    [
        (CHINESE, "gb18030", "Chinese: Han script"),
        (JAPANESE, "shift_jis", "Japanese: "),
        (JAPANESE, "euc_jp", "Japanese: "),
        (KOREAN, "euc_kr", "Korean: Hangul script"),
        (TRADITIONAL, "big5", "Chinese: Han script"),
    ],
    ids=["gb18030", "shift_jis", "euc_jp", "euc_kr", "big5"],
)
def test_legacy_encodings_are_detected_and_the_script_named(text, encoding, named):
    """A file in a legacy East Asian encoding is decoded as such (never as UTF-8 mixed with
    Windows-1252 noise) and skipped as not English with its language named."""
    r, _ = run_bad("foreign.txt", text.encode(encoding))
    assert (r["status"], r["reason"]) == ("skipped", REASON_NOT_ENGLISH_SCRIPT), r
    assert r["message"].startswith(f"Not English ({named}"), r
    decoded, _ = decode_bytes(text.encode(encoding))
    assert decoded == text


def test_english_with_a_few_foreign_words_is_analysed():
    text = ARTICLE + "\n\nThe sign on the shelter read 避难所 (shelter) in Chinese."
    assert non_latin_script(text) == ""
    r, _ = run_bad("mostly_english.txt", text.encode("utf-8"))
    assert r["status"] == "analysed"


def _pdf_with_stream(raw: bytes, fonts: bool = True) -> bytes:
    """A one-page PDF whose content stream is ``raw``, Flate-compressed."""
    stream = zlib.compress(raw, 9)
    resources = b"/Resources << /Font << /F1 5 0 R >> >> " if fonts else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        + resources
        + b">>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@pytest.mark.parametrize("fonts", [True, False], ids=["with-fonts", "no-fonts"])
def test_pdf_bomb_is_named_not_scanned(fonts):
    bomb = _pdf_with_stream(b" " * 80_000_000, fonts)  # past pypdf's 75 MB limit
    assert len(bomb) < 200_000
    r, _ = run_bad("bomb.pdf", bomb)
    assert (r["status"], r["reason"]) == ("skipped", REASON_BOMB), r
    assert "scanned" not in r["message"]


@pytest.mark.parametrize(
    "data, kind",
    [(gzip.compress(ARTICLE.encode()), "gzip"), (bz2.compress(ARTICLE.encode()), "bzip2")],
    ids=["gzip", "bzip2"],
)
def test_compressed_text_file_is_named(data, kind):
    r, _ = run_bad("article.txt", data)
    assert (r["status"], r["reason"]) == ("skipped", REASON_COMPRESSED)
    assert kind in r["message"]


def test_mixed_utf8_and_latin1_decoded_per_segment_with_a_warning():
    utf8 = (article("mixed") + "\n\n“Smart quotes” and a café in UTF-8. ").encode("utf-8")
    latin = "Then a Windows-1252 part: the naïve café’s owner said “no”.".encode("cp1252")
    text, encoding = decode_bytes(utf8 + latin)
    assert encoding == MIXED_ENCODING
    assert "“Smart quotes” and a café" in text and "naïve café’s owner said “no”" in text
    assert "â€" not in text and "\ufffd" not in text
    r, result = run_bad("mixed.txt", utf8 + latin)
    assert (r["status"], r["reason"]) == ("analysed", REASON_MIXED_ENCODING)
    assert "decoded separately" in r["message"]
    doc = next(d for d in result.documents if d.doc_id == "mixed")
    assert any("decoded separately" in note for note in doc.notes)


def test_plain_windows_1252_has_no_warning():
    data = (article("cp") + "\n\nThe café’s “menu”.").encode("cp1252")
    assert decode_bytes(data)[1] == "cp1252"
    r, _ = run_bad("cp.txt", data)
    assert (r["status"], r["reason"]) == ("analysed", "")


def test_invisible_characters_leave_names_and_texts_on_every_path():
    """Uploads with a manifest naming one outlet with and without invisible characters, and
    article texts carrying word joiners and tag characters: one outlet, clean texts."""
    from lib.corpus.document import INVISIBLE_RE, outlet_labels
    from lib.ingest.uploads import read_uploads

    manifest = (
        "doc_id,outlet,title,published,byline,url\n"
        "a,Daily News,,,,\n"
        "b,Daily\u2060 News\U000e0041,T\u2060itle,,By Jo\u00adhn Roe,\n"
    ).encode("utf-8")
    body = ARTICLE.replace("Storm Bert", "Storm\u2060 Bert\U000e0062")
    result = read_uploads(
        [("sources.csv", manifest), ("a.txt", article("one").encode()), ("b.txt", body.encode())]
    )
    docs = result.documents
    assert len(docs) == 2, result.statuses
    assert set(outlet_labels(docs)) == {"Daily News"}
    assert (docs[1].title, docs[1].byline) == ("Title", "By John Roe")
    assert not any(INVISIBLE_RE.search(d.text) for d in docs)
    pasted = document_from_paste(body, "Daily\u2060 News", "A\u200d title")
    assert (pasted.outlet, pasted.title) == ("Daily News", "A title")
    assert not INVISIBLE_RE.search(pasted.text)
