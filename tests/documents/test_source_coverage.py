"""The MOA templates keep every paragraph of the signed agreements they were made from."""

from __future__ import annotations

import re

import pytest

from site287g.ingest.moa_text import SOURCE_DIR, SOURCES, repair, source_paragraphs
from site287g.views.documents.model import FIELD, plain_text, template_preview

from .conftest import MOAS, norm

pytestmark = pytest.mark.skipif(
    not SOURCE_DIR.is_dir(), reason="shared/reference/287g/texts is not present"
)

LIST_MARKER = re.compile(r"^(?:[•xo]) ")  # bullets become `kind: bullet`, not text


def canon(text: str) -> str:
    """Whitespace collapsed, every fill-in marker replaced by the same token."""
    return norm(FIELD.sub("[FIELD]", LIST_MARKER.sub("", text)))


@pytest.mark.parametrize("name", MOAS)
def test_every_source_paragraph_is_in_the_template(templates, name):
    model = name.removeprefix("moa_")
    text = canon(plain_text(templates[name]))
    missing = [p for p in source_paragraphs(model) if canon(p) not in text]
    assert not missing, f"{len(missing)} source paragraph(s) missing from {name}.yml:\n" + (
        "\n".join(f"  - {p[:120]}" for p in missing)
    )


@pytest.mark.parametrize("name", MOAS)
def test_nothing_is_invented(templates, name):
    """Every heading and paragraph comes from the source; only signature blocks, the note and
    sections that carry an explanatory `note:` are ours."""
    model = name.removeprefix("moa_")
    source = canon(" ".join(source_paragraphs(model)))
    invented, noted = [], False
    for block in template_preview(templates[name]):
        if block["type"] == "heading":
            noted = bool(block["note"])
            texts = [block["text"]] if block["label"] else []
            if not block["label"]:
                num = f"{block['number']}. " if block["number"] else ""
                texts = [num + block["text"]]
        elif block["type"] == "paragraph":
            texts = ["".join(s["text"] for s in block["segments"])]
        else:
            continue
        invented += [t for t in texts if not noted and canon(t) not in source]
    assert not invented, f"text in {name}.yml not found in its source: {invented}"


def test_templates_name_their_source(templates):
    for name in MOAS:
        assert templates[name]["source"].endswith(SOURCES[name.removeprefix("moa_")].file)


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        (
            "a comp onent of the Department of Ho meland Security",
            "a component of the Department of Homeland Security",
        ),
        ("POINTS OF CONT ACT", "POINTS OF CONTACT"),
        ("on behalf ofICE authorized", "on behalf of ICE authorized"),
        ("8 U.S.C. § 1357(a)(l) and", "8 U.S.C. § 1357(a)(1) and"),
        ("the tenns ofthe MOA", "the terms of the MOA"),
        ("the LEA 's Internal Affairs", "the LEA's Internal Affairs"),
        ("(LEA) , pursuant", "(LEA), pursuant"),
    ],
)
def test_repair_list(damaged, repaired):
    assert repair(damaged) == repaired


@pytest.mark.parametrize("name", MOAS)
def test_no_agency_specific_names_left(templates, name):
    text = plain_text(templates[name])
    for word in (
        "Hamilton",
        "Edgewood",
        "Hillsborough",
        "DeSchryver",
        "Granit",
        "Vitello",
        "Chronister",
        "Quakenbush",
        "Chicago",
        "Miami",
        "Noblesville",
    ):
        assert word not in text, f"{name}.yml still names {word!r}"
