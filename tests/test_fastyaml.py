"""The fast YAML reader gives the strict loader's result, or gives up."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from site287g.data import fastyaml
from site287g.data.yamlfile import StrictLoader, parse_text

from .conftest import ROOT

RESOLVERS = StrictLoader.yaml_implicit_resolvers


def same_or_none(text: str) -> object:
    """Assert fastyaml agrees with the strict loader (or gives up); return its result."""
    quick = fastyaml.parse(text, RESOLVERS)
    if quick is not None:
        assert quick == parse_text(text, "x.yml"), text
    return quick


@pytest.mark.parametrize("path", sorted(ROOT.glob("data/**/*.yml")), ids=str)
def test_shipped_files(path) -> None:
    same_or_none(path.read_text(encoding="utf-8-sig"))


def test_agency_files_take_the_fast_path() -> None:
    """Nearly every agency file is read fast (a raw value with a line break is not)."""
    files = sorted(ROOT.glob("data/agencies/participating/*.yml"))
    fast = [p for p in files if same_or_none(p.read_text(encoding="utf-8")) is not None]
    assert len(fast) >= len(files) - 2


TRICKY = [
    "a: 'x'' y'",
    "a: {b: 'c, d', e: f}",
    "a: {b: Sheriff's Office, c: 'Constable''s Office, Cooke'}",
    "a: 012",
    "a: 1.5",
    "a: 1843",
    "a: yes",
    "a: &x 1\nb: *x",
    "a: b #c",
    "- a\n- b",
    "a:\n  b: c\n   d: e",
    "a: b\n  c",
    "a: [x, 'y, z']",
    'a: "x\\ty"',
    "a: ~",
    "a: null",
    "a: true",
    "a: -1",
    "a: b: c",
    "a: https://x.org/a#b",
    "a:\n- b: 1\n  c:\n  - d\n- e",
    "a: b\na: c",
    "a: {b: [c, d], e: []}",
    "a: {}",
    "a: '2025-01-01'",
    "a: 2025-01-01",
    "a: []",
    "a:",
    "a: 'x\n  y'",
    "? a\n: b",
    "a: !!str 1",
    "a: |\n  x",
    "a: b,c",
    "a: <<",
    "a: {b: c}}",
    "a: [b, c",
    "true: x",
    "a: {null: b}",
    "Null: 1",
    "_: '\x85  '",  # NEL is a line break to PyYAML: the quoted text folds to " "
    "a: x\u2028y",
    "a: 'x\u2029y'",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_yaml(text: str) -> None:
    try:
        parse_text(text, "x.yml")
    except Exception:
        assert fastyaml.parse(text, RESOLVERS) is None  # the strict loader refuses: so do we
        return
    same_or_none(text)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=10**6),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20),
    st.sampled_from(["#N/A", "a: b", "it's", "x, y", "[x]", "{y}", "- z", "  pad  ", "~"]),
)
DOCS = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True), children, max_size=4
        )
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True), DOCS, min_size=1),
       st.sampled_from([False, None]))  # fmt: skip
def test_dumped_yaml(doc, flow) -> None:
    """Whatever PyYAML writes, block or mixed style: same value or a refusal."""
    try:
        text = yaml.safe_dump(doc, default_flow_style=flow, allow_unicode=True, width=10_000)
        parse_text(text, "x.yml")
    except Exception:
        return
    same_or_none(text)
