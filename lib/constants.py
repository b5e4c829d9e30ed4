"""Column contracts and shared constants for Coverage Lens tables.

Every table the library returns is a tidy pandas DataFrame whose columns are
listed here; tests and the CLI rely on these names.
"""

from __future__ import annotations

#: Bump when any extraction logic changes so cached analyses are recomputed.
PIPELINE_VERSION = "0.1.0"

DOCUMENT_COLUMNS = ["doc_id", "outlet", "title", "published", "byline", "url", "words"]
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

#: spaCy labels kept as "entities" (names of people, organisations, places, groups, events).
NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW")
#: Numeric labels (figures layer), never entities.
NUMERIC_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL", "DATE", "TIME")

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

#: Figures: DESIGN contract columns first; lib.figures adds unit, value_max, offsets, lemmas.
FIGURE_COLUMNS = [
    "doc_id",
    "outlet",
    "text",
    "value",
    "qualifier",
    "counted",
    "sentence",
    "said_by",
]
#: Claims (figures grouped across outlets); lib.figures.CLAIM_COLUMNS is the full list.
CLAIM_CONTRACT_COLUMNS = ["claim_id", "counted", "outlet", "doc_id", "value", "qualifier", "text"]
QUOTE_COLUMNS = ["doc_id", "outlet", "speaker", "quote", "sentence_id"]
