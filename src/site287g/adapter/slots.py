"""Big HTML kept out of Python-Markdown: a placeholder now, the HTML later.

Python-Markdown parses every raw HTML block it is given, and Material's search indexer parses
each page again: for pages made of macro output that is most of the build. A macro therefore
leaves a short placeholder. A page's content takes its place right after Markdown has run
(stage CONTENT, for the table of contents, the anchors and search); a table takes its place
only once search has indexed the page (stage TABLES), so the index holds no rows. A download's
size takes its place once the file is made (``fill_sizes``), after every page is written and
indexed: the files are made beside the build (adapter.background).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from .state import BuildState

CONTENT, TABLES = "content", "table"
# A download's size until it is known: its path between two private-use characters, which
# Markdown and the search indexer keep as text. Only a path the build offers is replaced.
_SIZE_OPEN, _SIZE_CLOSE = "\ue000", "\ue001"
_SIZE = re.compile(f"{_SIZE_OPEN}([^{_SIZE_OPEN}{_SIZE_CLOSE}]+){_SIZE_CLOSE}")


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
    return Markup(_SIZE_OPEN + "{}" + _SIZE_CLOSE).format(path)


def has_sizes(text: str) -> bool:
    """Whether ``text`` still holds a size placeholder."""
    return _SIZE_OPEN in text


def fill_sizes(text: str, sizes: Mapping[str, str]) -> str:
    """Replace each size placeholder with the size of its download, as shown to readers."""
    if not has_sizes(text):
        return text
    return _SIZE.sub(lambda m: sizes.get(m[1], m[0]), text)
