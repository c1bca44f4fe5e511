"""The agencies of each county of a state, for its page: every county with an agency, then
the state-wide agencies (they cover every county), then the agencies not placed in a county."""

from __future__ import annotations

from dataclasses import dataclass, field

from .county_data import counties
from .profiles import Profile


@dataclass
class CountyList:
    """One county and the agencies placed in it (current agreements or requests)."""

    fips: str | None
    name: str
    profiles: list[Profile] = field(default_factory=list)


def listed(profile: Profile) -> bool:
    """Whether the agency is in its state's county lists: not when all its agreements were
    removed, since these lists say who takes part now."""
    return profile.status != "removed"


def county_lists(profiles: list[Profile], state: str) -> list[CountyList]:
    """The counties of one state with their agencies, by county name; then the state-wide
    agencies and those not placed (each list left out when empty), of the agencies listed()."""
    names = {c.fips: c.name for c in counties().values() if c.state == state}
    by_fips: dict[str, CountyList] = {}
    statewide = CountyList(None, "State-wide agencies (every county)")
    unplaced = CountyList(None, "Agencies not placed in a county")
    for p in profiles:
        if p.state != state or not listed(p):
            continue
        if p.statewide:
            statewide.profiles.append(p)
        elif p.fips and p.fips in names:
            by_fips.setdefault(p.fips, CountyList(p.fips, names[p.fips])).profiles.append(p)
        else:
            unplaced.profiles.append(p)
    lists = sorted(by_fips.values(), key=lambda c: c.name)
    return [*lists, *(extra for extra in (statewide, unplaced) if extra.profiles)]
