"""Read the plain block YAML our data files use, fast; give up (None) on anything else.

PyYAML builds a node with two position marks for every scalar and then constructs it in
Python: at 50,000 agreements that is most of the build. The files the importer writes (and
most hand-edited ones) use a small part of YAML: block mappings and sequences, one-line
plain or quoted scalars, one-line flow mappings and lists. This reader handles exactly that
and returns None as soon as it meets anything else (anchors, comments after values,
multi-line scalars, escapes, numbers other than plain integers, duplicate keys, ...), so the
caller then uses the strict loader, which also gives line numbers for error messages. For
what it accepts, the result equals the strict loader's (tests/test_fastyaml.py).
"""

from __future__ import annotations

import re
from typing import Any

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?$")
_INT = re.compile(r"(?:0|[1-9][0-9]*)$")
_PLAIN_START_BAD = frozenset("-?:,[]{}#&*!|>'\"%@`")
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NULL = frozenset({"null", "Null", "NULL", "~"})
_NOT_TEXT = _TRUE | _FALSE | _NULL  # keys the strict loader refuses (a key must be text)


class _GiveUp(Exception):
    """The text uses YAML this reader does not handle."""


def parse(text: str, resolvers: dict) -> Any | None:
    """Data of ``text``, or None when the strict loader must read it.

    ``resolvers`` is the strict loader's implicit-resolver table: a plain scalar that it
    would read as anything but text, null, a boolean or a plain integer makes us give up.
    """
    # PyYAML also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (YAML 1.1).
    if any(c in text for c in "\r\t\x85\u2028\u2029"):
        return None
    lines: list[list[Any]] = []
    for raw in text.split("\n"):
        stripped = raw.strip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if " #" in raw or raw.startswith(("---", "...")):
            return None
        lines.append([len(raw) - len(raw.lstrip(" ")), stripped])
    if not lines or lines[0][0] != 0:
        return None
    try:
        value, end = _Reader(lines, resolvers).block(0, 0)
    except _GiveUp:
        return None
    return value if end == len(lines) else None


class _Reader:
    def __init__(self, lines: list[list[Any]], resolvers: dict) -> None:
        self.lines = lines
        self.resolvers = resolvers

    def block(self, i: int, indent: int) -> tuple[Any, int]:
        content = self.lines[i][1]
        if content == "-" or content.startswith("- "):
            return self.sequence(i, indent)
        return self.mapping(i, indent)

    def mapping(self, i: int, indent: int) -> tuple[dict, int]:
        lines, n, out = self.lines, len(self.lines), {}
        while i < n and lines[i][0] == indent and not _item(lines[i][1]):
            m = _KEY.match(lines[i][1])
            if m is None or m[1] in out or m[1] in _NOT_TEXT:
                raise _GiveUp
            key, rest = m[1], (m[2] or "").strip(" ")
            i += 1
            if rest:
                out[key] = self.inline(rest)
                if i < n and lines[i][0] > indent:
                    raise _GiveUp  # a scalar continued on the next line
            elif i < n and (lines[i][0] > indent or (lines[i][0] == indent and _item(lines[i][1]))):
                out[key], i = self.block(i, lines[i][0])
            else:
                out[key] = None
        if i < n and lines[i][0] > indent:
            raise _GiveUp
        return out, i

    def sequence(self, i: int, indent: int) -> tuple[list, int]:
        lines, n, out = self.lines, len(self.lines), []
        while i < n and lines[i][0] == indent and _item(lines[i][1]):
            rest = lines[i][1][2:].strip(" ")
            if not rest or _item(rest):
                raise _GiveUp
            if _KEY.match(rest):
                # "- key: value" opens a mapping whose keys line up with "key".
                lines[i] = [indent + 2, rest]
                value, i = self.mapping(i, indent + 2)
            else:
                value = self.inline(rest)
                i += 1
                if i < n and lines[i][0] > indent:
                    raise _GiveUp
            out.append(value)
        return out, i

    def inline(self, text: str) -> Any:
        """A one-line value: flow mapping, flow list or scalar."""
        if text[0] == "{":
            return self.flow_mapping(text)
        if text[0] == "[":
            return self.flow_list(text)
        return self.scalar(text, flow=False)

    def flow_mapping(self, text: str) -> dict:
        if not text.endswith("}"):
            raise _GiveUp
        out: dict = {}
        for part in _split(text[1:-1]):
            key, sep, value = part.partition(": ")
            if not sep or not _KEY.match(key + ":") or key in out or key in _NOT_TEXT:
                raise _GiveUp
            value = value.strip(" ")
            out[key] = self.flow_list(value) if value[:1] == "[" else self.scalar(value, True)
        return out

    def flow_list(self, text: str) -> list:
        if not text.endswith("]"):
            raise _GiveUp
        return [self.scalar(part, flow=True) for part in _split(text[1:-1])]

    def scalar(self, text: str, flow: bool) -> Any:
        t = text.strip(" ")
        if not t:
            raise _GiveUp
        if t[0] == "'":
            inner = t[1:-1]
            if len(t) < 2 or t[-1] != "'" or "'" in inner.replace("''", ""):
                raise _GiveUp
            return inner.replace("''", "'")
        if t[0] == '"':
            inner = t[1:-1]
            if len(t) < 2 or t[-1] != '"' or '"' in inner or "\\" in inner:
                raise _GiveUp
            return inner
        if t[0] in _PLAIN_START_BAD or ": " in t or t.endswith(":"):
            raise _GiveUp
        if flow and any(c in t for c in ",[]{}"):
            raise _GiveUp
        for tag, regexp in self.resolvers.get(t[0], ()):
            if regexp.match(t):
                kind = tag.rsplit(":", 1)[1]
                if kind == "null" and t in _NULL:
                    return None
                if kind == "bool" and (t in _TRUE or t in _FALSE):
                    return t in _TRUE
                if kind == "int" and _INT.match(t):
                    return int(t)
                raise _GiveUp
        return t


def _item(content: str) -> bool:
    return content == "-" or content.startswith("- ")


def _value_start(before: str) -> bool:
    """A quote opens a quoted scalar only where a key or value begins."""
    return not before.strip(" ") or before.endswith(": ") or before.rstrip(" ").endswith("[")


def _split(inner: str) -> list[str]:
    """Split the inside of a one-line flow collection at its top-level commas."""
    parts: list[str] = []
    current: list[str] = []
    quote = ""
    depth = 0
    i, n = 0, len(inner)
    while i < n:
        c = inner[i]
        i += 1
        if quote:
            current.append(c)
            if c == quote:
                if quote == "'" and i < n and inner[i] == "'":
                    current.append("'")  # '' is a quote inside single quotes
                    i += 1
                else:
                    quote = ""
            continue
        if c in "'\"" and _value_start("".join(current)):
            quote = c
        elif c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif c in "{}":
            raise _GiveUp
        elif c == "," and depth == 0:
            parts.append("".join(current).strip(" "))
            current = []
            continue
        current.append(c)
    if quote or depth:
        raise _GiveUp
    last = "".join(current).strip(" ")
    if last:
        parts.append(last)
    elif parts:
        raise _GiveUp  # a trailing comma
    if any(not p for p in parts):
        raise _GiveUp
    return parts
