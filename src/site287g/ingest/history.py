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
