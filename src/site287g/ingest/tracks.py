"""One agreement across the lists of its kind: where it appears and how its values changed."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from . import identity

# Fields whose changes are kept; type, county and addendum only where a list has the column.
TRACKED: tuple[str, ...] = (
    "state",
    "agency",
    "type",
    "county",
    "signed",
    "moa",
    "moa_pending",
    "addendum",
)
OPTIONAL: frozenset[str] = frozenset({"type", "county", "addendum", "signed"})


@dataclass
class Snapshot:
    """One distinct list: the file that first published it, when, and which columns it had."""

    key: str
    date: dt.date
    order: tuple
    columns: frozenset[str]
    rows: int


@dataclass
class Join:
    """A fuzzy join: at list ``at`` a new spelling was taken for this agreement."""

    at: int
    rule: str
    before: dict


@dataclass
class Track:
    """One agreement: the lists (by position) that show it and its values' change points."""

    tid: int
    present: list[int] = field(default_factory=list)
    points: dict[str, list[tuple[int, object]]] = field(default_factory=dict)
    joins: list[Join] = field(default_factory=list)

    def value_at(self, name: str, index: int) -> object:
        """The field's value in effect at list ``index`` (the latest point at or before it)."""
        found = None
        for at, value in self.points.get(name, ()):
            if at > index:
                break
            found = value
        return found

    def latest(self) -> dict:
        """The values of the agreement's latest appearance."""
        return {name: pts[-1][1] for name, pts in self.points.items() if pts}

    def rank(self) -> tuple:
        """Order of tracks that does not depend on when they were loaded: first listing, name."""
        latest = self.latest()
        return self.present[0], latest.get("agency", ""), latest.get("state", ""), self.tid

    def last_before(self, index: int) -> int | None:
        """The latest list before ``index`` that shows the agreement."""
        i = bisect.bisect_left(self.present, index)
        return self.present[i - 1] if i else None

    def nearest(self, index: int) -> int:
        """How many lists lie between ``index`` and the agreement's nearest appearance."""
        i = bisect.bisect_left(self.present, index)
        near = [abs(self.present[j] - index) for j in (i - 1, i) if 0 <= j < len(self.present)]
        return min(near)

    model: str = ""


@lru_cache(maxsize=65536)
def canon(name: str) -> str:
    """identity.canon, remembered: the same names recur in every list."""
    return identity.canon(name)


def comparable(name: str, value: object) -> object:
    """A value as compared between lists: MOA links without their Wayback capture."""
    if name in ("moa", "addendum") and isinstance(value, str):
        return identity.moa_file(value)
    return bool(value) if name == "moa_pending" else value
