"""Every list of one kind in date order, and every agreement's presence and values across them.

A list is added at its place in time (the end for a new list, the middle for a backfill):
its rows are matched to the agreements already known (exact spelling rules first, then the
fuzzy rules of identity.py), and each agreement records which lists show it and, per field,
the lists at which its value changed. Nothing here decides what counts as a removal or a
change worth showing: lifecycle.py derives that from this record.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from . import identity
from .identity import Key

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
RECENT_DAYS = 30  # an agreement missing this long is no longer a candidate for a fuzzy join


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


@dataclass
class Timeline:
    """The lists of one kind and the agreements they show."""

    kind: str
    snapshots: list[Snapshot] = field(default_factory=list)
    tracks: list[Track] = field(default_factory=list)
    _index: dict[Key, list[Track]] | None = field(default=None, repr=False)

    def position(self, snap: Snapshot) -> int:
        """Where a list belongs: after every list that sorts before or with it."""
        return sum(1 for s in self.snapshots if s.order <= snap.order)

    def add(self, snap: Snapshot, records: list[dict]) -> list[int]:
        """Insert a list at its place; return the track of each record (in record order)."""
        at = self.position(snap)
        if at < len(self.snapshots):  # a backfill: later positions move up by one
            for track in self.tracks:
                track.present = [i + (i >= at) for i in track.present]
                for name, pts in track.points.items():
                    track.points[name] = [(i + (i >= at), v) for i, v in pts]
                for join in track.joins:
                    join.at += join.at >= at
        self.snapshots.insert(at, snap)
        owners = self._match(at, records)
        for rec, tid in zip(records, owners, strict=True):
            self._record(self.tracks[tid], at, rec, snap.columns)
        return owners

    def index(self) -> dict[Key, list[Track]]:
        """Tracks by every (state, model, canonical name) they have been listed under."""
        if self._index is None:
            self._index = {}
            for track in self.tracks:
                self._learn(track)
        return self._index

    def _learn(self, track: Track) -> None:
        """Index a track under each of its keys."""
        states = {v for _, v in track.points.get("state", ())}
        names = {canon(v) for _, v in track.points.get("agency", ())}
        for k in {(s, track.model, n) for s in states for n in names}:
            owners = self.index().setdefault(k, [])
            if track not in owners:
                owners.append(track)

    def _match(self, at: int, records: list[dict]) -> list[int]:
        """The track of each record: same key, then a fuzzy join, else a new agreement."""
        index = self.index()
        owners: list[int | None] = [None] * len(records)
        taken: set[int] = set()
        for i, rec in enumerate(records):
            k = (rec["state"], rec["model"], canon(rec["agency"]))
            best = _closest(index.get(k, []), at, taken)
            if best is not None:
                owners[i] = best.tid
                taken.add(best.tid)
        self._fuzzy(at, records, owners, taken)
        for i, rec in enumerate(records):
            if owners[i] is None:
                track = Track(len(self.tracks), model=rec["model"])
                self.tracks.append(track)
                owners[i] = track.tid
        return owners  # type: ignore[return-value]

    def _fuzzy(self, at: int, records: list[dict], owners: list, taken: set[int]) -> None:
        """Join rows no agreement has to agreements missing here, best rule and score first."""
        if all(o is not None for o in owners):
            return
        date = self.snapshots[at].date
        gone = [t for t in self.tracks if t.tid not in taken and _recent(self, t, at, date)]
        pairs = []
        for i, rec in enumerate(records):
            if owners[i] is not None:
                continue
            for track in gone:
                just_left = at - 1 in track.present
                found = identity.join_rule(rec, _values_before(track, at), just_left)
                if found:
                    rule, score = found
                    pairs.append((-rule.strength, -score, i, track.rank(), track.tid, rule.name))
        for *_, i, _, tid, rule in sorted(pairs):
            if owners[i] is None and tid not in taken:
                owners[i] = tid
                taken.add(tid)
                track = self.tracks[tid]
                before = _values_before(track, at)
                track.joins.append(
                    Join(at, rule, {"state": before["state"], "agency": before["agency"]})
                )

    def _record(self, track: Track, at: int, rec: dict, columns: frozenset[str]) -> None:
        """Mark the track present at ``at`` and keep each changed field as a change point."""
        track.model = rec["model"]
        appended = not track.present or at > track.present[-1]
        if appended:
            track.present.append(at)
            later = None
        else:
            bisect.insort(track.present, at)
            later = track.present[track.present.index(at) + 1]
        for name in TRACKED:
            if name in OPTIONAL and name not in columns:
                continue
            value = bool(rec.get(name)) if name == "moa_pending" else rec.get(name)
            pts = track.points.setdefault(name, [])
            if appended and (not pts or pts[-1][0] < at):
                if not pts or comparable(name, pts[-1][1]) != comparable(name, value):
                    pts.append((at, value))
                continue
            had = later is not None and any(i <= later for i, _ in pts)
            after = track.value_at(name, later) if later is not None else None
            _put(pts, at, value)
            changed = comparable(name, after) != comparable(name, value)
            if had and changed and not any(i == later for i, _ in pts):
                _put(pts, later, after)
            _tidy(name, pts)
        if self._index is not None:
            self._learn(track)


def _put(points: list[tuple[int, object]], at: int, value: object) -> None:
    """Set the value at a position, keeping the points in order."""
    points[:] = sorted([*(p for p in points if p[0] != at), (at, value)], key=lambda p: p[0])


def _tidy(name: str, points: list[tuple[int, object]]) -> None:
    """Drop points that repeat the value before them."""
    out: list[tuple[int, object]] = []
    for at, value in points:
        if out and comparable(name, out[-1][1]) == comparable(name, value):
            continue
        out.append((at, value))
    points[:] = out


def _values_before(track: Track, at: int) -> dict:
    """The track's values at its latest appearance before list ``at`` (or after, if none)."""
    last = track.last_before(at)
    where = last if last is not None else track.present[0]
    out = {name: track.value_at(name, where) for name in track.points}
    out["model"] = track.model
    return out


def _recent(timeline: Timeline, track: Track, at: int, date: dt.date) -> bool:
    """Whether a track was listed within RECENT_DAYS before list ``at``."""
    last = track.last_before(at)
    if last is None:
        return False
    return (date - timeline.snapshots[last].date).days <= RECENT_DAYS


def _closest(candidates: list[Track], at: int, taken: set[int]) -> Track | None:
    """Among tracks with the row's key, the one listed nearest before ``at``."""
    free = [t for t in candidates if t.tid not in taken]
    if not free:
        return None

    if len(free) == 1:
        return free[0]
    return min(free, key=lambda t: (t.nearest(at), t.rank()))
