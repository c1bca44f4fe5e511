"""Compute the agency view and the downloads once per loaded data; answer what pages ask."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..data import SiteData
from . import downloads as dl
from .agencies import ROWS_PER_PAGE, Agencies, build
from .plan import page_uri

_cache: dict[int, tuple[SiteData, dict[str, Any]]] = {}


def _slot(data: SiteData) -> dict[str, Any]:
    """Per-data memo; a new SiteData (data edited) starts afresh."""
    held = _cache.get(id(data))
    if held is None or held[0] is not data:
        _cache.clear()
        held = (data, {})
        _cache[id(data)] = held
    return held[1]


def agencies(data: SiteData) -> Agencies:
    """The agency view of ``data``."""
    memo = _slot(data)
    if "agencies" not in memo:
        memo["agencies"] = build(data)
    return memo["agencies"]


def start_downloads(data: SiteData) -> None:
    """Start building the slow downloads (XLSX) in the background, once per data."""
    memo = _slot(data)
    if "downloads" not in memo and "xlsx" not in memo:
        memo["xlsx"] = dl.start(agencies(data))


def downloads(data: SiteData) -> list[dict[str, Any]]:
    """Every download file: list, label, format, size, site path and bytes."""
    memo = _slot(data)
    if "downloads" not in memo:
        memo["downloads"] = dl.all_files(agencies(data), memo.pop("xlsx", None))
    return memo["downloads"]


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
    order = {None: 0, "am": 1, "mid": 2, "pm": 3}
    changed.sort(key=lambda i: (i["as_of"], order.get(i.get("edition"), 0)), reverse=True)
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
