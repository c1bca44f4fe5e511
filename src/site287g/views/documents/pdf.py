"""Write templates and the one-page overview as PDF (fpdf2), byte-identical for identical input.

fpdf2's core fonts cover only one 8-bit code page; with ``core_fonts_encoding = "cp1252"`` the
text keeps curly quotes, section signs, bullets and dashes (checked by extracting the text again
with pypdf in the tests).  A character outside cp1252 raises ``UnprintableText``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fpdf import FPDF

from .model import heading_text, segments, template_preview

FIXED_DATE = datetime(2025, 1, 1, tzinfo=UTC)
FONT = "Times"
HIGHLIGHT = (1, 0.92, 0.23)  # yellow
_NEXT = {"new_x": "LMARGIN", "new_y": "NEXT"}


class UnprintableText(ValueError):
    """Text holds a character the PDF core fonts cannot print."""


class _Doc(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.cell(0, 4, self.footer_text)
        self.cell(0, 4, f"Page {self.page_no()}", align="R")


def _new(title: str, footer: str) -> _Doc:
    pdf = _Doc(format="letter")
    pdf.core_fonts_encoding = "cp1252"
    pdf.footer_text = footer
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(title)
    pdf.set_author("site287g")
    pdf.set_creator("site287g (fpdf2)")
    pdf.set_producer("fpdf2")
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    return pdf


def _check(text: str) -> str:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError as exc:
        bad = text[exc.start]
        raise UnprintableText(
            f"character {bad!r} (U+{ord(bad):04X}) in {text[:60]!r} cannot be printed in the PDF"
        ) from None
    return text


def _write(pdf: FPDF, segs: list[dict], h: float, style: str = "") -> None:
    """Write inline text; fill-in fields are bold and carry a yellow highlight annotation."""
    for seg in segs:
        text = _check(seg["text"])
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
        pdf.write(h, _check(marker))
    pdf.set_left_margin(left + indent)
    pdf.set_x(left + indent)
    _write(pdf, segs, h)
    pdf.set_left_margin(left)
    pdf.ln(h)


def render_pdf(data: dict) -> bytes:
    """Return the PDF bytes of a MOA or letter template."""
    pdf = _new(data.get("name", data["title"]), data.get("revision", ""))
    h = 5.0
    for block in template_preview(data):
        kind = block["type"]
        if kind == "title":
            pdf.set_font(FONT, "B", 14)
            pdf.multi_cell(0, 7, _check(block["segments"][0]["text"]), align="C", **_NEXT)
        elif kind == "subtitle":
            pdf.set_font(FONT, "B", 12)
            pdf.multi_cell(0, 6, _check(block["segments"][0]["text"]), align="C", **_NEXT)
            pdf.ln(2)
        elif kind == "note":
            pdf.set_font(FONT, "I", 9)
            _write(pdf, block["segments"], 4.2, "I")
            pdf.ln(7)
        elif kind == "heading":
            size = 12 if block["level"] == 1 else 11
            if block["label"] and pdf.get_y() > pdf.t_margin + 1:
                pdf.add_page()  # appendices start on a new page, as in ICE's agreements
            pdf.set_font(FONT, "B", size)
            pdf.ln(2)
            if block["label"]:
                pdf.multi_cell(0, 6, _check(heading_text(block)), align="C", **_NEXT)
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
    return bytes(pdf.output())


def _paragraph(pdf: FPDF, block: dict, h: float) -> None:
    pdf.set_font(FONT, "", 11)
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
        pdf.set_font(FONT, "B", 11)
        pdf.write(h, _check(party["party"]))
        pdf.ln(h + 3)
        pdf.set_font(FONT, "", 11)
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
        pdf = _overview(data, size)
        if pdf.pages_count == 1:
            return bytes(pdf.output())
    raise ValueError("overview does not fit on one page even at 8 pt; shorten its text")


def _overview(data: dict, size: float) -> FPDF:
    pdf = _new(data["title"], data.get("source", ""))
    pdf.set_auto_page_break(True, margin=14)
    h = size * 0.45

    def heading(text: str) -> None:
        pdf.ln(h * 0.6)
        pdf.set_font(FONT, "B", size + 1.5)
        pdf.multi_cell(0, h * 1.2, _check(text), **_NEXT)
        pdf.ln(h * 0.2)

    def para(text: str, style: str = "") -> None:
        pdf.set_font(FONT, style, size)
        pdf.multi_cell(0, h, _check(text), align="L", **_NEXT)
        pdf.ln(h * 0.3)

    def item(marker: str, text: str, bold: str = "") -> None:
        pdf.set_font(FONT, "", size)
        segs = ([{"text": bold, "field": False}] if bold else []) + segments(text)
        left = pdf.l_margin
        pdf.set_x(left + 1)
        pdf.write(h, _check(marker))
        pdf.set_left_margin(left + 6)
        pdf.set_x(left + 6)
        for seg in segs:
            pdf.set_font(style="B" if seg is segs[0] and bold else "")
            pdf.write(h, _check(seg["text"]))
        pdf.set_left_margin(left)
        pdf.ln(h * 1.25)

    pdf.set_font(FONT, "B", size + 6)
    pdf.multi_cell(0, h * 1.6, _check(data["title"]), align="C", **_NEXT)
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
