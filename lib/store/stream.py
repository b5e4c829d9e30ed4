"""A large pile analysed into an analysis folder with flat memory (``analyze --out``).

:func:`lib.analysis.analyze` keeps every article's results in memory until the whole
:class:`~lib.schema.Analysis` is built; for 100,000 articles that is many gigabytes. Here
the same steps run in a stream:

1. each article is parsed (by any parser of :mod:`lib.parsing`: the supervised workers,
   or :class:`lib.parsing.cluster.DaskParser` on a cluster); as its results arrive, its story
   features are kept (:class:`lib.resolve.stories.StoryMatrix`, about a kilobyte an
   article) and the results themselves are spilled to a temporary file;
2. the pile is grouped into stories (scoring and components on the cluster with
   ``map_fn``);
3. stories are assembled a batch at a time (whole stories only, so every corpus-level
   pass sees exactly what it sees in one piece) and each batch's tables are written as
   Parquet parts; ``run`` may send the batches to the cluster;
4. the parts are joined into one Parquet file per table and the manifest written last.

The folder holds the same tables as ``save_analysis(analyze(...))`` on the same pile
(rows of per-article tables are grouped by story in both).
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import pandas as pd

from lib.corpus.document import Document, outlet_labels
from lib.resolve.assemble import assemble
from lib.resolve.stories import StoryMatrix, stories_of_matrix, story_features
from lib.schema import TEXT_COLUMNS, table_names
from lib.store.folders import table_info, write_manifest
from lib.versions import text_key

#: Articles per assembly batch (whole stories; a bigger story is one batch).
BATCH_ARTICLES = 400


class PartSpill:
    """Per-article results on disk (one append-only file, compressed pickles), read back
    by article index."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "parts.bin"
        self._fh = open(self.path, "w+b")  # noqa: SIM115 - closed by close()
        self._where: dict[int, tuple[int, int]] = {}

    def put(self, index: int, part) -> None:
        data = zlib.compress(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self._fh.seek(0, os.SEEK_END)
        self._where[index] = (self._fh.tell(), len(data))
        self._fh.write(data)

    def get(self, index: int):
        start, size = self._where[index]
        self._fh.seek(start)
        return pickle.loads(zlib.decompress(self._fh.read(size)))

    def close(self) -> None:
        self._fh.close()


class TableParts:
    """Each batch's tables written as Parquet parts, joined per table at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def add(self, tables: dict[str, pd.DataFrame]) -> None:
        for name, frame in tables.items():
            path = self.folder / name
            path.mkdir(exist_ok=True)
            frame.to_parquet(path / f"{self.count:06d}.parquet", index=False)
        self.count += 1

    def join(self, name: str, out: Path, empty: pd.DataFrame) -> dict:
        """Write table ``name`` as one file in ``out`` from its parts (``empty`` when there
        are none); returns its manifest entry."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        files = sorted((self.folder / name).glob("*.parquet"))
        target = out / f"{name}.parquet"
        if not files:
            empty.to_parquet(target, index=False, compression="zstd")
            return table_info(empty)
        schema = pa.unify_schemas(
            [pq.read_schema(f) for f in files], promote_options="permissive"
        ).remove_metadata()
        rows = 0
        with pq.ParquetWriter(target, schema, compression="zstd") as writer:
            for f in files:
                table = pq.read_table(f)
                columns = [
                    table.column(field.name).cast(field.type)
                    if field.name in table.column_names
                    else pa.nulls(len(table), field.type)
                    for field in schema
                ]
                writer.write_table(pa.Table.from_arrays(columns, schema=schema))
                rows += len(table)
        first = pd.read_parquet(files[0])
        return {"rows": rows, "columns": schema.names, "dtypes": table_info(first)["dtypes"]}


def _batches(stories: Sequence[str], size: int) -> list[list[int]]:
    """Positions grouped into batches of whole stories (in story order), about ``size``
    articles each."""
    members: dict[str, list[int]] = {}
    for k, sid in enumerate(stories):
        members.setdefault(sid, []).append(k)
    order = sorted(members, key=lambda s: int(s[1:]) if s[1:].isdigit() else 0)
    batches, current = [], []
    for sid in order:
        if current and len(current) + len(members[sid]) > size:
            batches.append(current)
            current = []
        current.extend(members[sid])
    if current:
        batches.append(current)
    return batches


def assemble_batch(docs, parts, stories, outlets, story_count) -> dict[str, pd.DataFrame]:
    """The tables of one batch of whole stories (run here or on a cluster worker)."""
    analysis = assemble(docs, parts, stories=stories, outlets=outlets, story_count=story_count)
    return {name: analysis.table(name) for name in table_names() if name != "texts"}


Runner = Callable[[Callable, Iterable[tuple]], Iterator]


def _here(fn: Callable, args: Iterable[tuple]) -> Iterator:
    for tup in args:
        yield fn(*tup)


def stream_analysis(
    documents: Sequence[Document],
    out: str | os.PathLike,
    *,
    parser,
    problems: Sequence[tuple[str, str]] = (),
    cache=None,
    map_fn=None,
    run: Runner | None = None,
    progress: Callable[[int, int], None] | None = None,
    batch_articles: int = BATCH_ARTICLES,
) -> dict:
    """Analyse ``documents`` into the analysis folder ``out`` (see the module docstring).

    ``parser`` (:mod:`lib.parsing`) parses; ``cache`` (``get``/``put``) is read first
    and filled; ``run(fn, argument_tuples)`` yields ``fn(*args)`` in order for the
    assembly batches (default: here). Returns counts for the caller's summary line.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".stream-", dir=out))
    try:
        spill, matrix = PartSpill(work), StoryMatrix()
        skipped = _parse_all(documents, parser, cache, spill, matrix, progress)
        kept = [i for i in range(len(documents)) if i not in skipped]
        X, days = matrix.build(kept)
        stories = stories_of_matrix(X, days, map_fn=map_fn)
        del X, days, matrix
        docs = [documents[i] for i in kept]
        labels = outlet_labels(docs)
        count = len(set(stories))
        parts_out = TableParts(work)

        def batch_args() -> Iterator[tuple]:
            for batch in _batches(stories, batch_articles):
                yield (
                    [docs[k] for k in batch],
                    [spill.get(kept[k]) for k in batch],
                    [stories[k] for k in batch],
                    [labels[k] for k in batch],
                    count,
                )

        for tables in (run or _here)(assemble_batch, batch_args()):
            parts_out.add(tables)
        spill.close()
        lost = [(documents[i].source_name or documents[i].doc_id, skipped[i]) for i in skipped]
        _finish(out, parts_out, docs, [*problems, *lost])
        return {"articles": len(docs), "stories": count, "skipped_items": lost}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _parse_all(documents, parser, cache, spill: PartSpill, matrix: StoryMatrix, progress):
    """Parse every document not in ``cache``; keep features and spill results. Returns the
    skipped ones (index -> message)."""
    skipped: dict[int, str] = {}
    todo = []

    def keep(i: int, part) -> None:
        doc = documents[i]
        matrix.add(i, story_features(doc.published, doc.outlet, part))
        spill.put(i, part)

    for i, doc in enumerate(documents):
        found = cache.get(text_key(doc.text)) if cache is not None else None
        if found is None:
            todo.append(i)
        else:
            keep(i, found)
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, len(todo))

    def on_part(n: int, part) -> None:
        keep(todo[n], part)
        if cache is not None:
            cache.put(text_key(documents[todo[n]].text), part)
        step()

    def on_skip(n: int, message: str) -> None:
        skipped[todo[n]] = message
        step()

    if todo:
        parser.parse([documents[i].text for i in todo], on_part, on_skip)
    return skipped


def _finish(out: Path, parts: TableParts, docs: list[Document], problems) -> None:
    """One file per table from the parts (documents back in input order), then the
    manifest."""
    tables = {}
    for name in table_names():
        if name not in ("documents", "texts"):
            tables[name] = parts.join(name, out, pd.DataFrame())
    position = {d.doc_id: k for k, d in enumerate(docs)}
    files = sorted((parts.folder / "documents").glob("*.parquet"))
    documents = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
    documents = documents.iloc[documents["doc_id"].map(position).argsort(kind="stable")]
    documents = documents.reset_index(drop=True)
    documents.to_parquet(out / "documents.parquet", index=False, compression="zstd")
    tables["documents"] = table_info(documents)
    texts = pd.DataFrame(
        [
            {
                "doc_id": d.doc_id,
                "text": d.text,
                "boilerplate": d.boilerplate,
                "source_name": d.source_name,
                "content_hash": d.content_hash,
            }
            for d in docs
        ],
        columns=TEXT_COLUMNS,
    )
    texts.to_parquet(out / "texts.parquet", index=False, compression="zstd")
    tables["texts"] = table_info(texts)
    del texts
    write_manifest(out, documents, _hashes(docs), tables, problems)


def _hashes(docs: list[Document]) -> pd.DataFrame:
    """What the manifest needs of the texts: their hashes and the texts (for their keys)."""
    return pd.DataFrame(
        {"content_hash": [d.content_hash for d in docs], "text": [d.text for d in docs]}
    )
