"""Validate loaded YAML against JSON Schema and explain each problem in an editor's words."""

from __future__ import annotations

import copy
import difflib
import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, ValidationError, validators

from .errors import DataError

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list (lines starting with '- ')",
    "object": "a mapping (key: value lines)",
    "null": "nothing (null)",
}


def _describe_type(value: Any) -> str:
    """Name the YAML type of a loaded value in plain words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value!r})"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _unique_by(validator, key: str, instance: Any, schema: dict) -> Iterator[ValidationError]:
    """Custom keyword ``x-unique-by``: items of a list must differ in ``key``."""
    if not isinstance(instance, list):
        return
    seen: dict[Any, int] = {}
    for index, item in enumerate(instance):
        if isinstance(item, dict) and key in item:
            value = item[key]
            if value in seen:
                yield ValidationError(
                    f"duplicate {key} {value!r}; it is already used by entry {seen[value] + 1}",
                    path=[index, key],
                    validator="x-unique-by",
                )
            else:
                seen[value] = index


_Validator = validators.extend(Draft202012Validator, {"x-unique-by": _unique_by})


@cache
def load_schema(schema_dir: Path, name: str) -> dict:
    """Read ``<schema_dir>/<name>.schema.json`` once."""
    return json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))


def _locate(data: Any, path: list) -> tuple[int, str]:
    """Return the line and editor-facing field name (``faq[2].anchor``) for a path."""
    line = getattr(data, "line", 1) or 1
    field = ""
    node = data
    for step in path:
        if isinstance(step, int):
            field += f"[{step + 1}]"
            lines = getattr(node, "item_lines", [])
            line = lines[step] if step < len(lines) else line
        else:
            field += f".{step}" if field else str(step)
            line = getattr(node, "key_lines", {}).get(step, line)
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return line, field


def _explain(error: ValidationError, data: Any, display: str) -> list[DataError]:
    """Turn one jsonschema error into one or more DataErrors."""
    path = list(error.absolute_path)
    line, field = _locate(data, path)
    kind, value, schema = error.validator, error.instance, error.schema
    allowed_hint = schema.get("x-allowed")
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = sorted(schema.get("properties", {}))
        out = []
        for key in value:
            if key in allowed:
                continue
            key_line, key_field = _locate(data, [*path, key])
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
            guess = f"did you mean '{close[0]}'? " if close else ""
            out.append(
                DataError(
                    display,
                    key_line,
                    key_field,
                    f"unknown field '{key}'; {guess}allowed fields: {', '.join(allowed)}",
                )
            )
        return out
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        if isinstance(value, dict) and difflib.get_close_matches(missing, list(value), 1, 0.5):
            return []  # a misspelt key: the unknown-field message already names this one
        where = f"{field}.{missing}" if field else missing
        return [DataError(display, line, where, f"required field '{missing}' is missing; add it")]
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        return [DataError(display, line, field, f"expected {words}, found {_describe_type(value)}")]
    if kind == "enum":
        options = [str(o) for o in error.validator_value]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        guess = f"did you mean '{close[0]}'? " if close else ""
        return [
            DataError(
                display,
                line,
                field,
                f"{value!r} is not allowed; {guess}allowed values: {', '.join(options)}",
            )
        ]
    if kind in {"pattern", "format"}:
        hint = allowed_hint or f"it must match {error.validator_value}"
        return [DataError(display, line, field, f"{value!r} is not valid; {hint}")]
    if kind == "minLength":
        return [DataError(display, line, field, "must not be empty; write some text")]
    if kind == "minItems":
        n = error.validator_value
        return [
            DataError(display, line, field, f"needs at least {n} entr{'y' if n == 1 else 'ies'}")
        ]
    if kind == "x-unique-by":
        return [DataError(display, line, field, f"{error.message}; each must be unique")]
    hint = f"; {allowed_hint}" if allowed_hint else ""
    return [DataError(display, line, field, f"{error.message}{hint}")]


@cache
def _fast_validator(schema_dir: Path, name: str) -> Callable[[Any], Any] | None:
    """A compiled validator (fastjsonschema) for the common case: valid data; None if the
    schema uses something it cannot compile (the full validator then does all the work)."""
    try:
        # compile() rewrites the $refs of the schema it is given: hand it a copy.
        return fastjsonschema.compile(copy.deepcopy(load_schema(schema_dir, name)))
    except Exception:  # noqa: BLE001 - any compile failure just means: take the slow path
        return None


def _repeats(schema: dict, data: Any, root: dict) -> bool:
    """Whether any ``x-unique-by`` list below ``schema`` holds a repeated key (or may: combinators
    are not followed, so they answer True and the full validator decides)."""
    if not isinstance(schema, dict):
        return False
    if "$ref" in schema:
        ref = schema["$ref"]
        if not ref.startswith("#/"):
            return True  # a reference into another file: let the full validator decide
        target: Any = root
        for part in ref[2:].split("/"):
            target = target[part]
        if _repeats(target, data, root):
            return True
    combinators = {
        k: schema[k] for k in ("anyOf", "oneOf", "allOf", "if", "then", "else") if k in schema
    }
    if combinators and _mentions_unique(combinators):
        return True
    key = schema.get("x-unique-by")
    if key and isinstance(data, list):
        values = [item.get(key) for item in data if isinstance(item, dict) and key in item]
        if len(values) != len(set(values)):
            return True
    if isinstance(data, dict):
        props = schema.get("properties", {})
        return any(_repeats(props[k], v, root) for k, v in data.items() if k in props)
    if isinstance(data, list) and "items" in schema:
        return any(_repeats(schema["items"], item, root) for item in data)
    return False


def _mentions_unique(schema: Any) -> bool:
    """Whether ``x-unique-by`` appears anywhere in a schema fragment."""
    return "x-unique-by" in json.dumps(schema)


def certainly_valid(data: Any, schema_dir: Path, schema_name: str) -> bool:
    """The fast yes/no answer for the common case: the compiled schema accepts the data and no
    ``x-unique-by`` list repeats a key. False means: ask jsonschema, which explains."""
    fast = _fast_validator(schema_dir, schema_name)
    if fast is None:
        return False
    try:
        fast(data)
    except fastjsonschema.JsonSchemaException:
        return False
    schema = load_schema(schema_dir, schema_name)
    return not _repeats(schema, data, schema)


def validate(data: Any, schema_dir: Path, schema_name: str, display: str) -> list[DataError]:
    """Validate data against a named schema and return every problem found."""
    schema = load_schema(schema_dir, schema_name)
    if certainly_valid(data, schema_dir, schema_name):
        return []
    # Slow path, only for data with problems: jsonschema reports every error with its path.
    validator = _Validator(schema)
    errors: list[DataError] = []
    for error in validator.iter_errors(data):
        errors.extend(_explain(error, data, display))
    return errors
