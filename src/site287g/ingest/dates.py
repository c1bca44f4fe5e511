"""Infer a list's "as of" date and edition (am/pm/...) from ICE's and our file names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Order of editions within one day, for sorting snapshots.
EDITION_ORDER: dict[str | None, int] = {None: 0, "am": 1, "mid": 2, "pm": 3}

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(am|pm|mid)?", re.I)
_STAMP = re.compile(r"[-_](\d{4})(\d{2})(\d{2})\d{6}(?!\d)")  # -20250221214937: capture time
_ICE = re.compile(r"agencies[-_]?(\d{2})(\d{2})(\d{4}|\d{2})(?!\d)(am|pm|mid)?", re.I)


@dataclass(frozen=True)
class AsOf:
    """The date a list describes, and ICE's am/pm/mid edition of that day if known."""

    date: dt.date
    edition: str | None = None

    def sort_key(self) -> tuple[dt.date, int]:
        """Key that orders two editions of the same day."""
        return self.date, EDITION_ORDER.get(self.edition, 4)

    def __str__(self) -> str:
        """Render as 2026-05-18am."""
        return self.date.isoformat() + (self.edition or "")


def parse_as_of(text: str) -> AsOf:
    """Parse a --as-of value: YYYY-MM-DD with an optional am/pm/mid suffix."""
    m = _ISO.fullmatch(text.strip())
    if not m:
        raise ValueError(f"--as-of {text!r}: expected YYYY-MM-DD, optionally followed by am/pm/mid")
    return AsOf(dt.date(int(m[1]), int(m[2]), int(m[3])), (m[4] or "").lower() or None)


def infer_as_of(name: str) -> AsOf | None:
    """Date from participating_2025-07-18pm.csv, ...-20250221214937.xlsx or ...05182026am.xlsx."""
    try:
        if m := _ISO.search(name):
            return AsOf(dt.date(int(m[1]), int(m[2]), int(m[3])), (m[4] or "").lower() or None)
        if m := _STAMP.search(name):
            return AsOf(dt.date(int(m[1]), int(m[2]), int(m[3])))
        if m := _ICE.search(name):
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return AsOf(dt.date(year, int(m[1]), int(m[2])), (m[4] or "").lower() or None)
    except ValueError:  # e.g. ICE's "090022025am": digits that are no date
        return None
    return None
