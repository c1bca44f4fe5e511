"""Check rendered agency files against data/schema before they replace the committed ones."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

# File (relative to data/agencies) -> schema name in data/schema/.
SCHEMA_FOR: dict[str, str] = {
    "lists.yml": "agency_lists",
    "history.yml": "agency_history",
    "quality.yml": "agency_quality",
    "lifecycle.yml": "agency_lifecycle",
    "sources.yml": "agency_sources",
}


def schema_name(rel: str) -> str:
    """Schema that governs one file under data/agencies/."""
    return SCHEMA_FOR.get(rel, "agencies")


def validate_files(files: dict[str, str], schema_dir: Path) -> list[str]:
    """Messages `file: path: problem` for every schema error in the rendered texts."""
    from jsonschema import Draft202012Validator  # only needed when writing

    validators: dict[str, Draft202012Validator] = {}
    errors: list[str] = []
    for rel, text in sorted(files.items()):
        name = schema_name(rel)
        if name not in validators:
            schema = json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))
            validators[name] = Draft202012Validator(
                schema, format_checker=Draft202012Validator.FORMAT_CHECKER
            )
        data = yaml.load(text, Loader=yaml.CSafeLoader)
        for err in validators[name].iter_errors(data):
            where = "/".join(str(p) for p in err.absolute_path) or "(top)"
            errors.append(f"agencies/{rel}: {where}: {err.message}")
    return errors
