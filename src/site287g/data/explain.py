"""Turn one JSON Schema error into editor's words: file, line, field, what is wrong, what is
allowed. Never a regular expression, never the validator's own jargon."""

from __future__ import annotations

import difflib
from typing import Any

from jsonschema import ValidationError

from .errors import DataError

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list (lines starting with '- ')",
    "object": "a group of 'name: value' lines",
    "null": "nothing (null)",
}


def describe(value: Any) -> str:
    """Name the YAML kind of a loaded value in plain words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value!r})"
    if isinstance(value, list):
        return "a list"
    return "a group of 'name: value' lines"


def field_name(path: tuple | list) -> str:
    """A path as an editor reads it: ``sections[2].heading`` (lists from 1)."""
    out = ""
    for step in path:
        out += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def locate(data: Any, path: list) -> tuple[int, str]:
    """The line and editor-facing field name (``questions[2].id``) of a path; lists count
    from 1."""
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


def _unknown_fields(error: ValidationError, data: Any, display: str) -> list[DataError]:
    """One message per key the schema does not know, with the closest known name."""
    path, value, schema = list(error.absolute_path), error.instance, error.schema
    allowed = sorted(schema.get("properties", {}))
    out = []
    for key in value:
        if key in allowed:
            continue
        line, field = locate(data, [*path, key])
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.5)
        guess = f"did you mean '{close[0]}'? " if close else ""
        out.append(
            DataError(
                display,
                line,
                field,
                f"unknown field '{key}'; {guess}allowed fields: {', '.join(allowed)}",
            )
        )
    return out


def _missing(error: ValidationError, data: Any, display: str) -> list[DataError]:
    """A required field that is absent, with a hint when a present key looks like it."""
    line, field = locate(data, list(error.absolute_path))
    missing = error.message.split("'")[1] if "'" in error.message else error.message
    where = f"{field}.{missing}" if field else missing
    present = list(error.instance) if isinstance(error.instance, dict) else []
    close = difflib.get_close_matches(missing, [str(k) for k in present], n=1, cutoff=0.5)
    hint = f" (is '{close[0]}' meant to be '{missing}'?)" if close else ""
    return [DataError(display, line, where, f"required field '{missing}' is missing{hint}; add it")]


def _enum(value: Any, options: list, hint: str | None) -> str:
    """What is wrong with a value outside a fixed list, and what the list allows."""
    shown = [str(o) for o in options if o is not None]
    close = difflib.get_close_matches(str(value), shown, n=1, cutoff=0.5)
    guess = f"did you mean '{close[0]}'? " if close else ""
    allowed = hint or ("allowed values: " + ", ".join(shown))
    if None in options:
        allowed += " (or null)"
    return f"{value!r} is not allowed; {guess}{allowed}"


def explain(error: ValidationError, data: Any, display: str) -> list[DataError]:
    """Turn one jsonschema error into one or more DataErrors."""
    kind, value, schema = error.validator, error.instance, error.schema
    if kind == "additionalProperties" and isinstance(value, dict):
        return _unknown_fields(error, data, display)
    if kind == "required":
        return _missing(error, data, display)
    line, field = locate(data, list(error.absolute_path))
    hint = schema.get("x-allowed") if isinstance(schema, dict) else None
    if schema is False or kind is None:
        message = "this field is not allowed here"
        if field.endswith(".signed"):
            message += "; only participating agreements have a signing date"
    elif kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        message = f"expected {words}, found {describe(value)}"
    elif kind == "enum":
        message = _enum(value, error.validator_value, hint)
    elif kind == "const":
        message = f"{describe(value)} is not allowed; the only allowed value is "
        message += repr(error.validator_value).replace("True", "true")
    elif kind in {"pattern", "format"}:
        message = f"{value!r} is not valid; {hint or 'it is not written in the expected form'}"
    elif kind == "minLength":
        message = "must not be empty; write some text"
    elif kind == "minItems":
        n = error.validator_value
        message = f"needs at least {n} entr{'y' if n == 1 else 'ies'}"
    elif kind == "minimum":
        message = f"{describe(value)} is too small; it must be at least {error.validator_value}"
    elif kind == "uniqueItems":
        message = "the list holds the same value twice; write each value once"
    elif kind == "x-unique-by":
        message = f"{error.message}; each must be unique"
    else:
        message = error.message + (f"; {hint}" if hint else "")
    return [DataError(display, line, field, message)]
