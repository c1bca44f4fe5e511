"""Write data files the loader reads fast: JSON-shaped YAML, one record per line.

A JSON document is also a YAML document, so an editor can still open and fix these files, while
the loader reads them with the ``json`` module (site287g.data.yamlfile.parse_json). Lists of
records are written one record per line so that a change shows as a one-line diff.
"""

from __future__ import annotations

import json
import re
from typing import Any

SCHEMA_LINE = "# yaml-language-server: $schema={}\n"
# Characters YAML reads differently from JSON when written raw (line breaks inside quotes) or
# refuses (C1 controls, non-characters, lone surrogates): written as \\uXXXX escapes instead.
_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _text(value: Any) -> str:
    """One value as compact JSON that reads back the same as YAML."""
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", _encode(value))


def _records(value: Any) -> bool:
    """Whether a value is a non-empty list of mappings (written one per line)."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def render(value: Any, expand: int = 1, indent: str = "") -> str:
    """JSON text of ``value``: mappings down to depth ``expand`` one key per line, and lists of
    mappings at those depths one mapping per line; everything deeper on one line."""
    if expand <= 0 or not isinstance(value, dict | list):
        return _text(value)
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{_text(k)}: {render(v, expand - 1, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if not _records(value):
        return _text(value)
    items = [inner + render(v, expand - 1, inner) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + indent + "]"


def document(schema: str, value: dict[str, Any], expand: int = 1, comment: str = "") -> str:
    """A whole data file: the editor's schema line, an optional comment, then the data."""
    notes = "".join(f"# {line}\n" for line in comment.splitlines())
    return SCHEMA_LINE.format(schema) + notes + render(value, expand) + "\n"
