"""Big HTML kept out of Python-Markdown: a placeholder now, the HTML later.

Python-Markdown parses every raw HTML block it is given, and Material's search indexer parses
each page again: for pages made of macro output that is most of the build. A macro therefore
leaves a short placeholder. A page's content takes its place right after Markdown has run
(``fill_content``, for the table of contents, the anchors and search); a table takes its
place only once search has indexed the page (``fill_tables``), so the index holds no rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from .state import BuildState

CONTENT, TABLES = "content", "table"


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
