"""Load, validate and hand on the site's data (data/). Plain Python: never imports MkDocs.

``load_site(root)`` is the one loader and validator: `make check`, the build and the importer
(on what it is about to write) all call it, so they reach the same verdict on the same files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .agency_rules import agency_rules
from .errors import DataError, DataErrors
from .explain import locate
from .registry import ENTRIES, Entry
from .schema import stamp, validate
from .text import plain_file, text_rules
from .yamlfile import has_lines, parse_json, parse_text, read_text

__all__ = ["DataError", "DataErrors", "SiteData", "load_site"]


@dataclass
class SiteData:
    """Every validated data file, keyed by its path under data/ without ``.yml``."""

    root: Path
    files: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.files[name]

    def get(self, name: str, default: Any = None) -> Any:
        """A file's content, or ``default`` when the file is absent."""
        return self.files.get(name, default)

    def group(self, prefix: str) -> dict[str, Any]:
        """The files under a folder, such as ``agencies/participating``, by key."""
        start = prefix.rstrip("/") + "/"
        return {k: v for k, v in sorted(self.files.items()) if k.startswith(start)}

    def display(self, key: str) -> str:
        """How a file is named in messages: ``data/faq.yml``."""
        return f"{self.root.name}/{key}.yml"


@dataclass
class _File:
    """One data file while it is checked."""

    key: str
    path: Path
    display: str
    entry: Entry
    text: str = ""
    data: Any = None

    def with_lines(self) -> Any:
        """The content read by the strict loader, which knows every line (read once)."""
        if not has_lines(self.data):
            self.data = parse_text(self.text, self.display)
        return self.data


def _plan(root: Path, parts: Collection[str] | None) -> tuple[list[_File], list[DataError]]:
    """The files to check, in registry order, and the required or unknown files to report."""
    files: list[_File] = []
    errors: list[DataError] = []
    known: set[Path] = set()
    for entry in ENTRIES:
        if parts is not None and not entry.pattern.startswith(tuple(parts)):
            continue
        paths = sorted(root.glob(entry.pattern))
        if not paths and entry.required:
            errors.append(
                DataError(f"{root.name}/{entry.pattern}", 1, "", "this required file is missing")
            )
        for path in paths:
            known.add(path)
            key = path.relative_to(root).with_suffix("").as_posix()
            files.append(_File(key, path, f"{root.name}/{key}.yml", entry))
    if parts is None:
        schema_dir = root / "schema"  # schemas and their commented examples, not site data
        for path in sorted(root.rglob("*.y*ml")):
            if path not in known and schema_dir not in path.parents:
                errors.append(
                    DataError(
                        f"{root.name}/{path.relative_to(root).as_posix()}",
                        1,
                        "",
                        "unknown data file; the editor's guide lists the files the site reads "
                        "(move this one out of data/)",
                    )
                )
    return files, errors


# The files found valid in this process, by name, text and schema files: the verdict depends
# on nothing else, so a file loaded again unchanged (each rebuild of `mkdocs serve`) is only
# parsed, not checked again.
_valid: set[tuple[str, bytes, tuple]] = set()


def _check(file: _File, schema_dir: Path) -> list[DataError]:
    """Read and validate one file; run its rules once its schema is satisfied."""
    try:
        file.text = read_text(file.path, file.display)
        file.data = parse_json(file.text)
        if file.data is None:
            file.data = parse_text(file.text, file.display)
        seen = (file.display, hashlib.blake2b(file.text.encode()).digest(), stamp(schema_dir))
        if seen in _valid:
            return []
        schema = file.entry.schema_for(file.data)
        problems = validate(file.data, schema_dir, schema, file.display)
        if problems and not has_lines(file.data):
            problems = validate(file.with_lines(), schema_dir, schema, file.display)
    except DataErrors as exc:
        return exc.errors
    if problems:
        return problems
    findings = []
    if not plain_file(file.text):
        findings += text_rules(file.data)
    for rule in file.entry.rules:
        findings += rule(file.data)
    if not findings:
        _valid.add(seen)
    return [_locate(file, path, message) for path, message in findings]


def _locate(file: _File, path: tuple, message: str) -> DataError:
    """A finding at a path of a file, as file:line: field: message."""
    line, where = locate(file.with_lines(), list(path))
    return DataError(file.display, line, where, message)


def load_site(root: Path | str, parts: Collection[str] | None = None) -> SiteData:
    """Load and validate every data file (or only those whose path starts with one of
    ``parts``, such as ``agencies/``); raise DataErrors listing every problem at once."""
    root = Path(root)
    files, errors = _plan(root, parts)
    valid: dict[str, _File] = {}
    for file in files:
        problems = _check(file, root / "schema")
        errors += problems
        if not problems:
            valid[file.key] = file
    agency_keys = [f.key for f in files if f.key.startswith("agencies/")]
    if agency_keys and all(key in valid for key in agency_keys):
        content = {key: valid[key].data for key in agency_keys}
        for key, path, message in agency_rules(content):
            if key in valid:
                errors.append(_locate(valid[key], path, message))
            else:
                errors.append(DataError(f"{root.name}/{key}.yml", 1, "", message))
    if errors:
        raise DataErrors(errors)
    return SiteData(root, {key: file.data for key, file in valid.items()})
