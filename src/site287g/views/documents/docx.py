"""Write a template as a Word document (python-docx), byte-identical for identical input.

A DOCX holds any character XML 1.0 allows (Word picks a font for emoji and symbols itself);
the few it does not (most control characters, U+FFFE, U+FFFF, lone surrogates) raise
``UnprintableText`` naming the template and the field.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from docx import Document
from docx.enum.text import WD_BREAK, WD_COLOR_INDEX
from docx.shared import Pt

from ...data.printable import refuse, xml_incompatible
from ...data.text import strings
from .model import heading_text, template_preview

# Fixed dates keep the output reproducible; the document's date is its revision, not the build.
FIXED_DATE = datetime(2025, 1, 1, tzinfo=UTC)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
AUTHOR = "site287g"

_LIST_STYLE = {"bullet": "List Bullet", "subbullet": "List Bullet 2"}


def render_docx(data: dict) -> bytes:
    """Return the DOCX bytes of a MOA or letter template."""
    for _, text in strings(data):
        if bad := xml_incompatible(text):
            raise refuse(data, bad[0], "cannot be written to the DOCX: XML does not allow it")
    doc = Document()
    _set_properties(doc, data)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    if data.get("revision"):
        doc.sections[0].footer.paragraphs[0].text = data["revision"]
    for block in template_preview(data):
        kind = block["type"]
        if kind in ("title", "subtitle"):
            _runs(doc.add_paragraph(style=kind.capitalize()), block["segments"])
        elif kind == "note":
            para = doc.add_paragraph()
            _runs(para, block["segments"], italic=True)
        elif kind == "heading":
            para = doc.add_heading(level=block["level"])
            if block["label"]:  # APPENDIX A, then the appendix title on the next line
                para.add_run(heading_text(block))
                para.add_run().add_break(WD_BREAK.LINE)
                _runs(para, block["segments"])
            else:
                if block["number"]:
                    para.add_run(f"{block['number']}. ")
                _runs(para, block["segments"])
        elif kind == "spacer":
            doc.add_paragraph()
        elif kind == "paragraph":
            _paragraph(doc, block)
        elif kind == "signatures":
            _signatures(doc, block)
    return _normalise_zip(doc)


def _set_properties(doc, data: dict) -> None:
    props = doc.core_properties
    props.title = data.get("name", data.get("title", ""))
    props.subject = "287(g) Program"
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.comments = data.get("note", "")[:255]  # core properties allow 255 characters
    props.revision = 1
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE


def _paragraph(doc, block: dict) -> None:
    style = _LIST_STYLE.get(block["kind"])
    para = doc.add_paragraph(style=style) if style else doc.add_paragraph()
    if block["kind"] == "line":
        para.paragraph_format.space_after = Pt(0)
    if block["kind"] == "checkbox":
        para.add_run("\u2610 ")  # ballot box: tick by hand or in Word
    if block["number"]:
        para.add_run(f"{block['number']}. ")
    _runs(para, block["segments"])


def _signatures(doc, block: dict) -> None:
    table = doc.add_table(rows=1, cols=len(block["parties"]))
    for cell, party in zip(table.rows[0].cells, block["parties"], strict=True):
        cell.paragraphs[0].add_run(party["party"]).bold = True
        for line in party["lines"]:
            para = cell.add_paragraph()
            para.paragraph_format.space_before = Pt(6)
            _runs(para, line)


def _runs(para, segs: list[dict], italic: bool = False) -> None:
    """Add text runs; fill-in fields get a yellow highlight."""
    for seg in segs:
        run = para.add_run(seg["text"])
        if italic:
            run.italic = True
        if seg["field"]:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _normalise_zip(doc) -> bytes:
    """Save, then rewrite the zip with fixed entry dates so equal input gives equal bytes."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
