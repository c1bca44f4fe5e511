"""The pages of the site as the data knows them, and the data's links to pages checked."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from ..data import DataError, SiteData
from ..data.references import PageLink, broken_links, page_links
from .agencies import Agencies, build
from .documents.render import preview_page
from .plan import plan


def site_pages(docs: Path, data: SiteData, agencies: Agencies | None = None) -> set[str]:
    """Source paths of every page: the Markdown files under docs/ and the agency pages the
    build generates from the data (from ``agencies``, the agency view, when it is at hand)."""
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    if "agencies/lists" in data.files:
        pages |= {page.src_uri for page in plan(agencies or build(data))}
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


def front_matter(path: Path) -> dict:
    """The YAML front matter of a Markdown page (empty when it has none)."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    head = text[4 : text.find("\n---", 4)]
    found = yaml.safe_load(head)
    return found if isinstance(found, dict) else {}


def missing_data(docs: Path, data: SiteData) -> list[DataError]:
    """Pages under docs/ that show a data file (front matter ``data:``) or a model
    (``model:``) the data no longer has, named by the data file an editor would restore."""
    errors = []
    models = {m["id"] for m in data["models"]["models"]} if "models" in data.files else set()
    for path in sorted(docs.rglob("*.md")):
        meta = front_matter(path)
        page = path.relative_to(docs).as_posix()
        name = meta.get("data")
        if isinstance(name, str) and name not in data.files:
            errors.append(
                DataError(
                    data.display(name),
                    1,
                    "",
                    f"this file is missing, but the page docs/{page} shows it; restore it "
                    f"(git checkout {data.display(name)}) or remove the page",
                )
            )
        elif meta.get("model") and meta["model"] not in models:
            errors.append(
                DataError(
                    data.display("models"),
                    1,
                    "models",
                    f"the page docs/{page} shows the model '{meta['model']}', which the list "
                    "no longer has; restore it or remove the page",
                )
            )
    return errors


def check_pages(data: SiteData, pages: Mapping[str, set[str] | None]) -> list[DataError]:
    """Every link from the data to a page that does not exist (or lacks the anchor)."""
    return broken_links(data, pages, [*page_links(data), *required_links(data)])


def page_problems(docs: Path, data: SiteData, agencies: Agencies | None = None) -> list[DataError]:
    """Everything wrong between the data and the pages, before anything is rendered: pages
    showing data that is gone, and data linking to pages that do not exist."""
    pages = dict.fromkeys(site_pages(docs, data, agencies))
    return missing_data(docs, data) + check_pages(data, pages)
