"""Read lifecycle.yml and sources.yml back into timelines, so that an import can add a list.

The accepted lists in sources.yml give each kind's lists in order; an agreement's episodes
and short absences give every list that showed it, its changes and latest values its value
at each; so the timeline is the one the replay built.
"""

from __future__ import annotations

from .classify import Seen
from .stored import stored_as_of
from .timeline import Timeline
from .tracks import OPTIONAL, TRACKED, Join, Snapshot, Track


def load_timelines(files: list[dict], lifecycle: dict) -> tuple[dict, dict]:
    """Rebuild each kind's timeline and accepted lists from the two stored documents."""
    timelines, seen = {}, {}
    for kind in ("participating", "pending"):
        lists = sorted(
            (_snapshot(e) for e in files if e["list"] == kind and e["outcome"] == "list"),
            key=lambda pair: pair[0].order,
        )
        tl = Timeline(kind, [s for s, _ in lists])
        seen[kind] = [se for _, se in lists]
        at = {s.key: i for i, s in enumerate(tl.snapshots)}
        for rec in sorted(lifecycle.get(kind, []), key=lambda r: r["id"]):
            tl.tracks.append(_track(len(tl.tracks), rec, tl, at))
        timelines[kind] = tl
    return timelines, seen


def _snapshot(e: dict) -> tuple[Snapshot, Seen]:
    """A stored accepted list as the timeline and the classifier see it."""
    as_of = stored_as_of(e)
    order = as_of.sort_key()
    snap = Snapshot(e["file"], as_of.date, order, frozenset(e["columns"]), e["rows_placed"])
    seen = Seen(e["file"], order, as_of.date, e["fingerprint"], e["rows_placed"], e["max_signed"])
    return snap, seen


def _track(tid: int, rec: dict, tl: Timeline, at: dict[str, int]) -> Track:
    """One stored agreement back as a track: its lists, change points and joins."""
    last = len(tl.snapshots) - 1
    present: set[int] = set()
    for ep in rec["episodes"]:
        present.update(
            range(at[ep["listed_file"]], (at[ep["last_file"]] if ep["last_file"] else last) + 1)
        )
    for gap in rec["missing"]:
        present.difference_update(
            range(at[gap["from_file"]], (at[gap["to_file"]] if gap["to_file"] else last) + 1)
        )
    track = Track(tid, sorted(present), model=rec["model"])
    changes: dict[str, list[dict]] = {}
    for c in rec["changes"]:
        changes.setdefault(c["field"], []).append(c)
    for name in TRACKED:
        if name not in rec and name not in ("state", "agency"):
            continue
        first = next(
            (i for i in track.present if name not in OPTIONAL or name in tl.snapshots[i].columns),
            None,
        )
        if first is None:
            continue
        steps = changes.get(name, [])
        start = steps[0]["from"] if steps else rec[name]
        track.points[name] = [(first, start)] + [(at[c["file"]], c["to"]) for c in steps]
    track.joins = [Join(at[j["file"]], j["rule"], j["from"]) for j in rec["joins"]]
    return track
