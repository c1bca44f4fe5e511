"""Compare two versions of a list and keep the per-import change log (history.yml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import write
from .records import RECORD_KEYS

# Every field of a record but its id and the importer's flags.
COMPARED: tuple[str, ...] = tuple(k for k in RECORD_KEYS if k not in ("id", "flags"))
# Wayback copies of the same PDF differ only in the capture time; that is no change.
_WAYBACK = re.compile(r"^https?://web\.archive\.org/web/\d+(?:id_)?/")


@dataclass
class Diff:
    """Agreements added, removed and changed (with the names of the changed fields)."""

    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[dict] = field(default_factory=list)

    def empty(self) -> bool:
        """True when nothing changed."""
        return not (self.added or self.removed or self.changed)


def _brief(rec: dict) -> dict:
    """Enough of a record to show it in a change log."""
    return {"id": rec["id"], "state": rec["state"], "agency": rec["agency"], "model": rec["model"]}


def _value(rec: dict, key: str) -> object:
    """A field value as compared: missing is None, Wayback capture times ignored."""
    value = rec.get(key)
    if key == "moa_pending":
        return bool(value)
    if isinstance(value, str) and key in ("moa", "addendum"):
        return _WAYBACK.sub("https://web.archive.org/web/", value)
    return value


def diff(old: list[dict], new: list[dict]) -> Diff:
    """Match records by id and list what was added, removed or changed."""
    before = {r["id"]: r for r in old}
    after = {r["id"]: r for r in new}
    out = Diff()
    for rid in sorted(after.keys() - before.keys()):
        out.added.append(_brief(after[rid]))
    for rid in sorted(before.keys() - after.keys()):
        out.removed.append(_brief(before[rid]))
    for rid in sorted(after.keys() & before.keys()):
        fields = [k for k in COMPARED if _value(before[rid], k) != _value(after[rid], k)]
        if fields:
            out.changed.append({**_brief(after[rid]), "fields": fields})
    return out


def entry(kind: str, as_of: str, edition: str | None, source: str, rows: int, d: Diff) -> dict:
    """One history entry for an import."""
    return {
        "list": kind,
        "as_of": as_of,
        "edition": edition,
        "source": source,
        "rows": rows,
        "added": d.added,
        "removed": d.removed,
        "changed": d.changed,
    }


def append(history: list[dict], new: dict) -> list[dict]:
    """Add an entry, unless it repeats the last import of that list with no change."""
    last = next((h for h in reversed(history) if h["list"] == new["list"]), None)
    same = last is not None and all(last[k] == new[k] for k in ("as_of", "edition", "source"))
    if same and not (new["added"] or new["removed"] or new["changed"]):
        return history
    return [*history, new]


def render(history: list[dict]) -> str:
    """history.yml text: one line per agreement so that each import is a readable diff."""
    return write.history_file(history)


def describe(kind: str, as_of: str, d: Diff, limit: int = 20) -> list[str]:
    """Printable lines: counts, then the first `limit` added / removed / changed agreements."""
    lines = [
        f"{kind} list as of {as_of}: {len(d.added)} added, {len(d.removed)} removed, "
        f"{len(d.changed)} changed"
    ]
    for label, items in (("+", d.added), ("-", d.removed), ("~", d.changed)):
        for item in items[:limit]:
            fields = f"  [{', '.join(item['fields'])}]" if "fields" in item else ""
            lines.append(
                f"  {label} {item['id']}  ({item['state']}, {item['agency']}, "
                f"{item['model']}){fields}"
            )
        if len(items) > limit:
            lines.append(f"  {label} ... {len(items) - limit} more in data/agencies/history.yml")
    return lines


def from_lifecycle(records: dict[str, list[dict]], lists: dict[str, list[dict]]) -> list[dict]:
    """history.yml entries from lifecycle.yml: per list, the agreements that entered it (first
    listing or re-listing), left it for good (removal, dated by the first list without them)
    and whose values changed (brief changes left out). Lists without any are left out."""
    events: dict[tuple[str, str], dict[str, list]] = {}

    def at(kind: str, key: str) -> dict[str, list]:
        """The event lists of one list."""
        return events.setdefault((kind, key), {"added": [], "removed": [], "changed": {}})

    for kind, recs in records.items():
        for rec in recs:
            brief = {k: rec[k] for k in ("id", "state", "agency", "model")}
            for ep in rec["episodes"]:
                at(kind, ep["listed_file"])["added"].append(brief)
                if ep["removed_file"]:
                    at(kind, ep["removed_file"])["removed"].append(brief)
            for c in rec["changes"]:
                if not c.get("brief") and c["field"] in COMPARED:
                    fields = at(kind, c["file"])["changed"].setdefault(rec["id"], [])
                    fields.append(c["field"])
    out = []
    for kind, entries in lists.items():
        briefs = {r["id"]: _brief(r) for r in records[kind]}
        for snap in entries:
            ev = events.get((kind, snap["file"]))
            if not ev:
                continue
            out.append(
                {
                    "list": kind,
                    "as_of": snap["date"],
                    "edition": snap["edition"],
                    "source": snap["file"],
                    "rows": snap["rows_placed"],
                    "added": sorted(ev["added"], key=lambda b: b["id"]),
                    "removed": sorted(ev["removed"], key=lambda b: b["id"]),
                    "changed": [
                        {**briefs[i], "fields": sorted(set(f), key=COMPARED.index)}
                        for i, f in sorted(ev["changed"].items())
                    ],
                    "_order": snap["_order"],
                }
            )
    out.sort(key=lambda e: (e["_order"], e["list"]))
    for e in out:
        del e["_order"]
    return out
