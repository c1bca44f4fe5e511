"""Each PDF opens in pypdf, holds the template's wording and special characters, and marks every
fill-in field with a highlight annotation; the overview is one page."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from site287g.views.documents.model import FIELD, heading_text, paragraph_text, template_preview
from site287g.views.documents.pdf import UnprintableText, render_pdf

from .conftest import norm

FOOTER = re.compile(r"\s*(?:Revised \d\d/\d\d/\d{4}|Source: [^\n]*)?\s*Page \d+\s*$")
NAMES = ("letter_of_interest", "moa_jem", "moa_tfm", "moa_wso")


def read(built, name):
    reader = pypdf.PdfReader(io.BytesIO(built[(name, "pdf")].path.read_bytes()))
    pages = [FOOTER.sub("", page.extract_text()) for page in reader.pages]
    return reader, norm(" ".join(pages))


@pytest.mark.parametrize("name", NAMES)
def test_wording_and_headings(built, templates, name):
    _, text = read(built, name)
    for block in template_preview(templates[name]):
        if block["type"] == "paragraph":
            assert norm(paragraph_text(block)) in text, paragraph_text(block)[:80]
        elif block["type"] == "heading":
            assert norm(heading_text(block)) in text


@pytest.mark.parametrize("name", NAMES)
def test_fields_are_highlighted(built, templates, name):
    reader, text = read(built, name)
    marks = [
        a.get_object()
        for page in reader.pages
        for a in page.get("/Annots") or []
        if a.get_object()["/Subtype"] == "/Highlight"
    ]
    occurrences = FIELD.findall(
        "\n".join(
            "".join(s["text"] for s in line)
            for b in template_preview(templates[name])
            if b["type"] != "spacer"
            for line in (
                [b["segments"]]
                if "segments" in b
                else [ln for p in b["parties"] for ln in p["lines"]]
            )
        )
    )
    assert len(marks) >= len(occurrences)
    assert {m["/Contents"].removeprefix("Fill in: ") for m in marks} == set(occurrences)


def test_typographic_characters_survive(built):
    _, text = read(built, "moa_wso")
    for sample in ("deemed “certified” under", "the LEA’s rules", "§ 1357(g)", "§§ 241.2(b)(2)"):
        assert sample in text
    _, overview = read(built, "overview")
    assert "•" in overview and "agency’s" in overview


def test_overview_is_one_page(built, overview):
    reader, text = read(built, "overview")
    assert len(reader.pages) == 1
    for model in overview["models"]:
        assert model["name"] in text
    assert "ERO287g@ICE.dhs.gov" in text


def test_long_overview_still_fits_or_fails_loudly(overview):
    from site287g.views.documents.pdf import render_overview_pdf

    data = dict(overview)
    data["training"] = data["training"] * 4
    assert len(pypdf.PdfReader(io.BytesIO(render_overview_pdf(data))).pages) == 1
    data["intro"] = data["intro"] * 40
    with pytest.raises(ValueError, match="one page"):
        render_overview_pdf(data)


def test_unprintable_character_is_an_error(templates):
    data = dict(templates["letter_of_interest"])
    data["title"] = "LETTER \u2713"
    with pytest.raises(UnprintableText, match="U\\+2713"):
        render_pdf(data)


def test_letter_fits_on_one_page(built):
    reader, text = read(built, "letter_of_interest")
    assert len(reader.pages) == 1
    assert "Sincerely," in text and "ERO287g@ICE.dhs.gov" in text
