"""Untrusted input -> :class:`~lib.corpus.document.Document` records, never an exception.

- ``status``: the per-file status table (reasons, messages) and the error readers raise;
- ``limits``: sizes, counts, lengths and time budgets, and the helpers that enforce them;
- ``decode``: bytes -> text (encodings, binary detection, language hint);
- ``filetypes``: the one table of formats, by extension and by MIME type;
- ``readers``: text, HTML, PDF and DOCX, one dispatch (``read_article``) for files and web
  addresses alike;
- ``archives``: zip safety and expansion;
- ``batch``: one batch of articles (ids, duplicates, manifest) and adding one article;
- ``uploads``: uploaded files and pasted text;
- ``urls``: fetching one web page safely;
- ``bundles``: saving and restoring a corpus with its edited metadata;
- ``paths``: local files checked before they are opened (stat sizes, FIFOs, devices, links);
- ``local``: the one loader for paths (folder, zip, bundle, single file).
"""
