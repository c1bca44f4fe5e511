"""Which agreement a pending request became: the request's state, model and name (or its
distinctive words, closely), first listed as an agreement on or after the request."""

from __future__ import annotations

import datetime as dt

from . import identity
from .timeline import Timeline
from .tracks import Track, canon


def link_pending(pending: Timeline, part: Timeline) -> dict[int, int]:
    """Pending request (track) -> the agreement it became: same state, model and name (or a
    very similar name), first listed as an agreement on or after the request's first listing."""
    index = part.index()
    by_place: dict[tuple[str, str], list[tuple[str, Track]]] = {}
    for t in part.tracks:
        latest = t.latest()
        words = " ".join(identity.distinctive(canon(latest["agency"])))
        by_place.setdefault((latest["state"], t.model), []).append((words, t))
    out: dict[int, int] = {}
    used: set[int] = set()
    requests = sorted(pending.tracks, key=lambda t: (pending.snapshots[t.present[0]].date, t.tid))
    for req in requests:
        since = pending.snapshots[req.present[0]].date
        later = _later(part, since, used)
        found = [t for k in _keys(req) for t in index.get(k, []) if later(t)]
        if not found:
            latest = req.latest()
            words = " ".join(identity.distinctive(canon(latest["agency"])))
            found = [
                t
                for theirs, t in by_place.get((latest["state"], req.model), [])
                if words
                and theirs
                and later(t)
                and identity.similarity(words, theirs, identity.PENDING_THRESHOLD)
                >= identity.PENDING_THRESHOLD
            ]
        if found:
            best = min(found, key=lambda t: (part.snapshots[t.present[0]].order, t.rank()))
            out[req.tid] = best.tid
            used.add(best.tid)
    return out


def _later(part: Timeline, since: dt.date, used: set[int]):
    """A test: listed as an agreement on or after ``since``, and not linked yet."""
    return lambda t: part.snapshots[t.present[0]].date >= since and t.tid not in used


def _keys(track: Track) -> set[tuple[str, str, str]]:
    """The (state, model, canonical name) keys of a track."""
    states = {v for _, v in track.points.get("state", [])}
    names = {canon(v) for _, v in track.points.get("agency", [])}
    return {(s, track.model, n) for s in states for n in names}
