"""The package's layout holds: import-linter's contracts (pyproject.toml) and no import cycle between modules."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_kept():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    done = subprocess.run([exe, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def _cycle(graph: grimp.ImportGraph) -> list[str]:
    """One import cycle among the package's modules, [] when there is none (iterative DFS, colours)."""
    colour: dict[str, int] = {}
    for root in sorted(graph.modules):
        if colour.get(root):
            continue
        stack = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        colour[root], path = 1, [root]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                colour[node] = 2
                stack.pop()
                path.pop()
            elif colour.get(child) == 1:
                return path[path.index(child):] + [child]
            elif not colour.get(child):
                colour[child] = 1
                path.append(child)
                stack.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
    return []


@pytest.mark.parametrize("package", ["pipeline"])
def test_no_import_cycles(package):
    graph = grimp.build_graph(package)
    # The root package's __init__ is the public API: it imports every stage, and no stage imports it.
    assert graph.find_modules_that_directly_import(package) == set()
    graph.remove_module(package)
    assert _cycle(graph) == []


def test_cycle_finder_sees_a_cycle():
    graph = grimp.ImportGraph()
    for importer, imported in (("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")):
        graph.add_import(importer=importer, imported=imported)
    assert _cycle(graph) == ["p.a", "p.b", "p.c", "p.a"]
