"""What changed in ICE's lists, day by day: every dated event of every agency's timeline,
newest first, and the counts of recent additions and removals."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby

from .profiles import Profile
from .timeline import Event

# Most changes one page lists: about 550 bytes a change keeps a page well under 1 MB.
CHANGES_PER_PAGE = 1000


@dataclass(frozen=True)
class Change:
    """One event of one agency's timeline."""

    profile: Profile
    event: Event

    @property
    def date(self) -> str:
        """The date of the list that showed it first."""
        return self.event.date


@dataclass(frozen=True)
class Day:
    """The changes of one list date, and the month page that holds them."""

    date: str
    changes: tuple[Change, ...]

    @property
    def month(self) -> str:
        """YYYY-MM of the day."""
        return self.date[:7]

    def added(self) -> int:
        """Agreements listed that day (for the first time, or again)."""
        return self._kinds.get("listed", 0) + self._kinds.get("relisted", 0)

    def removed(self) -> int:
        """Agreements removed that day."""
        return self._kinds.get("removed", 0)

    @cached_property
    def _kinds(self) -> Counter[str]:
        """How many of the day's changes are of each kind (counted once: pages and feeds ask
        again and again)."""
        return Counter(c.event.kind for c in self.changes)


@dataclass(frozen=True)
class Shown:
    """The changes of one day that one page lists: all of them, or a run of them when the day
    has more than a page holds."""

    day: Day
    changes: tuple[Change, ...]
    first: int = 1  # position in the day of the first change shown, from 1

    @property
    def date(self) -> str:
        """The day's date."""
        return self.day.date

    @property
    def continued(self) -> bool:
        """Whether the day's first changes are on an earlier page."""
        return self.first > 1


def paginate(found: list[Day], per_page: int = CHANGES_PER_PAGE) -> list[list[Shown]]:
    """The days split into pages of at most ``per_page`` changes, in order. A day starts a new
    page rather than being split, unless it is longer than a page."""
    pages: list[list[Shown]] = []
    room = 0
    for day in found:
        if len(day.changes) > room and len(day.changes) <= per_page:
            room = 0
        start = 0
        while start < len(day.changes):
            if room == 0:
                pages.append([])
                room = per_page
            part = day.changes[start : start + room]
            pages[-1].append(Shown(day, part, start + 1))
            start += len(part)
            room -= len(part)
    return pages


def month_pages(found: list[Day], per_page: int = CHANGES_PER_PAGE) -> dict[str, list[list[Shown]]]:
    """Each month's days (newest month first) split into pages."""
    return {
        month: paginate([d for d in found if d.month == month], per_page) for month in months(found)
    }


def changes(profiles: list[Profile], state: str | None = None) -> list[Change]:
    """Every event, newest first (of one state only, with ``state``)."""
    found = [Change(p, e) for p in profiles if state is None or p.state == state for e in p.events]
    found.sort(key=lambda c: (c.profile.state_name, c.profile.name.casefold(), c.event.order))
    found.sort(key=lambda c: c.date, reverse=True)
    return found


def days(found: list[Change]) -> list[Day]:
    """The changes grouped by date, newest first."""
    return [Day(date, tuple(group)) for date, group in groupby(found, key=lambda c: c.date)]


def months(found: list[Day]) -> list[str]:
    """Every month with a change, newest first (one page each)."""
    return sorted({d.month for d in found}, reverse=True)


def since(found: list[Day], as_of: str, days_back: int) -> list[Day]:
    """The days within ``days_back`` days up to the list date ``as_of``."""
    start = (dt.date.fromisoformat(as_of) - dt.timedelta(days=days_back)).isoformat()
    return [d for d in found if start < d.date <= as_of]


def recent_counts(profiles: list[Profile], as_of: str, days_back: int = 30) -> dict[str, int]:
    """Agreements added and removed within ``days_back`` days up to ``as_of``."""
    recent = since(days(changes(profiles)), as_of, days_back)
    return {
        "added": sum(d.added() for d in recent),
        "removed": sum(d.removed() for d in recent),
    }
