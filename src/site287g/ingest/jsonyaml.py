"""Write data files as JSON documents (valid YAML) with one record per line, read them back.

The data layer reads such files fast; a change to one record changes one line. Characters
that PyYAML reads as a line break or refuses are written as \\uXXXX escapes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

SCHEMA_LINE = "# yaml-language-server: $schema={}\n"
# NEL, LINE/PARAGRAPH SEPARATOR (line breaks to PyYAML), DEL and C1 controls, surrogates,
# BOM and the noncharacters U+FFFE/U+FFFF (refused by PyYAML).
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def one_line(value: object) -> str:
    """One value as a line of JSON, non-ASCII kept, unsafe characters escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return _UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def dumps(schema: str, sections: dict[str, object]) -> str:
    """The file text: schema comment, then {"key": [one record a line], "key2": ...}."""
    parts = []
    for name, value in sections.items():
        head = one_line(name) + ": "
        if isinstance(value, list) and value:
            body = ",\n".join(one_line(item) for item in value)
            parts.append(f"{head}[\n{body}\n]")
        else:
            parts.append(head + one_line(value))
    return SCHEMA_LINE.format(schema) + "{" + ",\n".join(parts) + "}\n"


def loads(text: str) -> dict:
    """Read a file written by dumps (its schema comment skipped)."""
    return json.loads(text.split("\n", 1)[1] if text.startswith("#") else text)


def read(path: Path) -> dict:
    """Read such a file, or {} when it does not exist."""
    return loads(path.read_text(encoding="utf-8")) if path.exists() else {}
