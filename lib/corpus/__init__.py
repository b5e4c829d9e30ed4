"""Articles as records: :class:`~lib.corpus.document.Document` and how raw text becomes one.

- ``document``: Document, Corpus and the labels of outlets nobody names ("Article 3");
- ``text``: Markdown stripping, hard-wrapped lines and broken paragraphs rejoined;
- ``metadata``: title, outlet, date, byline and URL clues in the text;
- ``furniture``: share buttons, appeals, captions and other page furniture;
- ``parse``: :func:`~lib.corpus.parse.parse_document` (raw text -> Document);
- ``manifest``: the one ``sources.csv`` reader.

Reading files, archives, bundles and web pages into Documents is ``lib.ingest``'s job.
"""
