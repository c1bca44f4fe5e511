"""The packages' arrows run one way: data <- ingest, views <- adapter <- hooks."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "site287g"
# What each layer must never import (packages of this project, or MkDocs).
FORBIDDEN = {
    "data": {"site287g.ingest", "site287g.views", "site287g.adapter", "mkdocs"},
    "ingest": {"site287g.views", "site287g.adapter", "mkdocs"},
    "views": {"site287g.ingest", "site287g.adapter", "mkdocs"},
}


def imports(path: Path) -> set[str]:
    """The absolute names of every module a source file imports."""
    package = ["site287g", *path.relative_to(SRC).parent.parts]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            name = ".".join([*base, node.module] if node.module else base)
            found.add(name)
            found |= {f"{name}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_run_one_way(layer: str) -> None:
    """No module of a layer imports a layer above it (or MkDocs, below the adapter)."""
    wrong = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((SRC / layer).rglob("*.py"))
        for name in sorted(imports(path))
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer])
    ]
    assert wrong == []
