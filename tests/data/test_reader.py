"""Reading one data file: strict YAML with lines, the JSON fast path, and editor's words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site287g.data.errors import DataErrors
from site287g.data.store import document, render
from site287g.data.yamlfile import load_data, parse_json, parse_text


def _message(text: str) -> str:
    """The one message the strict reader gives for ``text``."""
    with pytest.raises(DataErrors) as caught:
        parse_text(text, "data/x.yml")
    (error,) = caught.value.errors
    return str(error)


def test_data_layer_does_not_import_mkdocs() -> None:
    """Loading and validating the data works without MkDocs (a future move stays possible)."""
    code = (
        "import sys; from site287g.data import load_site; load_site('data'); "
        "sys.exit(1 if any(m.split('.')[0] == 'mkdocs' for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0


def test_dates_and_yes_no_stay_text() -> None:
    """`2026-05-18`, `no` and `on` are kept as typed, not turned into dates or booleans."""
    data = parse_text("as_of: 2026-05-18\nstate: NO\nflag: on\nok: true\n", "data/x.yml")
    assert data == {"as_of": "2026-05-18", "state": "NO", "flag": "on", "ok": True}


def test_lines_are_remembered() -> None:
    """Mappings and lists remember the lines of their keys and items."""
    data = parse_text("a: 1\nitems:\n  - x\n  - y\n", "data/x.yml")
    assert data.key_lines == {"a": 1, "items": 2}
    assert data["items"].item_lines == [3, 4]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """A file saved with a UTF-8 byte order mark reads like one without (YAML and JSON)."""
    (tmp_path / "a.yml").write_bytes(b"\xef\xbb\xbfa: 1\n")
    (tmp_path / "b.yml").write_bytes(b'\xef\xbb\xbf# comment\n{"a": 1}\n')
    assert load_data(tmp_path / "a.yml") == {"a": 1}
    assert load_data(tmp_path / "b.yml") == {"a": 1}


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    """Text saved in another encoding is refused with its line and what to do."""
    (tmp_path / "x.yml").write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(DataErrors, match=r"x.yml:2: the file is not UTF-8 text \(byte 0xE9\)"):
        load_data(tmp_path / "x.yml", "x.yml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\n<<: {b: 2}\n", "data/x.yml:2: <<: merge keys (<<) are not allowed"),
        ("? [1, 2]\n: x\n", "a key must be text"),
        ("a: 1\n---\nb: 2\n", "data/x.yml:2: a line '---' starts a second document"),
        ("question: What: is this\n", "data/x.yml:1: a colon followed by a space (': ') inside"),
        ("question: *bold* text\n", "text that starts with '*' reads as a YAML alias"),
        ("question: @name\n", "text cannot start with '@' or '`'; put the whole text in"),
        ('a: 1\nquestion: "unclosed\nb: 2\n', 'data/x.yml:2: a double quote (") opened on'),
        ("a:\n  b: 1\n c: 2\n", "data/x.yml:3: the indentation of this line does not match"),
        ("a: [1, 2\nb: 3\n", "a list written in [brackets] is not closed"),
        ("a: ok\nb: x\x00y\n", "data/x.yml:2: an invisible control character (U+0000)"),
        ("a: !important\n", "text that starts with '!' must be put in double quotes"),
        ("a: &x 1\nb: *x\n", "anchors and aliases (&name / *name) are not allowed"),
        ("a: 1\na: 2\n", "data/x.yml:2: a: duplicate key; 'a' is already set on line 1"),
        ("\t- a\n", "data/x.yml:1: indentation uses a tab; indent with spaces only"),
        ("# only a comment\n", "data/x.yml:1: the file is empty; it must hold data"),
    ],
)
def test_mistakes_get_plain_words(text: str, expected: str) -> None:
    """Each YAML mistake an editor makes is named with its line, in words, without jargon."""
    message = _message(text)
    assert expected in message
    for jargon in ("mapping", "scalar", "token", "alias node", "#x0", "stream", "Errno"):
        assert jargon not in message, message


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12
) | st.sampled_from(["\x85", "a\u2028b", "x\x00", 'q"uo\\te', "é", "\ufeff", "#", ": x"])
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_TEXT, _VALUES, max_size=5), st.integers(0, 4))
def test_fast_path_reads_what_yaml_reads(value: dict, expand: int) -> None:
    """Whatever the writer writes, json (fast) and the strict YAML loader read the same data."""
    text = document("schema.json", value, expand=expand)
    fast = parse_json(text)
    assert fast is not None
    assert fast == parse_text(text, "data/x.yml") == value


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1.5}\n',  # floats: YAML 1.1 and JSON disagree on some forms
        '{"a": 1, "a": 2}\n',  # a repeated key: the strict loader names it
        '{"a": 1}  # note\n',  # a comment after the data
        '{"a": NaN}\n',
        'a: {"b": 1}\n',
    ],
)
def test_fast_path_leaves_the_rest_to_yaml(text: str) -> None:
    """Text JSON and YAML might read differently is not read by the fast path."""
    assert parse_json(text) is None


def test_records_are_one_per_line() -> None:
    """Lists of records are written one record per line, so a change is a one-line diff."""
    text = render({"list": "x", "agreements": [{"id": "a", "n": 1}, {"id": "b", "n": 2}]}, 2)
    assert text.splitlines() == [
        "{",
        '  "list": "x",',
        '  "agreements": [',
        '    {"id": "a", "n": 1},',
        '    {"id": "b", "n": 2}',
        "  ]",
        "}",
    ]
