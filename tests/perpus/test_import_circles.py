"""No module of the project imports itself back, however long the way round.

The `acyclic_siblings` contract of `lint-imports` compares the children of each package;
it does not see a package's `__init__` and one of its own modules importing each other
(e.g. `perpus.scopes` and `perpus.scopes.access`), which this test does. Function-local
imports count: grimp reads every import statement.
"""

import tomllib
from pathlib import Path

import grimp

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_no_module_imports_itself_back():
    roots = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["root_packages"]
    graph = grimp.build_graph(*roots, cache_dir=None)
    circles = [
        (importer, *graph.find_shortest_chain(importer=imported, imported=importer))
        for importer in sorted(graph.modules)
        for imported in sorted(graph.find_modules_directly_imported_by(importer))
        if graph.chain_exists(importer=imported, imported=importer)
    ]
    assert not circles, "Import circles:\n" + "\n".join(" -> ".join(c) for c in circles)
