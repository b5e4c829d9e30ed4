"""Names the model cut in two, joined again: an organisation split around "of" / "for",
one whose first words it left out, a law firm's list of partners, a given name cut from the
rest, a building named after a person (split from :mod:`lib.extract.mentions`, which reads
mentions from the joined entities)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lib.extract.name_forms import (
    clear_given_name,
    given_name_rest,
    hyphen_rest,
    named_facility,
    numbered_body,
)
from lib.nlp.gazetteer import gazetteer
from lib.nlp.index import sent_of
from lib.nlp.names import head_words
from lib.nlp.pipeline import doc_text

if TYPE_CHECKING:  # spaCy itself is imported by the pipeline, not by importing this module
    from spacy.tokens import Doc, Span

#: "Eastern District" + "of" + "New York": an organisation or facility split around these
#: words is one name.
JOINERS = frozenset({"of", "for"})


ORG_LIKE = frozenset({"ORG", "FAC", "LAW", "EVENT", "LOC"})
JOINABLE = frozenset({"ORG", "GPE", "LOC", "FAC", "LAW", "EVENT"})


def joined_ents(doc: Doc) -> list[Span]:
    """The Doc's entities, with names the model cut in two joined again, labelled as their
    first part: an organisation split around "of" / "for" ("Federal District Court" + "for
    the" + "Eastern District of Virginia"), or whose first words it left out ("Deferred
    Action for" + "Childhood Arrivals"); a law firm's list of partners ("Kasowitz" + "," +
    "Benson, Torres & Friedman"); a given name cut from the rest ("Domenic" + "M. Recchia
    Jr.")."""
    ents = [given_name_rest(doc, hyphen_rest(doc, _extend_left(doc, e))) for e in doc.ents]
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        if out and ent.start < out[-1].end:  # inside the name a cut one was joined to
            i += 1
            continue
        while i + 1 < len(ents):
            joined = _join(doc, ent, ents[i + 1])
            if joined is None:
                break
            ent = joined
            i += 1
        out.append(ent)
        i += 1
    return out


def _join(doc: Doc, ent: Span, nxt: Span) -> Span | None:
    """``ent`` and the next entity ``nxt`` as one name, or None (see :func:`joined_ents`)."""
    words = [t.lower_ for t in doc[ent.end : nxt.start]]
    lead = [t.lower_ for t in nxt if t.pos_ == "DET"][:1]  # "the Eastern District …"
    body = nxt[len(lead) :]
    ok = (
        ent.label_ in ORG_LIKE
        and nxt.label_ in JOINABLE
        and len(body) > 0
        and (body[0].text[:1].isupper() or body[0].text[:1].isdigit())  # "the 10th Circuit"
        and (
            # "Member" + "of" + "Congress" is a role: one word joins only as an acronym
            (len(words) == 1 and not lead and words[0] in JOINERS and _name_like(ent))
            or (words + lead in (["of", "the"], ["for", "the"]) and _title_words(ent) >= 2)
        )
    )
    ok = ok or (
        ent.label_ == "ORG" == nxt.label_
        and words == [","]
        and len(ent) == 1
        and "&" in nxt.text
        and all(t.text in ",&" or t.pos_ == "PROPN" for t in nxt)
    )
    ok = ok or (
        ent.label_ == "PERSON" == nxt.label_
        and len(ent) == 1
        and (
            (
                not words
                and doc_text(doc)[ent.end_char : nxt.start_char] == " "
                and clear_given_name(ent.text)
            )
            or (words == [")"] and ent[0].is_title and _opened_before(doc, ent))
        )  # "Domenic" + "M. Recchia Jr.", "(strongman Moammar" + ")" + "Gadhafi"
    )
    if polity_legislature(doc, ent, nxt):  # "U.S." + "House": the chamber of that polity
        return doc.char_span(ent.start_char, nxt.end_char, label="ORG")
    if named_facility(doc, ent, nxt):  # "Lucien Arceneaux Sr." + "Civic Center"
        return doc.char_span(ent.start_char, nxt.end_char, label="FAC")
    if numbered_body(doc, ent, nxt) or (  # "10th" + "U.S. Circuit Court of Appeals"
        ent.label_ == "ORG" == nxt.label_  # "... Co-operation and" + "Development": one
        and len(ent.text.removeprefix("the ").split()) > 2  # cut at "and" ("Indo-Pacific and"
        # + "Euro-Atlantic" are two)
        and nxt.start == ent.end
        and ent[-1].lower_ in ("and", "&")
        and nxt[0].text[:1].isupper()
    ):
        return doc.char_span(ent.start_char, nxt.end_char, label="ORG")
    return doc.char_span(ent.start_char, nxt.end_char, label=ent.label_) if ok else None


def polity_legislature(doc: Doc, ent: Span, nxt: Span) -> bool:
    """A country or state the model cut from the legislature or court named after it, right
    after it ("U.S." + "House", "United States" + "Senate"): one organisation, so that the
    bare chamber is no other polity's."""
    if ent.label_ not in ("GPE", "ORG") or nxt.label_ != "ORG" or nxt.start != ent.end:
        return False
    if nxt[0].text not in head_words("legislature"):
        return False
    hit = gazetteer().lookup(ent.text.removeprefix("the ").removeprefix("The "))
    return hit is not None and hit[1] == "GPE"


def _opened_before(doc: Doc, ent: Span) -> bool:
    """An unclosed "(" a few words before ``ent`` in its sentence."""
    before = doc[max(sent_of(doc, ent.start).start, ent.start - 6) : ent.start]
    opens = [t.i for t in before if t.text == "("]
    return bool(opens) and not any(t.text == ")" for t in doc[opens[-1] : ent.start])


def _name_like(ent: Span) -> bool:
    return len(ent) >= 2 or ent[0].is_upper


def _title_words(ent: Span) -> int:
    """Capitalised words of ``ent`` after a leading "the" (0 when it holds a determiner
    inside)."""
    words = ent[1:] if ent[0].lower_ == "the" else ent
    if any(t.pos_ == "DET" for t in words):
        return 0
    return sum(t.text[:1].isupper() for t in words)


def _extend_left(doc: Doc, ent: Span) -> Span:
    """An organisation or law preceded by capitalised words and "for" / "of" that are no
    entity of their own ("Deferred Action for" + "Childhood Arrivals"), with them."""
    if ent.label_ not in ("ORG", "LAW") or ent.start < 2:
        return ent
    if doc[ent.start - 1].lower_ not in JOINERS:
        return ent
    start = ent.start - 1
    titles = gazetteer().titles
    while (
        start > 0
        and ent.start - start <= 4
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].is_title
        and not doc[start - 1].ent_type_
        and doc[start - 1].text not in titles["head"]
        and not doc[start - 1].is_sent_start
    ):
        start -= 1
    if start == ent.start - 1:
        return ent
    return doc.char_span(doc[start].idx, ent.end_char, label=ent.label_) or ent
