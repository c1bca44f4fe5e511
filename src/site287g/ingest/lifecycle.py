"""Each agreement's life from its timeline: listed, missing for a while, removed, listed again,
and every change of its values, dated by the list that first showed it.

An agreement counts as removed only when every list over at least REMOVAL_DAYS days and at
least REMOVAL_LISTS consecutive lists leaves it out; a shorter absence (a partial export, a
row cap) is kept as "missing from ICE's list from X to Y". A change that ICE undid as quickly
is kept but marked brief.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .ids import agreement_id as _agreement_id
from .timeline import Timeline
from .tracks import Track, comparable

REMOVAL_DAYS = 14


@lru_cache(maxsize=65536)
def agreement_id(state: str, agency: str, model: str) -> str:
    """ids.agreement_id, remembered: every render asks again for every agreement."""
    return _agreement_id(state, agency, model)


REMOVAL_LISTS = 3
SHOWN: tuple[str, ...] = ("type", "county", "signed", "moa", "moa_pending", "addendum")


@dataclass(frozen=True)
class Absence:
    """Consecutive lists (by position) that leave an agreement out; last None = up to now."""

    first: int
    last: int
    open: bool
    removal: bool


def absences(tl: Timeline, track: Track) -> list[Absence]:
    """Every run of lists without the agreement after its first listing."""
    out = []
    present, end = track.present, len(tl.snapshots) - 1
    for a, b in zip(present, present[1:], strict=False):
        if b - a > 1:
            out.append(Absence(a + 1, b - 1, False, is_removal(tl, a + 1, b - 1)))
    if present[-1] < end:
        out.append(Absence(present[-1] + 1, end, True, is_removal(tl, present[-1] + 1, end)))
    return out


def is_removal(tl: Timeline, first: int, last: int) -> bool:
    """Whether lists first..last are enough lists over enough days to mean a removal."""
    days = (tl.snapshots[last].date - tl.snapshots[first].date).days
    return last - first + 1 >= REMOVAL_LISTS and days >= REMOVAL_DAYS


def life(tl: Timeline, track: Track) -> dict:
    """Status, episodes, short absences and changes of one agreement (plain data)."""
    ref = _ref(tl)
    episodes, missing, start = [], [], track.present[0]
    for gap in absences(tl, track):
        before = gap.first - 1
        if gap.removal:
            episodes.append(
                {**ref(start, "listed"), **ref(before, "last"), **ref(gap.first, "removed")}
            )
            start = next((i for i in track.present if i > gap.last), None)
        else:
            missing.append(
                {
                    **ref(gap.first, "from"),
                    **ref(None if gap.open else gap.last, "to"),
                    "lists": gap.last - gap.first + 1,
                }
            )
    if start is not None:
        still = track.present[-1] == len(tl.snapshots) - 1
        last = None if still else track.present[-1]
        episodes.append({**ref(start, "listed"), **ref(last, "last"), **ref(None, "removed")})
    status = (
        "removed"
        if episodes[-1]["removed"]
        else ("missing" if missing and missing[-1]["to"] is None else "active")
    )
    return {
        "status": status,
        "episodes": episodes,
        "missing": missing,
        "changes": changes(tl, track),
    }


def changes(tl: Timeline, track: Track) -> list[dict]:
    """Every change point after a field's first value, in list order; brief ones marked."""
    out = []
    for name in ("state", "agency", *SHOWN):
        pts = track.points.get(name, [])
        for j in range(1, len(pts)):
            at, value = pts[j]
            brief = _reverted(tl, track, name, pts, j) or (
                j > 1 and _reverted(tl, track, name, pts, j - 1)
            )
            change = {
                "date": tl.snapshots[at].date.isoformat(),
                "file": tl.snapshots[at].key,
                "field": name,
                "from": pts[j - 1][1],
                "to": value,
            }
            out.append({**change, "brief": True} if brief else change)
    return sorted(out, key=lambda c: (c["date"], c["file"], c["field"]))


def _reverted(tl: Timeline, track: Track, name: str, pts: list, j: int) -> bool:
    """Whether change j was undone by the next change within a short absence's span."""
    if j + 1 >= len(pts) or comparable(name, pts[j + 1][1]) != comparable(name, pts[j - 1][1]):
        return False
    shown = [i for i in track.present if pts[j][0] <= i < pts[j + 1][0]]
    return not is_removal(tl, shown[0], shown[-1]) if shown else True


def _ref(tl: Timeline):
    """A function giving {name: date, name_file: file} of a list position (None: nulls)."""

    def ref(at: int | None, name: str) -> dict:
        """Date and first file of the list at position ``at``."""
        if at is None:
            return {name: None, f"{name}_file": None}
        snap = tl.snapshots[at]
        return {name: snap.date.isoformat(), f"{name}_file": snap.key}

    return ref


def assign_ids(tl: Timeline) -> dict[int, str]:
    """Each track's id: state, latest name and model; a repeat gets -2, -3 by first listing."""
    out: dict[int, str] = {}
    used: set[str] = set()
    for track in sorted(tl.tracks, key=lambda t: t.rank()):
        latest = track.latest()
        base = agreement_id(latest["state"], latest["agency"], track.model)
        new, n = base, 1
        while new in used:
            n += 1
            new = f"{base}-{n}"
        used.add(new)
        out[track.tid] = new
    return out


def former_ids(track: Track) -> set[str]:
    """Ids of every (state, name) the agreement has been listed under, in time order."""
    points = sorted(
        [(i, 0, v) for i, v in track.points.get("state", [])]
        + [(i, 1, v) for i, v in track.points.get("agency", [])],
        key=lambda p: (p[0], p[1]),
    )
    current: list = [None, None]
    out: set[str] = set()
    for n, (at, which, value) in enumerate(points):
        current[which] = value
        last_of_list = n + 1 == len(points) or points[n + 1][0] != at
        if last_of_list and all(current):
            out.add(agreement_id(current[0], current[1], track.model))
    return out
