"""Place each 287(g) agreement in a county (FIPS code), from ICE's COUNTY column or the agency.

Order of evidence: a state agency covers its whole state; otherwise ICE's COUNTY value, as
written or with its spelling corrected; then a county named in the agency's name ("Harris
County Sheriff's Office"); then the agency's city, when that city's ZIP codes lie in one
county (slivers of under 5% of a ZIP's addresses aside). Anything that fits more than one
county, or where two sources disagree, is not placed: a wrong county would tell a visitor the
wrong thing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..data.vocab import STATE_NAMES
from .county_data import counties, county_keys, words
from .county_match import (
    AMBIGUOUS,
    AS_WRITTEN,
    NAME_ONLY,
    NOT_A_COUNTY,
    PLACEHOLDERS,
    SPELLING,
    from_agency,
    from_city,
    from_column,
)

__all__ = [
    "AGENCY", "AMBIGUOUS", "AS_WRITTEN", "CITY", "CITY_SPLIT", "DISAGREE", "METHODS", "NAME_ONLY",
    "NOT_A_COUNTY", "NOT_PLACED", "NO_COUNTY", "NO_LIST", "REGIONAL", "SPELLING", "STATEWIDE",
    "Placement", "place",
]  # fmt: skip

AGENCY = "agency name"
CITY = "agency's city"
STATEWIDE = "state-wide agency"
NOT_PLACED = "not placed"
METHODS = (AS_WRITTEN, NAME_ONLY, SPELLING, AGENCY, CITY, STATEWIDE, NOT_PLACED)

NO_COUNTY = "no county given, none in the agency's name"
DISAGREE = "county column and the agency's name or city disagree"
CITY_SPLIT = "the agency's city lies in several counties"
REGIONAL = "regional state agency without a county"
NO_LIST = "no county list for the state"

_REGIONAL = re.compile(r"\b(judicial|circuit|district|distric|college|university|regional)\b")


@dataclass(frozen=True)
class Placement:
    """Where an agreement is: county FIPS and name (None when state-wide or not placed)."""

    state: str
    fips: str | None
    county: str | None
    method: str
    reason: str | None = None
    note: str | None = None


def place(rec: Mapping[str, Any]) -> Placement:
    """The county of one agreement record (fields state, agency, type, county)."""
    return _place(rec["state"], rec.get("agency") or "", rec.get("type"), rec.get("county"))


@functools.lru_cache(maxsize=1 << 17)
def _place(state: str, agency: str, kind: str | None, county: str | None) -> Placement:
    """The county of an agency (an agency with several models has one row per model)."""
    if state not in county_keys():
        return _not(state, NO_LIST)
    if _statewide(state, agency, kind):
        return Placement(state, None, None, STATEWIDE)
    raw = " ".join((county or "").split())
    if raw.lower() in PLACEHOLDERS:
        raw = ""
    col = from_column(state, raw) if raw else None
    named = from_agency(state, agency)
    town = from_city(state, agency) if kind != "county" else frozenset()
    if col is not None and col[0] is not None:
        other = named[0] if len(named) == 1 else min(town) if len(town) == 1 else col[0]
        if other != col[0]:
            return _not(state, DISAGREE, f"ICE's county “{raw}”, agency: {_name(other)}")
        note = f"ICE's county “{raw}” read as {_name(col[0])}" if col[1] != AS_WRITTEN else None
        return Placement(state, col[0], _name(col[0]), col[1], None, note)
    why = f"ICE's county “{raw}”: {col[1]}" if col is not None else None
    if len(named) == 1:
        return Placement(state, named[0], _name(named[0]), AGENCY, None, why)
    if len(named) > 1:
        return _not(state, AMBIGUOUS, why)
    if len(town) == 1:
        return Placement(state, min(town), _name(min(town)), CITY, None, why)
    if len(town) > 1:
        return _not(state, CITY_SPLIT, why)
    if col is not None:
        return _not(state, col[1], why)
    return _not(state, REGIONAL if kind == "state_agency" else NO_COUNTY)


def _not(state: str, reason: str, note: str | None = None) -> Placement:
    """An agreement that is not placed, and why."""
    return Placement(state, None, None, NOT_PLACED, reason, note)


def _name(fips: str) -> str:
    """The Census name of a county."""
    return counties()[fips].name


def _statewide(state: str, agency: str, kind: str | None) -> bool:
    """A state agency (or, before ICE typed agencies, one named for its state) that is not
    regional: judicial circuits, colleges and such cover part of a state."""
    text = " ".join(words(agency))
    if _REGIONAL.search(text):
        return False
    if kind == "state_agency":
        return True
    return kind is None and text.startswith(" ".join(words(STATE_NAMES.get(state, "-"))) + " ")
