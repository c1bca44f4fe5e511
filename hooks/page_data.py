"""Give each page the title and description of the data file named in its front matter."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site287g.adapter.state import state


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Set ``title`` and ``description`` from the data file the page's ``data:`` names."""
    name = page.meta.get("data")
    if name is None:
        return markdown
    data = state(config).data
    if name not in data.files:
        raise PluginError(f"{page.file.src_uri}: front matter 'data: {name}' names no data file")
    source = data[name]
    model = page.meta.get("model")
    if model:
        chosen = [m for m in source.get("models", []) if m["id"] == model]
        if not chosen:
            raise PluginError(
                f"{page.file.src_uri}: front matter 'model: {model}' names no model "
                f"of data/{name}.yml"
            )
        source = {"title": chosen[0]["name"], "description": chosen[0]["summary"]}
    # Templates carry a document title ("MEMORANDUM OF AGREEMENT"); their page uses `name`.
    title = page.meta.get("title") or source.get("name") or source["title"]
    description = (
        page.meta.get("description") or source.get("description") or source.get("note") or title
    )
    # The theme prints titles and descriptions unescaped: hand it escaped Markup.
    page.meta["title"] = escape(title)
    page.meta["description"] = escape(description)
    return markdown
