"""Check rendered agency files against data/schema before they replace the committed ones:
a compiled validator for the usual case (valid), jsonschema's messages when one fails."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..data.schema import certainly_valid
from .jsonyaml import loads
from .validate import schema_name, validate_files


def problems(texts: dict[str, str], schema_dir: Path) -> list[str]:
    """Messages `agencies/file: path: problem` for every file that breaks its schema."""
    failed = {}
    for rel, text in sorted(texts.items()):
        data = loads(text) if "\n{" in text[:200] else yaml.load(text, Loader=yaml.CSafeLoader)
        if not certainly_valid(data, schema_dir, schema_name(rel)):
            failed[rel] = text
    return validate_files(failed, schema_dir) if failed else []
