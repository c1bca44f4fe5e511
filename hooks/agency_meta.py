"""Give each generated agency page its settings (title, description, search, feed) from the
plan, before any plugin reads them: the pages carry no front matter to parse."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site287g.adapter.state import state


@event_priority(100)  # before mkdocs-macros, which must find render_macros: false
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Set the page's meta as its front matter would have."""
    planned = state(config).memo.get("planned", {}).get(page.file.src_uri)
    if planned is not None:
        page.meta.update(planned.meta())
    return markdown
