"""The contracts every layer shares: table columns, entity labels and the :class:`Analysis`.

Every table the library returns is a tidy pandas DataFrame whose columns are declared once,
in :mod:`lib.records`; the lists here are read from those records (tests, the CLI and the
app rely on these names).

Versions of the analysis (what a cached result records) are in :mod:`lib.versions`; which
spaCy model is used is :mod:`lib.nlp.pipeline`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from lib.columns import cli_names, empty_frame, names
from lib.records import (
    COMPARE_PAGE,
    KWIC_PAGE,
    Claim,
    DocumentRow,
    Entity,
    Fact,
    Figure,
    Mention,
    Pair,
    Quote,
    Sentence,
    Statement,
    Status,
    Story,
    TextRow,
)

#: Longest document text the analysis accepts (characters; kept under spaCy's own limit).
MAX_DOC_CHARS = 200_000

# ----------------------------------------------------------------------------- labels

#: spaCy labels kept as "entities" (names of people, organisations, places, groups, events).
NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW")
#: What the pages and CSV exports call each entity type.
LABEL_NAMES = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Country / state / city",
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
FACT_COLUMNS = cli_names(Fact)
STORY_COLUMNS = cli_names(Story)
#: Every column of the tables the CLI does not print.
TEXT_COLUMNS = names(TextRow)
SENTENCE_COLUMNS = names(Sentence)
STATEMENT_COLUMNS = names(Statement)
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
    Entity, ``figures``: Figure, ``claims``: Claim, ``quotes``: Quote, ``statements``:
    Statement, ``facts``: Fact, ``stories``: Story), plus ``problems``: ``(file, reason)``
    of every article not analysed.
    """

    documents: pd.DataFrame
    texts: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    figures: pd.DataFrame
    claims: pd.DataFrame
    quotes: pd.DataFrame
    statements: pd.DataFrame = field(default_factory=lambda: empty_frame(Statement))
    facts: pd.DataFrame = field(default_factory=lambda: empty_frame(Fact))
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
