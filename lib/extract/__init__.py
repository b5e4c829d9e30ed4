"""Per-document extraction: one parsed spaCy Doc -> typed records (:mod:`lib.records`; no
spaCy objects leave).

- ``document``: :func:`~lib.extract.document.process_doc`, the per-document run (sentences,
  mentions, figures, quotes as :class:`~lib.records.Parts`; cached by text hash);
- ``mentions``: cleaned name mentions with cue fields;
- ``numbers``: the number vocabulary (``lib/data/numbers.json``) and number reading;
- ``candidates``: number spans (:class:`~lib.extract.candidates.Candidate`) with value,
  unit and qualifier;
- ``exclusions``: dates, years, ages, durations, references — not figures;
- ``counted``: what a figure counts (from the dependency parse);
- ``figures``: figures of one Doc;
- ``quotes``: quotes of one Doc (speakers from ``lib.nlp.attribution``);
- ``statements``: sentences and main clauses with the lemmas and words facts and wording
  compare.
"""
