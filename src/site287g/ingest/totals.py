"""The replay's numbers: files and rows accounted for, and what the lifecycles add up to."""

from __future__ import annotations

from collections import Counter

from .timeline import Timeline


def summary(
    files: list[dict], records: dict[str, list[dict]], timelines: dict[str, Timeline]
) -> dict:
    """Counts for sources.yml and the replay's printout."""
    outcomes = Counter(f["outcome"] for f in files)
    out = {
        "files": len(files),
        "lists": outcomes["list"],
        "republications": outcomes["same"],
        "anomalies": outcomes["anomaly"],
        "dates_corrected": sum(
            f["basis"] in ("corrected", "content") or bool(f["note"]) for f in files
        ),
        "rows_read": sum(f["rows_read"] for f in files),
        "rows_placed": sum(f["rows_placed"] for f in files),
        "rows_rejected": sum(f["rows_rejected"] for f in files),
        "unaccounted_files": [
            f["file"] for f in files if f["rows_read"] != f["rows_placed"] + f["rows_rejected"]
        ],
        "lists_not_matching_rows": [
            s.key
            for tl in timelines.values()
            for s, n in zip(tl.snapshots, _shown(tl), strict=True)
            if n != s.rows
        ],
        "listed_before_signed": [
            {"id": r["id"], "first_listed": r["first_listed"], "signed": _first_signed(r)}
            for r in records.get("participating", [])
            if (_first_signed(r) or "") > r["first_listed"]
        ],
    }
    for kind, recs in records.items():
        status = Counter(r["status"] for r in recs)
        out[kind] = {
            "ever_listed": len(recs),
            "status": dict(sorted(status.items())),
            "relisted": sum(len(r["episodes"]) > 1 for r in recs),
            "renamed": sum(_renamed(r) for r in recs),
            "absences_bridged": sum(len(r["missing"]) for r in recs),
            "with_absence": sum(bool(r["missing"]) for r in recs),
            "fuzzy_joins": sum(len(r["joins"]) for r in recs),
            "changes": sum(not c.get("brief") for r in recs for c in r["changes"]),
            "brief_changes": sum(bool(c.get("brief")) for r in recs for c in r["changes"]),
            "lists": len(timelines[kind].snapshots),
        }
    return out


def _shown(tl: Timeline) -> list[int]:
    """How many agreements each list of a timeline shows."""
    counts = [0] * len(tl.snapshots)
    for track in tl.tracks:
        for i in track.present:
            counts[i] += 1
    return counts


def _first_signed(rec: dict) -> str | None:
    """The signing date the agreement was first listed with."""
    first = next((c for c in rec["changes"] if c["field"] == "signed"), None)
    return first["from"] if first else rec.get("signed")


def _renamed(rec: dict) -> bool:
    """Whether ICE listed the agreement under another name (or state) that it kept."""
    return any(c["field"] in ("agency", "state") and not c.get("brief") for c in rec["changes"])


def lines(s: dict) -> list[str]:
    """The summary as printable lines."""
    out = [
        f"files {s['files']}: {s['lists']} distinct lists, {s['republications']} republications, "
        f"{s['anomalies']} anomalies, {s['dates_corrected']} dates corrected",
        f"rows read {s['rows_read']} = placed {s['rows_placed']} + rejected {s['rows_rejected']}"
        + (
            f"; NOT ACCOUNTED: {', '.join(s['unaccounted_files'])}"
            if s["unaccounted_files"]
            else ""
        ),
    ]
    for kind in ("participating", "pending"):
        k = s[kind]
        status = ", ".join(f"{n} {name}" for name, n in k["status"].items())
        out.append(
            f"{kind}: {k['ever_listed']} ever listed over {k['lists']} lists ({status}); "
            f"{k['relisted']} listed again after a removal, {k['renamed']} renamed, "
            f"{k['absences_bridged']} short absences bridged, {k['fuzzy_joins']} fuzzy joins, "
            f"{k['changes']} changes (+{k['brief_changes']} brief)"
        )
    return out
