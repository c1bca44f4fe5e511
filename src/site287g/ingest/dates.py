"""The date and order of a list from its file name: ICE's names, capture times, our CSVs."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Order of editions within one day, for sorting snapshots.
EDITION_ORDER: dict[str | None, int] = {None: 0, "am": 1, "mid": 2, "pm": 3}
# Where an edition sits in a day, in minutes, so that capture times sort among editions.
_EDITION_MINUTE: dict[str | None, int] = {None: 0, "am": 9 * 60, "mid": 12 * 60, "pm": 15 * 60}

_END_OF_DAY = 24 * 60 - 1
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(am|pm|mid)?", re.I)
_STAMP = re.compile(r"[-_](\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?!\d)")  # capture time
_ICE = re.compile(r"agenc(?:y|ies)[-_]?(\d{6,9})(am|pm|mid)?(.*)$", re.I)


@dataclass(frozen=True)
class AsOf:
    """The date a list describes, ICE's am/mid/pm edition, and where it sits in its day."""

    date: dt.date
    edition: str | None = None
    minute: int | None = None  # capture time of day; None: the edition's nominal time
    variant: str = ""  # ICE's second file of an edition: "b", "2", "copy", ...

    def sort_key(self) -> tuple[dt.date, int, int, tuple[int, str]]:
        """Key that orders the lists of one day: am, mid, pm; a variant after its edition."""
        minute = _EDITION_MINUTE[self.edition] if self.minute is None else self.minute
        return self.date, minute, EDITION_ORDER.get(self.edition, 4), _variant_rank(self.variant)

    def __str__(self) -> str:
        """Render as 2026-05-18am."""
        return self.date.isoformat() + (self.edition or "")


@dataclass(frozen=True)
class NameDate:
    """What a file name says about the list's date, and how (basis, and any repair)."""

    as_of: AsOf | None
    basis: str  # "name" (ICE's date), "capture" (capture time), "snapshot" (our CSV)
    note: str | None = None  # how an impossible name was read


def parse_as_of(text: str) -> AsOf:
    """Parse a --as-of value: YYYY-MM-DD with an optional am/pm/mid suffix."""
    m = _ISO.fullmatch(text.strip())
    if not m:
        raise ValueError(f"--as-of {text!r}: expected YYYY-MM-DD, optionally followed by am/pm/mid")
    return AsOf(dt.date(int(m[1]), int(m[2]), int(m[3])), (m[4] or "").lower() or None)


def infer_as_of(name: str) -> AsOf | None:
    """Date and edition from participating_2025-07-18pm.csv, ...-20250221214937.xlsx or
    ...05182026am.xlsx, as written: None where only a repair gives a date (read_name does)."""
    named = read_name(name)
    if named.as_of is None or named.note:
        return None
    return AsOf(named.as_of.date, named.as_of.edition)


def read_name(name: str) -> NameDate:
    """The date in a file name, or NameDate(None, ...) when the name has none."""
    stem = name.rsplit(".", 1)[0]
    if m := _ISO.search(stem):
        as_of = _date(m[1], m[2], m[3], m[4])
        if as_of and as_of.edition is None:  # a copy of that day's capture: after it
            as_of = AsOf(as_of.date, None, _END_OF_DAY)
        return NameDate(as_of, "snapshot")
    if m := _STAMP.search(stem):
        day = _date(m[1], m[2], m[3], None)
        minute = int(m[4]) * 60 + int(m[5])
        return NameDate(AsOf(day.date, None, minute) if day else None, "capture")
    if m := _ICE.search(stem):
        return _ice(m[1], (m[2] or "").lower() or None, m[3])
    return NameDate(None, "name")


def _ice(digits: str, edition: str | None, rest: str) -> NameDate:
    """ICE's MMDDYYYY / MMDDYY, or a nine-digit slip that one dropped digit makes a date."""
    variant = re.sub(r"[^a-z0-9]+", "", rest.lower())
    if len(digits) in (6, 8):
        as_of = _date(digits[4:], digits[:2], digits[2:4], edition, variant)
        return NameDate(as_of, "name")
    if len(digits) == 9:
        found = {
            str(a)
            for i in range(9)
            for d in [digits[:i] + digits[i + 1 :]]
            if (a := _date(d[4:], d[:2], d[2:4], edition, variant)) is not None
        }
        if len(found) == 1:
            as_of = parse_as_of(found.pop())
            as_of = AsOf(as_of.date, as_of.edition, None, variant)
            note = (
                f"ICE's name has nine digits ({digits}); dropping one digit gives only one "
                f"valid date, {as_of}"
            )
            return NameDate(as_of, "name", note)
    return NameDate(None, "name")


def _variant_rank(variant: str) -> tuple[int, str]:
    """ICE's suffixes after an edition: none, then B, then 2, 3, ..., then anything else."""
    if not variant:
        return 0, ""
    if variant == "b":
        return 1, ""
    if variant.isdigit():
        return 2, variant.zfill(4)
    return 3, variant


def _date(year: str, month: str, day: str, edition: str | None, variant: str = "") -> AsOf | None:
    """An AsOf from the parts of a date, or None when they are no date."""
    number = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return AsOf(
            dt.date(number, int(month), int(day)), (edition or "").lower() or None, None, variant
        )
    except ValueError:
        return None
