"""Data is text, never code: Jinja, HTML and Markdown syntax in YAML appear literally."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .html import content, page, text

OVERLAY = Path(__file__).parent / "sites_ok" / "escaping"
LITERALS = [
    "{{ 7*7 }}",
    "{% raw %}",
    "<script>alert('x')</script>",
    "a | b | c",
    "*stars*",
    "_underscores_",
]


@pytest.fixture(scope="module")
def escaped_site(shared_build) -> Path:
    """The tiny site built with FAQ data full of template, HTML and Markdown syntax."""
    from .conftest import tiny_project

    build = shared_build("escaping", lambda folder: tiny_project(folder, OVERLAY))
    assert build.returncode == 0, build.output
    return build.site


@pytest.mark.parametrize("literal", LITERALS)
def test_literal_on_page(escaped_site: Path, literal: str) -> None:
    """Each piece of syntax is shown exactly as typed on the page."""
    assert literal in text(content(page(escaped_site, "faq/")))


@pytest.mark.parametrize("literal", LITERALS)
def test_literal_in_search_index(escaped_site: Path, literal: str) -> None:
    """The search index holds the same literal text (entities decoded)."""
    from html import unescape

    index = json.loads((escaped_site / "search" / "search_index.json").read_text())
    faq_text = " ".join(
        unescape(d["title"] + " " + d["text"])
        for d in index["docs"]
        if d["location"].startswith("faq/")
    )
    assert literal in faq_text


def test_nothing_was_interpreted(escaped_site: Path) -> None:
    """No script element, no emphasis, no evaluated expression and no bold from data."""
    article = content(page(escaped_site, "faq/"))
    assert article.find("script") is None
    assert article.find("em") is None
    assert article.find("b") is None
    assert article.find("code") is None
    assert "49" not in text(article)


def test_title_in_head_is_literal(escaped_site: Path) -> None:
    """The page title in <title> and the navigation keeps the braces."""
    soup = page(escaped_site, "faq/")
    title = 'FAQ {{ 7*7 }} <script>alert(1)</script> "quoted"'
    assert soup.title.text == f"{title} - 287(g) Program"
    assert soup.find("meta", attrs={"name": "description"})["content"] == (
        'Questions with "quotes" and <tags>.'
    )
    assert title in [text(a) for a in soup.select("nav.md-nav--primary a")]
    code = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
    assert not [s for s in code if "alert" in s.text]


def test_structured_data_is_inert(escaped_site: Path) -> None:
    """FAQPage JSON-LD carries the text as typed, with no markup that could end its script."""
    soup = page(escaped_site, "faq/")
    (script,) = soup.find_all("script", type="application/ld+json")
    assert "<" not in script.string
    data = json.loads(script.string)
    assert data["name"] == 'FAQ {{ 7*7 }} <script>alert(1)</script> "quoted"'
    names = [q["name"] for q in data["mainEntity"]]
    assert "Is <script>alert('x')</script> run?" in names
