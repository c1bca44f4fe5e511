"""The records of data/agencies/lifecycle.yml and sources.yml, from the timelines.

lifecycle.yml holds, per agreement, what a reader wants (status, episodes, short absences,
changes) and exactly enough to rebuild its timeline (restore.py), so that an import adds a
list to the stored state without the archive and gives the files a replay would.
"""

from __future__ import annotations

import datetime as dt

from .catalogue import Listed
from .dates import AsOf, read_name
from .lifecycle import assign_ids, former_ids, life
from .pending import link_pending
from .timeline import Timeline
from .tracks import Track

# Within one list date and edition, ICE's files come before corrected ones and our CSV copies.
BASIS_RANK: dict[str, int] = {
    "name": 0,
    "capture": 0,
    "given": 0,
    "corrected": 1,
    "content": 2,
    "snapshot": 3,
}
VALUES: tuple[str, ...] = ("type", "county", "signed", "moa", "moa_pending", "addendum")


def lifecycle_doc(timelines: dict[str, Timeline]) -> tuple[dict[str, list[dict]], dict]:
    """The records of lifecycle.yml by list, and each kind's {tid: id}."""
    ids = {kind: assign_ids(tl) for kind, tl in timelines.items()}
    links = link_pending(timelines["pending"], timelines["participating"])
    signed_as = {p: ids["participating"][a] for p, a in links.items()}
    came_from = {a: ids["pending"][p] for p, a in links.items()}
    out: dict[str, list[dict]] = {}
    for kind, tl in timelines.items():
        taken = set(ids[kind].values())
        recs = []
        for track in tl.tracks:
            rec = _record(tl, track, ids[kind][track.tid], taken)
            if kind == "participating":
                rec["pending"] = came_from.get(track.tid)
            else:
                rec["signed_as"] = signed_as.get(track.tid)
                if rec["signed_as"]:
                    rec["status"] = "signed"
                elif rec["status"] == "active":
                    rec["status"] = "pending"
            recs.append(rec)
        out[kind] = sorted(recs, key=lambda r: r["id"])
    return out, ids


def _record(tl: Timeline, track: Track, rid: str, taken: set[str]) -> dict:
    """One agreement's line of lifecycle.yml."""
    latest = track.latest()
    first = tl.snapshots[track.present[0]]
    lived = life(tl, track)
    rec = {
        "id": rid,
        "state": latest["state"],
        "agency": latest["agency"],
        "model": track.model,
        "status": lived["status"],
        "first_listed": first.date.isoformat(),
    }
    rec.update({k: latest.get(k) for k in VALUES if k in track.points})
    rec["episodes"] = lived["episodes"]
    rec["missing"] = lived["missing"]
    rec["changes"] = lived["changes"]
    rec["joins"] = [
        {
            "date": tl.snapshots[j.at].date.isoformat(),
            "file": tl.snapshots[j.at].key,
            "rule": j.rule,
            "from": j.before,
        }
        for j in track.joins
    ]
    rec["former_ids"] = sorted(former_ids(track) - taken)
    return rec


def file_entry(f: Listed) -> dict:
    """One file's line of sources.yml: its date and basis, row accounting and outcome."""
    rejected = sum(f.rejected.values())
    return {
        "file": f.name,
        "sha256": f.digest[:16],
        "list": f.kind,
        "date": f.as_of.date.isoformat() if f.as_of else None,
        "edition": f.as_of.edition if f.as_of else None,
        "basis": f.basis,
        "note": f.note,
        "rows_read": f.rows_read,
        "rows_placed": f.placed,
        "rows_rejected": rejected,
        "rejected": dict(sorted(f.rejected.items())),
        "blank_rows": f.blank,
        "outcome": f.outcome,
        "same_as": f.list_key if f.outcome == "same" else None,
        "reason": f.reason,
        "fingerprint": f.fingerprint,
        "max_signed": f.max_signed,
        "signed_after_date": f.late,
        "columns": sorted(f.columns),
    }


def stored_as_of(e: dict) -> AsOf:
    """A stored file's date, with the time of day and variant its name gives."""
    named = read_name(e["file"]).as_of
    minute, variant = (named.minute, named.variant) if named else (None, "")
    return AsOf(dt.date.fromisoformat(e["date"]), e["edition"], minute, variant)


def entry_order(e: dict) -> tuple:
    """sources.yml order: by list, then date and time of day, basis, name."""
    when = stored_as_of(e).sort_key() if e["date"] else ()
    return (e["list"] or "~", not e["date"], when, BASIS_RANK.get(e["basis"], 5), e["file"])
