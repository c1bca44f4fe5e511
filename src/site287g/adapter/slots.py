"""Big HTML kept out of Python-Markdown: a placeholder now, the HTML later.

Python-Markdown parses every raw HTML block it is given, and Material's search indexer parses
each page again: for pages made of macro output that is most of the build. A macro therefore
leaves a short placeholder. A page's content takes its place right after Markdown has run
(stage CONTENT, for the table of contents, the anchors and search); a table takes its place
only once search has indexed the page (stage TABLES), so the index holds no rows. A download's
size takes its place once the file is made, before search indexes the page (``fill_sizes``):
the files are made beside the build (adapter.background).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from .state import BuildState

CONTENT, TABLES = "content", "table"
_SIZE = re.compile(r'<span data-g287-size="([^"]+)"></span>')


def put(state: BuildState, page_key: str, html: str, stage: str = TABLES) -> Markup:
    """Keep ``html`` for page ``page_key``; return the placeholder that stands for it."""
    held = state.slots.setdefault((stage, page_key), [])
    held.append(html)
    return Markup(f'<div data-g287-{stage}="{len(held) - 1}"></div>')


def fill(state: BuildState, page_key: str, content: str, stage: str = TABLES) -> str:
    """Replace the page's placeholders of one stage with their HTML, and forget it."""
    for number, html in enumerate(state.slots.pop((stage, page_key), [])):
        content = content.replace(f'<div data-g287-{stage}="{number}"></div>', html, 1)
    return content


def reset(state: BuildState, page_key: str) -> None:
    """Forget placeholders left by an earlier rendering of the page."""
    for stage in (CONTENT, TABLES):
        state.slots.pop((stage, page_key), None)


def size(path: str) -> Markup:
    """The placeholder for the size of the download at ``path`` in the site."""
    return Markup('<span data-g287-size="{}"></span>').format(path)


def fill_sizes(content: str, sizes: Mapping[str, str]) -> str:
    """Replace each size placeholder with the size of its download, as shown to readers."""
    if "data-g287-size" not in content:
        return content
    return _SIZE.sub(lambda m: sizes[m[1]], content)
