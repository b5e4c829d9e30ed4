"""The pronoun ranker is trained on the features it sees when it runs: a he/she's
candidates are recorded as the quote extractor builds them, when only the quotes before it
have speakers (``benchmarks/train_speakers.py``). Passage and names are invented."""

from __future__ import annotations

from benchmarks import train_speakers
from lib.extract.quotes import attributor_for, extract_quotes
from lib.nlp import antecedents
from lib.nlp.headline import title_end

TEXT = (
    "Harbour plan\n\nAnn Roe met Mary Lee at the port on Monday.\n\n"
    "“We start in May,” she said. “The boats can wait,” she added."
)


def _parsed(nlp):
    doc = nlp(TEXT)
    doc.user_data["text"] = TEXT
    return doc, [t for t in doc if t.lower_ == "she"]


def test_each_he_she_is_recorded_with_only_the_speakers_before_it(nlp):
    doc, (first, second) = _parsed(nlp)
    att = attributor_for(doc)
    seen = train_speakers._spy_candidates(antecedents)
    try:
        extract_quotes(doc, att)
    finally:
        antecedents.candidates = seen.original
    assert antecedents.candidates is seen.original
    early = dict((att.people.person(e), f) for e, f in seen[(first.i, "f")])
    late = dict((att.people.person(e), f) for e, f in seen[(second.i, "f")])
    assert not any(f["speaker_any"] for f in early.values())  # nobody has spoken yet
    assert sum(f["speaker_last"] for f in late.values()) == 1  # the first quote's speaker


def test_after_the_fact_the_first_pronoun_would_see_its_own_quote(nlp):
    """Why the spy: computed after extraction, the first "she" sees the speaker its own
    quote was given, which it cannot know when it runs."""
    doc, (first, _second) = _parsed(nlp)
    att = attributor_for(doc)
    extract_quotes(doc, att)
    ctx = antecedents.Context(att, title_end(TEXT))
    after = antecedents.candidates(ctx, first, "f")
    assert any(f["speaker_any"] for _, f in after)
