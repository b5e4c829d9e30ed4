"""The one ``sources.csv`` reader: metadata per document id.

Columns ``doc_id, outlet, title, published, byline, url``; a field left empty means the
text is the only clue. Used for folders, zips, uploads and bundles alike. A cell written
with the spreadsheet guard (``'=…``, see :mod:`lib.csvsafe`) is read back as it was.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from lib.csvsafe import restore
from lib.records import METADATA_FIELDS

MANIFEST_NAME = "sources.csv"


#: The metadata columns a manifest may give (see :data:`lib.records.METADATA_FIELDS`).
MANIFEST_FIELDS = METADATA_FIELDS


def parse_manifest(text: str) -> dict[str, dict[str, str]]:
    """``{doc_id: {field: value}}`` from the CSV text of a manifest (BOM tolerated)."""
    rows = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    out = {}
    for row in rows:
        doc_id = restore((row.get("doc_id") or "").strip())
        if doc_id:
            out[doc_id] = {k: restore((row.get(k) or "").strip()) for k in MANIFEST_FIELDS}
    return out


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """Read ``sources.csv`` of a folder (empty dict if absent)."""
    path = Path(folder) / MANIFEST_NAME
    if not path.is_file():
        return {}
    return parse_manifest(path.read_text(encoding="utf-8-sig"))
