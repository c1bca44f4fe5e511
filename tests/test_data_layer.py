"""The data layer on its own: strict YAML reading, plain Python, no MkDocs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from site287g.data.errors import DataErrors
from site287g.data.yamlfile import parse_text


def test_data_layer_does_not_import_mkdocs() -> None:
    """Loading and validating the data works without MkDocs (a future move stays possible)."""
    code = (
        "import sys; from site287g.data import load_site; load_site('data'); "
        "sys.exit(1 if any(m.split('.')[0] == 'mkdocs' for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_dates_and_yes_no_stay_text() -> None:
    """`2026-05-18`, `no` and `on` are kept as typed, not turned into dates or booleans."""
    data = parse_text("as_of: 2026-05-18\nstate: NO\nflag: on\nok: true\n", "data/x.yml")
    assert data == {"as_of": "2026-05-18", "state": "NO", "flag": "on", "ok": True}


def test_lines_are_remembered() -> None:
    """Mappings and lists remember the lines of their keys and items."""
    data = parse_text("a: 1\nitems:\n  - x\n  - y\n", "data/x.yml")
    assert data.key_lines == {"a": 1, "items": 2}
    assert data["items"].item_lines == [3, 4]


def test_byte_order_mark_is_accepted() -> None:
    """A UTF-8 file saved with a byte order mark reads like one without."""
    assert parse_text("\ufeffa: 1\n".encode().decode("utf-8-sig"), "data/x.yml") == {"a": 1}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\n<<: {b: 2}\n", "merge keys (<<) are not allowed"),
        ("? [1, 2]\n: x\n", "a key must be text"),
        ("a: 1\n---\nb: 2\n", "YAML syntax error"),
    ],
)
def test_other_refusals(text: str, message: str) -> None:
    """Merge keys, non-text keys and several documents in one file are refused."""
    with pytest.raises(DataErrors) as caught:
        parse_text(text, "data/x.yml")
    assert message in str(caught.value)
