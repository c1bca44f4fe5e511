"""Read one data file: UTF-8, spaces, no duplicate keys, no aliases; line numbers on request.

A JSON document is YAML too: files the importer writes are JSON-shaped, one record per line,
and the ``json`` module reads them about 200 times faster than PyYAML's constructor. Any text
that is not plain JSON, or whose reading JSON and YAML could disagree on, goes through the
strict YAML loader, which also gives every mapping and list its line numbers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

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


# What libyaml says, and what an editor should do about it; the first pattern that matches wins.
_SYNTAX_WORDS: tuple[tuple[str, str], ...] = (
    (
        "expected a single document",
        "a line '---' starts a second document, but a data file holds one; delete that line",
    ),
    (
        "mapping values are not allowed",
        "a colon followed by a space (': ') inside text; put the whole text in double quotes",
    ),
    (
        "while scanning an alias",
        "text that starts with '*' reads as a YAML alias; put the whole text in double quotes",
    ),
    (
        "found undefined alias",
        "text that starts with '*' reads as a YAML alias; put the whole text in double quotes",
    ),
    (
        "found character '%' that cannot start any token",
        "text that starts with '%' must be put in double quotes",
    ),
    (
        "that cannot start any token",
        "text cannot start with '@' or '`'; put the whole text in double quotes",
    ),
    (
        "found unknown escape character",
        "a backslash (\\) inside double quotes starts an escape; write \\\\ for a backslash, "
        "or use single quotes",
    ),
    (
        "could not find expected ':'",
        "a line is missing the ':' after its field name, or a quoted text is not closed",
    ),
    (
        "found undefined tag handle",
        "text that starts with '!' must be put in double quotes",
    ),
    (
        "could not determine a constructor for the tag",
        "text that starts with '!' must be put in double quotes",
    ),
    (
        "expected ',' or ']'",
        "a list written in [brackets] is not closed, or text inside it needs quotes",
    ),
    (
        "expected ',' or '}'",
        "a group written in {braces} is not closed, or text inside it needs quotes",
    ),
    (
        "while scanning a quoted scalar",
        "a quoted text is not closed; end it with the same quote it starts with",
    ),
    (
        "expected the node content, but found",
        "a value is missing or starts with a character that needs quotes",
    ),
    (
        "expected <block end>",
        "the indentation of this line does not match the lines around it; line up entries "
        "of one list or group under each other",
    ),
    (
        "did not find expected '-' indicator",
        "the indentation of this line does not match the list it is in; start each entry "
        "with '- ' at the same indentation",
    ),
    (
        "did not find expected key",
        "the indentation of this line does not match the lines around it, or a text needs quotes",
    ),
    (
        "while parsing a block",
        "the indentation of this line does not match the lines around it",
    ),
)
_FALLBACK = (
    "this line cannot be read; check quotes, colons and indentation here and on the line above"
)
# Characters PyYAML refuses anywhere in a file (its Reader's rule).
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# The same, and what PyYAML reads as a line break even inside quotes (NEL, U+2028, U+2029),
# as UTF-8 bytes: a file holding any of them is read by the strict loader. A bytes pattern of
# plain alternatives scans megabytes far faster than a character class over all of Unicode.
_READ_DIFFERENTLY = re.compile(
    rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]|\xef\xbf[\xbe\xbf]|\xed[\xa0-\xbf]"
)


def _unclosed_quote(text: str, upto: int) -> int | None:
    """Find the last line up to ``upto`` with an odd number of double quotes, if any."""
    found = None
    for number, line in enumerate(text.splitlines()[:upto], start=1):
        code = line.split(" #", 1)[0].replace('\\"', "")
        if code.count('"') % 2:
            found = number
    return found


def _control_character(text: str) -> DataError | None:
    """Name the first character PyYAML refuses, with its line (it reports 'special characters
    are not allowed')."""
    bad = _NON_PRINTABLE.search(text)
    if bad is None:
        return None
    line = text.count("\n", 0, bad.start()) + 1
    code = f"U+{ord(bad.group()):04X}"
    return DataError(
        "", line, "", f"an invisible control character ({code}) is in this line; delete it"
    )


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, display: str) -> DataError:
    """One editor-facing message for a YAML syntax error."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    said = " ".join(filter(None, [exc.context, exc.problem]))
    quote = _unclosed_quote(text, line)
    if quote:
        return DataError(
            display, quote, "", 'a double quote (") opened on this line is never closed'
        )
    for needle, words in _SYNTAX_WORDS:
        if needle in said:
            return DataError(display, line, "", words)
    return DataError(display, line, "", _FALLBACK)


def parse_text(text: str, display: str) -> Any:
    """Parse YAML text into LineDict/LineList data, raising DataErrors with file and line."""
    errors = _tab_errors(text, display)
    if errors:
        raise DataErrors(errors)
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        raise DataErrors([DataError(display, 1, "", "the file is empty; it must hold data")])
    control = _control_character(text)
    if control is not None:
        raise DataErrors([DataError(display, control.line, "", control.message)])
    loader = StrictLoader(text)
    try:
        return loader.get_single_data()
    except _Problem as problem:
        raise DataErrors(
            [DataError(display, problem.line, problem.field, problem.message)]
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise DataErrors([_syntax_error(exc, text, display)]) from None
    except yaml.YAMLError:
        raise DataErrors([DataError(display, 1, "", _FALLBACK)]) from None
    finally:
        loader.dispose()


class _NotPlainJson(Exception):
    """The text holds something JSON and YAML might read differently."""


def _refuse(_: str) -> Any:
    """json hook for floats and NaN/Infinity: leave such text to the YAML loader."""
    raise _NotPlainJson


def _pairs(pairs: list[tuple[str, Any]]) -> dict:
    """json hook: a mapping, refusing a repeated key (the YAML loader then names it)."""
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _NotPlainJson
    return mapping


_LEAD = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\xc2\xe2\xef\xed]")


def _read_differently(text: str) -> bool:
    """Whether the text holds a character JSON and YAML read differently (see above)."""
    if text.isascii():
        return "\x7f" in text  # JSON itself refuses the other controls inside strings
    raw = text.encode("utf-8", "surrogatepass")
    at = 0
    while found := _LEAD.search(raw, at):  # a simple class scans fast; then look closer
        if _READ_DIFFERENTLY.match(raw, found.start()):
            return True
        at = found.start() + 1
    return False


def parse_json(text: str) -> Any | None:
    """Data of a JSON document (full-line comments before it allowed), or None when the
    strict YAML loader must read the text. Where this answers, it equals the YAML reading."""
    start = 0
    while text.startswith("#", start) or text.startswith("\n", start):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    if not text.startswith("{", start):
        return None
    if "\t" in text or _read_differently(text):
        return None
    body = "\n" * text.count("\n", 0, start) + text[start:]
    try:
        return json.loads(
            body, object_pairs_hook=_pairs, parse_float=_refuse, parse_constant=_refuse
        )
    except (ValueError, _NotPlainJson, RecursionError):
        return None


def read_text(path: Path, display: str) -> str:
    """A data file's text, decoded as UTF-8 (DataErrors if it is not)."""
    return _decode(path.read_bytes(), display)


def load_yaml(path: Path, display: str | None = None) -> Any:
    """Read one file with the strict YAML loader: every mapping and list knows its lines."""
    display = display or str(path)
    return parse_text(read_text(path, display), display)


def load_data(path: Path, display: str | None = None) -> Any:
    """Read one file the fastest faithful way: JSON where it is plain JSON, else strict YAML."""
    display = display or str(path)
    text = read_text(path, display)
    fast = parse_json(text)
    return parse_text(text, display) if fast is None else fast


def has_lines(data: Any) -> bool:
    """Tell whether data came from the strict loader (and so knows its line numbers)."""
    return isinstance(data, LineDict | LineList)
