"""The command line, run as a user would."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from tests.helpers import ROOT


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "lib", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_documents_csv():
    res = run("documents", "--format", "csv")
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 5
    outlets = {r["doc_id"][:3]: r["outlet"] for r in rows}
    assert outlets["001"] == "ICARO Media Group"
    assert outlets["003"] == "TDPel Media"
    assert outlets["004"] == "The Moscow Times"
    assert outlets["000"] == "Article 1"
    assert [r for r in rows if r["doc_id"].startswith("004")][0]["byline"] == "AFP"


def test_outlet_filter_and_json():
    res = run("entities", "--format", "json", "--outlet", "TDPel Media")
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert rows and {r["outlet"] for r in rows} == {"TDPel Media"}


def test_cooccurrence_options():
    res = run("cooccurrence", "--window", "paragraph", "--metric", "npmi")
    assert res.returncode == 0, res.stderr
    header = res.stdout.splitlines()[0].split(",")
    assert header == ["entity_a", "entity_b", "count", "jaccard", "npmi"]


def test_bad_arguments_exit_2_with_one_line(tmp_path):
    for args in (
        ["nonsense"],
        ["documents", "--format", "xml"],
        ["documents", "--outlet", "No Such Outlet"],
        ["documents", "--corpus", str(tmp_path / "missing")],
        ["documents", "--corpus", str(tmp_path)],
    ):
        res = run(*args)
        assert res.returncode == 2, args
        assert len(res.stderr.strip().splitlines()) == 1, res.stderr
        assert "Traceback" not in res.stderr
        assert res.stdout == ""


def test_mixed_folder_reads_good_files_and_names_bad_ones(tmp_path):
    import zipfile

    from tests.helpers import SEEDS

    for name in ("001_14f0491d8cf91e8c.txt", "003_478f0a629dc41297.txt"):
        (tmp_path / name).write_bytes((SEEDS / name).read_bytes())
    (tmp_path / "latin1.txt").write_bytes(
        "Café owners in São Paulo said the new tax would hurt small businesses, the mayor’s "
        "office confirmed on Monday.".encode("cp1252")
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    (tmp_path / "hostile.html").write_text(
        "<html><head><title>Council</title><script>alert('x')</script></head><body><p>The "
        "council voted on Tuesday to expand the park <img src=x onerror=alert(1)>, officials "
        "said after a long meeting.</p></body></html>"
    )
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.txt", b"0" * (60 * 1024 * 1024))
    res = run("documents", "--corpus", str(tmp_path), "--format", "json")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    docs = {d["doc_id"]: d for d in json.loads(res.stdout)}
    assert set(docs) == {"001_14f0491d8cf91e8c", "003_478f0a629dc41297", "latin1", "hostile"}
    skipped = {
        line.split(":")[0].removeprefix("skipped "): line for line in res.stderr.splitlines()
    }
    assert set(skipped) == {"empty.txt", "binary.txt", "bomb.zip/big.txt"}
    assert "empty" in skipped["empty.txt"] and "not text" in skipped["binary.txt"]
    assert "zip bomb" in skipped["bomb.zip/big.txt"] or "expands" in skipped["bomb.zip/big.txt"]
    mentions = run("mentions", "--corpus", str(tmp_path), "--format", "json")
    names = {m["text"] for m in json.loads(mentions.stdout) if m["doc_id"] == "latin1"}
    assert "São Paulo" in names  # Latin-1 / Windows-1252 decoded correctly
    assert not any("alert" in m["text"] for m in json.loads(mentions.stdout))


def test_folder_with_fifo_links_and_a_huge_sparse_file(tmp_path):
    import os

    from tests.helpers import SEEDS

    folder = tmp_path / "corpus"
    folder.mkdir()
    name = "001_14f0491d8cf91e8c.txt"
    (folder / name).write_bytes((SEEDS / name).read_bytes())
    os.mkfifo(folder / "pipe.txt")  # opening it would block for ever
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    with open(folder / "sparse.txt", "wb") as fh:
        fh.truncate(1024**3)
    res = run("documents", "--corpus", str(folder), "--format", "json")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    assert [d["doc_id"] for d in json.loads(res.stdout)] == ["001_14f0491d8cf91e8c"]
    lines = {line.split(":")[0]: line for line in res.stderr.splitlines()}
    named = {"pipe.txt", "loop.txt", "dangling.txt", "zero.txt", "passwd.txt", "sparse.txt"}
    assert {f"skipped {n}" for n in named} <= set(lines), res.stderr
    assert "FIFO" in lines["skipped pipe.txt"]
    assert "outside the folder" in lines["skipped passwd.txt"]
    assert "1,073,741,824 bytes" in lines["skipped sparse.txt"]


def test_corpus_that_is_not_a_file_or_folder_exits_2_with_one_line(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe")
    for path in (str(tmp_path / "pipe"), "/dev/zero"):
        res = run("documents", "--corpus", path)
        assert res.returncode == 2, res
        assert len(res.stderr.strip().splitlines()) == 1, res.stderr
        assert res.stderr.startswith(f"error: cannot read corpus {path}: It is a")


def test_readme_lists_every_cli_column():
    """The README's table of CLI columns is the records' (lib.records): a new column is
    documented there."""
    from lib.cli import TABLES
    from lib.columns import cli_names
    from lib.records import TABLES as RECORDS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in TABLES:
        row = next((ln for ln in readme.splitlines() if ln.startswith(f"| {name} |")), None)
        assert row is not None, f"README lists no columns for {name}"
        listed = [c.strip().split(" ")[0] for c in row.split("|")[2].split(",")]
        assert listed == cli_names(RECORDS[name]), name


FORMULAS = ['=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0", "@SUM(1+1)", "+SUM(1)"]


def test_csv_output_neutralises_formulas_unless_raw(tmp_path):
    """CSV cells a spreadsheet would run are written with a leading apostrophe; --raw keeps
    them as they are (for programs); JSON is never changed."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Flood closes the bridge\n\nThe river rose two metres overnight, officials said.\n",
        encoding="utf-8",
    )
    (folder / "sources.csv").write_text(
        "doc_id,outlet,title,published,byline,url\n"
        + ",".join(["a", *('"' + f.replace('"', '""') + '"' for f in FORMULAS)])
        + "\n",
        encoding="utf-8",
    )
    env_args = ("documents", "--corpus", str(folder))
    safe = list(csv.DictReader(io.StringIO(run(*env_args).stdout)))
    raw = list(csv.DictReader(io.StringIO(run(*env_args, "--raw").stdout)))
    cells = [safe[0][k] for k in ("outlet", "title", "published", "byline")]
    assert cells == ["'" + f for f in FORMULAS]
    assert [raw[0][k] for k in ("outlet", "title", "published", "byline")] == FORMULAS
    as_json = json.loads(run(*env_args, "--format", "json").stdout)
    assert as_json[0]["outlet"] == FORMULAS[0]


def test_corpus_budget_cut_is_a_warning_on_stderr(tmp_path):
    """When the corpus time budget runs out, the tables still come out and stderr says
    which corpus-level pass was cut."""
    import os

    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, outlet in (("a", "Daily A"), ("b", "Herald B")):
        (folder / f"{name}.txt").write_text(
            f"Flood closes the bridge\n\nAbout 1,200 residents were evacuated, {outlet} said. "
            "“We will rebuild every home that was lost,” Governor Elena Marsh said.\n",
            encoding="utf-8",
        )
    env = {**os.environ, "COVERAGE_LENS_CORPUS_BUDGET_S": "0"}
    env["COVERAGE_LENS_CACHE_DIR"] = str(tmp_path / "cache")
    res = subprocess.run(
        [sys.executable, "-m", "lib", "quotes", "--corpus", str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert len(list(csv.DictReader(io.StringIO(res.stdout)))) == 2
    lines = res.stderr.strip().splitlines()
    assert any(
        line.startswith("warning All articles: Claims across outlets were not computed")
        for line in lines
    ), res.stderr
    assert any(line.startswith("warning All articles: Quote grouping stopped") for line in lines)
    assert "Traceback" not in res.stderr


def test_cli_applies_its_documented_archive_limits(tmp_path):
    """The command line reads archives under LOCAL_LIMITS (docs/limits.md): a zip with more
    members than ``max_zip_entries`` is refused with one line, and a member that expands
    past ``max_zip_ratio`` is named and skipped while its siblings are read."""
    import zipfile

    from lib.ingest.limits import LOCAL_LIMITS

    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as zf:
        for i in range(LOCAL_LIMITS.max_zip_entries + 1):
            zf.writestr(f"a{i}.txt", "x")
    res = run("documents", "--corpus", str(many))
    assert res.returncode == 2 and res.stdout == ""
    limit = f"{LOCAL_LIMITS.max_zip_entries:,}"
    assert res.stderr.strip().splitlines() == [
        f"error: cannot read corpus {many}: The zip has "
        f"{LOCAL_LIMITS.max_zip_entries + 1:,} entries (limit {limit})."
    ]
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.txt", " " * (8 * 1024 * 1024))
        zf.writestr("good.txt", "Flood report\n\nAbout 1,200 residents were evacuated.\n")
    res = run("documents", "--corpus", str(bomb))
    assert res.returncode == 0, res.stderr
    assert "skipped bomb.zip/bomb.txt: Entry expands" in res.stderr
    assert len(list(csv.DictReader(io.StringIO(res.stdout)))) == 1


PILE = str(ROOT / "tests" / "fixtures" / "stories")


def test_stories_table_and_story_option():
    res = run("stories", "--corpus", PILE, "--format", "json")
    assert res.returncode == 0, res.stderr
    stories = json.loads(res.stdout)
    assert [s["story_id"] for s in stories] == ["S1", "S2", "S3"]
    assert list(stories[0]) == [
        "story_id", "label", "articles", "outlets", "first_date", "last_date", "top_entities"
    ]  # fmt: skip
    flood = next(s["story_id"] for s in stories if "Vellmora" in s["label"])
    docs = list(csv.DictReader(io.StringIO(run("documents", "--corpus", PILE).stdout)))
    assert {d["story_id"] for d in docs} == {"S1", "S2", "S3"}
    res = run("claims", "--corpus", PILE, "--story", flood)
    assert res.returncode == 0, res.stderr
    claims = list(csv.DictReader(io.StringIO(res.stdout)))
    assert claims and all(c["claim_id"].startswith(flood + "-") for c in claims)
    assert all("flood" in c["doc_id"] for c in claims)


def test_unknown_story_exits_2_naming_the_stories():
    res = run("entities", "--corpus", PILE, "--story", "S42")
    assert res.returncode == 2
    assert res.stderr.strip() == "error: unknown story 'S42'; stories are: S1, S2, S3"
