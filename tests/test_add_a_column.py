"""Adding a column is a change in two code files (README "Layout" shows the same example).

The test does what a developer would: in a copy of the project it declares a new figures
column in ``lib/records.py`` (header, help, CLI, the Figures page's table) and sets it
where the record is made (``lib/extract/figures.py``); nothing else is edited. The column
must then reach the CLI's output, the analysis folder, the Figures page (with its header
and help) and the page's CSV download.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd

from tests.helpers import ROOT

ARTICLE = (
    "Floods force thousands from their homes\n\n"
    "Officials said 1,250 people were evacuated from the valley on Tuesday. "
    "The regional government pledged $40 million in aid, a spokeswoman said.\n"
)

DECLARATION = (
    '    digits: int = col("Digits", "How many digits the figure is written with", cli=True)\n'
)
MADE = "                digits=sum(ch.isdigit() for ch in span.text),\n"

#: Run in the copy: the Figures page through AppTest, recording its CSV downloads.
APP_SCRIPT = textwrap.dedent(
    """
    import io, json, sys
    import pandas as pd
    from streamlit.testing.v1 import AppTest
    from lib.ui import widgets

    served = []
    real = widgets.csv_bytes

    def record(table):
        data = real(table)
        served.append(pd.read_csv(io.BytesIO(data), encoding="utf-8-sig"))
        return data

    widgets.csv_bytes = record
    at = AppTest.from_file("app.py", default_timeout=120)
    at.run()
    at.switch_page("app_pages/figures.py").run()
    table = [d for d in at.dataframe if "figure" in d.value.columns][-1]
    config = json.loads(table.proto.columns)
    print(json.dumps({
        "exception": [str(e.value) for e in at.exception],
        "columns": list(table.value.columns),
        "digits": [int(v) for v in table.value["digits"]] if "digits" in table.value else [],
        "header": config.get("digits", {}).get("label"),
        "help": config.get("digits", {}).get("help"),
        "csv_columns": [list(t.columns) for t in served],
        "csv_digits": [t["Digits"].tolist() for t in served if "Digits" in t],
    }))
    """
)


def _copy_project(dest: Path) -> Path:
    keep = ("app.py", "app_pages", "lib", "assets", ".streamlit", "pyproject.toml")
    dest.mkdir()
    for name in keep:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def _add_the_column(project: Path) -> list[str]:
    """Edit the copy as a developer would; returns the files touched."""
    records = project / "lib" / "records.py"
    text = records.read_text(encoding="utf-8")
    figure = text.index("class Figure:")
    anchor = text.index("    counted_head: str = col(", figure)
    text = text[:anchor] + DECLARATION + text[anchor:]
    page = re.search(r"FIGURES_PAGE = shown\(.*?\n\)", text, re.S)
    assert page and '"sentence"' in page.group(0), "the Figures page table moved"
    shown = page.group(0).replace('"sentence"', '"digits", "sentence"', 1)
    records.write_text(text[: page.start()] + shown + text[page.end() :], encoding="utf-8")
    figures = project / "lib" / "extract" / "figures.py"
    code = figures.read_text(encoding="utf-8")
    made = code.index("            Figure(\n")
    line = code.index("\n", code.index("text=span.text,", made)) + 1
    figures.write_text(code[:line] + MADE + code[line:], encoding="utf-8")
    return ["lib/records.py", "lib/extract/figures.py"]


def _run(project: Path, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, timeout=600
    )


def test_a_new_column_reaches_the_cli_the_page_and_the_csv(tmp_path):
    project = _copy_project(tmp_path / "project")
    touched = _add_the_column(project)
    assert len(touched) <= 3
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "floods.txt").write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "COVERAGE_LENS_CACHE_DIR": "off", "PYTHONPATH": str(project)}
    folder = tmp_path / "analysis"

    made = _run(
        project, "-m", "lib", "analyze", "--corpus", str(corpus), "--out", str(folder), env=env
    )
    assert made.returncode == 0, made.stderr
    cli = _run(project, "-m", "lib", "figures", "--corpus", str(folder), env=env)
    assert cli.returncode == 0, cli.stderr
    printed = pd.read_csv(io.StringIO(cli.stdout))
    assert "digits" in printed.columns
    assert dict(zip(printed["text"], printed["digits"], strict=True))["1,250"] == 4

    env["COVERAGE_LENS_CORPUS"] = str(folder)
    app = _run(project, "-c", APP_SCRIPT, env=env)
    assert app.returncode == 0, app.stderr[-3000:]
    seen = json.loads(app.stdout.strip().splitlines()[-1])
    assert seen["exception"] == []
    assert "digits" in seen["columns"] and 4 in seen["digits"]
    assert seen["header"] == "Digits"
    assert seen["help"] == "How many digits the figure is written with"
    figures_csv = [cols for cols in seen["csv_columns"] if "Figure" in cols]
    assert figures_csv and "Digits" in figures_csv[0]
    assert any(4 in values for values in seen["csv_digits"])
