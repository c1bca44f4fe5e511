"""Which known agreement each row of a new list is: the same key, else a fuzzy join with an
agreement that left the list recently, else a new agreement."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from . import identity
from .tracks import Join, Track, canon

if TYPE_CHECKING:
    from .timeline import Timeline

RECENT_DAYS = 30  # an agreement missing this long is no longer a candidate for a fuzzy join


def match(tl: Timeline, at: int, records: list[dict]) -> list[int]:
    """The track of each record: same key, then a fuzzy join, else a new agreement."""
    index = tl.index()
    owners: list[int | None] = [None] * len(records)
    taken: set[int] = set()
    for i, rec in enumerate(records):
        k = (rec["state"], rec["model"], canon(rec["agency"]))
        best = _closest(index.get(k, []), at, taken)
        if best is not None:
            owners[i] = best.tid
            taken.add(best.tid)
    _fuzzy(tl, at, records, owners, taken)
    for i, rec in enumerate(records):
        if owners[i] is None:
            track = Track(len(tl.tracks), model=rec["model"])
            tl.tracks.append(track)
            owners[i] = track.tid
    return owners  # type: ignore[return-value]


def _fuzzy(tl: Timeline, at: int, records: list[dict], owners: list, taken: set[int]) -> None:
    """Join rows no agreement has to agreements missing here, best rule and score first."""
    if all(o is not None for o in owners):
        return
    date = tl.snapshots[at].date
    gone = [t for t in tl.tracks if t.tid not in taken and _recent(tl, t, at, date)]
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
            track = tl.tracks[tid]
            before = _values_before(track, at)
            track.joins.append(
                Join(at, rule, {"state": before["state"], "agency": before["agency"]})
            )


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
