"""Build the table of contents from headings that macros emitted as HTML."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class _Headings(HTMLParser):
    """Collect h1-h3 elements that carry an id, with their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self._open: dict | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in {"h1", "h2", "h3"} and dict(attrs).get("id"):
            self._open = {"level": int(tag[1]), "id": dict(attrs)["id"], "name": "", "children": []}

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open["name"] += data

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == f"h{self._open['level']}":
            self._open["name"] = escape(" ".join(self._open["name"].split()))
            self.found.append(self._open)
            self._open = None


def _nest(flat: list[dict]) -> list[dict]:
    """Nest each heading under the nearest earlier heading of a higher level."""
    roots: list[dict] = []
    stack: list[dict] = []
    for item in flat:
        while stack and stack[-1]["level"] >= item["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(item)
        stack.append(item)
    return roots


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace an empty table of contents with one read from the rendered headings."""
    if not list(page.toc):
        parser = _Headings()
        parser.feed(html)
        page.toc = get_toc(_nest(parser.found))
    return html
