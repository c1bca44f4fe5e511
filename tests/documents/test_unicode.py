"""Text beyond one code page prints: accented Latin, curly quotes, §, ⚖ and emoji come out of the
PDF as they went in, and what no font can draw is named before a download is written."""

from __future__ import annotations

import copy
import io
import json
import logging
import subprocess
import sys
import unicodedata

import docx
import pypdf
import pytest

from site287g.data.printable import coverage, fallbacks_for, unprintable, xml_incompatible
from site287g.views.documents.docx import render_docx
from site287g.views.documents.pdf import UnprintableText, render_overview_pdf, render_pdf

from .conftest import norm

PLAIN = "Café Zoë, naïve Łódź, São Paulo, Straße: “curly” and ‘single’ quotes, § 1357(g) ⚖ 😀"
BOLD = "Déjà vu ⚖ § 287(g) 👍"
ITALIC = "crème brûlée “quoted” ⚖ 😀"
PRIVATE_USE = "\ue000"
UNASSIGNED = "\u0378"


def sample(templates) -> dict:
    """The letter with Unicode text in a heading (bold), the note (italic) and a paragraph."""
    data = copy.deepcopy(dict(templates["letter_of_interest"]))
    data["note"] = ITALIC
    data["sections"][0]["heading"] = BOLD
    data["sections"][0]["paragraphs"][0] = PLAIN
    return data


def pdf_text(content: bytes) -> str:
    return norm(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(content)).pages))


def embedded_fonts(content: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return {
        font.get_object()["/BaseFont"].split("+", 1)[1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }


def test_unicode_text_prints_and_reads_back(templates):
    content = render_pdf(sample(templates))
    text = pdf_text(content)
    for want in (PLAIN, BOLD, ITALIC):
        assert norm(want) in text
    assert {"NotoSansSymbols", "NotoEmoji"} <= embedded_fonts(content)


def test_plain_documents_embed_only_the_main_font(built):
    content = built[("letter_of_interest", "pdf")].path.read_bytes()
    assert {name.removeprefix("PTSerif") for name in embedded_fonts(content)} <= {
        "",
        "Bold",
        "Italic",
        "BoldItalic",
    }


def test_unicode_pdf_is_byte_identical_in_a_fresh_process(templates, tmp_path):
    first = render_pdf(sample(templates))
    assert render_pdf(sample(templates)) == first
    script = (
        "import sys, json\n"
        "from site287g.views.documents.pdf import render_pdf\n"
        "sys.stdout.buffer.write(render_pdf(json.loads(sys.stdin.read())))\n"
    )
    again = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(sample(templates)).encode(),
        capture_output=True,
        check=True,
        env={"PYTHONHASHSEED": "7", "PATH": "/usr/bin:/bin"},
    ).stdout
    assert again == first


def test_overview_with_symbols_and_emoji_is_one_page(overview):
    data = dict(overview)
    data["training"] = [*data["training"], "Court procedures ⚖ and officer safety 👮"]
    reader = pypdf.PdfReader(io.BytesIO(render_overview_pdf(data)))
    assert len(reader.pages) == 1
    assert "Court procedures ⚖ and officer safety 👮" in norm(reader.pages[0].extract_text())


def test_unprintable_names_exactly_the_uncovered_characters():
    text = f"A{PRIVATE_USE}é§⚖😀\n{UNASSIGNED}“x”{PRIVATE_USE}\t"
    assert unprintable(text) == [PRIVATE_USE, UNASSIGNED, "\t"]
    assert unprintable(PLAIN + BOLD + ITALIC + "\n") == []


def test_control_characters_are_unprintable_even_if_a_font_maps_them():
    controls = [chr(c) for c in (*range(0x20), 0x7F, 0x85) if chr(c) != "\n"]
    assert unprintable("".join(controls)) == controls


def test_invisible_characters_follow_the_fonts():
    """Zero-width space, BOM and bidi controls have (empty) glyphs in Noto Sans: printable;
    refusing them is the data check's own rule."""
    for char in ("\u200b", "\ufeff", "\u202e"):
        assert unprintable(char) == []
        assert ord(char) in coverage()


def test_everything_unprintable_accepts_draws(caplog):
    """Every character of the coverage prints without a missing glyph: all of them in regular
    text, every 20th in a bold heading and in the italic note (subsetting thousands of glyphs
    three times over would take long)."""
    chars = "".join(chr(c) for c in sorted(coverage()) if unprintable(chr(c)) == [])

    def lines(text: str) -> str:
        return "\n".join(text[i : i + 60] for i in range(0, len(text), 60))

    data = {
        "title": "All characters",
        "note": lines(chars[::20]),
        "sections": [{"id": "all", "heading": lines(chars[::20]), "paragraphs": [lines(chars)]}],
    }
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        text = pdf_text(render_pdf(data))
    assert not [r for r in caplog.records if "missing" in r.getMessage()]
    assert len(chars) > 5000 and "⚖" in text and "😀" in text


def test_fallbacks_are_only_the_needed_ones():
    assert fallbacks_for(PLAIN.replace("⚖", "").replace("😀", "")) == []
    assert fallbacks_for("⚖") == ["NotoSansSymbols"]
    assert fallbacks_for("😀 α") == ["NotoSans", "NotoEmoji"]


def test_pdf_names_template_and_field_of_an_unprintable_character(templates):
    data = sample(templates)
    data["sections"][1]["paragraphs"][0] = f"Marked {PRIVATE_USE} here"
    with pytest.raises(UnprintableText) as info:
        render_pdf(data)
    message = str(info.value)
    assert message.startswith("Letter of interest in the 287(g) Program (template): sections[2].")
    assert "U+E000" in message and "\n" not in message
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_overview_names_the_field_of_an_unprintable_character(overview):
    data = dict(overview)
    data["training"] = [*data["training"], f"Topic {UNASSIGNED}"]
    with pytest.raises(UnprintableText, match=rf"training\[{len(data['training'])}\]: .*U\+0378"):
        render_overview_pdf(data)


def test_xml_incompatible_matches_what_python_docx_refuses():
    chars = [chr(c) for c in (*range(0x21), 0x7F, 0x85, 0xD800, 0xDFFF, 0xFDD0, 0xFFFE, 0xFFFF)]
    chars += ["😀", "⚖", PRIVATE_USE, UNASSIGNED, "\U0010fffd"]
    paragraph = docx.Document().add_paragraph()
    for char in chars:
        try:
            paragraph.add_run(f"a{char}b")
            refused = False
        except ValueError:
            refused = True
        assert refused == bool(xml_incompatible(char)), unicodedata.name(char, hex(ord(char)))
    assert xml_incompatible("ok\t\n\r\x00\x0b\ufffe😀\x00") == ["\x00", "\x0b", "\ufffe"]


def test_docx_holds_unicode_and_names_an_xml_incompatible_character(templates):
    data = sample(templates)
    document = docx.Document(io.BytesIO(render_docx(data)))
    assert PLAIN in [p.text for p in document.paragraphs]
    data["sections"][0]["paragraphs"][0] = "Form\x0cfeed"
    with pytest.raises(UnprintableText, match=r"sections\[1\]\.paragraphs\[1\]: .*U\+000C"):
        render_docx(data)
