"""Each DOCX opens in python-docx and holds the template's headings, wording and fields."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX

from site287g.data.templates import used_fields
from site287g.views.documents.model import heading_text, paragraph_text, template_preview

from .conftest import norm

NAMES = ("letter_of_interest", "moa_jem", "moa_tfm", "moa_wso")


def open_docx(built, name):
    return docx.Document(io.BytesIO(built[(name, "docx")].path.read_bytes()))


@pytest.mark.parametrize("name", NAMES)
def test_headings_use_word_heading_styles(built, templates, name):
    document = open_docx(built, name)
    got = [
        (p.style.name, norm(p.text.split("\n")[0]))
        for p in document.paragraphs
        if p.style.name.startswith("Heading")
    ]
    want = [
        (f"Heading {b['level']}", norm(heading_text(b)))
        for b in template_preview(templates[name])
        if b["type"] == "heading"
    ]
    assert got == want


@pytest.mark.parametrize("name", NAMES)
def test_every_paragraph_is_in_the_docx(built, templates, name):
    document = open_docx(built, name)
    text = [norm(p.text) for p in document.paragraphs]
    for block in template_preview(templates[name]):
        if block["type"] == "paragraph":
            want = norm(paragraph_text(block))
            assert any(t.endswith(want) for t in text), want[:80]


@pytest.mark.parametrize("name", NAMES)
def test_fill_in_fields_are_highlighted(built, templates, name):
    document = open_docx(built, name)
    runs = [r for p in document.paragraphs for r in p.runs]
    runs += [
        r
        for t in document.tables
        for row in t.rows
        for cell in row.cells
        for p in cell.paragraphs
        for r in p.runs
    ]
    highlighted = {r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW}
    assert highlighted == {f"[{f}]" for f in used_fields(templates[name])}
    for r in runs:
        if r.font.highlight_color != WD_COLOR_INDEX.YELLOW:
            assert "[" not in r.text or "]" not in r.text, r.text


def test_docx_metadata_is_fixed(built):
    props = open_docx(built, "moa_jem").core_properties
    assert props.created.year == 2025 and props.modified == props.created
    assert props.title.startswith("Memorandum of Agreement")


def test_signature_table(built):
    table = open_docx(built, "moa_wso").tables[0]
    cells = [norm(c.text) for c in table.rows[0].cells]
    assert cells[0].startswith("For the LEA:") and "Name: [LEA SIGNATORY NAME]" in cells[0]
    assert cells[1].startswith("For ICE:")
