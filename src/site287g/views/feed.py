"""Atom feeds of the changes to ICE's lists: one for the country, one per state. Each entry is
one list date, so its id (made from the date) stays the same through re-imports and
backfills; a backfill that adds changes to a date updates that entry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .changes import Day

# Readers show the newest entries; the what's-new pages keep every day.
MAX_ENTRIES = 50


def _count(n: int, word: str) -> str:
    """3 agreements / 1 agreement."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _entry(day: Day, feed_url: str, link: str) -> dict[str, Any]:
    """One list date as a feed entry: what was added, removed and changed."""
    lines = [f"{c.profile.name} ({c.profile.state_name}): {c.event.text}" for c in day.changes]
    summary = (
        f"{_count(day.added(), 'agreement')} added, {_count(day.removed(), 'agreement')} "
        f"removed, {_count(len(day.changes), 'change')} in all."
    )
    return {
        "id": f"{feed_url}#{day.date}",
        "title": f"ICE's 287(g) lists of {day.date}",
        "updated": f"{day.date}T00:00:00Z",
        "summary": summary,
        "lines": lines,
        "link": link,
    }


def atom_feed(
    found: list[Day],
    *,
    feed_url: str,
    title: str,
    author: str,
    home: str,
    link: Callable[[Day], str],
) -> dict[str, Any] | None:
    """Everything the feed template needs, newest date first; None when nothing changed.
    ``link`` gives the address of the page that lists a day's changes."""
    if not found:
        return None
    entries = [_entry(day, feed_url, link(day)) for day in found[:MAX_ENTRIES]]
    return {
        "id": feed_url,
        "self": feed_url,
        "link": home,
        "title": title,
        "subtitle": "Agreements added to, removed from or changed in ICE's 287(g) lists.",
        "author": author,
        "updated": entries[0]["updated"],
        "entries": entries,
    }
