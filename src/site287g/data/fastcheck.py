"""A fast yes/no check of data against a JSON Schema, before the detailed (slow) validation.

jsonschema spends most of a 50,000-agreement build walking valid data. This compiles the
subset of JSON Schema our schemas use into plain Python checks that only answer "certainly
valid". Anything else (a problem, or a keyword this module does not know) means the caller
runs jsonschema as before, so every error message still comes from site287g.data.schema.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that never make data invalid.
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "format", "examples",
     "default", "x-allowed", "deprecated", "readOnly", "writeOnly"}
)  # fmt: skip
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


class Unsupported(Exception):
    """The schema uses a keyword this module does not check."""


def _key(value: Any) -> tuple[type, Any]:
    """Compare like JSON: 1, 1.0 and True are different values for enum and const."""
    return (
        bool
        if isinstance(value, bool)
        else float
        if isinstance(value, int | float)
        else type(value),
        value,
    )


def compile_schema(schema: Any, root: dict) -> Check:
    """Turn a (sub)schema into a function that is True only for data it accepts."""
    if schema is True:
        return lambda v: True
    if schema is False:
        return lambda v: False
    checks: list[Check] = []
    unknown = set(schema) - _ANNOTATIONS - set(_COMPILERS)
    if unknown:
        raise Unsupported(", ".join(sorted(unknown)))
    for keyword, compiler in _COMPILERS.items():
        if keyword in schema:
            check = compiler(schema, root)
            if check is not None:
                checks.append(check)
    if len(checks) == 1:
        return checks[0]
    return lambda v: all(c(v) for c in checks)


def _type(schema: dict, root: dict) -> Check:
    names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    tests = [_TYPES[n] for n in names]
    return lambda v: any(t(v) for t in tests)


def _enum(schema: dict, root: dict) -> Check:
    allowed = {_key(e) for e in schema["enum"]}
    return lambda v: _hashable(v) and _key(v) in allowed


def _const(schema: dict, root: dict) -> Check:
    want = _key(schema["const"])
    return lambda v: _hashable(v) and _key(v) == want


def _hashable(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _pattern(schema: dict, root: dict) -> Check:
    search = re.compile(schema["pattern"]).search
    return lambda v: not isinstance(v, str) or search(v) is not None


def _min_length(schema: dict, root: dict) -> Check:
    n = schema["minLength"]
    return lambda v: not isinstance(v, str) or len(v) >= n


def _minimum(schema: dict, root: dict) -> Check:
    n = schema["minimum"]
    return lambda v: not _TYPES["number"](v) or v >= n


def _min_items(schema: dict, root: dict) -> Check:
    n = schema["minItems"]
    return lambda v: not isinstance(v, list) or len(v) >= n


def _unique_items(schema: dict, root: dict) -> Check | None:
    if not schema["uniqueItems"]:
        return None
    return lambda v: (
        not isinstance(v, list)
        or (all(_hashable(i) for i in v) and len({_key(i) for i in v}) == len(v))
    )


def _required(schema: dict, root: dict) -> Check:
    keys = tuple(schema["required"])
    return lambda v: not isinstance(v, dict) or all(k in v for k in keys)


def _properties(schema: dict, root: dict) -> Check:
    props = {k: compile_schema(s, root) for k, s in schema.get("properties", {}).items()}
    extra = schema.get("additionalProperties", True)
    other = None if extra is True else compile_schema(extra, root)

    def check(v: Any) -> bool:
        if not isinstance(v, dict):
            return True
        for key, value in v.items():
            test = props.get(key, other)
            if test is not None and not test(value):
                return False
        return True

    return check


def _items(schema: dict, root: dict) -> Check:
    item = compile_schema(schema["items"], root)
    return lambda v: not isinstance(v, list) or all(item(i) for i in v)


def _ref(schema: dict, root: dict) -> Check:
    ref = schema["$ref"]
    if not ref.startswith("#/"):
        raise Unsupported(ref)
    target: Any = root
    for part in ref[2:].split("/"):
        target = target[part]
    compiled: list[Check] = []

    def check(v: Any) -> bool:
        if not compiled:  # compiled on first use: references may be recursive
            compiled.append(compile_schema(target, root))
        return compiled[0](v)

    return check


def _all_of(schema: dict, root: dict) -> Check:
    parts = [compile_schema(s, root) for s in schema["allOf"]]
    return lambda v: all(p(v) for p in parts)


def _if(schema: dict, root: dict) -> Check:
    test = compile_schema(schema["if"], root)
    then = compile_schema(schema.get("then", True), root)
    other = compile_schema(schema.get("else", True), root)
    return lambda v: then(v) if test(v) else other(v)


def _unique_by(schema: dict, root: dict) -> Check:
    key = schema["x-unique-by"]

    def check(v: Any) -> bool:
        if not isinstance(v, list):
            return True
        values = [i[key] for i in v if isinstance(i, dict) and key in i]
        return all(_hashable(x) for x in values) and len(set(values)) == len(values)

    return check


def _nothing(schema: dict, root: dict) -> None:
    """Handled together with another keyword."""
    return None


_COMPILERS: dict[str, Callable[[dict, dict], Check | None]] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "pattern": _pattern,
    "minLength": _min_length,
    "minimum": _minimum,
    "minItems": _min_items,
    "uniqueItems": _unique_items,
    "required": _required,
    "properties": _properties,
    "additionalProperties": lambda s, r: None if "properties" in s else _properties(s, r),
    "items": _items,
    "$ref": _ref,
    "allOf": _all_of,
    "if": _if,
    "then": _nothing,
    "else": _nothing,
    "x-unique-by": _unique_by,
}

_compiled: dict[int, tuple[dict, Check | None]] = {}


def certainly_valid(data: Any, schema: dict) -> bool:
    """True when ``data`` satisfies ``schema``; False when it may not (or we cannot tell)."""
    held = _compiled.get(id(schema))
    if held is None or held[0] is not schema:
        try:
            check: Check | None = compile_schema(schema, schema)
        except Unsupported:
            check = None
        held = (schema, check)
        _compiled[id(schema)] = held
    return held[1] is not None and held[1](data)
