"""Validate loaded data against JSON Schema and explain each problem in an editor's words.

One verdict, two speeds: valid data goes through a compiled validator (fastjsonschema); data it
rejects goes through jsonschema, which finds every problem with its path. Both see the same
bundled schema and the same ``date`` format, so they agree (tests/test_schema_agreement.py).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from jsonschema.exceptions import best_match

from .errors import DataError
from .explain import explain

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_date(value: object) -> bool:
    """A calendar date written YYYY-MM-DD: 2024-02-29 yes, 2025-02-29 and 2025-02-30 no."""
    if not isinstance(value, str):
        return True  # formats apply to text only; the type says what else is allowed
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


FORMATS: dict[str, Callable[[object], bool]] = {"date": is_date}
_CHECKER = FormatChecker(formats=())
_CHECKER.checks("date")(is_date)


def _unique_by(validator, key: str, instance: Any, schema: dict) -> Iterator[ValidationError]:
    """Custom keyword ``x-unique-by``: items of a list must differ in ``key``."""
    if not isinstance(instance, list):
        return
    seen: dict[Any, int] = {}
    for index, item in enumerate(instance):
        if isinstance(item, dict) and isinstance(item.get(key), str | int):
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


def _bundle(node: Any, schema_dir: Path, seen: tuple[str, ...] = ()) -> Any:
    """Replace each ``$ref`` into another schema file by the fragment it names (with the
    referring node's own keywords on top), so that both validators get one self-contained
    schema. References inside one file (``#/...``) are left to the validators."""
    if isinstance(node, list):
        return [_bundle(item, schema_dir, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and not ref.startswith("#"):
        name, _, pointer = ref.partition("#")
        if name in seen:
            raise ValueError(f"schema reference loop through {name}")
        target: Any = json.loads((schema_dir / name).read_text(encoding="utf-8"))
        for part in filter(None, pointer.split("/")):
            target = target[part]
        rest = {k: v for k, v in node.items() if k != "$ref"}
        return _bundle({**target, **rest}, schema_dir, (*seen, name))
    return {key: _bundle(value, schema_dir, seen) for key, value in node.items()}


def stamp(schema_dir: Path) -> tuple:
    """When the schema files last changed: an edited schema is read again, not reused."""
    return tuple((p.name, p.stat().st_mtime_ns) for p in sorted(schema_dir.glob("*.schema.json")))


def load_schema(schema_dir: Path, name: str) -> dict:
    """``<schema_dir>/<name>.schema.json`` with references to other schema files bundled in."""
    return _load_schema(schema_dir, name, stamp(schema_dir))


@cache
def _load_schema(schema_dir: Path, name: str, stamp: tuple) -> dict:
    """load_schema, once per state of the schema files."""
    path = schema_dir / f"{name}.schema.json"
    return _bundle(json.loads(path.read_text(encoding="utf-8")), schema_dir)


def _fast_validator(schema_dir: Path, name: str) -> Callable[[Any], Any]:
    """The compiled validator of a schema (fastjsonschema; it never fills in defaults)."""
    return _compiled(schema_dir, name, stamp(schema_dir))


@cache
def _compiled(schema_dir: Path, name: str, stamp: tuple) -> Callable[[Any], Any]:
    """_fast_validator, once per state of the schema files."""
    # compile() rewrites the $refs of the schema it is given: hand it a copy.
    schema = copy.deepcopy(load_schema(schema_dir, name))
    return fastjsonschema.compile(schema, formats=FORMATS, use_default=False)


def _unique_lists(schema_dir: Path, name: str) -> tuple[tuple[tuple[str, ...], str], ...] | None:
    """Where a schema asks for ``x-unique-by``: (path of properties, key) per list, found once
    in the schema so that checking valid data needs no walk through all of it. None when the
    keyword sits under a combinator (jsonschema then decides)."""
    return _unique_in(schema_dir, name, stamp(schema_dir))


@cache
def _unique_in(
    schema_dir: Path, name: str, stamp: tuple
) -> tuple[tuple[tuple[str, ...], str], ...] | None:
    """_unique_lists, once per state of the schema files."""
    found: list[tuple[tuple[str, ...], str]] = []
    root = load_schema(schema_dir, name)

    def walk(node: Any, path: tuple[str, ...], depth: int) -> bool:
        if not isinstance(node, dict) or depth > 20:
            return True
        if "$ref" in node and not walk(_target(root, node["$ref"]), path, depth + 1):
            return False
        for key in ("anyOf", "oneOf", "allOf", "if", "then", "else"):
            if key in node and "x-unique-by" in json.dumps(node[key]):
                return False
        if node.get("x-unique-by"):
            found.append((path, node["x-unique-by"]))
        for key, sub in node.get("properties", {}).items():
            if not walk(sub, (*path, key), depth + 1):
                return False
        return not isinstance(node.get("items"), dict) or walk(
            node["items"], (*path, "*"), depth + 1
        )

    return tuple(found) if walk(root, (), 0) else None


def _target(root: dict, ref: str) -> Any:
    """The fragment a local ``#/...`` reference names."""
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def _values(data: Any, path: tuple[str, ...]) -> list[Any]:
    """Every value at a path of properties (``*`` stands for each item of a list)."""
    nodes = [data]
    for step in path:
        if step == "*":
            nodes = [item for n in nodes if isinstance(n, list) for item in n]
        else:
            nodes = [n[step] for n in nodes if isinstance(n, dict) and step in n]
    return nodes


def _repeats(data: Any, lists: tuple[tuple[tuple[str, ...], str], ...]) -> bool:
    """Whether any ``x-unique-by`` list holds a repeated key."""
    for path, key in lists:
        for found in _values(data, path):
            if isinstance(found, list):
                keys = [repr(i[key]) for i in found if isinstance(i, dict) and key in i]
                if len(keys) != len(set(keys)):
                    return True
    return False


def certainly_valid(data: Any, schema_dir: Path, schema_name: str) -> bool:
    """The fast answer for the common case: the compiled schema accepts the data and no
    ``x-unique-by`` list repeats a key. False means: ask jsonschema, which explains."""
    lists = _unique_lists(schema_dir, schema_name)
    if lists is None:
        return False
    try:
        _fast_validator(schema_dir, schema_name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return not _repeats(data, lists)


def full_errors(data: Any, schema_dir: Path, schema_name: str) -> list[ValidationError]:
    """Every error jsonschema finds; a failed oneOf/anyOf is replaced by its likeliest cause."""
    validator = _Validator(load_schema(schema_dir, schema_name), format_checker=_CHECKER)
    out = []
    for error in validator.iter_errors(data):
        while error.validator in ("oneOf", "anyOf") and error.context:
            # The alternative of the value's own kind explains best: a mapping with a misspelt
            # key is not "not text", it has an unknown field.
            shaped = [e for e in error.context if e.validator != "type"]
            error = best_match(shaped or error.context)
        out.append(error)
    return out


def validate(data: Any, schema_dir: Path, schema_name: str, display: str) -> list[DataError]:
    """Validate data against a named schema and return every problem found."""
    if certainly_valid(data, schema_dir, schema_name):
        return []
    errors: list[DataError] = []
    for error in full_errors(data, schema_dir, schema_name):
        errors.extend(explain(error, data, display))
    if not errors:  # the compiled validator refused what jsonschema accepts: never silent
        errors.append(DataError(display, 1, "", "the file does not follow its schema"))
    return errors
