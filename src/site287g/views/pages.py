"""The pages of the site as the data knows them, and the data's links to pages checked."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..data import DataError, SiteData
from ..data.references import PageLink, broken_links, page_links
from .agencies import build
from .documents.render import preview_page
from .plan import plan


def site_pages(docs: Path, data: SiteData) -> set[str]:
    """Source paths of every page: the Markdown files under docs/ and the agency pages the
    build generates from the data."""
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    if "agencies/lists" in data.files:
        pages |= {page.src_uri for page in plan(build(data))}
    return pages


def required_links(data: SiteData) -> list[PageLink]:
    """Pages the data needs besides its ``page:`` fields: each model's page (by its slug) and
    each template's preview page."""
    links = [
        PageLink("models", ("models", i, "slug"), f"models/{m['slug']}.md", "")
        for i, m in enumerate(data["models"]["models"])
    ]
    for key in data.group("templates"):
        links.append(PageLink(key, (), preview_page(key.split("/", 1)[1]), ""))
    return links


def check_pages(data: SiteData, pages: Mapping[str, set[str] | None]) -> list[DataError]:
    """Every link from the data to a page that does not exist (or lacks the anchor)."""
    return broken_links(data, pages, [*page_links(data), *required_links(data)])
