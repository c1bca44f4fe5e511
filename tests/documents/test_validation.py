"""A bad template gives errors that name the file, the line and the field."""

from __future__ import annotations

import textwrap

import pytest

from site287g.views.documents.build import build_all, load_templates
from site287g.views.documents.model import (
    Template,
    TemplateErrors,
    list_fields,
    load_template,
    template_preview,
    validate,
)

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


def write(tmp_path, text, name="bad.yml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_template(path, f"data/templates/{name}")


def messages(template):
    return [str(e) for e in validate(template)]


def test_good_template_is_clean(tmp_path):
    assert messages(write(tmp_path, GOOD)) == []


def test_unknown_field(tmp_path):
    bad = GOOD.replace(
        "binds [LAW ENFORCEMENT AGENCY].", "binds [LAW ENFORCEMENT AGENCY] and [SHERIF]."
    )
    assert messages(write(tmp_path, bad)) == [
        "data/templates/bad.yml:14: sections.0.paragraphs.0: fill-in field [SHERIF] is used "
        "but not declared under fields:; did you mean [LAW ENFORCEMENT AGENCY]?"
    ]


def test_declared_field_never_used(tmp_path):
    bad = GOOD.replace("binds [LAW ENFORCEMENT AGENCY].", "binds the agency.")
    assert messages(write(tmp_path, bad)) == [
        "data/templates/bad.yml:6: fields.0.name: field [LAW ENFORCEMENT AGENCY] is declared "
        "but never used in the text"
    ]


def test_empty_section(tmp_path):
    bad = GOOD + "  - id: purpose\n    number: II\n    heading: PURPOSE\n"
    assert messages(write(tmp_path, bad)) == [
        "data/templates/bad.yml:15: sections.1: section is empty: give it paragraphs or subsections"
    ]


def test_duplicate_paragraph_number(tmp_path):
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
    assert messages(write(tmp_path, bad)) == [
        "data/templates/bad.yml:21: sections.1.paragraphs.2.number: paragraph number 'A' "
        "repeats paragraph 1 of this list"
    ]


def test_schema_error_names_line(tmp_path):
    bad = GOOD.replace("    heading: PARTIES\n", "    heading: PARTIES\n    headline: oops\n")
    errors = messages(write(tmp_path, bad))
    assert errors == [
        "data/templates/bad.yml:13: sections.0.headline: unknown key 'headline'; did you mean "
        "'heading'? allowed: heading, id, note, number, paragraphs, subsections"
    ]


def test_errors_from_several_files_are_collected(tmp_path):
    (tmp_path / "a.yml").write_text(GOOD.replace("[LAW ENFORCEMENT AGENCY].", "[X1]."))
    (tmp_path / "b.yml").write_text(GOOD + "  - id: empty\n")
    with pytest.raises(TemplateErrors) as info:
        load_templates(tmp_path)
    text = str(info.value)
    assert "a.yml:14:" in text and "b.yml:15:" in text


def test_build_all_refuses_bad_templates(tmp_path):
    with pytest.raises(TemplateErrors, match="section is empty"):
        build_all(
            {"x": {**load_template_dict(GOOD, tmp_path), "sections": [{"id": "a"}]}},
            tmp_path,
            {},
        )
    assert not list(tmp_path.glob("*.pdf"))


def load_template_dict(text, tmp_path):
    return write(tmp_path, text, "good.yml").data


class LineDict(dict):
    """Stand-in for the lead's site287g.data.yamlfile.LineDict."""

    def __init__(self, *args, line=0, key_lines=None):
        super().__init__(*args)
        self.line = line
        self.key_lines = key_lines or {}


class LineList(list):
    def __init__(self, items, line=0, item_lines=None):
        super().__init__(items)
        self.line = line
        self.item_lines = item_lines or []


def test_lines_from_the_data_layer_objects():
    para = LineList(["Uses [NOPE]."], line=9, item_lines=[10])
    section = LineDict(
        {"id": "a", "paragraphs": para}, line=7, key_lines={"id": 7, "paragraphs": 9}
    )
    data = LineDict(
        {
            "kind": "letter",
            "name": "n",
            "title": "t",
            "fields": LineList([], 3),
            "sections": LineList([section], 6, [7]),
        },
        line=1,
        key_lines={"kind": 1, "name": 2, "title": 3, "fields": 4, "sections": 6},
    )
    assert [str(e) for e in validate(Template(data, "data/templates/x.yml"))] == [
        "data/templates/x.yml:10: sections.0.paragraphs.0: fill-in field [NOPE] is used but "
        "not declared under fields:"
    ]


def test_line_lookup_callback():
    data = {"kind": "letter", "name": "n", "title": "t", "fields": [], "sections": [{"id": "a"}]}
    errors = validate(Template(data, "x.yml", lambda path: 40 + len(path)))
    assert [str(e) for e in errors] == [
        "x.yml:42: sections.0: section is empty: give it paragraphs or subsections"
    ]


def test_fields_and_preview(tmp_path):
    template = write(tmp_path, GOOD, "good.yml")
    assert list_fields(template.data) == [
        {"name": "LAW ENFORCEMENT AGENCY", "label": "Agency", "description": "The agency."}
    ]
    blocks = template_preview(template.data)
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


def test_schema_examples():
    from .conftest import ROOT

    example = load_template(ROOT / "data" / "schema" / "examples" / "template.example.yml")
    assert validate(example) == []


def test_yaml_syntax_error_names_line(tmp_path):
    path = tmp_path / "broken.yml"
    path.write_text("kind: letter\nname: [unclosed\ntitle: x\n", encoding="utf-8")
    with pytest.raises(TemplateErrors) as info:
        load_template(path, "data/templates/broken.yml")
    assert str(info.value).startswith("data/templates/broken.yml:3: (file): YAML:")
