"""Build the table of contents from headings that macros emitted as HTML."""

from __future__ import annotations

import re
from html import escape, unescape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

# The partials write headings as <hN id="...">text</hN>: a pattern finds them far faster than
# an HTML parser reading every tag of the page.
HEADING = re.compile(r"<h([1-3])\b[^>]*?\sid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def headings(html: str) -> list[dict]:
    """h1-h3 elements that carry an id, with their text, in page order."""
    return [
        {
            "level": int(level),
            "id": unescape(anchor),
            "name": escape(" ".join(unescape(TAG.sub("", inner)).split())),
            "children": [],
        }
        for level, anchor, inner in HEADING.findall(html)
    ]


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
        page.toc = get_toc(_nest(headings(html)))
    return html
