"""Check rendered agency files against data/schema before they replace the committed ones:
a compiled validator for the usual case (valid), jsonschema's messages when one fails.

An import rewrites files that are mostly the lines already committed (and validated): for a
file written one record per line, only the records on new lines are checked again.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..data.schema import certainly_valid
from .jsonyaml import loads
from .validate import schema_name, validate_files


def problems(texts: dict[str, str], schema_dir: Path, before: Path | None = None) -> list[str]:
    """Messages `agencies/file: path: problem` for every file that breaks its schema;
    ``before``: the agencies folder the texts replace (its unchanged records are not checked)."""
    failed = {}
    for rel, text in sorted(texts.items()):
        old = _old(before, rel)
        if old == text:
            continue
        if _is_json(text):
            data = _changed(loads(text), text, set(old.split("\n")) if old else set())
        else:
            data = yaml.load(text, Loader=yaml.CSafeLoader)
        if not certainly_valid(data, schema_dir, schema_name(rel)):
            failed[rel] = text
    return validate_files(failed, schema_dir) if failed else []


def _old(before: Path | None, rel: str) -> str | None:
    """The committed text of a file, if any."""
    path = before / rel if before else None
    return path.read_text(encoding="utf-8") if path and path.exists() else None


def _is_json(text: str) -> bool:
    """Whether a file is written as JSON one record per line (after the schema comment)."""
    return text.split("\n", 2)[1][:1] == "{" if text.startswith("#") else text[:1] == "{"


def _changed(doc: dict, text: str, old_lines: set[str]) -> dict:
    """The document with each top-level list cut to the records on lines that are new
    (jsonyaml.dumps writes a list's records one a line, right after the line opening it)."""
    if not old_lines:
        return doc
    lines = text.split("\n")
    out = dict(doc)
    for n, line in enumerate(lines):
        key = line.lstrip("{").removesuffix(": [")
        if not line.endswith(": [") or not isinstance(doc.get(key[1:-1]), list):
            continue
        items = doc[key[1:-1]]
        mine = lines[n + 1 : n + 1 + len(items)]
        out[key[1:-1]] = [v for v, t in zip(items, mine, strict=True) if t not in old_lines]
    return out
