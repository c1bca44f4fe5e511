"""A bad template gives messages that name the file, the line and the field (lists from 1)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site287g.data import DataErrors, load_site
from site287g.views.documents.model import template_preview

ROOT = Path(__file__).resolve().parents[2]
GOOD = """\
kind: moa
model: jem
name: Test agreement
title: MEMORANDUM OF AGREEMENT
fields:
  - name: LAW ENFORCEMENT AGENCY
    label: Agency
    description: The agency.
sections:
  - id: parties
    number: I
    heading: PARTIES
    paragraphs:
      - This agreement binds [LAW ENFORCEMENT AGENCY].
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the shipped data/ to add templates to."""
    shutil.copytree(ROOT / "data", tmp_path / "data", symlinks=True)
    return tmp_path / "data"


def messages(data: Path, **templates: str) -> list[str]:
    """What the data check says once the given templates are added."""
    for name, text in templates.items():
        (data / "templates" / f"{name}.yml").write_text(text, encoding="utf-8")
    try:
        load_site(data)
    except DataErrors as exc:
        return [str(e) for e in exc.errors]
    return []


def test_good_template_is_clean(data: Path) -> None:
    assert messages(data, bad=GOOD) == []


def test_undeclared_field(data: Path) -> None:
    bad = GOOD.replace("[LAW ENFORCEMENT AGENCY].", "[LAW ENFORCEMENT AGENCY] and [SHERIF].")
    assert messages(data, bad=bad) == [
        "data/templates/bad.yml:14: sections[1].paragraphs[1]: fill-in field [SHERIF] is used "
        "but not declared under fields; did you mean [LAW ENFORCEMENT AGENCY]?"
    ]


def test_declared_field_never_used(data: Path) -> None:
    bad = GOOD.replace("binds [LAW ENFORCEMENT AGENCY].", "binds the agency.")
    assert messages(data, bad=bad) == [
        "data/templates/bad.yml:6: fields[1].name: field [LAW ENFORCEMENT AGENCY] is declared "
        "but never used in the text"
    ]


def test_empty_section(data: Path) -> None:
    bad = GOOD + "  - id: purpose\n    number: II\n    heading: PURPOSE\n"
    assert messages(data, bad=bad) == [
        "data/templates/bad.yml:15: sections[2]: the section is empty; give it paragraphs or "
        "subsections"
    ]


def test_duplicate_paragraph_number(data: Path) -> None:
    bad = GOOD + (
        "  - id: purpose\n"
        "    number: II\n"
        "    heading: PURPOSE\n"
        "    paragraphs:\n"
        "      - {number: A, text: First.}\n"
        "      - {number: B, text: Second.}\n"
        "      - {number: A, text: Third.}\n"
        "      - An unnumbered paragraph starts a new list.\n"
        "      - {number: A, text: Fine again.}\n"
    )
    assert messages(data, bad=bad) == [
        "data/templates/bad.yml:21: sections[2].paragraphs[3].number: paragraph number 'A' "
        "repeats paragraph 1 of this list"
    ]


def test_unknown_key_names_its_line(data: Path) -> None:
    bad = GOOD.replace("    heading: PARTIES\n", "    heading: PARTIES\n    headline: oops\n")
    assert messages(data, bad=bad) == [
        "data/templates/bad.yml:13: sections[1].headline: unknown field 'headline'; did you "
        "mean 'heading'? allowed fields: heading, id, note, number, paragraphs, subsections"
    ]


def test_errors_from_several_files_are_collected(data: Path) -> None:
    found = messages(
        data, a=GOOD.replace("[LAW ENFORCEMENT AGENCY].", "[X1]."), b=GOOD + "  - id: e\n"
    )
    assert any(m.startswith("data/templates/a.yml:14:") for m in found), found
    assert any(m.startswith("data/templates/b.yml:15:") for m in found), found


def test_yaml_syntax_error_names_line(data: Path) -> None:
    (message,) = messages(data, broken="kind: letter\nname: [unclosed\ntitle: x\n")
    assert message.startswith("data/templates/broken.yml:3: a list written in [brackets]")


def test_preview_blocks() -> None:
    """A template reads as blocks: title, numbered heading, text with its fill-in fields."""
    import yaml

    blocks = template_preview(yaml.safe_load(GOOD))
    assert blocks[0] == {
        "type": "title",
        "segments": [{"text": "MEMORANDUM OF AGREEMENT", "field": False}],
    }
    assert blocks[1]["type"] == "heading" and blocks[1]["number"] == "I"
    assert blocks[2]["segments"] == [
        {"text": "This agreement binds ", "field": False},
        {"text": "[LAW ENFORCEMENT AGENCY]", "field": True, "name": "LAW ENFORCEMENT AGENCY"},
        {"text": ".", "field": False},
    ]
