"""Turn raw spreadsheet cells into clean field values plus flags for values we cannot trust."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from ..data.vocab import (
    COUNTY_PLACEHOLDERS,
    COUNTY_WORDS,
    MODEL_VARIANTS,
    PROBLEMS,
    STATE_ALIASES,
    STATE_CODES,
    STATES,
    SUPPORT_TYPES,
    TYPE_NAMES,
    TYPE_VARIANTS,
    TYPES,
)
from .spelling import closest, distance

Flag = dict[str, str]
Cell = str | int | float | dt.date | dt.datetime | None

EXCEL_EPOCH = dt.date(1899, 12, 30)
FIRST_YEAR = 1996  # 287(g) was enacted in 1996; earlier signing years are impossible.
_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})(/?)(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")


def flag(field: str, raw: Cell, key: str) -> Flag:
    """Build one flag with the raw value kept as text."""
    return {"field": field, "raw": "" if raw is None else str(raw), "problem": PROBLEMS[key]}


def clean_text(field: str, raw: Cell) -> tuple[str, list[Flag]]:
    """Trim, turn non-breaking spaces into spaces and join line breaks (flagged)."""
    if raw is None:
        return "", []
    text, broken = _clean(str(raw))
    return text, [flag(field, raw, "line_break")] if broken else []


@lru_cache(maxsize=1 << 16)  # the same cell texts recur in every list
def _clean(text: str) -> tuple[str, bool]:
    """The cleaned text, and whether it held a line break."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip(), bool(re.search(r"[\r\n]", text))


def state_code(raw: Cell) -> str | None:
    """Map a STATE cell (full name, any case or spacing, or a USPS code) to its USPS code."""
    text, _ = clean_text("state", raw)
    key = text.upper().rstrip(".")
    if key in STATE_CODES:
        return key
    return STATES.get(key) or STATE_ALIASES.get(key)


def state(raw: Cell) -> tuple[str | None, list[Flag]]:
    """state_code, or else the one state a misspelled name is closest to (flagged)."""
    code = state_code(raw)
    if code is not None:
        return code, []
    text, _ = clean_text("state", raw)
    code = _closest_state(text)
    return code, [flag("state", raw, "matched")] if code else []


@cache
def _closest_state(text: str) -> str | None:
    """The state or territory a misspelled name is clearly nearest to."""
    return closest(text, STATES | STATE_ALIASES)


def model_code(raw: Cell) -> tuple[str | None, list[Flag]]:
    """Map a SUPPORT TYPE cell to jem/tfm/wso; variants and misspellings are flagged."""
    text, flags = clean_text("model", raw)
    key = text.lower()
    for code, name in SUPPORT_TYPES.items():
        if key in (name.lower(), code):
            return code, flags
    if key in MODEL_VARIANTS:
        return MODEL_VARIANTS[key], [*flags, flag("model", raw, "variant")]
    code = _closest_model(text)
    return code, [*flags, flag("model", raw, "matched")] if code else flags


@cache
def _closest_model(text: str) -> str | None:
    """The model a misspelled SUPPORT TYPE is clearly nearest to."""
    return closest(text, {name: code for code, name in SUPPORT_TYPES.items()} | MODEL_VARIANTS)


def agency_type(raw: Cell, present: bool) -> tuple[str | None, list[Flag]]:
    """Map a TYPE cell to county/municipality/state_agency, or None when the list has no TYPE."""
    if not present:
        return None, []
    text, flags = clean_text("type", raw)
    key = text.lower().replace(" ", "_")
    if key in TYPES:
        return key, flags
    if key in TYPE_VARIANTS:
        return TYPE_VARIANTS[key], flags
    code = _closest_type(text)
    if code is not None:
        return code, [*flags, flag("type", raw, "matched")]
    return None, [*flags, flag("type", raw, "unknown_type" if text else "missing_type")]


@cache
def _closest_type(text: str) -> str | None:
    """The agency type a misspelled TYPE is clearly nearest to."""
    names = {name: code for code, name in TYPE_NAMES.items()} | {
        v.replace("_", " "): code for v, code in TYPE_VARIANTS.items()
    }
    return closest(text, names)


def county(raw: Cell) -> tuple[str | None, list[Flag]]:
    """Keep a COUNTY cell as written; flag placeholders, likely typos and non-county values."""
    text, flags = clean_text("county", raw)
    if not text:
        return None, flags
    if text.upper() in COUNTY_PLACEHOLDERS:
        return None, [*flags, flag("county", raw, "placeholder")]
    words = text.lower()
    if any(w in words for w in COUNTY_WORDS) and not _has_typo(text):
        return text, flags
    return text, [*flags, flag("county", raw, "misspelling" if _has_typo(text) else "not_county")]


@cache
def _has_typo(text: str) -> bool:
    """Tell whether a word is one or two edits away from "County" or "Parish"."""
    words = re.findall(r"[a-z]+", text.lower())
    limit = {4: 1}  # short words: one edit only, so names like "Coty" stay unflagged
    return any(
        len(w) >= 4 and 0 < distance(w, t) <= limit.get(len(w), 2)
        for w in words
        for t in ("county", "parish")
    )


def signed_date(raw: Cell, latest_year: int) -> tuple[str | None, list[Flag]]:
    """Parse a SIGNED cell (Excel date, serial number or text) into an ISO date."""
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return _checked(raw, raw, latest_year, [])
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        day = EXCEL_EPOCH + dt.timedelta(days=int(raw))
        return _checked(day, raw, latest_year, [flag("signed", raw, "excel_serial")])
    text, flags = clean_text("signed", raw)
    if not text:
        return None, [*flags, flag("signed", raw, "missing_date")]
    if m := _ISO_DATE.fullmatch(text):
        parts, note = (int(m[1]), int(m[2]), int(m[3])), []
    elif m := _SLASH_DATE.fullmatch(text):
        parts = (int(m[4]), int(m[1]), int(m[2]))
        note = [] if m[3] else [flag("signed", raw, "interpreted_date")]
    else:
        return None, [*flags, flag("signed", raw, "unreadable_date")]
    try:
        day = dt.date(*parts)
    except ValueError:
        return None, [*flags, flag("signed", raw, "impossible_date")]
    return _checked(day, raw, latest_year, flags + note)


def _checked(
    day: dt.date, raw: Cell, latest_year: int, flags: list[Flag]
) -> tuple[str | None, list[Flag]]:
    """Reject signing years before 287(g) existed or after the list's year."""
    if not FIRST_YEAR <= day.year <= latest_year:
        return None, [*flags, flag("signed", raw, "impossible_date")]
    return day.isoformat(), flags
