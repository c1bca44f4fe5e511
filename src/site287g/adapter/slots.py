"""Big HTML (agreement tables) kept out of Python-Markdown: a placeholder now, the HTML later.

Python-Markdown's raw-HTML handling and Material's search indexer would each parse every table
row again; a macro therefore leaves a short placeholder that a hook swaps for the table after
both have run (hooks/agency_pages.py, on_page_context). The HTML waits in the build's state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from .state import BuildState


def put(state: BuildState, page_key: str, html: str) -> Markup:
    """Keep ``html`` for page ``page_key``; return the placeholder that stands for it."""
    held = state.slots.setdefault(page_key, [])
    held.append(html)
    return Markup(f'<div data-g287-slot="{len(held) - 1}"></div>')


def fill(state: BuildState, page_key: str, content: str) -> str:
    """Replace the page's placeholders with the HTML they stand for, and forget it."""
    for number, html in enumerate(state.slots.pop(page_key, [])):
        content = content.replace(f'<div data-g287-slot="{number}"></div>', html, 1)
    return content


def reset(state: BuildState, page_key: str) -> None:
    """Forget placeholders left by an earlier rendering of the page in this build."""
    state.slots.pop(page_key, None)
