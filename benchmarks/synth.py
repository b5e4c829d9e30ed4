"""Synthetic corpora for benchmarks and tests: seed paragraphs recombined under new outlets.

Each synthetic article takes a title line and 6–12 paragraphs drawn (deterministically,
from ``random.Random(seed)``) from the seed articles' bodies, so the texts look like news
about the same event but differ from each other. Outlets are named ``Outlet 001`` …
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from lib.corpus.document import Document
from lib.ingest.local import load_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_paragraphs() -> list[str]:
    """Body paragraphs of the seed articles (in order, each once)."""
    paras: list[str] = []
    for doc in load_corpus(SEEDS).documents:
        paras.extend(p.strip() for p in doc.text.split("\n\n") if len(p.strip()) > 40)
    return list(dict.fromkeys(paras))


def synthetic_documents(n: int, *, seed: int = 7, outlets: int | None = None) -> list[Document]:
    """``n`` distinct documents built from seed paragraphs, under ``outlets`` outlet names
    (default: one outlet per document)."""
    paras = seed_paragraphs()
    rng = random.Random(seed)
    n_outlets = outlets or n
    docs = []
    for i in range(n):
        k = rng.randint(6, min(12, len(paras)))
        body = rng.sample(paras, k)
        title = f"Report {i:04d}: " + body[0].split(". ")[0][:80]
        text = "\n\n".join(body)
        docs.append(
            Document(
                doc_id=f"synth_{i:04d}",
                text=text,
                outlet=f"Outlet {i % n_outlets:03d}",
                title=title,
                source_name=f"synth_{i:04d}.txt",
            )
        )
    return docs


def write_corpus_folder(docs: list[Document], folder: Path) -> Path:
    """Write ``docs`` as ``<doc_id>.txt`` files plus a ``sources.csv`` manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "sources.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["doc_id", "outlet", "title", "published", "byline", "url"])
        for d in docs:
            w.writerow([d.doc_id, d.outlet, d.title, d.published, d.byline, d.url])
            (folder / f"{d.doc_id}.txt").write_text(d.text + "\n", encoding="utf-8")
    return folder
