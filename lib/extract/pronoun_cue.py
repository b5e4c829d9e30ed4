"""Cues that tell apart two people of one surname: the gender a subject pronoun after a
bare name gives it ("… and the younger Roe echoed him when she added …": "f"), and whether
a name stands inside a quotation (a speaker's words, not the writer's running reference)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Subject pronouns and the gender they give.
SUBJECT_PRONOUNS = {"he": "m", "she": "f"}

#: Marks that open or close a quotation: a pronoun beyond one speaks of someone else.
QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "''", "``", "'"})


def pronoun_after(doc: Doc, start: int, end: int, sent_ids: list[int]) -> str:
    """ "m" / "f" from the first "he" / "she" after the name ``doc[start:end]`` in its
    sentence, else "". Nothing when another person is named first, a quotation mark stands
    between, or the pronoun opens a clause the name's own verb reports ("Roe said she …"
    may speak of another woman)."""
    sent = sent_ids[start]
    name = doc[start:end].root
    for i in range(end, len(doc)):
        tok = doc[i]
        if sent_ids[i] != sent or tok.ent_type_ == "PERSON" or tok.text in QUOTE_MARKS:
            return ""
        gender = SUBJECT_PRONOUNS.get(tok.lower_)
        if gender:
            return "" if _reported(tok, name) else gender
    return ""


def _reported(tok: Token, name: Token) -> bool:
    """Does ``tok`` sit in a clause that the verb governing ``name`` reports?"""
    while tok.head.i != tok.i:
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.i == name.head.i:
            return True
        tok = tok.head
    return False


def inside_quotation(text: str, idx: int) -> bool:
    """Does offset ``idx`` of ``text`` sit inside a quotation opened earlier in its
    paragraph (curly marks, straight double marks or the doubled '' of some wires)?"""
    para = text[text.rfind("\n", 0, idx) + 1 : idx]
    opens = para.count("“") + para.count("``")
    closes = para.count("”")
    straight = para.count('"') + para.count("''")
    return opens > closes or straight % 2 == 1
