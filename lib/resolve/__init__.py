"""Corpus-level passes over the per-document records (plain DataFrames, no spaCy objects).

- ``assemble``: per-document records + Documents -> :class:`~lib.schema.Analysis`;
- ``entities``: canonical entity names (aliases, acronyms, headline fragments) and labels;
- ``people``: one person, one name (surnames, spelling variants, initials);
- ``labels``: one type per entity (gazetteer, then a vote of model labels and cues);
- ``speakers``: a quote's speaker / a figure's source as its canonical entity;
- ``claims``: figures that measure the same thing across outlets, with a status;
- ``intervals``: the values a figure allows (qualifiers, rounding), for claims;
- ``quote_groups``: the same quote across outlets;
- ``statements``: the statements table (text, headline) from the per-article records;
- ``alignment``: which statements of different outlets may report the same fact (blocking,
  pair features, the fitted pair model); ``facts``: statements grouped into facts;
- ``grouping``: the one union-find helper; ``frames``: fast DataFrame row helpers;
- ``budget``: the corpus time budget the passes comparing rows with rows run under.
"""
