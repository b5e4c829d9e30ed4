"""One text's per-article results: the bundle the disk cache stores and the parse path returns.

Records without ``doc_id``/``outlet`` (added when the corpus is assembled), so they are
cached by the text's hash and survive metadata edits; the record types are in
:mod:`lib.records`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from lib.columns import from_plain, to_plain
from lib.records import Figure, Mention, Quote, Sentence, Statement, Term


@dataclass(slots=True)
class Parts:
    """What the per-article pass (:func:`lib.extract.document.process_doc`) returns for one
    text: records without ``doc_id``/``outlet`` (added when the corpus is assembled), so
    they are cached by the text's hash and survive metadata edits."""

    words: int
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    #: The record lists and their record types.
    LISTS: ClassVar[dict[str, type]] = {
        "sentences": Sentence,
        "mentions": Mention,
        "figures": Figure,
        "quotes": Quote,
        "terms": Term,
        "statements": Statement,
    }
    #: The lists that become rows of the Analysis tables (``terms`` only feeds stories).
    TABLE_LISTS: ClassVar[tuple[str, ...]] = (
        "sentences",
        "mentions",
        "figures",
        "quotes",
        "statements",
    )

    def plain(self) -> dict[str, list[dict]]:
        """Plain values only (JSON for the disk cache): ``{"words": [{"words": n}], list
        name: [record as dict, ...]}``."""
        out = {"words": [{"words": self.words}]}
        out.update({name: to_plain(getattr(self, name)) for name in self.LISTS})
        return out

    @classmethod
    def from_plain(cls, plain: dict[str, list[dict]]) -> Parts:
        """The inverse of :meth:`plain` (raises on missing or unknown fields)."""
        lists = {name: from_plain(rt, plain[name]) for name, rt in cls.LISTS.items()}
        return cls(words=plain["words"][0]["words"], **lists)
