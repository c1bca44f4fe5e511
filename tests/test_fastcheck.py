"""The fast schema check (fastjsonschema) never accepts data that jsonschema rejects."""

from __future__ import annotations

import copy
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from site287g.data.schema import _Validator, certainly_valid, load_schema

from .conftest import ROOT

SCHEMAS = ROOT / "data" / "schema"
RECORD = {
    "id": "tx-alice-police-department-tfm",
    "state": "TX",
    "agency": "Alice Police Department",
    "type": "municipality",
    "county": "Jim Wells County",
    "model": "tfm",
    "signed": "2025-12-17",
    "moa": "https://www.ice.gov/doclib/287gMOA/AlicePDTX_TFM_MOA_12172025.pdf",
    "addendum": None,
    "flags": [{"field": "county", "raw": "#N/A", "problem": "placeholder, no county given"}],
}
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=12),
    st.sampled_from(["TX", "tx", "jem", "JEM", "county", "2025-13-45", "2025-01-01", " x ",
                     "https://x.org/a b", "https://x.org/a", "pending", "participating"]),
    st.lists(st.text(max_size=3), max_size=2),
)  # fmt: skip
FIELDS = st.sampled_from([*RECORD, "extra", "moa_pending"])


def _document(mutations: list[tuple[str, object]], drop: str | None, kind: str) -> dict:
    record = copy.deepcopy(RECORD)
    for key, value in mutations:
        record[key] = value
    if drop:
        record.pop(drop, None)
    if kind == "pending":
        record.pop("signed", None)
    return {"list": kind, "state": "TX", "agreements": [record]}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(FIELDS, VALUES), max_size=3),
    st.one_of(st.none(), FIELDS),
    st.sampled_from(["participating", "pending", "other"]),
)
def test_fast_check_agrees_with_jsonschema(mutations, drop, kind) -> None:
    """Whenever the fast check says valid, jsonschema finds no problem."""
    doc = _document(mutations, drop, kind)
    if certainly_valid(doc, SCHEMAS, "agencies"):
        assert list(_Validator(load_schema(SCHEMAS, "agencies")).iter_errors(doc)) == []


def test_fast_check_accepts_the_shipped_data() -> None:
    """Every shipped agency file passes the fast check (so builds skip jsonschema)."""
    import yaml

    for path in sorted((ROOT / "data" / "agencies").glob("*/*.yml")):
        assert certainly_valid(
            yaml.safe_load(path.read_text(encoding="utf-8")), SCHEMAS, "agencies"
        ), path


def test_repeated_ids_are_not_certainly_valid() -> None:
    """Two agreements with one id pass the compiled schema but not the uniqueness rule."""
    doc = _document([], None, "participating")
    doc["agreements"].append(copy.deepcopy(doc["agreements"][0]))
    assert not certainly_valid(doc, SCHEMAS, "agencies")


def test_valid_record_is_accepted(tmp_path: Path) -> None:
    assert certainly_valid(_document([], None, "participating"), SCHEMAS, "agencies")
