"""Rules beyond one file's schema: invisible characters, agency files that agree with each
other and with lists.yml, template fill-in fields, and links from data to pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from site287g.data import DataErrors, load_site
from site287g.data.templates import template_rules
from site287g.views.pages import check_pages, site_pages

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the shipped data/ to break."""
    shutil.copytree(ROOT / "data", tmp_path / "data", symlinks=True)
    return tmp_path / "data"


def problems(data: Path) -> list[str]:
    """Every message the data check gives, as printed."""
    with pytest.raises(DataErrors) as caught:
        load_site(data)
    return [str(e) for e in caught.value.errors]


def edit(path: Path, old: str, new: str) -> None:
    """Replace one piece of text in a file (it must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_invisible_character_is_named_with_its_line(data: Path) -> None:
    """A zero-width space pasted into a question is refused with file, line and field."""
    edit(data / "faq.yml", "question: ", "question: \u200b")
    (message,) = problems(data)
    assert message.startswith("data/faq.yml:")
    assert ": questions[1].question: the text holds an invisible character U+200B " in message
    assert "(zero-width space); delete it" in message


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("faq.yml", 'question: "How', 'question: "\\u200bHow'),
        ("agencies/lifecycle.yml", '"agency": "Alaska', '"agency": "\\u200bAlaska'),
    ],
)
def test_invisible_character_written_as_an_escape(data: Path, name: str, old: str, new: str):
    """An escape that spells an invisible character is refused like the character itself, in
    a YAML file and in a JSON-shaped one (whose other escapes, quotes say, are plain text)."""
    edit(data / name, old, new)
    (message,) = problems(data)
    assert message.startswith(f"data/{name}:")
    assert "the text holds an invisible character U+200B (zero-width space)" in message


def test_agreement_in_the_wrong_state_file(data: Path) -> None:
    """An Alaska file holding a Texas agreement is refused (it would show on the wrong page)."""
    path = data / "agencies" / "participating" / "ak.yml"
    edit(path, '"state": "AK", "agency": "Kodiak', '"state": "TX", "agency": "Kodiak')
    (message,) = problems(data)
    assert message.startswith("data/agencies/participating/ak.yml:")
    assert "agreements[2].state: this agreement of TX is in ak.yml" in message


def test_one_id_in_two_state_files(data: Path) -> None:
    """An agreement copied into a second state file is refused, naming the first."""
    ak = data / "agencies" / "participating" / "ak.yml"
    doc = json.loads("".join(ak.read_text().splitlines(keepends=True)[1:]))
    moved = dict(doc["agreements"][0], state="AL")
    al = data / "agencies" / "participating" / "al.yml"
    edit(al, '"agreements": [\n', '"agreements": [\n    ' + json.dumps(moved) + ",\n")
    messages = problems(data)
    assert any(
        "al.yml:" in m
        and "id 'ak-alaska-department-of-corrections-wso' is also used in "
        "data/agencies/participating/ak.yml"
        in m
        for m in messages
    ), messages


def test_a_deleted_state_file_is_noticed(data: Path) -> None:
    """Deleting wy.yml (19 agreements) does not silently drop them."""
    (data / "agencies" / "participating" / "wy.yml").unlink()
    (message,) = problems(data)
    assert message.startswith("data/agencies/lists.yml:")
    assert "participating.rows: says 1,843 agreements, but the files in " in message
    assert "hold 1,824" in message


def test_a_record_without_id_gets_a_message_not_a_crash(data: Path) -> None:
    """A record missing its id is reported as missing (the other rules wait for it)."""
    path = data / "agencies" / "participating" / "ak.yml"
    edit(path, '{"id": "ak-kodiak-police-department-wso", ', "{")
    (message,) = problems(data)
    assert "ak.yml:" in message and "agreements[2].id: required field 'id' is missing" in message


def test_impossible_signing_date(data: Path) -> None:
    """`signed: 2020-02-30` is refused in an agency file."""
    edit(data / "agencies" / "participating" / "ak.yml", "2020-07-20", "2020-02-30")
    (message,) = problems(data)
    assert "agreements[2].signed: '2020-02-30' is not valid; a calendar date" in message


def test_template_fields_must_be_declared_and_used() -> None:
    """A fill-in field used but not declared, and one declared but unused, are both named."""
    template = {
        "kind": "letter",
        "fields": [{"name": "AGENCY", "label": "Agency"}, {"name": "UNUSED", "label": "x"}],
        "sections": [{"id": "a", "paragraphs": ["[AGENCY] and [AGENCYS]"]}],
    }
    found = dict(template_rules(template))
    assert found[("sections", 0, "paragraphs", 0)].startswith(
        "fill-in field [AGENCYS] is used but not declared under fields; did you mean [AGENCY]?"
    )
    assert found[("fields", 1, "name")] == "field [UNUSED] is declared but never used in the text"


def test_links_to_pages_and_anchors(data: Path) -> None:
    """A `page:` naming no page, or a heading the page lacks, is refused with its line."""
    edit(data / "faq.yml", "page: sign-up.md", "page: signup.md")
    edit(data / "faq.yml", "page: index.md", "page: index.md#overveiw")
    site = load_site(data)
    pages = {page: None for page in site_pages(ROOT / "docs", site)}
    pages["index.md"] = {"program", "overview", "authority"}
    messages = [str(e) for e in check_pages(site, pages)]
    assert any("no page docs/signup.md; name a page of this site" in m for m in messages)
    assert any(
        "docs/index.md has no heading '#overveiw'; did you mean '#overview'?" in m for m in messages
    ), messages
    assert all(m.startswith("data/faq.yml:") for m in messages)


def test_a_changed_model_slug_names_its_page(data: Path) -> None:
    """Renaming a model's slug breaks its page's address: the slug line says so."""
    edit(data / "models.yml", "slug: jail-enforcement-model", "slug: jail-model")
    site = load_site(data)
    (message,) = [str(e) for e in check_pages(site, dict.fromkeys(site_pages(ROOT / "docs", site)))]
    assert message.startswith("data/models.yml:")
    assert "models[1].slug: no page docs/models/jail-model.md" in message


def test_text_for_the_pdf_that_no_font_can_draw(data: Path) -> None:
    """A character the PDF fonts lack, in text bound for the overview, is refused by line;
    symbols and emoji the fonts have are accepted."""
    edit(data / "training.yml", "cost: ", "cost: ⚖ 😀 ✓ ")
    (message,) = problems(data)
    assert message.startswith("data/training.yml:")
    assert "cost: the character '✓' (U+2713 CHECK MARK)" in message
    assert "cannot be printed in the PDF download" in message
