"""Files in a local folder, checked before they are opened.

The rule for a folder given as a corpus (CLI ``--corpus``, ``COVERAGE_LENS_CORPUS``): each
entry is looked at with ``lstat``/``stat`` first and is either read or named with a reason.

- Hidden entries (``.name``) and subfolders are not read.
- Symbolic links are followed only when their target is a regular file inside the folder;
  a broken link, a link loop or a link pointing outside the folder is not followed.
- FIFOs, sockets and device files are never opened (a FIFO would block the reader).
- The size comes from ``stat``, so a file over the size limit is never read; a file is
  opened non-blocking, checked again with ``fstat`` and read up to the limit only.
"""

from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from lib.ingest.status import (
    REASON_BAD_LINK,
    REASON_HIDDEN,
    REASON_NOT_REGULAR,
    REASON_SUBFOLDER,
    REASON_TOO_LARGE,
    SKIPPED,
    IngestError,
    status_row,
)

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words (``"a FIFO (named pipe)"``...)."""
    return next((word for test, word in _KINDS if test(mode)), "not a regular file")


@dataclass(frozen=True)
class LocalFile:
    """A regular file whose size is known from ``stat``; read only on demand, bounded."""

    path: Path
    size: int

    def open(self) -> io.BufferedReader:
        """Open without blocking (a file swapped for a FIFO cannot hang) and re-check it."""
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            raise IngestError(REASON_NOT_REGULAR, f"Cannot open ({exc.strerror}).") from None
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            os.close(fd)
            raise IngestError(REASON_NOT_REGULAR, f"It is {file_kind(mode)}; not opened.")
        return os.fdopen(fd, "rb")

    def read(self, cap: int) -> bytes:
        """The file's bytes; ``IngestError(too large)`` if it holds more than ``cap``."""
        with self.open() as fh:
            data = fh.read(cap + 1)
        if len(data) > cap:
            raise IngestError(
                REASON_TOO_LARGE, f"The file grew past the limit of {cap:,} bytes while read."
            )
        return data


def inspect(path: Path, root: Path | None = None) -> LocalFile:
    """``path`` as a :class:`LocalFile`, or raise ``IngestError`` saying why it is not read.

    With ``root``, a symbolic link must point to a file inside ``root``.
    """
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise IngestError(REASON_NOT_REGULAR, f"Cannot read ({exc.strerror}).") from None
    if stat.S_ISLNK(info.st_mode):
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            raise IngestError(
                REASON_BAD_LINK, "Broken symbolic link (its target is missing)."
            ) from None
        except (RuntimeError, OSError):
            raise IngestError(REASON_BAD_LINK, "Symbolic link loop; not followed.") from None
        if root is not None and not target.is_relative_to(root):
            raise IngestError(REASON_BAD_LINK, "Symbolic link to outside the folder; not followed.")
        path = target
        info = os.stat(target)
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(REASON_SUBFOLDER)
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(REASON_NOT_REGULAR, f"It is {file_kind(info.st_mode)}; not opened.")
    return LocalFile(path, info.st_size)


def scan_folder(folder: Path) -> tuple[list[tuple[str, LocalFile]], list[dict]]:
    """The readable files of ``folder`` (sorted by name) and a status row for every other
    entry. Nothing is opened here: the caller checks sizes and reads each file."""
    root = folder.resolve()
    files: list[tuple[str, LocalFile]] = []
    rows: list[dict] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        name = entry.name
        if name.startswith("."):
            rows.append(status_row(name, SKIPPED, REASON_HIDDEN))
            continue
        try:
            files.append((name, inspect(entry, root)))
        except IngestError as fail:
            rows.append(status_row(name, SKIPPED, fail.reason, fail.message))
    return files, rows


def payload_size(data) -> int:
    """Size in bytes of an upload (bytes) or a :class:`LocalFile` (from ``stat``)."""
    return data.size if isinstance(data, LocalFile) else len(data)


def payload_bytes(data, cap: int) -> bytes:
    """The bytes of an upload or of a :class:`LocalFile` (read up to ``cap``)."""
    return data.read(cap) if isinstance(data, LocalFile) else data


def zip_source(data):
    """What :class:`zipfile.ZipFile` opens: a checked file handle or an in-memory buffer."""
    return data.open() if isinstance(data, LocalFile) else io.BytesIO(data)
