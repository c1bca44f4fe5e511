"""Hand each page its sharing tags, last-updated date and (on the FAQ) FAQPage data."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from site287g.adapter.state import state
from site287g.views import seo


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Settle the page's last-updated date before the sitemap (built ahead of pages) reads it.

    ``page.meta['updated']`` is the page's last-updated date: front matter or a hook run on
    page_markdown (agency pages: their list's as_of) may set it; otherwise data/site.yml's
    content_as_of.
    """
    site = state(config).data["site"]
    try:
        updated = seo.iso_date(page.meta.get("updated", site["content_as_of"]), page.file.src_uri)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    page.meta["updated"] = updated
    # MkDocs writes update_date as the sitemap's <lastmod> and the sitemap.xml.gz mtime.
    page.update_date = updated
    return html


def feeds(page: Page, title: str, files: Files | None) -> list[dict[str, str]]:
    """The Atom feeds a page announces (those the site has): the country's on every page, and
    a state's own on its page (front matter ``feed``)."""
    found = [{"path": "feed.xml", "title": f"{title}: changes to ICE's 287(g) lists"}]
    if page.meta.get("feed"):
        found.append({"path": page.meta["feed"], "title": f"{page.title}: changes"})
    return [f for f in found if files is not None and files.get_file_from_path(f["path"])]


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """Compute ``seo`` for overrides/partials/seo.html and updated.html."""
    data = state(config).data
    site = data["site"]
    updated = page.meta["updated"]
    url = page.canonical_url
    context["seo"] = {
        "sharing": seo.sharing(
            title=page.title or config.site_name,
            description=page.meta.get("description") or config.site_description,
            url=url,
            site_name=config.site_name,
            home=page.is_homepage,
            updated=updated,
        ),
        "updated": updated,
        "updated_text": seo.human_date(updated),
        "jsonld": seo.faq_page(data["faq"], url) if page.meta.get("data") == "faq" else None,
        "feeds": feeds(page, site["title"], state(config).files),
    }
    return context
