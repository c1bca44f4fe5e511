"""Whether a dated file is a new list, a republication of the list before it, or an anomaly
(an empty export, a stale list republished, a cut-off export) that changes no lifecycle."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .catalogue import Listed

STALE_DAYS = 7
CUT_OFF = 0.5  # a participating list with half the rows of the one before is cut off


@dataclass
class Seen:
    """An accepted list, as later files are compared with it."""

    key: str
    order: tuple
    date: dt.date
    fingerprint: str
    rows: int
    max_signed: str | None


def classify(f: Listed, seen: list[Seen]) -> tuple[str, str | None, str | None]:
    """(outcome, list key, reason) of a dated file among the accepted lists of its kind."""
    if f.placed == 0:
        why = "no rows" if not f.rows_read else f"none of its {f.rows_read} rows could be read"
        return "anomaly", None, f"empty export: {why}"
    order = f.as_of.sort_key()
    before = [s for s in seen if s.order <= order]
    prev = before[-1] if before else None
    if prev and prev.fingerprint == f.fingerprint:
        return "same", prev.key, None
    older = next((s for s in reversed(before[:-1]) if s.fingerprint == f.fingerprint), None)
    if prev and older and _stale(f, prev, older):
        return (
            "anomaly",
            None,
            (
                f"stale: the same list as {older.key} ({older.date}), republished after "
                f"{prev.key} ({prev.date})"
            ),
        )
    if prev and f.kind == "participating" and _older(f, prev):
        return (
            "anomaly",
            None,
            (
                f"stale: an older list; its latest signing date {f.max_signed} is before the "
                f"previous list's {prev.max_signed} and it has {prev.rows - f.placed} fewer rows"
            ),
        )
    if prev and f.kind == "participating" and f.placed < CUT_OFF * prev.rows:
        return "anomaly", None, f"cut off: {f.placed} rows where the previous list had {prev.rows}"
    return "list", f.name, None


def _stale(f: Listed, prev: Seen, older: Seen) -> bool:
    """An older list again: it lacks what the list before it added, or is a week older."""
    if f.kind == "participating":
        return (prev.max_signed or "") > (f.max_signed or "")
    return (f.as_of.date - older.date).days >= STALE_DAYS


def _older(f: Listed, prev: Seen) -> bool:
    """Fewer rows and a latest signing date a week before the previous list's."""
    if not (f.max_signed and prev.max_signed) or f.placed >= prev.rows:
        return False
    gap = dt.date.fromisoformat(prev.max_signed) - dt.date.fromisoformat(f.max_signed)
    return gap.days >= STALE_DAYS
