"""Every list of one kind in date order, and every agreement's presence and values across them.

A list is added at its place in time (the end for a new list, the middle for a backfill):
its rows are matched to the agreements already known (matching.py), and each agreement records
which lists show it and, per field, the lists at which its value changed. Nothing here decides
what counts as a removal or a change worth showing: lifecycle.py derives that from this record.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .identity import Key
from .matching import match
from .tracks import OPTIONAL, TRACKED, Snapshot, Track, canon, comparable


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
        owners = match(self, at, records)
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
