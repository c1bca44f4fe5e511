"""What each file holds and which date its list has: ICE's name, the capture time, or a
repaired name where the content shows the name is impossible."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from .archive import RowCache, Source
from .dates import AsOf, read_name
from .records import Normalised
from .tracks import TRACKED, comparable

LATE_LIMIT = 5  # this many agreements signed after a list's date: the name is wrong
YEAR_SLIP_DAYS = 60  # a year+1 repair must put the list this close after its latest signing
UNDATED_YEAR = 2099  # files without a date accept any signing year up to here


@dataclass
class Listed:
    """One file as read: date, counts, content fingerprint and what the replay made of it."""

    name: str
    digest: str
    kind: str | None = None
    as_of: AsOf | None = None
    basis: str = "name"
    note: str | None = None
    rows_read: int = 0
    placed: int = 0
    rejected: Counter = field(default_factory=Counter)
    blank: int = 0
    fingerprint: str | None = None
    max_signed: str | None = None
    late: int = 0
    outcome: str = ""  # "list", "same" (a republication of list_key) or "anomaly"
    list_key: str | None = None
    reason: str | None = None
    norm: Normalised | None = None
    columns: frozenset[str] = frozenset()
    source: Source | None = field(default=None, repr=False)


def describe(source: Source, cache: RowCache) -> Listed:
    """Read what a file holds and what its name says about its date."""
    out = Listed(source.name, source.digest, source=source)
    named = read_name(source.name)
    out.as_of, out.basis, out.note = named.as_of, named.basis, named.note
    if source.raw is None:
        out.outcome, out.reason = "anomaly", f"unreadable: {source.error}"
        return out
    _content(out, cache)
    return out


def _content(out: Listed, cache: RowCache) -> None:
    """Normalise the file's rows for its date (signing years up to the next year are real)."""
    raw = out.source.raw
    year = (out.as_of.date.year if out.as_of else UNDATED_YEAR) + 1
    norm = cache.normalise(raw, year, ids=False)
    out.kind, out.norm, out.columns = raw.kind, norm, frozenset(raw.columns)
    out.rows_read, out.placed, out.blank = len(raw.rows), len(norm.records), raw.blank_rows
    out.rejected = Counter(r.reason for r in norm.rejected)
    out.fingerprint = fingerprint(norm.records)
    signed = [r["signed"] for r in norm.records if r.get("signed")]
    out.max_signed = max(signed, default=None)
    out.late = sum(s > out.as_of.date.isoformat() for s in signed) if out.as_of else 0


def fingerprint(records: list[dict]) -> str:
    """A digest of a list's agreements, whatever their order and Wayback captures."""
    rows = sorted(repr([r["model"], *(comparable(k, r.get(k)) for k in TRACKED)]) for r in records)
    return hashlib.sha1("\n".join(rows).encode()).hexdigest()[:16]


def repair_dates(
    files: list[Listed], cache: RowCache, known: dict[str, tuple[str, AsOf]] | None = None
) -> None:
    """Correct names whose date the content contradicts; leave the rest to their content.
    ``known``: corrections made before (stem -> participating file, its corrected date)."""
    fixed: dict[str, tuple[str, AsOf]] = dict(known or {})
    for f in files:
        if f.kind != "participating" or f.as_of is None or f.late < LATE_LIMIT:
            continue
        day, latest = f.as_of.date, dt.date.fromisoformat(f.max_signed or "")
        later = _next_year(day)
        if later and latest <= later <= latest + dt.timedelta(days=YEAR_SLIP_DAYS):
            f.note = (
                f"named {f.as_of} but {f.late} agreements were signed later (up to {latest}); "
                f"ICE wrote the previous year: read as {later}"
            )
            f.as_of, f.basis = (
                AsOf(later, f.as_of.edition, f.as_of.minute, f.as_of.variant),
                "corrected",
            )
            fixed[stem(f.name)] = (f.name, f.as_of)
            _content(f, cache)
        else:
            f.note = (
                f"named {f.as_of} but {f.late} agreements were signed later (up to {latest}); "
                "no repair of the name fits, so it is placed by its content"
            )
            f.as_of, f.basis = None, "content"
    for f in files:
        sibling = fixed.get(stem(f.name))
        if f.kind == "pending" and f.as_of and f.basis != "corrected" and sibling:
            name, day = sibling
            f.note = f"published with {name}, whose date was corrected to {day}"
            f.as_of, f.basis = (
                AsOf(day.date, f.as_of.edition, f.as_of.minute, f.as_of.variant),
                "corrected",
            )


def _next_year(day: dt.date) -> dt.date | None:
    """The same day a year later (None for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return None


def stem(name: str) -> str:
    """A file name without its list word, so that a day's two lists share it."""
    return re.sub(r"^(?:participating|pending)agenc(?:y|ies)", "", name.lower())
