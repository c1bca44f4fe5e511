"""The templates page, previews and sign-up links offer every download, and each resolves."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from .html import content, page, text

TEMPLATES = ["letter-of-interest", "moa-jem", "moa-tfm", "moa-wso", "overview"]


def resolve(site: Path, url_path: str, href: str) -> Path:
    """The file a relative link on the page at ``url_path`` points at."""
    return site / urljoin("/" + url_path, href).lstrip("/")


def download_links(site: Path, url_path: str) -> list[tuple[str, str]]:
    """(href, text) of each download link in the page's content."""
    article = content(page(site, url_path))
    return [(a["href"], text(a)) for a in article.select("a[download]")]


def test_templates_page_lists_every_file_with_format_and_size(built_site: Path) -> None:
    """Each download is linked with its file type and its real size."""
    links = download_links(built_site, "templates/")
    assert len(links) == 9  # four templates as DOCX and PDF, the overview as PDF
    for href, label in links:
        target = resolve(built_site, "templates/", href)
        assert target.is_file(), href
        fmt, size = re.search(r"\((DOCX|PDF), (\d+) KB\)$", label).groups()
        assert target.suffix == f".{fmt.lower()}"
        assert abs(int(size) - target.stat().st_size / 1024) <= 1


def test_search_shows_the_sizes_the_page_shows(built_site: Path) -> None:
    """The templates page's search entries name each download with the size its link shows
    (sizes are put in once the files are made, after the pages are indexed)."""
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    found = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("templates/"))
    for _, label in download_links(built_site, "templates/"):
        assert label in found
    assert "\ue000" not in json.dumps(index, ensure_ascii=False)


def test_sign_up_page_links_the_templates(built_site: Path) -> None:
    """The sign-up steps are followed by working links to the letter and the three MOAs."""
    links = download_links(built_site, "sign-up/")
    names = {Path(href).name for href, _ in links}
    assert {"letter-of-interest.docx", "moa-jem.pdf", "moa-tfm.docx", "moa-wso.pdf"} <= names
    for href, _ in links:
        assert resolve(built_site, "sign-up/", href).is_file()


@pytest.mark.parametrize("name", TEMPLATES)
def test_preview_page_in_navigation(built_site: Path, name: str) -> None:
    """Each template has an HTML preview that the navigation links to."""
    soup = page(built_site, "")
    hrefs = {a["href"].rstrip("/") for a in soup.select("nav.md-nav--primary a")}
    assert f"templates/{name}" in hrefs


def test_preview_shows_fields_and_wording(built_site: Path) -> None:
    """A preview marks fill-in fields and carries the agreement's text."""
    article = content(page(built_site, "templates/moa-tfm/"))
    fields = {text(m) for m in article.select("mark.g287-field")}
    assert "[LAW ENFORCEMENT AGENCY]" in fields
    assert "ICE SUPERVISION" in text(article)


def test_preview_text_is_searchable(built_site: Path) -> None:
    """The site search index holds the template text."""
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    docs = [d for d in index["docs"] if d["location"].startswith("templates/moa-wso/")]
    assert any("Warrant" in d["text"] or "warrant" in d["text"] for d in docs)


def test_faq_offers_the_printable_overview(built_site: Path) -> None:
    """The FAQ answer about convincing a chief links to the overview download section."""
    article = content(page(built_site, "faq/"))
    hrefs = [a["href"] for a in article.select(".g287-links a")]
    assert any(h.endswith("templates/#overview") for h in hrefs)
