"""Normalise the raw rows of one list into agreement records, flagged values and rejects."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import normalize as norm
from .ids import assign_ids
from .links import link
from .read import RawList

# Key order of a record in the YAML files (pending records have no "signed").
RECORD_KEYS: tuple[str, ...] = (
    "id",
    "state",
    "agency",
    "type",
    "county",
    "model",
    "signed",
    "moa",
    "moa_pending",
    "addendum",
    "flags",
)


@dataclass
class Rejected:
    """A row that could not become a record, with the reason and its raw cells."""

    row: int
    reason: str
    raw: dict[str, str]


@dataclass
class Normalised:
    """Records (in row order) with their spreadsheet row numbers, plus rejected rows."""

    kind: str
    records: list[dict] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def normalise(raw: RawList, latest_year: int) -> Normalised:
    """Turn every raw row into a record or a rejection; nothing is dropped silently."""
    out = Normalised(kind=raw.kind)
    for number, cells in raw.rows:
        rec, reason = _record(cells, raw, latest_year)
        if rec is None:
            text = {k: "" if v is None else str(v) for k, v in cells.items()}
            out.rejected.append(Rejected(number, reason, text))
        else:
            out.records.append(rec)
            out.rows.append(number)
    for rec, dup in zip(out.records, assign_ids(out.records), strict=True):
        if dup:
            rec["flags"].append(dup)
    out.records = [_ordered(r) for r in out.records]
    return out


def _record(cells: dict, raw: RawList, latest_year: int) -> tuple[dict | None, str]:
    """Normalise one row; return (None, reason) when it cannot be placed in the data."""
    state = norm.state_code(cells.get("state"))
    if state is None:
        return None, f"unknown state {cells.get('state')!r}"
    agency, flags = norm.clean_text("agency", cells.get("agency"))
    if not agency:
        return None, "no agency name"
    model, model_flags = norm.model_code(cells.get("model"))
    if model is None:
        return None, f"unknown support type {cells.get('model')!r}"
    kind_type, type_flags = norm.agency_type(cells.get("type"), "type" in raw.columns)
    county, county_flags = (
        (None, []) if "county" not in raw.columns else norm.county(cells.get("county"))
    )
    rec: dict = {
        "state": state,
        "agency": agency,
        "type": kind_type,
        "county": county,
        "model": model,
    }
    flags += model_flags + type_flags + county_flags
    if raw.kind == "participating":
        rec["signed"], date_flags = norm.signed_date(cells.get("signed"), latest_year)
        flags += date_flags
    rec["moa"], pending, moa_flags = link("moa", cells.get("moa"), cells.get("moa_url"))
    if pending:
        rec["moa_pending"] = True
    rec["addendum"], _, add_flags = link(
        "addendum", cells.get("addendum"), cells.get("addendum_url")
    )
    rec["flags"] = flags + moa_flags + add_flags
    return rec, ""


def _ordered(rec: dict) -> dict:
    """Fixed key order; empty flags and a false moa_pending are left out."""
    return {k: rec[k] for k in RECORD_KEYS if k in rec and not (k == "flags" and not rec[k])}
