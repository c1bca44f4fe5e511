"""What changed in the agency lists, newest first, and where each agreement's row is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..data.vocab import edition_order
from .agencies import ROWS_PER_PAGE, Agencies
from .plan import page_uri


def row_locations(a: Agencies, link: Callable[[str], str]) -> dict[str, str]:
    """Link to each participating agreement's row: the page of the list that holds it + #id."""
    rows = a.rows["participating"]
    urls: dict[str, str] = {}
    for start in range(0, len(rows), ROWS_PER_PAGE):
        page = link(page_uri(a, "participating", start // ROWS_PER_PAGE + 1))
        for r in rows[start : start + ROWS_PER_PAGE]:
            urls[r.id] = f"{page}#{r.id}"
    return urls


def whats_new(a: Agencies, limit: int, items: int = 100) -> list[dict[str, Any]]:
    """The newest ``limit`` imports with any change, newest first, each naming at most
    ``items`` added and removed agreements (the first import adds the whole list)."""
    changed = [i for i in a.history if i["added"] or i["removed"] or i["changed"]]
    changed.sort(key=lambda i: (i["as_of"], edition_order(i.get("edition"))), reverse=True)
    return [
        {
            **i,
            "added": i["added"][:items],
            "removed": i["removed"][:items],
            "n_added": len(i["added"]),
            "n_removed": len(i["removed"]),
            "n_changed": len(i["changed"]),
        }
        for i in changed[:limit]
    ]
