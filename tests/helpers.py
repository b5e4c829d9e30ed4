"""Shared test data and helpers (invented articles, record -> table helpers)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

#: Three invented reports of one flood (no seed text): deaths agree, evacuations conflict.
FLOOD = {
    "a": (
        "Daily Alpha",
        "Officials said at least 40 people were killed in the floods on Monday. About 5,000 "
        "residents were evacuated, Governor Jane Smith said. The government pledged $5.7 billion "
        "in aid.",
    ),
    "b": (
        "Beta News",
        "The floods killed 52 people, according to the Red Cross. Nearly 5,000 residents were "
        "evacuated from their homes. The government announced $5.7bn in aid for the region.",
    ),
    "c": (
        "Gamma Times",
        "More than 40 people died in the floods, police said. Some 6,000 people were evacuated. "
        "Rescuers saved three dogs.",
    ),
}


def seed_rows(seed_figures) -> pd.DataFrame:
    """The seeds' figure records as one table with doc_id, outlet and said_by."""
    rows = []
    for _key, (_doc, figures, document) in sorted(seed_figures.items()):
        for f in figures:
            rows.append(
                dict(
                    f,
                    doc_id=document.doc_id,
                    outlet=document.display_outlet,
                    said_by=f["said_by_text"] or f["said_by_description"] or "",
                )
            )
    return pd.DataFrame(rows)


def as_frame(rows_by_doc) -> pd.DataFrame:
    """rows_by_doc: {(doc_id, outlet): [quote dicts]} -> DataFrame with a speaker column."""
    rows = []
    for (doc_id, outlet), quotes in rows_by_doc.items():
        for q in quotes:
            rows.append(
                {
                    **q,
                    "doc_id": doc_id,
                    "outlet": outlet,
                    "speaker": q["speaker_text"] or q["speaker_description"],
                }
            )
    return pd.DataFrame(rows)


def source(record: dict, prefix: str = "said_by") -> str | None:
    """Who a figure (``said_by``) or quote (``speaker``) record names: the named person or
    organisation, else the source phrase as written, else None."""
    return record[f"{prefix}_text"] or record[f"{prefix}_description"] or None


def _writable(folder: Path) -> bool:
    probe = folder / ".write-probe"
    try:
        probe.write_text("x")
    except OSError:
        return False
    probe.unlink()
    return True


@contextlib.contextmanager
def read_only(folder: Path):
    """``folder`` and its subfolders made read-only for the ``with`` block: by permissions,
    and (for root, whom permissions do not stop) by the immutable attribute (``chattr +i``).
    Skips the test when neither works on this machine."""
    import pytest

    folders = [folder, *[p for p in folder.rglob("*") if p.is_dir()]]
    for f in folders:
        f.chmod(0o555)
    immutable = False
    if _writable(folder):
        chattr = shutil.which("chattr")
        if (
            chattr
            and subprocess.run([chattr, "+i", *map(str, folders)], check=False).returncode == 0
        ):
            immutable = True
    try:
        if _writable(folder):
            pytest.skip("cannot make a read-only folder here")
        yield folder
    finally:
        if immutable:
            subprocess.run([shutil.which("chattr"), "-i", *map(str, folders)], check=False)
        for f in folders:
            f.chmod(0o755)
