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


def test_the_checks_see_the_library():
    graph = import_graph()
    assert len(graph) > 40
    assert "lib.schema" in graph["lib.analysis"]
    # a function-level import is an edge too
    assert cycles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]


def test_no_import_cycles():
    assert cycles(import_graph()) == []


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
    print("modules over", MAX_MODULE_LINES, "lines:", long_modules())
    print("functions over", MAX_FUNCTION_LINES, "lines:", long_functions())
    print("streamlit importers:", streamlit_importers())
