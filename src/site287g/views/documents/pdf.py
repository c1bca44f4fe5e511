"""Write templates and the one-page overview as PDF (fpdf2), byte-identical for identical input.

The text is set in embedded, subset TrueType fonts (``site287g.data.printable``: PT Serif,
with Noto fallbacks for symbols and emoji), so any character the data check accepts prints.
A character no font has raises ``UnprintableText`` naming the template and the field: the
data check refuses such text first, so this only guards against a gap between the two.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fontTools.ttLib import TTFont
from fpdf import FPDF

from ...data.printable import (
    FALLBACKS,
    MAIN,
    MAIN_FAMILY,
    UnprintableText,
    fallbacks_for,
    refuse,
    unprintable,
)
from ...data.text import strings
from .model import heading_text, segments, template_preview

FIXED_DATE = datetime(2025, 1, 1, tzinfo=UTC)
FONT = MAIN_FAMILY
BODY = 10.5  # points; PT Serif reads larger than Times at the same size
HIGHLIGHT = (1, 0.92, 0.23)  # yellow
_NEXT = {"new_x": "LMARGIN", "new_y": "NEXT"}
_VARIATION_TABLES = ("fvar", "gvar", "avar", "cvar", "HVAR", "MVAR", "VVAR", "STAT")
_WHY = "cannot be printed in the PDF: no embedded font has it"

__all__ = ["UnprintableText", "render_overview_pdf", "render_pdf"]


class _Missing(Exception):
    """Raised while drawing; turned into UnprintableText with the template and field."""

    def __init__(self, char: str) -> None:
        self.char = char


class _Doc(FPDF):
    footer_text = ""

    def normalize_text(self, text: str) -> str:
        """Refuse a character no font can draw (fpdf2 would print an empty box and warn)."""
        bad = unprintable(text)
        if bad:
            raise _Missing(bad[0])
        return super().normalize_text(text)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.cell(0, 4, self.footer_text)
        self.cell(0, 4, f"Page {self.page_no()}", align="R")


def _default_instance(font: TTFont) -> None:
    """Drop a variable font's variation tables, keeping the default (regular) outlines that
    viewers draw anyway: otherwise the subset embeds them, and subsetting them takes seconds."""
    for tag in _VARIATION_TABLES:
        if tag in font:
            del font[tag]


def _new(data: dict, title: str, footer: str) -> _Doc:
    pdf = _Doc(format="letter")
    for face in MAIN:
        pdf.add_font(face.family, face.style, face.path)
    # Only the fallback fonts this document needs: each added font is embedded, used or not.
    families = fallbacks_for("".join(text for _, text in strings(data)))
    for face in FALLBACKS:
        if face.family in families:
            pdf.add_font(face.family, face.style, face.path)
            _default_instance(pdf.fonts[face.family.lower() + face.style].ttfont)
    pdf.set_fallback_fonts(families, exact_match=False)
    pdf.footer_text = footer
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(title)
    pdf.set_author("site287g")
    pdf.set_creator("site287g (fpdf2)")
    pdf.set_producer("fpdf2")
    pdf.set_margins(22, 18, 22)
    # No cell padding: write() pads each run of text without moving x, which put a gap
    # after every highlighted field and the highlight one padding left of its text.
    pdf.c_margin = 0
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    return pdf


def _write(pdf: FPDF, segs: list[dict], h: float, style: str = "") -> None:
    """Write inline text; fill-in fields are bold and carry a yellow highlight annotation."""
    for seg in segs:
        text = seg["text"]
        if seg["field"]:
            # A filled cell exactly as wide as the field (printed highlight), plus a highlight
            # annotation naming the field for on-screen readers.
            pdf.set_font(style="B" if "I" not in style else "BI")
            width = pdf.get_string_width(text)
            if pdf.get_x() + width > pdf.w - pdf.r_margin:
                pdf.ln(h)
            pdf.set_fill_color(*(round(c * 255) for c in HIGHLIGHT))
            with pdf.highlight(
                f"Fill in: {seg['name']}", color=HIGHLIGHT, modification_time=FIXED_DATE
            ):
                pdf.cell(width, h, text, fill=True)
            pdf.set_font(style=style)
        else:
            pdf.write(h, text)


def _hanging(pdf: FPDF, marker: str, indent: float, segs: list[dict], h: float) -> None:
    """A list item: marker at the current margin, text indented under itself."""
    left = pdf.l_margin
    pdf.set_x(left + indent - 6)
    if marker == "box":
        pdf.rect(pdf.get_x(), pdf.get_y() + 0.8, 3.2, 3.2)
    else:
        pdf.write(h, marker)
    pdf.set_left_margin(left + indent)
    pdf.set_x(left + indent)
    _write(pdf, segs, h)
    pdf.set_left_margin(left)
    pdf.ln(h)


def render_pdf(data: dict) -> bytes:
    """Return the PDF bytes of a MOA or letter template."""
    try:
        return bytes(_template(data).output())
    except _Missing as exc:
        raise refuse(data, exc.char, _WHY) from None


def _template(data: dict) -> FPDF:
    pdf = _new(data, data.get("name", data["title"]), data.get("revision", ""))
    h = 5.0
    for block in template_preview(data):
        kind = block["type"]
        if kind == "title":
            pdf.set_font(FONT, "B", BODY + 3)
            pdf.multi_cell(0, 7, block["segments"][0]["text"], align="C", **_NEXT)
        elif kind == "subtitle":
            pdf.set_font(FONT, "B", BODY + 1)
            pdf.multi_cell(0, 6, block["segments"][0]["text"], align="C", **_NEXT)
            pdf.ln(2)
        elif kind == "note":
            pdf.set_font(FONT, "I", BODY - 2)
            _write(pdf, block["segments"], 4.2, "I")
            pdf.ln(7)
        elif kind == "heading":
            size = BODY + 1 if block["level"] == 1 else BODY
            if block["label"] and pdf.get_y() > pdf.t_margin + 1:
                pdf.add_page()  # appendices start on a new page, as in ICE's agreements
            pdf.set_font(FONT, "B", size)
            pdf.ln(2)
            if block["label"]:
                pdf.multi_cell(0, 6, heading_text(block), align="C", **_NEXT)
                pdf.set_x(pdf.l_margin)
                _write(pdf, block["segments"], 6, "B")
            else:
                number = f"{block['number']}. " if block["number"] else ""
                _write(pdf, [{"text": number, "field": False}, *block["segments"]], 6, "B")
            pdf.ln(7)
        elif kind == "spacer":
            pdf.ln(4)
        elif kind == "paragraph":
            _paragraph(pdf, block, h)
        elif kind == "signatures":
            _signatures(pdf, block, h)
    return pdf


def _paragraph(pdf: FPDF, block: dict, h: float) -> None:
    pdf.set_font(FONT, "", BODY)
    kind, segs = block["kind"], block["segments"]
    if kind == "bullet":
        _hanging(pdf, "\u2022", 8, segs, h)
    elif kind == "subbullet":
        _hanging(pdf, "o", 16, segs, h)
    elif kind == "checkbox":
        _hanging(pdf, "box", 8, segs, h)
    elif block["number"]:
        _hanging(pdf, f"{block['number']}.", 8, segs, h)
    else:
        _write(pdf, segs, h)
        pdf.ln(h)
    if kind != "line":
        pdf.ln(2.5)


def _signatures(pdf: FPDF, block: dict, h: float) -> None:
    pdf.ln(4)
    lines = max(len(p["lines"]) for p in block["parties"])
    need = (h + 3) + (lines - 1) * (h + 1.5) + h  # party line, gaps, last line
    if pdf.get_y() + need > pdf.h - pdf.b_margin:
        pdf.add_page()  # keep a signature block on one page
    left, top = pdf.l_margin, pdf.get_y()
    width = (pdf.w - pdf.l_margin - pdf.r_margin) / len(block["parties"])
    bottom = top
    for i, party in enumerate(block["parties"]):
        pdf.set_left_margin(left + i * width)
        pdf.set_right_margin(pdf.w - (left + (i + 1) * width) + 4)
        pdf.set_xy(left + i * width, top)
        pdf.set_font(FONT, "B", BODY)
        pdf.write(h, party["party"])
        pdf.ln(h + 3)
        pdf.set_font(FONT, "", BODY)
        for line in party["lines"]:
            _write(pdf, line, h)
            pdf.ln(h + 1.5)
        bottom = max(bottom, pdf.get_y())
    pdf.set_left_margin(left)
    pdf.set_right_margin(left)
    pdf.set_xy(left, bottom)


def render_overview_pdf(data: dict) -> bytes:
    """One-page overview from a plain dict: {title, intro, authorities[], models[{name,
    summary}], training[], signup_steps[], contact_email, note?, source?}.  The font shrinks
    until everything fits on one page."""
    for size in (11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0):
        try:
            pdf = _overview(data, size)
            if pdf.pages_count == 1:
                return bytes(pdf.output())
        except _Missing as exc:
            raise refuse(data, exc.char, _WHY) from None
    raise ValueError("overview does not fit on one page even at 8 pt; shorten its text")


def _overview(data: dict, size: float) -> FPDF:
    pdf = _new(data, data["title"], data.get("source", ""))
    pdf.set_auto_page_break(True, margin=14)
    h = size * 0.45

    def heading(text: str) -> None:
        pdf.ln(h * 0.6)
        pdf.set_font(FONT, "B", size + 1.5)
        pdf.multi_cell(0, h * 1.2, text, **_NEXT)
        pdf.ln(h * 0.2)

    def para(text: str, style: str = "") -> None:
        pdf.set_font(FONT, style, size)
        pdf.multi_cell(0, h, text, align="L", **_NEXT)
        pdf.ln(h * 0.3)

    def item(marker: str, text: str, bold: str = "") -> None:
        pdf.set_font(FONT, "", size)
        segs = ([{"text": bold, "field": False}] if bold else []) + segments(text)
        left = pdf.l_margin
        pdf.set_x(left + 1)
        pdf.write(h, marker)
        pdf.set_left_margin(left + 6)
        pdf.set_x(left + 6)
        for seg in segs:
            pdf.set_font(style="B" if seg is segs[0] and bold else "")
            pdf.write(h, seg["text"])
        pdf.set_left_margin(left)
        pdf.ln(h * 1.25)

    pdf.set_font(FONT, "B", size + 6)
    pdf.multi_cell(0, h * 1.6, data["title"], align="C", **_NEXT)
    pdf.ln(h * 0.4)
    para(data["intro"])
    if data.get("authorities"):
        heading(data.get("authorities_heading", "What the program allows"))
        for text in data["authorities"]:
            item("\u2022", text)
    heading(data.get("models_heading", "The three models"))
    for model in data["models"]:
        item("\u2022", " " + model["summary"], bold=model["name"] + ".")
    if data.get("training"):
        heading(data.get("training_heading", "Training"))
        for text in data["training"]:
            item("\u2022", text)
    heading(data.get("signup_heading", "How to sign up"))
    for i, text in enumerate(data["signup_steps"], 1):
        item(f"{i}.", text)
    pdf.ln(h * 0.5)
    para(f"Questions: {data['contact_email']}", "B")
    if data.get("note"):
        para(data["note"], "I")
    return pdf
