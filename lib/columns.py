"""How a table's columns are declared: the machinery behind :mod:`lib.records`.

A *record* is a dataclass made by :func:`record`, one per table. Each field is declared
once with :func:`col` (header, help text, whether ``python -m lib TABLE`` prints it, how a
page draws it) or :func:`same` (the very column of another record, e.g. ``doc_id`` of
:class:`~lib.records.DocumentRow`, so its header and help live in one place). The field's
type gives its pandas dtype and its default (``str`` -> ``""``, ``int`` -> ``0``,
``float`` -> NaN, ``bool`` -> False, ``X | None`` -> None), so an extractor fills what it
knows and later passes fill the rest.

A :class:`PageTable` is a table a page shows: record columns by name, in the page's order,
plus columns a view computes (:func:`derived`, declared there and nowhere else), and the
columns only its CSV download carries. Everything else is derived from these: the column
lists of :mod:`lib.schema`, the CLI's columns, DataFrames (:func:`to_frame`), the disk
cache's plain records (:func:`to_plain` / :func:`from_plain`), page column configs
(:mod:`lib.ui.widgets`) and CSV headers.

Why dataclasses and not TypedDict or pydantic: fields carry metadata (``field(metadata=)``)
and defaults, read by attribute (a typo fails at once), cost nothing at run time (slots,
no validation of trusted internal data: an extractor makes tens of thousands of records),
pickle to the parse worker, and need no dependency.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from operator import attrgetter

import pandas as pd

#: Annotation -> (pandas dtype, default value) of a record field.
TYPES: dict[str, tuple[str, object]] = {
    "str": ("str", ""),
    "int": ("int64", 0),
    "float": ("float64", math.nan),
    "bool": ("bool", False),
    "str | None": ("object", None),
    "int | None": ("float64", None),  # a missing offset: pandas stores NaN
    "float | None": ("float64", None),
}

_META = "column"


@dataclass(frozen=True)
class Column:
    """One column: its name, header and help as pages and CSV files show them, its pandas
    dtype, whether the CLI prints it, and how a page draws it (``width`` small / medium /
    large, ``pinned`` while the table scrolls, ``number_format`` like ``"%d"``).
    ``origin`` names where it is declared (``"Figure.text"``)."""

    name: str
    header: str
    help: str = ""
    dtype: str = "str"
    cli: bool = False
    width: str | None = None
    pinned: bool = False
    number_format: str | None = None
    origin: str = ""


def col(
    header: str,
    help: str = "",
    *,
    cli: bool = False,
    width: str | None = None,
    pinned: bool = False,
    number_format: str | None = None,
):
    """Declare a record field as a column (its name and dtype come from the field)."""
    spec = {"header": header, "help": help, "cli": cli, "width": width, "pinned": pinned}
    spec["number_format"] = number_format
    return dataclasses.field(default=None, metadata={_META: spec})


def same(record_type: type, name: str, *, cli: bool = False):
    """The column ``name`` of ``record_type`` again, in another table (a reference, not a
    second declaration); whether the CLI prints it is said per table."""
    return dataclasses.field(
        default=None, metadata={_META: {"same": column(record_type, name), "cli": cli}}
    )


def derived(
    name: str,
    header: str,
    help: str = "",
    *,
    dtype: str = "str",
    width: str | None = None,
    pinned: bool = False,
    number_format: str | None = None,
) -> Column:
    """A column a view computes for one page table (never stored in the analysis)."""
    return Column(name, header, help, dtype, False, width, pinned, number_format, f"derived:{name}")


def record(cls: type) -> type:
    """Make ``cls`` a record: every annotated field must be declared with :func:`col` or
    :func:`same`; it becomes a keyword-only slots dataclass with ``__columns__``."""
    columns = []
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        decl = cls.__dict__.get(name)
        spec = decl.metadata.get(_META) if isinstance(decl, dataclasses.Field) else None
        if spec is None:
            raise TypeError(f"{cls.__name__}.{name}: declare it with col() or same()")
        annotation = annotation if isinstance(annotation, str) else annotation.__name__
        if annotation not in TYPES:
            raise TypeError(f"{cls.__name__}.{name}: unsupported type {annotation}")
        dtype, default = TYPES[annotation]
        if "same" in spec:
            base = spec["same"]
            column_ = dataclasses.replace(base, name=name, dtype=dtype, cli=spec["cli"])
        else:
            origin = f"{cls.__name__}.{name}"
            column_ = Column(name=name, dtype=dtype, origin=origin, **spec)
        columns.append(column_)
        setattr(cls, name, dataclasses.field(default=default, metadata={_META: column_}))
    made = dataclass(slots=True, kw_only=True)(cls)
    made.__columns__ = tuple(columns)
    return made


def columns(record_type: type) -> tuple[Column, ...]:
    """The columns of a record type, in table order."""
    return record_type.__columns__


def column(record_type: type, name: str) -> Column:
    for c in record_type.__columns__:
        if c.name == name:
            return c
    raise KeyError(f"{record_type.__name__} has no column {name!r}")


def names(record_type: type) -> list[str]:
    """Column names of a record type, in table order."""
    return [c.name for c in record_type.__columns__]


def cli_names(record_type: type) -> list[str]:
    """The columns ``python -m lib TABLE`` prints, in table order."""
    return [c.name for c in record_type.__columns__ if c.cli]


def empty_frame(record_type: type) -> pd.DataFrame:
    """A table with no rows and every column at its dtype."""
    return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in record_type.__columns__})


def to_frame(records, record_type: type) -> pd.DataFrame:
    """Records -> a DataFrame with the record's columns in order."""
    if not records:
        return empty_frame(record_type)
    cols = names(record_type)
    get = attrgetter(*cols)
    return pd.DataFrame.from_records([get(r) for r in records], columns=cols)


def to_plain(records) -> list[dict]:
    """Records as plain dicts (JSON for the disk cache)."""
    if not records:
        return []
    cols = names(type(records[0]))
    return [{c: getattr(r, c) for c in cols} for r in records]


def from_plain(record_type: type, rows: list[dict]) -> list:
    """Plain dicts (from :func:`to_plain`) back into records."""
    return [record_type(**row) for row in rows]


@dataclass(frozen=True)
class PageTable:
    """A table a page shows: ``columns`` in the page's order, ``csv_only`` columns its
    download adds (which row is which: the document id), and with ``per_outlet`` one
    column per selected outlet after them (named after the outlet)."""

    page: str
    title: str
    columns: tuple[Column, ...]
    csv_only: tuple[Column, ...] = ()
    per_outlet: bool = False

    def names(self) -> list[str]:
        """Columns shown on the page, in order."""
        return [c.name for c in self.columns]

    def csv_names(self) -> list[str]:
        """Columns of the CSV download (the page's, then the CSV-only ones)."""
        return [c.name for c in (*self.columns, *self.csv_only)]

    def headers(self) -> dict[str, str]:
        """Column name -> header, for the page and its CSV."""
        return {c.name: c.header for c in (*self.columns, *self.csv_only)}

    def get(self, name: str) -> Column:
        for c in (*self.columns, *self.csv_only):
            if c.name == name:
                return c
        raise KeyError(name)


def shown(
    record_type: type | None,
    page: str,
    title: str,
    *items,
    csv_only=(),
    per_outlet: bool = False,
) -> PageTable:
    """A :class:`PageTable`: ``items`` are column names of ``record_type`` or
    :func:`derived` columns, in the page's order; ``csv_only`` likewise."""

    def resolve(item) -> Column:
        return item if isinstance(item, Column) else column(record_type, item)

    return PageTable(
        page,
        title,
        tuple(resolve(i) for i in items),
        tuple(resolve(i) for i in csv_only),
        per_outlet,
    )
