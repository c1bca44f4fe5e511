"""Point each page's "edit this page" link at the data file that feeds it."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site287g.adapter.state import state
from site287g.views.seo import safe_url


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Link to data/<name>.yml in data/site.yml's repository; no link without either."""
    data = state(config).data
    repository = data["site"].get("repository")
    name = page.meta.get("data")
    page.edit_url = None
    if repository and name and name in data.files:
        branch = repository.get("branch", "main")
        base = repository["url"].rstrip("/")
        page.edit_url = safe_url(f"{base}/edit/{branch}/data/{name}.yml")
    return markdown
