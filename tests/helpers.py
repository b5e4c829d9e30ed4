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


def outlet_of(document) -> str:
    """The outlet a table shows for ``document`` (its position label when it names none)."""
    from lib.corpus.document import unknown_outlet

    return document.outlet or unknown_outlet(document.doc_id)


def table_of(record_type, rows_by_doc, **fill) -> pd.DataFrame:
    """``{(doc_id, outlet): [records]}`` -> the record type's table, each record with its
    ``doc_id`` and ``outlet``; ``fill`` maps a column to a function of the record."""
    from dataclasses import replace

    from lib.columns import to_frame

    rows = []
    for (doc_id, outlet), records in rows_by_doc.items():
        for r in records:
            more = {col: fn(r) for col, fn in fill.items()}
            rows.append(replace(r, doc_id=doc_id, outlet=outlet, **more))
    return to_frame(rows, record_type)


def seed_rows(seed_figures) -> pd.DataFrame:
    """The seeds' figure records as one table with doc_id, outlet and said_by."""
    from lib.records import Figure

    by_doc = {
        (document.doc_id, outlet_of(document)): figures
        for _key, (_doc, figures, document) in sorted(seed_figures.items())
    }
    return table_of(Figure, by_doc, said_by=lambda f: source(f) or "")


def as_frame(rows_by_doc) -> pd.DataFrame:
    """rows_by_doc: {(doc_id, outlet): [Quote records]} -> the quotes table with a speaker."""
    from lib.records import Quote

    return table_of(Quote, rows_by_doc, speaker=lambda q: source(q, "speaker"))


def source(record, prefix: str = "said_by") -> str | None:
    """Who a figure (``said_by``) or quote (``speaker``) record names: the named person or
    organisation, else the source phrase as written, else None."""
    text = getattr(record, f"{prefix}_text")
    return text or getattr(record, f"{prefix}_description") or None


def resolve_texts(nlp, texts: dict[str, str]) -> pd.DataFrame:
    """corpus -> nlp.pipe -> sent_ids -> mention_records -> resolve_entities."""
    from dataclasses import replace

    from lib.columns import to_frame
    from lib.extract.mentions import mention_records
    from lib.records import Mention
    from lib.resolve.entities import resolve_entities

    rows = []
    for doc_id, doc in zip(texts, nlp.pipe(texts.values()), strict=True):
        sent_ids = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            sent_ids[sent.start : sent.end] = [k] * len(sent)
        for rec in mention_records(doc, sent_ids):
            rows.append(replace(rec, doc_id=doc_id, outlet=f"Outlet {doc_id}"))
    return resolve_entities(to_frame(rows, Mention))


def column_headers(element) -> dict[str, str]:
    """Column name -> header of an AppTest dataframe (its column config, as drawn)."""
    import json

    return {name: c.get("label", name) for name, c in json.loads(element.proto.columns).items()}


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


def quotes_in_text(nlp, text: str):
    """Quotes of ``text`` parsed alone, read as an article body (the text on the doc, as
    the reader gives it)."""
    from lib.extract.quotes import extract_quotes

    doc = nlp(text)
    doc.user_data["text"] = text
    return extract_quotes(doc)


def speaker_of(quote) -> str:
    """A quote's speaker as shown: the name, else the description, else ""."""
    return quote.speaker_text or quote.speaker_description or ""
