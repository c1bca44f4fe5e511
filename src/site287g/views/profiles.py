"""One profile per agency: its agreements and requests, where it is, and what happened to it,
each fact with the ICE list it came from. Plain data from data/agencies/lifecycle.yml."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..data.ids import agency_id, agency_of
from ..data.vocab import STATE_NAMES, TYPE_NAMES
from .counties import place
from .timeline import Event, events


@dataclass
class Agreement:
    """One agreement (or pending request) of an agency, as its profile lists it."""

    id: str
    kind: str  # participating or pending
    model: str
    status: str  # active, missing, removed (agreements); pending, missing, removed, signed
    signed: str | None
    moa: str | None
    moa_pending: bool
    addendum: str | None
    first_listed: str
    last_listed: str | None  # None: still on the latest list
    removed: str | None


@dataclass
class Profile:
    """An agency: its latest name, place and kind, agreements, other names and timeline."""

    id: str
    state: str
    name: str
    type: str | None
    county: str | None
    fips: str | None
    statewide: bool
    agreements: list[Agreement] = field(default_factory=list)
    other_names: list[str] = field(default_factory=list)
    former_ids: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.state_name = STATE_NAMES.get(self.state, self.state)  # Texas

    @property
    def type_name(self) -> str | None:
        """The kind of agency as shown: County, Municipality, State agency."""
        return TYPE_NAMES.get(self.type) if self.type else None

    @property
    def status(self) -> str:
        """active (an agreement on ICE's list), pending (only a request), or removed."""
        states = {(a.kind, a.status) for a in self.agreements}
        if states & {("participating", "active"), ("participating", "missing")}:
            return "active"
        if states & {("pending", "pending"), ("pending", "missing")}:
            return "pending"
        return "removed"


def _agreement(rec: dict[str, Any], kind: str) -> Agreement:
    """The profile's view of one lifecycle record."""
    last = rec["episodes"][-1]
    return Agreement(
        id=rec["id"],
        kind=kind,
        model=rec["model"],
        status=rec["status"],
        signed=rec.get("signed"),
        moa=rec.get("moa"),
        moa_pending=bool(rec.get("moa_pending")),
        addendum=rec.get("addendum"),
        first_listed=rec["first_listed"],
        last_listed=last["last"],
        removed=last["removed"],
    )


def _names(rec: dict[str, Any]) -> list[str]:
    """Every name a record had: its earlier spellings and the ones joined to it."""
    names = [c["from"] for c in rec["changes"] if c["field"] == "agency" and c.get("from")]
    names += [j["from"]["agency"] for j in rec["joins"] if j["from"].get("agency")]
    return names


def profiles(lifecycle: dict[str, list[dict[str, Any]]], models: dict[str, str]) -> list[Profile]:
    """Every agency that ever had an agreement or a request, by state and name. ``models``
    names each model code (data/models.yml)."""
    found: dict[str, Profile] = {}
    owner: dict[str, str] = {}  # agreement id -> agency id
    records = [(rec, "participating") for rec in lifecycle.get("participating", [])]
    # A request that became an agreement belongs to the agency that signed it.
    records += [(rec, "pending") for rec in lifecycle.get("pending", [])]
    for rec, kind in records:
        key = owner.get(rec.get("signed_as") or "") or agency_id(rec["state"], rec["agency"])
        profile = found.get(key)
        if profile is None:
            where = place(rec)
            profile = found[key] = Profile(
                id=key,
                state=rec["state"],
                name=rec["agency"],
                type=rec.get("type"),
                county=where.county or rec.get("county"),
                fips=where.fips,
                statewide=where.method == "state-wide agency",
            )
        owner[rec["id"]] = key
        profile.agreements.append(_agreement(rec, kind))
        for name in [*_names(rec), rec["agency"]]:
            # Spellings that differ only in case, apostrophes or spaces are not other names.
            if agency_id(rec["state"], name) != key and name not in profile.other_names:
                profile.other_names.append(name)
        for former in rec.get("former_ids") or []:
            old = agency_of(former)
            if old != key and old not in profile.former_ids:
                profile.former_ids.append(old)
        profile.events += events(rec, kind, models)
    for profile in found.values():
        profile.agreements.sort(key=lambda a: (a.kind != "participating", a.model, a.id))
        profile.events.sort(key=lambda e: (e.date, e.order))
    return sorted(found.values(), key=lambda p: (p.state_name, p.name.casefold(), p.id))
