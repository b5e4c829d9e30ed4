"""``lib``'s public face: the names in ``lib.__all__`` are the entry points a reader needs."""

from __future__ import annotations

import lib
from lib.columns import names


def test_every_public_name_resolves():
    for name in lib.__all__:
        assert getattr(lib, name) is not None, name


def test_analyse_a_folder_save_and_load_it(tmp_path, monkeypatch):
    monkeypatch.setenv("COVERAGE_LENS_CACHE_DIR", "off")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "flood.txt").write_text(
        "Floods force 1,250 from homes\n\nOfficials said 1,250 people were evacuated on "
        "Tuesday, the mayor, Jane Roe, said.\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    analysis = lib.analyse_corpus(folder)  # parsed in a supervised worker process
    assert isinstance(analysis, lib.Analysis)
    assert analysis.documents["doc_id"].tolist() == ["flood"]
    assert [name for name, _ in analysis.problems] == ["empty.txt"]
    assert 1250 in analysis.figures["value"].tolist()
    for table in ("documents", "mentions", "figures", "claims", "quotes"):
        assert list(analysis.table(table).columns) == names(lib.TABLES[table]), table
    lib.save_analysis(analysis, tmp_path / "out")
    again = lib.analyse_corpus(tmp_path / "out")  # an analysis folder is read, not parsed
    assert again.figures.equals(analysis.figures)
    assert lib.load_analysis(tmp_path / "out").figures.equals(analysis.figures)
    assert [d.doc_id for d in lib.load_corpus(folder).documents] == ["flood"]
