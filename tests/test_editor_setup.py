"""Editors get schema help in VS Code for every data file, and a guide linked from the README."""

from __future__ import annotations

import json
import re
from fnmatch import fnmatch

from .conftest import ROOT

SETTINGS = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)


def mapped(data_file: str) -> list[str]:
    """The schemas .vscode/settings.json maps to a path under the project."""
    found = []
    for schema, patterns in SETTINGS["yaml.schemas"].items():
        patterns = [patterns] if isinstance(patterns, str) else patterns
        if any(fnmatch(data_file, p) for p in patterns):
            found.append(schema)
    return found


def test_every_data_file_maps_to_its_schema() -> None:
    """Each data file has one schema in the VS Code settings: the one its first line names."""
    files = sorted(p for p in (ROOT / "data").rglob("*.yml"))
    assert files
    for path in files:
        name = path.relative_to(ROOT).as_posix()
        schemas = mapped(name)
        assert len(schemas) == 1, f"{name}: {schemas}"
        declared = SCHEMA_LINE.search(path.read_text(encoding="utf-8"))
        assert declared, f"{name} has no yaml-language-server line"
        assert (path.parent / declared[1]).resolve() == (ROOT / schemas[0]).resolve(), name


def test_every_mapped_schema_exists_and_every_pattern_matches() -> None:
    """Each schema the settings name is a JSON Schema under data/schema, each of them is named
    (but the shared vocabulary), and each file pattern matches at least one file under data/."""
    files = [p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*.yml")]
    named = set()
    for schema, patterns in SETTINGS["yaml.schemas"].items():
        path = (ROOT / schema).resolve()
        assert path.is_file(), f"{schema} does not exist"
        assert "$schema" in json.loads(path.read_text(encoding="utf-8")), schema
        named.add(path)
        for pattern in [patterns] if isinstance(patterns, str) else patterns:
            assert any(fnmatch(f, pattern) for f in files), f"{pattern} matches no file"
    # vocabulary.schema.json describes no file: the others refer to its codes.
    shared = {ROOT / "data" / "schema" / "vocabulary.schema.json"}
    assert set((ROOT / "data" / "schema").glob("*.schema.json")) - shared == named


def test_editor_guide_is_linked() -> None:
    """EDITORS.md exists at the root and the README links to it; docs/ has no editor page."""
    assert "](EDITORS.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    guide = (ROOT / "EDITORS.md").read_text(encoding="utf-8")
    for needle in ("make import FILE=", "make check", "make serve", "data/faq.yml"):
        assert needle in guide
    assert not list((ROOT / "docs").rglob("*editor*"))
