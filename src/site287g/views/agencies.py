"""Turn the agency YAML into rows, listings and counts for the pages. Plain Python, no MkDocs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..data import SiteData
from ..data.ids import agency_id
from ..data.vocab import LISTS, NOT_GIVEN, STATE_NAMES, TYPE_NAMES
from .changes import Day, Shown, changes, days, month_pages
from .profiles import Profile, profiles

# Most rows one HTML page holds: about 380 bytes a row keeps a page well under 1 MB.
ROWS_PER_PAGE = 2000
# A state's first page also lists its agencies by county (about 100 bytes an agency): its
# table pages hold fewer rows.
STATE_ROWS_PER_PAGE = 1000
# With JavaScript, a page of a table with more than twice this many rows first lists this many
# and a "List all" button: laying out 1,843 rows takes seconds on a phone. The other rows are
# in a second row group that agencies.css hides until agency-table.js lists them.
PREVIEW_ROWS = 25

# Flags on these fields are shown next to the value; link flags (SafeLinks and so on) were
# repaired by the importer and the repaired link is what the reader needs.
SHOWN_FLAGS = ("agency", "type", "county", "model", "signed")


@dataclass
class Cell:
    """One shown value: its text (or None for "not given") and the importer's notes on it."""

    text: str | None
    notes: list[str] = field(default_factory=list)


@dataclass
class Row:
    """One agreement as a table row."""

    id: str
    state: str
    state_name: str
    agency: Cell
    type: Cell
    county: Cell
    model: str
    model_abbr: str
    signed: Cell
    moa: str | None
    moa_pending: bool
    addendum: str | None
    profile: str  # the agency's id, which names its page


@dataclass
class Listing:
    """A table of agreements split into pages of at most ``per_page`` rows."""

    key: str  # "participating", "pending", "state/tx/participating", "model/jem"
    kind: str  # participating or pending
    title: str
    rows: list[Row]
    state_filter: bool = True  # a list of several states can be filtered by state
    per_page: int = ROWS_PER_PAGE

    @property
    def pages(self) -> list[list[Row]]:
        """The rows of each page (at least one, possibly empty, page)."""
        rows, size = self.rows, self.per_page
        return [rows[i : i + size] for i in range(0, len(rows), size)] or [[]]


def _note(flag: dict[str, str]) -> str:
    """Say what ICE published and why it is not shown as is."""
    raw = " ".join(flag["raw"].split())
    return f"ICE's list says “{raw}”: {flag['problem']}" if raw else flag["problem"]


def _cell(value: str | None, field_name: str, flags: list[dict[str, str]]) -> Cell:
    """A value with the notes of the flags about it."""
    if not flags:
        return Cell(value, [])
    notes = [_note(f) for f in flags if f["field"] == field_name and field_name in SHOWN_FLAGS]
    return Cell(value, notes)


def make_row(rec: dict[str, Any], model_abbr: dict[str, str], owner: str | None = None) -> Row:
    """Turn one agreement record into a row of display values; ``owner`` is the id of the
    agency whose page holds it (by default the agency the record names)."""
    flags = rec.get("flags") or []
    kind = rec.get("type")
    return Row(
        id=rec["id"],
        state=rec["state"],
        state_name=STATE_NAMES.get(rec["state"], rec["state"]),
        agency=_cell(rec["agency"], "agency", flags),
        type=_cell(TYPE_NAMES.get(kind) if kind else None, "type", flags),
        county=_cell(rec.get("county"), "county", flags),
        model=rec["model"],
        model_abbr=model_abbr[rec["model"]],
        signed=_cell(rec.get("signed"), "signed", flags),
        moa=rec.get("moa"),
        moa_pending=bool(rec.get("moa_pending")),
        addendum=rec.get("addendum"),
        profile=owner or agency_id(rec["state"], rec["agency"]),
    )


@dataclass
class Agencies:
    """Everything the agency pages show, computed once per build."""

    records: dict[str, list[dict[str, Any]]]
    rows: dict[str, list[Row]]
    lists: dict[str, Any]
    history: list[dict[str, Any]]
    models: list[dict[str, Any]]
    lifecycle: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    profiles: list[Profile] = field(default_factory=list)
    memo: dict[Any, Any] = field(default_factory=dict)  # groupings computed once

    @property
    def profile_by_id(self) -> dict[str, Profile]:
        """Each agency's profile by its id."""
        if "profiles" not in self.memo:
            self.memo["profiles"] = {p.id: p for p in self.profiles}
        return self.memo["profiles"]

    def profiles_in(self, state: str) -> list[Profile]:
        """The profiles of one state's agencies, in profile order."""
        if "by_state" not in self.memo:
            grouped: dict[str, list[Profile]] = {}
            for p in self.profiles:
                grouped.setdefault(p.state, []).append(p)
            self.memo["by_state"] = grouped
        return self.memo["by_state"].get(state, [])

    @property
    def model_names(self) -> dict[str, str]:
        """Model names by code, as data/models.yml writes them."""
        return {m["id"]: m["name"] for m in self.models}

    @property
    def model_by_id(self) -> dict[str, dict[str, Any]]:
        """models.yml entries by id."""
        return {m["id"]: m for m in self.models}

    def days(self) -> list[Day]:
        """Every day with changes to the lists, newest first (computed once)."""
        if "days" not in self.memo:
            self.memo["days"] = days(changes(self.profiles))
        return self.memo["days"]

    def month_pages(self) -> dict[str, list[list[Shown]]]:
        """Each month's changes, split into pages (computed once)."""
        if "month_pages" not in self.memo:
            self.memo["month_pages"] = month_pages(self.days())
        return self.memo["month_pages"]

    def day_page(self, date: str) -> int:
        """The month page (numbered from 1) where the changes of list date ``date`` begin."""
        if "day_pages" not in self.memo:  # found once for every date
            starts: dict[str, int] = {}
            for pages in self.month_pages().values():
                for number, page in enumerate(pages, 1):
                    for shown in page:
                        starts.setdefault(shown.date, number)
            self.memo["day_pages"] = starts
        return self.memo["day_pages"][date]

    def states(self) -> list[str]:
        """USPS codes with an agreement or a request on either list, now or ever, by name."""
        codes = {r.state for kind in LISTS for r in self.rows[kind]}
        codes |= {p.state for p in self.profiles}
        return sorted(codes, key=lambda c: STATE_NAMES.get(c, c))

    def _by(self, kind: str, attr: str) -> dict[str, list[Row]]:
        """Rows of a list grouped by state or model, in list order (computed once)."""
        key = ("by", kind, attr)
        if key not in self.memo:
            groups: dict[str, list[Row]] = {}
            for r in self.rows[kind]:
                groups.setdefault(getattr(r, attr), []).append(r)
            self.memo[key] = groups
        return self.memo[key]

    def listing(self, key: str) -> Listing:
        """The listing named by ``key`` (see Listing.key)."""
        parts = key.split("/")
        if parts[0] in LISTS:
            return Listing(key, parts[0], LISTS[parts[0]], self.rows[parts[0]])
        if parts[0] == "state":
            code, kind = parts[1].upper(), parts[2]
            rows = self._by(kind, "state").get(code, [])
            label = "Agreements" if kind == "participating" else "Pending requests"
            title = f"{label} in {STATE_NAMES[code]}"
            return Listing(key, kind, title, rows, False, STATE_ROWS_PER_PAGE)
        if parts[0] == "model":
            model = self.model_by_id[parts[1]]
            rows = self._by("participating", "model").get(parts[1], [])
            return Listing(key, "participating", f"{model['name']} agreements", rows)
        raise ValueError(f"unknown listing {key!r}")

    def counts(self, rows: list[Row]) -> dict[str, list[tuple[str, str, int]]]:
        """Agreements by model and by type: (key, label, count), every model and type listed."""
        by_model = Counter(r.model for r in rows)
        by_type = Counter(r.type.text or NOT_GIVEN for r in rows)
        types = [*TYPE_NAMES.values(), NOT_GIVEN]
        return {
            "model": [(m["id"], m["name"], by_model[m["id"]]) for m in self.models],
            "type": [(t, t, by_type[t]) for t in types if by_type[t] or t != NOT_GIVEN],
        }

    def state_counts(self, kind: str = "participating") -> dict[str, int]:
        """Agreements per USPS code."""
        return {code: len(rows) for code, rows in self._by(kind, "state").items()}


def build(data: SiteData) -> Agencies:
    """Collect both lists (sorted by state name, agency, model) with their display rows."""
    models = list(data["models"]["models"])
    abbr = {m["id"]: m["abbreviation"] for m in models}
    lifecycle = dict(data.files.get("agencies/lifecycle") or {})
    found = profiles(lifecycle, {m["id"]: m["name"] for m in models})
    # A request that became an agreement is on the page of the agency that signed it.
    owner = {(g.kind, g.id): p.id for p in found for g in p.agreements}
    records: dict[str, list[dict[str, Any]]] = {}
    rows: dict[str, list[Row]] = {}
    for kind in LISTS:
        recs = [
            rec
            for name, content in data.group(f"agencies/{kind}").items()
            for rec in content["agreements"]
        ]
        recs.sort(key=lambda r: (STATE_NAMES.get(r["state"], ""), r["agency"].casefold(), r["id"]))
        records[kind] = recs
        rows[kind] = [make_row(rec, abbr, owner.get((kind, rec["id"]))) for rec in recs]
    lists = data.files.get("agencies/lists", {})
    history = list(data.files.get("agencies/history", {}).get("imports", []))
    return Agencies(records, rows, lists, history, models, lifecycle, found)
