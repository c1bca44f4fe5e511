"""Read one YAML data file strictly: UTF-8, spaces, no duplicate keys, no aliases, with lines."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from . import fastyaml
from .errors import DataError, DataErrors


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class _Problem(Exception):
    """A problem found while constructing Python objects from YAML nodes."""

    def __init__(self, line: int, field: str, message: str) -> None:
        super().__init__(message)
        self.line, self.field, self.message = line, field, message


def _implicit_resolvers() -> dict[str, list]:
    """YAML 1.1 resolvers minus timestamps and yes/no/on/off booleans: dates stay text."""
    bool_re = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
    table: dict[str, list] = {}
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items():
        kept = []
        for tag, regexp in resolvers:
            if tag == "tag:yaml.org,2002:timestamp":
                continue
            if tag == "tag:yaml.org,2002:bool":
                regexp = bool_re
            kept.append((tag, regexp))
        table[first] = kept
    return table


_STR_TAG = "tag:yaml.org,2002:str"
# Resolved tags of plain scalars; valid because StrictLoader has no path resolvers.
_RESOLVED: dict[tuple[str, tuple], str] = {}


class StrictLoader(yaml.CSafeLoader):
    """libyaml's C parser with a constructor that records lines and refuses ambiguity."""

    yaml_implicit_resolvers = _implicit_resolvers()

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # An alias reuses an already composed node: refuse it before anything is expanded,
        # so an alias bomb costs nothing.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Problem(
                node.start_mark.line + 1,
                "",
                "anchors and aliases (&name / *name) are not allowed; write the value out",
            )
        if node.tag == _STR_TAG and node.__class__ is yaml.ScalarNode:
            # Most values are text: skip the generic dispatch (agency lists hold ~1M scalars).
            self.constructed_objects[node] = node.value
            return node.value
        return super().construct_object(node, deep=True)

    def resolve(self, kind: type, value: str, implicit: tuple) -> str:
        """Tag a scalar by its text, remembering the answer: values repeat across records."""
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = _RESOLVED.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(_RESOLVED) < 500_000:
                _RESOLVED[key] = tag
        return tag

    def construct_yaml_map(self, node: yaml.MappingNode):  # type: ignore[override]
        """Build a LineDict, refusing duplicate and non-text keys."""
        data = LineDict()
        data.line = node.start_mark.line + 1
        data.key_lines = {}
        yield data
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Problem(line, "<<", "merge keys (<<) are not allowed; write the keys out")
            key = self.construct_object(key_node)
            if not isinstance(key, str):
                raise _Problem(line, str(key), "a key must be text")
            if key in data:
                first = data.key_lines[key]
                raise _Problem(line, key, f"duplicate key; '{key}' is already set on line {first}")
            data.key_lines[key] = line
            data[key] = self.construct_object(value_node)

    def construct_yaml_seq(self, node: yaml.SequenceNode):  # type: ignore[override]
        """Build a LineList that remembers the line of each item."""
        data = LineList()
        data.line = node.start_mark.line + 1
        data.item_lines = [child.start_mark.line + 1 for child in node.value]
        yield data
        data.extend(self.construct_object(child) for child in node.value)


StrictLoader.add_constructor("tag:yaml.org,2002:map", StrictLoader.construct_yaml_map)
StrictLoader.add_constructor("tag:yaml.org,2002:seq", StrictLoader.construct_yaml_seq)


def _decode(raw: bytes, display: str) -> str:
    """Decode UTF-8 (a BOM is allowed) or explain where the first bad byte is."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        raise DataErrors(
            [
                DataError(
                    display,
                    line,
                    "",
                    f"the file is not UTF-8 text (byte 0x{byte:02X}); save it with UTF-8 encoding",
                )
            ]
        ) from None


def _tab_errors(text: str, display: str) -> list[DataError]:
    """Report every line whose indentation contains a tab."""
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            errors.append(
                DataError(display, number, "", "indentation uses a tab; indent with spaces only")
            )
    return errors


def _unclosed_quote(text: str, upto: int) -> int | None:
    """Find the last line up to ``upto`` with an odd number of double quotes, if any."""
    found = None
    for number, line in enumerate(text.splitlines()[:upto], start=1):
        code = line.split(" #", 1)[0].replace('\\"', "")
        if code.count('"') % 2:
            found = number
    return found


def parse_text(text: str, display: str, fast: bool = False) -> Any:
    """Parse YAML text into LineDict/LineList data, raising DataErrors with file and line.

    With ``fast``, plain block YAML is read by site287g.data.fastyaml into plain dicts and
    lists (same values, no line numbers); anything else still goes through StrictLoader.
    """
    errors = _tab_errors(text, display)
    if errors:
        raise DataErrors(errors)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise DataErrors([DataError(display, 1, "", "the file is empty; it must hold data")])
    if fast:
        quick = fastyaml.parse(text, StrictLoader.yaml_implicit_resolvers)
        if quick is not None:
            return quick
    loader = StrictLoader(text)
    try:
        return loader.get_single_data()
    except _Problem as problem:
        raise DataErrors(
            [DataError(display, problem.line, problem.field, problem.message)]
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        quote = _unclosed_quote(text, line)
        if quote:
            message = 'YAML syntax error: a double quote (") opened on this line is never closed'
            raise DataErrors([DataError(display, quote, "", message)]) from None
        what = " ".join(filter(None, [exc.context, exc.problem]))
        raise DataErrors(
            [
                DataError(
                    display,
                    line,
                    "",
                    f"YAML syntax error: {what}; check quotes, colons "
                    "and indentation on this line or the one above",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise DataErrors([DataError(display, 1, "", f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()


def load_yaml(path: Path, display: str | None = None, fast: bool = False) -> Any:
    """Read and parse one YAML file strictly; ``display`` is the name used in messages."""
    display = display or str(path)
    return parse_text(_decode(path.read_bytes(), display), display, fast)


def has_lines(data: Any) -> bool:
    """Tell whether data came from StrictLoader (and so knows its line numbers)."""
    return isinstance(data, LineDict | LineList)
