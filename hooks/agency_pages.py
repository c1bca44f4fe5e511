"""Generate the agency pages and downloads from data/agencies, and put the tables into them."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from site287g.adapter import slots
from site287g.adapter import state as build
from site287g.views import context
from site287g.views.plan import nav_section, plan

SECTION = "Agencies"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add one page per list, state and model, the overview and what's new."""
    data = build.site_data(config)
    if "agencies/lists" not in data.files:
        return files  # no agency data imported yet: no agency pages
    context.start_downloads(data)
    pages = plan(context.agencies(data))
    # Pages are rendered in this order: state and model pages first, so the workbooks being
    # built meanwhile are ready when the pages that link them (with their size) come.
    for page in sorted(pages, key=lambda p: not p.section):
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(
            File.generated(config, page.src_uri, content=page.markdown(), inclusion=inclusion)
        )
    _add_to_nav(config, nav_section(pages))
    return files


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the downloads (CSV, JSON, XLSX of each list) into the site."""
    data = build.site_data(config)
    if "agencies/lists" not in data.files:
        return
    for download in context.downloads(data):
        target = Path(config.site_dir) / download["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(download["content"])


def _add_to_nav(config: MkDocsConfig, section: dict) -> None:
    """Put the Agencies section into the nav after Models (or last), once per build."""
    nav = [item for item in config.nav or [] if not (isinstance(item, dict) and SECTION in item)]
    after = next(
        (i + 1 for i, item in enumerate(nav) if isinstance(item, dict) and "Models" in item),
        len(nav),
    )
    nav.insert(after, section)
    config.nav = nav


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    """Forget tables left over from an earlier, failed build of this page."""
    slots.reset(page.file.src_uri)
    return page


def on_page_context(context_: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """Swap each table placeholder for its table, after Markdown and search have run."""
    if page.content and "data-g287-slot" in page.content:
        page.content = slots.fill(page.file.src_uri, page.content)
    return context_
