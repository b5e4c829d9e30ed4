"""The language layer: the one spaCy pipeline and what every extractor shares.

- ``pipeline``: loads the English model once per process (:func:`~lib.nlp.pipeline.get_nlp`);
- ``chunks``: texts over 20,000 characters parsed block by block into one Doc (bounded memory);
- ``index``: a Doc's entities and sentences indexed once, so look-ups stay constant-time;
- ``components``: the project's registered spaCy components (paragraph breaks, gazetteer
  entity ruler, title + name and surname rules);
- ``gazetteer``: places, aliases, demonyms and titles (general knowledge, documented data);
- ``names``: cleaning a name span, headings, acronyms defined in the text, demonyms;
- ``quotemarks``: where quotations start and end in a text;
- ``caps``: how many numbers and quotations one document may feed the analysis (read by
  the extractors and, for the status note, by ``lib.corpus``);
- ``attribution``: who said it — the one engine behind quote speakers and figure sources,
  with its helpers ``clauses`` (the reporting verb and its subject) and ``people`` (which
  mentions are one person, their gender and titles; vocabulary in
  ``lib/data/attribution.json``).
"""
