"""The validator: one verdict at two speeds, dates that exist, every missing field named."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from site287g.data import load_site
from site287g.data.registry import ENTRIES
from site287g.data.schema import certainly_valid, full_errors, is_date, load_schema, validate
from site287g.data.schemas import vocabulary_text
from site287g.data.vocab import RECORD_KEYS
from site287g.data.yamlfile import load_data, load_yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SCHEMAS = DATA / "schema"
# One shipped file per schema, read fast (plain data): the seeds of the mutations below.
SEEDS: dict[str, Any] = {}
for _entry in ENTRIES:
    for _path in sorted(DATA.glob(_entry.pattern))[:2]:
        _data = load_data(_path)
        if isinstance(_data, dict):  # long lists cut short: the shape is what matters here
            _data = {k: v[:3] if isinstance(v, list) else v for k, v in _data.items()}
        SEEDS.setdefault(_entry.schema_for(_data), []).append(_data)


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("2024-02-29", True),
        ("2026-05-18", True),
        ("2025-02-29", False),
        ("2025-02-30", False),
        ("2026-18-05", False),
        ("2026-5-18", False),
        ("20260518", False),
        ("2026-05-18T00:00", False),
    ],
)
def test_dates_are_calendar_dates(text: str, valid: bool) -> None:
    """A date must exist on the calendar, written YYYY-MM-DD."""
    assert is_date(text) is valid


def test_both_validators_refuse_impossible_dates() -> None:
    """The compiled and the explaining validator give the same verdict on a date."""
    site = copy.deepcopy(SEEDS["site"][0])
    site["content_as_of"] = "2026-02-30"
    assert not certainly_valid(site, SCHEMAS, "site")
    (problem,) = validate(site, SCHEMAS, "site", "data/site.yml")
    assert problem.field == "content_as_of"
    assert "a calendar date written YYYY-MM-DD" in problem.message


def test_a_missing_field_is_named_even_beside_a_look_alike(tmp_path: Path) -> None:
    """Deleting `powers:` from a model (which has `where:`) names `powers` as missing."""
    text = (DATA / "models.yml").read_text(encoding="utf-8")
    start = text.index("    powers:")
    end = text.index("    where:", start)
    broken = text[:start] + text[end:]
    (tmp_path / "models.yml").write_text(broken, encoding="utf-8")
    data = load_yaml(tmp_path / "models.yml", "data/models.yml")
    messages = [str(p) for p in validate(data, SCHEMAS, "models", "data/models.yml")]
    assert any("models[1].powers: required field 'powers' is missing" in m for m in messages)


def test_vocabulary_schema_is_generated_from_the_vocabulary() -> None:
    """data/schema/vocabulary.schema.json is what `make schemas` writes (never edited by hand)."""
    committed = (SCHEMAS / "vocabulary.schema.json").read_text(encoding="utf-8")
    assert committed == vocabulary_text(), "run `make schemas` and commit the result"


def test_agreement_fields_are_the_vocabulary_fields() -> None:
    """The agency schema lists an agreement's fields in the order the importer writes them."""
    agreement = load_schema(SCHEMAS, "agencies")["$defs"]["agreement"]["properties"]
    assert tuple(agreement) == RECORD_KEYS


@pytest.mark.parametrize("name", sorted(p.name for p in SCHEMAS.glob("*.schema.json")))
def test_schemas_are_valid_json_schema(name: str) -> None:
    """Every schema, with its references bundled, is a valid JSON Schema 2020-12."""
    Draft202012Validator.check_schema(load_schema(SCHEMAS, name.removesuffix(".schema.json")))


@pytest.mark.parametrize("path", sorted((SCHEMAS / "examples").glob("*.yml")), ids=lambda p: p.name)
def test_commented_examples_are_valid(path: Path) -> None:
    """Each schema's commented example follows its schema."""
    data = load_yaml(path)
    name = path.name.split(".")[0]
    if name == "template" and data.get("kind") == "overview":
        name = "overview"
    assert validate(data, SCHEMAS, name, path.name) == []


def test_shipped_data_is_valid() -> None:
    """The shipped data passes the whole check (every file, every rule)."""
    assert len(load_site(DATA).files) > 60


_ODD = st.sampled_from(
    [None, True, 0, -1, 3, "", " ", "x", "TX", "tx", "jem", "JEM", "county", "2025-02-30",
     "2024-02-29", "2026-05-18", "https://x.org/a", "https://x.org/a b", "a@b.org", "A B",
     "participating", "pending", "am", [], {}, ["x"], {"x": 1}]
)  # fmt: skip


def _paths(node: Any, at: tuple = ()) -> list[tuple]:
    """Every path into a data tree."""
    out = [at]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*at, key))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):
            out += _paths(value, (*at, index))
    return out


def _mutate(data: Any, path: tuple, action: str, value: Any) -> Any:
    """A copy of data with one change at path: delete it, replace it, or add a key beside it."""
    data = copy.deepcopy(data)
    if not path:
        return value if action == "replace" else data
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = value
    elif isinstance(parent, dict):
        parent[f"{last}x"] = value
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(SEEDS)), st.data())
def test_fast_and_full_validators_agree(name: str, draw) -> None:
    """On mutations of the shipped data, the compiled validator accepts exactly what
    jsonschema (which explains every problem) accepts."""
    seed = draw.draw(st.sampled_from(SEEDS[name]))
    changed = seed
    for _ in range(draw.draw(st.integers(1, 3))):
        path = draw.draw(st.sampled_from(_paths(changed)))
        action = draw.draw(st.sampled_from(["delete", "replace", "add"]))
        changed = _mutate(changed, path, action, draw.draw(_ODD))
    fast = certainly_valid(changed, SCHEMAS, name)
    assert fast == (full_errors(changed, SCHEMAS, name) == []), json.dumps(changed)[:300]
