"""House rules of ``lib/``, checked on the source: sizes, import cycles, where Streamlit lives.

Every ``import`` counts, at module level and inside functions, so a cycle cannot hide in a
function body. Run ``python tests/test_architecture.py`` to print the findings.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIB = ROOT / "lib"
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def lib_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(LIB.rglob("*.py"))}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Every ``lib`` module ``path`` imports, wherever the import statement is."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            # the deepest lib module the name refers to (a function name resolves to its module)
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name.startswith("lib"):
                found.add(name)
    return found


def import_graph() -> dict[str, set[str]]:
    mods = lib_modules()
    known = set(mods)
    graph = {}
    for name, path in mods.items():
        deps = imports_of(path, known) - {name}
        # importing lib.a.b runs lib/a/__init__.py first: a real dependency on the package
        for dep in list(deps):
            parent = dep.rpartition(".")[0]
            while parent and parent != "lib":
                if parent in known and not name.startswith(parent + ".") and name != parent:
                    deps.add(parent)
                parent = parent.rpartition(".")[0]
        graph[name] = deps - {"lib", name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]
    sys.setrecursionlimit(10_000)

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def package_of(module: str) -> str:
    """``lib.nlp.people`` -> ``lib.nlp``; a top-level module is its own room (``lib.cli``)."""
    parts = module.split(".")
    return ".".join(parts[:2])


def package_graph(graph: dict[str, set[str]] | None = None) -> dict[str, set[str]]:
    """Imports between packages (and top-level modules) of ``lib``: one edge per pair."""
    out: dict[str, set[str]] = {}
    for module, deps in (graph or import_graph()).items():
        here = package_of(module)
        out.setdefault(here, set()).update(p for p in map(package_of, deps) if p != here)
    return out


def long_functions() -> list[tuple[str, str, int]]:
    out = []
    for name, path in lib_modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    out.append((name, node.name, length))
    return out


def long_modules() -> list[tuple[str, int]]:
    out = []
    for name, path in lib_modules().items():
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_MODULE_LINES:
            out.append((name, n))
    return out


def streamlit_importers() -> list[str]:
    out = []
    for name, path in lib_modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            mods = []
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                mods = [node.module]
            if any(m == "streamlit" or m.startswith("streamlit.") for m in mods):
                out.append(name)
                break
    return out


# ----------------------------------------------------------------------------- columns

#: Where columns are declared (lib.records) and the machinery that reads them.
DECLARING = {"lib.records", "lib.columns"}


def column_sets() -> list[tuple[str, set[str]]]:
    """(table, its column names) of every record and page table."""
    from lib.columns import names
    from lib.records import PAGE_TABLES, TABLES

    out = [(name, set(names(record_type))) for name, record_type in TABLES.items()]
    return out + [(f"{t.page}: {t.title}", set(t.csv_names())) for t in PAGE_TABLES]


def _literal_strings(node) -> list[str] | None:
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        items = node.elts
    elif isinstance(node, ast.Dict):
        if not all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in node.values):
            return None  # a header map has string values
        items = node.keys
    else:
        return None
    return [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]


def column_redeclarations() -> list[tuple[str, int, str]]:
    """Module- or class-level constants outside lib.records listing three or more columns
    of one table (column lists, header maps): (module, line, table)."""
    tables = column_sets()
    paths = dict(lib_modules())
    paths.update({f"app_pages.{p.stem}": p for p in (ROOT / "app_pages").glob("*.py")})
    out = []
    for name, path in paths.items():
        if name in DECLARING:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bodies = [tree.body] + [n.body for n in tree.body if isinstance(n, ast.ClassDef)]
        for node in (n for body in bodies for n in body):
            if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
                continue
            strings = set(_literal_strings(node.value) or ())
            for table, cols in tables:
                if len(strings & cols) >= 3:
                    out.append((name, node.lineno, table))
                    break
    return out


def duplicate_column_declarations() -> list[tuple[str, str]]:
    """Columns declared twice with the same name, header and help (the second should be
    ``same(...)``, a reference to the first): (first origin, second origin)."""
    from lib.columns import columns
    from lib.records import PAGE_TABLES, TABLES

    seen: dict[tuple, str] = {}
    out = []
    all_columns = [c for rt in TABLES.values() for c in columns(rt)]
    all_columns += [c for t in PAGE_TABLES for c in (*t.columns, *t.csv_only)]
    for c in all_columns:
        key = (c.name, c.header, c.help)
        if key in seen and seen[key] != c.origin:
            out.append((seen[key], c.origin))
        seen.setdefault(key, c.origin)
    return out


def pages_configuring_columns() -> list[str]:
    """Pages that build Streamlit column configs themselves instead of taking them from
    the records (``widgets.column_config``)."""
    out = []
    for path in sorted((ROOT / "app_pages").glob("*.py")):
        if "column_config." in path.read_text(encoding="utf-8"):
            out.append(path.name)
    return out


def test_each_column_is_declared_once():
    assert column_redeclarations() == []
    assert duplicate_column_declarations() == []
    assert pages_configuring_columns() == []


def test_the_column_checks_can_fail():
    tree = ast.parse('COLS = ["doc_id", "outlet", "quote"]').body[0]
    strings = set(_literal_strings(tree.value))
    assert any(len(strings & cols) >= 3 for _, cols in column_sets())
    headers = ast.parse('H = {"quote": "Quote", "kind": "Kind", "verb": "Verb"}').body[0]
    assert {"quote", "kind", "verb"} <= set(_literal_strings(headers.value))


def test_the_checks_see_the_library():
    graph = import_graph()
    assert len(graph) > 40
    assert "lib.schema" in graph["lib.analysis"]
    # a function-level import is an edge too
    assert cycles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_no_package_cycles():
    """Packages form layers: no package imports one that imports it back (the edge that
    closes a loop names the modules, e.g. lib.corpus.parse -> lib.extract)."""
    assert cycles(package_graph()) == []


def test_the_package_check_can_fail():
    graph = {"lib.a.x": {"lib.b.y"}, "lib.b.y": set(), "lib.b.z": {"lib.a.w"}, "lib.a.w": set()}
    assert cycles(package_graph(graph)) == [["lib.a", "lib.b"]]


def test_no_module_over_600_lines():
    assert long_modules() == []


def test_no_function_over_80_lines():
    assert long_functions() == []


def test_streamlit_only_in_lib_ui():
    importers = streamlit_importers()
    assert importers, "lib.ui must import streamlit"
    assert all(name.startswith("lib.ui.") for name in importers), importers


if __name__ == "__main__":
    print("cycles:", cycles(import_graph()))
    print("package cycles:", cycles(package_graph()))
    print("modules over", MAX_MODULE_LINES, "lines:", long_modules())
    print("functions over", MAX_FUNCTION_LINES, "lines:", long_functions())
    print("streamlit importers:", streamlit_importers())
    print("columns listed outside lib.records:", column_redeclarations())
    print("columns declared twice:", duplicate_column_declarations())
    print("pages configuring columns themselves:", pages_configuring_columns())
