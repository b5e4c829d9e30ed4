"""Zip archives: bomb checks, safe member names, bounded reads, one-level expansion."""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath

from lib.corpus.manifest import MANIFEST_NAME
from lib.ingest.filetypes import SUPPORTED_TYPES, file_suffix
from lib.ingest.limits import Limits
from lib.ingest.paths import payload_size, zip_source
from lib.ingest.status import (
    REASON_CORRUPT,
    REASON_ENCRYPTED,
    REASON_NESTED_ZIP,
    REASON_TOO_LARGE,
    REASON_UNSAFE_PATH,
    REASON_UNSUPPORTED,
    REASON_ZIP_BOMB,
    SKIPPED,
    IngestError,
    status_row,
)


def check_zip_safety(
    zf: zipfile.ZipFile, size: int, limits: Limits, what: str = "zip", whole: bool = True
) -> None:
    """Raise ``IngestError(zip bomb)`` for too many entries; with ``whole`` (one document
    such as a DOCX) also for too much data or a huge total ratio. Archives of articles
    check each member instead (:func:`expand_zip`), so one bomb member spoils nothing else."""
    infos = [i for i in zf.infolist() if not i.is_dir()]
    if len(infos) > limits.max_zip_entries:
        raise IngestError(
            REASON_ZIP_BOMB,
            f"The {what} has {len(infos):,} entries (limit {limits.max_zip_entries:,}).",
        )
    if not whole:
        return
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_bytes:
        raise IngestError(
            REASON_ZIP_BOMB,
            f"The {what} expands to {total:,} bytes (limit {limits.max_unzipped_bytes:,}).",
        )
    if total > limits.zip_ratio_min_bytes and total / max(size, 1) > limits.max_zip_ratio:
        raise IngestError(
            REASON_ZIP_BOMB,
            f"The {what} expands {total / max(size, 1):.0f}:1 (limit {limits.max_zip_ratio:g}:1).",
        )


def entry_ratio_fail(info: zipfile.ZipInfo, limits: Limits) -> IngestError | None:
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > limits.zip_ratio_min_bytes and ratio > limits.max_zip_ratio:
        return IngestError(
            REASON_ZIP_BOMB,
            f"Entry expands {ratio:.0f}:1 (limit {limits.max_zip_ratio:g}:1).",
        )
    return None


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """Read one member, never more than ``cap`` bytes (headers can lie)."""
    if info.flag_bits & 0x1:
        raise IngestError(REASON_ENCRYPTED)
    out = bytearray()
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(65_536):
                out += chunk
                if len(out) > cap:
                    raise IngestError(REASON_ZIP_BOMB, "Entry is larger than its header says.")
    except IngestError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise IngestError(REASON_CORRUPT, f"Corrupt zip entry ({exc}).") from None
    except NotImplementedError:
        raise IngestError(REASON_UNSUPPORTED, "Unsupported zip compression method.") from None
    return bytes(out)


def junk_member(member: str) -> bool:
    parts = member.replace("\\", "/").split("/")
    return parts[0] == "__MACOSX" or parts[-1].startswith(".") or parts[-1] in ("Thumbs.db",)


def unsafe_member(member: str) -> bool:
    name = member.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or "\x00" in name:
        return True
    return any(part == ".." for part in name.split("/"))


def member_problem(info: zipfile.ZipInfo, limits: Limits) -> IngestError | None:
    """Why one archive member is not read (checked from its zip header), or ``None``."""
    member = info.filename
    if unsafe_member(member):
        return IngestError(REASON_UNSAFE_PATH)
    ext = file_suffix(member)
    if ext == ".zip":
        return IngestError(REASON_NESTED_ZIP)
    if ext not in SUPPORTED_TYPES and PurePosixPath(member).name != MANIFEST_NAME:
        return IngestError(REASON_UNSUPPORTED, f"Unsupported type ({ext or 'no extension'}).")
    fail = entry_ratio_fail(info, limits)
    if fail:
        return fail
    if info.file_size > limits.max_file_bytes:
        return IngestError(
            REASON_TOO_LARGE,
            f"{info.file_size:,} bytes when unzipped (limit {limits.max_file_bytes:,}).",
        )
    return None


def expand_zip(name: str, data, limits: Limits, rows: list[dict]) -> list[tuple[str, bytes]]:
    """Members of a zip (bytes or a checked local file) as ``(display name, bytes)``.

    Every member that is not read gets its own row in ``rows`` (a bomb member, a member
    over the size limit, one past the archive's unzipped total); its siblings are kept.
    """
    try:
        source = zip_source(data)
    except IngestError as fail:
        rows.append(status_row(name, SKIPPED, fail.reason, fail.message))
        return []
    with source:
        return _expand(name, source, payload_size(data), limits, rows)


def _expand(name: str, source, size: int, limits: Limits, rows: list[dict]):
    try:
        zf = zipfile.ZipFile(source)
        infos = zf.infolist()
        check_zip_safety(zf, size, limits, whole=False)
    except IngestError as fail:
        rows.append(status_row(name, SKIPPED, fail.reason, fail.message))
        return []
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        rows.append(status_row(name, SKIPPED, REASON_CORRUPT, f"Corrupt zip ({exc})."))
        return []
    out: list[tuple[str, bytes]] = []
    read_total = 0
    with zf:
        for info in infos:
            shown = f"{name}/{info.filename}"
            if info.is_dir() or junk_member(info.filename):
                continue
            fail = member_problem(info, limits)
            if fail is None and read_total + info.file_size > limits.max_unzipped_bytes:
                fail = IngestError(
                    REASON_ZIP_BOMB,
                    f"Not read: the archive's members passed {limits.max_unzipped_bytes:,} "
                    "bytes unzipped.",
                )
            if fail is None:
                try:
                    content = read_member(zf, info, min(info.file_size, limits.max_file_bytes))
                except IngestError as error:
                    fail = error
            if fail is not None:
                rows.append(status_row(shown, SKIPPED, fail.reason, fail.message))
                continue
            read_total += len(content)
            out.append((shown, content))
    return out
